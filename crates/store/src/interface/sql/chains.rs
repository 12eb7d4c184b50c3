//! The portable SQL of interface services, their parties, chain steps and division of work.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::interface_queries::{lead_service, party_service, services_of, write_parties};
use crate::sql::services_queries::log;
use crate::sql::{begin, lock_row, rule, written, Tx};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::interface::{
    may_edit_step, ChainStep, DivisionOfWork, InterfaceInput, InterfaceService, Party, StepInput, WorkVersion,
};
use hyte_domain::ErrorCode;
use hyte_store::interface::rows::{WorkRow, STEP_COLS};
use hyte_store::rows::collect;
use hyte_store::services::rows::to_body;
use hyte_store::{Actor, Result};

type Pool = sqlx::Pool<crate::Db>;

/// The most steps a chain has.
const MAX_STEPS: usize = 100;

/// Locks a service's row: writes to its parties and children are serialised.
async fn lock(tx: &mut Tx<'_>, id: i64) -> Result<()> {
    lock_row(tx, "UPDATE ifc_services SET version = version WHERE id = $1", id).await
}

pub(crate) async fn list_interfaces(pool: &Pool, org_id: i64) -> Result<Vec<InterfaceService>> {
    let mut c = pool.acquire().await?;
    services_of(&mut c, org_id).await
}

