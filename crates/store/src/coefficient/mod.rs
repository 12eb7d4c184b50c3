//! The HYTE coefficient: the models as loaded (every load of a model's code is a new version; the
//! newest is in force), TEAviisari-style process results per area, and an organisation's saved
//! scenarios. An organisation writes results for its own area only; a scenario is its
//! organisation's, and attaches only to a goal of that organisation's own plan.

#[cfg(feature = "testing")]
pub mod conformance;
mod inputs;

pub use inputs::{area_kind, gather};

use crate::{Actor, Result};
use async_trait::async_trait;
use hyte_domain::coefficient::model::{Model, ModelError};
use hyte_domain::coefficient::scenario::{Scenario, ScenarioInput};
use hyte_domain::coefficient::{ModelKind, ModelStatus, TeaRow};

/// A model as stored: its file and the fields lists are sorted by.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelRecord {
    pub id: i64,
    pub code: String,
    pub version: i64,
    pub kind: ModelKind,
    pub funding_year: i32,
    pub status: ModelStatus,
    pub text: String,
    pub loaded_at: String,
}

impl ModelRecord {
    /// The model (a stored file parsed when it was loaded, so this holds unless the rules tightened).
    pub fn model(&self) -> std::result::Result<Model, ModelError> {
        Model::parse(&self.text)
    }
}

/// A TEAviisari result with the Hyte area it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct TeaResult {
    pub area_id: i64,
    pub row: TeaRow,
}

#[async_trait]
pub trait CoefficientStore: Send + Sync {
    /// Stores a parsed model's file as the next version of its code (audited, no organisation).
    async fn load_model(&self, model: &Model, text: &str, actor: Actor) -> Result<ModelRecord>;
    /// The newest version of every model, by kind, then funding year (newest first), then code.
    async fn models(&self) -> Result<Vec<ModelRecord>>;
    async fn model_record(&self, id: i64) -> Result<Option<ModelRecord>>;
    /// Every version of a code, newest first.
    async fn model_versions(&self, code: &str) -> Result<Vec<ModelRecord>>;

    /// Writes results (insert or replace by area, sector, item and year), all or none. With
    /// `org_id`, every row must be that organisation's own area (`forbidden` otherwise); an
    /// area code Hyte lacks is `invalid_input`. Returns how many were written.
    async fn save_tea_rows(&self, org_id: Option<i64>, rows: &[TeaRow], actor: Actor) -> Result<u64>;
    /// Each area of `kind`'s latest total population up to `year`: (area id, residents).
    async fn residents(&self, kind: &str, year: i32) -> Result<Vec<(i64, f64)>>;
    /// Results of years `from..=to`, of one area or all, by area, sector, item, year.
    async fn tea_results(&self, area_id: Option<i64>, from: i32, to: i32) -> Result<Vec<TeaResult>>;

    /// Saves a scenario of `org_id` under model `model_id` (`not_found` for an unknown model).
    async fn save_scenario(&self, org_id: i64, model_id: i64, input: &ScenarioInput, actor: Actor) -> Result<Scenario>;
    /// `org_id`'s scenarios, newest first.
    async fn scenarios(&self, org_id: i64) -> Result<Vec<Scenario>>;
    /// `org_id`'s scenario (None for another's).
    async fn scenario(&self, org_id: i64, id: i64) -> Result<Option<Scenario>>;
    /// Attaches a scenario to a goal of `org_id`'s own plan, or detaches it (`None`):
    /// `not_found` for another's scenario or goal, `edit_conflict` on a stale version.
    async fn attach_scenario(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        goal_id: Option<i64>,
        actor: Actor,
    ) -> Result<Scenario>;
    async fn delete_scenario(&self, org_id: i64, id: i64, version: i64, actor: Actor) -> Result<()>;
    /// The scenarios attached to goals of `org_id`'s report `report_id`, by goal then id.
    async fn goal_scenarios(&self, org_id: i64, report_id: i64) -> Result<Vec<Scenario>>;
}
