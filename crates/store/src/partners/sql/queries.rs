//! The in-transaction queries that the NGO partners store's methods share.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::{audit, json, rule, Audit, Tx};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::partners::{
    Activity, ApplicationStatus, GrantApplication, GrantCall, GrantDecision, Partner, Premises, UseReport,
};
use hyte_domain::ErrorCode;
use hyte_store::partners::rows::{
    ActivityRow, ApplicationRow, CallRow, PartnerRow, PremisesRow, ACTIVITY_COLS, APPLICATION_COLS, CALL_COLS,
    PARTNER_COLS, PREMISES_COLS,
};
use hyte_store::{Actor, Result};

pub(crate) async fn partner_in(tx: &mut Tx<'_>, org_id: i64, id: i64) -> Result<Partner> {
    let row: Option<PartnerRow> =
        sqlx::query_as(&format!("SELECT {PARTNER_COLS} FROM partners WHERE org_id = $1 AND id = $2"))
            .bind(org_id)
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

pub(crate) async fn org_exists(tx: &mut Tx<'_>, id: i64) -> Result<()> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE id = $1").bind(id).fetch_one(&mut **tx).await?;
    if n == 0 {
        return Err(rule(ErrorCode::NotFound));
    }
    Ok(())
}

pub(crate) async fn activity_in(tx: &mut Tx<'_>, id: i64) -> Result<Activity> {
    let row: Option<ActivityRow> = sqlx::query_as(&format!("SELECT {ACTIVITY_COLS} FROM activities WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

pub(crate) async fn call_in(tx: &mut Tx<'_>, id: i64) -> Result<GrantCall> {
    let row: Option<CallRow> = sqlx::query_as(&format!("SELECT {CALL_COLS} FROM grant_calls WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

pub(crate) async fn application_in(tx: &mut Tx<'_>, id: i64) -> Result<GrantApplication> {
    let row: Option<ApplicationRow> =
        sqlx::query_as(&format!("SELECT {APPLICATION_COLS} FROM grant_applications WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

pub(crate) async fn premises_in(tx: &mut Tx<'_>, org_id: i64, id: i64) -> Result<Premises> {
    let row: Option<PremisesRow> =
        sqlx::query_as(&format!("SELECT {PREMISES_COLS} FROM premises WHERE org_id = $1 AND id = $2"))
            .bind(org_id)
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(row.ok_or(rule(ErrorCode::NotFound))?.into())
}

/// An application's step, in the logs of both the granting and the applying organisation.
pub(crate) async fn audit_both(
    tx: &mut Tx<'_>,
    actor: Actor,
    call: &GrantCall,
    action: AuditAction,
    before: Option<&GrantApplication>,
    after: &GrantApplication,
) -> Result<()> {
    let mut orgs = vec![call.org_id];
    if after.applicant_org_id != call.org_id {
        orgs.push(after.applicant_org_id);
    }
    for org in orgs {
        audit(
            tx,
            actor,
            Audit {
                org_id: Some(org),
                action,
                entity: "grant_application",
                entity_id: after.id.to_string(),
                before: before.and_then(json),
                after: json(after),
            },
        )
        .await?;
    }
    Ok(())
}

/// Moves an application on from `version` to `status` with what that step records.
pub(crate) async fn step_application(
    tx: &mut Tx<'_>,
    a: &GrantApplication,
    version: i64,
    status: ApplicationStatus,
    decision: Option<&GrantDecision>,
    report: Option<&UseReport>,
) -> Result<GrantApplication> {
    if a.version != version {
        return Err(rule(ErrorCode::EditConflict));
    }
    a.status.transition(status).map_err(rule)?;
    let d = decision.or(a.decision.as_ref());
    let row: Option<ApplicationRow> = sqlx::query_as(&format!(
        "UPDATE grant_applications SET status = $1, euros_granted = $2, decided_on = $3, decision_ref = $4, \
         report_text = $5, euros_used = $6, reported_on = $7, version = version + 1 \
         WHERE id = $8 AND version = $9 RETURNING {APPLICATION_COLS}"
    ))
    .bind(status.as_str())
    .bind(d.and_then(|d| d.euros_granted))
    .bind(d.map(|d| d.decided_on.to_string()))
    .bind(d.map(|d| d.decision_ref.clone()))
    .bind(report.map(|r| r.text.clone()))
    .bind(report.and_then(|r| r.euros_used))
    .bind(report.map(|r| r.reported_on.to_string()))
    .bind(a.id)
    .bind(version)
    .fetch_optional(&mut **tx)
    .await?;
    row.ok_or(rule(ErrorCode::EditConflict))?.try_into()
}
