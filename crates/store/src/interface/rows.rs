//! Rows of the interface tables and their conversion into domain types.

use crate::rows::corrupt;
use crate::services::rows::body;
use crate::StoreError;
use chrono::{DateTime, Utc};
use hyte_domain::interface::{
    Agreement, ChainStep, DocumentFacts, Evaluation, InterfaceService, Party, PartyRole, TrackedIndicator, WorkVersion,
};

#[derive(sqlx::FromRow)]
pub struct ServiceRow {
    pub id: i64,
    pub body: String,
    pub published: bool,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
pub struct PartyRow {
    pub service_id: i64,
    pub org_id: i64,
    pub role: String,
}

impl ServiceRow {
    /// The service with its parties (`parties` may hold other services' rows).
    pub fn with(self, parties: &[PartyRow]) -> Result<InterfaceService, StoreError> {
        let parties = parties
            .iter()
            .filter(|p| p.service_id == self.id)
            .map(|p| {
                let role = PartyRole::parse(&p.role).ok_or_else(|| corrupt("party role", &p.role))?;
                Ok(Party { org_id: p.org_id, role })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(InterfaceService {
            id: self.id,
            input: body("interface service", &self.body)?,
            parties,
            published: self.published,
            version: self.version,
        })
    }
}

pub const STEP_COLS: &str = "id, service_id, position, body, version";

#[derive(sqlx::FromRow)]
pub struct StepRow {
    pub id: i64,
    pub service_id: i64,
    pub position: i64,
    pub body: String,
    pub version: i64,
}

impl TryFrom<StepRow> for ChainStep {
    type Error = StoreError;
    fn try_from(r: StepRow) -> Result<ChainStep, StoreError> {
        Ok(ChainStep {
            id: r.id,
            service_id: r.service_id,
            position: r.position,
            input: body("chain step", &r.body)?,
            version: r.version,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct WorkRow {
    pub version: i64,
    pub body: String,
    pub changed_by: Option<String>,
    pub changed_at: DateTime<Utc>,
}

impl TryFrom<WorkRow> for WorkVersion {
    type Error = StoreError;
    fn try_from(r: WorkRow) -> Result<WorkVersion, StoreError> {
        Ok(WorkVersion {
            version: r.version,
            work: body("division of work", &r.body)?,
            changed_by: r.changed_by.unwrap_or_default(),
            changed_at: r.changed_at,
        })
    }
}

pub const AGREEMENT_COLS: &str = "a.id, a.body, a.version, d.filename, d.size, d.sha256";

#[derive(sqlx::FromRow)]
pub struct AgreementRow {
    pub id: i64,
    pub body: String,
    pub version: i64,
    pub filename: Option<String>,
    pub size: Option<i64>,
    pub sha256: Option<String>,
}

impl TryFrom<AgreementRow> for Agreement {
    type Error = StoreError;
    fn try_from(r: AgreementRow) -> Result<Agreement, StoreError> {
        let document = match (r.filename, r.size, r.sha256) {
            (Some(filename), Some(size), Some(sha256)) => Some(DocumentFacts { filename, size, sha256 }),
            _ => None,
        };
        Ok(Agreement { id: r.id, input: body("agreement", &r.body)?, document, version: r.version })
    }
}

#[derive(sqlx::FromRow)]
pub struct TrackedRow {
    pub id: i64,
    pub service_id: i64,
    pub body: String,
}

impl TryFrom<TrackedRow> for TrackedIndicator {
    type Error = StoreError;
    fn try_from(r: TrackedRow) -> Result<TrackedIndicator, StoreError> {
        Ok(TrackedIndicator { id: r.id, service_id: r.service_id, input: body("tracked indicator", &r.body)? })
    }
}

pub const EVALUATION_COLS: &str = "service_id, year, body, contributors, version";

#[derive(sqlx::FromRow)]
pub struct EvaluationRow {
    pub service_id: i64,
    pub year: i32,
    pub body: String,
    pub contributors: String,
    pub version: i64,
}

impl TryFrom<EvaluationRow> for Evaluation {
    type Error = StoreError;
    fn try_from(r: EvaluationRow) -> Result<Evaluation, StoreError> {
        Ok(Evaluation {
            service_id: r.service_id,
            year: r.year,
            input: body("evaluation", &r.body)?,
            contributors: body("contributors", &r.contributors)?,
            version: r.version,
        })
    }
}
