//! Strategy documents with HYTE content (`/orgs/{id}/strategies`): the county strategy, the
//! service strategy and the service promise. A draft's HYTE goals carry measures, responsible
//! parties, quality criteria, an indicator target with computed progress and a link to a goal of
//! the county's well-being plan; approval by a named body makes the document immutable.

use super::{choices, county, explains, num};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::format::fi_date;
use crate::knowledge::seen::{latest, yearly_values};
use crate::refusal::{answer, submit, Failure};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::services::{parse_approval, GoalForm, Strategy, StrategyForm, StrategyKind, StrategyState};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::services::StrategyEdit;
use hyte_store::Actor;
use serde::Deserialize;
use std::collections::HashMap;

pub struct StrategyRow {
    pub href: String,
    pub title: String,
    pub kind: String,
    pub state: String,
    pub approval: String,
    pub goals: usize,
}

#[derive(Template)]
#[template(path = "services/strategies.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    rows: Vec<StrategyRow>,
    can_manage: bool,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
}

fn strategy_fields(c: &Ctx, f: &StrategyForm, e: &FieldErrors) -> Vec<Field> {
    vec![
        Field::new(c, "strategy", "kind", "field-strategy-kind", &f.kind, e)
            .select(choices::<StrategyKind>(c, None))
            .required(),
        Field::new(c, "strategy", "title", "field-strategy-title", &f.title, e).required(),
        Field::new(c, "strategy", "summary", "field-strategy-summary", &f.summary, e).kind("textarea"),
    ]
}

fn approval_text(c: &Ctx, s: &Strategy) -> String {
    s.approval
        .as_ref()
        .map(|a| c.t2("strategy-approved-by", "body", &a.body, "date", fi_date(a.date)))
        .unwrap_or_default()
}

async fn list_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &StrategyForm,
    e: &FieldErrors,
) -> Result<ListPage, AppError> {
    let rows = app
        .store
        .list_strategies(org.id)
        .await?
        .iter()
        .map(|s| StrategyRow {
            href: format!("/orgs/{}/strategies/{}", org.id, s.id),
            title: s.input.title.clone(),
            kind: c.code(s.input.kind),
            state: c.code(s.state),
            approval: approval_text(&c, s),
            goals: s.goals.len(),
        })
        .collect();
    let fields = strategy_fields(&c, f, e);
    Ok(ListPage { can_manage: c.can(org.id, Permission::Coordinate), errors: summary(&fields), fields, rows, org, c })
}

