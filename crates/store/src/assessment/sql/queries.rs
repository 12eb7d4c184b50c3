//! The in-transaction queries that the impact assessment store's methods share.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::{audit, rule, Audit, Tx};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::assessment::{
    default_rules, default_templates, Alternative, Assessment, AssessmentStatus, Decision, Participant, Rating, Rule,
    RuleInput,
};
use hyte_domain::ErrorCode;
use hyte_store::assessment::rows::{
    def_json, AlternativeRow, AssessmentRow, DecisionRow, ParticipantRow, RatingRow, RuleRow, ALTERNATIVE_COLS,
    ASSESSMENT_COLS, DECISION_COLS,
};
use hyte_store::rows::collect;
use hyte_store::{Actor, Result};

pub(crate) const TEMPLATE_COLS: &str = "id, org_id, key, def_json, version";
pub(crate) const RULE_COLS: &str = "id, org_id, template_key, body, decision_type, sector_id, min_euros";
pub(crate) const PARTICIPANT_COLS: &str = "id, assessment_id, kind, who, heard_on, method, views";
pub(crate) const CITATION_COLS: &str = "assessment_id, indicator_id, grp, baseline_year, baseline_value";
pub(crate) const RATING_COLS: &str = "alternative_id, area, grp, short_term, long_term, uncertain, justification";

