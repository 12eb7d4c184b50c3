//! The support store's SQL: the yearly support plan, its actions, the support delivered and the
//! receiving municipality's feedback.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::services_queries::log;
use crate::sql::support_survey::{county, member, Conn};
use crate::sql::{begin, is_unique, rule, use_sector, versioned, written, Tx};
use chrono::Utc;
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::support::plan::{Action, ActionInput, Delivery, DeliveryInput, Feedback, Plan, COMMENT_MAX};
use hyte_domain::ErrorCode;
use hyte_store::rows::collect;
use hyte_store::services::rows::{body, to_body};
use hyte_store::support::PlanView;
use hyte_store::{Actor, Result, StoreError};

type Pool = sqlx::Pool<crate::Db>;

#[derive(sqlx::FromRow)]
struct PlanRow {
    id: i64,
    county_org_id: i64,
    year: i32,
    version: i64,
}

impl From<PlanRow> for Plan {
    fn from(r: PlanRow) -> Plan {
        Plan { id: r.id, county_org_id: r.county_org_id, year: r.year, version: r.version }
    }
}

#[derive(sqlx::FromRow)]
struct ActionRow {
    id: i64,
    plan_id: i64,
    body: String,
    version: i64,
}

impl TryFrom<ActionRow> for Action {
    type Error = StoreError;
    fn try_from(r: ActionRow) -> Result<Action> {
        Ok(Action { id: r.id, plan_id: r.plan_id, input: body("support action", &r.body)?, version: r.version })
    }
}

#[derive(sqlx::FromRow)]
struct DeliveryRow {
    id: i64,
    plan_id: i64,
    body: String,
    feedback: Option<String>,
    version: i64,
}

impl TryFrom<DeliveryRow> for Delivery {
    type Error = StoreError;
    fn try_from(r: DeliveryRow) -> Result<Delivery> {
        let feedback = r.feedback.as_deref().map(|f| body("support feedback", f)).transpose()?;
        Ok(Delivery {
            id: r.id,
            plan_id: r.plan_id,
            input: body("support delivery", &r.body)?,
            feedback,
            version: r.version,
        })
    }
}

const PLAN_COLS: &str = "id, county_org_id, year, version";

async fn plans(c: &mut Conn, filter: &str, binds: &[i64]) -> Result<Vec<Plan>> {
    let sql = format!("SELECT {PLAN_COLS} FROM sup_plans p WHERE {filter} ORDER BY year DESC, id");
    let mut q = sqlx::query_as::<_, PlanRow>(&sql);
    for b in binds {
        q = q.bind(*b);
    }
    Ok(q.fetch_all(&mut *c).await?.into_iter().map(Plan::from).collect())
}

async fn own_plan(c: &mut Conn, county_org_id: i64, id: i64) -> Result<Plan> {
    plans(c, "county_org_id = $1 AND id = $2", &[county_org_id, id]).await?.pop().ok_or(rule(ErrorCode::NotFound))
}

/// Actions of plan `plan_id`; those targeting `target` only when given.
async fn actions(c: &mut Conn, plan_id: i64, target: Option<i64>) -> Result<Vec<Action>> {
    let rows: Vec<ActionRow> = match target {
        None => {
            sqlx::query_as("SELECT id, plan_id, body, version FROM sup_actions WHERE plan_id = $1 ORDER BY id")
                .bind(plan_id)
                .fetch_all(&mut *c)
                .await?
        }
        Some(t) => {
            sqlx::query_as(
                "SELECT id, plan_id, body, version FROM sup_actions WHERE plan_id = $1 \
             AND id IN (SELECT action_id FROM sup_action_targets WHERE org_id = $2) ORDER BY id",
            )
            .bind(plan_id)
            .bind(t)
            .fetch_all(&mut *c)
            .await?
        }
    };
    collect(rows)
}

const DELIVERY_COLS: &str = "id, plan_id, body, feedback, version";

