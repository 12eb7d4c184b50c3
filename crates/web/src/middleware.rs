//! Layers around every route: security headers and CSRF protection.

use crate::auth::{cookie, is_token, new_token, read_cookie, same_token, CSRF_COOKIE};
use crate::ctx::CsrfToken;
use crate::error::AppError;
use crate::App;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyte_domain::ErrorCode;

pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                       font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; \
                       object-src 'none'";

pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=()"));
    res
}

pub const CSRF_FIELD: &str = "csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Double-submit CSRF protection for every state-changing request: the `hyte_csrf` cookie must
/// match the `csrf` form field or the `X-CSRF-Token` header. Safe methods get the cookie set
/// if missing, and the token is handed to the page (forms embed it).
pub async fn csrf(State(app): State<App>, req: Request, next: Next) -> Response {
    let cookies = req.headers().get(header::COOKIE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let existing = read_cookie(cookies, CSRF_COOKIE).filter(|t| is_token(t)).map(str::to_string);
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let mut req = req;
    if !safe {
        let Some(expected) = existing.clone() else {
            return AppError::new(ErrorCode::CsrfInvalid).into_response();
        };
        let (supplied, rebuilt) = supplied_token(req).await;
        req = match rebuilt {
            Ok(r) => r,
            Err(res) => return res,
        };
        if !supplied.is_some_and(|s| same_token(&s, &expected)) {
            return AppError::new(ErrorCode::CsrfInvalid).into_response();
        }
    }
    let token = existing.clone().unwrap_or_else(new_token);
    req.extensions_mut().insert(CsrfToken(token.clone()));
    let mut res = next.run(req).await;
    if existing.is_none() {
        let c = cookie(CSRF_COOKIE, &token, None, app.config.secure_cookies, true);
        if let Ok(v) = HeaderValue::from_str(&c) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// The token from the header, or from a URL-encoded form body (which is then put back).
async fn supplied_token(req: Request) -> (Option<String>, Result<Request, Response>) {
    if let Some(h) = req.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok()) {
        return (Some(h.to_string()), Ok(req));
    }
    // Multipart uploads carry the token in the form's action URL (`?csrf=…`).
    let is_multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("multipart/form-data"));
    if is_multipart {
        let token = req.uri().query().and_then(|q| {
            serde_urlencoded::from_str::<Vec<(String, String)>>(q)
                .ok()?
                .into_iter()
                .find(|(k, _)| k == CSRF_FIELD)
                .map(|(_, v)| v)
        });
        return (token, Ok(req));
    }
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return (None, Ok(req));
    }
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, 2 * 1024 * 1024).await {
        Ok(b) => b,
        Err(_) => return (None, Err(AppError::new(ErrorCode::InvalidInput).into_response())),
    };
    let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == CSRF_FIELD).map(|(_, v)| v));
    (token, Ok(Request::from_parts(parts, Body::from(bytes))))
}
