//! The record of imports into the knowledge base: who uploaded what, and what came of it.

use crate::{Actor, Result};
use async_trait::async_trait;
use hyte_domain::{ImportJob, JobState};

#[async_trait]
pub trait ImportJobStore: Send + Sync {
    /// Records a started import (state `running`).
    async fn start_import_job(&self, org_id: i64, file: &str, kind: &str, actor: Actor) -> Result<ImportJob>;
    /// Records the outcome and writes it to the organisation's audit log. Fails with
    /// `edit_conflict` when the job has already finished.
    async fn finish_import_job(
        &self,
        id: i64,
        state: JobState,
        written: i64,
        summary: &str,
        actor: Actor,
    ) -> Result<ImportJob>;
    async fn get_import_job(&self, id: i64) -> Result<Option<ImportJob>>;
    /// The organisation's imports, newest first.
    async fn list_import_jobs(&self, org_id: i64, limit: i64) -> Result<Vec<ImportJob>>;
}
