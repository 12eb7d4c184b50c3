//! The portable SQL of providers, the services register, participation and feedback.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::services_queries::*;
use crate::sql::{begin, rule, usable_indicators, CHUNK};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::services::{
    FeedbackRow, Participation, ParticipationInput, Provider, ProviderInput, Service, ServiceInput,
};
use hyte_domain::ErrorCode;
use hyte_store::rows::collect;
use hyte_store::services::rows::{to_body, DocRow, FeedbackDbRow, FEEDBACK_COLS};
use hyte_store::{Actor, Result};

type Pool = sqlx::Pool<crate::Db>;

async fn provider_refs(tx: &mut crate::sql::Tx<'_>, p: &ProviderInput) -> Result<()> {
    match p.member_org_id {
        Some(m) => org_exists(tx, m).await,
        None => Ok(()),
    }
}

pub(crate) async fn create_provider(pool: &Pool, org_id: i64, p: &ProviderInput, actor: Actor) -> Result<Provider> {
    let mut tx = begin(pool).await?;
    owner_exists(&mut tx, org_id).await?;
    provider_refs(&mut tx, p).await?;
    let row: DocRow = sqlx::query_as(&format!(
        "INSERT INTO svc_providers (org_id, member_org_id, name, body) VALUES ($1, $2, $3, $4) {}",
        PROVIDERS.returning()
    ))
    .bind(org_id)
    .bind(p.member_org_id)
    .bind(&p.name)
    .bind(to_body(p))
    .fetch_one(&mut *tx)
    .await?;
    let added = Provider::try_from(row)?;
    log(&mut tx, actor, org_id, AuditAction::ProviderCreate, ("provider", added.id), None::<&()>, Some(&added)).await?;
    tx.commit().await?;
    Ok(added)
}

