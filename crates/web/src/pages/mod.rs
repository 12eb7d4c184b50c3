//! HTML pages, one room per capability (the same names as in every other layer); each room's
//! `routes()` sits next to its handlers, and each handler checks its own authorisation. This module
//! merges the rooms and holds the page plumbing: rendering, redirects, error pages, the stylesheet.

pub mod admin;
pub mod assessment;
pub mod coefficient;
pub mod cooperation;
pub mod interface;
pub mod knowledge;
pub mod partners;
pub mod reports;
pub mod services;
pub mod site;
pub mod support;

use crate::auth::{read_cookie, CSRF_COOKIE};
use crate::ctx::{encode, Ctx};
use crate::error::{AppError, ErrorMarker};
use crate::App;
use askama::Template;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use hyte_domain::ErrorCode;

pub fn routes() -> Router<App> {
    Router::new()
        .merge(site::routes())
        .merge(admin::routes())
        .merge(knowledge::routes())
        .merge(reports::routes())
        .merge(assessment::routes())
        .merge(cooperation::routes())
        .merge(partners::routes())
        .merge(services::routes())
        .merge(interface::routes())
        .merge(support::routes())
        .merge(coefficient::routes())
        .route("/static/hyte.css", get(stylesheet))
}

/// Any path no route matches.
pub async fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound)
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/css; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
        ],
        include_str!("../../static/hyte.css"),
    )
        .into_response()
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    c: Ctx,
    code: ErrorCode,
    status: u16,
}

/// The error code of a response: a handler's [`AppError`], or one of axum's plain-text
/// rejections (a malformed path or query, a bad form body).
fn error_code(res: &Response) -> Option<ErrorCode> {
    if let Some(ErrorMarker(code)) = res.extensions().get::<ErrorMarker>() {
        return Some(*code);
    }
    let plain = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/plain"));
    match res.status() {
        s if !plain || !s.is_client_error() => None,
        StatusCode::NOT_FOUND | StatusCode::BAD_REQUEST | StatusCode::METHOD_NOT_ALLOWED => Some(ErrorCode::NotFound),
        _ => Some(ErrorCode::InvalidInput),
    }
}

/// Turns error responses into a translated page (or, under `/api`, into JSON); sends anonymous
/// visitors of internal pages to the login form.
pub async fn error_pages(State(app): State<App>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if path == "/healthz" || path == "/readyz" {
        return next.run(req).await;
    }
    if path.starts_with("/api/") {
        let res = next.run(req).await;
        return match (res.extensions().get::<ErrorMarker>(), error_code(&res)) {
            (None, Some(code)) => AppError::new(code).into_response(),
            _ => res,
        };
    }
    let (headers, uri, method) = (req.headers().clone(), req.uri().clone(), req.method().clone());
    let res = next.run(req).await;
    let Some(code) = error_code(&res) else {
        return res;
    };
    if code == ErrorCode::NotLoggedIn && method == Method::GET {
        let next = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
        return Redirect::to(&format!("/login?next={}", encode(next))).into_response();
    }
    let status =
        if res.extensions().get::<ErrorMarker>().is_some() { res.status() } else { crate::error::status_of(code) };
    let cookies = headers.get(header::COOKIE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let csrf = read_cookie(cookies, CSRF_COOKIE).unwrap_or("").to_string();
    let c = match Ctx::build(&app, &headers, &uri, csrf).await {
        Ok(c) => c,
        Err(_) => return res,
    };
    let page = ErrorPage { c, code, status: status.as_u16() };
    match page.render() {
        Ok(html) => {
            let mut out = (status, Html(html)).into_response();
            for v in res.headers().get_all(header::SET_COOKIE) {
                out.headers_mut().append(header::SET_COOKIE, v.clone());
            }
            out
        }
        Err(_) => res,
    }
}
