//! The front page.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::render;
use askama::Template;
use axum::response::Response;

#[derive(Template)]
#[template(path = "site/home.html")]
struct HomePage {
    c: Ctx,
}

pub async fn page(c: Ctx) -> Result<Response, AppError> {
    render(&HomePage { c })
}
