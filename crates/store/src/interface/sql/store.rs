//! The interface store's methods, each a call into the room's SQL files.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::{interface_agreements as a, interface_chains as c, interface_monitoring as m};
use async_trait::async_trait;
use hyte_domain::interface::{
    Agreement, AgreementInput, ChainStep, DivisionOfWork, DocumentFacts, Evaluation, EvaluationInput, InterfaceInput,
    InterfaceService, Party, StepInput, TrackedIndicator, TrackedInput, WorkVersion,
};
use hyte_store::interface::PublicChain;
use hyte_store::{Actor, Result};

#[async_trait]
impl hyte_store::interface::InterfaceStore for crate::This {
    async fn list_interfaces(&self, org_id: i64) -> Result<Vec<InterfaceService>> {
        c::list_interfaces(&self.pool, org_id).await
    }
    async fn get_interface(&self, org_id: i64, id: i64) -> Result<Option<InterfaceService>> {
        c::get_interface(&self.pool, org_id, id).await
    }
    async fn create_interface(
        &self,
        org_id: i64,
        input: &InterfaceInput,
        parties: &[Party],
        a: Actor,
    ) -> Result<InterfaceService> {
        c::create_interface(&self.pool, org_id, input, parties, a).await
    }
    async fn update_interface(
        &self,
        org_id: i64,
        id: i64,
        v: i64,
        input: &InterfaceInput,
        parties: Option<&[Party]>,
        a: Actor,
    ) -> Result<InterfaceService> {
        c::update_interface(&self.pool, org_id, id, v, input, parties, a).await
    }
    async fn publish_interface(&self, org_id: i64, id: i64, v: i64, on: bool, a: Actor) -> Result<InterfaceService> {
        c::publish_interface(&self.pool, org_id, id, v, on, a).await
    }
    async fn chain_steps(&self, org_id: i64, service_id: i64) -> Result<Vec<ChainStep>> {
        c::chain_steps(&self.pool, org_id, service_id).await
    }
    async fn add_steps(&self, org_id: i64, service: i64, steps: &[StepInput], a: Actor) -> Result<Vec<ChainStep>> {
        c::add_steps(&self.pool, org_id, service, steps, a).await
    }
    async fn update_step(&self, org_id: i64, id: i64, v: i64, input: &StepInput, a: Actor) -> Result<ChainStep> {
        c::update_step(&self.pool, org_id, id, v, input, a).await
    }
    async fn delete_step(&self, org_id: i64, id: i64, v: i64, a: Actor) -> Result<()> {
        c::delete_step(&self.pool, org_id, id, v, a).await
    }
    async fn move_step(&self, org_id: i64, id: i64, up: bool, a: Actor) -> Result<Vec<ChainStep>> {
        c::move_step(&self.pool, org_id, id, up, a).await
    }
    async fn division_of_work(&self, org_id: i64, service_id: i64) -> Result<Vec<WorkVersion>> {
        c::division_of_work(&self.pool, org_id, service_id).await
    }
    async fn save_division_of_work(
        &self,
        org_id: i64,
        service: i64,
        v: i64,
        work: &DivisionOfWork,
        a: Actor,
    ) -> Result<WorkVersion> {
        c::save_division_of_work(&self.pool, org_id, service, v, work, a).await
    }
    async fn list_agreements(&self, org_id: i64) -> Result<Vec<Agreement>> {
        a::list_agreements(&self.pool, org_id).await
    }
    async fn get_agreement(&self, org_id: i64, id: i64) -> Result<Option<Agreement>> {
        a::get_agreement(&self.pool, org_id, id).await
    }
    async fn create_agreement(&self, org_id: i64, input: &AgreementInput, actor: Actor) -> Result<Agreement> {
        a::create_agreement(&self.pool, org_id, input, actor).await
    }
    async fn update_agreement(
        &self,
        org_id: i64,
        id: i64,
        v: i64,
        input: &AgreementInput,
        actor: Actor,
    ) -> Result<Agreement> {
        a::update_agreement(&self.pool, org_id, id, v, input, actor).await
    }
    async fn attach_document(
        &self,
        org_id: i64,
        id: i64,
        v: i64,
        facts: &DocumentFacts,
        content: &[u8],
        actor: Actor,
    ) -> Result<Agreement> {
        a::attach_document(&self.pool, org_id, id, v, facts, content, actor).await
    }
    async fn agreement_document(&self, org_id: i64, id: i64) -> Result<Option<(DocumentFacts, Vec<u8>)>> {
        a::agreement_document(&self.pool, org_id, id).await
    }
    async fn tracked_indicators(&self, org_id: i64, service_id: i64) -> Result<Vec<TrackedIndicator>> {
        m::tracked_indicators(&self.pool, org_id, service_id).await
    }
    async fn add_tracked(&self, org_id: i64, service: i64, input: &TrackedInput, a: Actor) -> Result<TrackedIndicator> {
        m::add_tracked(&self.pool, org_id, service, input, a).await
    }
    async fn remove_tracked(&self, org_id: i64, service: i64, id: i64, a: Actor) -> Result<()> {
        m::remove_tracked(&self.pool, org_id, service, id, a).await
    }
    async fn evaluations(&self, org_id: i64, service_id: i64) -> Result<Vec<Evaluation>> {
        m::evaluations(&self.pool, org_id, service_id).await
    }
    async fn save_evaluation(
        &self,
        org_id: i64,
        service: i64,
        year: i32,
        v: i64,
        input: &EvaluationInput,
        a: Actor,
    ) -> Result<Evaluation> {
        m::save_evaluation(&self.pool, org_id, service, year, v, input, a).await
    }
    async fn published_chains(&self) -> Result<Vec<PublicChain>> {
        m::published_chains(&self.pool).await
    }
    async fn published_chain(&self, id: i64) -> Result<Option<PublicChain>> {
        m::published_chain(&self.pool, id).await
    }
}
