//! Areas API.

use super::NamesDto;
use crate::error::{ApiErrorBody, AppError};
use crate::App;
use axum::extract::{Path, Query, State};
use axum::Json;
use hyte_domain::{Area, ErrorCode};
use serde::{Deserialize, Serialize};

#[derive(Serialize, utoipa::ToSchema)]
pub struct AreaDto {
    pub id: i64,
    /// Area kind code: `country`, `wellbeing_county`, `region`, `municipality`, …
    pub kind: String,
    /// Statistics Finland code (e.g. `297` for Kuopio).
    pub code: String,
    pub name: NamesDto,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
}

impl From<&Area> for AreaDto {
    fn from(a: &Area) -> AreaDto {
        AreaDto {
            id: a.id,
            kind: a.kind.as_str().to_string(),
            code: a.code.clone(),
            name: (&a.names).into(),
            first_year: a.first_year,
            last_year: a.last_year,
        }
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ListParams {
    /// Only areas of this kind.
    kind: Option<String>,
}

/// All areas, or those of one kind.
#[utoipa::path(get, path = "/api/v1/areas", tag = "areas", params(ListParams),
    responses((status = 200, description = "Areas ordered by kind and Finnish name", body = [AreaDto])))]
pub async fn list(State(app): State<App>, Query(p): Query<ListParams>) -> Result<Json<Vec<AreaDto>>, AppError> {
    let areas = app.store.list_areas(p.kind.as_deref()).await?;
    Ok(Json(areas.iter().map(AreaDto::from).collect()))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PopulationDto {
    pub year: i32,
    /// `total`, `male` or `female`.
    pub sex: String,
    pub population: i64,
    /// Summed from member municipalities rather than published for the area.
    pub derived: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AreaDetailDto {
    pub area: AreaDto,
    /// The classification year of `parents` and `members`.
    pub year: Option<i32>,
    pub years: Vec<i32>,
    pub parents: Vec<AreaDto>,
    pub members: Vec<AreaDto>,
    pub population: Vec<PopulationDto>,
    pub attribution: String,
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct DetailParams {
    /// Classification year (default: the newest).
    year: Option<i32>,
}

/// One area with its parents, members and population.
#[utoipa::path(get, path = "/api/v1/areas/{kind}/{code}", tag = "areas",
    params(("kind" = String, Path, description = "Area kind"), ("code" = String, Path, description = "Official code"), DetailParams),
    responses((status = 200, body = AreaDetailDto), (status = 404, body = ApiErrorBody)))]
pub async fn detail(
    State(app): State<App>,
    Path((kind, code)): Path<(String, String)>,
    Query(p): Query<DetailParams>,
) -> Result<Json<AreaDetailDto>, AppError> {
    let area = app.store.get_area(&kind, &code).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    let years = app.store.area_years(area.id).await?;
    let year = p.year.filter(|y| years.contains(y)).or(years.first().copied());
    let (parents, members) = match year {
        Some(y) => (app.store.area_parents(area.id, y).await?, app.store.area_members(area.id, y).await?),
        None => (vec![], vec![]),
    };
    let population = app
        .store
        .area_population(area.id)
        .await?
        .into_iter()
        .map(|p| PopulationDto {
            year: p.year,
            sex: p.sex.as_str().into(),
            population: p.population,
            derived: p.derived,
        })
        .collect();
    Ok(Json(AreaDetailDto {
        area: (&area).into(),
        year,
        years,
        parents: parents.iter().map(AreaDto::from).collect(),
        members: members.iter().map(AreaDto::from).collect(),
        population,
        attribution: "Source: Statistics Finland (CC BY 4.0)".into(),
    }))
}
