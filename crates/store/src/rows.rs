//! Row types shared by both backends, and their conversion into domain types.

use crate::StoreError;
use chrono::{DateTime, Utc};
use hyte_domain::{
    Area, AreaKind, AuditEntry, Email, Membership, Names, OrgKind, Organisation, PopulationRow, Role, Sector, Sex, User,
};

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Database(sqlx::Error::Decode(format!("invalid {what} in database: {value:?}").into()))
}

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
pub struct OrgRow {
    pub id: i64,
    pub kind: String,
    pub name_fi: String,
    pub name_sv: Option<String>,
    pub name_en: Option<String>,
    pub area_id: Option<i64>,
}

impl TryFrom<OrgRow> for Organisation {
    type Error = StoreError;
    fn try_from(r: OrgRow) -> Result<Organisation, StoreError> {
        Ok(Organisation {
            id: r.id,
            kind: OrgKind::parse(&r.kind).ok_or_else(|| corrupt("organisation kind", &r.kind))?,
            names: Names::new(r.name_fi, r.name_sv, r.name_en),
            area_id: r.area_id,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct SectorRow {
    pub id: i64,
    pub org_id: i64,
    pub name_fi: String,
    pub name_sv: Option<String>,
    pub name_en: Option<String>,
    pub version: i64,
}

impl From<SectorRow> for Sector {
    fn from(r: SectorRow) -> Sector {
        Sector { id: r.id, org_id: r.org_id, names: Names::new(r.name_fi, r.name_sv, r.name_en), version: r.version }
    }
}

#[derive(sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
}

impl TryFrom<UserRow> for User {
    type Error = StoreError;
    fn try_from(r: UserRow) -> Result<User, StoreError> {
        Ok(User {
            id: r.id,
            email: Email::parse(&r.email).map_err(|_| corrupt("email", &r.email))?,
            display_name: r.display_name,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct MembershipRow {
    pub user_id: i64,
    pub org_id: i64,
    pub role: String,
    pub sector_id: Option<i64>,
    pub version: i64,
}

impl TryFrom<MembershipRow> for Membership {
    type Error = StoreError;
    fn try_from(r: MembershipRow) -> Result<Membership, StoreError> {
        Ok(Membership {
            user_id: r.user_id,
            org_id: r.org_id,
            role: Role::parse(&r.role).map_err(|_| corrupt("role", &r.role))?,
            sector_id: r.sector_id,
            version: r.version,
        })
    }
}

/// A membership joined with its user or its organisation.
#[derive(sqlx::FromRow)]
pub struct MemberJoinRow {
    #[sqlx(flatten)]
    pub m: MembershipRow,
    pub email: String,
    pub display_name: String,
}

#[derive(sqlx::FromRow)]
pub struct MembershipOrgRow {
    #[sqlx(flatten)]
    pub m: MembershipRow,
    pub kind: String,
    pub name_fi: String,
    pub name_sv: Option<String>,
    pub name_en: Option<String>,
    pub area_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_user_id: Option<i64>,
    pub actor_email: Option<String>,
    pub org_id: Option<i64>,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
}

impl From<AuditRow> for AuditEntry {
    fn from(r: AuditRow) -> AuditEntry {
        AuditEntry {
            id: r.id,
            at: r.at,
            actor_user_id: r.actor_user_id,
            actor_email: r.actor_email,
            org_id: r.org_id,
            action: r.action,
            entity: r.entity,
            entity_id: r.entity_id,
            before: r.before_json,
            after: r.after_json,
        }
    }
}

pub fn collect<R, T>(rows: Vec<R>) -> Result<Vec<T>, StoreError>
where
    T: TryFrom<R, Error = StoreError>,
{
    rows.into_iter().map(T::try_from).collect()
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
            polarity: hyte_domain::stats::Polarity::parse(&r.polarity)
                .ok_or_else(|| corrupt("polarity", &r.polarity))?,
            producer: r.producer,
            attribution: r.attribution,
            themes: crate::portable_indicators::themes_from_text(&r.themes),
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
