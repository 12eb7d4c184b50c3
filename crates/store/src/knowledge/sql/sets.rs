//! The portable SQL of indicator sets: the set (owner, kind, current version), its versions
//! (names and source as JSON, who and when) and each version's indicators in order.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::{audit, begin, is_unique, json, rule, usable_indicators, written, Audit, Tx};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::knowledge::indicator_set::{IndicatorSet, SetInput, SetKind};
use hyte_domain::{ErrorCode, Names};
use hyte_store::{Actor, Result, StoreError};
use serde::{Deserialize, Serialize};

type Pool = sqlx::Pool<crate::Db>;
type Conn = <crate::Db as sqlx::Database>::Connection;

/// A version's fields besides its indicators, as stored in `body`.
#[derive(Serialize, Deserialize)]
struct Body {
    names: Names,
    source: Option<String>,
    source_url: Option<String>,
}

type Row = (i64, Option<i64>, String, i64, i64, String, Option<i64>, Option<String>, DateTime<Utc>);

const SELECT: &str = "SELECT s.id, s.org_id, s.kind, v.version, s.version, v.body, v.changed_by, u.display_name, \
     v.changed_at FROM indicator_sets s JOIN indicator_set_versions v ON v.set_id = s.id \
     LEFT JOIN users u ON u.id = v.changed_by";

async fn items(c: &mut Conn, id: i64, version: i64) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT indicator_id FROM indicator_set_items WHERE set_id = $1 AND version = $2 ORDER BY position",
    )
    .bind(id)
    .bind(version)
    .fetch_all(&mut *c)
    .await?)
}

async fn assemble(c: &mut Conn, rows: Vec<Row>) -> Result<Vec<IndicatorSet>> {
    let mut out = vec![];
    for (id, org_id, kind, version, current, body, changed_by, changed_by_name, changed_at) in rows {
        let kind = SetKind::parse(&kind).ok_or(rule(ErrorCode::Internal))?;
        let body: Body = serde_json::from_str(&body).map_err(|_| rule(ErrorCode::Internal))?;
        let indicator_ids = items(c, id, version).await?;
        out.push(IndicatorSet {
            id,
            org_id,
            kind,
            version,
            current,
            input: SetInput { names: body.names, source: body.source, source_url: body.source_url, indicator_ids },
            changed_by,
            changed_by_name,
            changed_at,
        });
    }
    Ok(out)
}

/// The current versions of the sets `filter` picks (`$1` bound to `bind`).
async fn current_where(c: &mut Conn, filter: &str, bind: Option<i64>) -> Result<Vec<IndicatorSet>> {
    let sql = format!("{SELECT} WHERE v.version = s.version {filter} ORDER BY s.id");
    let mut q = sqlx::query_as::<_, Row>(&sql);
    if let Some(b) = bind {
        q = q.bind(b);
    }
    let rows = q.fetch_all(&mut *c).await?;
    assemble(c, rows).await
}

async fn one(c: &mut Conn, id: i64, version: Option<i64>) -> Result<Option<IndicatorSet>> {
    let sql = format!("{SELECT} WHERE s.id = $1 AND v.version = COALESCE($2, s.version)");
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(id).bind(version).fetch_all(&mut *c).await?;
    Ok(assemble(c, rows).await?.into_iter().next())
}

async fn national(c: &mut Conn, kind: SetKind) -> Result<Option<IndicatorSet>> {
    let sql = format!("{SELECT} WHERE v.version = s.version AND s.org_id IS NULL AND s.kind = $1");
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(kind.as_str()).fetch_all(&mut *c).await?;
    Ok(assemble(c, rows).await?.into_iter().next())
}

