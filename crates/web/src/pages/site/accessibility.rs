//! The accessibility statement (required of public-sector services by Act 306/2019).

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::render;
use askama::Template;
use axum::response::Response;

#[derive(Template)]
#[template(path = "site/accessibility.html")]
struct AccessibilityPage {
    c: Ctx,
}

pub async fn page(c: Ctx) -> Result<Response, AppError> {
    render(&AccessibilityPage { c })
}
