//! Organisations API.

use super::NamesDto;
use crate::ctx::Ctx;
use crate::error::{status_of, ApiErrorBody, ApiFieldError, AppError};
use crate::App;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use hyte_domain::{ErrorCode, Organisation, Permission, Sector, SectorInput};
use hyte_store::Actor;
use serde::{Deserialize, Serialize};

#[derive(Serialize, utoipa::ToSchema)]
pub struct OrganisationDto {
    pub id: i64,
    /// `municipality`, `wellbeing_county`, `helsinki`, `regional_council`, `hus`, `ngo`, `parish`, `state_authority`,
    /// `private_provider`, `other`.
    pub kind: String,
    pub name: NamesDto,
    pub area_id: Option<i64>,
}

impl From<&Organisation> for OrganisationDto {
    fn from(o: &Organisation) -> OrganisationDto {
        OrganisationDto { id: o.id, kind: o.kind.as_str().into(), name: (&o.names).into(), area_id: o.area_id }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SectorDto {
    pub id: i64,
    pub org_id: i64,
    pub name: NamesDto,
    /// Send back when editing; a stale version is refused with `edit_conflict`.
    pub version: i64,
}

impl From<&Sector> for SectorDto {
    fn from(s: &Sector) -> SectorDto {
        SectorDto { id: s.id, org_id: s.org_id, name: (&s.names).into(), version: s.version }
    }
}

/// All organisations (public: names and kinds only).
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations",
    responses((status = 200, body = [OrganisationDto])))]
pub async fn list(State(app): State<App>) -> Result<Json<Vec<OrganisationDto>>, AppError> {
    Ok(Json(app.store.list_organisations().await?.iter().map(OrganisationDto::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "organisations",
    params(("id" = i64, Path)), responses((status = 200, body = OrganisationDto), (status = 404, body = ApiErrorBody)))]
pub async fn detail(State(app): State<App>, Path(id): Path<i64>) -> Result<Json<OrganisationDto>, AppError> {
    let o = app.store.get_organisation(id).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    Ok(Json((&o).into()))
}

/// The organisation's sectors (members only).
#[utoipa::path(get, path = "/api/v1/organisations/{id}/sectors", tag = "organisations",
    params(("id" = i64, Path)),
    responses((status = 200, body = [SectorDto]), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)))]
pub async fn sectors(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Json<Vec<SectorDto>>, AppError> {
    c.require(id, Permission::View)?;
    Ok(Json(app.store.list_sectors(id).await?.iter().map(SectorDto::from).collect()))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct NewSectorBody {
    pub name_fi: String,
    #[serde(default)]
    pub name_sv: String,
    #[serde(default)]
    pub name_en: String,
}

/// Adds a sector (admins of the organisation; needs `X-CSRF-Token`).
#[utoipa::path(post, path = "/api/v1/organisations/{id}/sectors", tag = "organisations",
    params(("id" = i64, Path)), request_body = NewSectorBody,
    responses((status = 201, body = SectorDto), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
        (status = 409, description = "`name_taken`", body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn create_sector(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    body: Result<Json<NewSectorBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let me = c.require(id, Permission::Administer)?;
    let Json(body) = body.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
    let input = match SectorInput::parse(&body.name_fi, &body.name_sv, &body.name_en) {
        Ok(i) => i,
        Err(errs) => {
            let mut b = ApiErrorBody::new(ErrorCode::InvalidInput);
            b.error.fields =
                errs.0.iter().map(|e| ApiFieldError { field: e.field.to_string(), code: e.code.to_string() }).collect();
            return Ok((status_of(ErrorCode::InvalidInput), Json(b)).into_response());
        }
    };
    let s = app.store.create_sector(id, &input, Actor::user(me.user_id)).await?;
    Ok((StatusCode::CREATED, Json(SectorDto::from(&s))).into_response())
}