/// Writes version `version` of set `id`: its body and its indicators in order.
async fn write_version(tx: &mut Tx<'_>, id: i64, version: i64, input: &SetInput, actor: Actor) -> Result<()> {
    let body = Body { names: input.names.clone(), source: input.source.clone(), source_url: input.source_url.clone() };
    sqlx::query(
        "INSERT INTO indicator_set_versions (set_id, version, body, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(version)
    .bind(json(&body))
    .bind(actor.user_id)
    .bind(Utc::now())
    .execute(&mut **tx)
    .await?;
    for (position, indicator) in input.indicator_ids.iter().enumerate() {
        sqlx::query(
            "INSERT INTO indicator_set_items (set_id, version, position, indicator_id) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(version)
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .bind(indicator)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn log(
    tx: &mut Tx<'_>,
    actor: Actor,
    action: AuditAction,
    before: Option<&IndicatorSet>,
    after: &IndicatorSet,
) -> Result<()> {
    let entry = Audit {
        org_id: after.org_id,
        action,
        entity: "indicator_set",
        entity_id: after.id.to_string(),
        before: before.and_then(json),
        after: json(after),
    };
    audit(tx, actor, entry).await
}

/// `indicator_invalid` unless every indicator exists and is national.
async fn national_indicators(tx: &mut Tx<'_>, ids: &[i64]) -> Result<()> {
    for id in ids {
        let owner: Option<Option<i64>> = sqlx::query_scalar("SELECT org_id FROM indicators WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
        if owner != Some(None) {
            return Err(rule(ErrorCode::IndicatorInvalid));
        }
    }
    Ok(())
}

fn sorted(mut sets: Vec<IndicatorSet>) -> Vec<IndicatorSet> {
    let rank = |k: SetKind| SetKind::ALL.iter().position(|x| *x == k).unwrap_or(usize::MAX);
    sets.sort_by(|a, b| {
        (a.org_id.is_some(), rank(a.kind), a.input.names.fi.to_lowercase(), a.id).cmp(&(
            b.org_id.is_some(),
            rank(b.kind),
            b.input.names.fi.to_lowercase(),
            b.id,
        ))
    });
    sets
}

fn with_ids(s: Option<IndicatorSet>) -> Option<(IndicatorSet, Vec<i64>)> {
    s.map(|s| {
        let ids = s.input.indicator_ids.clone();
        (s, ids)
    })
}

#[async_trait]
impl hyte_store::IndicatorSetStore for crate::This {
    async fn list_indicator_sets(&self) -> Result<Vec<IndicatorSet>> {
        let mut c = self.pool.acquire().await?;
        Ok(sorted(current_where(&mut c, "", None).await?))
    }

    async fn get_indicator_set(&self, id: i64, version: Option<i64>) -> Result<Option<IndicatorSet>> {
        let mut c = self.pool.acquire().await?;
        one(&mut c, id, version).await
    }

    async fn indicator_set_versions(&self, id: i64) -> Result<Vec<IndicatorSet>> {
        let mut c = self.pool.acquire().await?;
        let sql = format!("{SELECT} WHERE s.id = $1 ORDER BY v.version DESC");
        let rows: Vec<Row> = sqlx::query_as(&sql).bind(id).fetch_all(&mut *c).await?;
        assemble(&mut c, rows).await
    }

    async fn own_set(&self, org_id: i64) -> Result<Option<(IndicatorSet, Vec<i64>)>> {
        let mut c = self.pool.acquire().await?;
        Ok(with_ids(current_where(&mut c, "AND s.org_id = $1", Some(org_id)).await?.into_iter().next()))
    }

    async fn national_set(&self, kind: SetKind) -> Result<Option<(IndicatorSet, Vec<i64>)>> {
        let mut c = self.pool.acquire().await?;
        Ok(with_ids(national(&mut c, kind).await?))
    }

    async fn create_indicator_set(&self, org_id: i64, input: &SetInput, actor: Actor) -> Result<IndicatorSet> {
        create(&self.pool, org_id, input, actor).await
    }

    async fn update_indicator_set(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &SetInput,
        actor: Actor,
    ) -> Result<IndicatorSet> {
        let mut tx = begin(&self.pool).await?;
        let before = one(&mut tx, id, None).await?.filter(|s| s.org_id == Some(org_id));
        let before = before.ok_or(rule(ErrorCode::NotFound))?;
        usable_indicators(&mut tx, org_id, &input.indicator_ids).await?;
        let after = next_version(&mut tx, &before, version, input, actor).await?;
        log(&mut tx, actor, AuditAction::IndicatorSetUpdate, Some(&before), &after).await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn put_national_set(&self, kind: SetKind, input: &SetInput, actor: Actor) -> Result<IndicatorSet> {
        if !kind.is_national() {
            return Err(rule(ErrorCode::InvalidInput));
        }
        let mut tx = begin(&self.pool).await?;
        national_indicators(&mut tx, &input.indicator_ids).await?;
        let written = match national(&mut tx, kind).await? {
            Some(before) if &before.input == input => return Ok(before),
            Some(before) => {
                let after = next_version(&mut tx, &before, before.current, input, actor).await?;
                log(&mut tx, actor, AuditAction::IndicatorSetUpdate, Some(&before), &after).await?;
                after
            }
            None => {
                let id: i64 =
                    sqlx::query_scalar("INSERT INTO indicator_sets (org_id, kind) VALUES (NULL, $1) RETURNING id")
                        .bind(kind.as_str())
                        .fetch_one(&mut *tx)
                        .await?;
                write_version(&mut tx, id, 1, input, actor).await?;
                let added = one(&mut tx, id, None).await?.ok_or(rule(ErrorCode::NotFound))?;
                log(&mut tx, actor, AuditAction::IndicatorSetCreate, None, &added).await?;
                added
            }
        };
        tx.commit().await?;
        Ok(written)
    }
}

/// Bumps the set's version from `version` (refused with `edit_conflict` when stale) and writes it.
async fn next_version(
    tx: &mut Tx<'_>,
    before: &IndicatorSet,
    version: i64,
    input: &SetInput,
    actor: Actor,
) -> Result<IndicatorSet> {
    let n = sqlx::query("UPDATE indicator_sets SET version = version + 1 WHERE id = $1 AND version = $2")
        .bind(before.id)
        .bind(version)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    written(n)?;
    write_version(tx, before.id, version + 1, input, actor).await?;
    one(tx, before.id, None).await?.ok_or(rule(ErrorCode::NotFound))
}

async fn create(pool: &Pool, org_id: i64, input: &SetInput, actor: Actor) -> Result<IndicatorSet> {
    let mut tx = begin(pool).await?;
    crate::sql::lock_row(&mut tx, "UPDATE organisations SET kind = kind WHERE id = $1", org_id).await?;
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM indicator_sets WHERE org_id = $1")
        .bind(org_id)
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_some() {
        return Err(rule(ErrorCode::EditConflict));
    }
    usable_indicators(&mut tx, org_id, &input.indicator_ids).await?;
    let id: i64 = sqlx::query_scalar("INSERT INTO indicator_sets (org_id, kind) VALUES ($1, 'own') RETURNING id")
        .bind(org_id)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| if is_unique(&e) { rule(ErrorCode::EditConflict) } else { StoreError::from(e) })?;
    write_version(&mut tx, id, 1, input, actor).await?;
    let added = one(&mut tx, id, None).await?.ok_or(rule(ErrorCode::NotFound))?;
    log(&mut tx, actor, AuditAction::IndicatorSetCreate, None, &added).await?;
    tx.commit().await?;
    Ok(added)
}
