//! Interface services (issue 13): services that a county, its municipalities, the state and NGOs
//! share — the register, service chains step by step (diagram, table, PDF), the division of work,
//! cooperation agreements, monitoring and yearly evaluation, the coordination of participation
//! and volunteering, and the public's "what happens next" view. An organisation's pages show the
//! services it takes part in; the store refuses every id of a service it is not a party to.

pub mod agreements;
pub mod chain;
pub mod coordination;
pub mod diagram;
pub mod monitoring;
pub mod public;
pub mod register;
pub mod service_page;
pub mod steps;
pub mod work;

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::App;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use hyte_domain::interface::InterfaceService;
use hyte_domain::{ErrorCode, Membership, Organisation, Permission};
use std::collections::HashMap;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/orgs/{id}/interface", get(register::page).post(register::create))
        .route("/orgs/{id}/interface/coordination", get(coordination::page))
        .route("/orgs/{id}/interface/{sid}", get(service_page::page).post(service_page::update))
        .route("/orgs/{id}/interface/{sid}/publish", post(service_page::publish))
        .route("/orgs/{id}/interface/{sid}/export", get(service_page::export))
        .route("/orgs/{id}/interface/{sid}/steps", post(steps::add))
        .route("/orgs/{id}/interface/{sid}/template", post(steps::template))
        .route("/orgs/{id}/interface/{sid}/steps/{step}", get(steps::edit).post(steps::update))
        .route("/orgs/{id}/interface/{sid}/steps/{step}/delete", post(steps::delete))
        .route("/orgs/{id}/interface/{sid}/steps/{step}/move", post(steps::move_step))
        .route("/orgs/{id}/interface/{sid}/work", get(work::page).post(work::save))
        .route("/orgs/{id}/interface/{sid}/monitoring", get(monitoring::page))
        .route("/orgs/{id}/interface/{sid}/monitoring/indicators", post(monitoring::add_indicator))
        .route("/orgs/{id}/interface/{sid}/monitoring/indicators/{tid}/remove", post(monitoring::remove_indicator))
        .route("/orgs/{id}/interface/{sid}/monitoring/evaluation/{year}", post(monitoring::evaluate))
        .route("/orgs/{id}/agreements", get(agreements::list).post(agreements::create))
        .route("/orgs/{id}/agreements/{aid}", get(agreements::page).post(agreements::update))
        .route(
            "/orgs/{id}/agreements/{aid}/document",
            get(agreements::download).post(agreements::upload).layer(DefaultBodyLimit::max(agreements::BODY_MAX)),
        )
        .route("/interface-services", get(public::search))
        .route("/interface-services/{sid}", get(public::page))
}

/// Organisation `id` (the user's role allowing `perm`) and its service `sid`; `not_found` unless
/// the organisation takes part in it.
pub async fn party(
    app: &App,
    c: &Ctx,
    id: i64,
    sid: i64,
    perm: Permission,
) -> Result<(Organisation, Membership, InterfaceService), AppError> {
    let (org, me) = c.org(app, id, perm).await?;
    let svc = app.store.get_interface(id, sid).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    Ok((org, me, svc))
}

/// Every organisation's name in the user's language, by id.
pub async fn org_names(app: &App, c: &Ctx) -> Result<HashMap<i64, String>, AppError> {
    Ok(app.store.list_organisations().await?.into_iter().map(|o| (o.id, c.name(&o.names).to_string())).collect())
}

/// The store refusals the interface pages explain next to the form.
pub fn explains(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::EditConflict
            | ErrorCode::ReferenceInvalid
            | ErrorCode::IndicatorInvalid
            | ErrorCode::Forbidden
            | ErrorCode::PartyInUse
            | ErrorCode::LastLead
    )
}

/// The municipalities an organisation's services may cover: those of its county (its own area's,
/// or the county its municipality belongs to); every municipality when it has no area.
pub async fn region_municipalities(app: &App, org: &Organisation) -> Result<Vec<hyte_domain::Area>, AppError> {
    let Some(area_id) = org.area_id else {
        return Ok(app.store.list_areas(Some("municipality")).await?);
    };
    let Some(area) = app.store.get_area_by_id(area_id).await? else {
        return Ok(vec![]);
    };
    if area.kind.as_str() != "municipality" {
        return crate::knowledge::visible::member_municipalities(app, area_id).await;
    }
    let year = app.store.area_years(area_id).await?.first().copied().unwrap_or(0);
    for parent in app.store.area_parents(area_id, year).await? {
        if parent.kind.as_str() == "wellbeing_county" {
            return crate::knowledge::visible::member_municipalities(app, parent.id).await;
        }
    }
    Ok(vec![area])
}
