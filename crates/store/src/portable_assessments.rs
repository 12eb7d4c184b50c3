//! Portable SQL for impact assessment ([`crate::assessments::AssessmentStore`]).

#[macro_export]
macro_rules! impl_assessment_store {
    ($store:ty, $db:ty) => {
        const _: () = {
            use $crate::assessment_rows::{
                def_json, groups_text, AlternativeRow, AssessmentRow, CitationRow, DecisionRow, ParticipantRow,
                RatingRow, RuleRow, TemplateRow, ALTERNATIVE_COLS, ASSESSMENT_COLS, DECISION_COLS,
            };
            use $crate::assessments::DecisionStep;
            use $crate::rows::collect;
            use $crate::{Actor, Result};
            use ::async_trait::async_trait;
            use ::hyte_domain::assessment::{
                completeness, default_rules, default_templates, required_templates, Alternative, AlternativeInput,
                Assessment, AssessmentStatus, Citation, Decision, DecisionInput, DecisionStatus, Participant,
                ParticipantInput, Rating, Rule, RuleInput, Template, TemplateDef,
            };
            use ::hyte_domain::ErrorCode;

            $crate::portable_helpers!($db);

            const TEMPLATE_COLS: &str = "id, org_id, key, def_json, version";
            const RULE_COLS: &str = "id, org_id, template_key, body, decision_type, sector_id, min_euros";
            const PARTICIPANT_COLS: &str = "id, assessment_id, kind, who, heard_on, method, views";
            const CITATION_COLS: &str = "assessment_id, indicator_id, grp, baseline_year, baseline_value";
            const RATING_COLS: &str = "alternative_id, area, grp, short_term, long_term, uncertain, justification";

            /// Creates the default templates and rules the first time an organisation needs them.
            async fn ensure_defaults(tx: &mut Tx<'_>, org_id: i64) -> Result<()> {
                let fresh = ::sqlx::query("INSERT INTO assessment_setups (org_id) VALUES ($1) ON CONFLICT DO NOTHING")
                    .bind(org_id)
                    .execute(&mut **tx)
                    .await?
                    .rows_affected();
                if fresh == 0 {
                    return Ok(());
                }
                for (key, def) in default_templates() {
                    ::sqlx::query("INSERT INTO assessment_templates (org_id, key, def_json) VALUES ($1, $2, $3)")
                        .bind(org_id)
                        .bind(key)
                        .bind(def_json(&def))
                        .execute(&mut **tx)
                        .await?;
                }
                for r in default_rules() {
                    insert_rule(tx, org_id, &r).await?;
                }
                audit(tx, Actor::SYSTEM, Some(org_id), "assessment.defaults", "organisation", org_id.to_string(), None, None)
                    .await
            }

            async fn insert_rule(tx: &mut Tx<'_>, org_id: i64, r: &RuleInput) -> Result<Rule> {
                let row: RuleRow = ::sqlx::query_as(&format!(
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

            async fn rules_in(tx: &mut Tx<'_>, org_id: i64) -> Result<Vec<Rule>> {
                ensure_defaults(tx, org_id).await?;
                let rows: Vec<RuleRow> =
                    ::sqlx::query_as(&format!("SELECT {RULE_COLS} FROM assessment_rules WHERE org_id = $1 ORDER BY id"))
                        .bind(org_id)
                        .fetch_all(&mut **tx)
                        .await?;
                collect(rows)
            }

            async fn decision_in(tx: &mut Tx<'_>, id: i64) -> Result<Decision> {
                let row: Option<DecisionRow> =
                    ::sqlx::query_as(&format!("SELECT {DECISION_COLS} FROM decisions WHERE id = $1"))
                        .bind(id)
                        .fetch_optional(&mut **tx)
                        .await?;
                row.ok_or(rule(ErrorCode::NotFound))?.try_into()
            }

            /// The decision, if it may still be changed.
            async fn editable_decision(tx: &mut Tx<'_>, id: i64) -> Result<Decision> {
                let d = decision_in(tx, id).await?;
                if !d.status.editable() {
                    return Err(rule(ErrorCode::DecisionLocked));
                }
                Ok(d)
            }

            async fn assessments_in(tx: &mut Tx<'_>, decision_id: i64) -> Result<Vec<Assessment>> {
                let rows: Vec<AssessmentRow> = ::sqlx::query_as(&format!(
                    "SELECT {ASSESSMENT_COLS} FROM assessments WHERE decision_id = $1 ORDER BY id"
                ))
                .bind(decision_id)
                .fetch_all(&mut **tx)
                .await?;
                collect(rows)
            }

            async fn assessment_in(tx: &mut Tx<'_>, id: i64) -> Result<Assessment> {
                let row: Option<AssessmentRow> =
                    ::sqlx::query_as(&format!("SELECT {ASSESSMENT_COLS} FROM assessments WHERE id = $1"))
                        .bind(id)
                        .fetch_optional(&mut **tx)
                        .await?;
                row.ok_or(rule(ErrorCode::NotFound))?.try_into()
            }

            /// A draft assessment of an editable decision, and that decision.
            async fn draft_assessment(tx: &mut Tx<'_>, id: i64) -> Result<(Assessment, Decision)> {
                let a = assessment_in(tx, id).await?;
                let d = editable_decision(tx, a.decision_id).await?;
                if a.status != AssessmentStatus::Draft {
                    return Err(rule(ErrorCode::DecisionLocked));
                }
                Ok((a, d))
            }

            /// Moves the assessment's version on from `version` (`edit_conflict` when stale).
            async fn bump(tx: &mut Tx<'_>, id: i64, version: i64) -> Result<()> {
                let n = ::sqlx::query("UPDATE assessments SET version = version + 1 WHERE id = $1 AND version = $2")
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

            async fn alternatives_in(tx: &mut Tx<'_>, decision_id: i64) -> Result<Vec<Alternative>> {
                let rows: Vec<AlternativeRow> = ::sqlx::query_as(&format!(
                    "SELECT {ALTERNATIVE_COLS} FROM decision_alternatives WHERE decision_id = $1 ORDER BY position, id"
                ))
                .bind(decision_id)
                .fetch_all(&mut **tx)
                .await?;
                Ok(rows.into_iter().map(Alternative::from).collect())
            }

            async fn insert_alternative(
                tx: &mut Tx<'_>,
                decision_id: i64,
                name: &str,
                description: Option<&str>,
                is_zero: bool,
            ) -> Result<Alternative> {
                let row: AlternativeRow = ::sqlx::query_as(&format!(
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

            async fn ratings_in(tx: &mut Tx<'_>, assessment_id: i64) -> Result<Vec<Rating>> {
                let rows: Vec<RatingRow> = ::sqlx::query_as(&format!(
                    "SELECT {RATING_COLS} FROM assessment_ratings WHERE assessment_id = $1 ORDER BY alternative_id, area, grp"
                ))
                .bind(assessment_id)
                .fetch_all(&mut **tx)
                .await?;
                collect(rows)
            }

            async fn participants_in(tx: &mut Tx<'_>, assessment_id: i64) -> Result<Vec<Participant>> {
                let rows: Vec<ParticipantRow> = ::sqlx::query_as(&format!(
                    "SELECT {PARTICIPANT_COLS} FROM assessment_participants WHERE assessment_id = $1 ORDER BY heard_on, id"
                ))
                .bind(assessment_id)
                .fetch_all(&mut **tx)
                .await?;
                collect(rows)
            }

            #[async_trait]
            impl $crate::assessments::AssessmentStore for $store {
                async fn assessment_templates(&self, org_id: i64) -> Result<Vec<Template>> {
                    let mut tx = self.pool.begin().await?;
                    ensure_defaults(&mut tx, org_id).await?;
                    let rows: Vec<TemplateRow> = ::sqlx::query_as(&format!(
                        "SELECT {TEMPLATE_COLS} FROM assessment_templates WHERE org_id = $1 ORDER BY id"
                    ))
                    .bind(org_id)
                    .fetch_all(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    collect(rows)
                }

                async fn create_template(&self, org_id: i64, key: &str, def: &TemplateDef, actor: Actor) -> Result<Template> {
                    let mut tx = self.pool.begin().await?;
                    ensure_defaults(&mut tx, org_id).await?;
                    let row: TemplateRow = ::sqlx::query_as(&format!(
                        "INSERT INTO assessment_templates (org_id, key, def_json) VALUES ($1, $2, $3) RETURNING {TEMPLATE_COLS}"
                    ))
                    .bind(org_id)
                    .bind(key)
                    .bind(def_json(def))
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(|e| if is_unique(&e) { rule(ErrorCode::NameTaken) } else { e.into() })?;
                    let t = Template::try_from(row)?;
                    audit(&mut tx, actor, Some(org_id), "template.create", "assessment_template", t.id.to_string(), None, json(&t))
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
                    let mut tx = self.pool.begin().await?;
                    let before: Option<TemplateRow> = ::sqlx::query_as(&format!(
                        "SELECT {TEMPLATE_COLS} FROM assessment_templates WHERE org_id = $1 AND id = $2"
                    ))
                    .bind(org_id)
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let before = Template::try_from(before.ok_or(rule(ErrorCode::NotFound))?)?;
                    if before.version != version {
                        return Err(rule(ErrorCode::EditConflict));
                    }
                    let row: TemplateRow = ::sqlx::query_as(&format!(
                        "UPDATE assessment_templates SET def_json = $1, version = version + 1 WHERE id = $2 \
                         RETURNING {TEMPLATE_COLS}"
                    ))
                    .bind(def_json(def))
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                    let after = Template::try_from(row)?;
                    audit(&mut tx, actor, Some(org_id), "template.update", "assessment_template", id.to_string(), json(&before), json(&after))
                        .await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn assessment_rules(&self, org_id: i64) -> Result<Vec<Rule>> {
                    let mut tx = self.pool.begin().await?;
                    let rules = rules_in(&mut tx, org_id).await?;
                    tx.commit().await?;
                    Ok(rules)
                }

                async fn add_rule(&self, org_id: i64, r: &RuleInput, actor: Actor) -> Result<Rule> {
                    let mut tx = self.pool.begin().await?;
                    ensure_defaults(&mut tx, org_id).await?;
                    let added = insert_rule(&mut tx, org_id, r).await?;
                    audit(&mut tx, actor, Some(org_id), "rule.create", "assessment_rule", added.id.to_string(), None, json(&added))
                        .await?;
                    tx.commit().await?;
                    Ok(added)
                }

                async fn delete_rule(&self, org_id: i64, id: i64, actor: Actor) -> Result<()> {
                    let mut tx = self.pool.begin().await?;
                    let before: Option<RuleRow> = ::sqlx::query_as(&format!(
                        "DELETE FROM assessment_rules WHERE org_id = $1 AND id = $2 RETURNING {RULE_COLS}"
                    ))
                    .bind(org_id)
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let before = Rule::try_from(before.ok_or(rule(ErrorCode::NotFound))?)?;
                    audit(&mut tx, actor, Some(org_id), "rule.delete", "assessment_rule", id.to_string(), json(&before), None)
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
                    let mut tx = self.pool.begin().await?;
                    let row: DecisionRow = ::sqlx::query_as(&format!(
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
                    .bind(::chrono::Utc::now())
                    .fetch_one(&mut *tx)
                    .await?;
                    let decision = Decision::try_from(row)?;
                    insert_alternative(&mut tx, decision.id, zero_option, None, true).await?;
                    insert_alternative(&mut tx, decision.id, proposal, None, false).await?;
                    audit(&mut tx, actor, Some(org_id), "decision.create", "decision", decision.id.to_string(), None, json(&decision))
                        .await?;
                    tx.commit().await?;
                    Ok(decision)
                }

                async fn get_decision(&self, id: i64) -> Result<Option<Decision>> {
                    let row: Option<DecisionRow> =
                        ::sqlx::query_as(&format!("SELECT {DECISION_COLS} FROM decisions WHERE id = $1"))
                            .bind(id)
                            .fetch_optional(&self.pool)
                            .await?;
                    row.map(Decision::try_from).transpose()
                }

                async fn list_decisions(&self, org_id: i64) -> Result<Vec<Decision>> {
                    let rows: Vec<DecisionRow> = ::sqlx::query_as(&format!(
                        "SELECT {DECISION_COLS} FROM decisions WHERE org_id = $1 ORDER BY planned_on DESC, id DESC"
                    ))
                    .bind(org_id)
                    .fetch_all(&self.pool)
                    .await?;
                    collect(rows)
                }

                async fn update_decision(&self, id: i64, version: i64, d: &DecisionInput, actor: Actor) -> Result<Decision> {
                    let mut tx = self.pool.begin().await?;
                    let before = editable_decision(&mut tx, id).await?;
                    if before.version != version {
                        return Err(rule(ErrorCode::EditConflict));
                    }
                    let row: DecisionRow = ::sqlx::query_as(&format!(
                        "UPDATE decisions SET title = $1, description = $2, body = $3, decision_type = $4, sector_id = $5, \
                         preparer = $6, planned_on = $7, euros = $8, case_ref = $9, version = version + 1 \
                         WHERE id = $10 RETURNING {DECISION_COLS}"
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
                    .fetch_one(&mut *tx)
                    .await?;
                    let after = Decision::try_from(row)?;
                    audit(&mut tx, actor, Some(after.org_id), "decision.update", "decision", id.to_string(), json(&before), json(&after))
                        .await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn set_decision_status(
                    &self,
                    id: i64,
                    version: i64,
                    step: &DecisionStep,
                    today: ::chrono::NaiveDate,
                    actor: Actor,
                ) -> Result<Decision> {
                    let mut tx = self.pool.begin().await?;
                    let before = decision_in(&mut tx, id).await?;
                    if before.version != version {
                        return Err(rule(ErrorCode::EditConflict));
                    }
                    before.status.transition(step.status()).map_err(rule)?;
                    let required = required_templates(&rules_in(&mut tx, before.org_id).await?, &before.input);
                    let assessments = assessments_in(&mut tx, id).await?;
                    let complete = |k: &str| {
                        assessments.iter().any(|a| a.template_key == k && a.status == AssessmentStatus::Complete)
                    };
                    let sql = format!(
                        "UPDATE decisions SET status = $1, decided_on = $2, decision_ref = $3, chosen_alternative = $4, \
                         follow_up_on = $5, realised = $6, follow_up_note = $7, followed_up_on = $8, version = version + 1 \
                         WHERE id = $9 RETURNING {DECISION_COLS}"
                    );
                    let outcome = before.outcome.clone();
                    let (outcome, follow_up) = match step {
                        DecisionStep::Assessed => {
                            let any = assessments.iter().any(|a| a.status == AssessmentStatus::Complete);
                            if !any || !required.iter().all(|k| complete(k)) {
                                return Err(rule(ErrorCode::AssessmentMissing));
                            }
                            (None, None)
                        }
                        DecisionStep::Preparing => (None, None),
                        DecisionStep::Decided(o) => {
                            if before.status == DecisionStatus::Preparing && !required.iter().all(|k| complete(k)) {
                                return Err(rule(ErrorCode::AssessmentMissing));
                            }
                            let alternatives = alternatives_in(&mut tx, id).await?;
                            if o.chosen_alternative.is_some_and(|c| !alternatives.iter().any(|a| a.id == c)) {
                                return Err(rule(ErrorCode::InvalidInput));
                            }
                            (Some(o.clone()), None)
                        }
                        DecisionStep::FollowedUp(f) => {
                            if outcome.as_ref().and_then(|o| o.follow_up_on).is_some_and(|d| d > today) {
                                return Err(rule(ErrorCode::FollowUpNotDue));
                            }
                            (outcome, Some(f.clone()))
                        }
                    };
                    let row: DecisionRow = ::sqlx::query_as(&sql)
                        .bind(step.status().as_str())
                        .bind(outcome.as_ref().map(|o| o.decided_on.to_string()))
                        .bind(outcome.as_ref().map(|o| o.decision_ref.clone()))
                        .bind(outcome.as_ref().and_then(|o| o.chosen_alternative))
                        .bind(outcome.as_ref().and_then(|o| o.follow_up_on).map(|d| d.to_string()))
                        .bind(follow_up.as_ref().map(|f| f.realised.as_str()))
                        .bind(follow_up.as_ref().map(|f| f.note.clone()))
                        .bind(follow_up.as_ref().map(|f| f.on.to_string()))
                        .bind(id)
                        .fetch_one(&mut *tx)
                        .await?;
                    let after = Decision::try_from(row)?;
                    let action = format!("decision.{}", after.status.as_str());
                    audit(&mut tx, actor, Some(after.org_id), &action, "decision", id.to_string(), json(&before), json(&after))
                        .await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn decision_alternatives(&self, decision_id: i64) -> Result<Vec<Alternative>> {
                    let mut tx = self.pool.begin().await?;
                    let a = alternatives_in(&mut tx, decision_id).await?;
                    tx.commit().await?;
                    Ok(a)
                }

                async fn add_alternative(&self, decision_id: i64, input: &AlternativeInput, actor: Actor) -> Result<Alternative> {
                    let mut tx = self.pool.begin().await?;
                    let d = editable_decision(&mut tx, decision_id).await?;
                    let a = insert_alternative(&mut tx, decision_id, &input.name, input.description.as_deref(), false).await?;
                    audit(&mut tx, actor, Some(d.org_id), "alternative.create", "decision_alternative", a.id.to_string(), None, json(&a))
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
                    let mut tx = self.pool.begin().await?;
                    let d = editable_decision(&mut tx, decision_id).await?;
                    let before = alternatives_in(&mut tx, decision_id).await?.into_iter().find(|a| a.id == id);
                    let before = before.ok_or(rule(ErrorCode::NotFound))?;
                    if before.version != version {
                        return Err(rule(ErrorCode::EditConflict));
                    }
                    let row: AlternativeRow = ::sqlx::query_as(&format!(
                        "UPDATE decision_alternatives SET name = $1, description = $2, version = version + 1 \
                         WHERE id = $3 RETURNING {ALTERNATIVE_COLS}"
                    ))
                    .bind(&input.name)
                    .bind(&input.description)
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                    let after = Alternative::from(row);
                    audit(&mut tx, actor, Some(d.org_id), "alternative.update", "decision_alternative", id.to_string(), json(&before), json(&after))
                        .await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn delete_alternative(&self, decision_id: i64, id: i64, actor: Actor) -> Result<()> {
                    let mut tx = self.pool.begin().await?;
                    let d = editable_decision(&mut tx, decision_id).await?;
                    let before = alternatives_in(&mut tx, decision_id).await?.into_iter().find(|a| a.id == id);
                    let before = before.ok_or(rule(ErrorCode::NotFound))?;
                    if before.is_zero {
                        return Err(rule(ErrorCode::InvalidInput));
                    }
                    ::sqlx::query("DELETE FROM assessment_ratings WHERE alternative_id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    ::sqlx::query("DELETE FROM decision_alternatives WHERE id = $1").bind(id).execute(&mut *tx).await?;
                    audit(&mut tx, actor, Some(d.org_id), "alternative.delete", "decision_alternative", id.to_string(), json(&before), None)
                        .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn start_assessment(&self, decision_id: i64, template_id: i64, actor: Actor) -> Result<Assessment> {
                    let mut tx = self.pool.begin().await?;
                    let d = editable_decision(&mut tx, decision_id).await?;
                    let t: Option<TemplateRow> = ::sqlx::query_as(&format!(
                        "SELECT {TEMPLATE_COLS} FROM assessment_templates WHERE org_id = $1 AND id = $2"
                    ))
                    .bind(d.org_id)
                    .bind(template_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let t = Template::try_from(t.ok_or(rule(ErrorCode::NotFound))?)?;
                    let row: AssessmentRow = ::sqlx::query_as(&format!(
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
                    audit(&mut tx, actor, Some(d.org_id), "assessment.create", "assessment", a.id.to_string(), None, json(&a))
                        .await?;
                    tx.commit().await?;
                    Ok(a)
                }

                async fn get_assessment(&self, id: i64) -> Result<Option<Assessment>> {
                    let row: Option<AssessmentRow> =
                        ::sqlx::query_as(&format!("SELECT {ASSESSMENT_COLS} FROM assessments WHERE id = $1"))
                            .bind(id)
                            .fetch_optional(&self.pool)
                            .await?;
                    row.map(Assessment::try_from).transpose()
                }

                async fn decision_assessments(&self, decision_id: i64) -> Result<Vec<Assessment>> {
                    let mut tx = self.pool.begin().await?;
                    let a = assessments_in(&mut tx, decision_id).await?;
                    tx.commit().await?;
                    Ok(a)
                }

                async fn org_assessments(&self, org_id: i64) -> Result<Vec<Assessment>> {
                    let rows: Vec<AssessmentRow> = ::sqlx::query_as(&format!(
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
                    let mut tx = self.pool.begin().await?;
                    let (before, d) = draft_assessment(&mut tx, id).await?;
                    if groups.iter().any(|g| *g >= before.def.groups.len()) {
                        return Err(rule(ErrorCode::InvalidInput));
                    }
                    bump(&mut tx, id, version).await?;
                    let row: AssessmentRow = ::sqlx::query_as(&format!(
                        "UPDATE assessments SET groups = $1, conclusion = $2 WHERE id = $3 RETURNING {ASSESSMENT_COLS}"
                    ))
                    .bind(groups_text(groups))
                    .bind(conclusion)
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                    let after = Assessment::try_from(row)?;
                    let (b, a) = (json(&(&before.groups, &before.conclusion)), json(&(&after.groups, &after.conclusion)));
                    audit(&mut tx, actor, Some(d.org_id), "assessment.update", "assessment", id.to_string(), b, a).await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn set_assessment_status(
                    &self,
                    id: i64,
                    version: i64,
                    status: AssessmentStatus,
                    actor: Actor,
                ) -> Result<Assessment> {
                    let mut tx = self.pool.begin().await?;
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
                        ::sqlx::query("UPDATE decisions SET status = 'preparing', version = version + 1 WHERE id = $1")
                            .bind(d.id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    bump(&mut tx, id, version).await?;
                    let row: AssessmentRow = ::sqlx::query_as(&format!(
                        "UPDATE assessments SET status = $1 WHERE id = $2 RETURNING {ASSESSMENT_COLS}"
                    ))
                    .bind(status.as_str())
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                    let after = Assessment::try_from(row)?;
                    let action = format!("assessment.{}", status.as_str());
                    audit(&mut tx, actor, Some(d.org_id), &action, "assessment", id.to_string(), None, None).await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn assessment_ratings(&self, assessment_id: i64) -> Result<Vec<Rating>> {
                    let mut tx = self.pool.begin().await?;
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
                    let mut tx = self.pool.begin().await?;
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
                    ::sqlx::query("DELETE FROM assessment_ratings WHERE assessment_id = $1 AND alternative_id = $2")
                        .bind(assessment_id)
                        .bind(alternative_id)
                        .execute(&mut *tx)
                        .await?;
                    for r in ratings {
                        ::sqlx::query(&format!(
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
                    audit(&mut tx, actor, Some(d.org_id), "assessment.rate", "assessment", assessment_id.to_string(), None, json(&ratings))
                        .await?;
                    let after = assessment_in(&mut tx, assessment_id).await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn assessment_participants(&self, assessment_id: i64) -> Result<Vec<Participant>> {
                    let mut tx = self.pool.begin().await?;
                    let p = participants_in(&mut tx, assessment_id).await?;
                    tx.commit().await?;
                    Ok(p)
                }

                async fn add_participant(&self, assessment_id: i64, p: &ParticipantInput, actor: Actor) -> Result<Participant> {
                    let mut tx = self.pool.begin().await?;
                    let (_, d) = draft_assessment(&mut tx, assessment_id).await?;
                    let row: ParticipantRow = ::sqlx::query_as(&format!(
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
                    audit(&mut tx, actor, Some(d.org_id), "participant.create", "assessment_participant", added.id.to_string(), None, json(&added))
                        .await?;
                    tx.commit().await?;
                    Ok(added)
                }

                async fn delete_participant(&self, assessment_id: i64, id: i64, actor: Actor) -> Result<()> {
                    let mut tx = self.pool.begin().await?;
                    let (_, d) = draft_assessment(&mut tx, assessment_id).await?;
                    let before: Option<ParticipantRow> = ::sqlx::query_as(&format!(
                        "DELETE FROM assessment_participants WHERE assessment_id = $1 AND id = $2 RETURNING {PARTICIPANT_COLS}"
                    ))
                    .bind(assessment_id)
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let before = Participant::try_from(before.ok_or(rule(ErrorCode::NotFound))?)?;
                    audit(&mut tx, actor, Some(d.org_id), "participant.delete", "assessment_participant", id.to_string(), json(&before), None)
                        .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn assessment_citations(&self, assessment_id: i64) -> Result<Vec<Citation>> {
                    let rows: Vec<CitationRow> = ::sqlx::query_as(&format!(
                        "SELECT {CITATION_COLS} FROM assessment_citations WHERE assessment_id = $1 ORDER BY indicator_id"
                    ))
                    .bind(assessment_id)
                    .fetch_all(&self.pool)
                    .await?;
                    collect(rows)
                }

                async fn cite(&self, c: &Citation, actor: Actor) -> Result<()> {
                    let mut tx = self.pool.begin().await?;
                    let (_, d) = draft_assessment(&mut tx, c.assessment_id).await?;
                    ::sqlx::query(&format!(
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
                    audit(&mut tx, actor, Some(d.org_id), "assessment.cite", "assessment", c.assessment_id.to_string(), None, json(c))
                        .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn uncite(&self, assessment_id: i64, indicator_id: i64, actor: Actor) -> Result<()> {
                    let mut tx = self.pool.begin().await?;
                    let (_, d) = draft_assessment(&mut tx, assessment_id).await?;
                    let n = ::sqlx::query("DELETE FROM assessment_citations WHERE assessment_id = $1 AND indicator_id = $2")
                        .bind(assessment_id)
                        .bind(indicator_id)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                    if n == 0 {
                        return Err(rule(ErrorCode::NotFound));
                    }
                    audit(&mut tx, actor, Some(d.org_id), "assessment.uncite", "assessment", assessment_id.to_string(), Some(indicator_id.to_string()), None)
                        .await?;
                    tx.commit().await?;
                    Ok(())
                }
            }
        };
    };
}