pub(crate) async fn update_provider(
    pool: &Pool,
    org_id: i64,
    id: i64,
    version: i64,
    p: &ProviderInput,
    actor: Actor,
) -> Result<Provider> {
    let mut tx = begin(pool).await?;
    let before: Provider = doc_in(&mut tx, &PROVIDERS, org_id, id).await?;
    provider_refs(&mut tx, p).await?;
    sqlx::query("UPDATE svc_providers SET member_org_id = $1, name = $2 WHERE id = $3")
        .bind(p.member_org_id)
        .bind(&p.name)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let after: Provider = update_body(&mut tx, &PROVIDERS, id, version, to_body(p)).await?;
    log(&mut tx, actor, org_id, AuditAction::ProviderUpdate, ("provider", id), Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn list_providers(pool: &Pool, org_id: i64) -> Result<Vec<Provider>> {
    let rows: Vec<DocRow> =
        sqlx::query_as(&format!("{} WHERE org_id = $1 ORDER BY lower(name), id", PROVIDERS.select()))
            .bind(org_id)
            .fetch_all(pool)
            .await?;
    collect(rows)
}

async fn service_refs(tx: &mut crate::sql::Tx<'_>, org_id: i64, s: &ServiceInput) -> Result<()> {
    if let Some(p) = s.provider_id {
        own_provider(tx, org_id, p).await?;
    }
    usable_indicators(tx, org_id, &s.indicators).await
}

pub(crate) async fn create_service(pool: &Pool, org_id: i64, s: &ServiceInput, actor: Actor) -> Result<Service> {
    let mut tx = begin(pool).await?;
    owner_exists(&mut tx, org_id).await?;
    service_refs(&mut tx, org_id, s).await?;
    let row: DocRow = sqlx::query_as(&format!(
        "INSERT INTO svc_services (org_id, provider_id, name, body) VALUES ($1, $2, $3, $4) {}",
        SERVICES.returning()
    ))
    .bind(org_id)
    .bind(s.provider_id)
    .bind(&s.names.fi)
    .bind(to_body(s))
    .fetch_one(&mut *tx)
    .await?;
    let added = Service::try_from(row)?;
    log(&mut tx, actor, org_id, AuditAction::ServiceCreate, ("service", added.id), None::<&()>, Some(&added)).await?;
    tx.commit().await?;
    Ok(added)
}

pub(crate) async fn update_service(
    pool: &Pool,
    org_id: i64,
    id: i64,
    version: i64,
    s: &ServiceInput,
    actor: Actor,
) -> Result<Service> {
    let mut tx = begin(pool).await?;
    let before: Service = doc_in(&mut tx, &SERVICES, org_id, id).await?;
    service_refs(&mut tx, org_id, s).await?;
    sqlx::query("UPDATE svc_services SET provider_id = $1, name = $2 WHERE id = $3")
        .bind(s.provider_id)
        .bind(&s.names.fi)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let after: Service = update_body(&mut tx, &SERVICES, id, version, to_body(s)).await?;
    log(&mut tx, actor, org_id, AuditAction::ServiceUpdate, ("service", id), Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn list_services(pool: &Pool, org_id: i64) -> Result<Vec<Service>> {
    let rows: Vec<DocRow> =
        sqlx::query_as(&format!("{} WHERE org_id = $1 ORDER BY lower(name), id", SERVICES.select()))
            .bind(org_id)
            .fetch_all(pool)
            .await?;
    collect(rows)
}

pub(crate) async fn get_service(pool: &Pool, org_id: i64, id: i64) -> Result<Option<Service>> {
    let row: Option<DocRow> = sqlx::query_as(&format!("{} WHERE org_id = $1 AND id = $2", SERVICES.select()))
        .bind(org_id)
        .bind(id)
        .fetch_optional(pool)
        .await?;
    row.map(Service::try_from).transpose()
}

pub(crate) async fn service_participation(pool: &Pool, org_id: i64, service_id: i64) -> Result<Vec<Participation>> {
    if get_service(pool, org_id, service_id).await?.is_none() {
        return Err(rule(ErrorCode::NotFound));
    }
    docs_of(pool, &PARTICIPATION, service_id).await
}

pub(crate) async fn add_participation(
    pool: &Pool,
    org_id: i64,
    service_id: i64,
    p: &ParticipationInput,
    actor: Actor,
) -> Result<Participation> {
    let mut tx = begin(pool).await?;
    let _: Service = doc_in(&mut tx, &SERVICES, org_id, service_id).await?;
    if let Some(g) = p.group_id {
        own_group(&mut tx, org_id, g).await?;
    }
    let row: DocRow = sqlx::query_as(&format!(
        "INSERT INTO svc_participation (service_id, body) VALUES ($1, $2) {}",
        PARTICIPATION.returning()
    ))
    .bind(service_id)
    .bind(to_body(p))
    .fetch_one(&mut *tx)
    .await?;
    let added = Participation::try_from(row)?;
    let entity = ("participation", added.id);
    log(&mut tx, actor, org_id, AuditAction::ParticipationCreate, entity, None::<&()>, Some(&added)).await?;
    tx.commit().await?;
    Ok(added)
}

pub(crate) async fn import_feedback(pool: &Pool, org_id: i64, rows: &[FeedbackRow], actor: Actor) -> Result<usize> {
    let mut tx = begin(pool).await?;
    let mut ids: Vec<i64> = rows.iter().map(|r| r.service_id).collect();
    ids.sort_unstable();
    ids.dedup();
    own_services(&mut tx, org_id, &ids).await?;
    for chunk in rows.chunks(CHUNK / 6) {
        let mut q = sqlx::QueryBuilder::<crate::Db>::new(
            "INSERT INTO svc_feedback (service_id, period, measure, value, count, client_group) ",
        );
        q.push_values(chunk, |mut b, r| {
            b.push_bind(r.service_id)
                .push_bind(&r.period)
                .push_bind(&r.measure)
                .push_bind(r.value)
                .push_bind(r.count)
                .push_bind(r.group.map(|g| g.as_str()));
        });
        q.build().execute(&mut *tx).await?;
    }
    let summary = serde_json::json!({ "rows": rows.len(), "services": ids });
    log(&mut tx, actor, org_id, AuditAction::FeedbackImport, ("feedback", org_id), None::<&()>, Some(&summary)).await?;
    tx.commit().await?;
    Ok(rows.len())
}

pub(crate) async fn org_feedback(pool: &Pool, org_id: i64) -> Result<Vec<FeedbackRow>> {
    let rows: Vec<FeedbackDbRow> = sqlx::query_as(&format!(
        "SELECT {FEEDBACK_COLS} FROM svc_feedback WHERE service_id IN (SELECT id FROM svc_services WHERE org_id = $1) \
         ORDER BY service_id, period, measure, id"
    ))
    .bind(org_id)
    .fetch_all(pool)
    .await?;
    collect(rows)
}
