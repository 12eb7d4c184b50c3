//! The yearly support plan (`/orgs/{id}/support/plans`): for a county, its plans; a plan's page
//! shows its actions, the needs with no planned action, the municipalities that got nothing,
//! planned versus delivered, and records support delivered. For a municipality, the support
//! planned for it and delivered to it, where it gives feedback. Actions are edited in `actions.rs`.

use super::actions;
use super::survey::{alert_text, explains, names};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{choices, summary, CheckSet, Field};
use crate::format::{fi_date, fmt_num, today};
use crate::refusal::{answer as respond, submit, Failure, Refusal};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::Datelike;
use hyte_domain::support::plan::{
    balance, gaps, left_without, parse_feedback, parse_plan_year, Action, ActionForm, ActionKind, Delivery,
    DeliveryForm, Plan, Resources,
};
use hyte_domain::support::ContentArea;
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::support::PlanView;
use hyte_store::Actor;
use std::collections::HashMap;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/orgs/{id}/support/plans", get(list).post(create))
        .route("/orgs/{id}/support/plans/{pid}", get(page))
        .route("/orgs/{id}/support/plans/{pid}/actions", post(actions::add))
        .route("/orgs/{id}/support/plans/{pid}/actions/{aid}", get(actions::edit).post(actions::update))
        .route("/orgs/{id}/support/plans/{pid}/actions/{aid}/delete", post(actions::delete))
        .route("/orgs/{id}/support/plans/{pid}/deliveries", post(deliver))
        .route("/orgs/{id}/support/plans/{pid}/deliveries/{did}/delete", post(delete_delivery))
        .route("/orgs/{id}/support/deliveries/{did}/feedback", post(feedback))
}

fn res(c: &Ctx, r: Resources) -> String {
    c.t2("support-resources-value", "days", fmt_num(c.lang, r.person_days, 1), "euros", fmt_num(c.lang, r.euros, 0))
}

/// An action as listed.
pub struct ActionRow {
    pub href: String,
    pub kind: String,
    pub area: String,
    pub title: String,
    pub targets: String,
    pub expert: String,
    pub resources: String,
}

pub fn action_row(c: &Ctx, org_id: i64, names: &HashMap<i64, String>, a: &Action) -> ActionRow {
    ActionRow {
        href: format!("/orgs/{org_id}/support/plans/{}/actions/{}", a.plan_id, a.id),
        kind: c.code(a.input.kind),
        area: c.code(a.input.area),
        title: a.input.title.get(c.lang).to_string(),
        targets: a.input.targets.iter().filter_map(|t| names.get(t).cloned()).collect::<Vec<_>>().join(", "),
        expert: a.input.expert.clone(),
        resources: res(c, a.input.resources),
    }
}

/// A delivery as listed (with the feedback form's state for the receiving municipality).
pub struct DeliveryRow {
    pub id: i64,
    pub version: i64,
    pub date: String,
    pub org: String,
    pub action: String,
    pub sectors: String,
    pub participants: u32,
    pub resources: String,
    pub score: String,
    pub comment: String,
}

fn delivery_row(
    c: &Ctx,
    names: &HashMap<i64, String>,
    sectors: &HashMap<i64, String>,
    actions: &[Action],
    d: &Delivery,
) -> DeliveryRow {
    let action = d.input.action_id.and_then(|a| actions.iter().find(|x| x.id == a));
    DeliveryRow {
        id: d.id,
        version: d.version,
        date: fi_date(d.input.date),
        org: names.get(&d.input.org_id).cloned().unwrap_or_default(),
        action: action.map(|a| a.input.title.get(c.lang).to_string()).unwrap_or_else(|| c.t("support-no-action")),
        sectors: d.input.sector_ids.iter().filter_map(|s| sectors.get(s).cloned()).collect::<Vec<_>>().join(", "),
        participants: d.input.participants,
        resources: res(c, d.input.resources),
        score: d.feedback.as_ref().map(|f| format!("{} / 5", f.score)).unwrap_or_else(|| c.t("support-no-feedback")),
        comment: d.feedback.as_ref().and_then(|f| f.comment.clone()).unwrap_or_default(),
    }
}

