//! The JSON API under `/api/v1`. Every handler is listed in [`ApiDoc`], from which the OpenAPI
//! document is generated (and snapshot-tested).

pub mod areas;
pub mod indicators;
pub mod me;
pub mod orgs;

use crate::error::{ApiError, ApiErrorBody, ApiFieldError};
use crate::App;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Hyte API",
        version = "1",
        description = "Well-being and health promotion (HYTE) of Finnish municipalities and wellbeing services counties. \
                       Errors are JSON with stable snake_case codes. State-changing calls need the session cookie and \
                       an `X-CSRF-Token` header equal to the `hyte_csrf` cookie. Area data: Statistics Finland, CC BY 4.0."
    ),
    paths(
        areas::list,
        areas::detail,
        indicators::list,
        indicators::detail,
        indicators::observations,
        indicators::profile,
        orgs::list,
        orgs::detail,
        orgs::sectors,
        orgs::create_sector,
        me::me
    ),
    components(schemas(ApiErrorBody, ApiError, ApiFieldError, NamesDto)),
    tags((name = "areas"), (name = "indicators"), (name = "organisations"), (name = "users"))
)]
pub struct ApiDoc;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/areas", get(areas::list))
        .route("/areas/{kind}/{code}", get(areas::detail))
        .route("/organisations", get(orgs::list))
        .route("/organisations/{id}", get(orgs::detail))
        .route("/organisations/{id}/sectors", get(orgs::sectors).post(orgs::create_sector))
        .route("/indicators", get(indicators::list))
        .route("/indicators/{id}", get(indicators::detail))
        .route("/observations", get(indicators::observations))
        .route("/profiles/{kind}/{code}", get(indicators::profile))
        .route("/me", get(me::me))
        .route("/openapi.json", get(openapi))
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// A name in Finnish, Swedish and English (`sv`/`en` may be missing).
#[derive(Serialize, utoipa::ToSchema)]
pub struct NamesDto {
    pub fi: String,
    pub sv: Option<String>,
    pub en: Option<String>,
}

impl From<&hyte_domain::Names> for NamesDto {
    fn from(n: &hyte_domain::Names) -> NamesDto {
        NamesDto { fi: n.fi.clone(), sv: n.sv.clone(), en: n.en.clone() }
    }
}
