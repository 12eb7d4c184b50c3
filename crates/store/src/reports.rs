//! Well-being reports: the report, its sections, its workflow and its approved versions.

use crate::{Actor, Result};
use async_trait::async_trait;
use hyte_domain::report::{
    Approval, Comment, NewReport, Report, ReportState, ReportStructure, ReportVersion, Section, SectionEdit,
    SectionKind, StructureSection,
};

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
