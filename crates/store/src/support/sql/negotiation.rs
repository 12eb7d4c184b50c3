//! The negotiation store's SQL: the yearly negotiations, the actions agreed in them, and (in
//! `sent.rs`) the reports sent to the county.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

#[path = "sent.rs"]
mod sent;

use crate::sql::services_queries::log;
use crate::sql::support_region as region;
use crate::sql::{begin, is_unique, rule, written, Tx};
use async_trait::async_trait;
use chrono::NaiveDate;
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::cooperation::AgreementInput;
use hyte_domain::support::negotiation::{
    check_agenda, AgendaItem, AgreedAction, Negotiation, NegotiationBody, NegotiationInput, SentReport,
};
use hyte_domain::{ErrorCode, Organisation};
use hyte_store::rows::corrupt;
use hyte_store::services::rows::{body, to_body};
use hyte_store::{Actor, Result, StoreError};

#[derive(sqlx::FromRow)]
struct NegotiationRow {
    id: i64,
    county_org_id: i64,
    org_id: i64,
    year: i32,
    body: String,
    version: i64,
}

impl TryFrom<NegotiationRow> for Negotiation {
    type Error = StoreError;
    fn try_from(r: NegotiationRow) -> Result<Negotiation> {
        let b: NegotiationBody = body("negotiation", &r.body)?;
        Ok(Negotiation {
            id: r.id,
            county_org_id: r.county_org_id,
            org_id: r.org_id,
            year: r.year,
            input: b.input,
            agenda: b.agenda,
            version: r.version,
        })
    }
}

#[derive(sqlx::FromRow)]
struct ActionRow {
    id: i64,
    negotiation_id: i64,
    body: String,
    done_on: Option<String>,
    version: i64,
}

impl TryFrom<ActionRow> for AgreedAction {
    type Error = StoreError;
    fn try_from(r: ActionRow) -> Result<AgreedAction> {
        let done_on = match r.done_on {
            Some(d) => Some(NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|_| corrupt("done_on", &d))?),
            None => None,
        };
        Ok(AgreedAction {
            id: r.id,
            negotiation_id: r.negotiation_id,
            input: body("agreed action", &r.body)?,
            done_on,
            version: r.version,
        })
    }
}

const COLS: &str = "id, county_org_id, org_id, year, body, version";
const ACTION_COLS: &str = "a.id, a.negotiation_id, a.body, a.done_on, a.version";