pub async fn list(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = county(&app, &c, id, Permission::View).await?;
    let f = StrategyForm { kind: "service_promise".into(), ..Default::default() };
    render(&list_page(&app, c, org, &f, &FieldErrors::default()).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<StrategyForm>,
) -> Result<Response, AppError> {
    let (org, me) = county(&app, &c, id, Permission::Coordinate).await?;
    let outcome =
        submit(f.parse(), async |input| app.store.create_strategy(id, &input, Actor::user(me.user_id)).await).await;
    answer(
        outcome,
        explains,
        |s| see_other(&format!("/orgs/{id}/strategies/{}", s.id)),
        async |r| list_page(&app, c, org, &f, &r.errors).await,
    )
    .await
}

pub struct GoalView {
    pub index: usize,
    pub title: String,
    pub measures: String,
    pub responsible: String,
    pub quality: String,
    pub indicator: String,
    pub baseline: String,
    pub target: String,
    pub latest: String,
    pub progress: String,
    pub plan_goal: String,
}

#[derive(Template)]
#[template(path = "services/strategy.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    s: Strategy,
    kind: String,
    state: String,
    approval: String,
    editable: bool,
    goals: Vec<GoalView>,
    fields: Vec<Field>,
    goal_fields: Vec<Field>,
    approve_fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

#[derive(Default)]
struct Failed {
    details: Option<(StrategyForm, FieldErrors)>,
    goal: Option<(GoalForm, FieldErrors)>,
    approve: Option<(ApproveForm, FieldErrors)>,
    alert: Option<ErrorCode>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ApproveForm {
    body: String,
    date: String,
    version: i64,
}

/// The county's plan goals, as choices: "report – goal".
async fn plan_goals(app: &App, org_id: i64) -> Result<HashMap<i64, String>, AppError> {
    let mut out = HashMap::new();
    for r in app.store.list_reports(org_id).await? {
        for g in app.store.plan(r.id).await?.goals {
            out.insert(g.id, format!("{} – {}", r.title, g.title));
        }
    }
    Ok(out)
}

fn goal_fields(c: &Ctx, f: &GoalForm, e: &FieldErrors, plan: &HashMap<i64, String>) -> Vec<Field> {
    let mut plan_choices: Vec<(String, String)> = plan.iter().map(|(id, t)| (id.to_string(), t.clone())).collect();
    plan_choices.sort_by(|a, b| a.1.cmp(&b.1));
    plan_choices.insert(0, (String::new(), c.t("strategy-goal-no-plan-goal")));
    vec![
        Field::new(c, "goal", "title", "field-sgoal-title", &f.title, e).required(),
        Field::new(c, "goal", "measures", "field-sgoal-measures", &f.measures, e).kind("textarea"),
        Field::new(c, "goal", "responsible", "field-sgoal-responsible", &f.responsible, e),
        Field::new(c, "goal", "quality", "field-sgoal-quality", &f.quality, e).kind("textarea"),
        Field::new(c, "goal", "indicator_id", "field-sgoal-indicator", &f.indicator_id, e)
            .hint(c.t("field-criterion-indicator-hint")),
        Field::new(c, "goal", "baseline_year", "field-sgoal-baseline-year", &f.baseline_year, e).kind("number"),
        Field::new(c, "goal", "baseline_value", "field-sgoal-baseline-value", &f.baseline_value, e),
        Field::new(c, "goal", "target_year", "field-sgoal-target-year", &f.target_year, e).kind("number"),
        Field::new(c, "goal", "target_value", "field-sgoal-target-value", &f.target_value, e),
        Field::new(c, "goal", "plan_goal_id", "field-sgoal-plan-goal", &f.plan_goal_id, e).select(plan_choices),
    ]
}

async fn load(app: &App, id: i64, sid: i64) -> Result<Strategy, AppError> {
    app.store.get_strategy(id, sid).await?.ok_or(AppError::new(ErrorCode::NotFound))
}

/// The goals with their indicator, target and computed progress.
pub async fn goal_views(app: &App, c: &Ctx, org: &Organisation, s: &Strategy) -> Result<Vec<GoalView>, AppError> {
    let plan = plan_goals(app, org.id).await?;
    let ids: Vec<i64> = s.goals.iter().filter_map(|g| g.target.map(|t| t.indicator_id)).collect();
    let indicators: HashMap<i64, String> =
        app.store.get_indicators(&ids).await?.into_iter().map(|i| (i.id, i.title(c.lang).to_string())).collect();
    let values = yearly_values(app, c, org.area_id, ids).await?;
    let yv = |(y, v): (i32, f64)| format!("{} ({y})", num(c, v, 1));
    Ok(s.goals
        .iter()
        .enumerate()
        .map(|(index, g)| {
            let latest = g.target.and_then(|t| latest(&values, t.indicator_id));
            GoalView {
                index,
                title: g.title.clone(),
                measures: g.measures.clone().unwrap_or_default(),
                responsible: g.responsible.clone().unwrap_or_default(),
                quality: g.quality.clone().unwrap_or_default(),
                indicator: g
                    .target
                    .map(|t| indicators.get(&t.indicator_id).cloned().unwrap_or_default())
                    .unwrap_or_default(),
                baseline: g.target.map(|t| yv(t.baseline)).unwrap_or_default(),
                target: g.target.map(|t| yv(t.target)).unwrap_or_default(),
                latest: latest.map(yv).unwrap_or_default(),
                progress: g.target.map(|t| c.code(t.progress(latest))).unwrap_or_default(),
                plan_goal: g.plan_goal_id.and_then(|id| plan.get(&id).cloned()).unwrap_or_default(),
            }
        })
        .collect())
}

async fn page_of(app: &App, c: Ctx, org: Organisation, s: Strategy, failed: Failed) -> Result<Page, AppError> {
    let plan = plan_goals(app, org.id).await?;
    let (f, e) = failed.details.unwrap_or_else(|| {
        let f = StrategyForm {
            kind: s.input.kind.as_str().into(),
            title: s.input.title.clone(),
            summary: s.input.summary.clone().unwrap_or_default(),
            version: s.version,
        };
        (f, FieldErrors::default())
    });
    let fields = strategy_fields(&c, &f, &e);
    let (gf, ge) = failed.goal.unwrap_or_default();
    let goal_fields = goal_fields(&c, &gf, &ge, &plan);
    let (af, ae) = failed.approve.unwrap_or_default();
    let approve_fields = vec![
        Field::new(&c, "approve", "body", "field-approve-body", &af.body, &ae).required(),
        Field::new(&c, "approve", "date", "field-approve-date", &af.date, &ae).kind("date").required(),
    ];
    let mut errors = summary(&fields);
    errors.extend(summary(&goal_fields));
    errors.extend(summary(&approve_fields));
    Ok(Page {
        goals: goal_views(app, &c, &org, &s).await?,
        kind: c.code(s.input.kind),
        state: c.code(s.state),
        approval: approval_text(&c, &s),
        editable: s.state == StrategyState::Draft && c.can(org.id, Permission::Coordinate),
        alert: failed.alert.map(|a| c.err(a)),
        errors,
        fields,
        goal_fields,
        approve_fields,
        s,
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, sid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = county(&app, &c, id, Permission::View).await?;
    let s = load(&app, id, sid).await?;
    render(&page_of(&app, c, org, s, Failed::default()).await?)
}

async fn edit(
    app: &App,
    c: Ctx,
    (id, sid): (i64, i64),
    version: i64,
    parsed: Result<StrategyEdit, FieldErrors>,
    failed: impl FnOnce(FieldErrors, Option<ErrorCode>) -> Failed,
) -> Result<Response, AppError> {
    let (org, me) = county(app, &c, id, Permission::Coordinate).await?;
    let s = load(app, id, sid).await?;
    let outcome =
        submit(parsed, async |e| app.store.edit_strategy(id, sid, version, e, Actor::user(me.user_id)).await).await;
    let done = format!("/orgs/{id}/strategies/{sid}");
    answer(outcome, explains, |_| see_other(&done), async |r| page_of(app, c, org, s, failed(r.errors, r.alert)).await)
        .await
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path(ids): Path<(i64, i64)>,
    Form(f): Form<StrategyForm>,
) -> Result<Response, AppError> {
    let parsed = f.parse().map(StrategyEdit::Details);
    let v = f.version;
    edit(&app, c, ids, v, parsed, |errors, alert| Failed { details: Some((f, errors)), alert, ..Default::default() })
        .await
}

pub async fn add_goal(
    State(app): State<App>,
    c: Ctx,
    Path(ids): Path<(i64, i64)>,
    Form(f): Form<GoalForm>,
) -> Result<Response, AppError> {
    let parsed = f.parse().map(StrategyEdit::AddGoal);
    let v = f.version;
    edit(&app, c, ids, v, parsed, |errors, alert| Failed { goal: Some((f, errors)), alert, ..Default::default() }).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VersionForm {
    version: i64,
}

pub async fn remove_goal(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid, index)): Path<(i64, i64, usize)>,
    Form(f): Form<VersionForm>,
) -> Result<Response, AppError> {
    edit(&app, c, (id, sid), f.version, Ok(StrategyEdit::RemoveGoal(index)), |_, alert| Failed {
        alert,
        ..Default::default()
    })
    .await
}

pub async fn approve(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(f): Form<ApproveForm>,
) -> Result<Response, AppError> {
    let (org, me) = county(&app, &c, id, Permission::Coordinate).await?;
    let s = load(&app, id, sid).await?;
    let outcome = submit(parse_approval(&f.body, &f.date), async |a| {
        app.store.approve_strategy(id, sid, f.version, &a, Actor::user(me.user_id)).await
    })
    .await;
    let done = format!("/orgs/{id}/strategies/{sid}");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            page_of(&app, c, org, s, Failed { approve: Some((f, r.errors)), alert: r.alert, ..Default::default() })
                .await
        },
    )
    .await
}

pub async fn new_version(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (org, me) = county(&app, &c, id, Permission::Coordinate).await?;
    let s = load(&app, id, sid).await?;
    let outcome = app.store.new_strategy_version(id, sid, Actor::user(me.user_id)).await.map_err(Failure::from);
    answer(
        outcome,
        explains,
        |n| see_other(&format!("/orgs/{id}/strategies/{}", n.id)),
        async |r| page_of(&app, c, org, s, Failed { alert: r.alert, ..Default::default() }).await,
    )
    .await
}
