//! The portable SQL of grants: calls, applications, decisions and use reports.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::partners_queries::*;
use crate::sql::{audit, json, rule, Audit};
use chrono::NaiveDate;
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::partners::{
    ApplicationInput, ApplicationStatus, CallInput, GrantApplication, GrantCall, GrantDecision, UseReport,
};
use hyte_domain::{ErrorCode, OrgKind};
use hyte_store::partners::rows::{ApplicationRow, CallRow, APPLICATION_COLS, CALL_COLS};
use hyte_store::{Actor, Result};

/// Locks the grant call's row: decisions on its applications and edits of its budget take turns, so
/// the sum granted is checked against what the others committed (`budget_exceeded`).
async fn lock_call(tx: &mut crate::sql::Tx<'_>, id: i64) -> Result<()> {
    crate::sql::lock_row(tx, "UPDATE grant_calls SET version = version WHERE id = $1", id).await
}

pub(crate) async fn create_call(this: &crate::This, org_id: i64, c: &CallInput, actor: Actor) -> Result<GrantCall> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    org_exists(&mut tx, org_id).await?;
    let row: CallRow = sqlx::query_as(&format!(
        "INSERT INTO grant_calls (org_id, title, description, year, total_euros, deadline) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING {CALL_COLS}"
    ))
    .bind(org_id)
    .bind(&c.title)
    .bind(&c.description)
    .bind(c.year)
    .bind(c.total_euros)
    .bind(c.deadline.to_string())
    .fetch_one(&mut *tx)
    .await?;
    let added = GrantCall::try_from(row)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(org_id),
            action: AuditAction::GrantCallCreate,
            entity: "grant_call",
            entity_id: added.id.to_string(),
            before: None,
            after: json(&added),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(added)
}

pub(crate) async fn update_call(
    this: &crate::This,
    org_id: i64,
    id: i64,
    version: i64,
    c: &CallInput,
    actor: Actor,
) -> Result<GrantCall> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    lock_call(&mut tx, id).await?;
    let before = call_in(&mut tx, id).await?;
    if before.org_id != org_id {
        return Err(rule(ErrorCode::NotFound));
    }
    if before.version != version {
        return Err(rule(ErrorCode::EditConflict));
    }
    let granted: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(euros_granted), 0) AS BIGINT) FROM grant_applications WHERE call_id = $1",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    if granted > c.total_euros {
        return Err(rule(ErrorCode::BudgetExceeded));
    }
    let row: Option<CallRow> = sqlx::query_as(&format!(
        "UPDATE grant_calls SET title = $1, description = $2, year = $3, total_euros = $4, deadline = $5, \
         version = version + 1 WHERE id = $6 AND version = $7 RETURNING {CALL_COLS}"
    ))
    .bind(&c.title)
    .bind(&c.description)
    .bind(c.year)
    .bind(c.total_euros)
    .bind(c.deadline.to_string())
    .bind(id)
    .bind(version)
    .fetch_optional(&mut *tx)
    .await?;
    let after = GrantCall::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(org_id),
            action: AuditAction::GrantCallUpdate,
            entity: "grant_call",
            entity_id: id.to_string(),
            before: json(&before),
            after: json(&after),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn apply_for_grant(
    this: &crate::This,
    call_id: i64,
    applicant_org_id: i64,
    input: &ApplicationInput,
    today: NaiveDate,
    actor: Actor,
) -> Result<GrantApplication> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    lock_call(&mut tx, call_id).await?;
    let call = call_in(&mut tx, call_id).await?;
    org_exists(&mut tx, applicant_org_id).await?;
    let kind: String = sqlx::query_scalar("SELECT kind FROM organisations WHERE id = $1")
        .bind(applicant_org_id)
        .fetch_one(&mut *tx)
        .await?;
    if !OrgKind::parse(&kind).is_some_and(|k| call.may_apply(applicant_org_id, k)) {
        return Err(rule(ErrorCode::ApplicantNotAllowed));
    }
    if !call.is_open(today) {
        return Err(rule(ErrorCode::CallClosed));
    }
    let earlier: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM grant_applications WHERE call_id = $1 AND applicant_org_id = $2")
            .bind(call_id)
            .bind(applicant_org_id)
            .fetch_one(&mut *tx)
            .await?;
    if earlier > 0 {
        return Err(rule(ErrorCode::AlreadyApplied));
    }
    let row: ApplicationRow = sqlx::query_as(&format!(
        "INSERT INTO grant_applications (call_id, applicant_org_id, purpose, euros_applied, applied_on, status) \
         VALUES ($1, $2, $3, $4, $5, 'applied') RETURNING {APPLICATION_COLS}"
    ))
    .bind(call_id)
    .bind(applicant_org_id)
    .bind(&input.purpose)
    .bind(input.euros_applied)
    .bind(today.to_string())
    .fetch_one(&mut *tx)
    .await?;
    let added = GrantApplication::try_from(row)?;
    audit_both(&mut tx, actor, &call, AuditAction::GrantApply, None, &added).await?;
    tx.commit().await?;
    Ok(added)
}

pub(crate) async fn decide_application(
    this: &crate::This,
    id: i64,
    version: i64,
    d: &GrantDecision,
    actor: Actor,
) -> Result<GrantApplication> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let applied = application_in(&mut tx, id).await?;
    lock_call(&mut tx, applied.call_id).await?;
    // Read again under the call's lock: what concurrent decisions on this call committed is seen.
    let before = application_in(&mut tx, id).await?;
    let call = call_in(&mut tx, before.call_id).await?;
    if before.version != version {
        return Err(rule(ErrorCode::EditConflict));
    }
    before.status.transition(d.status()).map_err(rule)?;
    if let Some(euros) = d.euros_granted {
        let granted: i64 = sqlx::query_scalar(
            "SELECT CAST(COALESCE(SUM(euros_granted), 0) AS BIGINT) FROM grant_applications WHERE call_id = $1 AND id <> $2",
        )
        .bind(call.id)
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        if granted + euros > call.input.total_euros {
            return Err(rule(ErrorCode::BudgetExceeded));
        }
    }
    let after = step_application(&mut tx, &before, version, d.status(), Some(d), None).await?;
    audit_both(&mut tx, actor, &call, AuditAction::GrantDecide, Some(&before), &after).await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn report_grant_use(
    this: &crate::This,
    id: i64,
    version: i64,
    r: &UseReport,
    actor: Actor,
) -> Result<GrantApplication> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let before = application_in(&mut tx, id).await?;
    let call = call_in(&mut tx, before.call_id).await?;
    let after = step_application(&mut tx, &before, version, ApplicationStatus::Reported, None, Some(r)).await?;
    audit_both(&mut tx, actor, &call, AuditAction::GrantReport, Some(&before), &after).await?;
    tx.commit().await?;
    Ok(after)
}
