//! A refused form post, answered once for every page: when the form does not parse or the store
//! refuses a rule the page explains, the page is shown again with what was typed and why, at the
//! refusal's status; any other store error becomes an error page.

use crate::error::{status_of, AppError};
use crate::respond::render_status;
use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use hyte_domain::{ErrorCode, FieldErrors};
use hyte_store::StoreError;

/// The first error of a form that did not parse (`invalid_input` if the list is empty).
pub fn first_error(e: &FieldErrors) -> ErrorCode {
    e.0.first().map(|f| f.code).unwrap_or(ErrorCode::InvalidInput)
}

/// The status of a page shown again because its form did not parse.
pub fn status(e: &FieldErrors) -> StatusCode {
    status_of(first_error(e))
}

/// What stopped a post: the form's own errors, or the store.
pub enum Failure {
    Form(FieldErrors),
    Store(StoreError),
}

impl From<FieldErrors> for Failure {
    fn from(e: FieldErrors) -> Failure {
        Failure::Form(e)
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        Failure::Store(e)
    }
}

/// Why a post was refused, as its page shows it: errors next to the fields, or an alert above them.
#[derive(Default, Clone)]
pub struct Refusal {
    pub errors: FieldErrors,
    pub alert: Option<ErrorCode>,
}

impl Refusal {
    pub fn alert(code: ErrorCode) -> Refusal {
        Refusal { errors: FieldErrors::default(), alert: Some(code) }
    }

    pub fn status(&self) -> StatusCode {
        status_of(self.alert.unwrap_or_else(|| first_error(&self.errors)))
    }
}

impl Failure {
    /// The refusal the page explains (`explains` says which store rules), or the error page.
    pub fn refusal(self, explains: fn(ErrorCode) -> bool) -> Result<Refusal, AppError> {
        match self {
            Failure::Form(errors) => Ok(Refusal { errors, alert: None }),
            Failure::Store(StoreError::Rule(code)) if explains(code) => Ok(Refusal::alert(code)),
            Failure::Store(e) => Err(e.into()),
        }
    }
}

/// A parsed form written: `write` runs only when the form parsed.
pub async fn submit<I, T>(
    parsed: Result<I, FieldErrors>,
    write: impl AsyncFnOnce(I) -> Result<T, StoreError>,
) -> Result<T, Failure> {
    Ok(write(parsed?).await?)
}

/// The answer to a post: `done` (a redirect) when it went through, else the page again, built by
/// `again` from the refusal and sent with the refusal's status.
pub async fn answer<T, P: Template>(
    outcome: Result<T, Failure>,
    explains: fn(ErrorCode) -> bool,
    done: impl FnOnce(T) -> Response,
    again: impl AsyncFnOnce(Refusal) -> Result<P, AppError>,
) -> Result<Response, AppError> {
    match outcome {
        Ok(v) => Ok(done(v)),
        Err(f) => {
            let refusal = f.refusal(explains)?;
            let status = refusal.status();
            render_status(status, &again(refusal).await?)
        }
    }
}

/// For posts whose store refusals are all error pages: only the form's own errors are explained.
pub fn no_rules(_: ErrorCode) -> bool {
    false
}

/// For pages that explain only edit conflicts.
pub fn conflicts(code: ErrorCode) -> bool {
    code == ErrorCode::EditConflict
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_error_list_does_not_panic() {
        assert_eq!(first_error(&FieldErrors::default()), ErrorCode::InvalidInput);
    }

    #[test]
    fn only_explained_rules_are_refusals() {
        let r = Failure::Store(StoreError::Rule(ErrorCode::EditConflict)).refusal(conflicts);
        assert_eq!(r.ok().and_then(|r| r.alert), Some(ErrorCode::EditConflict));
        assert!(Failure::Store(StoreError::Rule(ErrorCode::NotFound)).refusal(conflicts).is_err());
        let mut e = FieldErrors::default();
        e.add("name", ErrorCode::TooLong);
        assert_eq!(Failure::Form(e).refusal(conflicts).ok().map(|r| r.status()), Some(status_of(ErrorCode::TooLong)));
    }
}
