//! The good-practice library: public search, practices, adoption into a plan, JSON exchange.
use crate::App;
use axum::Router;

pub fn routes() -> Router<App> {
    Router::new()
}
