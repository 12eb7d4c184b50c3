//! The yearly HYTE negotiation between the county and each municipality.
use crate::App;
use axum::Router;

pub fn routes() -> Router<App> {
    Router::new()
}
