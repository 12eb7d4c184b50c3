//! The portable SQL's root, compiled inside each backend crate (not in hyte-store): each backend's
//! `lib.rs` declares `#[path = "../../store/src/sql.rs"] mod sql;` after defining `type Db` (its
//! `sqlx::Database`) and `type This` (its store, which has a `pool: sqlx::Pool<Db>`). So both backends
//! run the same queries over concrete pools, and rustfmt and the compiler see ordinary Rust.
//!
//! Here: the helpers every room's SQL uses (the transaction type, rule errors, JSON, the audit row),
//! the `Store` umbrella, and the list of the rooms' SQL files.
//!
//! Portability rules: `$n` placeholders, `RETURNING`, `ON CONFLICT`, `lower()` for case-insensitive
//! matches, times bound from Rust (never `now()`), JSON kept as text.

use async_trait::async_trait;
use hyte_domain::admin::audit::AuditAction;
use hyte_store::{Actor, Result, StoreError};

#[path = "admin/sql/invitations.rs"]
mod admin_invitations;
#[path = "admin/sql/orgs.rs"]
pub(crate) mod admin_orgs;
#[path = "admin/sql/sessions.rs"]
mod admin_sessions;
#[path = "admin/sql/users.rs"]
pub(crate) mod admin_users;
#[path = "assessment/sql/assessments.rs"]
mod assessment_assessments;
#[path = "assessment/sql/decisions.rs"]
mod assessment_decisions;
#[path = "assessment/sql/queries.rs"]
mod assessment_queries;
#[path = "assessment/sql/store.rs"]
mod assessment_store;
#[path = "coefficient/sql/store.rs"]
mod coefficient_store;
#[path = "cooperation/sql/groups.rs"]
mod cooperation_groups;
#[path = "cooperation/sql/queries.rs"]
mod cooperation_queries;
#[path = "cooperation/sql/store.rs"]
mod cooperation_store;
#[path = "interface/sql/agreements.rs"]
mod interface_agreements;
#[path = "interface/sql/chains.rs"]
mod interface_chains;
#[path = "interface/sql/monitoring.rs"]
mod interface_monitoring;
#[path = "interface/sql/queries.rs"]
mod interface_queries;
#[path = "interface/sql/store.rs"]
mod interface_store;
#[path = "knowledge/sql/areas.rs"]
mod knowledge_areas;
#[path = "knowledge/sql/imports.rs"]
mod knowledge_imports;
#[path = "knowledge/sql/indicators.rs"]
pub(crate) mod knowledge_indicators;
#[path = "knowledge/sql/sets.rs"]
mod knowledge_sets;
#[path = "partners/sql/grants.rs"]
mod partners_grants;
#[path = "partners/sql/queries.rs"]
mod partners_queries;
#[path = "partners/sql/store.rs"]
mod partners_store;
#[path = "reports/sql/plan.rs"]
pub(crate) mod reports_plan;
#[path = "reports/sql/reports.rs"]
mod reports_reports;
#[path = "reports/sql/workflow.rs"]
mod reports_workflow;
#[path = "services/sql/contracts.rs"]
mod services_contracts;
#[path = "services/sql/queries.rs"]
pub(crate) mod services_queries;
#[path = "services/sql/register.rs"]
mod services_register;
#[path = "services/sql/store.rs"]
mod services_store;
#[path = "services/sql/strategies.rs"]
mod services_strategies;
#[path = "support/sql/negotiation.rs"]
mod support_negotiation;
#[path = "support/sql/plan.rs"]
mod support_plan;
#[path = "support/sql/practice.rs"]
mod support_practice;
#[path = "support/sql/region.rs"]
pub(crate) mod support_region;
#[path = "support/sql/survey.rs"]
pub(crate) mod support_survey;

pub(crate) type Tx<'a> = sqlx::Transaction<'a, crate::Db>;

/// Begins a transaction with the backend's `crate::BEGIN_WRITE`. On SQLite that is `BEGIN IMMEDIATE`: the
/// write lock is taken at once (waiting up to the busy timeout), so a transaction that reads before it
/// writes can't fail with "database is locked" when another writer commits in between. Every
/// transaction in the portable SQL begins here.
pub(crate) async fn begin(pool: &sqlx::Pool<crate::Db>) -> Result<Tx<'static>> {
    Ok(pool.begin_with(crate::BEGIN_WRITE).await?)
}

