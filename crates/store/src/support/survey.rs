//! The support-needs survey, the support plan and the log of support delivered.
//!
//! A county (an organisation whose kind `is_county()`) owns its surveys and plans; the other
//! methods' `org_id` is a municipality, which reaches only the surveys sent to it, its own answers,
//! and the actions and deliveries that concern it. An id the acting organisation may not reach is
//! `not_found`; an organisation named inside an input that is not one of the county's member
//! municipalities (`support_region::is_member`, checked in the write's transaction) is
//! `reference_invalid`; a stale version is `edit_conflict`.

use crate::{Actor, Result};
use async_trait::async_trait;
use hyte_domain::support::plan::{Action, ActionInput, Delivery, DeliveryInput, Plan};
use hyte_domain::support::survey::{Need, Response, SectorAnswers, Survey, SurveyInput};
use hyte_domain::Organisation;

/// A support plan with its actions and the support delivered under it (for a municipality: only
/// the actions that target it and the deliveries it received).
#[derive(Debug, Clone, PartialEq)]
pub struct PlanView {
    pub plan: Plan,
    pub actions: Vec<Action>,
    pub deliveries: Vec<Delivery>,
}

#[async_trait]
pub trait SupportStore: Send + Sync {
    /// The municipal organisations (municipalities, Helsinki) whose area belongs to the county's
    /// area in the latest year of the division, by name; empty when `county_org_id` is not a
    /// county with an area.
    async fn member_orgs(&self, county_org_id: i64) -> Result<Vec<Organisation>>;

    // The survey.
    /// A county's own surveys; a municipality's: the sent surveys it was sent to. Newest year first.
    async fn list_surveys(&self, org_id: i64) -> Result<Vec<Survey>>;
    /// The county's own survey, or a sent survey the municipality `org_id` was sent; else None.
    async fn get_survey(&self, org_id: i64, id: i64) -> Result<Option<Survey>>;
    /// A draft survey; `forbidden` unless `county_org_id` is a county, `year_invalid` when it has
    /// a survey of that year already.
    async fn create_survey(&self, county_org_id: i64, input: &SurveyInput, actor: Actor) -> Result<Survey>;
    /// Edits a draft's year and questions (`state_transition_invalid` once sent).
    async fn update_survey(
        &self,
        county_org_id: i64,
        id: i64,
        version: i64,
        input: &SurveyInput,
        actor: Actor,
    ) -> Result<Survey>;
    /// Sends a draft to `to` (at least one; each a member municipality, else `reference_invalid`).
    async fn send_survey(&self, county_org_id: i64, id: i64, version: i64, to: &[i64], actor: Actor) -> Result<Survey>;
    /// The municipality's own answer to a survey sent to it (draft or submitted); None before
    /// anyone answered; `not_found` when the survey was not sent to it.
    async fn own_response(&self, org_id: i64, survey_id: i64) -> Result<Option<Response>>;
    /// Saves one sector's answers (replacing that sector's earlier ones) and records the
    /// contributor (`contributor`, the actor's user); `version` is the response's (0 before the
    /// first answer). The sector is one of `org_id`'s (`sector_invalid`), every question is the
    /// survey's (`invalid_input`); a submitted response is `state_transition_invalid`.
    async fn save_answers(
        &self,
        org_id: i64,
        survey_id: i64,
        version: i64,
        answers: &SectorAnswers,
        contributor: &str,
        actor: Actor,
    ) -> Result<Response>;
    /// Submits the answers (then read-only, and the county sees them); `submitter` is kept.
    async fn submit_response(
        &self,
        org_id: i64,
        survey_id: i64,
        version: i64,
        submitter: &str,
        actor: Actor,
    ) -> Result<Response>;
    /// The submitted responses to the county's survey (drafts stay the municipality's).
    async fn survey_responses(&self, county_org_id: i64, survey_id: i64) -> Result<Vec<Response>>;
    /// A municipality's responses (draft or submitted) with their surveys, newest year first.
    async fn response_history(&self, org_id: i64) -> Result<Vec<(Survey, Response)>>;
    /// For the HYTE negotiation's agenda: the municipality's **submitted** needs in the county's
    /// survey of `year`, one per content area (in `ContentArea::ALL` order) with its level (the
    /// highest any sector gave: `survey::aggregate`) and the free texts of its answers. Empty when
    /// there is no such survey or no submitted answer; `not_found` unless `municipality_org_id` is
    /// one of the county's member municipalities.
    async fn needs_of(&self, county_org_id: i64, municipality_org_id: i64, year: i32) -> Result<Vec<Need>>;

    // The plan and its delivery.
    /// The county's plans, newest year first.
    async fn list_plans(&self, county_org_id: i64) -> Result<Vec<Plan>>;
    async fn get_plan(&self, county_org_id: i64, id: i64) -> Result<Option<PlanView>>;
    /// A new, empty plan (`forbidden` unless a county; `year_invalid` when the year has one).
    async fn create_plan(&self, county_org_id: i64, year: i32, actor: Actor) -> Result<Plan>;
    /// Adds an action; every target is a member municipality (`reference_invalid`).
    async fn add_action(&self, county_org_id: i64, plan_id: i64, input: &ActionInput, actor: Actor) -> Result<Action>;
    async fn update_action(
        &self,
        county_org_id: i64,
        id: i64,
        version: i64,
        input: &ActionInput,
        actor: Actor,
    ) -> Result<Action>;
    /// Removes an action; deliveries recorded under it stay, no longer tied to it.
    async fn delete_action(&self, county_org_id: i64, id: i64, version: i64, actor: Actor) -> Result<()>;
    /// Records support delivered: the municipality is a member, the action (if any) the plan's,
    /// every sector the municipality's (all `reference_invalid`).
    async fn record_delivery(
        &self,
        county_org_id: i64,
        plan_id: i64,
        input: &DeliveryInput,
        actor: Actor,
    ) -> Result<Delivery>;
    /// Removes a delivery recorded by mistake, with its feedback (the county's own plan's only,
    /// else `not_found`; `edit_conflict` on a stale `version`).
    async fn delete_delivery(&self, county_org_id: i64, id: i64, version: i64, actor: Actor) -> Result<()>;
    /// The receiving municipality's feedback (score 1–5, else `number_invalid`) on a delivery it
    /// received; replaces an earlier one.
    async fn give_feedback(
        &self,
        org_id: i64,
        delivery_id: i64,
        version: i64,
        score: u8,
        comment: Option<&str>,
        actor: Actor,
    ) -> Result<Delivery>;
    /// What concerns a municipality: each plan (newest year first) with the actions targeting it
    /// and the deliveries it received.
    async fn support_for(&self, org_id: i64) -> Result<Vec<PlanView>>;
    /// For the HYTE negotiation's agenda: the support the county delivered to the municipality
    /// under its plan of `year` (by date), with the municipality's feedback; empty when there is
    /// no such plan; `not_found` unless `municipality_org_id` is one of the county's members.
    async fn delivered_to(&self, county_org_id: i64, municipality_org_id: i64, year: i32) -> Result<Vec<Delivery>>;
}
