//! The portable SQL of assessments: starting, editing, rating, hearing participants.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::assessment_queries::*;
use crate::sql::{audit, is_unique, json, rule, Audit};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::assessment::{
    completeness, Assessment, AssessmentStatus, DecisionStatus, Participant, ParticipantInput, Rating, Template,
};
use hyte_domain::ErrorCode;
use hyte_store::assessment::rows::{
    def_json, groups_text, AssessmentRow, ParticipantRow, TemplateRow, ASSESSMENT_COLS,
};
use hyte_store::{Actor, Result};

pub(crate) async fn start_assessment(
    this: &crate::This,
    decision_id: i64,
    template_id: i64,
    actor: Actor,
) -> Result<Assessment> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let d = editable_decision(&mut tx, decision_id).await?;
    let t: Option<TemplateRow> =
        sqlx::query_as(&format!("SELECT {TEMPLATE_COLS} FROM assessment_templates WHERE org_id = $1 AND id = $2"))
            .bind(d.org_id)
            .bind(template_id)
            .fetch_optional(&mut *tx)
            .await?;
    let t = Template::try_from(t.ok_or(rule(ErrorCode::NotFound))?)?;
    let row: AssessmentRow = sqlx::query_as(&format!(
        "INSERT INTO assessments (decision_id, template_key, def_json, status) VALUES ($1, $2, $3, 'draft') \
         RETURNING {ASSESSMENT_COLS}"
    ))
    .bind(decision_id)
    .bind(&t.key)
    .bind(def_json(&t.def))
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| if is_unique(&e) { rule(ErrorCode::NameTaken) } else { e.into() })?;
    let a = Assessment::try_from(row)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(d.org_id),
            action: AuditAction::AssessmentCreate,
            entity: "assessment",
            entity_id: a.id.to_string(),
            before: None,
            after: json(&a),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(a)
}

pub(crate) async fn update_assessment(
    this: &crate::This,
    id: i64,
    version: i64,
    groups: &[usize],
    conclusion: Option<&str>,
    actor: Actor,
) -> Result<Assessment> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let (before, d) = draft_assessment(&mut tx, id).await?;
    if groups.iter().any(|g| *g >= before.def.groups.len()) {
        return Err(rule(ErrorCode::InvalidInput));
    }
    bump(&mut tx, id, version).await?;
    let row: AssessmentRow = sqlx::query_as(&format!(
        "UPDATE assessments SET groups = $1, conclusion = $2 WHERE id = $3 RETURNING {ASSESSMENT_COLS}"
    ))
    .bind(groups_text(groups))
    .bind(conclusion)
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let after = Assessment::try_from(row)?;
    let (b, a) = (json(&(&before.groups, &before.conclusion)), json(&(&after.groups, &after.conclusion)));
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(d.org_id),
            action: AuditAction::AssessmentUpdate,
            entity: "assessment",
            entity_id: id.to_string(),
            before: b,
            after: a,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn set_assessment_status(
    this: &crate::This,
    id: i64,
    version: i64,
    status: AssessmentStatus,
    actor: Actor,
) -> Result<Assessment> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let before = assessment_in(&mut tx, id).await?;
    let d = editable_decision(&mut tx, before.decision_id).await?;
    if before.status == status {
        return Err(rule(ErrorCode::StateTransitionInvalid));
    }
    if status == AssessmentStatus::Complete {
        let alternatives = alternatives_in(&mut tx, d.id).await?;
        let ratings = ratings_in(&mut tx, id).await?;
        let participants = participants_in(&mut tx, id).await?;
        completeness(&before, &alternatives, &ratings, &participants).map_err(rule)?;
    } else if d.status == DecisionStatus::Assessed {
        sqlx::query("UPDATE decisions SET status = 'preparing', version = version + 1 WHERE id = $1")
            .bind(d.id)
            .execute(&mut *tx)
            .await?;
    }
    bump(&mut tx, id, version).await?;
    let row: AssessmentRow =
        sqlx::query_as(&format!("UPDATE assessments SET status = $1 WHERE id = $2 RETURNING {ASSESSMENT_COLS}"))
            .bind(status.as_str())
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
    let after = Assessment::try_from(row)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(d.org_id),
            action: AuditAction::assessment(status),
            entity: "assessment",
            entity_id: id.to_string(),
            before: None,
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn save_ratings(
    this: &crate::This,
    assessment_id: i64,
    version: i64,
    alternative_id: i64,
    ratings: &[Rating],
    actor: Actor,
) -> Result<Assessment> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let (a, d) = draft_assessment(&mut tx, assessment_id).await?;
    if !alternatives_in(&mut tx, d.id).await?.iter().any(|x| x.id == alternative_id)
        || ratings.iter().any(|r| {
            r.alternative_id != alternative_id
                || r.area >= a.def.areas.len()
                || r.group >= a.def.groups.len()
                || r.short_term.into_iter().chain(r.long_term).any(|v| !a.def.scale.contains(v))
        })
    {
        return Err(rule(ErrorCode::InvalidInput));
    }
    bump(&mut tx, assessment_id, version).await?;
    sqlx::query("DELETE FROM assessment_ratings WHERE assessment_id = $1 AND alternative_id = $2")
        .bind(assessment_id)
        .bind(alternative_id)
        .execute(&mut *tx)
        .await?;
    for r in ratings {
        sqlx::query(&format!(
            "INSERT INTO assessment_ratings (assessment_id, {RATING_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
        ))
        .bind(assessment_id)
        .bind(alternative_id)
        .bind(r.area as i32)
        .bind(r.group as i32)
        .bind(r.short_term)
        .bind(r.long_term)
        .bind(r.uncertain)
        .bind(&r.justification)
        .execute(&mut *tx)
        .await?;
    }
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(d.org_id),
            action: AuditAction::AssessmentRate,
            entity: "assessment",
            entity_id: assessment_id.to_string(),
            before: None,
            after: json(&ratings),
        },
    )
    .await?;
    let after = assessment_in(&mut tx, assessment_id).await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn add_participant(
    this: &crate::This,
    assessment_id: i64,
    p: &ParticipantInput,
    actor: Actor,
) -> Result<Participant> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let (_, d) = draft_assessment(&mut tx, assessment_id).await?;
    let row: ParticipantRow = sqlx::query_as(&format!(
        "INSERT INTO assessment_participants (assessment_id, kind, who, heard_on, method, views) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING {PARTICIPANT_COLS}"
    ))
    .bind(assessment_id)
    .bind(p.kind.as_str())
    .bind(&p.who)
    .bind(p.heard_on.to_string())
    .bind(&p.method)
    .bind(&p.views)
    .fetch_one(&mut *tx)
    .await?;
    let added = Participant::try_from(row)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(d.org_id),
            action: AuditAction::ParticipantCreate,
            entity: "assessment_participant",
            entity_id: added.id.to_string(),
            before: None,
            after: json(&added),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(added)
}

pub(crate) async fn delete_participant(this: &crate::This, assessment_id: i64, id: i64, actor: Actor) -> Result<()> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let (_, d) = draft_assessment(&mut tx, assessment_id).await?;
    let before: Option<ParticipantRow> = sqlx::query_as(&format!(
        "DELETE FROM assessment_participants WHERE assessment_id = $1 AND id = $2 RETURNING {PARTICIPANT_COLS}"
    ))
    .bind(assessment_id)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let before = Participant::try_from(before.ok_or(rule(ErrorCode::NotFound))?)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(d.org_id),
            action: AuditAction::ParticipantDelete,
            entity: "assessment_participant",
            entity_id: id.to_string(),
            before: json(&before),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
