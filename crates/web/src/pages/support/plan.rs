//! The yearly support plan, the support delivered and its feedback.
use crate::App;
use axum::Router;

pub fn routes() -> Router<App> {
    Router::new()
}
