//! Errors as responses. Handlers return [`AppError`]; API routes get JSON with a stable code,
//! pages get a translated error page (rendered by [`crate::pages::error_pages`]).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use hyte_domain::ErrorCode;
use hyte_store::StoreError;
use serde::Serialize;

#[derive(Debug, Clone)]
pub struct AppError {
    pub code: ErrorCode,
}

impl AppError {
    pub fn new(code: ErrorCode) -> AppError {
        AppError { code }
    }

    pub fn status(&self) -> StatusCode {
        status_of(self.code)
    }
}

/// The HTTP status of an error code, as the domain lists it beside the code.
pub fn status_of(code: ErrorCode) -> StatusCode {
    StatusCode::from_u16(code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        if let StoreError::Rule(code) = e {
            return AppError::new(code);
        }
        tracing::error!(error = %e, "store error");
        AppError::new(ErrorCode::Internal)
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> AppError {
        tracing::error!(error = %e, "template error");
        AppError::new(ErrorCode::Internal)
    }
}

/// Marks a response as an error so that the page layer can render it in the user's language.
#[derive(Debug, Clone, Copy)]
pub struct ErrorMarker(pub ErrorCode);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut res = (self.status(), Json(ApiErrorBody::new(self.code))).into_response();
        res.extensions_mut().insert(ErrorMarker(self.code));
        res
    }
}

/// The JSON error body of the API: `{"error": {"code": "not_found", "message": "…"}}`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiErrorBody {
    pub error: ApiError,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiError {
    /// Stable snake_case code, e.g. `not_found`, `forbidden`, `csrf_invalid`, `edit_conflict`.
    pub code: String,
    /// English description for developers; the UI translates `code`.
    pub message: String,
    /// Invalid fields, for `invalid_input`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<ApiFieldError>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiFieldError {
    pub field: String,
    pub code: String,
}

impl ApiErrorBody {
    pub fn new(code: ErrorCode) -> ApiErrorBody {
        ApiErrorBody {
            error: ApiError {
                code: code.to_string(),
                message: crate::i18n::english(&format!("error-{code}")),
                fields: vec![],
            },
        }
    }
}