/// Sector names of the given organisations, by id.
async fn sector_names(app: &App, c: &Ctx, orgs: &[i64]) -> Result<HashMap<i64, String>, AppError> {
    let mut out = HashMap::new();
    for o in orgs {
        for s in app.store.list_sectors(*o).await? {
            out.insert(s.id, s.name(c.lang).to_string());
        }
    }
    Ok(out)
}

/// What a municipality sees of one plan.
pub struct SupportView {
    pub year: i32,
    pub county: String,
    pub actions: Vec<ActionRow>,
    pub deliveries: Vec<DeliveryRow>,
}

/// The support planned for municipality `org_id` and delivered to it, newest year first.
pub async fn support_views(app: &App, c: &Ctx, org_id: i64) -> Result<Vec<SupportView>, AppError> {
    let names = names(app, c).await?;
    let sectors = sector_names(app, c, &[org_id]).await?;
    Ok(app
        .store
        .support_for(org_id)
        .await?
        .iter()
        .map(|v| SupportView {
            year: v.plan.year,
            county: names.get(&v.plan.county_org_id).cloned().unwrap_or_default(),
            actions: v
                .actions
                .iter()
                .map(|a| ActionRow { href: String::new(), ..action_row(c, org_id, &names, a) })
                .collect(),
            deliveries: v.deliveries.iter().map(|d| delivery_row(c, &names, &sectors, &v.actions, d)).collect(),
        })
        .collect())
}

#[derive(Template)]
#[template(path = "support/plans.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    county: bool,
    can_manage: bool,
    can_feedback: bool,
    plans: Vec<(String, i32, usize, usize)>,
    form: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
    support: Vec<SupportView>,
}

async fn list_page(app: &App, c: Ctx, org: Organisation, year: &str, r: Refusal) -> Result<ListPage, AppError> {
    let county = org.kind.is_county();
    let mut plans = vec![];
    if county {
        for p in app.store.list_plans(org.id).await? {
            let v = app.store.get_plan(org.id, p.id).await?;
            let (a, d) = v.map(|v| (v.actions.len(), v.deliveries.len())).unwrap_or_default();
            plans.push((format!("/orgs/{}/support/plans/{}", org.id, p.id), p.year, a, d));
        }
    }
    let form = vec![Field::new(&c, "plan", "year", "support-year", year, &r.errors).required()];
    let support = if county { vec![] } else { support_views(app, &c, org.id).await? };
    Ok(ListPage {
        can_manage: county && c.can(org.id, Permission::Coordinate),
        can_feedback: c.can(org.id, Permission::Edit),
        errors: summary(&form),
        alert: r.alert.map(|a| alert_text(&c, a)),
        plans,
        form,
        support,
        county,
        org,
        c,
    })
}