/// Locks one parent row for the rest of the transaction, before an invariant that spans its children
/// is checked (a grant call's budget, an organisation's last admin, a draft's editability). `sql` is a
/// write that changes nothing, `UPDATE parent SET c = c WHERE id = $1`: portable where
/// `SELECT … FOR UPDATE` is not. On PostgreSQL (READ COMMITTED) it takes the row lock, so a concurrent
/// writer doing the same waits here until this transaction ends and then reads what it committed; on
/// SQLite `BEGIN IMMEDIATE` already holds the write lock. `not_found` when no row matched.
pub(crate) async fn lock_row(tx: &mut Tx<'_>, sql: &'static str, id: i64) -> Result<()> {
    let n = sqlx::query(sql).bind(id).execute(&mut **tx).await?.rows_affected();
    if n == 0 {
        return Err(rule(hyte_domain::ErrorCode::NotFound));
    }
    Ok(())
}

/// `sector_invalid` unless `sector` is one of organisation `org_id`'s sectors; locks its row for the
/// rest of the transaction, so a concurrent deletion of the sector (which locks it before counting
/// its uses) either sees this write's use (`sector_in_use`) or has removed it first (then this is
/// `sector_invalid`), never a foreign-key error. Every write that stores a sector id calls this.
pub(crate) async fn use_sector(tx: &mut Tx<'_>, org_id: i64, sector: Option<i64>) -> Result<()> {
    if let Some(id) = sector {
        let n = sqlx::query("UPDATE sectors SET version = version WHERE id = $1 AND org_id = $2")
            .bind(id)
            .bind(org_id)
            .execute(&mut **tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(rule(hyte_domain::ErrorCode::SectorInvalid));
        }
    }
    Ok(())
}

/// `edit_conflict` unless a versioned write (`… WHERE id = $n AND version = $m`) touched a row: the
/// record moved on between the read and the write (a concurrent writer committed first).
pub(crate) fn written(rows_affected: u64) -> Result<()> {
    if rows_affected == 0 {
        return Err(rule(hyte_domain::ErrorCode::EditConflict));
    }
    Ok(())
}

/// Replaces a record's JSON `body` in `table` when `version` is the current one (and bumps it);
/// `edit_conflict` otherwise.
pub(crate) async fn set_body(tx: &mut Tx<'_>, table: &'static str, id: i64, version: i64, body: String) -> Result<()> {
    let sql = format!("UPDATE {table} SET body = $1, version = version + 1 WHERE id = $2 AND version = $3");
    let n = sqlx::query(&sql).bind(body).bind(id).bind(version).execute(&mut **tx).await?.rows_affected();
    written(n)
}

/// Runs `sql` (`$1` the record's id, `$2` the version the user edited) and refuses with
/// `edit_conflict` when it touched no row: the versioned delete or lock an edit ends with.
pub(crate) async fn versioned(tx: &mut Tx<'_>, sql: &str, id: i64, version: i64) -> Result<()> {
    written(sqlx::query(sql).bind(id).bind(version).execute(&mut **tx).await?.rows_affected())
}

/// Rows per multi-row INSERT (well under both backends' bind-parameter limits).
pub(crate) const CHUNK: usize = 400;

pub(crate) fn rule(code: hyte_domain::ErrorCode) -> StoreError {
    StoreError::Rule(code)
}

pub(crate) fn is_unique(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

/// `indicator_invalid` unless every indicator in `ids` exists and organisation `org_id` may use it
/// (the domain's `knowledge::indicator::may_use`: national, or the organisation's own). Every write
/// that stores indicator ids calls this inside its transaction, before writing.
pub(crate) async fn usable_indicators(tx: &mut Tx<'_>, org_id: i64, ids: &[i64]) -> Result<()> {
    for id in ids {
        let owner: Option<Option<i64>> = sqlx::query_scalar("SELECT org_id FROM indicators WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
        match owner {
            Some(owner) if hyte_domain::knowledge::indicator::may_use(org_id, owner) => {}
            _ => return Err(rule(hyte_domain::ErrorCode::IndicatorInvalid)),
        }
    }
    Ok(())
}

pub(crate) fn json<T: serde::Serialize>(v: &T) -> Option<String> {
    serde_json::to_string(v).ok()
}

/// One row of the audit log: what changed, on which record, before and after (as JSON).
pub(crate) struct Audit {
    pub org_id: Option<i64>,
    pub action: AuditAction,
    pub entity: &'static str,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

pub(crate) async fn audit(tx: &mut Tx<'_>, actor: Actor, entry: Audit) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_user_id, org_id, action, entity, entity_id, before_json, after_json) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(chrono::Utc::now())
    .bind(actor.user_id)
    .bind(entry.org_id)
    .bind(entry.action.as_str())
    .bind(entry.entity)
    .bind(entry.entity_id)
    .bind(entry.before)
    .bind(entry.after)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[async_trait]
impl hyte_store::Store for crate::This {
    fn backend(&self) -> hyte_store::Backend {
        crate::BACKEND
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn is_empty(&self) -> Result<bool> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM areas").fetch_one(&self.pool).await?;
        Ok(n == 0)
    }

    async fn organisation_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM organisations").fetch_one(&self.pool).await?)
    }
}