async fn deliveries(c: &mut Conn, plan_id: i64, to: Option<i64>) -> Result<Vec<Delivery>> {
    let sql = format!(
        "SELECT {DELIVERY_COLS} FROM sup_deliveries WHERE plan_id = $1 AND ($2 = 0 OR org_id = $2) ORDER BY id"
    );
    let rows: Vec<DeliveryRow> = sqlx::query_as(&sql).bind(plan_id).bind(to.unwrap_or(0)).fetch_all(&mut *c).await?;
    let mut out: Vec<Delivery> = collect(rows)?;
    out.sort_by_key(|d| (d.input.date, d.id));
    Ok(out)
}

pub(crate) async fn list_plans(pool: &Pool, county_org_id: i64) -> Result<Vec<Plan>> {
    let mut c = pool.acquire().await?;
    plans(&mut c, "county_org_id = $1", &[county_org_id]).await
}

pub(crate) async fn get_plan(pool: &Pool, county_org_id: i64, id: i64) -> Result<Option<PlanView>> {
    let mut c = pool.acquire().await?;
    let Some(plan) = plans(&mut c, "county_org_id = $1 AND id = $2", &[county_org_id, id]).await?.pop() else {
        return Ok(None);
    };
    let actions = actions(&mut c, plan.id, None).await?;
    let deliveries = deliveries(&mut c, plan.id, None).await?;
    Ok(Some(PlanView { plan, actions, deliveries }))
}

pub(crate) async fn create_plan(pool: &Pool, county_org_id: i64, year: i32, actor: Actor) -> Result<Plan> {
    if !(2000..=2100).contains(&year) {
        return Err(rule(ErrorCode::YearInvalid));
    }
    let mut tx = begin(pool).await?;
    county(&mut tx, county_org_id).await?;
    let id: i64 = sqlx::query_scalar("INSERT INTO sup_plans (county_org_id, year) VALUES ($1, $2) RETURNING id")
        .bind(county_org_id)
        .bind(year)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| if is_unique(&e) { rule(ErrorCode::YearInvalid) } else { e.into() })?;
    let plan = own_plan(&mut tx, county_org_id, id).await?;
    log(&mut tx, actor, county_org_id, AuditAction::SupportPlanCreate, ("support_plan", id), None::<&()>, Some(&plan))
        .await?;
    tx.commit().await?;
    Ok(plan)
}