/// Creates the default templates and rules the first time an organisation needs them.
pub(crate) async fn ensure_defaults(tx: &mut Tx<'_>, org_id: i64) -> Result<()> {
    let fresh = sqlx::query("INSERT INTO assessment_setups (org_id) VALUES ($1) ON CONFLICT DO NOTHING")
        .bind(org_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    if fresh == 0 {
        return Ok(());
    }
    for (key, def) in default_templates() {
        sqlx::query("INSERT INTO assessment_templates (org_id, key, def_json) VALUES ($1, $2, $3)")
            .bind(org_id)
            .bind(key)
            .bind(def_json(&def))
            .execute(&mut **tx)
            .await?;
    }
    for r in default_rules() {
        insert_rule(tx, org_id, &r).await?;
    }
    audit(
        tx,
        Actor::SYSTEM,
        Audit {
            org_id: Some(org_id),
            action: AuditAction::AssessmentDefaults,
            entity: "organisation",
            entity_id: org_id.to_string(),
            before: None,
            after: None,
        },
    )
    .await
}

pub(crate) async fn insert_rule(tx: &mut Tx<'_>, org_id: i64, r: &RuleInput) -> Result<Rule> {
    crate::sql::use_sector(tx, org_id, r.sector_id).await?;
    let row: RuleRow = sqlx::query_as(&format!(
        "INSERT INTO assessment_rules (org_id, template_key, body, decision_type, sector_id, min_euros) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING {RULE_COLS}"
    ))
    .bind(org_id)
    .bind(&r.template_key)
    .bind(r.body.map(|b| b.as_str()))
    .bind(r.decision_type.map(|t| t.as_str()))
    .bind(r.sector_id)
    .bind(r.min_euros)
    .fetch_one(&mut **tx)
    .await?;
    row.try_into()
}

pub(crate) async fn rules_in(tx: &mut Tx<'_>, org_id: i64) -> Result<Vec<Rule>> {
    ensure_defaults(tx, org_id).await?;
    let rows: Vec<RuleRow> =
        sqlx::query_as(&format!("SELECT {RULE_COLS} FROM assessment_rules WHERE org_id = $1 ORDER BY id"))
            .bind(org_id)
            .fetch_all(&mut **tx)
            .await?;
    collect(rows)
}

pub(crate) async fn decision_in(tx: &mut Tx<'_>, id: i64) -> Result<Decision> {
    let row: Option<DecisionRow> = sqlx::query_as(&format!("SELECT {DECISION_COLS} FROM decisions WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

/// The decision, if it may still be changed.
pub(crate) async fn editable_decision(tx: &mut Tx<'_>, id: i64) -> Result<Decision> {
    // Locked first: the decision can't move on (assessed, decided) under an edit of it or of its
    // alternatives and assessments, and its status change waits for them.
    crate::sql::lock_row(tx, "UPDATE decisions SET version = version WHERE id = $1", id).await?;
    let d = decision_in(tx, id).await?;
    if !d.status.editable() {
        return Err(rule(ErrorCode::DecisionLocked));
    }
    Ok(d)
}

pub(crate) async fn assessments_in(tx: &mut Tx<'_>, decision_id: i64) -> Result<Vec<Assessment>> {
    let rows: Vec<AssessmentRow> =
        sqlx::query_as(&format!("SELECT {ASSESSMENT_COLS} FROM assessments WHERE decision_id = $1 ORDER BY id"))
            .bind(decision_id)
            .fetch_all(&mut **tx)
            .await?;
    collect(rows)
}

pub(crate) async fn assessment_in(tx: &mut Tx<'_>, id: i64) -> Result<Assessment> {
    let row: Option<AssessmentRow> =
        sqlx::query_as(&format!("SELECT {ASSESSMENT_COLS} FROM assessments WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

/// A draft assessment of an editable decision, and that decision.
pub(crate) async fn draft_assessment(tx: &mut Tx<'_>, id: i64) -> Result<(Assessment, Decision)> {
    let a = assessment_in(tx, id).await?;
    let d = editable_decision(tx, a.decision_id).await?;
    if a.status != AssessmentStatus::Draft {
        return Err(rule(ErrorCode::DecisionLocked));
    }
    Ok((a, d))
}

/// Moves the assessment's version on from `version` (`edit_conflict` when stale).
pub(crate) async fn bump(tx: &mut Tx<'_>, id: i64, version: i64) -> Result<()> {
    let n = sqlx::query("UPDATE assessments SET version = version + 1 WHERE id = $1 AND version = $2")
        .bind(id)
        .bind(version)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Err(rule(ErrorCode::EditConflict));
    }
    Ok(())
}

pub(crate) async fn alternatives_in(tx: &mut Tx<'_>, decision_id: i64) -> Result<Vec<Alternative>> {
    let rows: Vec<AlternativeRow> = sqlx::query_as(&format!(
        "SELECT {ALTERNATIVE_COLS} FROM decision_alternatives WHERE decision_id = $1 ORDER BY position, id"
    ))
    .bind(decision_id)
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows.into_iter().map(Alternative::from).collect())
}

pub(crate) async fn insert_alternative(
    tx: &mut Tx<'_>,
    decision_id: i64,
    name: &str,
    description: Option<&str>,
    is_zero: bool,
) -> Result<Alternative> {
    let row: AlternativeRow = sqlx::query_as(&format!(
        "INSERT INTO decision_alternatives (decision_id, position, name, description, is_zero) \
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM decision_alternatives WHERE decision_id = $1), \
         $2, $3, $4) RETURNING {ALTERNATIVE_COLS}"
    ))
    .bind(decision_id)
    .bind(name)
    .bind(description)
    .bind(is_zero)
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.into())
}

pub(crate) async fn ratings_in(tx: &mut Tx<'_>, assessment_id: i64) -> Result<Vec<Rating>> {
    let rows: Vec<RatingRow> = sqlx::query_as(&format!(
        "SELECT {RATING_COLS} FROM assessment_ratings WHERE assessment_id = $1 ORDER BY alternative_id, area, grp"
    ))
    .bind(assessment_id)
    .fetch_all(&mut **tx)
    .await?;
    collect(rows)
}

pub(crate) async fn participants_in(tx: &mut Tx<'_>, assessment_id: i64) -> Result<Vec<Participant>> {
    let rows: Vec<ParticipantRow> = sqlx::query_as(&format!(
        "SELECT {PARTICIPANT_COLS} FROM assessment_participants WHERE assessment_id = $1 ORDER BY heard_on, id"
    ))
    .bind(assessment_id)
    .fetch_all(&mut **tx)
    .await?;
    collect(rows)
}
