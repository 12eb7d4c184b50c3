//! Row types of the knowledge base (areas, indicators, observations, import jobs), the columns each
//! query selects, and their conversion into domain types.

use crate::rows::corrupt;
use crate::StoreError;
use chrono::{DateTime, Utc};
use hyte_domain::{Area, AreaKind, Names, PopulationRow, Sex};

pub const AREA_COLS: &str = "id, kind, code, name_fi, name_sv, name_en, first_year, last_year";
pub const INDICATOR_COLS: &str =
    "id, source, source_id, org_id, title_fi, title_sv, title_en, texts_json, value_type, \
                                  decimals, polarity, producer, attribution, themes, data_updated, version";
pub const OBSERVATION_COLS: &str =
    "indicator_id, area_id, year, sex, age_band, value, numerator, denominator, suppressed";

/// Themes are stored as `|a|b|` so that one theme is found with `LIKE '%|a|%'`.
pub fn themes_to_text(themes: &[String]) -> String {
    if themes.is_empty() {
        String::new()
    } else {
        format!("|{}|", themes.iter().map(|t| t.replace('|', "/")).collect::<Vec<_>>().join("|"))
    }
}

pub fn themes_from_text(s: &str) -> Vec<String> {
    s.split('|').filter(|t| !t.is_empty()).map(str::to_string).collect()
}
pub const JOB_COLS: &str = "id, org_id, user_id, file, kind, state, started_at, finished_at, written, summary";

#[derive(sqlx::FromRow)]
pub struct AreaRow {
    pub id: i64,
    pub kind: String,
    pub code: String,
    pub name_fi: String,
    pub name_sv: Option<String>,
    pub name_en: Option<String>,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
}

impl TryFrom<AreaRow> for Area {
    type Error = StoreError;
    fn try_from(r: AreaRow) -> Result<Area, StoreError> {
        Ok(Area {
            id: r.id,
            kind: AreaKind::parse(&r.kind).ok_or_else(|| corrupt("area kind", &r.kind))?,
            code: r.code,
            names: Names::new(r.name_fi, r.name_sv, r.name_en),
            first_year: r.first_year,
            last_year: r.last_year,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct KindRow {
    pub code: String,
    pub name_fi: String,
    pub name_sv: Option<String>,
    pub name_en: Option<String>,
    pub sort_order: i32,
}

#[derive(sqlx::FromRow)]
pub struct PopRow {
    pub year: i32,
    pub sex: String,
    pub population: i64,
    pub derived: bool,
}

impl TryFrom<PopRow> for PopulationRow {
    type Error = StoreError;
    fn try_from(r: PopRow) -> Result<PopulationRow, StoreError> {
        Ok(PopulationRow {
            year: r.year,
            sex: Sex::parse(&r.sex).ok_or_else(|| corrupt("sex", &r.sex))?,
            population: r.population,
            derived: r.derived,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct IndicatorRow {
    pub id: i64,
    pub source: String,
    pub source_id: String,
    pub org_id: Option<i64>,
    pub title_fi: String,
    pub title_sv: Option<String>,
    pub title_en: Option<String>,
    pub texts_json: String,
    pub value_type: String,
    pub decimals: i32,
    pub polarity: String,
    pub producer: Option<String>,
    pub attribution: String,
    pub themes: String,
    pub data_updated: Option<String>,
    pub version: i64,
}

impl TryFrom<IndicatorRow> for hyte_domain::Indicator {
    type Error = StoreError;
    fn try_from(r: IndicatorRow) -> Result<hyte_domain::Indicator, StoreError> {
        Ok(hyte_domain::Indicator {
            id: r.id,
            source: r.source,
            source_id: r.source_id,
            org_id: r.org_id,
            title: Names::new(r.title_fi, r.title_sv, r.title_en),
            texts: serde_json::from_str(&r.texts_json).map_err(|_| corrupt("indicator texts", &r.texts_json))?,
            value_type: hyte_domain::ValueType::parse(&r.value_type)
                .ok_or_else(|| corrupt("value type", &r.value_type))?,
            decimals: r.decimals,
            polarity: hyte_domain::knowledge::stats::Polarity::parse(&r.polarity)
                .ok_or_else(|| corrupt("polarity", &r.polarity))?,
            producer: r.producer,
            attribution: r.attribution,
            themes: themes_from_text(&r.themes),
            data_updated: r.data_updated,
            version: r.version,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct ObservationRow {
    pub indicator_id: i64,
    pub area_id: i64,
    pub year: i32,
    pub sex: String,
    pub age_band: String,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub suppressed: bool,
}

impl TryFrom<ObservationRow> for hyte_domain::Observation {
    type Error = StoreError;
    fn try_from(r: ObservationRow) -> Result<hyte_domain::Observation, StoreError> {
        Ok(hyte_domain::Observation {
            indicator_id: r.indicator_id,
            area_id: r.area_id,
            year: r.year,
            sex: Sex::parse(&r.sex).ok_or_else(|| corrupt("sex", &r.sex))?,
            age_band: r.age_band,
            value: r.value,
            numerator: r.numerator,
            denominator: r.denominator,
            suppressed: r.suppressed,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct ImportJobRow {
    pub id: i64,
    pub org_id: i64,
    pub user_id: Option<i64>,
    pub file: String,
    pub kind: String,
    pub state: String,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub written: i64,
    pub summary: Option<String>,
}

impl TryFrom<ImportJobRow> for hyte_domain::ImportJob {
    type Error = StoreError;
    fn try_from(r: ImportJobRow) -> Result<hyte_domain::ImportJob, StoreError> {
        Ok(hyte_domain::ImportJob {
            id: r.id,
            org_id: r.org_id,
            user_id: r.user_id,
            file: r.file,
            kind: r.kind,
            state: hyte_domain::JobState::parse(&r.state).ok_or_else(|| corrupt("import state", &r.state))?,
            started_at: r.started_at,
            finished_at: r.finished_at,
            written: r.written,
            summary: r.summary,
        })
    }
}
