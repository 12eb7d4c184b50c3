//! HTML pages. One module per room; each handler is explicit and checks its own authorisation.

pub mod accessibility;
pub mod areas;
pub mod audit;
pub mod form;
pub mod home;
pub mod login;
pub mod ops;
pub mod org;
pub mod sectors;
pub mod users;

use crate::auth::{read_cookie, CSRF_COOKIE};
use crate::ctx::{encode, Ctx};
use crate::error::{AppError, ErrorMarker};
use crate::App;
use askama::Template;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use hyte_domain::ErrorCode;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/", get(home::page))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/lang/{code}", get(login::switch_language))
        .route("/accessibility", get(accessibility::page))
        .route("/areas", get(areas::list))
        .route("/areas/{kind}/{code}", get(areas::detail))
        .route("/org", get(org::mine))
        .route("/orgs/{id}", get(org::page))
        .route("/orgs/{id}/users", get(users::page).post(users::add))
        .route(
            "/orgs/{id}/users/{user_id}",
            get(users::edit).post(users::update),
        )
        .route("/orgs/{id}/users/{user_id}/remove", post(users::remove))
        .route("/orgs/{id}/sectors", get(sectors::page).post(sectors::add))
        .route(
            "/orgs/{id}/sectors/{sector_id}",
            get(sectors::edit).post(sectors::update),
        )
        .route(
            "/orgs/{id}/sectors/{sector_id}/delete",
            post(sectors::delete),
        )
        .route("/orgs/{id}/audit", get(audit::page))
        .route("/static/hyte.css", get(stylesheet))
}

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

async fn stylesheet() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/css; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
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

/// Turns error responses of page routes into a translated page; sends anonymous visitors of
/// internal pages to the login form.
pub async fn error_pages(State(app): State<App>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if path.starts_with("/api/") || path == "/healthz" || path == "/readyz" {
        return next.run(req).await;
    }
    let (headers, uri, method) = (
        req.headers().clone(),
        req.uri().clone(),
        req.method().clone(),
    );
    let res = next.run(req).await;
    let Some(ErrorMarker(code)) = res.extensions().get::<ErrorMarker>().copied() else {
        return res;
    };
    if code == ErrorCode::NotLoggedIn && method == Method::GET {
        let next = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
        return Redirect::to(&format!("/login?next={}", encode(next))).into_response();
    }
    let status = res.status();
    let cookies = headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let csrf = read_cookie(cookies, CSRF_COOKIE).unwrap_or("").to_string();
    let c = match Ctx::build(&app, &headers, &uri, csrf).await {
        Ok(c) => c,
        Err(_) => return res,
    };
    let page = ErrorPage {
        c,
        code,
        status: status.as_u16(),
    };
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
