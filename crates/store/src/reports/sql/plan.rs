//! The portable SQL of the well-being plan: priorities, goals with targets, measures.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::{audit, json, rule, usable_indicators, Audit, Tx};
use hyte_domain::admin::audit::AuditAction;

use async_trait::async_trait;
use hyte_domain::reports::{Goal, GoalInput, Measure, MeasureFollowUp, MeasureInput, Plan, Priority, PriorityInput};
use hyte_domain::ErrorCode;
use hyte_store::reports::rows::MeasureRow;
use hyte_store::reports::rows::MEASURE_COLS;
use hyte_store::{Actor, Result};

/// The report's organisation, when its plan may change.
async fn editable(tx: &mut Tx<'_>, report_id: i64) -> Result<i64> {
    // The report's row is locked first: its state can't move on (approval) under a plan edit, and
    // plan edits of one report (priorities with their goals, goals with their measures) take turns.
    crate::sql::lock_row(tx, "UPDATE reports SET version = version WHERE id = $1", report_id).await?;
    let row: Option<(i64, String)> = sqlx::query_as("SELECT org_id, state FROM reports WHERE id = $1")
        .bind(report_id)
        .fetch_optional(&mut **tx)
        .await?;
    let (org_id, state) = row.ok_or(rule(ErrorCode::NotFound))?;
    match hyte_domain::reports::ReportState::parse(&state) {
        Some(s) if s.editable() => Ok(org_id),
        _ => Err(rule(ErrorCode::ReportLocked)),
    }
}

/// The goal's targets, each on an indicator the organisation `org_id` may use.
async fn insert_targets(
    tx: &mut Tx<'_>,
    org_id: i64,
    goal_id: i64,
    targets: &[hyte_domain::reports::GoalTarget],
) -> Result<()> {
    let ids: Vec<i64> = targets.iter().map(|t| t.indicator_id).collect();
    usable_indicators(tx, org_id, &ids).await?;
    for t in targets {
        sqlx::query(
            "INSERT INTO plan_goal_targets (goal_id, indicator_id, baseline_year, baseline_value, \
             target_year, target_value) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(goal_id)
        .bind(t.indicator_id)
        .bind(t.baseline.0)
        .bind(t.baseline.1)
        .bind(t.target.0)
        .bind(t.target.1)
        .execute(&mut **tx)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(d) if d.is_foreign_key_violation() => rule(ErrorCode::NotFound),
            sqlx::Error::Database(d) if d.is_unique_violation() => rule(ErrorCode::InvalidInput),
            _ => e.into(),
        })?;
    }
    Ok(())
}

/// `not_found` unless the priority is the report's.
async fn own_priority(tx: &mut Tx<'_>, report_id: i64, id: i64) -> Result<()> {
    let owner: Option<i64> = sqlx::query_scalar("SELECT report_id FROM plan_priorities WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    if owner != Some(report_id) {
        return Err(rule(ErrorCode::NotFound));
    }
    Ok(())
}

