//! A saved scenario (`/orgs/{id}/coefficient/scenarios/{sid}`): its changes, what it was worth when
//! saved and what it is worth on today's data, and the plan goal it is attached to (a coordinator
//! attaches it to a goal of the organisation's own plan, detaches or deletes it).

use super::simulator::outcome;
use super::{figures, value, Figures};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::refusal::{answer, submit, Refusal};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::coefficient::scenario::{ChangeKind, Scenario};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "coefficient/scenario.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    s: Scenario,
    model_name: String,
    model_href: String,
    changes: Vec<String>,
    saved: Figures,
    now: Option<Figures>,
    goal: Option<(String, String)>,
    goals: Vec<(String, String, bool)>,
    can_edit: bool,
    alert: Option<String>,
}

/// The goals of the organisation's plans: (id, "report – goal").
async fn goals(app: &App, org_id: i64) -> Result<Vec<(i64, i64, String)>, AppError> {
    let mut out = vec![];
    for r in app.store.list_reports(org_id).await? {
        for g in app.store.plan(r.id).await?.goals {
            out.push((g.id, r.id, format!("{} – {}", r.title, g.title)));
        }
    }
    Ok(out)
}

async fn build(app: &App, c: Ctx, id: i64, sid: i64, alert: Option<ErrorCode>) -> Result<Page, AppError> {
    let (org, _) = c.org(app, id, Permission::View).await?;
    let s = app.store.scenario(id, sid).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    let record = app.store.model_record(s.model_id).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    let d = app.coefficients.get(&*app.store, &record, None).await?;
    let changes = s
        .input
        .changes
        .iter()
        .map(|ch| {
            let name = d.model.indicator(&ch.indicator).map(|(_, i)| c.name(&i.names).to_string()).unwrap_or_default();
            match ch.kind {
                ChangeKind::By(v) => c.t2("coefficient-change-by", "name", name, "amount", value(&c, Some(v))),
                ChangeKind::To(v) => c.t2("coefficient-change-to", "name", name, "amount", value(&c, Some(v))),
            }
        })
        .collect();
    let now =
        d.unit(org.area_id).map(|u| outcome(&d, u, &s.input.changes).1).map(|o| figures(&c, &o, d.results.ranked));
    let all = goals(app, id).await?;
    let goal = s
        .goal_id
        .and_then(|g| all.iter().find(|x| x.0 == g))
        .map(|(g, r, name)| (format!("/orgs/{id}/reports/{r}/plan#goal-{g}"), name.clone()));
    let mut options = vec![(String::new(), c.t("coefficient-goal-none"), s.goal_id.is_none())];
    options.extend(all.iter().map(|(g, _, name)| (g.to_string(), name.clone(), s.goal_id == Some(*g))));
    Ok(Page {
        model_name: c.name(&d.model.names).to_string(),
        model_href: format!("/coefficient/models/{}", record.id),
        saved: figures(&c, &s.input.outcome, d.results.ranked),
        now,
        changes,
        goal,
        goals: options,
        can_edit: c.can(id, Permission::Coordinate),
        alert: alert.map(|a| c.err(a)),
        s,
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, sid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    render(&build(&app, c, id, sid, None).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AttachForm {
    goal_id: String,
    version: String,
}

fn parse(f: &AttachForm) -> Result<(Option<i64>, i64), FieldErrors> {
    let mut e = FieldErrors::default();
    let goal = match f.goal_id.trim() {
        "" => Some(None),
        g => e.check("goal_id", g.parse::<i64>().map(Some).map_err(|_| ErrorCode::InvalidInput)),
    };
    let version = e.check("version", f.version.trim().parse::<i64>().map_err(|_| ErrorCode::InvalidInput));
    match (goal, version) {
        (Some(g), Some(v)) if e.is_empty() => Ok((g, v)),
        _ => Err(e),
    }
}

fn explains(code: ErrorCode) -> bool {
    matches!(code, ErrorCode::EditConflict | ErrorCode::InvalidInput)
}

pub async fn attach(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(f): Form<AttachForm>,
) -> Result<Response, AppError> {
    let (_, me) = c.org(&app, id, Permission::Coordinate).await?;
    let outcome = submit(parse(&f), async |(goal, version)| {
        app.store.attach_scenario(id, sid, version, goal, Actor::user(me.user_id)).await
    })
    .await;
    let to = format!("/orgs/{id}/coefficient/scenarios/{sid}");
    answer(
        outcome,
        explains,
        |_| see_other(&to),
        async |r: Refusal| build(&app, c, id, sid, Some(r.alert.unwrap_or(ErrorCode::InvalidInput))).await,
    )
    .await
}

pub async fn delete(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(f): Form<AttachForm>,
) -> Result<Response, AppError> {
    let (_, me) = c.org(&app, id, Permission::Coordinate).await?;
    let parsed = f.version.trim().parse::<i64>().map_err(|_| {
        let mut e = FieldErrors::default();
        e.add("version", ErrorCode::InvalidInput);
        e
    });
    let outcome = submit(parsed, async |v| app.store.delete_scenario(id, sid, v, Actor::user(me.user_id)).await).await;
    answer(
        outcome,
        explains,
        |_| see_other(&format!("/orgs/{id}/coefficient")),
        async |r: Refusal| build(&app, c, id, sid, Some(r.alert.unwrap_or(ErrorCode::InvalidInput))).await,
    )
    .await
}
