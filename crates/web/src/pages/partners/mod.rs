//! NGO partners (issue 6): the partner registry of a municipality or region, the activity
//! directory (managed by the organisations that run the activities, searched publicly), grants to
//! NGOs (calls, applications, decisions, reports of use) and premises offered for public-benefit use.

pub mod activities;
pub mod directory;
pub mod grants;
pub mod premises;
pub mod registry;

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::App;
use axum::routing::{get, post};
use axum::Router;
use hyte_domain::partners::{ActivityKind, ActivityLang, ApplicationStatus, PartnerRole, TargetGroup, Theme};
use hyte_domain::{Area, ErrorCode, Lang, Organisation};
use std::collections::HashMap;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/activities", get(directory::search))
        .route("/activities/{aid}", get(directory::page))
        .route("/premises", get(premises::public))
        .route("/orgs/{id}/activities", get(activities::list).post(activities::create))
        .route("/orgs/{id}/activities/{aid}", get(activities::edit).post(activities::update))
        .route("/orgs/{id}/activities/{aid}/delete", post(activities::delete))
        .route("/orgs/{id}/partners", get(registry::list).post(registry::add))
        .route("/orgs/{id}/partners/{pid}", get(registry::edit).post(registry::update))
        .route("/orgs/{id}/partners/{pid}/remove", post(registry::remove))
        .route("/orgs/{id}/grants", get(grants::list).post(grants::create))
        .route("/orgs/{id}/grants/{cid}", get(grants::page).post(grants::update))
        .route("/orgs/{id}/grants/{cid}/apply", post(grants::apply))
        .route("/orgs/{id}/grants/{cid}/applications/{app}/decide", post(grants::decide))
        .route("/orgs/{id}/grants/{cid}/applications/{app}/report", post(grants::report))
        .route("/orgs/{id}/premises", get(premises::list).post(premises::create))
        .route("/orgs/{id}/premises/{pid}", get(premises::edit).post(premises::update))
}

/// The choices of a code enum, labelled `<prefix>-<code>`; `empty` adds a first "none" choice.
pub fn options(c: &Ctx, prefix: &str, codes: &[&'static str], empty: Option<String>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = empty.into_iter().map(|e| (String::new(), e)).collect();
    out.extend(codes.iter().map(|code| (code.to_string(), c.t(&format!("{prefix}-{code}")))));
    out
}

pub fn kind_codes() -> Vec<&'static str> {
    ActivityKind::ALL.iter().map(|k| k.as_str()).collect()
}
pub fn theme_codes() -> Vec<&'static str> {
    Theme::ALL.iter().map(|k| k.as_str()).collect()
}
pub fn target_codes() -> Vec<&'static str> {
    TargetGroup::ALL.iter().map(|k| k.as_str()).collect()
}
pub fn lang_codes() -> Vec<&'static str> {
    ActivityLang::ALL.iter().map(|k| k.as_str()).collect()
}
pub fn role_codes() -> Vec<&'static str> {
    PartnerRole::ALL.iter().map(|k| k.as_str()).collect()
}

pub fn status_label(c: &Ctx, s: ApplicationStatus) -> String {
    c.code(s)
}

/// Every municipality, by id (for names and the area choices).
pub async fn municipalities(app: &App) -> Result<Vec<Area>, AppError> {
    Ok(app.store.list_areas(Some("municipality")).await?)
}

pub fn area_options(c: &Ctx, areas: &[Area], empty_key: &str) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), c.t(empty_key))];
    let mut named: Vec<(String, String)> =
        areas.iter().map(|a| (a.id.to_string(), c.name(&a.names).to_string())).collect();
    named.sort_by(|a, b| a.1.cmp(&b.1));
    out.extend(named);
    out
}

pub fn area_name(c: &Ctx, areas: &[Area], id: Option<i64>) -> String {
    id.and_then(|id| areas.iter().find(|a| a.id == id)).map(|a| c.name(&a.names).to_string()).unwrap_or_default()
}

/// Every organisation by id.
pub async fn orgs_by_id(app: &App) -> Result<HashMap<i64, Organisation>, AppError> {
    Ok(app.store.list_organisations().await?.into_iter().map(|o| (o.id, o)).collect())
}

pub fn org_name(c: &Ctx, orgs: &HashMap<i64, Organisation>, id: i64) -> String {
    orgs.get(&id).map(|o| c.name(&o.names).to_string()).unwrap_or_default()
}

/// The store refusals the partner pages explain (conflicts, closed calls, budgets).
pub fn explains(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::EditConflict
            | ErrorCode::AlreadyPartner
            | ErrorCode::CallClosed
            | ErrorCode::BudgetExceeded
            | ErrorCode::StateTransitionInvalid
    )
}

/// The names of a theme and an activity kind in all three languages, for the word search.
pub fn search_names(c: &Ctx) -> impl Fn(Theme, ActivityKind) -> Vec<String> + '_ {
    move |t: Theme, k: ActivityKind| {
        Lang::ALL
            .iter()
            .flat_map(|l| [c.i18n.t(*l, &t.translation_key()), c.i18n.t(*l, &k.translation_key())])
            .collect()
    }
}
