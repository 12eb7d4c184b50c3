//! The portable SQL of contracts, their criteria and the providers' monitoring reports.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::services_queries::*;
use crate::sql::{begin, rule, usable_indicators, Tx};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::services::{
    Contract, ContractInput, Criterion, CriterionInput, MonitoringReport, Provider, ReportInput, ReportState, Review,
    Source,
};
use hyte_domain::ErrorCode;
use hyte_store::rows::collect;
use hyte_store::services::rows::{to_body, DocRow, ReportRow, REPORT_COLS};
use hyte_store::services::ContractView;
use hyte_store::{Actor, Result};

type Pool = sqlx::Pool<crate::Db>;

async fn contract_refs(tx: &mut Tx<'_>, org_id: i64, c: &ContractInput) -> Result<()> {
    own_provider(tx, org_id, c.provider_id).await?;
    own_services(tx, org_id, &c.service_ids).await
}

pub(crate) async fn create_contract(pool: &Pool, org_id: i64, c: &ContractInput, actor: Actor) -> Result<Contract> {
    let mut tx = begin(pool).await?;
    owner_exists(&mut tx, org_id).await?;
    contract_refs(&mut tx, org_id, c).await?;
    let row: DocRow = sqlx::query_as(&format!(
        "INSERT INTO svc_contracts (org_id, provider_id, body) VALUES ($1, $2, $3) {}",
        CONTRACTS.returning()
    ))
    .bind(org_id)
    .bind(c.provider_id)
    .bind(to_body(c))
    .fetch_one(&mut *tx)
    .await?;
    let added = Contract::try_from(row)?;
    log(&mut tx, actor, org_id, AuditAction::ContractCreate, ("contract", added.id), None::<&()>, Some(&added)).await?;
    tx.commit().await?;
    Ok(added)
}

