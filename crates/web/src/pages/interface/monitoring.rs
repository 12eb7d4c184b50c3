//! Monitoring and evaluation of one interface service (`/orgs/{id}/interface/{sid}/monitoring`):
//! its indicators with a baseline, a target and the progress computed from the knowledge base's
//! latest value (as the reader may see it: suppressed small numbers are blanked before they get
//! here), and the yearly evaluation the parties write together. The county's report section
//! reads the same lines ([`tracked_lines`]).

use super::{explains, org_names, party};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::format::today;
use crate::interface_views::{tracked_lines, TrackedLine};
use crate::refusal::{answer, submit};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use chrono::Datelike;
use hyte_domain::interface::{EvaluationForm, InterfaceService, TrackedForm};

use hyte_domain::{Area, AreaKind, ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;

/// The areas an indicator of `svc` may follow: the municipalities it covers and its parties' own
/// municipality or county.
pub async fn area_choices(app: &App, svc: &InterfaceService) -> Result<Vec<Area>, AppError> {
    let mut out: Vec<Area> = vec![];
    for code in &svc.input.areas {
        out.extend(app.store.get_area(AreaKind::MUNICIPALITY, code).await?);
    }
    for p in &svc.parties {
        let Some(area_id) = app.store.get_organisation(p.org_id).await?.and_then(|o| o.area_id) else { continue };
        let Some(a) = app.store.get_area_by_id(area_id).await? else { continue };
        let kind = a.kind.as_str();
        if (kind == AreaKind::MUNICIPALITY || kind == AreaKind::WELLBEING_COUNTY) && !out.iter().any(|x| x.id == a.id) {
            out.push(a);
        }
    }
    Ok(out)
}

/// One year's evaluation: what was written, and its form.
pub struct EvaluationView {
    pub year: i32,
    pub written: bool,
    pub contributors: String,
    /// (label, text) of what was written.
    pub texts: Vec<(String, String)>,
    pub fields: Vec<Field>,
    pub version: i64,
    /// Its form is shown open (this year's, or one refused).
    pub open: bool,
}

#[derive(Template)]
#[template(path = "interface/monitoring.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    sid: i64,
    name: String,
    tab: &'static str,
    lines: Vec<TrackedLine>,
    can_edit: bool,
    tracked_fields: Vec<Field>,
    evaluations: Vec<EvaluationView>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

#[derive(Default)]
struct Failed {
    tracked: Option<(TrackedForm, FieldErrors)>,
    evaluation: Option<(i32, EvaluationForm, FieldErrors)>,
    alert: Option<ErrorCode>,
}

fn tracked_fields(c: &Ctx, f: &TrackedForm, e: &FieldErrors, areas: &[Area]) -> Vec<Field> {
    let mut area_choices = vec![(String::new(), c.t("ifc-tracked-choose-area"))];
    area_choices.extend(areas.iter().map(|a| (a.code.clone(), c.name(&a.names).to_string())));
    vec![
        Field::new(c, "tracked", "indicator_id", "field-ifc-tracked-indicator", &f.indicator_id, e)
            .required()
            .hint(c.t("field-ifc-tracked-indicator-hint")),
        Field::new(c, "tracked", "area_code", "field-ifc-tracked-area", &f.area_code, e)
            .select(area_choices)
            .required(),
        Field::new(c, "tracked", "baseline_year", "field-ifc-tracked-baseline-year", &f.baseline_year, e)
            .kind("number")
            .required(),
        Field::new(c, "tracked", "baseline", "field-ifc-tracked-baseline", &f.baseline, e).required(),
        Field::new(c, "tracked", "target_year", "field-ifc-tracked-target-year", &f.target_year, e)
            .kind("number")
            .required(),
        Field::new(c, "tracked", "target", "field-ifc-tracked-target", &f.target, e).required(),
    ]
}

const EVALUATION_FIELDS: [(&str, &str); 4] = [
    ("worked", "field-ifc-eval-worked"),
    ("gaps", "field-ifc-eval-gaps"),
    ("client_feedback", "field-ifc-eval-feedback"),
    ("changes", "field-ifc-eval-changes"),
];

fn evaluation_fields(c: &Ctx, year: i32, f: &EvaluationForm, e: &FieldErrors) -> Vec<Field> {
    let prefix = format!("eval-{year}");
    let values = [&f.worked, &f.gaps, &f.client_feedback, &f.changes];
    EVALUATION_FIELDS
        .iter()
        .zip(values)
        .map(|((name, label), value)| Field::new(c, &prefix, name, label, value, e).kind("textarea"))
        .collect()
}

/// This year's and last year's evaluations, and every earlier one written, newest first.
async fn evaluation_views(
    app: &App,
    c: &Ctx,
    org_id: i64,
    sid: i64,
    failed: &Option<(i32, EvaluationForm, FieldErrors)>,
) -> Result<Vec<EvaluationView>, AppError> {
    let names = org_names(app, c).await?;
    let written = app.store.evaluations(org_id, sid).await?;
    let this_year = today().year();
    let mut years: Vec<i32> = written.iter().map(|e| e.year).chain([this_year, this_year - 1]).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    Ok(years
        .into_iter()
        .map(|year| {
            let stored = written.iter().find(|e| e.year == year);
            let refused = failed.as_ref().filter(|(y, _, _)| *y == year);
            let (f, e) = match (refused, stored) {
                (Some((_, f, e)), _) => (f.clone(), e.clone()),
                (None, Some(s)) => (EvaluationForm::from_evaluation(s), FieldErrors::default()),
                (None, None) => (EvaluationForm::default(), FieldErrors::default()),
            };
            let fields = evaluation_fields(c, year, &f, &e);
            EvaluationView {
                year,
                written: stored.is_some(),
                contributors: stored
                    .map(|s| s.contributors.iter().filter_map(|o| names.get(o).cloned()).collect::<Vec<_>>().join(", "))
                    .unwrap_or_default(),
                texts: stored
                    .map(|s| {
                        let i = &s.input;
                        EVALUATION_FIELDS
                            .iter()
                            .zip([&i.worked, &i.gaps, &i.client_feedback, &i.changes])
                            .filter_map(|((_, label), text)| text.clone().map(|t| (c.t(label), t)))
                            .collect()
                    })
                    .unwrap_or_default(),
                version: stored.map(|s| s.version).unwrap_or(0),
                open: year == this_year || refused.is_some(),
                fields,
            }
        })
        .collect())
}

async fn page_of(
    app: &App,
    c: Ctx,
    org: Organisation,
    svc: InterfaceService,
    failed: Failed,
) -> Result<Page, AppError> {
    let areas = area_choices(app, &svc).await?;
    let (tf, te) = failed.tracked.unwrap_or_default();
    let tracked_fields = tracked_fields(&c, &tf, &te, &areas);
    let evaluations = evaluation_views(app, &c, org.id, svc.id, &failed.evaluation).await?;
    let mut errors = summary(&tracked_fields);
    for e in &evaluations {
        errors.extend(summary(&e.fields));
    }
    Ok(Page {
        lines: tracked_lines(app, &c, org.id, svc.id, c.lang).await?,
        sid: svc.id,
        name: svc.name(c.lang).to_string(),
        tab: "monitoring",
        can_edit: c.can(org.id, Permission::Edit),
        alert: failed.alert.map(|a| c.err(a)),
        tracked_fields,
        evaluations,
        errors,
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, sid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _, svc) = party(&app, &c, id, sid, Permission::View).await?;
    render(&page_of(&app, c, org, svc, Failed::default()).await?)
}

pub async fn add_indicator(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(f): Form<TrackedForm>,
) -> Result<Response, AppError> {
    let (org, me, svc) = party(&app, &c, id, sid, Permission::Edit).await?;
    let areas = area_choices(&app, &svc).await?;
    let parsed = f.parse().and_then(|t| match areas.iter().any(|a| a.code == t.area_code) {
        true => Ok(t),
        false => Err(ErrorCode::ReferenceInvalid.on("area_code")),
    });
    let outcome =
        submit(parsed, async |input| app.store.add_tracked(id, sid, &input, Actor::user(me.user_id)).await).await;
    let done = format!("/orgs/{id}/interface/{sid}/monitoring#indicators");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            // An indicator the store refuses is the indicator field's error.
            let (mut errors, mut alert) = (r.errors, r.alert);
            if alert == Some(ErrorCode::IndicatorInvalid) {
                errors.add("indicator_id", ErrorCode::IndicatorInvalid);
                alert = None;
            }
            page_of(&app, c, org, svc, Failed { tracked: Some((f, errors)), alert, ..Default::default() }).await
        },
    )
    .await
}

pub async fn remove_indicator(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid, tid)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (_, me, _) = party(&app, &c, id, sid, Permission::Edit).await?;
    app.store.remove_tracked(id, sid, tid, Actor::user(me.user_id)).await?;
    Ok(see_other(&format!("/orgs/{id}/interface/{sid}/monitoring#indicators")))
}

/// A year's evaluation (`version` 0 for a year not written yet); no year after this one.
pub async fn evaluate(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid, year)): Path<(i64, i64, i32)>,
    Form(f): Form<EvaluationForm>,
) -> Result<Response, AppError> {
    let (org, me, svc) = party(&app, &c, id, sid, Permission::Edit).await?;
    if year > today().year() {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let outcome = submit(f.parse(), async |input| {
        app.store.save_evaluation(id, sid, year, f.version, &input, Actor::user(me.user_id)).await
    })
    .await;
    let done = format!("/orgs/{id}/interface/{sid}/monitoring#evaluation-{year}");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            // After a conflict the current evaluation shows; else what was typed.
            let evaluation = (r.alert.is_none()).then_some((year, f, r.errors));
            page_of(&app, c, org, svc, Failed { evaluation, alert: r.alert, ..Default::default() }).await
        },
    )
    .await
}
