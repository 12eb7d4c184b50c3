//! (being written)
use crate::error::AppError;
use axum::response::Response;
pub async fn search() -> Result<Response, AppError> {
    Err(AppError::new(hyte_domain::ErrorCode::NotFound))
}
pub async fn page() -> Result<Response, AppError> {
    Err(AppError::new(hyte_domain::ErrorCode::NotFound))
}
