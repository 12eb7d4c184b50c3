//! The support-needs survey: the county sends it, municipalities answer per sector, the heat map.
use crate::App;
use axum::Router;

pub fn routes() -> Router<App> {
    Router::new()
}
