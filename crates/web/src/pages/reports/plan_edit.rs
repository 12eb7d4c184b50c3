//! Editing and removing the plan's items: priorities, goals (with any number of indicator
//! targets) and measures. Coordinators only, while the report is a draft or in review; a stale
//! form does not overwrite (the typed values are kept and the conflict is shown), and removing
//! asks for confirmation on a page of its own.

use super::plan::{measure_fields, measure_form_of, sector_options};
use super::report::load;
use crate::ctx::Ctx;
use crate::error::{status_of, AppError};
use crate::form::{summary, Field};
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::reports::PlanItem as Item;
use hyte_domain::reports::{GoalErrors, GoalInput, MeasureForm, Plan, PriorityInput, Report, TargetForm};
use hyte_domain::{ErrorCode, FieldErrors, Membership, Organisation, Permission};
use hyte_store::{Actor, StoreError};

/// One indicator target row of the goal form.
pub struct TargetRow {
    pub index: usize,
    pub legend: String,
    pub fields: Vec<Field>,
    /// An existing target (a blank row adds one).
    pub removable: bool,
    pub removed: bool,
}

#[derive(Template)]
#[template(path = "reports/plan_item.html")]
struct ItemPage {
    c: Ctx,
    org: Organisation,
    report: Report,
    heading: String,
    item: String,
    action: String,
    delete_href: String,
    delete_label: String,
    back: String,
    version: i64,
    fields: Vec<Field>,
    targets: Vec<TargetRow>,
    /// (goal id, title, checked), for a measure.
    goal_choices: Vec<(i64, String, bool)>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

#[derive(Template)]
#[template(path = "reports/plan_delete.html")]
struct DeletePage {
    c: Ctx,
    org: Organisation,
    report: Report,
    heading: String,
    help: String,
    action: String,
    back: String,
    version: i64,
    alert: Option<String>,
}

/// The coordinator, the organisation and the report, when the report's plan may change.
async fn shaping(app: &App, c: &Ctx, id: i64, rid: i64) -> Result<(Organisation, Membership, Report), AppError> {
    let (org, me) = c.org(app, id, Permission::Coordinate).await?;
    let report = load(app, id, rid).await?;
    if !report.state.editable() {
        return Err(AppError::new(ErrorCode::ReportLocked));
    }
    Ok((org, me, report))
}

fn plan_href(org: i64, rid: i64) -> String {
    format!("/orgs/{org}/reports/{rid}/plan")
}

/// The page's status: the first field error's, else the store's refusal, else OK.
fn status(
    errors: &[(String, String, String)],
    fields: &FieldErrors,
    alert: Option<ErrorCode>,
) -> axum::http::StatusCode {
    match (fields.0.first(), alert) {
        (Some(f), _) => status_of(f.code),
        (None, Some(a)) => status_of(a),
        _ if !errors.is_empty() => status_of(ErrorCode::InvalidInput),
        _ => axum::http::StatusCode::OK,
    }
}

// ---- priorities ------------------------------------------------------------------------------

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct PriorityForm {
    title: String,
    description: String,
    version: i64,
}

#[allow(clippy::too_many_arguments)] // the page's parts, as in the other editors
fn priority_page(
    c: Ctx,
    org: Organisation,
    report: Report,
    pid: i64,
    f: &PriorityForm,
    errors: &FieldErrors,
    alert: Option<ErrorCode>,
) -> ItemPage {
    let fields = vec![
        Field::new(&c, "priority", "title", "field-priority-title", &f.title, errors).required(),
        Field::new(&c, "priority", "description", "field-priority-description", &f.description, errors),
    ];
    let base = plan_href(org.id, report.id);
    ItemPage {
        heading: c.t("plan-edit-priority"),
        item: f.title.clone(),
        action: format!("{base}/priorities/{pid}/edit"),
        delete_href: format!("{base}/priorities/{pid}/delete"),
        delete_label: c.t("plan-delete-priority"),
        back: format!("{base}#priority-{pid}"),
        version: f.version,
        errors: summary(&fields),
        fields,
        targets: vec![],
        goal_choices: vec![],
        alert: alert.map(|a| c.err(a)),
        org,
        report,
        c,
    }
}

pub async fn edit_priority(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, pid)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _, report) = shaping(&app, &c, id, rid).await?;
    let plan = app.store.plan(rid).await?;
    let p = plan.priorities.iter().find(|p| p.id == pid).ok_or(AppError::new(ErrorCode::NotFound))?;
    let f = PriorityForm {
        title: p.title.clone(),
        description: p.description.clone().unwrap_or_default(),
        version: p.version,
    };
    render(&priority_page(c, org, report, pid, &f, &FieldErrors::default(), None))
}