pub(crate) async fn get_interface(pool: &Pool, org_id: i64, id: i64) -> Result<Option<InterfaceService>> {
    let mut c = pool.acquire().await?;
    match party_service(&mut c, org_id, id).await {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

pub(crate) async fn create_interface(
    pool: &Pool,
    org_id: i64,
    input: &InterfaceInput,
    parties: &[Party],
    actor: Actor,
) -> Result<InterfaceService> {
    if !parties.iter().any(|p| p.org_id == org_id && p.role == hyte_domain::interface::PartyRole::Lead) {
        return Err(rule(ErrorCode::LastLead));
    }
    let mut tx = begin(pool).await?;
    let id: i64 = sqlx::query_scalar("INSERT INTO ifc_services (body) VALUES ($1) RETURNING id")
        .bind(to_body(input))
        .fetch_one(&mut *tx)
        .await?;
    write_parties(&mut tx, id, parties).await?;
    let added = party_service(&mut tx, org_id, id).await?;
    log(&mut tx, actor, org_id, AuditAction::InterfaceCreate, ("interface", id), None::<&()>, Some(&added)).await?;
    tx.commit().await?;
    Ok(added)
}

pub(crate) async fn update_interface(
    pool: &Pool,
    org_id: i64,
    id: i64,
    version: i64,
    input: &InterfaceInput,
    parties: Option<&[Party]>,
    actor: Actor,
) -> Result<InterfaceService> {
    let mut tx = begin(pool).await?;
    let before = party_service(&mut tx, org_id, id).await?;
    crate::sql::set_body(&mut tx, "ifc_services", id, version, to_body(input)).await?;
    if let Some(parties) = parties.filter(|p| *p != before.parties.as_slice()) {
        if !before.is_lead(org_id) {
            return Err(rule(ErrorCode::Forbidden));
        }
        write_parties(&mut tx, id, parties).await?;
    }
    let after = party_service(&mut tx, org_id, id).await?;
    log(&mut tx, actor, org_id, AuditAction::InterfaceUpdate, ("interface", id), Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn publish_interface(
    pool: &Pool,
    org_id: i64,
    id: i64,
    version: i64,
    published: bool,
    actor: Actor,
) -> Result<InterfaceService> {
    let mut tx = begin(pool).await?;
    let before = lead_service(&mut tx, org_id, id).await?;
    let n = sqlx::query("UPDATE ifc_services SET published = $1, version = version + 1 WHERE id = $2 AND version = $3")
        .bind(published)
        .bind(id)
        .bind(version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    written(n)?;
    let after = party_service(&mut tx, org_id, id).await?;
    log(&mut tx, actor, org_id, AuditAction::InterfacePublish, ("interface", id), Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn steps(c: &mut crate::sql::interface_queries::Conn, service_id: i64) -> Result<Vec<ChainStep>> {
    let rows: Vec<hyte_store::interface::rows::StepRow> =
        sqlx::query_as(&format!("SELECT {STEP_COLS} FROM ifc_steps WHERE service_id = $1 ORDER BY position, id"))
            .bind(service_id)
            .fetch_all(&mut *c)
            .await?;
    collect(rows)
}

pub(crate) async fn chain_steps(pool: &Pool, org_id: i64, service_id: i64) -> Result<Vec<ChainStep>> {
    let mut c = pool.acquire().await?;
    party_service(&mut c, org_id, service_id).await?;
    steps(&mut c, service_id).await
}

fn step_party(service: &InterfaceService, input: &StepInput) -> Result<()> {
    if service.role_of(input.org_id).is_none() {
        return Err(rule(ErrorCode::ReferenceInvalid));
    }
    Ok(())
}

pub(crate) async fn add_steps(
    pool: &Pool,
    org_id: i64,
    service_id: i64,
    inputs: &[StepInput],
    actor: Actor,
) -> Result<Vec<ChainStep>> {
    let mut tx = begin(pool).await?;
    lock(&mut tx, service_id).await?;
    let service = lead_service(&mut tx, org_id, service_id).await?;
    let existing = steps(&mut tx, service_id).await?;
    let mut position = existing.last().map(|s| s.position).unwrap_or(0);
    if inputs.len() + existing.len() > MAX_STEPS {
        return Err(rule(ErrorCode::TooLong));
    }
    for input in inputs {
        step_party(&service, input)?;
        position += 1;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO ifc_steps (service_id, org_id, position, body) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(service_id)
        .bind(input.org_id)
        .bind(position)
        .bind(to_body(input))
        .fetch_one(&mut *tx)
        .await?;
        log(&mut tx, actor, org_id, AuditAction::ChainStepCreate, ("chain_step", id), None::<&()>, Some(input)).await?;
    }
    let all = steps(&mut tx, service_id).await?;
    tx.commit().await?;
    Ok(all)
}

/// Step `id` and its service, when `org_id` takes part in the service.
async fn step_in(tx: &mut Tx<'_>, org_id: i64, id: i64) -> Result<(ChainStep, InterfaceService)> {
    let service_id: Option<i64> =
        sqlx::query_scalar("SELECT service_id FROM ifc_steps WHERE id = $1").bind(id).fetch_optional(&mut **tx).await?;
    let service_id = service_id.ok_or(rule(ErrorCode::NotFound))?;
    lock(tx, service_id).await?;
    let service = party_service(tx, org_id, service_id).await?;
    let step = steps(tx, service_id).await?.into_iter().find(|s| s.id == id).ok_or(rule(ErrorCode::NotFound))?;
    Ok((step, service))
}

pub(crate) async fn update_step(
    pool: &Pool,
    org_id: i64,
    id: i64,
    version: i64,
    input: &StepInput,
    actor: Actor,
) -> Result<ChainStep> {
    let mut tx = begin(pool).await?;
    let (before, service) = step_in(&mut tx, org_id, id).await?;
    // A partner edits its own step and keeps it its own.
    if !may_edit_step(&service, org_id, before.input.org_id) || !may_edit_step(&service, org_id, input.org_id) {
        return Err(rule(ErrorCode::Forbidden));
    }
    step_party(&service, input)?;
    let n = sqlx::query(
        "UPDATE ifc_steps SET org_id = $1, body = $2, version = version + 1 WHERE id = $3 AND version = $4",
    )
    .bind(input.org_id)
    .bind(to_body(input))
    .bind(id)
    .bind(version)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    written(n)?;
    let after = ChainStep { input: input.clone(), version: version + 1, ..before.clone() };
    log(&mut tx, actor, org_id, AuditAction::ChainStepUpdate, ("chain_step", id), Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn delete_step(pool: &Pool, org_id: i64, id: i64, version: i64, actor: Actor) -> Result<()> {
    let mut tx = begin(pool).await?;
    let (before, service) = step_in(&mut tx, org_id, id).await?;
    if !service.is_lead(org_id) {
        return Err(rule(ErrorCode::Forbidden));
    }
    crate::sql::versioned(&mut tx, "DELETE FROM ifc_steps WHERE id = $1 AND version = $2", id, version).await?;
    log(&mut tx, actor, org_id, AuditAction::ChainStepDelete, ("chain_step", id), Some(&before), None::<&()>).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn move_step(pool: &Pool, org_id: i64, id: i64, up: bool, actor: Actor) -> Result<Vec<ChainStep>> {
    let mut tx = begin(pool).await?;
    let (step, service) = step_in(&mut tx, org_id, id).await?;
    if !service.is_lead(org_id) {
        return Err(rule(ErrorCode::Forbidden));
    }
    let all = steps(&mut tx, service.id).await?;
    let i = all.iter().position(|s| s.id == id).ok_or(rule(ErrorCode::NotFound))?;
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    if let (Some(this), Some(other)) = (all.get(i), j.and_then(|j| all.get(j))) {
        for (s, pos) in [(this, other.position), (other, this.position)] {
            sqlx::query("UPDATE ifc_steps SET position = $1 WHERE id = $2")
                .bind(pos)
                .bind(s.id)
                .execute(&mut *tx)
                .await?;
        }
        let to = other.position;
        log(&mut tx, actor, org_id, AuditAction::ChainStepMove, ("chain_step", id), Some(&step.position), Some(&to))
            .await?;
    }
    let all = steps(&mut tx, service.id).await?;
    tx.commit().await?;
    Ok(all)
}

const WORK_SELECT: &str = "SELECT w.version, w.body, u.display_name AS changed_by, w.changed_at \
     FROM ifc_work w LEFT JOIN users u ON u.id = w.changed_by WHERE w.service_id = $1 ORDER BY w.version DESC";

pub(crate) async fn division_of_work(pool: &Pool, org_id: i64, service_id: i64) -> Result<Vec<WorkVersion>> {
    let mut c = pool.acquire().await?;
    party_service(&mut c, org_id, service_id).await?;
    let rows: Vec<WorkRow> = sqlx::query_as(WORK_SELECT).bind(service_id).fetch_all(&mut *c).await?;
    collect(rows)
}

pub(crate) async fn save_division_of_work(
    pool: &Pool,
    org_id: i64,
    service_id: i64,
    version: i64,
    work: &DivisionOfWork,
    actor: Actor,
) -> Result<WorkVersion> {
    let mut tx = begin(pool).await?;
    lock(&mut tx, service_id).await?;
    let service = party_service(&mut tx, org_id, service_id).await?;
    if work.tasks.iter().flat_map(|t| &t.cells).any(|(o, _)| service.role_of(*o).is_none()) {
        return Err(rule(ErrorCode::ReferenceInvalid));
    }
    let newest: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM ifc_work WHERE service_id = $1")
        .bind(service_id)
        .fetch_one(&mut *tx)
        .await?;
    if newest.unwrap_or(0) != version {
        return Err(rule(ErrorCode::EditConflict));
    }
    sqlx::query("INSERT INTO ifc_work (service_id, version, body, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(service_id)
        .bind(version + 1)
        .bind(to_body(work))
        .bind(actor.user_id)
        .bind(chrono::Utc::now())
        .execute(&mut *tx)
        .await?;
    log(&mut tx, actor, org_id, AuditAction::DivisionOfWorkUpdate, ("interface", service_id), None::<&()>, Some(work))
        .await?;
    let rows: Vec<WorkRow> = sqlx::query_as(WORK_SELECT).bind(service_id).fetch_all(&mut *tx).await?;
    let saved: Vec<WorkVersion> = collect(rows)?;
    tx.commit().await?;
    saved.into_iter().next().ok_or(rule(ErrorCode::Internal))
}
