//! The portable SQL of impact assessment: the store's methods.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::assessment_queries::*;
use crate::sql::{audit, is_unique, json, rule, Audit};
use async_trait::async_trait;
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::assessment::{
    Alternative, AlternativeInput, Assessment, AssessmentStatus, Citation, Decision, DecisionInput, Participant,
    ParticipantInput, Rating, Rule, RuleInput, Template, TemplateDef,
};
use hyte_domain::ErrorCode;
use hyte_store::assessment::rows::{
    def_json, AlternativeRow, AssessmentRow, CitationRow, DecisionRow, RuleRow, TemplateRow, ALTERNATIVE_COLS,
    ASSESSMENT_COLS, DECISION_COLS,
};
use hyte_store::assessment::DecisionStep;
use hyte_store::rows::collect;
use hyte_store::{Actor, Result};

#[async_trait]
impl hyte_store::assessment::AssessmentStore for crate::This {
    async fn assessment_templates(&self, org_id: i64) -> Result<Vec<Template>> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        ensure_defaults(&mut tx, org_id).await?;
        let rows: Vec<TemplateRow> =
            sqlx::query_as(&format!("SELECT {TEMPLATE_COLS} FROM assessment_templates WHERE org_id = $1 ORDER BY id"))
                .bind(org_id)
                .fetch_all(&mut *tx)
                .await?;
        tx.commit().await?;
        collect(rows)
    }

    async fn create_template(&self, org_id: i64, key: &str, def: &TemplateDef, actor: Actor) -> Result<Template> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        ensure_defaults(&mut tx, org_id).await?;
        let row: TemplateRow = sqlx::query_as(&format!(
            "INSERT INTO assessment_templates (org_id, key, def_json) VALUES ($1, $2, $3) RETURNING {TEMPLATE_COLS}"
        ))
        .bind(org_id)
        .bind(key)
        .bind(def_json(def))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| if is_unique(&e) { rule(ErrorCode::NameTaken) } else { e.into() })?;
        let t = Template::try_from(row)?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::TemplateCreate,
                entity: "assessment_template",
                entity_id: t.id.to_string(),
                before: None,
                after: json(&t),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(t)
    }

    async fn update_template(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        def: &TemplateDef,
        actor: Actor,
    ) -> Result<Template> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before: Option<TemplateRow> =
            sqlx::query_as(&format!("SELECT {TEMPLATE_COLS} FROM assessment_templates WHERE org_id = $1 AND id = $2"))
                .bind(org_id)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let before = Template::try_from(before.ok_or(rule(ErrorCode::NotFound))?)?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        let row: Option<TemplateRow> = sqlx::query_as(&format!(
            "UPDATE assessment_templates SET def_json = $1, version = version + 1 WHERE id = $2 AND version = $3 \
             RETURNING {TEMPLATE_COLS}"
        ))
        .bind(def_json(def))
        .bind(id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?;
        let after = Template::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::TemplateUpdate,
                entity: "assessment_template",
                entity_id: id.to_string(),
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn assessment_rules(&self, org_id: i64) -> Result<Vec<Rule>> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let rules = rules_in(&mut tx, org_id).await?;
        tx.commit().await?;
        Ok(rules)
    }

    async fn add_rule(&self, org_id: i64, r: &RuleInput, actor: Actor) -> Result<Rule> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        ensure_defaults(&mut tx, org_id).await?;
        let added = insert_rule(&mut tx, org_id, r).await?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::RuleCreate,
                entity: "assessment_rule",
                entity_id: added.id.to_string(),
                before: None,
                after: json(&added),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(added)
    }

    async fn delete_rule(&self, org_id: i64, id: i64, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before: Option<RuleRow> = sqlx::query_as(&format!(
            "DELETE FROM assessment_rules WHERE org_id = $1 AND id = $2 RETURNING {RULE_COLS}"
        ))
        .bind(org_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let before = Rule::try_from(before.ok_or(rule(ErrorCode::NotFound))?)?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::RuleDelete,
                entity: "assessment_rule",
                entity_id: id.to_string(),
                before: json(&before),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn create_decision(
        &self,
        org_id: i64,
        d: &DecisionInput,
        zero_option: &str,
        proposal: &str,
        actor: Actor,
    ) -> Result<Decision> {
        crate::sql::assessment_decisions::create_decision(self, org_id, d, zero_option, proposal, actor).await
    }

    async fn get_decision(&self, id: i64) -> Result<Option<Decision>> {
        let row: Option<DecisionRow> = sqlx::query_as(&format!("SELECT {DECISION_COLS} FROM decisions WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(Decision::try_from).transpose()
    }

    async fn list_decisions(&self, org_id: i64) -> Result<Vec<Decision>> {
        let rows: Vec<DecisionRow> = sqlx::query_as(&format!(
            "SELECT {DECISION_COLS} FROM decisions WHERE org_id = $1 ORDER BY planned_on DESC, id DESC"
        ))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn update_decision(&self, id: i64, version: i64, d: &DecisionInput, actor: Actor) -> Result<Decision> {
        crate::sql::assessment_decisions::update_decision(self, id, version, d, actor).await
    }

    async fn set_decision_status(
        &self,
        id: i64,
        version: i64,
        step: &DecisionStep,
        today: chrono::NaiveDate,
        actor: Actor,
    ) -> Result<Decision> {
        crate::sql::assessment_decisions::set_decision_status(self, id, version, step, today, actor).await
    }

    async fn decision_alternatives(&self, decision_id: i64) -> Result<Vec<Alternative>> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let a = alternatives_in(&mut tx, decision_id).await?;
        tx.commit().await?;
        Ok(a)
    }

    async fn add_alternative(&self, decision_id: i64, input: &AlternativeInput, actor: Actor) -> Result<Alternative> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let d = editable_decision(&mut tx, decision_id).await?;
        let a = insert_alternative(&mut tx, decision_id, &input.name, input.description.as_deref(), false).await?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(d.org_id),
                action: AuditAction::AlternativeCreate,
                entity: "decision_alternative",
                entity_id: a.id.to_string(),
                before: None,
                after: json(&a),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(a)
    }

    async fn update_alternative(
        &self,
        decision_id: i64,
        id: i64,
        version: i64,
        input: &AlternativeInput,
        actor: Actor,
    ) -> Result<Alternative> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let d = editable_decision(&mut tx, decision_id).await?;
        let before = alternatives_in(&mut tx, decision_id).await?.into_iter().find(|a| a.id == id);
        let before = before.ok_or(rule(ErrorCode::NotFound))?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        let row: Option<AlternativeRow> = sqlx::query_as(&format!(
            "UPDATE decision_alternatives SET name = $1, description = $2, version = version + 1 \
             WHERE id = $3 AND version = $4 RETURNING {ALTERNATIVE_COLS}"
        ))
        .bind(&input.name)
        .bind(&input.description)
        .bind(id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?;
        let after = Alternative::from(row.ok_or(rule(ErrorCode::EditConflict))?);
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(d.org_id),
                action: AuditAction::AlternativeUpdate,
                entity: "decision_alternative",
                entity_id: id.to_string(),
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn delete_alternative(&self, decision_id: i64, id: i64, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let d = editable_decision(&mut tx, decision_id).await?;
        let before = alternatives_in(&mut tx, decision_id).await?.into_iter().find(|a| a.id == id);
        let before = before.ok_or(rule(ErrorCode::NotFound))?;
        if before.is_zero {
            return Err(rule(ErrorCode::InvalidInput));
        }
        sqlx::query("DELETE FROM assessment_ratings WHERE alternative_id = $1").bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM decision_alternatives WHERE id = $1").bind(id).execute(&mut *tx).await?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(d.org_id),
                action: AuditAction::AlternativeDelete,
                entity: "decision_alternative",
                entity_id: id.to_string(),
                before: json(&before),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn start_assessment(&self, decision_id: i64, template_id: i64, actor: Actor) -> Result<Assessment> {
        crate::sql::assessment_assessments::start_assessment(self, decision_id, template_id, actor).await
    }

    async fn get_assessment(&self, id: i64) -> Result<Option<Assessment>> {
        let row: Option<AssessmentRow> =
            sqlx::query_as(&format!("SELECT {ASSESSMENT_COLS} FROM assessments WHERE id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(Assessment::try_from).transpose()
    }

    async fn decision_assessments(&self, decision_id: i64) -> Result<Vec<Assessment>> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let a = assessments_in(&mut tx, decision_id).await?;
        tx.commit().await?;
        Ok(a)
    }

    async fn org_assessments(&self, org_id: i64) -> Result<Vec<Assessment>> {
        let rows: Vec<AssessmentRow> = sqlx::query_as(&format!(
            "SELECT {ASSESSMENT_COLS} FROM assessments \
             WHERE decision_id IN (SELECT id FROM decisions WHERE org_id = $1) ORDER BY decision_id, id"
        ))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn update_assessment(
        &self,
        id: i64,
        version: i64,
        groups: &[usize],
        conclusion: Option<&str>,
        actor: Actor,
    ) -> Result<Assessment> {
        crate::sql::assessment_assessments::update_assessment(self, id, version, groups, conclusion, actor).await
    }

    async fn set_assessment_status(
        &self,
        id: i64,
        version: i64,
        status: AssessmentStatus,
        actor: Actor,
    ) -> Result<Assessment> {
        crate::sql::assessment_assessments::set_assessment_status(self, id, version, status, actor).await
    }

    async fn assessment_ratings(&self, assessment_id: i64) -> Result<Vec<Rating>> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let r = ratings_in(&mut tx, assessment_id).await?;
        tx.commit().await?;
        Ok(r)
    }

    async fn save_ratings(
        &self,
        assessment_id: i64,
        version: i64,
        alternative_id: i64,
        ratings: &[Rating],
        actor: Actor,
    ) -> Result<Assessment> {
        crate::sql::assessment_assessments::save_ratings(self, assessment_id, version, alternative_id, ratings, actor)
            .await
    }

    async fn assessment_participants(&self, assessment_id: i64) -> Result<Vec<Participant>> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let p = participants_in(&mut tx, assessment_id).await?;
        tx.commit().await?;
        Ok(p)
    }

    async fn add_participant(&self, assessment_id: i64, p: &ParticipantInput, actor: Actor) -> Result<Participant> {
        crate::sql::assessment_assessments::add_participant(self, assessment_id, p, actor).await
    }

    async fn delete_participant(&self, assessment_id: i64, id: i64, actor: Actor) -> Result<()> {
        crate::sql::assessment_assessments::delete_participant(self, assessment_id, id, actor).await
    }

    async fn assessment_citations(&self, assessment_id: i64) -> Result<Vec<Citation>> {
        let rows: Vec<CitationRow> = sqlx::query_as(&format!(
            "SELECT {CITATION_COLS} FROM assessment_citations WHERE assessment_id = $1 ORDER BY indicator_id"
        ))
        .bind(assessment_id)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn cite(&self, c: &Citation, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let (_, d) = draft_assessment(&mut tx, c.assessment_id).await?;
        crate::sql::usable_indicators(&mut tx, d.org_id, &[c.indicator_id]).await?;
        sqlx::query(&format!(
            "INSERT INTO assessment_citations ({CITATION_COLS}) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (assessment_id, indicator_id) DO UPDATE SET grp = excluded.grp, \
             baseline_year = excluded.baseline_year, baseline_value = excluded.baseline_value"
        ))
        .bind(c.assessment_id)
        .bind(c.indicator_id)
        .bind(c.group.map(|g| g as i32))
        .bind(c.baseline_year)
        .bind(c.baseline_value)
        .execute(&mut *tx)
        .await?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(d.org_id),
                action: AuditAction::AssessmentCite,
                entity: "assessment",
                entity_id: c.assessment_id.to_string(),
                before: None,
                after: json(c),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn uncite(&self, assessment_id: i64, indicator_id: i64, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let (_, d) = draft_assessment(&mut tx, assessment_id).await?;
        let n = sqlx::query("DELETE FROM assessment_citations WHERE assessment_id = $1 AND indicator_id = $2")
            .bind(assessment_id)
            .bind(indicator_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(rule(ErrorCode::NotFound));
        }
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(d.org_id),
                action: AuditAction::AssessmentUncite,
                entity: "assessment",
                entity_id: assessment_id.to_string(),
                before: Some(indicator_id.to_string()),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
