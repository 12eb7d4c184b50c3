//! Logging in and out.

use crate::auth::{self, cookie, token_hash, SESSION_COOKIE};
use crate::ctx::{safe_next, Ctx};
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use axum::Form;
use chrono::{Duration, Utc};
use hyte_domain::admin::login;
use hyte_domain::{ErrorCode, FieldErrors};
use hyte_store::LoginGate;
use serde::Deserialize;
use std::net::SocketAddr;

#[derive(Template)]
#[template(path = "admin/login.html")]
struct LoginPage {
    c: Ctx,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    /// A form-level error (wrong credentials, too many attempts).
    alert: Option<String>,
    next: String,
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: String,
}

fn login_page(c: Ctx, email: &str, errors: &FieldErrors, alert: Option<ErrorCode>, next: String) -> LoginPage {
    let fields = vec![
        Field::new(&c, "login", "email", "field-email", email, errors)
            .kind("email")
            .autocomplete("username")
            .required(),
        Field::new(&c, "login", "password", "field-password", "", errors)
            .kind("password")
            .autocomplete("current-password")
            .required(),
    ];
    let alert = alert.map(|code| c.err(code));
    LoginPage { errors: summary(&fields), fields, alert, next, c }
}

pub async fn form(c: Ctx, Query(q): Query<NextQuery>) -> Result<Response, AppError> {
    let next = safe_next(q.next.as_deref());
    if c.user.is_some() {
        return Ok(see_other(&next));
    }
    render(&login_page(c, "", &FieldErrors::default(), None, next))
}

/// The client's address, for rate limiting.
pub struct ClientIp(pub String);

impl FromRequestParts<App> for ClientIp {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<ClientIp, Self::Rejection> {
        let forwarded = app.config.trust_forwarded_for.then(|| parts.headers.get("x-forwarded-for")).flatten();
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        Ok(ClientIp(client_address(forwarded.and_then(|v| v.to_str().ok()), peer)))
    }
}

/// The address a trusted proxy saw: the **last** entry of `X-Forwarded-For` (a proxy appends the
/// address it saw; whatever a client put in the header stands before it), if it is an address;
/// otherwise the TCP peer's.
fn client_address(forwarded: Option<&str>, peer: Option<std::net::IpAddr>) -> String {
    let last = forwarded.and_then(|v| v.rsplit(',').next()).and_then(|a| a.trim().parse::<std::net::IpAddr>().ok());
    last.or(peer).map(|ip| ip.to_string()).unwrap_or_else(|| "unknown".into())
}

pub async fn submit(
    State(app): State<App>,
    c: Ctx,
    ClientIp(ip): ClientIp,
    headers: axum::http::HeaderMap,
    Form(f): Form<LoginForm>,
) -> Result<Response, AppError> {
    let next = safe_next(Some(&f.next));
    let mut errors = FieldErrors::default();
    if f.email.trim().is_empty() {
        errors.add("email", ErrorCode::Required);
    }
    if f.password.is_empty() {
        errors.add("password", ErrorCode::Required);
    }
    if !errors.is_empty() {
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &login_page(c, &f.email, &errors, None, next));
    }
    let email = f.email.trim().to_lowercase();
    let now = Utc::now();
    // Counted before the password is checked, in one transaction: parallel attempts can't all pass.
    let attempt_id = match app.store.begin_login_attempt(&email, &ip, now).await? {
        LoginGate::Check { attempt_id } => attempt_id,
        LoginGate::Wait { seconds } => {
            let page = login_page(c, &f.email, &errors, Some(ErrorCode::RateLimited), next);
            let mut res = render_status(StatusCode::TOO_MANY_REQUESTS, &page)?;
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
            return Ok(res);
        }
    };
    let found = app.store.find_login(&email).await?;
    let password = f.password.clone();
    let (user, ok) = match found {
        Some((user, hash)) => {
            let ok =
                tokio::task::spawn_blocking(move || auth::verify_password(&password, &hash)).await.unwrap_or(false);
            (Some(user), ok)
        }
        None => {
            // Same work as for a real user, so timing does not reveal which e-mails exist.
            tokio::task::spawn_blocking(move || auth::verify_password(&password, auth::dummy_hash())).await.ok();
            (None, false)
        }
    };
    let Some(user) = user.filter(|_| ok) else {
        let page = login_page(c, &f.email, &errors, Some(ErrorCode::InvalidCredentials), next);
        return render_status(StatusCode::UNAUTHORIZED, &page);
    };
    app.store.login_succeeded(attempt_id).await?;
    app.store.delete_old_login_attempts(now - Duration::hours(login::KEEP_HOURS)).await?;
    // A session already in this browser (another user's, or an old one) ends here.
    end_session(&app, &headers).await?;
    let token = auth::new_token();
    let hours = app.config.session_hours;
    app.store.create_session(&token_hash(&token), user.id, now, now + Duration::hours(hours)).await?;
    app.store.delete_expired_sessions(now).await?;
    tracing::info!(user_id = user.id, "login");
    // Invitations waiting for an answer come first.
    let next = if app.store.account_state(user.id).await?.invitations == 0 { next } else { "/invitations".into() };
    let mut res = see_other(&next);
    let c = cookie(SESSION_COOKIE, &token, Some(hours * 3600), app.config.secure_cookies, true);
    res.headers_mut().append(header::SET_COOKIE, HeaderValue::from_str(&c).expect("cookie is ASCII"));
    set_csrf(&app, &mut res, &auth::session_csrf(&token));
    Ok(res)
}

/// Deletes the session whose cookie `headers` carry, if any.
async fn end_session(app: &App, headers: &axum::http::HeaderMap) -> Result<(), AppError> {
    let cookies = headers.get(header::COOKIE).and_then(|v| v.to_str().ok()).unwrap_or("");
    if let Some(token) = auth::read_cookie(cookies, SESSION_COOKIE) {
        app.store.delete_session(&token_hash(token)).await?;
    }
    Ok(())
}

/// Rotates the CSRF cookie (at login and logout).
fn set_csrf(app: &App, res: &mut Response, token: &str) {
    let c = cookie(auth::CSRF_COOKIE, token, None, app.config.secure_cookies, true);
    res.headers_mut().append(header::SET_COOKIE, HeaderValue::from_str(&c).expect("cookie is ASCII"));
}

pub async fn logout(State(app): State<App>, headers: axum::http::HeaderMap) -> Result<Response, AppError> {
    end_session(&app, &headers).await?;
    let mut res = see_other("/");
    let c = cookie(SESSION_COOKIE, "", Some(0), app.config.secure_cookies, true);
    res.headers_mut().append(header::SET_COOKIE, HeaderValue::from_str(&c).expect("cookie is ASCII"));
    set_csrf(&app, &mut res, &auth::new_token());
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::client_address;

    #[test]
    fn the_proxy_appended_address_counts_not_what_the_client_claims() {
        let peer = Some("10.0.0.2".parse().unwrap());
        assert_eq!(client_address(Some("6.6.6.6, 203.0.113.7"), peer), "203.0.113.7", "a spoofed entry before it");
        assert_eq!(client_address(Some("203.0.113.7"), peer), "203.0.113.7");
        assert_eq!(client_address(Some("not an address"), peer), "10.0.0.2");
        assert_eq!(client_address(None, peer), "10.0.0.2");
        assert_eq!(client_address(None, None), "unknown");
    }
}
