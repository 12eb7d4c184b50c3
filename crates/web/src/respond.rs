//! Answers every page gives: a rendered template (with a status) or a redirect after a post.

use crate::error::AppError;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

pub fn render(t: &impl Template) -> Result<Response, AppError> {
    Ok(Html(t.render()?).into_response())
}

pub fn render_status(status: StatusCode, t: &impl Template) -> Result<Response, AppError> {
    Ok((status, Html(t.render()?)).into_response())
}

/// After a successful form post: back to a page (303, so reload does not post again).
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}
