//! The front page.

use super::render;
use crate::ctx::Ctx;
use crate::error::AppError;
use askama::Template;
use axum::response::Response;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    c: Ctx,
}

pub async fn page(c: Ctx) -> Result<Response, AppError> {
    render(&HomePage { c })
}