pub async fn list(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    render(&list_page(&app, c, org, &today().year().to_string(), Refusal::default()).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    if !org.kind.is_county() {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    let year = pairs.iter().find(|(k, _)| k == "year").map(|(_, v)| v.clone()).unwrap_or_default();
    let outcome =
        submit(parse_plan_year(&year), async |y| app.store.create_plan(id, y, Actor::user(me.user_id)).await).await;
    respond(
        outcome,
        explains,
        |p: Plan| see_other(&format!("/orgs/{id}/support/plans/{}", p.id)),
        async |r| list_page(&app, c, org, &year, r).await,
    )
    .await
}

/// A line of planned versus delivered.
pub struct BalanceRow {
    pub name: String,
    pub planned: String,
    pub delivered: String,
    pub deliveries: usize,
    pub participants: u32,
    pub score: String,
}

#[derive(Template)]
#[template(path = "support/plan.html")]
pub struct PlanPage {
    c: Ctx,
    org: Organisation,
    plan: Plan,
    can_manage: bool,
    actions: Vec<ActionRow>,
    /// (municipality, content area, level, free texts).
    gaps: Vec<(String, String, String, String)>,
    left_without: Vec<String>,
    balance: Vec<BalanceRow>,
    deliveries: Vec<DeliveryRow>,
    action_form: actions::FormView,
    delivery_fields: Vec<Field>,
    sector_sets: Vec<CheckSet>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

#[derive(Default)]
pub struct Failed {
    pub action: Option<(ActionForm, FieldErrors)>,
    pub delivery: Option<(DeliveryForm, FieldErrors)>,
    pub alert: Option<ErrorCode>,
}

pub async fn page_of(
    app: &App,
    c: Ctx,
    org: Organisation,
    view: PlanView,
    failed: Failed,
) -> Result<PlanPage, AppError> {
    let names = names(app, &c).await?;
    let members: Vec<i64> = app.store.member_orgs(org.id).await?.iter().map(|o| o.id).collect();
    let sectors = sector_names(app, &c, &members).await?;
    let mut needs = vec![];
    for m in &members {
        needs.push((*m, app.store.needs_of(org.id, *m, view.plan.year).await?));
    }
    let gaps = gaps(&needs, &view.actions)
        .into_iter()
        .map(|g| {
            let name = names.get(&g.org_id).cloned().unwrap_or_default();
            (name, c.code(g.area), c.code(g.need.level), g.need.texts.join(" · "))
        })
        .collect();
    let balance = balance(&view.actions, &view.deliveries)
        .into_iter()
        .map(|b| BalanceRow {
            name: match b.action_id.and_then(|a| view.actions.iter().find(|x| x.id == a)) {
                Some(a) => a.input.title.get(c.lang).to_string(),
                None => c.t("support-total"),
            },
            planned: res(&c, b.planned),
            delivered: res(&c, b.delivered),
            deliveries: b.deliveries,
            participants: b.participants,
            score: b.score.map(|s| fmt_num(c.lang, s, 1)).unwrap_or_else(|| "–".into()),
        })
        .collect();
    let (af, ae) = failed.action.unwrap_or_else(|| (ActionForm::default(), FieldErrors::default()));
    let action_form = actions::form_view(app, &c, org.id, &af, &ae).await?;
    let (df, de) = failed.delivery.unwrap_or_else(|| (DeliveryForm::default(), FieldErrors::default()));
    let mut orgs: Vec<(String, String)> = vec![(String::new(), c.t("support-choose"))];
    orgs.extend(members.iter().map(|m| (m.to_string(), names.get(m).cloned().unwrap_or_default())));
    let mut acts: Vec<(String, String)> = vec![(String::new(), c.t("support-no-action"))];
    acts.extend(view.actions.iter().map(|a| (a.id.to_string(), a.input.title.get(c.lang).to_string())));
    let delivery_fields = vec![
        Field::new(&c, "delivery", "date", "support-date", &df.date, &de).kind("date").required(),
        Field::new(&c, "delivery", "org_id", "support-municipality", &df.org_id, &de).select(orgs).required(),
        Field::new(&c, "delivery", "action_id", "support-action", &df.action_id, &de).select(acts),
        Field::new(&c, "delivery", "participants", "support-participants", &df.participants, &de).kind("number"),
        Field::new(&c, "delivery", "person_days", "support-person-days", &df.person_days, &de),
        Field::new(&c, "delivery", "euros", "support-euros", &df.euros, &de),
    ];
    let mut sector_sets = vec![];
    for m in &members {
        let options =
            app.store.list_sectors(*m).await?.iter().map(|s| (s.id.to_string(), s.name(c.lang).to_string())).collect();
        let legend = c.t1("support-sectors-of", "name", names.get(m).cloned().unwrap_or_default());
        sector_sets.push(CheckSet::new(
            &format!("delivery-sectors-{m}"),
            "sector_ids",
            legend,
            options,
            &df.sector_ids,
        ));
    }
    let mut errors = summary(&action_form.fields);
    errors.extend(summary(&delivery_fields));
    Ok(PlanPage {
        can_manage: c.can(org.id, Permission::Coordinate),
        actions: view.actions.iter().map(|a| action_row(&c, org.id, &names, a)).collect(),
        left_without: left_without(&members, &view.deliveries).iter().filter_map(|m| names.get(m).cloned()).collect(),
        deliveries: view.deliveries.iter().map(|d| delivery_row(&c, &names, &sectors, &view.actions, d)).collect(),
        alert: failed.alert.map(|a| alert_text(&c, a)),
        plan: view.plan,
        gaps,
        balance,
        action_form,
        delivery_fields,
        sector_sets,
        errors,
        org,
        c,
    })
}

/// The county's plan `pid` (any member of the county may read it).
pub async fn load(app: &App, id: i64, pid: i64) -> Result<PlanView, AppError> {
    app.store.get_plan(id, pid).await?.ok_or(AppError::new(ErrorCode::NotFound))
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, pid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let view = load(&app, id, pid).await?;
    render(&page_of(&app, c, org, view, Failed::default()).await?)
}

pub async fn deliver(
    State(app): State<App>,
    c: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let view = load(&app, id, pid).await?;
    let f = DeliveryForm::from_pairs(&pairs);
    let outcome =
        submit(f.parse(), async |input| app.store.record_delivery(id, pid, &input, Actor::user(me.user_id)).await)
            .await;
    let done = format!("/orgs/{id}/support/plans/{pid}#delivered");
    respond(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            page_of(
                &app,
                c,
                org,
                view,
                Failed { delivery: Some((f.clone(), r.errors)), alert: r.alert, ..Default::default() },
            )
            .await
        },
    )
    .await
}

/// The receiving municipality's feedback (`score` 1–5, `comment`, `version`).
pub async fn feedback(
    State(app): State<App>,
    c: Ctx,
    Path((id, did)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    let get = |k: &str| pairs.iter().find(|(x, _)| x == k).map(|(_, v)| v.clone()).unwrap_or_default();
    let version: i64 = get("version").parse().unwrap_or(0);
    let outcome = match parse_feedback(&get("score"), &get("comment")) {
        Err(e) => Err(Failure::Form(e)),
        Ok((score, comment)) => app
            .store
            .give_feedback(id, did, version, score, comment.as_deref(), Actor::user(me.user_id))
            .await
            .map_err(Failure::from),
    };
    let done = format!("/orgs/{id}/support/plans#delivery-{did}");
    respond(
        outcome,
        explains,
        |_| see_other(&done),
        async |r: Refusal| {
            let r = Refusal { alert: r.alert.or_else(|| r.errors.0.first().map(|e| e.code)), ..r };
            list_page(&app, c, org, "", r).await
        },
    )
    .await
}

/// A select's options: (value, label).
pub type Choices = Vec<(String, String)>;

/// The kinds and areas, for the action form.
pub fn kind_choices(c: &Ctx) -> (Choices, Choices) {
    (choices::<ActionKind>(c, Some(c.t("support-choose"))), choices::<ContentArea>(c, Some(c.t("support-choose"))))
}

/// Deletes a delivery recorded by mistake (its version from the form; a stale one is refused and
/// explained on the plan page).
pub async fn delete_delivery(
    State(app): State<App>,
    c: Ctx,
    Path((id, pid, did)): Path<(i64, i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let view = load(&app, id, pid).await?;
    if !view.deliveries.iter().any(|d| d.id == did) {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let version = pairs.iter().find(|(k, _)| k == "version").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let outcome = app.store.delete_delivery(id, did, version, Actor::user(me.user_id)).await.map_err(Into::into);
    let done = format!("/orgs/{id}/support/plans/{pid}#delivered");
    respond(
        outcome,
        explains,
        |_| see_other(&done),
        async |r: Refusal| page_of(&app, c, org, view, Failed { alert: r.alert, ..Default::default() }).await,
    )
    .await
}