pub async fn update_priority(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, pid)): Path<(i64, i64, i64)>,
    Form(mut f): Form<PriorityForm>,
) -> Result<Response, AppError> {
    let (org, me, report) = shaping(&app, &c, id, rid).await?;
    let (errors, alert) = match PriorityInput::parse(&f.title, &f.description) {
        Ok(input) => match app.store.update_priority(rid, pid, f.version, &input, Actor::user(me.user_id)).await {
            Ok(p) => return Ok(see_other(&format!("{}#priority-{}", plan_href(id, rid), p.id))),
            Err(StoreError::Rule(ErrorCode::EditConflict)) => {
                let plan = app.store.plan(rid).await?;
                f.version = plan.priorities.iter().find(|p| p.id == pid).map(|p| p.version).unwrap_or(f.version);
                (FieldErrors::default(), Some(ErrorCode::EditConflict))
            }
            Err(e) => return Err(e.into()),
        },
        Err(errors) => (errors, None),
    };
    let page = priority_page(c, org, report, pid, &f, &errors, alert);
    render_status(status(&page.errors, &errors, alert), &page)
}

// ---- goals -----------------------------------------------------------------------------------

/// A goal form as posted: its priority, title and version, then the target rows (five fields
/// each, in order) and one `remove` per row to remove.
struct GoalPost {
    priority_id: String,
    title: String,
    version: i64,
    rows: Vec<TargetForm>,
    removed: Vec<usize>,
}

fn goal_post(pairs: &[(String, String)]) -> GoalPost {
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    let all = |k: &str| pairs.iter().filter(|(n, _)| n == k).map(|(_, v)| v.clone()).collect::<Vec<_>>();
    let (ind, by, bv, ty, tv) =
        (all("indicator_id"), all("baseline_year"), all("baseline_value"), all("target_year"), all("target_value"));
    let n = [ind.len(), by.len(), bv.len(), ty.len(), tv.len()].into_iter().max().unwrap_or(0);
    let at = |v: &[String], i: usize| v.get(i).cloned().unwrap_or_default();
    GoalPost {
        priority_id: get("priority_id"),
        title: get("title"),
        version: get("version").parse().unwrap_or(0),
        rows: (0..n)
            .map(|i| TargetForm {
                indicator_id: at(&ind, i),
                baseline_year: at(&by, i),
                baseline_value: at(&bv, i),
                target_year: at(&ty, i),
                target_value: at(&tv, i),
            })
            .collect(),
        removed: all("remove").iter().filter_map(|v| v.parse().ok()).collect(),
    }
}