/// The negotiation `id` if `org_id` is its county or its municipality, else `not_found`.
async fn reachable(tx: &mut Tx<'_>, org_id: i64, id: i64) -> Result<Negotiation> {
    let row: Option<NegotiationRow> = sqlx::query_as(&format!(
        "SELECT {COLS} FROM sup_negotiations WHERE id = $1 AND (county_org_id = $2 OR org_id = $2)"
    ))
    .bind(id)
    .bind(org_id)
    .fetch_optional(&mut **tx)
    .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

async fn action_in(tx: &mut Tx<'_>, org_id: i64, id: i64) -> Result<AgreedAction> {
    let row: Option<ActionRow> = sqlx::query_as(&format!(
        "SELECT {ACTION_COLS} FROM sup_negotiation_actions a JOIN sup_negotiations n ON n.id = a.negotiation_id \
         WHERE a.id = $1 AND (n.county_org_id = $2 OR n.org_id = $2)"
    ))
    .bind(id)
    .bind(org_id)
    .fetch_optional(&mut **tx)
    .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

fn body_of(input: &NegotiationInput, agenda: &[AgendaItem]) -> Result<String> {
    check_agenda(agenda).map_err(rule)?;
    Ok(to_body(&NegotiationBody { input: input.clone(), agenda: agenda.to_vec() }))
}

/// A year's negotiation exists already: `name_taken`.
fn taken(e: sqlx::Error) -> StoreError {
    if is_unique(&e) {
        rule(ErrorCode::NameTaken)
    } else {
        e.into()
    }
}

#[async_trait]
impl hyte_store::support::NegotiationStore for crate::This {
    async fn negotiations(&self, org_id: i64) -> Result<Vec<Negotiation>> {
        let rows: Vec<NegotiationRow> = sqlx::query_as(&format!(
            "SELECT {COLS} FROM sup_negotiations WHERE county_org_id = $1 OR org_id = $1 ORDER BY year DESC, id DESC"
        ))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        hyte_store::rows::collect(rows)
    }

    async fn negotiation(&self, org_id: i64, id: i64) -> Result<Option<Negotiation>> {
        let mut tx = begin(&self.pool).await?;
        let found = match reachable(&mut tx, org_id, id).await {
            Ok(n) => Some(n),
            Err(e) if e.code() == ErrorCode::NotFound => None,
            Err(e) => return Err(e),
        };
        tx.commit().await?;
        Ok(found)
    }

    async fn create_negotiation(
        &self,
        org_id: i64,
        municipality_id: i64,
        input: &NegotiationInput,
        agenda: &[AgendaItem],
        actor: Actor,
    ) -> Result<Negotiation> {
        let text = body_of(input, agenda)?;
        let mut tx = begin(&self.pool).await?;
        if !region::is_member(&mut tx, org_id, municipality_id).await? {
            return Err(rule(ErrorCode::NotFound));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO sup_negotiations (county_org_id, org_id, year, body) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(org_id)
        .bind(municipality_id)
        .bind(input.year())
        .bind(text)
        .fetch_one(&mut *tx)
        .await
        .map_err(taken)?;
        let added = reachable(&mut tx, org_id, id).await?;
        let entity = ("negotiation", id);
        log(&mut tx, actor, org_id, AuditAction::NegotiationCreate, entity, None::<&()>, Some(&added)).await?;
        tx.commit().await?;
        Ok(added)
    }

    async fn update_negotiation(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &NegotiationInput,
        agenda: &[AgendaItem],
        actor: Actor,
    ) -> Result<Negotiation> {
        let text = body_of(input, agenda)?;
        let mut tx = begin(&self.pool).await?;
        let before = reachable(&mut tx, org_id, id).await?;
        let n = sqlx::query(
            "UPDATE sup_negotiations SET year = $1, body = $2, version = version + 1 WHERE id = $3 AND version = $4",
        )
        .bind(input.year())
        .bind(text)
        .bind(id)
        .bind(version)
        .execute(&mut *tx)
        .await
        .map_err(taken)?
        .rows_affected();
        written(n)?;
        let after = reachable(&mut tx, org_id, id).await?;
        let entity = ("negotiation", id);
        log(&mut tx, actor, org_id, AuditAction::NegotiationUpdate, entity, Some(&before), Some(&after)).await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn agreed_actions(&self, org_id: i64, negotiation_id: Option<i64>) -> Result<Vec<AgreedAction>> {
        let rows: Vec<ActionRow> = sqlx::query_as(&format!(
            "SELECT {ACTION_COLS} FROM sup_negotiation_actions a JOIN sup_negotiations n ON n.id = a.negotiation_id \
             WHERE (n.county_org_id = $1 OR n.org_id = $1) AND ($2 = 0 OR n.id = $2) ORDER BY a.id"
        ))
        .bind(org_id)
        .bind(negotiation_id.unwrap_or(0))
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<AgreedAction> = hyte_store::rows::collect(rows)?;
        out.sort_by_key(|a| (a.input.due_on, a.id));
        Ok(out)
    }

    async fn add_agreed_action(
        &self,
        org_id: i64,
        negotiation_id: i64,
        input: &AgreementInput,
        actor: Actor,
    ) -> Result<AgreedAction> {
        let mut tx = begin(&self.pool).await?;
        reachable(&mut tx, org_id, negotiation_id).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO sup_negotiation_actions (negotiation_id, body) VALUES ($1, $2) RETURNING id",
        )
        .bind(negotiation_id)
        .bind(to_body(input))
        .fetch_one(&mut *tx)
        .await?;
        let added = action_in(&mut tx, org_id, id).await?;
        let entity = ("negotiation_action", id);
        log(&mut tx, actor, org_id, AuditAction::NegotiationActionCreate, entity, None::<&()>, Some(&added)).await?;
        tx.commit().await?;
        Ok(added)
    }

    async fn set_agreed_action_done(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        done_on: Option<NaiveDate>,
        actor: Actor,
    ) -> Result<AgreedAction> {
        let mut tx = begin(&self.pool).await?;
        let before = action_in(&mut tx, org_id, id).await?;
        let n = sqlx::query(
            "UPDATE sup_negotiation_actions SET done_on = $1, version = version + 1 WHERE id = $2 AND version = $3",
        )
        .bind(done_on.map(|d| d.to_string()))
        .bind(id)
        .bind(version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        written(n)?;
        let after = action_in(&mut tx, org_id, id).await?;
        let entity = ("negotiation_action", id);
        log(&mut tx, actor, org_id, AuditAction::NegotiationActionDone, entity, Some(&before), Some(&after)).await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn county_of(&self, org_id: i64) -> Result<Option<Organisation>> {
        let mut tx = begin(&self.pool).await?;
        let county = sent::county_of(&mut tx, org_id).await?;
        let found = match county {
            Some(id) => sent::org(&mut tx, id).await?,
            None => None,
        };
        tx.commit().await?;
        Ok(found)
    }

    async fn send_report(&self, org_id: i64, report_id: i64, actor: Actor) -> Result<SentReport> {
        sent::send_report(&self.pool, org_id, report_id, actor).await
    }

    async fn sent_reports(&self, org_id: i64) -> Result<Vec<SentReport>> {
        sent::sent_reports(&self.pool, org_id).await
    }

    async fn acknowledge_sent(&self, org_id: i64, id: i64, version: i64, actor: Actor) -> Result<SentReport> {
        sent::acknowledge(&self.pool, org_id, id, version, actor).await
    }

    async fn sent_feedback(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        feedback: Option<&str>,
        actor: Actor,
    ) -> Result<SentReport> {
        sent::feedback(&self.pool, org_id, id, version, feedback, actor).await
    }
}
