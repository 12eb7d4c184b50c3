//! The in-transaction queries the services store shares: reading a JSON-bodied record under its
//! owner, the checks that ids inside an input are the county's own, and the audit row.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::{audit, json, rule, Audit, Tx};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::ErrorCode;
use hyte_store::rows::collect;
use hyte_store::services::rows::DocRow;
use hyte_store::{Actor, Result, StoreError};

/// A table of JSON-bodied records and the column naming each record's owner.
pub(crate) struct Table {
    pub name: &'static str,
    pub owner: &'static str,
}

pub(crate) const PROVIDERS: Table = Table { name: "svc_providers", owner: "org_id" };
pub(crate) const SERVICES: Table = Table { name: "svc_services", owner: "org_id" };
pub(crate) const CONTRACTS: Table = Table { name: "svc_contracts", owner: "org_id" };
pub(crate) const CRITERIA: Table = Table { name: "svc_criteria", owner: "contract_id" };
pub(crate) const PARTICIPATION: Table = Table { name: "svc_participation", owner: "service_id" };

impl Table {
    pub fn select(&self) -> String {
        format!("SELECT id, {} AS owner, body, version FROM {}", self.owner, self.name)
    }

    pub fn returning(&self) -> String {
        format!("RETURNING id, {} AS owner, body, version", self.owner)
    }
}

/// The record `id` under `owner`; `not_found` for another owner's or a missing one.
pub(crate) async fn doc_in<T: TryFrom<DocRow, Error = StoreError>>(
    tx: &mut Tx<'_>,
    t: &Table,
    owner: i64,
    id: i64,
) -> Result<T> {
    let row: Option<DocRow> = sqlx::query_as(&format!("{} WHERE {} = $1 AND id = $2", t.select(), t.owner))
        .bind(owner)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

/// Every record under `owner`, oldest first.
pub(crate) async fn docs_of<T: TryFrom<DocRow, Error = StoreError>>(
    pool: &sqlx::Pool<crate::Db>,
    t: &Table,
    owner: i64,
) -> Result<Vec<T>> {
    let rows: Vec<DocRow> = sqlx::query_as(&format!("{} WHERE {} = $1 ORDER BY id", t.select(), t.owner))
        .bind(owner)
        .fetch_all(pool)
        .await?;
    collect(rows)
}

/// Updates a record's body (and its version) when `version` is still current; `edit_conflict` else.
pub(crate) async fn update_body<T: TryFrom<DocRow, Error = StoreError>>(
    tx: &mut Tx<'_>,
    t: &Table,
    id: i64,
    version: i64,
    body: String,
) -> Result<T> {
    let row: Option<DocRow> = sqlx::query_as(&format!(
        "UPDATE {} SET body = $1, version = version + 1 WHERE id = $2 AND version = $3 {}",
        t.name,
        t.returning()
    ))
    .bind(body)
    .bind(id)
    .bind(version)
    .fetch_optional(&mut **tx)
    .await?;
    row.ok_or(rule(ErrorCode::EditConflict))?.try_into()
}

async fn count(tx: &mut Tx<'_>, sql: &str, a: i64, b: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(sql).bind(a).bind(b).fetch_one(&mut **tx).await?)
}

/// `reference_invalid` unless provider `id` is the county's.
pub(crate) async fn own_provider(tx: &mut Tx<'_>, org_id: i64, id: i64) -> Result<()> {
    if count(tx, "SELECT COUNT(*) FROM svc_providers WHERE id = $1 AND org_id = $2", id, org_id).await? == 0 {
        return Err(rule(ErrorCode::ReferenceInvalid));
    }
    Ok(())
}

/// `reference_invalid` unless every service in `ids` is the county's.
pub(crate) async fn own_services(tx: &mut Tx<'_>, org_id: i64, ids: &[i64]) -> Result<()> {
    for id in ids {
        if count(tx, "SELECT COUNT(*) FROM svc_services WHERE id = $1 AND org_id = $2", *id, org_id).await? == 0 {
            return Err(rule(ErrorCode::ReferenceInvalid));
        }
    }
    Ok(())
}

/// `reference_invalid` unless cooperation group `id` is the county's.
pub(crate) async fn own_group(tx: &mut Tx<'_>, org_id: i64, id: i64) -> Result<()> {
    if count(tx, "SELECT COUNT(*) FROM coop_groups WHERE id = $1 AND org_id = $2", id, org_id).await? == 0 {
        return Err(rule(ErrorCode::ReferenceInvalid));
    }
    Ok(())
}

/// `reference_invalid` unless plan goal `id` belongs to one of the county's reports.
pub(crate) async fn own_plan_goal(tx: &mut Tx<'_>, org_id: i64, id: i64) -> Result<()> {
    let sql =
        "SELECT COUNT(*) FROM plan_goals g JOIN reports r ON r.id = g.report_id WHERE g.id = $1 AND r.org_id = $2";
    if count(tx, sql, id, org_id).await? == 0 {
        return Err(rule(ErrorCode::ReferenceInvalid));
    }
    Ok(())
}

/// `reference_invalid` unless organisation `id` exists.
pub(crate) async fn org_exists(tx: &mut Tx<'_>, id: i64) -> Result<()> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE id = $1").bind(id).fetch_one(&mut **tx).await?;
    if n == 0 {
        return Err(rule(ErrorCode::ReferenceInvalid));
    }
    Ok(())
}

/// `not_found` unless organisation `org_id` exists (the owner of a new record).
pub(crate) async fn owner_exists(tx: &mut Tx<'_>, org_id: i64) -> Result<()> {
    org_exists(tx, org_id).await.map_err(|_| rule(ErrorCode::NotFound))
}

/// The audit row of a change to a record of the county `org_id`.
pub(crate) async fn log<B: serde::Serialize, A: serde::Serialize>(
    tx: &mut Tx<'_>,
    actor: Actor,
    org_id: i64,
    action: AuditAction,
    (entity, id): (&'static str, i64),
    before: Option<&B>,
    after: Option<&A>,
) -> Result<()> {
    let entry = Audit {
        org_id: Some(org_id),
        action,
        entity,
        entity_id: id.to_string(),
        before: before.and_then(json),
        after: after.and_then(json),
    };
    audit(tx, actor, entry).await
}