#[allow(clippy::too_many_arguments)]
async fn goal_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    report: Report,
    plan: &Plan,
    gid: i64,
    f: &GoalPost,
    errors: &GoalErrors,
    alert: Option<ErrorCode>,
) -> Result<ItemPage, AppError> {
    let priorities: Vec<(String, String)> =
        plan.priorities.iter().map(|p| (p.id.to_string(), p.title.clone())).collect();
    let e = &errors.goal;
    let fields = vec![
        Field::new(&c, "goal", "priority_id", "field-goal-priority", &f.priority_id, e).select(priorities).required(),
        Field::new(&c, "goal", "title", "field-goal-title", &f.title, e).required(),
    ];
    let mut rows = f.rows.clone();
    if rows.last().is_none_or(|r| !r.is_empty()) {
        rows.push(TargetForm::default());
    }
    let ids: Vec<i64> = rows.iter().filter_map(|r| r.indicator_id.trim().parse().ok()).collect();
    let titles: std::collections::HashMap<i64, String> =
        app.store.get_indicators(&ids).await?.into_iter().map(|i| (i.id, i.title(c.lang).to_string())).collect();
    let none = FieldErrors::default();
    let last = rows.len() - 1;
    let targets: Vec<TargetRow> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let e = errors.rows.get(i).unwrap_or(&none);
            let prefix = format!("target-{i}");
            let mut ind = Field::new(&c, &prefix, "indicator_id", "field-goal-indicator", &r.indicator_id, e);
            ind = match r.indicator_id.trim().parse::<i64>().ok().and_then(|id| titles.get(&id)) {
                Some(t) => ind.hint(t.clone()),
                None => ind.hint(c.t("field-goal-indicator-hint")),
            };
            let blank = i == last && r.is_empty();
            TargetRow {
                index: i,
                legend: if blank { c.t("plan-target-new") } else { c.t1("plan-target-n", "n", i + 1) },
                fields: vec![
                    ind,
                    Field::new(&c, &prefix, "baseline_year", "field-goal-baseline-year", &r.baseline_year, e),
                    Field::new(&c, &prefix, "baseline_value", "field-goal-baseline-value", &r.baseline_value, e),
                    Field::new(&c, &prefix, "target_year", "field-goal-target-year", &r.target_year, e),
                    Field::new(&c, &prefix, "target_value", "field-goal-target-value", &r.target_value, e),
                ],
                removable: !blank,
                removed: f.removed.contains(&i),
            }
        })
        .collect();
    let mut summary_rows = summary(&fields);
    for t in &targets {
        summary_rows
            .extend(summary(&t.fields).into_iter().map(|(id, label, m)| (id, format!("{}: {label}", t.legend), m)));
    }
    let base = plan_href(org.id, report.id);
    Ok(ItemPage {
        heading: c.t("plan-edit-goal"),
        item: f.title.clone(),
        action: format!("{base}/goals/{gid}/edit"),
        delete_href: format!("{base}/goals/{gid}/delete"),
        delete_label: c.t("plan-delete-goal"),
        back: format!("{base}#goal-{gid}"),
        version: f.version,
        errors: summary_rows,
        fields,
        targets,
        goal_choices: vec![],
        alert: alert.map(|a| c.err(a)),
        org,
        report,
        c,
    })
}

pub async fn edit_goal(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, gid)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _, report) = shaping(&app, &c, id, rid).await?;
    let plan = app.store.plan(rid).await?;
    let g = plan.goals.iter().find(|g| g.id == gid).ok_or(AppError::new(ErrorCode::NotFound))?;
    let f = GoalPost {
        priority_id: g.priority_id.to_string(),
        title: g.title.clone(),
        version: g.version,
        rows: g.targets.iter().map(TargetForm::of).collect(),
        removed: vec![],
    };
    render(&goal_page(&app, c, org, report, &plan, gid, &f, &GoalErrors::default(), None).await?)
}

pub async fn update_goal(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, gid)): Path<(i64, i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me, report) = shaping(&app, &c, id, rid).await?;
    let mut f = goal_post(&pairs);
    let kept: Vec<TargetForm> = f
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| if f.removed.contains(&i) { TargetForm::default() } else { r.clone() })
        .collect();
    let (errors, alert) = match GoalInput::parse(&f.priority_id, &f.title, &kept) {
        Ok(input) => match app.store.update_goal(rid, gid, f.version, &input, Actor::user(me.user_id)).await {
            Ok(g) => return Ok(see_other(&format!("{}#goal-{}", plan_href(id, rid), g.id))),
            Err(StoreError::Rule(ErrorCode::EditConflict)) => {
                let plan = app.store.plan(rid).await?;
                f.version = plan.goals.iter().find(|g| g.id == gid).map(|g| g.version).unwrap_or(f.version);
                (GoalErrors::default(), Some(ErrorCode::EditConflict))
            }
            // An unknown indicator (or priority): the store names no row, so the form says so.
            // Another organisation's own indicator (or none such): refused by the store.
            Err(StoreError::Rule(ErrorCode::IndicatorInvalid)) => {
                (GoalErrors::default(), Some(ErrorCode::IndicatorInvalid))
            }
            Err(StoreError::Rule(code @ (ErrorCode::NotFound | ErrorCode::InvalidInput))) => {
                (GoalErrors::default(), Some(if code == ErrorCode::NotFound { ErrorCode::InvalidInput } else { code }))
            }
            Err(e) => return Err(e.into()),
        },
        Err(errors) => (errors, None),
    };
    let plan = app.store.plan(rid).await?;
    let page = goal_page(&app, c, org, report, &plan, gid, &f, &errors, alert).await?;
    let first = errors.goal.0.first().or(errors.rows.iter().find_map(|r| r.0.first())).map(|e| e.code);
    let code = first.or(alert);
    render_status(code.map(status_of).unwrap_or(axum::http::StatusCode::OK), &page)
}

