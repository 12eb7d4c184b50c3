//! Rows of the practice tables and their conversion into domain types.

use crate::rows::corrupt;
use crate::services::rows::body;
use crate::StoreError;
use hyte_domain::support::practice::{Adoption, Practice, Recommendation, RecommendationInput};
use hyte_domain::support::ContentArea;

/// The columns of a practice (the table aliased `p`).
pub const PRACTICE_COLS: &str = "p.id, p.org_id, p.body, p.published, p.version";

#[derive(sqlx::FromRow)]
pub struct PracticeRow {
    pub id: i64,
    pub org_id: i64,
    pub body: String,
    pub published: bool,
    pub version: i64,
}

impl TryFrom<PracticeRow> for Practice {
    type Error = StoreError;
    fn try_from(r: PracticeRow) -> Result<Practice, StoreError> {
        Ok(Practice {
            id: r.id,
            org_id: r.org_id,
            input: body("practice", &r.body)?,
            published: r.published,
            version: r.version,
        })
    }
}

/// A practice behind a plan measure.
#[derive(sqlx::FromRow)]
pub struct LinkedRow {
    pub measure_id: i64,
    #[sqlx(flatten)]
    pub practice: PracticeRow,
}

/// The columns of an adoption (`a`, with its measure `m` left-joined).
pub const ADOPTION_COLS: &str = "a.id, a.practice_id, a.org_id, a.measure_id, m.report_id, a.since, a.results";

#[derive(sqlx::FromRow)]
pub struct AdoptionRow {
    pub id: i64,
    pub practice_id: i64,
    pub org_id: i64,
    pub measure_id: Option<i64>,
    pub report_id: Option<i64>,
    pub since: String,
    pub results: Option<String>,
}

impl TryFrom<AdoptionRow> for Adoption {
    type Error = StoreError;
    fn try_from(r: AdoptionRow) -> Result<Adoption, StoreError> {
        let since = r.since.parse().map_err(|_| corrupt("adoption date", &r.since))?;
        Ok(Adoption {
            id: r.id,
            practice_id: r.practice_id,
            org_id: r.org_id,
            measure_id: r.measure_id,
            report_id: r.report_id,
            since,
            results: r.results,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct RecommendationRow {
    pub id: i64,
    pub county_id: i64,
    pub year: i32,
    pub area: String,
    pub practice_id: i64,
    pub municipality_id: Option<i64>,
    pub note: Option<String>,
}

impl TryFrom<RecommendationRow> for Recommendation {
    type Error = StoreError;
    fn try_from(r: RecommendationRow) -> Result<Recommendation, StoreError> {
        let area = ContentArea::parse(&r.area).ok_or_else(|| corrupt("content area", &r.area))?;
        Ok(Recommendation {
            id: r.id,
            county_id: r.county_id,
            input: RecommendationInput {
                year: r.year,
                area,
                practice_id: r.practice_id,
                municipality_id: r.municipality_id,
                note: r.note,
            },
        })
    }
}
