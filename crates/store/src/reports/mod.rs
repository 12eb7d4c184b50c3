//! Well-being reports and plans: the report, its sections, its workflow, its approved versions, the
//! organisation's default report structure, and the plan (priorities, goals with targets, measures).

use crate::{Actor, Result};
use async_trait::async_trait;
use hyte_domain::reports::{
    Approval, Comment, NewReport, Report, ReportState, ReportStructure, ReportVersion, Section, SectionEdit,
    SectionKind, StructureSection,
};
use hyte_domain::reports::{Goal, GoalInput, Measure, MeasureFollowUp, MeasureInput, Plan, Priority, PriorityInput};

#[cfg(feature = "testing")]
pub mod conformance;
pub mod rows;

#[async_trait]
pub trait ReportStore: Send + Sync {
    /// The sections the organisation's new reports start with: its own structure, or THL's
    /// (version 0).
    async fn report_structure(&self, org_id: i64) -> Result<ReportStructure>;
    /// Replaces the organisation's default structure (`None`: back to THL's). `edit_conflict`
    /// when the structure is no longer at `version` (0 for THL's).
    async fn set_report_structure(
        &self,
        org_id: i64,
        version: i64,
        sections: Option<&[StructureSection]>,
        actor: Actor,
    ) -> Result<ReportStructure>;
    /// Creates a draft with the organisation's default sections (THL's unless it has its own); `name_taken` when the organisation already
    /// has this report (same kind, term and year).
    async fn create_report(&self, org_id: i64, report: &NewReport, actor: Actor) -> Result<Report>;
    async fn get_report(&self, id: i64) -> Result<Option<Report>>;
    /// The organisation's reports, newest term first.
    async fn list_reports(&self, org_id: i64) -> Result<Vec<Report>>;
    /// Every published report, of every organisation.
    async fn published_reports(&self) -> Result<Vec<Report>>;
    async fn report_sections(&self, report_id: i64) -> Result<Vec<Section>>;
    /// Fails with `report_locked` unless the report is a draft or in review, and with
    /// `edit_conflict` when the section is no longer at `version`.
    async fn update_section(
        &self,
        report_id: i64,
        section_id: i64,
        version: i64,
        edit: &SectionEdit,
        actor: Actor,
    ) -> Result<Section>;
    /// Adds a section at the end (`report_locked` unless a draft or in review).
    async fn add_section(
        &self,
        report_id: i64,
        title: &hyte_domain::Names,
        kind: SectionKind,
        actor: Actor,
    ) -> Result<Section>;
    /// Removes a section and its comments (`report_locked`, `edit_conflict` as for edits).
    async fn delete_section(&self, report_id: i64, section_id: i64, version: i64, actor: Actor) -> Result<()>;
    /// Moves the report along its workflow (`state_transition_invalid` otherwise). Approving
    /// needs `approval` and freezes the sections as version `content_version`; publishing
    /// makes that version public.
    async fn set_report_state(
        &self,
        id: i64,
        version: i64,
        to: ReportState,
        approval: Option<&Approval>,
        actor: Actor,
    ) -> Result<Report>;
    /// Approves the report (as `set_report_state` to `Approved`) and keeps the generated sections'
    /// figures as they stand now (`generated`, in each of its languages) in the frozen version.
    async fn approve_report(
        &self,
        id: i64,
        version: i64,
        approval: &Approval,
        generated: &[hyte_domain::reports::FrozenSection],
        actor: Actor,
    ) -> Result<Report>;
    /// Starts editing an approved or published report again, as a new draft version; the
    /// published version stays public until the next one is published.
    async fn start_new_version(&self, id: i64, version: i64, actor: Actor) -> Result<Report>;
    /// Approved versions, oldest first.
    async fn report_versions(&self, report_id: i64) -> Result<Vec<ReportVersion>>;
    /// Comments are made while the report is a draft or in review (`report_locked` otherwise).
    async fn add_comment(&self, report_id: i64, section_id: i64, body: &str, actor: Actor) -> Result<Comment>;
    /// The report's comments, oldest first.
    async fn report_comments(&self, report_id: i64) -> Result<Vec<Comment>>;
    async fn resolve_comment(&self, report_id: i64, comment_id: i64, actor: Actor) -> Result<Comment>;
}

// ---- the well-being plan --------------------------------------------------------------------

#[async_trait]
pub trait PlanStore: Send + Sync {
    async fn plan(&self, report_id: i64) -> Result<Plan>;
    /// The plan's structure changes only while the report is a draft or in review
    /// (`report_locked` otherwise).
    async fn add_priority(&self, report_id: i64, input: &PriorityInput, actor: Actor) -> Result<Priority>;
    /// `not_found` when the priority is not the report's.
    async fn add_goal(&self, report_id: i64, input: &GoalInput, actor: Actor) -> Result<Goal>;
    /// `not_found` when a goal is not the report's.
    async fn add_measure(
        &self,
        report_id: i64,
        input: &MeasureInput,
        goal_ids: &[i64],
        actor: Actor,
    ) -> Result<Measure>;
    /// Edits a priority (`report_locked` unless editable, `edit_conflict` on a stale `version`).
    async fn update_priority(
        &self,
        report_id: i64,
        id: i64,
        version: i64,
        input: &PriorityInput,
        actor: Actor,
    ) -> Result<Priority>;
    /// Removes a priority with its goals (and their targets and links to measures).
    async fn delete_priority(&self, report_id: i64, id: i64, version: i64, actor: Actor) -> Result<()>;
    /// Edits a goal: its priority, title and the whole list of its indicator targets.
    async fn update_goal(&self, report_id: i64, id: i64, version: i64, input: &GoalInput, actor: Actor)
        -> Result<Goal>;
    /// Removes a goal with its targets and its links to measures.
    async fn delete_goal(&self, report_id: i64, id: i64, version: i64, actor: Actor) -> Result<()>;
    /// Edits a measure and its goals; its follow-up comment stays.
    async fn update_measure(
        &self,
        report_id: i64,
        id: i64,
        version: i64,
        input: &MeasureInput,
        goal_ids: &[i64],
        actor: Actor,
    ) -> Result<Measure>;
    async fn delete_measure(&self, report_id: i64, id: i64, version: i64, actor: Actor) -> Result<()>;
    /// A measure's status and the responsible sector's comment: follow-up, allowed in any state
    /// of the report. `edit_conflict` on a stale `version`.
    async fn follow_up_measure(
        &self,
        report_id: i64,
        measure_id: i64,
        version: i64,
        follow_up: &MeasureFollowUp,
        actor: Actor,
    ) -> Result<Measure>;
}
