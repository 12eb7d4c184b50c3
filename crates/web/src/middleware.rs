//! Layers around every route: security headers and CSRF protection.

use crate::auth::{cookie, is_token, new_token, read_cookie, same_token, session_csrf, CSRF_COOKIE, SESSION_COOKIE};
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

/// Security headers on every answer; a browser with a session gets `Cache-Control: no-store` (no
/// logged-in page stays in a shared cache or on a shared computer's disk) unless the handler set a
/// cache policy of its own.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let cookies = req.headers().get(header::COOKIE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let logged_in = read_cookie(cookies, SESSION_COOKIE).is_some_and(is_token);
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if logged_in && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=()"));
    res
}

pub const CSRF_FIELD: &str = "csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// CSRF protection for every state-changing request: the `csrf` form field or the `X-CSRF-Token`
/// header must carry the expected token. With a session it is derived from the session
/// ([`session_csrf`]), so it is bound to it and changes at login and logout; without one it is the
/// random `hyte_csrf` cookie (double submit). The `hyte_csrf` cookie always holds the expected
/// token (set when it differs), and the token is handed to the page (forms embed it).
pub async fn csrf(State(app): State<App>, req: Request, next: Next) -> Response {
    let cookies = req.headers().get(header::COOKIE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let existing = read_cookie(cookies, CSRF_COOKIE).filter(|t| is_token(t)).map(str::to_string);
    let session = read_cookie(cookies, SESSION_COOKIE).filter(|t| is_token(t));
    let expected = session.map(session_csrf).or_else(|| existing.clone());
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let mut req = req;
    if !safe {
        let Some(expected) = expected.clone() else {
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
    let token = expected.unwrap_or_else(new_token);
    req.extensions_mut().insert(CsrfToken(token.clone()));
    let mut res = next.run(req).await;
    // A handler that changed the session (login, logout) sets the cookie itself.
    let handler_set =
        res.headers().get_all(header::SET_COOKIE).iter().any(|v| v.as_bytes().starts_with(CSRF_COOKIE.as_bytes()));
    if existing.as_deref() != Some(token.as_str()) && !handler_set {
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

/// A handler that panics answers 500 with the stable `internal` error (logged), instead of the
/// connection being dropped.
pub fn panic_response(err: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("panic");
    tracing::error!(panic = what, "a handler panicked");
    AppError::new(ErrorCode::Internal).into_response()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    #[tokio::test]
    async fn a_panicking_handler_answers_500_with_the_internal_code() {
        let boom = || async {
            let empty: Vec<u8> = vec![];
            #[allow(clippy::indexing_slicing)]
            let b = empty[0];
            b.to_string()
        };
        let app = axum::Router::new()
            .route("/boom", axum::routing::get(boom))
            .route("/ok", axum::routing::get(|| async { "ok" }))
            .layer(tower_http::catch_panic::CatchPanicLayer::custom(super::panic_response));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        let r = reqwest::get(format!("http://{addr}/boom")).await.unwrap();
        assert_eq!(r.status(), 500);
        assert!(r.text().await.unwrap().contains("\"internal\""));
        let again = reqwest::get(format!("http://{addr}/ok")).await.unwrap();
        assert_eq!(again.text().await.unwrap(), "ok", "the server keeps answering");
    }
}
