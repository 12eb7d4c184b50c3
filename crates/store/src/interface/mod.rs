//! Interface services: shared by the organisations that take part in them. Every method that
//! takes an `org_id` acts for that organisation and reaches only the services it is a party to
//! (`not_found` otherwise) and the agreements it is a party to; a partner edits only its own
//! steps, and only a lead changes the parties, adds, moves or removes steps and publishes
//! (`forbidden`). Ids inside an input (a step's organisation, an agreement's services, an
//! indicator) are checked in the same transaction as the write.

use crate::{Actor, Result};
use async_trait::async_trait;
use hyte_domain::interface::{
    Agreement, AgreementInput, ChainStep, DivisionOfWork, DocumentFacts, Evaluation, EvaluationInput, InterfaceInput,
    InterfaceService, Party, StepInput, TrackedIndicator, TrackedInput, WorkVersion,
};

#[cfg(feature = "testing")]
pub mod conformance;
pub mod rows;

/// A published service with its steps, as the public sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicChain {
    pub service: InterfaceService,
    pub steps: Vec<ChainStep>,
}

#[async_trait]
pub trait InterfaceStore: Send + Sync {
    /// The services `org_id` takes part in.
    async fn list_interfaces(&self, org_id: i64) -> Result<Vec<InterfaceService>>;
    async fn get_interface(&self, org_id: i64, id: i64) -> Result<Option<InterfaceService>>;
    /// A new service; `org_id` is among `parties` as a lead.
    async fn create_interface(
        &self,
        org_id: i64,
        input: &InterfaceInput,
        parties: &[Party],
        actor: Actor,
    ) -> Result<InterfaceService>;
    /// Any party edits the details; `parties` (None keeps them) only a lead; a party that
    /// answers for steps stays (`party_in_use`), and a lead remains (`last_lead`).
    async fn update_interface(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &InterfaceInput,
        parties: Option<&[Party]>,
        actor: Actor,
    ) -> Result<InterfaceService>;
    /// A lead publishes the chain (public) or withdraws it.
    async fn publish_interface(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        published: bool,
        actor: Actor,
    ) -> Result<InterfaceService>;

    // The chain's steps.
    async fn chain_steps(&self, org_id: i64, service_id: i64) -> Result<Vec<ChainStep>>;
    /// A lead adds steps at the end (e.g. a template's); each step's organisation is a party.
    async fn add_steps(
        &self,
        org_id: i64,
        service_id: i64,
        steps: &[StepInput],
        actor: Actor,
    ) -> Result<Vec<ChainStep>>;
    /// A lead edits any step, a partner its own (and keeps it its own).
    async fn update_step(
        &self,
        org_id: i64,
        step_id: i64,
        version: i64,
        input: &StepInput,
        actor: Actor,
    ) -> Result<ChainStep>;
    async fn delete_step(&self, org_id: i64, step_id: i64, version: i64, actor: Actor) -> Result<()>;
    /// A lead moves a step one place up or down.
    async fn move_step(&self, org_id: i64, step_id: i64, up: bool, actor: Actor) -> Result<Vec<ChainStep>>;

    /// The division of work's versions, newest first.
    async fn division_of_work(&self, org_id: i64, service_id: i64) -> Result<Vec<WorkVersion>>;
    /// Any party saves a new version; `version` is the newest it saw (0 for none).
    async fn save_division_of_work(
        &self,
        org_id: i64,
        service_id: i64,
        version: i64,
        work: &DivisionOfWork,
        actor: Actor,
    ) -> Result<WorkVersion>;

    // Cooperation agreements: the organisation's own, as a party.
    async fn list_agreements(&self, org_id: i64) -> Result<Vec<Agreement>>;
    async fn get_agreement(&self, org_id: i64, id: i64) -> Result<Option<Agreement>>;
    /// Every service it names is one `org_id` takes part in; every party exists.
    async fn create_agreement(&self, org_id: i64, input: &AgreementInput, actor: Actor) -> Result<Agreement>;
    async fn update_agreement(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &AgreementInput,
        actor: Actor,
    ) -> Result<Agreement>;
    /// Keeps the signed document (replacing an earlier one).
    async fn attach_document(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        facts: &DocumentFacts,
        content: &[u8],
        actor: Actor,
    ) -> Result<Agreement>;
    async fn agreement_document(&self, org_id: i64, id: i64) -> Result<Option<(DocumentFacts, Vec<u8>)>>;

    // Monitoring and evaluation.
    async fn tracked_indicators(&self, org_id: i64, service_id: i64) -> Result<Vec<TrackedIndicator>>;
    async fn add_tracked(
        &self,
        org_id: i64,
        service_id: i64,
        input: &TrackedInput,
        actor: Actor,
    ) -> Result<TrackedIndicator>;
    async fn remove_tracked(&self, org_id: i64, service_id: i64, id: i64, actor: Actor) -> Result<()>;
    async fn evaluations(&self, org_id: i64, service_id: i64) -> Result<Vec<Evaluation>>;
    /// Writes the year's evaluation; `version` 0 for a year not written yet.
    async fn save_evaluation(
        &self,
        org_id: i64,
        service_id: i64,
        year: i32,
        version: i64,
        input: &EvaluationInput,
        actor: Actor,
    ) -> Result<Evaluation>;

    // The public's view.
    async fn published_chains(&self) -> Result<Vec<PublicChain>>;
    async fn published_chain(&self, id: i64) -> Result<Option<PublicChain>>;
}
