//! The yearly HYTE negotiation between a county and each of its municipalities, the actions
//! agreed in it, and the well-being reports municipalities send to their county. A negotiation is
//! reached by its county and by its municipality only (`not_found` for anyone else); a sent
//! report by its sender and by the county it was sent to.

use crate::{Actor, Result};
use async_trait::async_trait;
use chrono::NaiveDate;
use hyte_domain::cooperation::AgreementInput;
use hyte_domain::support::negotiation::{AgendaItem, AgreedAction, Negotiation, NegotiationInput, SentReport};
use hyte_domain::Organisation;

#[async_trait]
pub trait NegotiationStore: Send + Sync {
    /// The negotiations `org_id` takes part in (a county: with all its municipalities; a
    /// municipality: its own), newest first.
    async fn negotiations(&self, org_id: i64) -> Result<Vec<Negotiation>>;
    /// `None` unless `org_id` is the negotiation's county or municipality.
    async fn negotiation(&self, org_id: i64, id: i64) -> Result<Option<Negotiation>>;
    /// The county `org_id` opens the year's negotiation with its member municipality
    /// `municipality_id` (`not_found` when it is not a member; `name_taken` when that year's exists).
    async fn create_negotiation(
        &self,
        org_id: i64,
        municipality_id: i64,
        input: &NegotiationInput,
        agenda: &[AgendaItem],
        actor: Actor,
    ) -> Result<Negotiation>;
    /// Either side edits the meeting, minutes and agenda (`edit_conflict` on a stale `version`).
    async fn update_negotiation(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &NegotiationInput,
        agenda: &[AgendaItem],
        actor: Actor,
    ) -> Result<Negotiation>;
    /// The actions agreed in the negotiations `org_id` reaches (one negotiation's, or all), by due date.
    async fn agreed_actions(&self, org_id: i64, negotiation_id: Option<i64>) -> Result<Vec<AgreedAction>>;
    async fn add_agreed_action(
        &self,
        org_id: i64,
        negotiation_id: i64,
        input: &AgreementInput,
        actor: Actor,
    ) -> Result<AgreedAction>;
    /// Marks an action done (on `done_on`) or not done (`None`).
    async fn set_agreed_action_done(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        done_on: Option<NaiveDate>,
        actor: Actor,
    ) -> Result<AgreedAction>;

    /// The county whose member municipality `org_id` is, if any.
    async fn county_of(&self, org_id: i64) -> Result<Option<Organisation>>;
    /// The municipality `org_id` sends its report's approved version to its county: `not_found`
    /// unless the report is its own and it has a county, `state_transition_invalid` unless the
    /// report is approved or published or when this version was sent already.
    async fn send_report(&self, org_id: i64, report_id: i64, actor: Actor) -> Result<SentReport>;
    /// The reports `org_id` has sent, and those sent to it (a county), newest first.
    async fn sent_reports(&self, org_id: i64) -> Result<Vec<SentReport>>;
    /// The county acknowledges a report sent to it (once; `edit_conflict` on a stale `version`).
    async fn acknowledge_sent(&self, org_id: i64, id: i64, version: i64, actor: Actor) -> Result<SentReport>;
    /// The county's feedback on a report sent to it (`edit_conflict` on a stale `version`).
    async fn sent_feedback(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        feedback: Option<&str>,
        actor: Actor,
    ) -> Result<SentReport>;
}
