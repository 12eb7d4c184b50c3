//! Rows of the service tables and their conversion into domain types. A record's fields are kept
//! as its domain input in JSON (`body`); a body that does not parse is a corrupt database.

use crate::rows::corrupt;
use crate::StoreError;
use chrono::{DateTime, Utc};
use hyte_domain::population::PopulationGroup;
use hyte_domain::services::{
    Contract, Criterion, FeedbackRow, MonitoringReport, Participation, Provider, ReportState, Service, Strategy,
    StrategyState,
};
use serde::de::DeserializeOwned;

/// Parses a JSON column.
pub fn body<T: DeserializeOwned>(what: &str, s: &str) -> Result<T, StoreError> {
    serde_json::from_str(s).map_err(|_| corrupt(what, s))
}

/// JSON text of a value (the domain types always serialise).
pub fn to_body<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// A record kept as JSON under its owner (a county, a contract or a service).
#[derive(sqlx::FromRow)]
pub struct DocRow {
    pub id: i64,
    pub owner: i64,
    pub body: String,
    pub version: i64,
}

impl TryFrom<DocRow> for Provider {
    type Error = StoreError;
    fn try_from(r: DocRow) -> Result<Provider, StoreError> {
        Ok(Provider { id: r.id, org_id: r.owner, input: body("provider", &r.body)?, version: r.version })
    }
}

impl TryFrom<DocRow> for Service {
    type Error = StoreError;
    fn try_from(r: DocRow) -> Result<Service, StoreError> {
        Ok(Service { id: r.id, org_id: r.owner, input: body("service", &r.body)?, version: r.version })
    }
}

impl TryFrom<DocRow> for Contract {
    type Error = StoreError;
    fn try_from(r: DocRow) -> Result<Contract, StoreError> {
        Ok(Contract { id: r.id, org_id: r.owner, input: body("contract", &r.body)?, version: r.version })
    }
}

impl TryFrom<DocRow> for Criterion {
    type Error = StoreError;
    fn try_from(r: DocRow) -> Result<Criterion, StoreError> {
        Ok(Criterion { id: r.id, contract_id: r.owner, input: body("criterion", &r.body)?, version: r.version })
    }
}

impl TryFrom<DocRow> for Participation {
    type Error = StoreError;
    fn try_from(r: DocRow) -> Result<Participation, StoreError> {
        Ok(Participation { id: r.id, service_id: r.owner, input: body("participation", &r.body)?, version: r.version })
    }
}

pub const REPORT_COLS: &str = "id, criterion_id, period, value, comment, state, review_comment, reported_at, version";

#[derive(sqlx::FromRow)]
pub struct ReportRow {
    pub id: i64,
    pub criterion_id: i64,
    pub period: String,
    pub value: f64,
    pub comment: Option<String>,
    pub state: String,
    pub review_comment: Option<String>,
    pub reported_at: DateTime<Utc>,
    pub version: i64,
}

impl TryFrom<ReportRow> for MonitoringReport {
    type Error = StoreError;
    fn try_from(r: ReportRow) -> Result<MonitoringReport, StoreError> {
        Ok(MonitoringReport {
            id: r.id,
            criterion_id: r.criterion_id,
            period: r.period,
            value: r.value,
            comment: r.comment,
            state: ReportState::parse(&r.state).ok_or_else(|| corrupt("report state", &r.state))?,
            review_comment: r.review_comment,
            reported_at: r.reported_at,
            version: r.version,
        })
    }
}

pub const STRATEGY_COLS: &str = "id, org_id, state, previous_id, body, goals, approval, version";

#[derive(sqlx::FromRow)]
pub struct StrategyRow {
    pub id: i64,
    pub org_id: i64,
    pub state: String,
    pub previous_id: Option<i64>,
    pub body: String,
    pub goals: String,
    pub approval: Option<String>,
    pub version: i64,
}

impl TryFrom<StrategyRow> for Strategy {
    type Error = StoreError;
    fn try_from(r: StrategyRow) -> Result<Strategy, StoreError> {
        Ok(Strategy {
            id: r.id,
            org_id: r.org_id,
            input: body("strategy", &r.body)?,
            goals: body("strategy goals", &r.goals)?,
            state: StrategyState::parse(&r.state).ok_or_else(|| corrupt("strategy state", &r.state))?,
            approval: r.approval.as_deref().map(|a| body("approval", a)).transpose()?,
            previous_id: r.previous_id,
            version: r.version,
        })
    }
}

pub const FEEDBACK_COLS: &str = "service_id, period, measure, value, count, client_group";

#[derive(sqlx::FromRow)]
pub struct FeedbackDbRow {
    pub service_id: i64,
    pub period: String,
    pub measure: String,
    pub value: f64,
    pub count: i64,
    pub client_group: Option<String>,
}

impl TryFrom<FeedbackDbRow> for FeedbackRow {
    type Error = StoreError;
    fn try_from(r: FeedbackDbRow) -> Result<FeedbackRow, StoreError> {
        let group = match r.client_group {
            Some(g) => Some(PopulationGroup::parse(&g).ok_or_else(|| corrupt("client group", &g))?),
            None => None,
        };
        Ok(FeedbackRow {
            service_id: r.service_id,
            period: r.period,
            measure: r.measure,
            value: r.value,
            count: r.count,
            group,
        })
    }
}
