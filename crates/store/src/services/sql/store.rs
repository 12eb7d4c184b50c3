//! The services store's methods, each a call into the room's SQL files.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::{services_contracts as c, services_register as r, services_strategies as s};
use async_trait::async_trait;
use hyte_domain::services::{
    Approval, Contract, ContractInput, Criterion, CriterionInput, FeedbackRow, MonitoringReport, Participation,
    ParticipationInput, Provider, ProviderInput, ReportInput, Review, Service, ServiceInput, Strategy, StrategyInput,
};
use hyte_store::services::{ContractView, StrategyEdit};
use hyte_store::{Actor, Result};

#[async_trait]
impl hyte_store::services::ServiceStore for crate::This {
    async fn list_providers(&self, org_id: i64) -> Result<Vec<Provider>> {
        r::list_providers(&self.pool, org_id).await
    }
    async fn create_provider(&self, org_id: i64, input: &ProviderInput, actor: Actor) -> Result<Provider> {
        r::create_provider(&self.pool, org_id, input, actor).await
    }
    async fn update_provider(&self, org_id: i64, id: i64, v: i64, input: &ProviderInput, a: Actor) -> Result<Provider> {
        r::update_provider(&self.pool, org_id, id, v, input, a).await
    }
    async fn list_services(&self, org_id: i64) -> Result<Vec<Service>> {
        r::list_services(&self.pool, org_id).await
    }
    async fn get_service(&self, org_id: i64, id: i64) -> Result<Option<Service>> {
        r::get_service(&self.pool, org_id, id).await
    }
    async fn create_service(&self, org_id: i64, input: &ServiceInput, actor: Actor) -> Result<Service> {
        r::create_service(&self.pool, org_id, input, actor).await
    }
    async fn update_service(&self, org_id: i64, id: i64, v: i64, input: &ServiceInput, a: Actor) -> Result<Service> {
        r::update_service(&self.pool, org_id, id, v, input, a).await
    }
    async fn list_contracts(&self, org_id: i64) -> Result<Vec<Contract>> {
        c::list_contracts(&self.pool, org_id).await
    }
    async fn get_contract(&self, org_id: i64, id: i64) -> Result<Option<ContractView>> {
        c::get_contract(&self.pool, org_id, id).await
    }
    async fn create_contract(&self, org_id: i64, input: &ContractInput, actor: Actor) -> Result<Contract> {
        c::create_contract(&self.pool, org_id, input, actor).await
    }
    async fn update_contract(&self, org_id: i64, id: i64, v: i64, input: &ContractInput, a: Actor) -> Result<Contract> {
        c::update_contract(&self.pool, org_id, id, v, input, a).await
    }
    async fn add_criterion(&self, org_id: i64, contract: i64, input: &CriterionInput, a: Actor) -> Result<Criterion> {
        c::add_criterion(&self.pool, org_id, contract, input, a).await
    }
    async fn update_criterion(
        &self,
        org_id: i64,
        id: i64,
        v: i64,
        input: &CriterionInput,
        a: Actor,
    ) -> Result<Criterion> {
        c::update_criterion(&self.pool, org_id, id, v, input, a).await
    }
    async fn review_report(&self, org_id: i64, id: i64, v: i64, review: &Review, a: Actor) -> Result<MonitoringReport> {
        c::review_report(&self.pool, org_id, id, v, review, a).await
    }
    async fn provider_contracts(&self, member_org_id: i64) -> Result<Vec<ContractView>> {
        c::provider_contracts(&self.pool, member_org_id).await
    }
    async fn provider_contract(&self, member_org_id: i64, contract_id: i64) -> Result<Option<ContractView>> {
        c::provider_contract(&self.pool, member_org_id, contract_id).await
    }
    async fn submit_reports(
        &self,
        member: i64,
        contract: i64,
        reports: &[ReportInput],
        a: Actor,
    ) -> Result<Vec<MonitoringReport>> {
        c::submit_reports(&self.pool, member, contract, reports, a).await
    }
    async fn list_strategies(&self, org_id: i64) -> Result<Vec<Strategy>> {
        s::list_strategies(&self.pool, org_id).await
    }
    async fn get_strategy(&self, org_id: i64, id: i64) -> Result<Option<Strategy>> {
        s::get_strategy(&self.pool, org_id, id).await
    }
    async fn create_strategy(&self, org_id: i64, input: &StrategyInput, actor: Actor) -> Result<Strategy> {
        s::create_strategy(&self.pool, org_id, input, actor).await
    }
    async fn edit_strategy(&self, org_id: i64, id: i64, v: i64, edit: StrategyEdit, a: Actor) -> Result<Strategy> {
        s::edit_strategy(&self.pool, org_id, id, v, edit, a).await
    }
    async fn approve_strategy(&self, org_id: i64, id: i64, v: i64, approval: &Approval, a: Actor) -> Result<Strategy> {
        s::approve_strategy(&self.pool, org_id, id, v, approval, a).await
    }
    async fn new_strategy_version(&self, org_id: i64, id: i64, actor: Actor) -> Result<Strategy> {
        s::new_strategy_version(&self.pool, org_id, id, actor).await
    }
    async fn service_participation(&self, org_id: i64, service_id: i64) -> Result<Vec<Participation>> {
        r::service_participation(&self.pool, org_id, service_id).await
    }
    async fn add_participation(
        &self,
        org_id: i64,
        service: i64,
        input: &ParticipationInput,
        a: Actor,
    ) -> Result<Participation> {
        r::add_participation(&self.pool, org_id, service, input, a).await
    }
    async fn import_feedback(&self, org_id: i64, rows: &[FeedbackRow], actor: Actor) -> Result<usize> {
        r::import_feedback(&self.pool, org_id, rows, actor).await
    }
    async fn org_feedback(&self, org_id: i64) -> Result<Vec<FeedbackRow>> {
        r::org_feedback(&self.pool, org_id).await
    }
}
