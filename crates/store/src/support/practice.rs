//! The good-practice library: practices, their evidence, and the organisations that use them.
//! A practice is its organisation's to edit and publish; a published one anyone reads, and any
//! organisation adopts into its own plan or (a county) recommends. Every id in an input is
//! checked in the write's transaction (`not_found` for an id the acting organisation may not
//! reach).

pub mod practice_rows;

use crate::{Actor, Result};
use async_trait::async_trait;
use hyte_domain::reports::Measure;
use hyte_domain::support::practice::{
    Adoption, AdoptionInput, Practice, PracticeInput, Recommendation, RecommendationInput,
};
use hyte_domain::Names;

/// A plan measure adopted from a practice, as the plan shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasurePractice {
    pub measure_id: i64,
    pub practice_id: i64,
    pub name: Names,
    /// Published: its public page exists; else only its organisation reaches it.
    pub published: bool,
    pub owner_id: i64,
}

#[async_trait]
pub trait PracticeStore: Send + Sync {
    /// A new, unpublished practice of `org_id`.
    async fn create_practice(&self, org_id: i64, input: &PracticeInput, actor: Actor) -> Result<Practice>;
    /// Edits `org_id`'s own practice (`not_found` for another's, `edit_conflict` on a stale
    /// `version`).
    async fn update_practice(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &PracticeInput,
        actor: Actor,
    ) -> Result<Practice>;
    /// Publishes or withdraws `org_id`'s own practice.
    async fn publish_practice(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        published: bool,
        actor: Actor,
    ) -> Result<Practice>;
    /// A practice as `org_id` sees it: its own, or any published one.
    async fn practice(&self, org_id: i64, id: i64) -> Result<Option<Practice>>;
    /// `org_id`'s own practices, by id.
    async fn org_practices(&self, org_id: i64) -> Result<Vec<Practice>>;
    /// Every published practice, by id.
    async fn published_practices(&self) -> Result<Vec<Practice>>;
    async fn published_practice(&self, id: i64) -> Result<Option<Practice>>;
    /// Imports practices as `org_id`'s own, unpublished, all or none, in one transaction.
    async fn import_practices(&self, org_id: i64, inputs: &[PracticeInput], actor: Actor) -> Result<Vec<Practice>>;
    /// Adopts a practice (published, or `org_id`'s own) into the plan of one of `org_id`'s
    /// reports: in one transaction, the measure (made from the practice, linked to the goal when
    /// given) and the adoption linked to it. `not_found` for a practice `org_id` may not reach,
    /// a report not `org_id`'s or a goal not the report's; `report_locked` unless the plan may
    /// change.
    async fn adopt_practice(
        &self,
        org_id: i64,
        practice_id: i64,
        input: &AdoptionInput,
        actor: Actor,
    ) -> Result<(Adoption, Measure)>;
    /// Who uses a published practice, oldest adoption first (`not_found` unless published or
    /// `org_id`'s own; `org_id` None: the public, published only).
    async fn practice_adoptions(&self, org_id: Option<i64>, practice_id: i64) -> Result<Vec<Adoption>>;
    /// `org_id`'s adoptions, newest first.
    async fn org_adoptions(&self, org_id: i64) -> Result<Vec<Adoption>>;
    /// The practices behind the measures of `org_id`'s report `report_id` (`not_found` for
    /// another organisation's report).
    async fn measure_practices(&self, org_id: i64, report_id: i64) -> Result<Vec<MeasurePractice>>;
    /// A county recommends a published practice for a content area, to its member
    /// municipalities or to one of them (`forbidden` unless `org_id` is a county, `not_found` for
    /// a practice it may not reach or a municipality not its member).
    async fn recommend_practice(
        &self,
        org_id: i64,
        input: &RecommendationInput,
        actor: Actor,
    ) -> Result<Recommendation>;
    /// Removes the county's own recommendation.
    async fn delete_recommendation(&self, org_id: i64, id: i64, actor: Actor) -> Result<()>;
    /// A county's own recommendations, and those a municipality's county made to all its
    /// municipalities or to it by name; newest year first.
    async fn recommendations(&self, org_id: i64) -> Result<Vec<Recommendation>>;
}
