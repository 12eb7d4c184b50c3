//! Site-wide pages that belong to no capability: the home page, the accessibility statement,
//! the language switch and the health checks.

pub mod accessibility;
pub mod home;
pub mod language;
pub mod ops;

use crate::App;
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/", get(home::page))
        .route("/lang/{code}", get(language::switch))
        .route("/accessibility", get(accessibility::page))
}
