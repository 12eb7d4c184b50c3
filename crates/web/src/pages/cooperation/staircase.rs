//! The HYTE staircase: a yearly self-assessment on seven steps with its justification, as a
//! history per organisation; a region compares its municipalities' latest steps.

use crate::ctx::Ctx;
use crate::error::{status_of, AppError};
use crate::form::{summary, Field};
use crate::refusal;
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::cooperation::{steps, Maturity};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::{Actor, StoreError};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "cooperation/staircase.html")]
struct StairPage {
    c: Ctx,
    org: Organisation,
    /// (step number, text, the latest assessment is on it), top step first.
    stairs: Vec<(i32, String, bool)>,
    history: Vec<Maturity>,
    /// A region's municipalities in Hyte: (name, year, step) or None.
    compare: Vec<(String, Option<(i32, i32)>)>,
    can_edit: bool,
    year_fields: Vec<Field>,
    step: String,
    justification: String,
    version: i64,
    step_error: Option<String>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StairForm {
    year: String,
    step: String,
    justification: String,
    version: i64,
}

async fn stair_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &StairForm,
    e: &FieldErrors,
    alert: Option<ErrorCode>,
) -> Result<StairPage, AppError> {
    let history = app.store.maturity(org.id).await?;
    let latest = history.first().map(|m| m.step);
    let all = steps();
    let stairs = (1..=7)
        .rev()
        .map(|n| (n, all.get(n as usize - 1).map(|s| c.name(s).to_string()).unwrap_or_default(), latest == Some(n)))
        .collect();
    let mut compare = vec![];
    if let (true, Some(area_id)) = (org.kind.is_county(), org.area_id) {
        for m in crate::knowledge::visible::member_municipalities(app, area_id).await? {
            for o in app.store.organisations_for_area(m.id).await? {
                let last = app.store.maturity(o.id).await?.first().map(|x| (x.year, x.step));
                compare.push((c.name(&o.names).to_string(), last));
            }
        }
    }
    let year_fields = vec![Field::new(&c, "stair", "year", "field-stair-year", &f.year, e).kind("number").required()];
    let step_error = e.get("step").map(|code| c.err(code));
    let mut errors = summary(&year_fields);
    if let Some(msg) = &step_error {
        errors.push(("stair-step-7".into(), c.t("field-stair-step"), msg.clone()));
    }
    if let Some(code) = e.get("justification") {
        errors.push(("stair-justification".into(), c.t("field-stair-justification"), c.err(code)));
    }
    Ok(StairPage {
        can_edit: c.can(org.id, Permission::Coordinate),
        alert: alert.map(|a| c.err(a)),
        step: f.step.clone(),
        justification: f.justification.clone(),
        version: f.version,
        step_error,
        errors,
        year_fields,
        stairs,
        history,
        compare,
        org,
        c,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct YearQuery {
    year: Option<i32>,
}

/// The page; `?year=` opens that year's assessment for editing.
pub async fn page(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<YearQuery>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let this_year: i32 = crate::format::today().format("%Y").to_string().parse().unwrap_or(2026);
    let year = q.year.unwrap_or(this_year);
    let existing = app.store.maturity(id).await?.into_iter().find(|m| m.year == year);
    let f = match existing {
        Some(m) => StairForm {
            year: m.year.to_string(),
            step: m.step.to_string(),
            justification: m.justification,
            version: m.version,
        },
        None => StairForm { year: year.to_string(), ..Default::default() },
    };
    render(&stair_page(&app, c, org, &f, &FieldErrors::default(), None).await?)
}

pub async fn save(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<StairForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let e = match Maturity::parse(&f.year, &f.step, &f.justification) {
        Ok((year, step, j)) => match app
            .store
            .save_maturity(id, year, f.version, step, &j, Actor::user(me.user_id))
            .await
        {
            Ok(_) => return Ok(see_other(&format!("/orgs/{id}/staircase"))),
            Err(StoreError::Rule(ErrorCode::EditConflict)) => {
                let current =
                    app.store.maturity(id).await?.into_iter().find(|m| m.year == year).map(|m| m.version).unwrap_or(0);
                let f = StairForm { version: current, ..f };
                let page = stair_page(&app, c, org, &f, &FieldErrors::default(), Some(ErrorCode::EditConflict)).await?;
                return render_status(status_of(ErrorCode::EditConflict), &page);
            }
            Err(e) => return Err(e.into()),
        },
        Err(e) => e,
    };
    render_status(refusal::status(&e), &stair_page(&app, c, org, &f, &e, None).await?)
}
