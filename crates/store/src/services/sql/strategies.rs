//! The portable SQL of strategy documents: drafts edited, approval making them immutable, new
//! versions copied from an approved one.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::services_queries::*;
use crate::sql::{begin, rule, usable_indicators, Tx};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::services::{Approval, Strategy, StrategyGoal, StrategyInput, StrategyState};
use hyte_domain::ErrorCode;
use hyte_store::rows::collect;
use hyte_store::services::rows::{to_body, StrategyRow, STRATEGY_COLS};
use hyte_store::services::StrategyEdit;
use hyte_store::{Actor, Result};

type Pool = sqlx::Pool<crate::Db>;

async fn strategy_in(tx: &mut Tx<'_>, org_id: i64, id: i64) -> Result<Strategy> {
    let row: Option<StrategyRow> =
        sqlx::query_as(&format!("SELECT {STRATEGY_COLS} FROM svc_strategies WHERE org_id = $1 AND id = $2"))
            .bind(org_id)
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

pub(crate) async fn list_strategies(pool: &Pool, org_id: i64) -> Result<Vec<Strategy>> {
    let rows: Vec<StrategyRow> =
        sqlx::query_as(&format!("SELECT {STRATEGY_COLS} FROM svc_strategies WHERE org_id = $1 ORDER BY id DESC"))
            .bind(org_id)
            .fetch_all(pool)
            .await?;
    collect(rows)
}

pub(crate) async fn get_strategy(pool: &Pool, org_id: i64, id: i64) -> Result<Option<Strategy>> {
    let mut tx = pool.begin().await?;
    match strategy_in(&mut tx, org_id, id).await {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

async fn insert(
    tx: &mut Tx<'_>,
    org_id: i64,
    input: &StrategyInput,
    goals: &[StrategyGoal],
    previous_id: Option<i64>,
) -> Result<Strategy> {
    let row: StrategyRow = sqlx::query_as(&format!(
        "INSERT INTO svc_strategies (org_id, state, previous_id, body, goals) VALUES ($1, $2, $3, $4, $5) \
         RETURNING {STRATEGY_COLS}"
    ))
    .bind(org_id)
    .bind(StrategyState::Draft.as_str())
    .bind(previous_id)
    .bind(to_body(input))
    .bind(to_body(&goals))
    .fetch_one(&mut **tx)
    .await?;
    row.try_into()
}

pub(crate) async fn create_strategy(pool: &Pool, org_id: i64, input: &StrategyInput, actor: Actor) -> Result<Strategy> {
    let mut tx = begin(pool).await?;
    owner_exists(&mut tx, org_id).await?;
    let added = insert(&mut tx, org_id, input, &[], None).await?;
    log(&mut tx, actor, org_id, AuditAction::StrategyCreate, ("strategy", added.id), None::<&()>, Some(&added)).await?;
    tx.commit().await?;
    Ok(added)
}

/// A goal's references: its indicator usable by the county, its plan goal the county's.
async fn goal_refs(tx: &mut Tx<'_>, org_id: i64, g: &StrategyGoal) -> Result<()> {
    if let Some(t) = &g.target {
        usable_indicators(tx, org_id, &[t.indicator_id]).await?;
    }
    match g.plan_goal_id {
        Some(id) => own_plan_goal(tx, org_id, id).await,
        None => Ok(()),
    }
}

async fn write(tx: &mut Tx<'_>, s: &Strategy, version: i64, approval: Option<&Approval>) -> Result<Strategy> {
    let state = if approval.is_some() { StrategyState::Approved } else { StrategyState::Draft };
    let row: Option<StrategyRow> = sqlx::query_as(&format!(
        "UPDATE svc_strategies SET body = $1, goals = $2, state = $3, approval = $4, version = version + 1 \
         WHERE id = $5 AND version = $6 RETURNING {STRATEGY_COLS}"
    ))
    .bind(to_body(&s.input))
    .bind(to_body(&s.goals))
    .bind(state.as_str())
    .bind(approval.map(to_body))
    .bind(s.id)
    .bind(version)
    .fetch_optional(&mut **tx)
    .await?;
    row.ok_or(rule(ErrorCode::EditConflict))?.try_into()
}

pub(crate) async fn edit_strategy(
    pool: &Pool,
    org_id: i64,
    id: i64,
    version: i64,
    edit: StrategyEdit,
    actor: Actor,
) -> Result<Strategy> {
    let mut tx = begin(pool).await?;
    let before = strategy_in(&mut tx, org_id, id).await?;
    before.editable().map_err(rule)?;
    let mut next = before.clone();
    match edit {
        StrategyEdit::Details(input) => next.input = input,
        StrategyEdit::AddGoal(goal) => {
            goal_refs(&mut tx, org_id, &goal).await?;
            next.goals.push(goal);
        }
        StrategyEdit::RemoveGoal(i) if i < next.goals.len() => {
            next.goals.remove(i);
        }
        StrategyEdit::RemoveGoal(_) => return Err(rule(ErrorCode::NotFound)),
    }
    let after = write(&mut tx, &next, version, None).await?;
    log(&mut tx, actor, org_id, AuditAction::StrategyUpdate, ("strategy", id), Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn approve_strategy(
    pool: &Pool,
    org_id: i64,
    id: i64,
    version: i64,
    approval: &Approval,
    actor: Actor,
) -> Result<Strategy> {
    let mut tx = begin(pool).await?;
    let before = strategy_in(&mut tx, org_id, id).await?;
    before.editable().map_err(rule)?;
    let after = write(&mut tx, &before, version, Some(approval)).await?;
    log(&mut tx, actor, org_id, AuditAction::StrategyApprove, ("strategy", id), Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn new_strategy_version(pool: &Pool, org_id: i64, id: i64, actor: Actor) -> Result<Strategy> {
    let mut tx = begin(pool).await?;
    let from = strategy_in(&mut tx, org_id, id).await?;
    if from.state != StrategyState::Approved {
        return Err(rule(ErrorCode::StateTransitionInvalid));
    }
    let added = insert(&mut tx, org_id, &from.input, &from.goals, Some(from.id)).await?;
    let entity = ("strategy", added.id);
    log(&mut tx, actor, org_id, AuditAction::StrategyNewVersion, entity, Some(&from), Some(&added)).await?;
    tx.commit().await?;
    Ok(added)
}
