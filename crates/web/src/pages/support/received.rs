//! Reports sent to the county (`/orgs/{id}/support/reports`): the county sees, for a year, which
//! member municipalities have sent their well-being report and which have not, acknowledges each
//! and writes feedback (versioned); a municipality sees what it has sent and the county's answer.
//! Sending is an action on the report's page ([`crate::pages::reports::sending`]).

use super::negotiations::explains;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::today;
use crate::refusal::{answer, Failure, Refusal};
use crate::respond::{render, see_other};
use crate::support_views::{sent_view, SentView};
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Form;
use chrono::Datelike;
use hyte_domain::support::negotiation::parse_feedback;
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;
use serde::Deserialize;
use std::collections::HashMap;

/// One member municipality's line: its latest report sent in the year, or none.
pub struct MemberLine {
    pub name: String,
    pub sent: Option<SentView>,
}

#[derive(Template)]
#[template(path = "support/received.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    is_county: bool,
    year: i32,
    years: Vec<i32>,
    lines: Vec<MemberLine>,
    /// Every report sent in the year (the county) or ever (a municipality), newest first.
    sent: Vec<(String, SentView)>,
    can_answer: bool,
    alert: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct YearQuery {
    year: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AnswerForm {
    feedback: String,
    version: i64,
    year: String,
}

fn year_of(s: &str) -> i32 {
    s.trim().parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)).unwrap_or(today().year())
}

async fn page_of(
    app: &App,
    c: Ctx,
    org: Organisation,
    year: i32,
    failed: Option<(i64, String, FieldErrors)>,
    alert: Option<ErrorCode>,
) -> Result<Page, AppError> {
    let is_county = org.kind.is_county();
    let all = app.store.sent_reports(org.id).await?;
    let members = if is_county { app.store.member_orgs(org.id).await? } else { vec![] };
    let mut names: HashMap<i64, String> = members.iter().map(|m| (m.id, c.name(&m.names).to_string())).collect();
    names.insert(org.id, c.name(&org.names).to_string());
    let mut sent = vec![];
    for s in all.iter().filter(|s| !is_county || s.year() == year) {
        let mut v = sent_view(&c, org.id, s);
        if let Some((id, text, e)) = &failed {
            if *id == s.id {
                v.feedback = text.clone();
                v.feedback_error = e.0.first().map(|f| c.err(f.code));
            }
        }
        let who = match names.get(&s.org_id) {
            Some(n) => n.clone(),
            None => {
                app.store.get_organisation(s.org_id).await?.map(|o| c.name(&o.names).to_string()).unwrap_or_default()
            }
        };
        sent.push((who, v));
    }
    let mut lines = vec![];
    for m in &members {
        // The latest report the municipality sent in the year (`all` is newest first).
        let latest = all.iter().find(|s| s.org_id == m.id && s.year() == year);
        let view = match latest {
            Some(s) => Some(sent_view(&c, org.id, s)),
            None => None,
        };
        lines.push(MemberLine { name: c.name(&m.names).to_string(), sent: view });
    }
    let this_year = today().year();
    Ok(Page {
        can_answer: is_county && c.can(org.id, Permission::Coordinate),
        years: (this_year - 3..=this_year).rev().collect(),
        alert: alert.map(|a| c.err(a)),
        is_county,
        year,
        lines,
        sent,
        org,
        c,
    })
}

pub async fn page(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<YearQuery>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    render(&page_of(&app, c, org, year_of(&q.year), None, None).await?)
}

fn back(id: i64, year: i32, sid: i64) -> Response {
    see_other(&format!("/orgs/{id}/support/reports?year={year}#sent-{sid}"))
}

pub async fn acknowledge(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(f): Form<AnswerForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let year = year_of(&f.year);
    let outcome: Result<_, Failure> =
        app.store.acknowledge_sent(id, sid, f.version, Actor::user(me.user_id)).await.map_err(Into::into);
    answer(
        outcome,
        explains,
        |_| back(id, year, sid),
        async |r: Refusal| page_of(&app, c, org, year, None, r.alert).await,
    )
    .await
}

pub async fn feedback(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(f): Form<AnswerForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let year = year_of(&f.year);
    let outcome = crate::refusal::submit(parse_feedback(&f.feedback), async |text: Option<String>| {
        app.store.sent_feedback(id, sid, f.version, text.as_deref(), Actor::user(me.user_id)).await
    })
    .await;
    answer(
        outcome,
        explains,
        |_| back(id, year, sid),
        async |r: Refusal| {
            let failed = (!r.errors.is_empty()).then(|| (sid, f.feedback.clone(), r.errors.clone()));
            page_of(&app, c, org, year, failed, r.alert).await
        },
    )
    .await
}