// ---- measures --------------------------------------------------------------------------------

#[allow(clippy::too_many_arguments)]
async fn measure_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    report: Report,
    plan: &Plan,
    mid: i64,
    (f, goals, version): (&MeasureForm, &[i64], i64),
    errors: &FieldErrors,
    alert: Option<ErrorCode>,
) -> Result<ItemPage, AppError> {
    let sectors = sector_options(app, &c, org.id).await?;
    let fields = measure_fields(&c, sectors, f, errors);
    let base = plan_href(org.id, report.id);
    Ok(ItemPage {
        heading: c.t("plan-edit-measure"),
        item: f.title.clone(),
        action: format!("{base}/measures/{mid}/edit"),
        delete_href: format!("{base}/measures/{mid}/delete"),
        delete_label: c.t("plan-delete-measure"),
        back: format!("{base}#measure-{mid}"),
        version,
        errors: summary(&fields),
        fields,
        targets: vec![],
        goal_choices: plan.goals.iter().map(|g| (g.id, g.title.clone(), goals.contains(&g.id))).collect(),
        alert: alert.map(|a| c.err(a)),
        org,
        report,
        c,
    })
}

pub async fn edit_measure(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, mid)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _, report) = shaping(&app, &c, id, rid).await?;
    let plan = app.store.plan(rid).await?;
    let m = plan.measures.iter().find(|m| m.id == mid).ok_or(AppError::new(ErrorCode::NotFound))?;
    let i = &m.input;
    let opt = |v: Option<String>| v.unwrap_or_default();
    let f = MeasureForm {
        title: i.title.clone(),
        description: opt(i.description.clone()),
        sector_id: opt(i.sector_id.map(|s| s.to_string())),
        responsible_person: opt(i.responsible_person.clone()),
        start_year: opt(i.start_year.map(|y| y.to_string())),
        end_year: opt(i.end_year.map(|y| y.to_string())),
        euros: opt(i.resources.euros.map(|e| e.to_string())),
        person_years: opt(i.resources.person_years.map(|p| p.to_string().replace('.', ","))),
        status: i.status.as_str().to_string(),
    };
    let page =
        measure_page(&app, c, org, report, &plan, mid, (&f, &m.goal_ids, m.version), &FieldErrors::default(), None)
            .await?;
    render(&page)
}

pub async fn update_measure(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, mid)): Path<(i64, i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me, report) = shaping(&app, &c, id, rid).await?;
    let (f, goals) = measure_form_of(&pairs);
    let mut version: i64 = pairs.iter().find(|(n, _)| n == "version").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let (errors, alert) = match f.parse() {
        Ok(input) => match app.store.update_measure(rid, mid, version, &input, &goals, Actor::user(me.user_id)).await {
            Ok(m) => return Ok(see_other(&format!("{}#measure-{}", plan_href(id, rid), m.id))),
            Err(StoreError::Rule(ErrorCode::EditConflict)) => {
                let plan = app.store.plan(rid).await?;
                version = plan.measures.iter().find(|m| m.id == mid).map(|m| m.version).unwrap_or(version);
                (FieldErrors::default(), Some(ErrorCode::EditConflict))
            }
            Err(StoreError::Rule(ErrorCode::SectorInvalid)) => (ErrorCode::SectorInvalid.on("sector_id"), None),
            Err(e) => return Err(e.into()),
        },
        Err(errors) => (errors, None),
    };
    let plan = app.store.plan(rid).await?;
    let page = measure_page(&app, c, org, report, &plan, mid, (&f, &goals, version), &errors, alert).await?;
    render_status(status(&page.errors, &errors, alert), &page)
}

// ---- removing --------------------------------------------------------------------------------

