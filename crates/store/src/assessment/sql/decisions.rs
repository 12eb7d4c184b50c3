//! The portable SQL of decisions: creating, editing and moving them through their steps.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::assessment_queries::*;
use crate::sql::{audit, json, rule, Audit};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::assessment::{complete_templates, may_advance, required_templates, Decision, DecisionInput};
use hyte_domain::ErrorCode;
use hyte_store::assessment::rows::{DecisionRow, DECISION_COLS};
use hyte_store::assessment::DecisionStep;
use hyte_store::{Actor, Result};

pub(crate) async fn create_decision(
    this: &crate::This,
    org_id: i64,
    d: &DecisionInput,
    zero_option: &str,
    proposal: &str,
    actor: Actor,
) -> Result<Decision> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    crate::sql::use_sector(&mut tx, org_id, d.sector_id).await?;
    let row: DecisionRow = sqlx::query_as(&format!(
        "INSERT INTO decisions (org_id, title, description, body, decision_type, sector_id, preparer, \
         planned_on, euros, case_ref, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'preparing', $11) RETURNING {DECISION_COLS}"
    ))
    .bind(org_id)
    .bind(&d.title)
    .bind(&d.description)
    .bind(d.body.as_str())
    .bind(d.decision_type.as_str())
    .bind(d.sector_id)
    .bind(&d.preparer)
    .bind(d.planned_on.to_string())
    .bind(d.euros)
    .bind(&d.case_ref)
    .bind(chrono::Utc::now())
    .fetch_one(&mut *tx)
    .await?;
    let decision = Decision::try_from(row)?;
    insert_alternative(&mut tx, decision.id, zero_option, None, true).await?;
    insert_alternative(&mut tx, decision.id, proposal, None, false).await?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(org_id),
            action: AuditAction::DecisionCreate,
            entity: "decision",
            entity_id: decision.id.to_string(),
            before: None,
            after: json(&decision),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(decision)
}

pub(crate) async fn update_decision(
    this: &crate::This,
    id: i64,
    version: i64,
    d: &DecisionInput,
    actor: Actor,
) -> Result<Decision> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let before = editable_decision(&mut tx, id).await?;
    if before.version != version {
        return Err(rule(ErrorCode::EditConflict));
    }
    crate::sql::use_sector(&mut tx, before.org_id, d.sector_id).await?;
    let row: Option<DecisionRow> = sqlx::query_as(&format!(
        "UPDATE decisions SET title = $1, description = $2, body = $3, decision_type = $4, sector_id = $5, \
         preparer = $6, planned_on = $7, euros = $8, case_ref = $9, version = version + 1 \
         WHERE id = $10 AND version = $11 RETURNING {DECISION_COLS}"
    ))
    .bind(&d.title)
    .bind(&d.description)
    .bind(d.body.as_str())
    .bind(d.decision_type.as_str())
    .bind(d.sector_id)
    .bind(&d.preparer)
    .bind(d.planned_on.to_string())
    .bind(d.euros)
    .bind(&d.case_ref)
    .bind(id)
    .bind(version)
    .fetch_optional(&mut *tx)
    .await?;
    let after = Decision::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(after.org_id),
            action: AuditAction::DecisionUpdate,
            entity: "decision",
            entity_id: id.to_string(),
            before: json(&before),
            after: json(&after),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn set_decision_status(
    this: &crate::This,
    id: i64,
    version: i64,
    step: &DecisionStep,
    today: chrono::NaiveDate,
    actor: Actor,
) -> Result<Decision> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    // Locked before the assessments are read, which edits of them (locking it too) wait for.
    crate::sql::lock_row(&mut tx, "UPDATE decisions SET version = version WHERE id = $1", id).await?;
    let before = decision_in(&mut tx, id).await?;
    if before.version != version {
        return Err(rule(ErrorCode::EditConflict));
    }
    let required = required_templates(&rules_in(&mut tx, before.org_id).await?, &before.input);
    let complete = complete_templates(&assessments_in(&mut tx, id).await?);
    let follow_up_on = before.outcome.as_ref().and_then(|o| o.follow_up_on);
    may_advance(before.status, step.status(), &required, &complete, follow_up_on, today).map_err(rule)?;
    let sql = format!(
        "UPDATE decisions SET status = $1, decided_on = $2, decision_ref = $3, chosen_alternative = $4, \
         follow_up_on = $5, realised = $6, follow_up_note = $7, followed_up_on = $8, version = version + 1 \
         WHERE id = $9 AND version = $10 RETURNING {DECISION_COLS}"
    );
    let outcome = before.outcome.clone();
    let (outcome, follow_up) = match step {
        DecisionStep::Assessed | DecisionStep::Preparing => (None, None),
        DecisionStep::Decided(o) => {
            let alternatives = alternatives_in(&mut tx, id).await?;
            if o.chosen_alternative.is_some_and(|c| !alternatives.iter().any(|a| a.id == c)) {
                return Err(rule(ErrorCode::InvalidInput));
            }
            (Some(o.clone()), None)
        }
        DecisionStep::FollowedUp(f) => (outcome, Some(f.clone())),
    };
    let row: Option<DecisionRow> = sqlx::query_as(&sql)
        .bind(step.status().as_str())
        .bind(outcome.as_ref().map(|o| o.decided_on.to_string()))
        .bind(outcome.as_ref().map(|o| o.decision_ref.clone()))
        .bind(outcome.as_ref().and_then(|o| o.chosen_alternative))
        .bind(outcome.as_ref().and_then(|o| o.follow_up_on).map(|d| d.to_string()))
        .bind(follow_up.as_ref().map(|f| f.realised.as_str()))
        .bind(follow_up.as_ref().map(|f| f.note.clone()))
        .bind(follow_up.as_ref().map(|f| f.on.to_string()))
        .bind(id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?;
    let after = Decision::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(after.org_id),
            action: AuditAction::decision(after.status),
            entity: "decision",
            entity_id: id.to_string(),
            before: json(&before),
            after: json(&after),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}
