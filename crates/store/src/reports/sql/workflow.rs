//! The portable SQL of a report's workflow steps: review, approval (which freezes the sections,
//! the plan and the generated sections' figures as a version) and publishing.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::reports_plan::load_plan;
use crate::sql::reports_reports::{load, sections, state_json};
use crate::sql::{audit, json, rule, Audit};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::reports::{Approval, FrozenSection, Report, ReportState, Snapshot};
use hyte_domain::ErrorCode;
use hyte_store::reports::rows::{ReportRow, REPORT_COLS};
use hyte_store::{Actor, Result};

impl crate::This {
    /// A workflow step; approving freezes the sections, the plan and `generated` (when given).
    pub(crate) async fn move_report(
        &self,
        id: i64,
        version: i64,
        to: ReportState,
        approval: Option<&Approval>,
        generated: Option<&[FrozenSection]>,
        actor: Actor,
    ) -> Result<Report> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before = load(&mut tx, id).await?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        before.state.transition(to).map_err(rule)?;
        let mut approval_cols = before.approval.clone();
        let mut published = before.published_version;
        match to {
            ReportState::Approved => {
                let a = approval.ok_or(rule(ErrorCode::InvalidInput))?;
                let content = Snapshot {
                    title: before.title.clone(),
                    sections: sections(&mut tx, id).await?,
                    // An annual report freezes the follow-up of its term report's plan.
                    plan: load_plan(&mut tx, before.plan_report_id()).await?,
                    generated: generated.map(<[_]>::to_vec),
                };
                sqlx::query(
                    "INSERT INTO report_versions (report_id, number, approved_at, approval_body, approval_date, \
                     approval_ref, content_json) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(id)
                .bind(before.content_version)
                .bind(chrono::Utc::now())
                .bind(&a.body)
                .bind(a.date.format("%Y-%m-%d").to_string())
                .bind(&a.decision_ref)
                .bind(json(&content))
                .execute(&mut *tx)
                .await?;
                approval_cols = Some(a.clone());
            }
            ReportState::Published => published = Some(before.content_version),
            _ => {}
        }
        let row: Option<ReportRow> = sqlx::query_as(&format!(
            "UPDATE reports SET state = $1, published_version = $2, approval_body = $3, approval_date = $4, \
             approval_ref = $5, version = version + 1 WHERE id = $6 AND version = $7 RETURNING {REPORT_COLS}"
        ))
        .bind(to.as_str())
        .bind(published)
        .bind(approval_cols.as_ref().map(|a| a.body.clone()))
        .bind(approval_cols.as_ref().map(|a| a.date.format("%Y-%m-%d").to_string()))
        .bind(approval_cols.as_ref().map(|a| a.decision_ref.clone()))
        .bind(id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?;
        let after = Report::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(after.org_id),
                action: AuditAction::ReportState,
                entity: "report",
                entity_id: id.to_string(),
                before: state_json(&before),
                after: state_json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}