/// Action `id` of one of the county's plans; `not_found` else.
async fn own_action(c: &mut Conn, county_org_id: i64, id: i64) -> Result<Action> {
    let row: Option<ActionRow> = sqlx::query_as(
        "SELECT a.id, a.plan_id, a.body, a.version FROM sup_actions a JOIN sup_plans p ON p.id = a.plan_id \
         WHERE p.county_org_id = $1 AND a.id = $2",
    )
    .bind(county_org_id)
    .bind(id)
    .fetch_optional(&mut *c)
    .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

/// Every target is a member municipality (`reference_invalid`); the input's rules hold whoever calls.
async fn check_action(tx: &mut Tx<'_>, county_org_id: i64, input: &ActionInput) -> Result<()> {
    let r = input.resources;
    if input.targets.is_empty() || input.title.is_empty() || input.expert.trim().is_empty() {
        return Err(rule(ErrorCode::Required));
    }
    if !(r.person_days >= 0.0 && r.euros >= 0.0) {
        return Err(rule(ErrorCode::NumberInvalid));
    }
    for t in &input.targets {
        member(tx, county_org_id, *t).await.map_err(|_| rule(ErrorCode::ReferenceInvalid))?;
    }
    Ok(())
}

async fn write_targets(tx: &mut Tx<'_>, id: i64, input: &ActionInput) -> Result<()> {
    sqlx::query("DELETE FROM sup_action_targets WHERE action_id = $1").bind(id).execute(&mut **tx).await?;
    for t in &input.targets {
        sqlx::query("INSERT INTO sup_action_targets (action_id, org_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(id)
            .bind(t)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

pub(crate) async fn add_action(
    pool: &Pool,
    county_org_id: i64,
    plan_id: i64,
    input: &ActionInput,
    actor: Actor,
) -> Result<Action> {
    let mut tx = begin(pool).await?;
    own_plan(&mut tx, county_org_id, plan_id).await?;
    check_action(&mut tx, county_org_id, input).await?;
    let id: i64 = sqlx::query_scalar("INSERT INTO sup_actions (plan_id, body) VALUES ($1, $2) RETURNING id")
        .bind(plan_id)
        .bind(to_body(input))
        .fetch_one(&mut *tx)
        .await?;
    write_targets(&mut tx, id, input).await?;
    let added = own_action(&mut tx, county_org_id, id).await?;
    let entity = ("support_action", id);
    log(&mut tx, actor, county_org_id, AuditAction::SupportActionCreate, entity, None::<&()>, Some(&added)).await?;
    tx.commit().await?;
    Ok(added)
}

pub(crate) async fn update_action(
    pool: &Pool,
    county_org_id: i64,
    (id, version): (i64, i64),
    input: &ActionInput,
    actor: Actor,
) -> Result<Action> {
    let mut tx = begin(pool).await?;
    let before = own_action(&mut tx, county_org_id, id).await?;
    check_action(&mut tx, county_org_id, input).await?;
    crate::sql::set_body(&mut tx, "sup_actions", id, version, to_body(input)).await?;
    write_targets(&mut tx, id, input).await?;
    let after = own_action(&mut tx, county_org_id, id).await?;
    let entity = ("support_action", id);
    log(&mut tx, actor, county_org_id, AuditAction::SupportActionUpdate, entity, Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn delete_action(pool: &Pool, county_org_id: i64, id: i64, version: i64, actor: Actor) -> Result<()> {
    let mut tx = begin(pool).await?;
    let before = own_action(&mut tx, county_org_id, id).await?;
    versioned(&mut tx, "UPDATE sup_actions SET version = version + 1 WHERE id = $1 AND version = $2", id, version)
        .await?;
    sqlx::query("UPDATE sup_deliveries SET action_id = NULL WHERE action_id = $1").bind(id).execute(&mut *tx).await?;
    // The deliveries' bodies name the action too.
    let rows: Vec<DeliveryRow> =
        sqlx::query_as(&format!("SELECT {DELIVERY_COLS} FROM sup_deliveries WHERE plan_id = $1"))
            .bind(before.plan_id)
            .fetch_all(&mut *tx)
            .await?;
    for d in collect::<DeliveryRow, Delivery>(rows)? {
        if d.input.action_id == Some(id) {
            let input = DeliveryInput { action_id: None, ..d.input };
            sqlx::query("UPDATE sup_deliveries SET body = $1, version = version + 1 WHERE id = $2")
                .bind(to_body(&input))
                .bind(d.id)
                .execute(&mut *tx)
                .await?;
        }
    }
    sqlx::query("DELETE FROM sup_action_targets WHERE action_id = $1").bind(id).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM sup_actions WHERE id = $1").bind(id).execute(&mut *tx).await?;
    let entity = ("support_action", id);
    log(&mut tx, actor, county_org_id, AuditAction::SupportActionDelete, entity, Some(&before), None::<&()>).await?;
    tx.commit().await?;
    Ok(())
}

async fn delivery_in(c: &mut Conn, id: i64) -> Result<Delivery> {
    let row: Option<DeliveryRow> = sqlx::query_as(&format!("SELECT {DELIVERY_COLS} FROM sup_deliveries WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *c)
        .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

pub(crate) async fn record_delivery(
    pool: &Pool,
    county_org_id: i64,
    plan_id: i64,
    input: &DeliveryInput,
    actor: Actor,
) -> Result<Delivery> {
    let mut tx = begin(pool).await?;
    own_plan(&mut tx, county_org_id, plan_id).await?;
    let refused = |_| rule(ErrorCode::ReferenceInvalid);
    member(&mut tx, county_org_id, input.org_id).await.map_err(refused)?;
    if let Some(a) = input.action_id {
        let action = own_action(&mut tx, county_org_id, a).await.map_err(refused)?;
        if action.plan_id != plan_id {
            return Err(rule(ErrorCode::ReferenceInvalid));
        }
    }
    for s in &input.sector_ids {
        use_sector(&mut tx, input.org_id, Some(*s)).await.map_err(refused)?;
    }
    let r = input.resources;
    if !(r.person_days >= 0.0 && r.euros >= 0.0) {
        return Err(rule(ErrorCode::NumberInvalid));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sup_deliveries (plan_id, org_id, action_id, body) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(plan_id)
    .bind(input.org_id)
    .bind(input.action_id)
    .bind(to_body(input))
    .fetch_one(&mut *tx)
    .await?;
    let added = delivery_in(&mut tx, id).await?;
    let entity = ("support_delivery", id);
    log(&mut tx, actor, county_org_id, AuditAction::SupportDeliveryCreate, entity, None::<&()>, Some(&added)).await?;
    tx.commit().await?;
    Ok(added)
}

pub(crate) async fn delete_delivery(
    pool: &Pool,
    county_org_id: i64,
    id: i64,
    version: i64,
    actor: Actor,
) -> Result<()> {
    let mut tx = begin(pool).await?;
    let before = delivery_in(&mut tx, id).await?;
    own_plan(&mut tx, county_org_id, before.plan_id).await?;
    versioned(&mut tx, "DELETE FROM sup_deliveries WHERE id = $1 AND version = $2", id, version).await?;
    let entity = ("support_delivery", id);
    log(&mut tx, actor, county_org_id, AuditAction::SupportDeliveryDelete, entity, Some(&before), None::<&()>).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn give_feedback(
    pool: &Pool,
    org_id: i64,
    (id, version): (i64, i64),
    (score, comment): (u8, Option<&str>),
    actor: Actor,
) -> Result<Delivery> {
    if !(1..=5).contains(&score) {
        return Err(rule(ErrorCode::NumberInvalid));
    }
    let comment = comment.map(str::trim).filter(|c| !c.is_empty());
    if comment.is_some_and(|c| c.chars().count() > COMMENT_MAX) {
        return Err(rule(ErrorCode::TooLong));
    }
    let mut tx = begin(pool).await?;
    let before = delivery_in(&mut tx, id).await?;
    if before.input.org_id != org_id {
        return Err(rule(ErrorCode::NotFound));
    }
    let feedback =
        Feedback { score, comment: comment.map(String::from), given_by: actor.user_id, given_at: Utc::now() };
    let n =
        sqlx::query("UPDATE sup_deliveries SET feedback = $1, version = version + 1 WHERE id = $2 AND version = $3")
            .bind(to_body(&feedback))
            .bind(id)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    written(n)?;
    let after = delivery_in(&mut tx, id).await?;
    let entity = ("support_delivery", id);
    log(&mut tx, actor, org_id, AuditAction::SupportDeliveryFeedback, entity, Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn support_for(pool: &Pool, org_id: i64) -> Result<Vec<PlanView>> {
    let mut c = pool.acquire().await?;
    let filter = "id IN (SELECT a.plan_id FROM sup_actions a JOIN sup_action_targets t ON t.action_id = a.id \
                  WHERE t.org_id = $1) OR id IN (SELECT plan_id FROM sup_deliveries WHERE org_id = $1)";
    let mut out = vec![];
    for plan in plans(&mut c, filter, &[org_id]).await? {
        let actions = actions(&mut c, plan.id, Some(org_id)).await?;
        let deliveries = deliveries(&mut c, plan.id, Some(org_id)).await?;
        out.push(PlanView { plan, actions, deliveries });
    }
    Ok(out)
}

pub(crate) async fn delivered_to(pool: &Pool, county_org_id: i64, org_id: i64, year: i32) -> Result<Vec<Delivery>> {
    let mut tx = begin(pool).await?;
    member(&mut tx, county_org_id, org_id).await?;
    let plan = plans(&mut tx, "county_org_id = $1 AND year = $2", &[county_org_id, year.into()]).await?.pop();
    let out = match plan {
        Some(p) => deliveries(&mut tx, p.id, Some(org_id)).await?,
        None => vec![],
    };
    tx.commit().await?;
    Ok(out)
}