/// `sector_invalid` unless the sector is the organisation's.
/// Links a measure to the report's goals (`not_found` for another report's goal).
async fn link_goals(tx: &mut Tx<'_>, report_id: i64, measure_id: i64, goal_ids: &[i64]) -> Result<()> {
    for g in goal_ids {
        let owner: Option<i64> = sqlx::query_scalar("SELECT report_id FROM plan_goals WHERE id = $1")
            .bind(g)
            .fetch_optional(&mut **tx)
            .await?;
        if owner != Some(report_id) {
            return Err(rule(ErrorCode::NotFound));
        }
        sqlx::query("INSERT INTO plan_measure_goals (measure_id, goal_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(measure_id)
            .bind(g)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Removes goals with their targets and links to measures.
async fn remove_goals(tx: &mut Tx<'_>, goal_ids: &[i64]) -> Result<()> {
    for g in goal_ids {
        for sql in [
            "DELETE FROM plan_goal_targets WHERE goal_id = $1",
            "DELETE FROM plan_measure_goals WHERE goal_id = $1",
            "DELETE FROM plan_goals WHERE id = $1",
        ] {
            sqlx::query(sql).bind(g).execute(&mut **tx).await?;
        }
    }
    Ok(())
}

async fn measure(tx: &mut Tx<'_>, report_id: i64, id: i64) -> Result<Measure> {
    let plan = load_plan(tx, report_id).await?;
    plan.measures.into_iter().find(|m| m.id == id).ok_or(rule(ErrorCode::NotFound))
}

/// Adds a measure to the report's plan inside `tx` (`add_measure`, and adopting a good practice):
/// the report's organisation and the measure.
pub(crate) async fn insert_measure(
    tx: &mut Tx<'_>,
    report_id: i64,
    m: &MeasureInput,
    goal_ids: &[i64],
    actor: Actor,
) -> Result<(i64, Measure)> {
    let org_id = editable(tx, report_id).await?;
    crate::sql::use_sector(tx, org_id, m.sector_id).await?;
    let row: MeasureRow = sqlx::query_as(&format!(
        "INSERT INTO plan_measures (report_id, title, description, sector_id, responsible_person, \
         start_year, end_year, euros, person_years, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         RETURNING {MEASURE_COLS}"
    ))
    .bind(report_id)
    .bind(&m.title)
    .bind(&m.description)
    .bind(m.sector_id)
    .bind(&m.responsible_person)
    .bind(m.start_year)
    .bind(m.end_year)
    .bind(m.resources.euros)
    .bind(m.resources.person_years)
    .bind(m.status.as_str())
    .fetch_one(&mut **tx)
    .await?;
    link_goals(tx, report_id, row.id, goal_ids).await?;
    let created = measure(tx, report_id, row.id).await?;
    audit(
        tx,
        actor,
        Audit {
            org_id: Some(org_id),
            action: AuditAction::PlanMeasureCreate,
            entity: "measure",
            entity_id: row.id.to_string(),
            before: None,
            after: json(&created),
        },
    )
    .await?;
    Ok((org_id, created))
}

#[async_trait]
impl hyte_store::reports::PlanStore for crate::This {
    async fn plan(&self, report_id: i64) -> Result<Plan> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let p = load_plan(&mut tx, report_id).await?;
        tx.commit().await?;
        Ok(p)
    }

    async fn add_priority(&self, report_id: i64, input: &PriorityInput, actor: Actor) -> Result<Priority> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let org_id = editable(&mut tx, report_id).await?;
        let position: i32 = sqlx::query_scalar(
            "SELECT CAST(COALESCE(MAX(position), 0) + 1 AS INTEGER) FROM plan_priorities WHERE report_id = $1",
        )
        .bind(report_id)
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO plan_priorities (report_id, position, title, description) VALUES ($1, $2, $3, $4) \
             RETURNING id",
        )
        .bind(report_id)
        .bind(position)
        .bind(&input.title)
        .bind(&input.description)
        .fetch_one(&mut *tx)
        .await?;
        let p = Priority {
            id,
            report_id,
            position,
            title: input.title.clone(),
            description: input.description.clone(),
            version: 1,
        };
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::PlanPriorityCreate,
                entity: "priority",
                entity_id: id.to_string(),
                before: None,
                after: json(&p),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(p)
    }

    async fn add_goal(&self, report_id: i64, input: &GoalInput, actor: Actor) -> Result<Goal> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let org_id = editable(&mut tx, report_id).await?;
        own_priority(&mut tx, report_id, input.priority_id).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO plan_goals (report_id, priority_id, title) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(report_id)
        .bind(input.priority_id)
        .bind(&input.title)
        .fetch_one(&mut *tx)
        .await?;
        insert_targets(&mut tx, org_id, id, &input.targets).await?;
        let g = Goal {
            id,
            report_id,
            priority_id: input.priority_id,
            title: input.title.clone(),
            targets: input.targets.clone(),
            version: 1,
        };
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::PlanGoalCreate,
                entity: "goal",
                entity_id: id.to_string(),
                before: None,
                after: json(&g),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(g)
    }

    async fn add_measure(&self, report_id: i64, m: &MeasureInput, goal_ids: &[i64], actor: Actor) -> Result<Measure> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let (_, created) = insert_measure(&mut tx, report_id, m, goal_ids, actor).await?;
        tx.commit().await?;
        Ok(created)
    }

    async fn update_priority(
        &self,
        report_id: i64,
        id: i64,
        version: i64,
        input: &PriorityInput,
        actor: Actor,
    ) -> Result<Priority> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let org_id = editable(&mut tx, report_id).await?;
        let before = load_plan(&mut tx, report_id).await?.priorities.into_iter().find(|p| p.id == id);
        let before = before.ok_or(rule(ErrorCode::NotFound))?;
        let done = sqlx::query(
            "UPDATE plan_priorities SET title = $1, description = $2, version = version + 1 \
             WHERE id = $3 AND report_id = $4 AND version = $5",
        )
        .bind(&input.title)
        .bind(&input.description)
        .bind(id)
        .bind(report_id)
        .bind(version)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(rule(ErrorCode::EditConflict));
        }
        let after = Priority {
            title: input.title.clone(),
            description: input.description.clone(),
            version: before.version + 1,
            ..before.clone()
        };
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::PlanPriorityUpdate,
                entity: "priority",
                entity_id: id.to_string(),
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn delete_priority(&self, report_id: i64, id: i64, version: i64, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let org_id = editable(&mut tx, report_id).await?;
        let plan = load_plan(&mut tx, report_id).await?;
        let before = plan.priorities.iter().find(|p| p.id == id).ok_or(rule(ErrorCode::NotFound))?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        let goals: Vec<i64> = plan.goals_of(id).map(|g| g.id).collect();
        remove_goals(&mut tx, &goals).await?;
        let n = sqlx::query("DELETE FROM plan_priorities WHERE id = $1 AND report_id = $2 AND version = $3")
            .bind(id)
            .bind(report_id)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        crate::sql::written(n)?;
        let gone = serde_json::json!({"priority": before, "goals": plan.goals_of(id).collect::<Vec<_>>()});
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::PlanPriorityDelete,
                entity: "priority",
                entity_id: id.to_string(),
                before: json(&gone),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn update_goal(
        &self,
        report_id: i64,
        id: i64,
        version: i64,
        input: &GoalInput,
        actor: Actor,
    ) -> Result<Goal> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let org_id = editable(&mut tx, report_id).await?;
        let before = load_plan(&mut tx, report_id).await?.goals.into_iter().find(|g| g.id == id);
        let before = before.ok_or(rule(ErrorCode::NotFound))?;
        own_priority(&mut tx, report_id, input.priority_id).await?;
        let done = sqlx::query(
            "UPDATE plan_goals SET priority_id = $1, title = $2, version = version + 1 \
             WHERE id = $3 AND report_id = $4 AND version = $5",
        )
        .bind(input.priority_id)
        .bind(&input.title)
        .bind(id)
        .bind(report_id)
        .bind(version)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(rule(ErrorCode::EditConflict));
        }
        sqlx::query("DELETE FROM plan_goal_targets WHERE goal_id = $1").bind(id).execute(&mut *tx).await?;
        insert_targets(&mut tx, org_id, id, &input.targets).await?;
        let after = load_plan(&mut tx, report_id).await?.goals.into_iter().find(|g| g.id == id);
        let after = after.ok_or(rule(ErrorCode::NotFound))?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::PlanGoalUpdate,
                entity: "goal",
                entity_id: id.to_string(),
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn delete_goal(&self, report_id: i64, id: i64, version: i64, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let org_id = editable(&mut tx, report_id).await?;
        let before = load_plan(&mut tx, report_id).await?.goals.into_iter().find(|g| g.id == id);
        let before = before.ok_or(rule(ErrorCode::NotFound))?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        crate::sql::versioned(
            &mut tx,
            "UPDATE plan_goals SET version = version WHERE id = $1 AND version = $2",
            id,
            version,
        )
        .await?;
        remove_goals(&mut tx, &[id]).await?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::PlanGoalDelete,
                entity: "goal",
                entity_id: id.to_string(),
                before: json(&before),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn update_measure(
        &self,
        report_id: i64,
        id: i64,
        version: i64,
        m: &MeasureInput,
        goal_ids: &[i64],
        actor: Actor,
    ) -> Result<Measure> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let org_id = editable(&mut tx, report_id).await?;
        let before = measure(&mut tx, report_id, id).await?;
        crate::sql::use_sector(&mut tx, org_id, m.sector_id).await?;
        let done = sqlx::query(
            "UPDATE plan_measures SET title = $1, description = $2, sector_id = $3, responsible_person = $4, \
             start_year = $5, end_year = $6, euros = $7, person_years = $8, status = $9, version = version + 1 \
             WHERE id = $10 AND report_id = $11 AND version = $12",
        )
        .bind(&m.title)
        .bind(&m.description)
        .bind(m.sector_id)
        .bind(&m.responsible_person)
        .bind(m.start_year)
        .bind(m.end_year)
        .bind(m.resources.euros)
        .bind(m.resources.person_years)
        .bind(m.status.as_str())
        .bind(id)
        .bind(report_id)
        .bind(version)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(rule(ErrorCode::EditConflict));
        }
        sqlx::query("DELETE FROM plan_measure_goals WHERE measure_id = $1").bind(id).execute(&mut *tx).await?;
        link_goals(&mut tx, report_id, id, goal_ids).await?;
        let after = measure(&mut tx, report_id, id).await?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::PlanMeasureUpdate,
                entity: "measure",
                entity_id: id.to_string(),
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn delete_measure(&self, report_id: i64, id: i64, version: i64, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let org_id = editable(&mut tx, report_id).await?;
        let before = measure(&mut tx, report_id, id).await?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        sqlx::query("DELETE FROM plan_measure_goals WHERE measure_id = $1").bind(id).execute(&mut *tx).await?;
        crate::sql::versioned(&mut tx, "DELETE FROM plan_measures WHERE id = $1 AND version = $2", id, version).await?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::PlanMeasureDelete,
                entity: "measure",
                entity_id: id.to_string(),
                before: json(&before),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn follow_up_measure(
        &self,
        report_id: i64,
        measure_id: i64,
        version: i64,
        f: &MeasureFollowUp,
        actor: Actor,
    ) -> Result<Measure> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before = measure(&mut tx, report_id, measure_id).await?;
        let org_id: i64 =
            sqlx::query_scalar("SELECT org_id FROM reports WHERE id = $1").bind(report_id).fetch_one(&mut *tx).await?;
        let done = sqlx::query(
            "UPDATE plan_measures SET status = $1, comment = $2, version = version + 1 \
             WHERE id = $3 AND report_id = $4 AND version = $5",
        )
        .bind(f.status.as_str())
        .bind(&f.comment)
        .bind(measure_id)
        .bind(report_id)
        .bind(version)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(rule(ErrorCode::EditConflict));
        }
        let after = measure(&mut tx, report_id, measure_id).await?;
        let summary = |m: &Measure| json(&serde_json::json!({"status": m.input.status, "comment": m.comment}));
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::PlanMeasureFollowUp,
                entity: "measure",
                entity_id: measure_id.to_string(),
                before: summary(&before),
                after: summary(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}

