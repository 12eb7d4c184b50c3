//! Cross-sectoral leadership and cooperation: responsibilities and the duties matrix, groups
//! with their members, meetings and agreements, contact pairs, the staircase and the timeline.

use crate::{Actor, Result};
use async_trait::async_trait;
use chrono::NaiveDate;
use hyte_domain::cooperation::{
    Agreement, AgreementInput, ContactInput, ContactPair, ContactTheme, DutyOwners, Group, GroupInput, Maturity,
    Meeting, MeetingInput, Member, MemberInput, Responsibility, Task, TaskInput,
};
use std::collections::HashMap;

#[cfg(feature = "testing")]
pub mod conformance;
pub mod rows;

#[async_trait]
pub trait CooperationStore: Send + Sync {
    /// The named responsible person and body (version 0 when never set).
    async fn responsibility(&self, org_id: i64) -> Result<Responsibility>;
    /// `edit_conflict` when `version` is not the current one.
    async fn set_responsibility(
        &self,
        org_id: i64,
        version: i64,
        person: Option<&str>,
        body: Option<&str>,
        actor: Actor,
    ) -> Result<Responsibility>;
    /// Duty key → its lead sector and the sectors taking part.
    async fn duty_owners(&self, org_id: i64) -> Result<HashMap<String, DutyOwners>>;
    /// Replaces one duty's owners; guarded by the responsibility's `version`.
    async fn set_duty_owners(
        &self,
        org_id: i64,
        version: i64,
        duty_key: &str,
        owners: &DutyOwners,
        actor: Actor,
    ) -> Result<()>;

    async fn list_groups(&self, org_id: i64) -> Result<Vec<Group>>;
    async fn get_group(&self, id: i64) -> Result<Option<Group>>;
    async fn create_group(&self, org_id: i64, input: &GroupInput, actor: Actor) -> Result<Group>;
    async fn update_group(&self, id: i64, version: i64, input: &GroupInput, actor: Actor) -> Result<Group>;
    async fn group_members(&self, group_id: i64) -> Result<Vec<Member>>;
    async fn add_member(&self, group_id: i64, input: &MemberInput, actor: Actor) -> Result<Member>;
    async fn remove_member(&self, group_id: i64, id: i64, actor: Actor) -> Result<()>;
    /// The group's meetings, latest first.
    async fn group_meetings(&self, group_id: i64) -> Result<Vec<Meeting>>;
    async fn get_meeting(&self, id: i64) -> Result<Option<Meeting>>;
    async fn add_meeting(&self, group_id: i64, input: &MeetingInput, actor: Actor) -> Result<Meeting>;
    async fn update_meeting(&self, id: i64, version: i64, input: &MeetingInput, actor: Actor) -> Result<Meeting>;
    /// Agreements of a group (all its meetings), by due date.
    async fn group_agreements(&self, group_id: i64) -> Result<Vec<Agreement>>;
    /// Agreements of all the organisation's groups, by due date.
    async fn org_agreements(&self, org_id: i64) -> Result<Vec<Agreement>>;
    async fn add_agreement(&self, meeting_id: i64, input: &AgreementInput, actor: Actor) -> Result<Agreement>;
    /// Marks an agreement done (on `done_on`) or not done (`None`).
    async fn set_agreement_done(
        &self,
        id: i64,
        version: i64,
        done_on: Option<NaiveDate>,
        actor: Actor,
    ) -> Result<Agreement>;

    /// The region's contact pairs.
    async fn contact_pairs(&self, org_id: i64) -> Result<Vec<ContactPair>>;
    /// Names (or renames) the contact for a theme on the region's side or in a municipality.
    async fn set_contact_pair(
        &self,
        org_id: i64,
        theme: ContactTheme,
        municipality_area_id: Option<i64>,
        input: &ContactInput,
        actor: Actor,
    ) -> Result<ContactPair>;
    async fn remove_contact_pair(&self, org_id: i64, id: i64, actor: Actor) -> Result<()>;

    /// The organisation's staircase self-assessments, newest year first.
    async fn maturity(&self, org_id: i64) -> Result<Vec<Maturity>>;
    /// Files a year's assessment (`version` 0) or edits it (its current version; else `edit_conflict`).
    async fn save_maturity(
        &self,
        org_id: i64,
        year: i32,
        version: i64,
        step: i32,
        justification: &str,
        actor: Actor,
    ) -> Result<Maturity>;

    /// The timeline, by start month.
    async fn tasks(&self, org_id: i64) -> Result<Vec<Task>>;
    async fn add_task(&self, org_id: i64, input: &TaskInput, actor: Actor) -> Result<Task>;
    async fn update_task(&self, org_id: i64, id: i64, version: i64, input: &TaskInput, actor: Actor) -> Result<Task>;
    async fn delete_task(&self, org_id: i64, id: i64, version: i64, actor: Actor) -> Result<()>;
}
