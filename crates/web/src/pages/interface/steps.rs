//! (being written)
use crate::error::AppError;
use axum::response::Response;
pub async fn add() -> Result<Response, AppError> {
    Err(AppError::new(hyte_domain::ErrorCode::NotFound))
}
pub async fn template() -> Result<Response, AppError> {
    Err(AppError::new(hyte_domain::ErrorCode::NotFound))
}
pub async fn edit() -> Result<Response, AppError> {
    Err(AppError::new(hyte_domain::ErrorCode::NotFound))
}
pub async fn update() -> Result<Response, AppError> {
    Err(AppError::new(hyte_domain::ErrorCode::NotFound))
}
pub async fn delete() -> Result<Response, AppError> {
    Err(AppError::new(hyte_domain::ErrorCode::NotFound))
}
pub async fn move_step() -> Result<Response, AppError> {
    Err(AppError::new(hyte_domain::ErrorCode::NotFound))
}
