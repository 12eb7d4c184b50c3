//! The current user.

use crate::ctx::Ctx;
use crate::error::{ApiErrorBody, AppError};
use axum::Json;
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct MembershipDto {
    pub organisation_id: i64,
    pub organisation_name: String,
    /// `admin`, `coordinator`, `editor` or `viewer`.
    pub role: String,
    pub sector_id: Option<i64>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MeDto {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    /// The user's interface language: `fi`, `sv` or `en`.
    pub lang: String,
    pub memberships: Vec<MembershipDto>,
}

#[utoipa::path(get, path = "/api/v1/me", tag = "users",
    responses((status = 200, body = MeDto), (status = 401, description = "`not_logged_in`", body = ApiErrorBody)))]
pub async fn me(c: Ctx) -> Result<Json<MeDto>, AppError> {
    let u = c.require_user()?;
    Ok(Json(MeDto {
        id: u.user.id,
        email: u.user.email.as_str().into(),
        display_name: u.user.display_name.clone(),
        lang: c.lang.code().into(),
        memberships: u
            .memberships
            .iter()
            .map(|(m, o)| MembershipDto {
                organisation_id: o.id,
                organisation_name: o.name(c.lang).to_string(),
                role: m.role.as_str().into(),
                sector_id: m.sector_id,
            })
            .collect(),
    }))
}