pub(crate) async fn update_contract(
    pool: &Pool,
    org_id: i64,
    id: i64,
    version: i64,
    c: &ContractInput,
    actor: Actor,
) -> Result<Contract> {
    let mut tx = begin(pool).await?;
    let before: Contract = doc_in(&mut tx, &CONTRACTS, org_id, id).await?;
    contract_refs(&mut tx, org_id, c).await?;
    sqlx::query("UPDATE svc_contracts SET provider_id = $1 WHERE id = $2")
        .bind(c.provider_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let after: Contract = update_body(&mut tx, &CONTRACTS, id, version, to_body(c)).await?;
    log(&mut tx, actor, org_id, AuditAction::ContractUpdate, ("contract", id), Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn list_contracts(pool: &Pool, org_id: i64) -> Result<Vec<Contract>> {
    docs_of(pool, &CONTRACTS, org_id).await
}

/// The contract's provider, criteria and reports.
async fn view(pool: &Pool, contract: Contract) -> Result<ContractView> {
    let provider_row: DocRow = sqlx::query_as(&format!("{} WHERE id = $1", PROVIDERS.select()))
        .bind(contract.input.provider_id)
        .fetch_one(pool)
        .await?;
    let criteria: Vec<Criterion> = docs_of(pool, &CRITERIA, contract.id).await?;
    let rows: Vec<ReportRow> = sqlx::query_as(&format!(
        "SELECT {REPORT_COLS} FROM svc_reports WHERE criterion_id IN \
         (SELECT id FROM svc_criteria WHERE contract_id = $1) ORDER BY period, criterion_id"
    ))
    .bind(contract.id)
    .fetch_all(pool)
    .await?;
    Ok(ContractView { provider: Provider::try_from(provider_row)?, contract, criteria, reports: collect(rows)? })
}

/// The contract `sql` selects with `a` and `b` bound, with its provider, criteria and reports.
async fn one_view(pool: &Pool, sql: String, a: i64, b: i64) -> Result<Option<ContractView>> {
    let row: Option<DocRow> = sqlx::query_as(&sql).bind(a).bind(b).fetch_optional(pool).await?;
    match row {
        Some(r) => Ok(Some(view(pool, Contract::try_from(r)?).await?)),
        None => Ok(None),
    }
}

pub(crate) async fn get_contract(pool: &Pool, org_id: i64, id: i64) -> Result<Option<ContractView>> {
    one_view(pool, format!("{} WHERE org_id = $1 AND id = $2", CONTRACTS.select()), org_id, id).await
}

const PROVIDER_SIDE: &str = "provider_id IN (SELECT id FROM svc_providers WHERE member_org_id = $1)";

pub(crate) async fn provider_contracts(pool: &Pool, member_org_id: i64) -> Result<Vec<ContractView>> {
    let rows: Vec<DocRow> = sqlx::query_as(&format!("{} WHERE {PROVIDER_SIDE} ORDER BY id", CONTRACTS.select()))
        .bind(member_org_id)
        .fetch_all(pool)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for c in collect::<_, Contract>(rows)? {
        out.push(view(pool, c).await?);
    }
    Ok(out)
}

pub(crate) async fn provider_contract(pool: &Pool, member_org_id: i64, id: i64) -> Result<Option<ContractView>> {
    one_view(pool, format!("{} WHERE {PROVIDER_SIDE} AND id = $2", CONTRACTS.select()), member_org_id, id).await
}

async fn criterion_refs(tx: &mut Tx<'_>, org_id: i64, c: &CriterionInput) -> Result<()> {
    usable_indicators(tx, org_id, &c.indicator_id.into_iter().collect::<Vec<_>>()).await
}

pub(crate) async fn add_criterion(
    pool: &Pool,
    org_id: i64,
    contract_id: i64,
    c: &CriterionInput,
    actor: Actor,
) -> Result<Criterion> {
    let mut tx = begin(pool).await?;
    let _: Contract = doc_in(&mut tx, &CONTRACTS, org_id, contract_id).await?;
    criterion_refs(&mut tx, org_id, c).await?;
    let row: DocRow = sqlx::query_as(&format!(
        "INSERT INTO svc_criteria (contract_id, body) VALUES ($1, $2) {}",
        CRITERIA.returning()
    ))
    .bind(contract_id)
    .bind(to_body(c))
    .fetch_one(&mut *tx)
    .await?;
    let added = Criterion::try_from(row)?;
    let entity = ("criterion", added.id);
    log(&mut tx, actor, org_id, AuditAction::CriterionCreate, entity, None::<&()>, Some(&added)).await?;
    tx.commit().await?;
    Ok(added)
}

/// The criterion `id` of one of the county's contracts; `not_found` else.
async fn county_criterion(tx: &mut Tx<'_>, org_id: i64, id: i64) -> Result<Criterion> {
    let row: Option<DocRow> = sqlx::query_as(&format!(
        "{} WHERE id = $1 AND contract_id IN (SELECT id FROM svc_contracts WHERE org_id = $2)",
        CRITERIA.select()
    ))
    .bind(id)
    .bind(org_id)
    .fetch_optional(&mut **tx)
    .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

pub(crate) async fn update_criterion(
    pool: &Pool,
    org_id: i64,
    id: i64,
    version: i64,
    c: &CriterionInput,
    actor: Actor,
) -> Result<Criterion> {
    let mut tx = begin(pool).await?;
    let before = county_criterion(&mut tx, org_id, id).await?;
    criterion_refs(&mut tx, org_id, c).await?;
    let after: Criterion = update_body(&mut tx, &CRITERIA, id, version, to_body(c)).await?;
    log(&mut tx, actor, org_id, AuditAction::CriterionUpdate, ("criterion", id), Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

async fn report_by_id(tx: &mut Tx<'_>, id: i64) -> Result<Option<MonitoringReport>> {
    let row: Option<ReportRow> = sqlx::query_as(&format!("SELECT {REPORT_COLS} FROM svc_reports WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(MonitoringReport::try_from).transpose()
}

pub(crate) async fn submit_reports(
    pool: &Pool,
    member_org_id: i64,
    contract_id: i64,
    reports: &[ReportInput],
    actor: Actor,
) -> Result<Vec<MonitoringReport>> {
    let mut tx = begin(pool).await?;
    let contract: Option<DocRow> = sqlx::query_as(&format!("{} WHERE {PROVIDER_SIDE} AND id = $2", CONTRACTS.select()))
        .bind(member_org_id)
        .bind(contract_id)
        .fetch_optional(&mut *tx)
        .await?;
    let contract = Contract::try_from(contract.ok_or(rule(ErrorCode::NotFound))?)?;
    let now = chrono::Utc::now();
    let mut out = Vec::with_capacity(reports.len());
    for r in reports {
        let c: Criterion = doc_in(&mut tx, &CRITERIA, contract.id, r.criterion_id)
            .await
            .map_err(|_| rule(ErrorCode::ReferenceInvalid))?;
        if c.input.source != Source::Provider {
            return Err(rule(ErrorCode::ReferenceInvalid));
        }
        let old: Option<ReportRow> =
            sqlx::query_as(&format!("SELECT {REPORT_COLS} FROM svc_reports WHERE criterion_id = $1 AND period = $2"))
                .bind(c.id)
                .bind(&r.period)
                .fetch_optional(&mut *tx)
                .await?;
        let old = old.map(MonitoringReport::try_from).transpose()?;
        if old.as_ref().is_some_and(|o| !o.state.provider_may_write()) {
            return Err(rule(ErrorCode::MonitoringLocked));
        }
        let row: ReportRow = sqlx::query_as(&format!(
            "INSERT INTO svc_reports (criterion_id, period, value, comment, state, reported_at) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (criterion_id, period) DO UPDATE SET value = $3, comment = $4, state = $5, \
             review_comment = NULL, reported_at = $6, version = svc_reports.version + 1 \
             WHERE svc_reports.state <> 'accepted' RETURNING {REPORT_COLS}"
        ))
        .bind(c.id)
        .bind(&r.period)
        .bind(r.value)
        .bind(&r.comment)
        .bind(ReportState::Submitted.as_str())
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(rule(ErrorCode::MonitoringLocked))?;
        let written = MonitoringReport::try_from(row)?;
        let entity = ("monitoring_report", written.id);
        log(&mut tx, actor, contract.org_id, AuditAction::MonitoringSubmit, entity, old.as_ref(), Some(&written))
            .await?;
        out.push(written);
    }
    tx.commit().await?;
    Ok(out)
}

pub(crate) async fn review_report(
    pool: &Pool,
    org_id: i64,
    id: i64,
    version: i64,
    review: &Review,
    actor: Actor,
) -> Result<MonitoringReport> {
    let mut tx = begin(pool).await?;
    let before = report_by_id(&mut tx, id).await?.ok_or(rule(ErrorCode::NotFound))?;
    county_criterion(&mut tx, org_id, before.criterion_id).await?;
    if before.state != ReportState::Submitted {
        return Err(rule(ErrorCode::StateTransitionInvalid));
    }
    let (state, action) = if review.accept {
        (ReportState::Accepted, AuditAction::MonitoringAccept)
    } else {
        (ReportState::Returned, AuditAction::MonitoringReturn)
    };
    let row: Option<ReportRow> = sqlx::query_as(&format!(
        "UPDATE svc_reports SET state = $1, review_comment = $2, version = version + 1 \
         WHERE id = $3 AND version = $4 RETURNING {REPORT_COLS}"
    ))
    .bind(state.as_str())
    .bind(&review.comment)
    .bind(id)
    .bind(version)
    .fetch_optional(&mut *tx)
    .await?;
    let after = MonitoringReport::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
    log(&mut tx, actor, org_id, action, ("monitoring_report", id), Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}
