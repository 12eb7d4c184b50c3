//! NGO partners: the partner registry, the activity directory, grants and premises.

use crate::{Actor, Result};
use async_trait::async_trait;
use chrono::NaiveDate;
use hyte_domain::partners::{
    Activity, ActivityFilter, ActivityInput, ApplicationInput, CallInput, GrantApplication, GrantCall, GrantDecision,
    Partner, PartnerInput, Premises, PremisesInput, UseReport,
};

#[cfg(feature = "testing")]
pub mod conformance;
pub mod rows;

#[async_trait]
pub trait PartnerStore: Send + Sync {
    // The registry of a municipality or region (`org_id`).
    /// The partners, by the partner organisation's Finnish name.
    async fn list_partners(&self, org_id: i64) -> Result<Vec<Partner>>;
    async fn get_partner(&self, org_id: i64, id: i64) -> Result<Option<Partner>>;
    /// `already_partner` when the organisation is in the registry; `not_found` for an unknown one.
    async fn add_partner(&self, org_id: i64, input: &PartnerInput, actor: Actor) -> Result<Partner>;
    /// `edit_conflict` on a stale version.
    async fn update_partner(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &PartnerInput,
        actor: Actor,
    ) -> Result<Partner>;
    async fn remove_partner(&self, org_id: i64, id: i64, version: i64, actor: Actor) -> Result<()>;
    /// The registries `partner_org_id` is in: (the municipality or region, the entry).
    async fn partnerships_of(&self, partner_org_id: i64) -> Result<Vec<Partner>>;

    // Activities, owned by the organisation that runs them.
    async fn create_activity(&self, org_id: i64, input: &ActivityInput, actor: Actor) -> Result<Activity>;
    async fn get_activity(&self, id: i64) -> Result<Option<Activity>>;
    async fn org_activities(&self, org_id: i64) -> Result<Vec<Activity>>;
    /// `edit_conflict` on a stale version.
    async fn update_activity(&self, id: i64, version: i64, input: &ActivityInput, actor: Actor) -> Result<Activity>;
    async fn delete_activity(&self, id: i64, version: i64, actor: Actor) -> Result<()>;
    /// Published activities matching the structured filters, newest first.
    async fn published_activities(&self, filter: &ActivityFilter) -> Result<Vec<Activity>>;

    // Grants.
    async fn create_call(&self, org_id: i64, input: &CallInput, actor: Actor) -> Result<GrantCall>;
    async fn update_call(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &CallInput,
        actor: Actor,
    ) -> Result<GrantCall>;
    async fn get_call(&self, id: i64) -> Result<Option<GrantCall>>;
    /// The organisation's calls, newest year first.
    async fn org_calls(&self, org_id: i64) -> Result<Vec<GrantCall>>;
    /// Every call still open on `today`, of any organisation.
    async fn open_calls(&self, today: NaiveDate) -> Result<Vec<GrantCall>>;
    /// `call_closed` after the deadline.
    async fn apply_for_grant(
        &self,
        call_id: i64,
        applicant_org_id: i64,
        input: &ApplicationInput,
        today: NaiveDate,
        actor: Actor,
    ) -> Result<GrantApplication>;
    async fn get_application(&self, id: i64) -> Result<Option<GrantApplication>>;
    async fn call_applications(&self, call_id: i64) -> Result<Vec<GrantApplication>>;
    /// The applications an organisation has made, newest first.
    async fn org_applications(&self, applicant_org_id: i64) -> Result<Vec<GrantApplication>>;
    /// Grants or rejects an applied application; `budget_exceeded` when the call's grants would
    /// exceed its total, `state_transition_invalid` when decided already.
    async fn decide_application(
        &self,
        id: i64,
        version: i64,
        decision: &GrantDecision,
        actor: Actor,
    ) -> Result<GrantApplication>;
    /// Records the report of use of a granted application.
    async fn report_grant_use(
        &self,
        id: i64,
        version: i64,
        report: &UseReport,
        actor: Actor,
    ) -> Result<GrantApplication>;

    // Premises offered by a municipality or region.
    async fn create_premises(&self, org_id: i64, input: &PremisesInput, actor: Actor) -> Result<Premises>;
    async fn update_premises(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &PremisesInput,
        actor: Actor,
    ) -> Result<Premises>;
    async fn get_premises(&self, id: i64) -> Result<Option<Premises>>;
    async fn org_premises(&self, org_id: i64) -> Result<Vec<Premises>>;
    async fn published_premises(&self) -> Result<Vec<Premises>>;
}
