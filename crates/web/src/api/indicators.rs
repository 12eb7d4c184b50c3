//! Knowledge base API: indicators, observations and area profiles.

use super::NamesDto;
use crate::ctx::Ctx;
use crate::error::{ApiErrorBody, AppError};
use crate::knowledge::visible::{visible_indicator, visible_orgs};
use crate::App;
use axum::extract::{Path, Query, State};
use axum::Json;
use hyte_domain::{ErrorCode, Indicator, Sex};
use hyte_store::{IndicatorFilter, ObservationQuery};
use serde::{Deserialize, Serialize};

#[derive(Serialize, utoipa::ToSchema)]
pub struct IndicatorDto {
    pub id: i64,
    /// `sotkanet` or `own`.
    pub source: String,
    pub source_id: String,
    pub title: NamesDto,
    /// `percent`, `per1000`, `per10000`, `per100000`, `count`, `index` or `other`.
    pub value_type: String,
    pub decimals: i32,
    /// `higher_is_better`, `lower_is_better` or `no_direction`.
    pub polarity: String,
    pub producer: Option<String>,
    pub attribution: String,
    pub themes: Vec<String>,
    pub data_updated: Option<String>,
}

impl From<&Indicator> for IndicatorDto {
    fn from(i: &Indicator) -> IndicatorDto {
        IndicatorDto {
            id: i.id,
            source: i.source.clone(),
            source_id: i.source_id.clone(),
            title: (&i.title).into(),
            value_type: i.value_type.as_str().into(),
            decimals: i.decimals,
            polarity: i.polarity.as_str().into(),
            producer: i.producer.clone(),
            attribution: i.attribution.clone(),
            themes: i.themes.clone(),
            data_updated: i.data_updated.clone(),
        }
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct IndicatorParams {
    /// Search words (fi/sv/en titles) or a source id.
    q: Option<String>,
    theme: Option<String>,
    source: Option<String>,
    /// Page size, at most 500 (default 50).
    limit: Option<i64>,
    offset: Option<i64>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct IndicatorPage {
    pub total: i64,
    pub items: Vec<IndicatorDto>,
}

/// Search the indicator catalogue.
#[utoipa::path(get, path = "/api/v1/indicators", tag = "indicators", params(IndicatorParams), responses((status = 200, body = IndicatorPage)))]
pub async fn list(
    State(app): State<App>,
    c: Ctx,
    Query(p): Query<IndicatorParams>,
) -> Result<Json<IndicatorPage>, AppError> {
    let f = IndicatorFilter {
        q: p.q.unwrap_or_default(),
        theme: p.theme,
        source: p.source,
        visible_orgs: visible_orgs(&c),
        with_data: false,
        limit: p.limit.unwrap_or(50).clamp(1, 500),
        offset: p.offset.unwrap_or(0).max(0),
    };
    let (items, total) = app.store.list_indicators(&f).await?;
    Ok(Json(IndicatorPage { total, items: items.iter().map(IndicatorDto::from).collect() }))
}

#[utoipa::path(get, path = "/api/v1/indicators/{id}", tag = "indicators", params(("id" = i64, Path)),
    responses((status = 200, body = IndicatorDto), (status = 404, body = ApiErrorBody)))]
pub async fn detail(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Json<IndicatorDto>, AppError> {
    Ok(Json((&visible_indicator(&app, &c, id).await?).into()))
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ObservationParams {
    /// Indicator id (required).
    indicator: i64,
    /// Area as KIND/CODE, e.g. `municipality/297`; all areas when missing.
    area: Option<String>,
    year: Option<i32>,
    /// `total`, `male` or `female`.
    sex: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ObservationDto {
    pub area_kind: String,
    pub area_code: String,
    pub year: i32,
    pub sex: String,
    pub age_band: String,
    /// Missing when unknown; value, numerator and denominator are all missing when suppressed
    /// (fewer than 5 events, for anonymous users).
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub suppressed: bool,
}

/// Observations of one indicator, filtered by area, year and sex.
#[utoipa::path(get, path = "/api/v1/observations", tag = "indicators", params(ObservationParams),
    responses((status = 200, body = [ObservationDto]), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn observations(
    State(app): State<App>,
    c: Ctx,
    Query(p): Query<ObservationParams>,
) -> Result<Json<Vec<ObservationDto>>, AppError> {
    let ind = visible_indicator(&app, &c, p.indicator).await?;
    let sex = match p.sex.as_deref() {
        Some(s) => Some(Sex::parse(s).ok_or(AppError::new(ErrorCode::InvalidInput))?),
        None => None,
    };
    let areas = app.store.list_areas(None).await?;
    let area_ids = match &p.area {
        Some(spec) => {
            let (k, code) = spec.split_once('/').ok_or(AppError::new(ErrorCode::InvalidInput))?;
            vec![
                areas
                    .iter()
                    .find(|a| a.kind.as_str() == k && a.code == code)
                    .ok_or(AppError::new(ErrorCode::NotFound))?
                    .id,
            ]
        }
        None => vec![],
    };
    let q = ObservationQuery { indicator_ids: vec![ind.id], area_ids, years: p.year.map(|y| (y, y)), sex };
    let by_id: std::collections::HashMap<i64, &hyte_domain::Area> = areas.iter().map(|a| (a.id, a)).collect();
    Ok(Json(
        crate::knowledge::seen::observations(&*app.store, c.audience(), &q)
            .await?
            .into_iter()
            .filter_map(|o| {
                let a = by_id.get(&o.area_id)?;
                Some(ObservationDto {
                    area_kind: a.kind.as_str().into(),
                    area_code: a.code.clone(),
                    year: o.year,
                    sex: o.sex.as_str().into(),
                    age_band: o.age_band,
                    value: o.value,
                    numerator: o.numerator,
                    denominator: o.denominator,
                    suppressed: o.suppressed,
                })
            })
            .collect(),
    ))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProfileRowDto {
    pub indicator: IndicatorDto,
    pub year: Option<i32>,
    pub value: Option<f64>,
    pub ci_lower: Option<f64>,
    pub ci_upper: Option<f64>,
    /// Why there is no interval: `no_numerator`, `no_denominator`, `invalid_counts`.
    pub no_ci: Option<String>,
    pub suppressed: bool,
    pub county_value: Option<f64>,
    pub country_value: Option<f64>,
    /// `better`, `similar`, `worse`, `higher`, `lower` or `not_compared` (95 %).
    pub vs_county: String,
    pub vs_country: String,
    /// The same at 99.8 %.
    pub vs_county_998: String,
    pub vs_country_998: String,
    /// `improving`, `worsening`, `increasing`, `decreasing`, `no_significant_change`, `cannot_be_calculated`.
    pub trend: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProfileDto {
    pub area_kind: String,
    pub area_code: String,
    pub county_code: Option<String>,
    pub rows: Vec<ProfileRowDto>,
    pub attribution: String,
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ProfileParams {
    /// Comma-separated indicator ids (default: all with data for the area, at most 100).
    indicators: Option<String>,
}

fn code<T: Serialize>(v: T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The area profile: latest values with 95 % intervals, county and country comparison, trend.
#[utoipa::path(get, path = "/api/v1/profiles/{kind}/{code}", tag = "indicators",
    params(("kind" = String, Path), ("code" = String, Path), ProfileParams),
    responses((status = 200, body = ProfileDto), (status = 404, body = ApiErrorBody)))]
pub async fn profile(
    State(app): State<App>,
    c: Ctx,
    Path((kind, area_code)): Path<(String, String)>,
    Query(p): Query<ProfileParams>,
) -> Result<Json<ProfileDto>, AppError> {
    let area = app.store.get_area(&kind, &area_code).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    let ids = crate::knowledge::visible::chosen(&app, &c, area.id, p.indicators.as_deref().unwrap_or("")).await?;
    let prof = app.profiles.profile(&*app.store, c.audience(), area, &ids).await?;
    let rows = prof
        .rows
        .iter()
        .map(|r| ProfileRowDto {
            indicator: (&r.indicator).into(),
            year: r.year,
            value: r.value,
            ci_lower: r.ci.map(|i| i.lower),
            ci_upper: r.ci.map(|i| i.upper),
            no_ci: r.no_ci.map(code),
            suppressed: r.suppressed,
            county_value: r.county.map(|b| b.value),
            country_value: r.country.map(|b| b.value),
            vs_county: code(r.vs_county),
            vs_country: code(r.vs_country),
            vs_county_998: code(r.vs_county_998),
            vs_country_998: code(r.vs_country_998),
            trend: code(r.trend),
        })
        .collect();
    Ok(Json(ProfileDto {
        area_kind: prof.area.kind.as_str().into(),
        area_code: prof.area.code.clone(),
        county_code: prof.county.as_ref().map(|c| c.code.clone()),
        rows,
        attribution: "Source: THL, Sotkanet.fi (CC BY 4.0); Statistics Finland".into(),
    }))
}
