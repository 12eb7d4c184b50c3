//! The knowledge base: indicators, observations, and the mapping of external region ids
//! (Sotkanet's) onto Hyte's areas.

use crate::{Actor, Result};
use async_trait::async_trait;
use hyte_domain::stats::Polarity;
use hyte_domain::{Indicator, IndicatorTexts, Names, Observation, Sex, ValueType};
use std::collections::HashMap;

/// An indicator as imported. `complete` is true for full metadata (Sotkanet's
/// `/indicators/{id}`); a catalogue entry (`/indicators`) only updates the title and producer of
/// an indicator that exists. The direction (`polarity`) is set on insert only: users edit it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIndicator {
    pub source: String,
    pub source_id: String,
    pub org_id: Option<i64>,
    pub title: Names,
    pub texts: IndicatorTexts,
    pub value_type: ValueType,
    pub decimals: i32,
    pub polarity: Polarity,
    pub producer: Option<String>,
    pub attribution: String,
    pub themes: Vec<String>,
    pub data_updated: Option<String>,
    pub complete: bool,
}

/// A region of an external source (e.g. Sotkanet id 46, category KUNTA) and the Hyte area it
/// is, as (kind, code), where Hyte has that kind.
#[derive(Debug, Clone, PartialEq)]
pub struct ExternalRegion {
    pub external_id: String,
    pub category: String,
    pub area: Option<(String, String)>,
}

#[derive(Debug, Clone, Default)]
pub struct IndicatorFilter {
    /// Words searched in the Finnish, Swedish and English titles, or an exact source id.
    pub q: String,
    pub theme: Option<String>,
    pub source: Option<String>,
    /// Organisations whose own indicators the viewer may see.
    pub visible_orgs: Vec<i64>,
    /// Only indicators that have observations.
    pub with_data: bool,
    pub limit: i64,
    pub offset: i64,
}

#[derive(Debug, Clone, Default)]
pub struct ObservationQuery {
    pub indicator_ids: Vec<i64>,
    pub area_ids: Vec<i64>,
    pub years: Option<(i32, i32)>,
    pub sex: Option<Sex>,
}

#[async_trait]
pub trait IndicatorStore: Send + Sync {
    /// Inserts or updates indicators by (source, source id, owner), in one transaction.
    async fn upsert_indicators(&self, items: &[NewIndicator]) -> Result<u64>;
    async fn get_indicator(&self, id: i64) -> Result<Option<Indicator>>;
    /// The indicators with these ids (missing ids are left out), in id order.
    async fn get_indicators(&self, ids: &[i64]) -> Result<Vec<Indicator>>;
    /// Indicator ids and value types by source id, for one source and owner (None: national).
    async fn indicator_ids(&self, source: &str, org_id: Option<i64>) -> Result<HashMap<String, (i64, ValueType)>>;
    /// Matching indicators ordered by Finnish title, and the total count.
    async fn list_indicators(&self, f: &IndicatorFilter) -> Result<(Vec<Indicator>, i64)>;
    /// Every theme (subject) in use, with its count, most used first.
    async fn indicator_themes(&self) -> Result<Vec<(String, i64)>>;
    /// Sets the direction; `edit_conflict` on a stale version. Audited under `org_id`.
    async fn set_polarity(
        &self,
        id: i64,
        version: i64,
        polarity: Polarity,
        actor: Actor,
        org_id: i64,
    ) -> Result<Indicator>;

    /// Records external region ids of `source` with their category, mapped to the area
    /// (kind, code) where Hyte has it. Returns how many were mapped to an area.
    async fn upsert_area_codes(&self, source: &str, codes: &[ExternalRegion]) -> Result<u64>;
    /// External id → (category, area id if mapped).
    async fn area_codes(&self, source: &str) -> Result<HashMap<String, (String, Option<i64>)>>;

    /// Writes observations (insert or update) in one transaction: all or nothing.
    async fn import_observations(&self, rows: &[Observation]) -> Result<u64>;
    async fn observations(&self, q: &ObservationQuery) -> Result<Vec<Observation>>;
    /// Indicators with any observation for the area.
    async fn indicators_for_area(&self, area_id: i64) -> Result<Vec<i64>>;
    async fn observation_count(&self) -> Result<i64>;
    /// Bumped by every write of observations (for caches of computed views).
    async fn data_version(&self) -> Result<i64>;
}

/// Large imports: batches written in one transaction (all or nothing). SQLite uses multi-row
/// inserts; PostgreSQL overrides this with `COPY` into a staging table.
#[async_trait]
pub trait BulkStore: Send + Sync {
    /// Writes every batch `next` yields, then commits; an error rolls everything back.
    async fn import_observation_batches(
        &self,
        next: &mut (dyn FnMut() -> Option<Vec<Observation>> + Send),
    ) -> Result<u64>;
}
