//! The in-transaction reads and checks the interface store shares: a service with its parties,
//! the acting organisation's part in it, and the parties' rows.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::rule;
use hyte_domain::interface::{InterfaceService, Party, PartyRole};
use hyte_domain::ErrorCode;
use hyte_store::interface::rows::{PartyRow, ServiceRow};
use hyte_store::Result;

pub(crate) type Conn = <crate::Db as sqlx::Database>::Connection;

const SERVICE_COLS: &str = "id, body, published, version";

/// The services with the given ids (all when `ids` is None), with their parties.
pub(crate) async fn services(c: &mut Conn, filter: &str, bind: Option<i64>) -> Result<Vec<InterfaceService>> {
    let sql = format!("SELECT {SERVICE_COLS} FROM ifc_services s {filter} ORDER BY id");
    let mut q = sqlx::query_as::<_, ServiceRow>(&sql);
    if let Some(b) = bind {
        q = q.bind(b);
    }
    let rows: Vec<ServiceRow> = q.fetch_all(&mut *c).await?;
    let psql = format!(
        "SELECT service_id, org_id, role FROM ifc_parties WHERE service_id IN \
         (SELECT id FROM ifc_services s {filter}) ORDER BY service_id, org_id"
    );
    let mut q = sqlx::query_as::<_, PartyRow>(&psql);
    if let Some(b) = bind {
        q = q.bind(b);
    }
    let parties: Vec<PartyRow> = q.fetch_all(&mut *c).await?;
    rows.into_iter().map(|r| r.with(&parties)).collect()
}

/// The services organisation `org_id` takes part in.
pub(crate) async fn services_of(c: &mut Conn, org_id: i64) -> Result<Vec<InterfaceService>> {
    services(c, "WHERE s.id IN (SELECT service_id FROM ifc_parties WHERE org_id = $1)", Some(org_id)).await
}

/// Service `id` when `org_id` takes part in it; `not_found` else.
pub(crate) async fn party_service(c: &mut Conn, org_id: i64, id: i64) -> Result<InterfaceService> {
    let s = services(c, "WHERE s.id = $1", Some(id)).await?.pop();
    s.filter(|s| s.role_of(org_id).is_some()).ok_or(rule(ErrorCode::NotFound))
}

/// Service `id` when `org_id` leads it; `not_found` for an outsider, `forbidden` for a partner.
pub(crate) async fn lead_service(c: &mut Conn, org_id: i64, id: i64) -> Result<InterfaceService> {
    let s = party_service(c, org_id, id).await?;
    if !s.is_lead(org_id) {
        return Err(rule(ErrorCode::Forbidden));
    }
    Ok(s)
}

/// Replaces a service's parties: each organisation exists, one leads, and every organisation that
/// answers for a step stays (`party_in_use`).
pub(crate) async fn write_parties(c: &mut Conn, service_id: i64, parties: &[Party]) -> Result<()> {
    if !parties.iter().any(|p| p.role == PartyRole::Lead) {
        return Err(rule(ErrorCode::LastLead));
    }
    for p in parties {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE id = $1")
            .bind(p.org_id)
            .fetch_one(&mut *c)
            .await?;
        if n == 0 {
            return Err(rule(ErrorCode::ReferenceInvalid));
        }
    }
    let owners: Vec<i64> = sqlx::query_scalar("SELECT DISTINCT org_id FROM ifc_steps WHERE service_id = $1")
        .bind(service_id)
        .fetch_all(&mut *c)
        .await?;
    if owners.iter().any(|o| !parties.iter().any(|p| p.org_id == *o)) {
        return Err(rule(ErrorCode::PartyInUse));
    }
    sqlx::query("DELETE FROM ifc_parties WHERE service_id = $1").bind(service_id).execute(&mut *c).await?;
    for p in parties {
        sqlx::query("INSERT INTO ifc_parties (service_id, org_id, role) VALUES ($1, $2, $3)")
            .bind(service_id)
            .bind(p.org_id)
            .bind(p.role.as_str())
            .execute(&mut *c)
            .await?;
    }
    Ok(())
}
