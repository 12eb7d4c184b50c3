//! The plan of a report: priorities, goals with indicator targets, and measures by sector.
//! Coordinators shape the plan while the report is a draft or in review; each sector's editors
//! record the follow-up of their own measures at any time.

use super::plan_view::{self, PlanView};
use super::report::load;
use super::view::content_lang;
use crate::ctx::Ctx;
use crate::error::{status_of, AppError};
use crate::form::{summary, Field};
use crate::respond::{render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use hyte_domain::reports::{GoalForm, MeasureFollowUp, MeasureForm, MeasureStatus, PriorityInput, Report};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::{Actor, StoreError};

#[derive(Template)]
#[template(path = "reports/plan.html")]
struct PlanPage {
    c: Ctx,
    org: Organisation,
    report: Report,
    plan: PlanView,
    can_shape: bool,
    priority_fields: Vec<Field>,
    goal_fields: Vec<Field>,
    measure_fields: Vec<Field>,
    /// (goal id, title, checked) for the measure form.
    goal_choices: Vec<(i64, String, bool)>,
    statuses: Vec<(String, String)>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

/// What the user typed into one of the forms, kept when it is shown again with errors.
#[derive(Default)]
struct Typed {
    priority: (String, String),
    goal: GoalForm,
    measure: MeasureForm,
    goals: Vec<i64>,
}

pub(super) fn status_options(c: &Ctx) -> Vec<(String, String)> {
    MeasureStatus::ALL.iter().map(|s| (s.as_str().to_string(), c.code(*s))).collect()
}

#[allow(clippy::too_many_arguments)]
async fn page(
    app: &App,
    c: Ctx,
    org: Organisation,
    report: Report,
    typed: &Typed,
    errors: &FieldErrors,
    which: &str,
    alert: Option<ErrorCode>,
) -> Result<PlanPage, AppError> {
    let plan = app.store.plan(report.id).await?;
    let lang = content_lang(&c, &report);
    let view = plan_view::build(app, &c, &org, &plan, lang).await?;
    let none = FieldErrors::default();
    let errs = |form: &str| if form == which { errors } else { &none };
    let priorities: Vec<(String, String)> =
        plan.priorities.iter().map(|p| (p.id.to_string(), p.title.clone())).collect();
    let sectors = sector_options(app, &c, org.id).await?;
    let (pt, pd) = &typed.priority;
    let priority_fields = vec![
        Field::new(&c, "priority", "title", "field-priority-title", pt, errs("priority")).required(),
        Field::new(&c, "priority", "description", "field-priority-description", pd, errs("priority")),
    ];
    let g = &typed.goal;
    let e = errs("goal");
    let goal_fields = vec![
        Field::new(&c, "goal", "priority_id", "field-goal-priority", &g.priority_id, e).select(priorities).required(),
        Field::new(&c, "goal", "title", "field-goal-title", &g.title, e).required(),
        Field::new(&c, "goal", "indicator_id", "field-goal-indicator", &g.indicator_id, e)
            .hint(c.t("field-goal-indicator-hint")),
        Field::new(&c, "goal", "baseline_year", "field-goal-baseline-year", &g.baseline_year, e),
        Field::new(&c, "goal", "baseline_value", "field-goal-baseline-value", &g.baseline_value, e),
        Field::new(&c, "goal", "target_year", "field-goal-target-year", &g.target_year, e),
        Field::new(&c, "goal", "target_value", "field-goal-target-value", &g.target_value, e),
    ];
    let measure_fields = measure_fields(&c, sectors, &typed.measure, errs("measure"));
    let goal_choices = plan.goals.iter().map(|g| (g.id, g.title.clone(), typed.goals.contains(&g.id))).collect();
    let mut errors = summary(&priority_fields);
    errors.extend(summary(&goal_fields));
    errors.extend(summary(&measure_fields));
    Ok(PlanPage {
        can_shape: c.can(org.id, Permission::Coordinate) && report.state.editable(),
        alert: alert.map(|a| c.err(a)),
        plan: view,
        priority_fields,
        goal_fields,
        measure_fields,
        goal_choices,
        statuses: status_options(&c),
        errors,
        report,
        org,
        c,
    })
}

/// The organisation's sectors as options of a measure's responsible sector.
pub(super) async fn sector_options(app: &App, c: &Ctx, org_id: i64) -> Result<Vec<(String, String)>, AppError> {
    let mut sectors: Vec<(String, String)> = vec![(String::new(), c.t("measure-no-sector"))];
    sectors
        .extend(app.store.list_sectors(org_id).await?.iter().map(|s| (s.id.to_string(), c.name(&s.names).to_string())));
    Ok(sectors)
}

/// The fields of a measure form (adding and editing).
pub(super) fn measure_fields(c: &Ctx, sectors: Vec<(String, String)>, m: &MeasureForm, e: &FieldErrors) -> Vec<Field> {
    vec![
        Field::new(c, "measure", "title", "field-measure-title", &m.title, e).required(),
        Field::new(c, "measure", "description", "field-measure-description", &m.description, e).kind("textarea"),
        Field::new(c, "measure", "sector_id", "field-measure-sector", &m.sector_id, e).select(sectors),
        Field::new(c, "measure", "responsible_person", "field-measure-person", &m.responsible_person, e),
        Field::new(c, "measure", "start_year", "field-measure-start", &m.start_year, e),
        Field::new(c, "measure", "end_year", "field-measure-end", &m.end_year, e),
        Field::new(c, "measure", "euros", "field-measure-euros", &m.euros, e),
        Field::new(c, "measure", "person_years", "field-measure-person-years", &m.person_years, e),
        Field::new(c, "measure", "status", "field-measure-status", &m.status, e).select(status_options(c)),
    ]
}

/// A measure form as posted: its fields, and one `goal` per linked goal.
pub(super) fn measure_form_of(pairs: &[(String, String)]) -> (MeasureForm, Vec<i64>) {
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    let f = MeasureForm {
        title: get("title"),
        description: get("description"),
        sector_id: get("sector_id"),
        responsible_person: get("responsible_person"),
        start_year: get("start_year"),
        end_year: get("end_year"),
        euros: get("euros"),
        person_years: get("person_years"),
        status: get("status"),
    };
    let goals: Vec<i64> = pairs.iter().filter(|(n, _)| n == "goal").filter_map(|(_, v)| v.parse().ok()).collect();
    (f, goals)
}

fn back(id: i64, rid: i64) -> Response {
    see_other(&format!("/orgs/{id}/reports/{rid}/plan"))
}

pub async fn show(State(app): State<App>, c: Ctx, Path((id, rid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let report = load(&app, id, rid).await?;
    let p = page(&app, c, org, report, &Typed::default(), &FieldErrors::default(), "", None).await?;
    render_status(StatusCode::OK, &p)
}

/// Shows the plan again with the form's errors (or a refusal from the store).
async fn rejected(
    app: &App,
    c: Ctx,
    org: Organisation,
    report: Report,
    typed: Typed,
    which: &str,
    e: Result<FieldErrors, StoreError>,
) -> Result<Response, AppError> {
    let (errors, alert) = match e {
        Ok(errors) => (errors, None),
        Err(StoreError::Rule(code)) => (FieldErrors::default(), Some(code)),
        Err(e) => return Err(e.into()),
    };
    let status = errors.0.first().map(|f| status_of(f.code)).or(alert.map(status_of)).unwrap_or(StatusCode::OK);
    render_status(status, &page(app, c, org, report, &typed, &errors, which, alert).await?)
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct PriorityForm {
    title: String,
    description: String,
}

pub async fn add_priority(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid)): Path<(i64, i64)>,
    Form(f): Form<PriorityForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let report = load(&app, id, rid).await?;
    let typed = Typed { priority: (f.title.clone(), f.description.clone()), ..Default::default() };
    let e = match PriorityInput::parse(&f.title, &f.description) {
        Ok(input) => match app.store.add_priority(rid, &input, Actor::user(me.user_id)).await {
            Ok(_) => return Ok(back(id, rid)),
            Err(e) => Err(e),
        },
        Err(errors) => Ok(errors),
    };
    rejected(&app, c, org, report, typed, "priority", e).await
}

pub async fn add_goal(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid)): Path<(i64, i64)>,
    Form(f): Form<GoalForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let report = load(&app, id, rid).await?;
    let e = match f.parse() {
        Ok(input) => match app.store.add_goal(rid, &input, Actor::user(me.user_id)).await {
            Ok(_) => return Ok(back(id, rid)),
            Err(StoreError::Rule(ErrorCode::NotFound)) => Ok(ErrorCode::InvalidInput.on("indicator_id")),
            Err(StoreError::Rule(ErrorCode::IndicatorInvalid)) => Ok(ErrorCode::IndicatorInvalid.on("indicator_id")),
            Err(e) => Err(e),
        },
        Err(errors) => Ok(errors),
    };
    rejected(&app, c, org, report, Typed { goal: f, ..Default::default() }, "goal", e).await
}

/// The measure form arrives as pairs: its fields, and one `goal` per linked goal.
pub async fn add_measure(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let report = load(&app, id, rid).await?;
    let (f, goals) = measure_form_of(&pairs);
    let e = match f.parse() {
        Ok(input) => match app.store.add_measure(rid, &input, &goals, Actor::user(me.user_id)).await {
            Ok(_) => return Ok(back(id, rid)),
            Err(StoreError::Rule(ErrorCode::SectorInvalid)) => Ok(ErrorCode::SectorInvalid.on("sector_id")),
            Err(e) => Err(e),
        },
        Err(errors) => Ok(errors),
    };
    rejected(&app, c, org, report, Typed { measure: f, goals, ..Default::default() }, "measure", e).await
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct FollowUpForm {
    status: String,
    comment: String,
    version: i64,
}

pub async fn follow_up(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, mid)): Path<(i64, i64, i64)>,
    Form(f): Form<FollowUpForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    let report = load(&app, id, rid).await?;
    let plan = app.store.plan(rid).await?;
    let m = plan.measures.iter().find(|m| m.id == mid).ok_or(AppError::new(ErrorCode::NotFound))?;
    if !plan_view::can_follow_up(&c, id, m) {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    let e = match MeasureFollowUp::parse(&f.status, &f.comment) {
        Ok(fu) => match app.store.follow_up_measure(rid, mid, f.version, &fu, Actor::user(me.user_id)).await {
            Ok(m) => return Ok(see_other(&format!("/orgs/{id}/reports/{rid}/plan#measure-{}", m.id))),
            Err(e) => Err(e),
        },
        Err(_) => Err(StoreError::Rule(ErrorCode::InvalidInput)),
    };
    rejected(&app, c, org, report, Typed::default(), "", e).await
}
