//! The well-being plan of a report: priorities, goals with indicator targets, measures.

use crate::{Actor, Result};
use async_trait::async_trait;
use hyte_domain::report::{Goal, GoalInput, Measure, MeasureFollowUp, MeasureInput, Plan, Priority, PriorityInput};

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
