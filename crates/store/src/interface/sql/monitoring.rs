//! The portable SQL of an interface service's monitored indicators and yearly evaluations, and
//! the public's view of published chains.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::interface_chains::steps;
use crate::sql::interface_queries::{party_service, services};
use crate::sql::services_queries::log;
use crate::sql::{begin, lock_row, rule, usable_indicators, written};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::interface::{Evaluation, EvaluationInput, TrackedIndicator, TrackedInput};
use hyte_domain::ErrorCode;
use hyte_store::interface::rows::{EvaluationRow, TrackedRow, EVALUATION_COLS};
use hyte_store::interface::PublicChain;
use hyte_store::rows::collect;
use hyte_store::services::rows::to_body;
use hyte_store::{Actor, Result};

type Pool = sqlx::Pool<crate::Db>;

pub(crate) async fn tracked_indicators(pool: &Pool, org_id: i64, service_id: i64) -> Result<Vec<TrackedIndicator>> {
    let mut c = pool.acquire().await?;
    party_service(&mut c, org_id, service_id).await?;
    let rows: Vec<TrackedRow> =
        sqlx::query_as("SELECT id, service_id, body FROM ifc_indicators WHERE service_id = $1 ORDER BY id")
            .bind(service_id)
            .fetch_all(&mut *c)
            .await?;
    collect(rows)
}

pub(crate) async fn add_tracked(
    pool: &Pool,
    org_id: i64,
    service_id: i64,
    input: &TrackedInput,
    actor: Actor,
) -> Result<TrackedIndicator> {
    let mut tx = begin(pool).await?;
    party_service(&mut tx, org_id, service_id).await?;
    usable_indicators(&mut tx, org_id, &[input.target.indicator_id]).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO ifc_indicators (service_id, indicator_id, body) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(service_id)
    .bind(input.target.indicator_id)
    .bind(to_body(input))
    .fetch_one(&mut *tx)
    .await?;
    let added = TrackedIndicator { id, service_id, input: input.clone() };
    log(
        &mut tx,
        actor,
        org_id,
        AuditAction::InterfaceIndicatorCreate,
        ("interface_indicator", id),
        None::<&()>,
        Some(&added),
    )
    .await?;
    tx.commit().await?;
    Ok(added)
}

pub(crate) async fn remove_tracked(pool: &Pool, org_id: i64, service_id: i64, id: i64, actor: Actor) -> Result<()> {
    let mut tx = begin(pool).await?;
    party_service(&mut tx, org_id, service_id).await?;
    let n = sqlx::query("DELETE FROM ifc_indicators WHERE id = $1 AND service_id = $2")
        .bind(id)
        .bind(service_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Err(rule(ErrorCode::NotFound));
    }
    log(
        &mut tx,
        actor,
        org_id,
        AuditAction::InterfaceIndicatorDelete,
        ("interface_indicator", id),
        Some(&id),
        None::<&()>,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn evaluations(pool: &Pool, org_id: i64, service_id: i64) -> Result<Vec<Evaluation>> {
    let mut c = pool.acquire().await?;
    party_service(&mut c, org_id, service_id).await?;
    let rows: Vec<EvaluationRow> = sqlx::query_as(&format!(
        "SELECT {EVALUATION_COLS} FROM ifc_evaluations WHERE service_id = $1 ORDER BY year DESC"
    ))
    .bind(service_id)
    .fetch_all(&mut *c)
    .await?;
    collect(rows)
}

pub(crate) async fn save_evaluation(
    pool: &Pool,
    org_id: i64,
    service_id: i64,
    year: i32,
    version: i64,
    input: &EvaluationInput,
    actor: Actor,
) -> Result<Evaluation> {
    if !(2000..=2100).contains(&year) {
        return Err(rule(ErrorCode::YearInvalid));
    }
    let mut tx = begin(pool).await?;
    lock_row(&mut tx, "UPDATE ifc_services SET version = version WHERE id = $1", service_id)
        .await
        .map_err(|_| rule(ErrorCode::NotFound))?;
    party_service(&mut tx, org_id, service_id).await?;
    let before: Option<EvaluationRow> =
        sqlx::query_as(&format!("SELECT {EVALUATION_COLS} FROM ifc_evaluations WHERE service_id = $1 AND year = $2"))
            .bind(service_id)
            .bind(year)
            .fetch_optional(&mut *tx)
            .await?;
    let before: Option<Evaluation> = before.map(Evaluation::try_from).transpose()?;
    let mut contributors = before.as_ref().map(|b| b.contributors.clone()).unwrap_or_default();
    if !contributors.contains(&org_id) {
        contributors.push(org_id);
    }
    match &before {
        None if version == 0 => {
            sqlx::query("INSERT INTO ifc_evaluations (service_id, year, body, contributors) VALUES ($1, $2, $3, $4)")
                .bind(service_id)
                .bind(year)
                .bind(to_body(input))
                .bind(to_body(&contributors))
                .execute(&mut *tx)
                .await?;
        }
        Some(_) => {
            let n = sqlx::query(
                "UPDATE ifc_evaluations SET body = $1, contributors = $2, version = version + 1 \
                 WHERE service_id = $3 AND year = $4 AND version = $5",
            )
            .bind(to_body(input))
            .bind(to_body(&contributors))
            .bind(service_id)
            .bind(year)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            written(n)?;
        }
        None => return Err(rule(ErrorCode::EditConflict)),
    }
    let after = Evaluation {
        service_id,
        year,
        input: input.clone(),
        contributors,
        version: before.as_ref().map(|b| b.version + 1).unwrap_or(1),
    };
    let entity = ("interface_evaluation", service_id);
    log(&mut tx, actor, org_id, AuditAction::InterfaceEvaluationUpdate, entity, before.as_ref(), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn published_chains(pool: &Pool) -> Result<Vec<PublicChain>> {
    let mut c = pool.acquire().await?;
    let list = services(&mut c, "WHERE s.published = TRUE", None).await?;
    let mut out = Vec::new();
    for service in list {
        let steps = steps(&mut c, service.id).await?;
        out.push(PublicChain { service, steps });
    }
    Ok(out)
}

pub(crate) async fn published_chain(pool: &Pool, id: i64) -> Result<Option<PublicChain>> {
    let mut c = pool.acquire().await?;
    let Some(service) = services(&mut c, "WHERE s.id = $1 AND s.published = TRUE", Some(id)).await?.pop() else {
        return Ok(None);
    };
    let steps = steps(&mut c, id).await?;
    Ok(Some(PublicChain { service, steps }))
}
