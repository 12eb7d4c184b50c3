//! Ex-ante impact assessment: the decisions register, templates and rules, and assessments.

use crate::{Actor, Result};
use async_trait::async_trait;
use hyte_domain::assessment::{
    Alternative, AlternativeInput, Assessment, AssessmentStatus, Citation, Decision, DecisionInput, DecisionOutcome,
    DecisionStatus, FollowUp, Participant, ParticipantInput, Rating, Rule, RuleInput, Template, TemplateDef,
};

#[cfg(feature = "testing")]
pub mod conformance;
pub mod rows;

/// A step of a decision's status, with what that step records.
#[derive(Debug, Clone)]
pub enum DecisionStep {
    /// The required assessments are complete.
    Assessed,
    /// Back to preparing (e.g. to assess another alternative).
    Preparing,
    Decided(DecisionOutcome),
    FollowedUp(FollowUp),
}

impl DecisionStep {
    pub fn status(&self) -> DecisionStatus {
        match self {
            DecisionStep::Assessed => DecisionStatus::Assessed,
            DecisionStep::Preparing => DecisionStatus::Preparing,
            DecisionStep::Decided(_) => DecisionStatus::Decided,
            DecisionStep::FollowedUp(_) => DecisionStatus::FollowedUp,
        }
    }
}

#[async_trait]
pub trait AssessmentStore: Send + Sync {
    // Templates and rules: an organisation starts with the defaults, created on first use.
    async fn assessment_templates(&self, org_id: i64) -> Result<Vec<Template>>;
    /// `name_taken` when the organisation has a template with this key.
    async fn create_template(&self, org_id: i64, key: &str, def: &TemplateDef, actor: Actor) -> Result<Template>;
    /// `edit_conflict` on a stale version. Existing assessments keep their copy.
    async fn update_template(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        def: &TemplateDef,
        actor: Actor,
    ) -> Result<Template>;
    async fn assessment_rules(&self, org_id: i64) -> Result<Vec<Rule>>;
    async fn add_rule(&self, org_id: i64, rule: &RuleInput, actor: Actor) -> Result<Rule>;
    async fn delete_rule(&self, org_id: i64, id: i64, actor: Actor) -> Result<()>;

    // The register. A new proposal has two alternatives: the zero option and the proposal.
    async fn create_decision(
        &self,
        org_id: i64,
        input: &DecisionInput,
        zero_option: &str,
        proposal: &str,
        actor: Actor,
    ) -> Result<Decision>;
    async fn get_decision(&self, id: i64) -> Result<Option<Decision>>;
    /// The organisation's proposals, latest planned date first.
    async fn list_decisions(&self, org_id: i64) -> Result<Vec<Decision>>;
    /// `decision_locked` once decided, `edit_conflict` on a stale version.
    async fn update_decision(&self, id: i64, version: i64, input: &DecisionInput, actor: Actor) -> Result<Decision>;
    /// Moves the status: to assessed only when every assessment the rules require is complete
    /// (`assessment_missing`), decided straight from preparing only when every required one is complete, followed
    /// up only once the follow-up date has come (`follow_up_not_due`).
    async fn set_decision_status(
        &self,
        id: i64,
        version: i64,
        step: &DecisionStep,
        today: chrono::NaiveDate,
        actor: Actor,
    ) -> Result<Decision>;

    async fn decision_alternatives(&self, decision_id: i64) -> Result<Vec<Alternative>>;
    async fn add_alternative(&self, decision_id: i64, input: &AlternativeInput, actor: Actor) -> Result<Alternative>;
    async fn update_alternative(
        &self,
        decision_id: i64,
        id: i64,
        version: i64,
        input: &AlternativeInput,
        actor: Actor,
    ) -> Result<Alternative>;
    /// Removes an alternative and its ratings (never the zero option: `invalid_input`).
    async fn delete_alternative(&self, decision_id: i64, id: i64, actor: Actor) -> Result<()>;

    /// Starts an assessment with a copy of the template (`name_taken` when the decision has one
    /// with this template already).
    async fn start_assessment(&self, decision_id: i64, template_id: i64, actor: Actor) -> Result<Assessment>;
    async fn get_assessment(&self, id: i64) -> Result<Option<Assessment>>;
    async fn decision_assessments(&self, decision_id: i64) -> Result<Vec<Assessment>>;
    /// Every assessment of the organisation's decisions, for the yearly figures.
    async fn org_assessments(&self, org_id: i64) -> Result<Vec<Assessment>>;
    /// Sets the affected groups and the conclusion (a draft of an editable decision only).
    async fn update_assessment(
        &self,
        id: i64,
        version: i64,
        groups: &[usize],
        conclusion: Option<&str>,
        actor: Actor,
    ) -> Result<Assessment>;
    /// Completing checks [`hyte_domain::assessment::completeness`]; reopening a complete one
    /// returns an assessed decision to preparing.
    async fn set_assessment_status(
        &self,
        id: i64,
        version: i64,
        status: AssessmentStatus,
        actor: Actor,
    ) -> Result<Assessment>;
    async fn assessment_ratings(&self, assessment_id: i64) -> Result<Vec<Rating>>;
    /// Replaces one alternative's ratings; the assessment's version moves on.
    async fn save_ratings(
        &self,
        assessment_id: i64,
        version: i64,
        alternative_id: i64,
        ratings: &[Rating],
        actor: Actor,
    ) -> Result<Assessment>;
    async fn assessment_participants(&self, assessment_id: i64) -> Result<Vec<Participant>>;
    async fn add_participant(&self, assessment_id: i64, input: &ParticipantInput, actor: Actor) -> Result<Participant>;
    async fn delete_participant(&self, assessment_id: i64, id: i64, actor: Actor) -> Result<()>;
    async fn assessment_citations(&self, assessment_id: i64) -> Result<Vec<Citation>>;
    /// Cites an indicator (again: the baseline is replaced).
    async fn cite(&self, citation: &Citation, actor: Actor) -> Result<()>;
    async fn uncite(&self, assessment_id: i64, indicator_id: i64, actor: Actor) -> Result<()>;
}