/// The URL segment of a kind of plan item.
fn segment(item: Item) -> &'static str {
    match item {
        Item::Priority => "priorities",
        Item::Goal => "goals",
        Item::Measure => "measures",
    }
}

/// The item's title and version in the plan.
fn find(item: Item, plan: &Plan, id: i64) -> Option<(String, i64)> {
    match item {
        Item::Priority => plan.priorities.iter().find(|p| p.id == id).map(|p| (p.title.clone(), p.version)),
        Item::Goal => plan.goals.iter().find(|g| g.id == id).map(|g| (g.title.clone(), g.version)),
        Item::Measure => plan.measures.iter().find(|m| m.id == id).map(|m| (m.input.title.clone(), m.version)),
    }
}

async fn confirm(app: &App, c: Ctx, (id, rid, item_id): (i64, i64, i64), item: Item) -> Result<Response, AppError> {
    let (org, _, report) = shaping(app, &c, id, rid).await?;
    let plan = app.store.plan(rid).await?;
    let (title, version) = find(item, &plan, item_id).ok_or(AppError::new(ErrorCode::NotFound))?;
    render(&delete_page(c, org, report, item, item_id, &title, version, None))
}

#[allow(clippy::too_many_arguments)]
fn delete_page(
    c: Ctx,
    org: Organisation,
    report: Report,
    item: Item,
    item_id: i64,
    title: &str,
    version: i64,
    alert: Option<ErrorCode>,
) -> DeletePage {
    let base = plan_href(org.id, report.id);
    DeletePage {
        heading: c.t1("plan-delete-confirm", "item", title),
        help: c.t(&item.help_key()),
        action: format!("{base}/{}/{item_id}/delete", segment(item)),
        back: format!("{base}#{}-{item_id}", item.as_str()),
        version,
        alert: alert.map(|a| c.err(a)),
        org,
        report,
        c,
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct DeleteForm {
    version: i64,
}

async fn remove(
    app: &App,
    c: Ctx,
    (id, rid, item_id): (i64, i64, i64),
    item: Item,
    version: i64,
) -> Result<Response, AppError> {
    let (org, me, report) = shaping(app, &c, id, rid).await?;
    let actor = Actor::user(me.user_id);
    let done = match item {
        Item::Priority => app.store.delete_priority(rid, item_id, version, actor).await,
        Item::Goal => app.store.delete_goal(rid, item_id, version, actor).await,
        Item::Measure => app.store.delete_measure(rid, item_id, version, actor).await,
    };
    match done {
        Ok(()) => Ok(see_other(&plan_href(id, rid))),
        Err(StoreError::Rule(ErrorCode::EditConflict)) => {
            let plan = app.store.plan(rid).await?;
            let (title, version) = find(item, &plan, item_id).ok_or(AppError::new(ErrorCode::NotFound))?;
            let page = delete_page(c, org, report, item, item_id, &title, version, Some(ErrorCode::EditConflict));
            render_status(status_of(ErrorCode::EditConflict), &page)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn confirm_priority(
    State(app): State<App>,
    c: Ctx,
    Path(p): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    confirm(&app, c, p, Item::Priority).await
}

pub async fn confirm_goal(
    State(app): State<App>,
    c: Ctx,
    Path(p): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    confirm(&app, c, p, Item::Goal).await
}

pub async fn confirm_measure(
    State(app): State<App>,
    c: Ctx,
    Path(p): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    confirm(&app, c, p, Item::Measure).await
}

pub async fn delete_priority(
    State(app): State<App>,
    c: Ctx,
    Path(p): Path<(i64, i64, i64)>,
    Form(f): Form<DeleteForm>,
) -> Result<Response, AppError> {
    remove(&app, c, p, Item::Priority, f.version).await
}

pub async fn delete_goal(
    State(app): State<App>,
    c: Ctx,
    Path(p): Path<(i64, i64, i64)>,
    Form(f): Form<DeleteForm>,
) -> Result<Response, AppError> {
    remove(&app, c, p, Item::Goal, f.version).await
}

pub async fn delete_measure(
    State(app): State<App>,
    c: Ctx,
    Path(p): Path<(i64, i64, i64)>,
    Form(f): Form<DeleteForm>,
) -> Result<Response, AppError> {
    remove(&app, c, p, Item::Measure, f.version).await
}