/// Reading a whole plan inside a transaction (also used when a version is frozen).
pub(crate) async fn load_plan(tx: &mut Tx<'_>, report_id: i64) -> hyte_store::Result<hyte_domain::reports::Plan> {
    use hyte_store::reports::rows::MEASURE_COLS;
    use hyte_store::reports::rows::{GoalRow, MeasureRow, PriorityRow, TargetRow};
    let priorities: Vec<PriorityRow> = sqlx::query_as(
        "SELECT id, report_id, position, title, description, version FROM plan_priorities WHERE report_id = $1 \
         ORDER BY position, id",
    )
    .bind(report_id)
    .fetch_all(&mut **tx)
    .await?;
    let goals: Vec<GoalRow> = sqlx::query_as(
        "SELECT id, report_id, priority_id, title, version FROM plan_goals WHERE report_id = $1 ORDER BY id",
    )
    .bind(report_id)
    .fetch_all(&mut **tx)
    .await?;
    let targets: Vec<TargetRow> = sqlx::query_as(
        "SELECT t.goal_id, t.indicator_id, t.baseline_year, t.baseline_value, t.target_year, t.target_value \
         FROM plan_goal_targets t JOIN plan_goals g ON g.id = t.goal_id WHERE g.report_id = $1 \
         ORDER BY t.goal_id, t.indicator_id",
    )
    .bind(report_id)
    .fetch_all(&mut **tx)
    .await?;
    let measures: Vec<MeasureRow> =
        sqlx::query_as(&format!("SELECT {MEASURE_COLS} FROM plan_measures WHERE report_id = $1 ORDER BY id"))
            .bind(report_id)
            .fetch_all(&mut **tx)
            .await?;
    let links: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT l.measure_id, l.goal_id FROM plan_measure_goals l JOIN plan_measures m ON m.id = l.measure_id \
         WHERE m.report_id = $1 ORDER BY l.measure_id, l.goal_id",
    )
    .bind(report_id)
    .fetch_all(&mut **tx)
    .await?;
    hyte_store::reports::rows::plan(priorities, goals, targets, measures, links)
}
