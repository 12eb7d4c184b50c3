//! HYTE in the county's services: providers, the services register, contracts with HYTE quality
//! criteria and their monitoring, strategy documents, client participation and feedback.
//!
//! Every method that takes an `org_id` works inside that organisation only: an id of another
//! county's record answers `not_found`, and ids inside an input (a provider, a service, an
//! indicator, a plan goal) are checked to be the county's own (`reference_invalid`,
//! `indicator_invalid`) in the same transaction as the write. Providers' users reach only the
//! contracts whose provider names their organisation (`member_org_id`).

use crate::{Actor, Result};
use async_trait::async_trait;
use hyte_domain::services::{
    Approval, Contract, ContractInput, Criterion, CriterionInput, FeedbackRow, MonitoringReport, Participation,
    ParticipationInput, Provider, ProviderInput, ReportInput, Review, Service, ServiceInput, Strategy, StrategyGoal,
    StrategyInput,
};

#[cfg(feature = "testing")]
pub mod conformance;
pub mod rows;

/// A contract as its provider's users see it: the contract, its criteria and reports.
#[derive(Debug, Clone, PartialEq)]
pub struct ContractView {
    pub contract: Contract,
    pub provider: Provider,
    pub criteria: Vec<Criterion>,
    pub reports: Vec<MonitoringReport>,
}

#[async_trait]
pub trait ServiceStore: Send + Sync {
    // Providers of a county.
    async fn list_providers(&self, org_id: i64) -> Result<Vec<Provider>>;
    async fn create_provider(&self, org_id: i64, input: &ProviderInput, actor: Actor) -> Result<Provider>;
    async fn update_provider(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &ProviderInput,
        actor: Actor,
    ) -> Result<Provider>;

    // The services register.
    async fn list_services(&self, org_id: i64) -> Result<Vec<Service>>;
    async fn get_service(&self, org_id: i64, id: i64) -> Result<Option<Service>>;
    async fn create_service(&self, org_id: i64, input: &ServiceInput, actor: Actor) -> Result<Service>;
    async fn update_service(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &ServiceInput,
        actor: Actor,
    ) -> Result<Service>;

    // Contracts and their criteria (the county's side).
    async fn list_contracts(&self, org_id: i64) -> Result<Vec<Contract>>;
    /// The contract with its provider, criteria and reports.
    async fn get_contract(&self, org_id: i64, id: i64) -> Result<Option<ContractView>>;
    async fn create_contract(&self, org_id: i64, input: &ContractInput, actor: Actor) -> Result<Contract>;
    async fn update_contract(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &ContractInput,
        actor: Actor,
    ) -> Result<Contract>;
    async fn add_criterion(
        &self,
        org_id: i64,
        contract_id: i64,
        input: &CriterionInput,
        actor: Actor,
    ) -> Result<Criterion>;
    async fn update_criterion(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &CriterionInput,
        actor: Actor,
    ) -> Result<Criterion>;
    /// The county accepts a report or returns it with a comment; `state_transition_invalid` unless
    /// it is submitted.
    async fn review_report(
        &self,
        org_id: i64,
        report_id: i64,
        version: i64,
        review: &Review,
        actor: Actor,
    ) -> Result<MonitoringReport>;

    // The provider's side: `member_org_id` is the provider's organisation in Hyte.
    async fn provider_contracts(&self, member_org_id: i64) -> Result<Vec<ContractView>>;
    async fn provider_contract(&self, member_org_id: i64, contract_id: i64) -> Result<Option<ContractView>>;
    /// Writes the reports of one contract, all or nothing: each criterion must be the contract's
    /// and reported by the provider, and no period accepted already (`monitoring_locked`).
    async fn submit_reports(
        &self,
        member_org_id: i64,
        contract_id: i64,
        reports: &[ReportInput],
        actor: Actor,
    ) -> Result<Vec<MonitoringReport>>;

    // Strategy documents.
    async fn list_strategies(&self, org_id: i64) -> Result<Vec<Strategy>>;
    async fn get_strategy(&self, org_id: i64, id: i64) -> Result<Option<Strategy>>;
    async fn create_strategy(&self, org_id: i64, input: &StrategyInput, actor: Actor) -> Result<Strategy>;
    /// Changes a draft's title and summary, adds a goal (`add`) or removes the goal at `remove`;
    /// `document_locked` once approved.
    async fn edit_strategy(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        edit: StrategyEdit,
        actor: Actor,
    ) -> Result<Strategy>;
    async fn approve_strategy(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        approval: &Approval,
        actor: Actor,
    ) -> Result<Strategy>;
    /// A new draft copied from an approved document.
    async fn new_strategy_version(&self, org_id: i64, id: i64, actor: Actor) -> Result<Strategy>;

    // Client participation and feedback.
    async fn service_participation(&self, org_id: i64, service_id: i64) -> Result<Vec<Participation>>;
    async fn add_participation(
        &self,
        org_id: i64,
        service_id: i64,
        input: &ParticipationInput,
        actor: Actor,
    ) -> Result<Participation>;
    /// Adds feedback rows, all or nothing: every service must be the county's.
    async fn import_feedback(&self, org_id: i64, rows: &[FeedbackRow], actor: Actor) -> Result<usize>;
    /// The county's feedback rows (every service), for summaries.
    async fn org_feedback(&self, org_id: i64) -> Result<Vec<FeedbackRow>>;
}

/// One change to a draft strategy.
#[derive(Debug, Clone, PartialEq)]
pub enum StrategyEdit {
    Details(StrategyInput),
    AddGoal(StrategyGoal),
    RemoveGoal(usize),
}
