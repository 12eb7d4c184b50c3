//! The language switch: `/lang/sv?next=/areas` remembers the language and goes back to the same page.

use crate::auth::{cookie, LANG_COOKIE};
use crate::ctx::safe_next;
use crate::error::AppError;
use crate::respond::see_other;
use crate::App;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue};
use axum::response::Response;
use hyte_domain::{ErrorCode, Lang};
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
}

/// `/lang/sv?next=/areas`: remember the language and go back to the same page.
pub async fn switch(
    State(app): State<App>,
    Path(code): Path<String>,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    let lang = Lang::parse(&code).filter(|l| l.code() == code).ok_or(AppError::new(ErrorCode::NotFound))?;
    let mut res = see_other(&safe_next(q.next.as_deref()));
    let c = cookie(LANG_COOKIE, lang.code(), Some(365 * 24 * 3600), app.config.secure_cookies, true);
    res.headers_mut().append(header::SET_COOKIE, HeaderValue::from_str(&c).expect("cookie is ASCII"));
    Ok(res)
}
