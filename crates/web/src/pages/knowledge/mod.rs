//! The knowledge base: areas, indicators (catalogue, page, across areas, time series), an area's
//! profile and the import of an organisation's own data.

pub mod areas;
pub mod import;
pub mod indicator_sets;
pub mod indicators;
pub mod profile;

use crate::App;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/areas", get(areas::list))
        .route("/areas/{kind}/{code}", get(areas::detail))
        .route("/areas/{kind}/{code}/profile", get(profile::page))
        .route("/indicators", get(indicators::catalogue))
        .route("/indicators/{id}", get(indicators::page))
        .route("/indicators/{id}/polarity", post(indicators::set_polarity))
        .route("/indicators/{id}/across", get(indicators::across))
        .route("/indicators/{id}/series/{kind}/{code}", get(indicators::series))
        .route("/indicator-sets", get(indicator_sets::list))
        .route("/indicator-sets/{id}", get(indicator_sets::detail))
        .route("/orgs/{id}/indicator-sets", get(indicator_sets::org).post(indicator_sets::create))
        .route("/orgs/{id}/indicator-sets/{set}", post(indicator_sets::update))
        .route("/orgs/{id}/import", get(import::form))
        .route("/orgs/{id}/import/{job}", get(import::show_job))
        .route("/static/import.js", get(import_script))
}

async fn import_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/javascript; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
        ],
        include_str!("../../../static/import.js"),
    )
        .into_response()
}
