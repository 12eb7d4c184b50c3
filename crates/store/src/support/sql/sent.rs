//! The SQL of the reports municipalities send to their county.

use crate::sql::services_queries::log;
use crate::sql::support_region as region;
use crate::sql::{begin, lock_row, rule, written, Tx};
use chrono::{DateTime, Utc};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::reports::{ReportKind, ReportState};
use hyte_domain::support::negotiation::{may_send, parse_feedback, SentReport};
use hyte_domain::{ErrorCode, Organisation};
use hyte_store::admin::rows::{OrgRow, ORG_COLS};
use hyte_store::rows::corrupt;
use hyte_store::{Actor, Result, StoreError};

type Pool = sqlx::Pool<crate::Db>;

#[derive(sqlx::FromRow)]
struct SentRow {
    id: i64,
    report_id: i64,
    org_id: i64,
    county_org_id: i64,
    title: String,
    kind: String,
    content_version: i32,
    sent_at: DateTime<Utc>,
    acknowledged_at: Option<DateTime<Utc>>,
    feedback: Option<String>,
    version: i64,
}

impl TryFrom<SentRow> for SentReport {
    type Error = StoreError;
    fn try_from(r: SentRow) -> Result<SentReport> {
        Ok(SentReport {
            id: r.id,
            report_id: r.report_id,
            org_id: r.org_id,
            county_org_id: r.county_org_id,
            report_title: r.title,
            report_kind: ReportKind::parse(&r.kind).ok_or_else(|| corrupt("report kind", &r.kind))?,
            content_version: r.content_version,
            sent_at: r.sent_at,
            acknowledged_at: r.acknowledged_at,
            feedback: r.feedback,
            version: r.version,
        })
    }
}

fn select(filter: &str) -> String {
    format!(
        "SELECT s.id, s.report_id, s.org_id, s.county_org_id, r.title, r.kind, s.content_version, s.sent_at, \
         s.acknowledged_at, s.feedback, s.version FROM sup_sent_reports s JOIN reports r ON r.id = s.report_id \
         WHERE {filter}"
    )
}

/// The county whose member municipality `org_id` is.
pub(super) async fn county_of(tx: &mut Tx<'_>, org_id: i64) -> Result<Option<i64>> {
    // The counties whose area has the municipality's area as a member; `is_member` checks the
    // latest division and the organisations' kinds.
    let candidates: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT c.id FROM organisations o JOIN area_memberships m ON m.child_id = o.area_id \
         JOIN organisations c ON c.area_id = m.parent_id WHERE o.id = $1 ORDER BY c.id",
    )
    .bind(org_id)
    .fetch_all(&mut **tx)
    .await?;
    for c in candidates {
        if region::is_member(tx, c, org_id).await? {
            return Ok(Some(c));
        }
    }
    Ok(None)
}

pub(super) async fn org(tx: &mut Tx<'_>, id: i64) -> Result<Option<Organisation>> {
    let row: Option<OrgRow> = sqlx::query_as(&format!("SELECT {ORG_COLS} FROM organisations WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(Organisation::try_from).transpose()
}

/// The sent report `id` if `org_id` sent it or received it (`county`: only as the county).
async fn sent_in(tx: &mut Tx<'_>, org_id: i64, id: i64, county: bool) -> Result<SentReport> {
    let filter = if county {
        "s.id = $1 AND s.county_org_id = $2"
    } else {
        "s.id = $1 AND (s.org_id = $2 OR s.county_org_id = $2)"
    };
    let row: Option<SentRow> = sqlx::query_as(&select(filter)).bind(id).bind(org_id).fetch_optional(&mut **tx).await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

#[derive(sqlx::FromRow)]
struct ReportFacts {
    org_id: i64,
    state: String,
    content_version: i32,
}

pub(super) async fn send_report(pool: &Pool, org_id: i64, report_id: i64, actor: Actor) -> Result<SentReport> {
    let mut tx = begin(pool).await?;
    // The report's state holds until the sending commits.
    lock_row(&mut tx, "UPDATE reports SET version = version WHERE id = $1", report_id).await?;
    let facts: ReportFacts = sqlx::query_as("SELECT org_id, state, content_version FROM reports WHERE id = $1")
        .bind(report_id)
        .fetch_one(&mut *tx)
        .await?;
    if facts.org_id != org_id {
        return Err(rule(ErrorCode::NotFound));
    }
    let county = county_of(&mut tx, org_id).await?.ok_or(rule(ErrorCode::NotFound))?;
    let state = ReportState::parse(&facts.state).ok_or_else(|| corrupt("report state", &facts.state))?;
    may_send(state).map_err(rule)?;
    let sent_before: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sup_sent_reports WHERE report_id = $1 AND content_version = $2")
            .bind(report_id)
            .bind(facts.content_version)
            .fetch_one(&mut *tx)
            .await?;
    if sent_before > 0 {
        return Err(rule(ErrorCode::StateTransitionInvalid));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sup_sent_reports (report_id, org_id, county_org_id, content_version, sent_at, sent_by) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(report_id)
    .bind(org_id)
    .bind(county)
    .bind(facts.content_version)
    .bind(Utc::now())
    .bind(actor.user_id)
    .fetch_one(&mut *tx)
    .await?;
    let added = sent_in(&mut tx, org_id, id, false).await?;
    log(&mut tx, actor, org_id, AuditAction::SentReportCreate, ("sent_report", id), None::<&()>, Some(&added)).await?;
    tx.commit().await?;
    Ok(added)
}

pub(super) async fn sent_reports(pool: &Pool, org_id: i64) -> Result<Vec<SentReport>> {
    let rows: Vec<SentRow> =
        sqlx::query_as(&(select("s.org_id = $1 OR s.county_org_id = $1") + " ORDER BY s.sent_at DESC, s.id DESC"))
            .bind(org_id)
            .fetch_all(pool)
            .await?;
    hyte_store::rows::collect(rows)
}

pub(super) async fn acknowledge(pool: &Pool, org_id: i64, id: i64, version: i64, actor: Actor) -> Result<SentReport> {
    let mut tx = begin(pool).await?;
    let before = sent_in(&mut tx, org_id, id, true).await?;
    let n = sqlx::query(
        "UPDATE sup_sent_reports SET acknowledged_at = COALESCE(acknowledged_at, $1), version = version + 1 \
         WHERE id = $2 AND version = $3",
    )
    .bind(Utc::now())
    .bind(id)
    .bind(version)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    written(n)?;
    let after = sent_in(&mut tx, org_id, id, true).await?;
    let entity = ("sent_report", id);
    log(&mut tx, actor, org_id, AuditAction::SentReportAcknowledge, entity, Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

pub(super) async fn feedback(
    pool: &Pool,
    org_id: i64,
    id: i64,
    version: i64,
    feedback: Option<&str>,
    actor: Actor,
) -> Result<SentReport> {
    // The domain's rule for feedback, whoever calls.
    let feedback = match feedback {
        Some(f) => parse_feedback(f).map_err(|_| rule(ErrorCode::TooLong))?,
        None => None,
    };
    let mut tx = begin(pool).await?;
    let before = sent_in(&mut tx, org_id, id, true).await?;
    let n =
        sqlx::query("UPDATE sup_sent_reports SET feedback = $1, version = version + 1 WHERE id = $2 AND version = $3")
            .bind(feedback)
            .bind(id)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    written(n)?;
    let after = sent_in(&mut tx, org_id, id, true).await?;
    let entity = ("sent_report", id);
    log(&mut tx, actor, org_id, AuditAction::SentReportFeedback, entity, Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}
