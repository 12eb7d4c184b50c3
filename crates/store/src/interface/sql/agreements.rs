//! The portable SQL of cooperation agreements and their signed documents.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::interface_queries::{party_service, Conn};
use crate::sql::services_queries::{log, org_exists};
use crate::sql::{begin, rule, written, Tx};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::interface::{is_pdf, Agreement, AgreementInput, DocumentFacts, DOCUMENT_MAX};
use hyte_domain::ErrorCode;
use hyte_store::interface::rows::{AgreementRow, AGREEMENT_COLS};
use hyte_store::rows::collect;
use hyte_store::services::rows::to_body;
use hyte_store::{Actor, Result};

type Pool = sqlx::Pool<crate::Db>;

fn select(filter: &str) -> String {
    format!(
        "SELECT {AGREEMENT_COLS} FROM ifc_agreements a LEFT JOIN ifc_documents d ON d.agreement_id = a.id \
         WHERE a.id IN (SELECT agreement_id FROM ifc_agreement_parties WHERE org_id = $1) {filter} ORDER BY a.id"
    )
}

async fn agreement_in(c: &mut Conn, org_id: i64, id: i64) -> Result<Agreement> {
    let row: Option<AgreementRow> =
        sqlx::query_as(&select("AND a.id = $2")).bind(org_id).bind(id).fetch_optional(&mut *c).await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

pub(crate) async fn list_agreements(pool: &Pool, org_id: i64) -> Result<Vec<Agreement>> {
    let rows: Vec<AgreementRow> = sqlx::query_as(&select("")).bind(org_id).fetch_all(pool).await?;
    collect(rows)
}

pub(crate) async fn get_agreement(pool: &Pool, org_id: i64, id: i64) -> Result<Option<Agreement>> {
    let mut c = pool.acquire().await?;
    match agreement_in(&mut c, org_id, id).await {
        Ok(a) => Ok(Some(a)),
        Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// The editor is a party; every service is one it takes part in; every party exists.
async fn refs(tx: &mut Tx<'_>, org_id: i64, input: &AgreementInput) -> Result<()> {
    if !input.parties.iter().any(|p| p.org_id == org_id) {
        return Err(rule(ErrorCode::ReferenceInvalid));
    }
    for s in &input.service_ids {
        party_service(tx, org_id, *s).await.map_err(|_| rule(ErrorCode::ReferenceInvalid))?;
    }
    for p in &input.parties {
        org_exists(tx, p.org_id).await?;
    }
    Ok(())
}

async fn write_parties(tx: &mut Tx<'_>, id: i64, input: &AgreementInput) -> Result<()> {
    sqlx::query("DELETE FROM ifc_agreement_parties WHERE agreement_id = $1").bind(id).execute(&mut **tx).await?;
    for p in &input.parties {
        sqlx::query("INSERT INTO ifc_agreement_parties (agreement_id, org_id) VALUES ($1, $2)")
            .bind(id)
            .bind(p.org_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

pub(crate) async fn create_agreement(
    pool: &Pool,
    org_id: i64,
    input: &AgreementInput,
    actor: Actor,
) -> Result<Agreement> {
    let mut tx = begin(pool).await?;
    refs(&mut tx, org_id, input).await?;
    let id: i64 = sqlx::query_scalar("INSERT INTO ifc_agreements (body) VALUES ($1) RETURNING id")
        .bind(to_body(input))
        .fetch_one(&mut *tx)
        .await?;
    write_parties(&mut tx, id, input).await?;
    let added = agreement_in(&mut tx, org_id, id).await?;
    log(
        &mut tx,
        actor,
        org_id,
        AuditAction::InterfaceAgreementCreate,
        ("interface_agreement", id),
        None::<&()>,
        Some(&added),
    )
    .await?;
    tx.commit().await?;
    Ok(added)
}

pub(crate) async fn update_agreement(
    pool: &Pool,
    org_id: i64,
    id: i64,
    version: i64,
    input: &AgreementInput,
    actor: Actor,
) -> Result<Agreement> {
    let mut tx = begin(pool).await?;
    let before = agreement_in(&mut tx, org_id, id).await?;
    refs(&mut tx, org_id, input).await?;
    crate::sql::set_body(&mut tx, "ifc_agreements", id, version, to_body(input)).await?;
    write_parties(&mut tx, id, input).await?;
    let after = agreement_in(&mut tx, org_id, id).await?;
    let entity = ("interface_agreement", id);
    log(&mut tx, actor, org_id, AuditAction::InterfaceAgreementUpdate, entity, Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn attach_document(
    pool: &Pool,
    org_id: i64,
    id: i64,
    version: i64,
    facts: &DocumentFacts,
    content: &[u8],
    actor: Actor,
) -> Result<Agreement> {
    // The domain's rules for a kept document, whoever calls.
    if !is_pdf(content) {
        return Err(rule(ErrorCode::FileTypeInvalid));
    }
    if content.len() > DOCUMENT_MAX || usize::try_from(facts.size).ok() != Some(content.len()) {
        return Err(rule(ErrorCode::UploadTooLarge));
    }
    let mut tx = begin(pool).await?;
    let before = agreement_in(&mut tx, org_id, id).await?;
    let n = sqlx::query("UPDATE ifc_agreements SET version = version + 1 WHERE id = $1 AND version = $2")
        .bind(id)
        .bind(version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    written(n)?;
    sqlx::query("DELETE FROM ifc_documents WHERE agreement_id = $1").bind(id).execute(&mut *tx).await?;
    sqlx::query(
        "INSERT INTO ifc_documents (agreement_id, filename, size, sha256, content, uploaded_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(&facts.filename)
    .bind(facts.size)
    .bind(&facts.sha256)
    .bind(content)
    .bind(chrono::Utc::now())
    .execute(&mut *tx)
    .await?;
    let after = agreement_in(&mut tx, org_id, id).await?;
    let entity = ("interface_agreement", id);
    log(&mut tx, actor, org_id, AuditAction::InterfaceAgreementDocument, entity, Some(&before.document), Some(facts))
        .await?;
    tx.commit().await?;
    Ok(after)
}

#[derive(sqlx::FromRow)]
struct DocRow {
    filename: String,
    size: i64,
    sha256: String,
    content: Vec<u8>,
}

pub(crate) async fn agreement_document(pool: &Pool, org_id: i64, id: i64) -> Result<Option<(DocumentFacts, Vec<u8>)>> {
    let row: Option<DocRow> = sqlx::query_as(
        "SELECT filename, size, sha256, content FROM ifc_documents WHERE agreement_id = $1 \
         AND agreement_id IN (SELECT agreement_id FROM ifc_agreement_parties WHERE org_id = $2)",
    )
    .bind(id)
    .bind(org_id)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| (DocumentFacts { filename: r.filename, size: r.size, sha256: r.sha256 }, r.content)))
}
