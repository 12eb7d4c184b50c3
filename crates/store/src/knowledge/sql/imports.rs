//! The portable SQL of the import-job record.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::{audit, json, rule, Audit};
use hyte_domain::admin::audit::AuditAction;

use async_trait::async_trait;
use hyte_domain::{ErrorCode, ImportJob, JobState};
use hyte_store::knowledge::rows::ImportJobRow;
use hyte_store::knowledge::rows::JOB_COLS;
use hyte_store::rows::collect;
use hyte_store::{Actor, Result};

#[async_trait]
impl hyte_store::knowledge::ImportJobStore for crate::This {
    async fn start_import_job(&self, org_id: i64, file: &str, kind: &str, actor: Actor) -> Result<ImportJob> {
        let row: ImportJobRow = sqlx::query_as(&format!(
            "INSERT INTO import_jobs (org_id, user_id, file, kind, state, started_at, written) \
             VALUES ($1, $2, $3, $4, 'running', $5, 0) RETURNING {JOB_COLS}"
        ))
        .bind(org_id)
        .bind(actor.user_id)
        .bind(file)
        .bind(kind)
        .bind(chrono::Utc::now())
        .fetch_one(&self.pool)
        .await?;
        row.try_into()
    }

    async fn finish_import_job(
        &self,
        id: i64,
        state: JobState,
        written: i64,
        summary: &str,
        actor: Actor,
    ) -> Result<ImportJob> {
        // A job ends done or failed; it is never set running again.
        let action = AuditAction::import(state).ok_or(rule(ErrorCode::InvalidInput))?;
        let mut tx = crate::sql::begin(&self.pool).await?;
        let row: Option<ImportJobRow> = sqlx::query_as(&format!(
            "UPDATE import_jobs SET state = $1, written = $2, summary = $3, finished_at = $4 \
             WHERE id = $5 AND state = 'running' RETURNING {JOB_COLS}"
        ))
        .bind(state.as_str())
        .bind(written)
        .bind(summary)
        .bind(chrono::Utc::now())
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let job = ImportJob::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
        let after = serde_json::json!({
            "file": job.file, "kind": job.kind, "state": job.state, "written": job.written,
        });
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(job.org_id),
                action,
                entity: "import",
                entity_id: id.to_string(),
                before: None,
                after: json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(job)
    }

    async fn get_import_job(&self, id: i64) -> Result<Option<ImportJob>> {
        let row: Option<ImportJobRow> = sqlx::query_as(&format!("SELECT {JOB_COLS} FROM import_jobs WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(ImportJob::try_from).transpose()
    }

    async fn list_import_jobs(&self, org_id: i64, limit: i64) -> Result<Vec<ImportJob>> {
        let rows: Vec<ImportJobRow> =
            sqlx::query_as(&format!("SELECT {JOB_COLS} FROM import_jobs WHERE org_id = $1 ORDER BY id DESC LIMIT $2"))
                .bind(org_id)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
        collect(rows)
    }

    async fn running_import_jobs(&self) -> Result<Vec<ImportJob>> {
        let rows: Vec<ImportJobRow> =
            sqlx::query_as(&format!("SELECT {JOB_COLS} FROM import_jobs WHERE state = 'running' ORDER BY id"))
                .fetch_all(&self.pool)
                .await?;
        collect(rows)
    }
}
