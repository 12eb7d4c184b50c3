//! Rating one alternative of a proposal in an assessment: each affected group's short- and
//! long-term impact, with a justification and whether it is uncertain.

use super::assessments::{explains, load_all};
use super::decisions::require_edit;
use super::group_name;
use crate::ctx::Ctx;
use crate::error::{status_of, AppError};
use crate::format::signed;
use crate::refusal::{answer, Failure};
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::assessment::{parse_ratings, Alternative, Assessment, Decision, Rating};
use hyte_domain::{ErrorCode, Organisation, Permission};
use hyte_store::Actor;
use std::collections::HashMap;

/// A posted rating form and its errors (field name, code).
type Typed<'a> = (&'a [(String, String)], &'a [(String, ErrorCode)]);

pub struct RateCell {
    pub key: String,
    pub group: String,
    pub short: String,
    pub long: String,
    pub uncertain: bool,
    pub justification: String,
    pub error: Option<String>,
}

pub struct RateArea {
    pub index: usize,
    pub name: String,
    pub cells: Vec<RateCell>,
}

#[derive(Template)]
#[template(path = "assessment/assessment_rate.html")]
struct RatePage {
    c: Ctx,
    org: Organisation,
    d: Decision,
    a: Assessment,
    name: String,
    alternative: Alternative,
    areas: Vec<RateArea>,
    scale: Vec<(String, String)>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
    base: String,
}

async fn rate_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    (d, a): (Decision, Assessment),
    alternative: Alternative,
    form: Option<Typed<'_>>,
    alert: Option<ErrorCode>,
) -> Result<RatePage, AppError> {
    let saved = app.store.assessment_ratings(a.id).await?;
    let saved: HashMap<(usize, usize), &Rating> =
        saved.iter().filter(|r| r.alternative_id == alternative.id).map(|r| ((r.area, r.group), r)).collect();
    let typed = |k: String| form.and_then(|(p, _)| p.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()));
    let mut errors = vec![];
    let areas = a
        .def
        .areas
        .iter()
        .enumerate()
        .map(|(ai, an)| RateArea {
            index: ai,
            name: c.name(an).to_string(),
            cells: a
                .groups
                .iter()
                .map(|&g| {
                    let key = format!("{ai}-{g}");
                    let r = saved.get(&(ai, g));
                    let pick = |prefix: &str, v: Option<Option<i32>>| {
                        typed(format!("{prefix}-{key}"))
                            .or_else(|| form.is_none().then(|| v.flatten().map(|x| x.to_string()).unwrap_or_default()))
                            .unwrap_or_default()
                    };
                    let error = form
                        .and_then(|(_, e)| e.iter().find(|(f, _)| f.ends_with(&format!("-{key}"))))
                        .map(|(f, code)| (f.clone(), c.err(code)));
                    let group = group_name(&a.def, g, c.lang).to_string();
                    if let Some((field, msg)) = &error {
                        errors.push((field.clone(), format!("{} – {group}", c.name(an)), msg.clone()));
                    }
                    RateCell {
                        short: pick("s", r.map(|r| r.short_term)),
                        long: pick("l", r.map(|r| r.long_term)),
                        uncertain: match form {
                            Some(_) => typed(format!("u-{key}")).is_some(),
                            None => r.is_some_and(|r| r.uncertain),
                        },
                        justification: typed(format!("j-{key}"))
                            .or_else(|| r.and_then(|r| r.justification.clone()))
                            .unwrap_or_default(),
                        error: error.map(|e| e.1),
                        group,
                        key,
                    }
                })
                .collect(),
        })
        .collect();
    let scale = a
        .def
        .scale
        .values()
        .map(|v| (v.to_string(), format!("{} {}", signed(v), c.t(&hyte_domain::assessment::rating_word_key(v)))))
        .collect();
    Ok(RatePage {
        name: c.name(&a.def.names).to_string(),
        base: format!("/orgs/{}/decisions/{}/assessments/{}", org.id, d.id, a.id),
        alert: alert.map(|x| c.err(x)),
        errors,
        areas,
        scale,
        alternative,
        org,
        d,
        a,
        c,
    })
}

async fn alternative_of(app: &App, d: &Decision, alt: i64) -> Result<Alternative, AppError> {
    let a = app.store.decision_alternatives(d.id).await?.into_iter().find(|a| a.id == alt);
    a.ok_or(AppError::new(ErrorCode::NotFound))
}

pub async fn rate_form(
    State(app): State<App>,
    c: Ctx,
    Path((id, did, aid, alt)): Path<(i64, i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Edit).await?;
    let (d, a) = load_all(&app, id, did, aid).await?;
    require_edit(&c, id, &d)?;
    let alternative = alternative_of(&app, &d, alt).await?;
    render(&rate_page(&app, c, org, (d, a), alternative, None, None).await?)
}

pub async fn rate(
    State(app): State<App>,
    c: Ctx,
    Path((id, did, aid, alt)): Path<(i64, i64, i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Edit).await?;
    let (d, a) = load_all(&app, id, did, aid).await?;
    let me = require_edit(&c, id, &d)?;
    let alternative = alternative_of(&app, &d, alt).await?;
    let version: i64 = pairs.iter().find(|(k, _)| k == "version").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let outcome = match parse_ratings(&a.def, &a.groups, alt, &pairs) {
        Ok(ratings) => {
            app.store.save_ratings(aid, version, alt, &ratings, Actor::user(me.user_id)).await.map_err(Failure::from)
        }
        Err(errs) => {
            let page = rate_page(&app, c, org, (d, a), alternative, Some((&pairs, &errs)), None).await?;
            return render_status(status_of(ErrorCode::NumberInvalid), &page);
        }
    };
    let done = format!("/orgs/{id}/decisions/{did}/assessments/{aid}#matrix");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            let (d, a) = load_all(&app, id, did, aid).await?;
            rate_page(&app, c, org, (d, a), alternative, Some((&pairs, &[])), r.alert).await
        },
    )
    .await
}
