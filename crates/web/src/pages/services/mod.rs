//! HYTE in the county's services (issue 12): the services register with its coverage of client
//! groups, providers, contracts with HYTE quality criteria and their monitoring, strategy
//! documents, client participation and feedback; and the provider's side, where its users report
//! their contracts' criteria. Pages of a county (`is_county`) only; a provider's pages are those
//! of any organisation that a county's provider record names.

pub mod contracts;
pub mod criterion_page;
pub mod provider_side;
pub mod providers;
pub mod register;
pub mod service_page;
pub mod strategies;

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::App;
use axum::routing::{get, post};
use axum::Router;
use hyte_domain::{ErrorCode, Membership, Organisation, Permission};

pub use crate::form::{choices, group_boxes, group_names, GroupBox};

pub fn routes() -> Router<App> {
    Router::new()
        .route("/orgs/{id}/services", get(register::page).post(register::create))
        .route("/orgs/{id}/services/feedback", post(register::import_feedback))
        .route("/orgs/{id}/services/{sid}", get(service_page::page).post(service_page::update))
        .route("/orgs/{id}/services/{sid}/participation", post(service_page::participate))
        .route("/orgs/{id}/providers", get(providers::list).post(providers::create))
        .route("/orgs/{id}/providers/{pid}", get(providers::edit).post(providers::update))
        .route("/orgs/{id}/contracts", get(contracts::list).post(contracts::create))
        .route("/orgs/{id}/contracts/{cid}", get(contracts::page).post(contracts::update))
        .route("/orgs/{id}/contracts/{cid}/criteria", post(contracts::add_criterion))
        .route("/orgs/{id}/contracts/{cid}/criteria/{kid}", get(contracts::criterion).post(contracts::update_criterion))
        .route("/orgs/{id}/contracts/{cid}/reports/{rid}/review", post(contracts::review))
        .route("/orgs/{id}/strategies", get(strategies::list).post(strategies::create))
        .route("/orgs/{id}/strategies/{sid}", get(strategies::page).post(strategies::update))
        .route("/orgs/{id}/strategies/{sid}/goals", post(strategies::add_goal))
        .route("/orgs/{id}/strategies/{sid}/goals/{index}/remove", post(strategies::remove_goal))
        .route("/orgs/{id}/strategies/{sid}/approve", post(strategies::approve))
        .route("/orgs/{id}/strategies/{sid}/new-version", post(strategies::new_version))
        .route("/orgs/{id}/provider-contracts", get(provider_side::list))
        .route("/orgs/{id}/provider-contracts/{cid}", get(provider_side::page).post(provider_side::submit))
        .route("/orgs/{id}/provider-contracts/{cid}/upload", post(provider_side::upload))
}

/// The county `id` and the user's membership, when its role allows `perm`; `not_found` for an
/// organisation without the county's role (its services are not kept here).
pub async fn county(app: &App, c: &Ctx, id: i64, perm: Permission) -> Result<(Organisation, Membership), AppError> {
    let (org, me) = c.org(app, id, perm).await?;
    if !org.kind.is_county() {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    Ok((org, me))
}

/// The store refusals the service pages explain next to the form.
pub fn explains(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::EditConflict
            | ErrorCode::ReferenceInvalid
            | ErrorCode::IndicatorInvalid
            | ErrorCode::DocumentLocked
            | ErrorCode::MonitoringLocked
            | ErrorCode::StateTransitionInvalid
    )
}

/// A number the Finnish or English way, with up to `decimals` decimals.
pub fn num(c: &Ctx, v: f64, decimals: i32) -> String {
    crate::format::fmt_num(c.lang, v, decimals)
}
