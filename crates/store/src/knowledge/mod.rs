//! The knowledge base: areas and their classification, populations, indicators, observations, the
//! mapping of external region ids (Sotkanet's) onto Hyte's areas, bulk import and the record of imports.

use crate::{Actor, Result};
use async_trait::async_trait;
use hyte_domain::knowledge::indicator_set::{IndicatorSet, SetInput, SetKind};
use hyte_domain::knowledge::stats::Polarity;
use hyte_domain::{
    Area, ImportJob, Indicator, IndicatorTexts, JobState, Names, Observation, PopulationRow, Sex, ValueType,
};
use std::collections::HashMap;

#[cfg(feature = "testing")]
pub mod conformance;
#[cfg(feature = "testing")]
mod conformance_sets;
pub mod rows;

// ---- areas ---------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct AreaKindRow {
    pub code: String,
    pub names: Names,
    pub sort_order: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewArea {
    pub kind: String,
    pub code: String,
    pub names: Names,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
}

/// `child` belongs to `parent` in `year` (kind + code on each side).
#[derive(Debug, Clone, PartialEq)]
pub struct NewMembership {
    pub child: (String, String),
    pub parent: (String, String),
    pub year: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewPopulation {
    pub area: (String, String),
    pub row: PopulationRow,
}

/// A whole area classification to load: idempotent, in one transaction.
#[derive(Debug, Clone, Default)]
pub struct AreaImport {
    pub kinds: Vec<AreaKindRow>,
    pub areas: Vec<NewArea>,
    pub memberships: Vec<NewMembership>,
    pub populations: Vec<NewPopulation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub areas: u64,
    pub memberships: u64,
    pub populations: u64,
}

#[async_trait]
pub trait AreaStore: Send + Sync {
    async fn import_areas(&self, data: &AreaImport) -> Result<ImportSummary>;
    async fn area_kinds(&self) -> Result<Vec<AreaKindRow>>;
    /// Areas, optionally of one kind, ordered by kind then Finnish name.
    async fn list_areas(&self, kind: Option<&str>) -> Result<Vec<Area>>;
    async fn get_area(&self, kind: &str, code: &str) -> Result<Option<Area>>;
    async fn get_area_by_id(&self, id: i64) -> Result<Option<Area>>;
    /// Areas that `area_id` belongs to in `year`.
    async fn area_parents(&self, area_id: i64, year: i32) -> Result<Vec<Area>>;
    /// Areas that belong to `area_id` in `year`, by Finnish name.
    async fn area_members(&self, area_id: i64, year: i32) -> Result<Vec<Area>>;
    /// Years for which the classification says anything about `area_id`, newest first.
    async fn area_years(&self, area_id: i64) -> Result<Vec<i32>>;
    async fn area_population(&self, area_id: i64) -> Result<Vec<PopulationRow>>;
}

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
    async fn set_polarity(&self, id: i64, version: i64, polarity: Polarity, actor: Actor) -> Result<Indicator>;

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

// ---- import jobs ---------------------------------------------------------------------------

/// The record of imports into the knowledge base: who uploaded what, and what came of it.
#[async_trait]
pub trait ImportJobStore: Send + Sync {
    /// Records a started import (state `running`).
    async fn start_import_job(&self, org_id: i64, file: &str, kind: &str, actor: Actor) -> Result<ImportJob>;
    /// Records the outcome and writes it to the organisation's audit log. Fails with
    /// `edit_conflict` when the job has already finished.
    async fn finish_import_job(
        &self,
        id: i64,
        state: JobState,
        written: i64,
        summary: &str,
        actor: Actor,
    ) -> Result<ImportJob>;
    async fn get_import_job(&self, id: i64) -> Result<Option<ImportJob>>;
    /// The organisation's imports, newest first.
    async fn list_import_jobs(&self, org_id: i64, limit: i64) -> Result<Vec<ImportJob>>;
    /// Every import still recorded as running, oldest first (at start-up: those a restart cut off).
    async fn running_import_jobs(&self) -> Result<Vec<ImportJob>>;
}

// ---- indicator sets ------------------------------------------------------------------------

/// Named, versioned lists of indicators: THL's minimum data content for municipal and county
/// well-being reports (national, loaded with the base data) and each organisation's own set (at
/// most one). Sets are public records; an own indicator in a set is shown to its organisation's
/// members only (the pages filter). Every edit writes a new version; older versions stay readable.
#[async_trait]
pub trait IndicatorSetStore: Send + Sync {
    /// Every set's current version: the national sets first (municipal, county), then the
    /// organisations' sets by Finnish name.
    async fn list_indicator_sets(&self) -> Result<Vec<IndicatorSet>>;
    /// A set's current version, or its version `version`.
    async fn get_indicator_set(&self, id: i64, version: Option<i64>) -> Result<Option<IndicatorSet>>;
    /// Every version of a set, newest first.
    async fn indicator_set_versions(&self, id: i64) -> Result<Vec<IndicatorSet>>;
    /// The organisation's own set (current version) and its indicator ids, if it has one.
    async fn own_set(&self, org_id: i64) -> Result<Option<(IndicatorSet, Vec<i64>)>>;
    /// The national set of `kind` (current version) and its indicator ids, if one is loaded.
    async fn national_set(&self, kind: SetKind) -> Result<Option<(IndicatorSet, Vec<i64>)>>;
    /// Creates the organisation's own set (version 1). `edit_conflict` when it has one already;
    /// `indicator_invalid` for an indicator it may not use (another organisation's own).
    async fn create_indicator_set(&self, org_id: i64, input: &SetInput, actor: Actor) -> Result<IndicatorSet>;
    /// Writes version `version + 1` of the organisation's own set. `not_found` for a set that is not
    /// the organisation's (national sets included), `edit_conflict` when `version` is not current.
    async fn update_indicator_set(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &SetInput,
        actor: Actor,
    ) -> Result<IndicatorSet>;
    /// The loader's write of a national set: creates it, or adds a version when `input` differs
    /// from the current one (idempotent). National indicators only; `kind` must be national.
    async fn put_national_set(&self, kind: SetKind, input: &SetInput, actor: Actor) -> Result<IndicatorSet>;
}
