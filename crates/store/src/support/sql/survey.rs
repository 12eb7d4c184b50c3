//! The support store's SQL: the survey and its answers (the plan and its delivery are in
//! `support/sql/plan.rs`).
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::services_queries::log;
use crate::sql::support_plan as plan;
use crate::sql::support_region as region;
use crate::sql::{begin, is_unique, rule, use_sector, written, Tx};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::support::plan::{Action, ActionInput, Delivery, DeliveryInput, Plan};
use hyte_domain::support::survey::{
    needs, Contributor, Need, Response, ResponseState, SectorAnswers, Survey, SurveyInput, SurveyState,
};
use hyte_domain::{ErrorCode, Organisation};
use hyte_store::admin::rows::{OrgRow, ORG_COLS};
use hyte_store::rows::corrupt;
use hyte_store::services::rows::{body, to_body};
use hyte_store::support::PlanView;
use hyte_store::{Actor, Result};
use serde::{Deserialize, Serialize};

pub(crate) type Conn = <crate::Db as sqlx::Database>::Connection;

/// `forbidden` unless `org_id` is a county.
pub(crate) async fn county(c: &mut Conn, org_id: i64) -> Result<()> {
    let row: Option<OrgRow> = sqlx::query_as(&format!("SELECT {ORG_COLS} FROM organisations WHERE id = $1"))
        .bind(org_id)
        .fetch_optional(&mut *c)
        .await?;
    match row.map(Organisation::try_from).transpose()? {
        Some(o) if o.kind.is_county() => Ok(()),
        _ => Err(rule(ErrorCode::Forbidden)),
    }
}

/// `not_found` unless `org_id` is one of the county's member municipalities.
pub(crate) async fn member(tx: &mut Tx<'_>, county_org_id: i64, org_id: i64) -> Result<()> {
    if region::is_member(tx, county_org_id, org_id).await? {
        Ok(())
    } else {
        Err(rule(ErrorCode::NotFound))
    }
}

#[derive(sqlx::FromRow)]
struct SurveyRow {
    id: i64,
    county_org_id: i64,
    body: String,
    state: String,
    sent_at: Option<DateTime<Utc>>,
    version: i64,
}

const SURVEY_COLS: &str = "s.id, s.county_org_id, s.body, s.state, s.sent_at, s.version";

/// The surveys matching `filter` (over `sup_surveys s`, `$1`, `$2`, … bound to `binds`), newest
/// year first, with the municipalities they were sent to.
async fn surveys(c: &mut Conn, filter: &str, binds: &[i64]) -> Result<Vec<Survey>> {
    let sql = format!("SELECT {SURVEY_COLS} FROM sup_surveys s WHERE {filter} ORDER BY s.year DESC, s.id");
    let mut q = sqlx::query_as::<_, SurveyRow>(&sql);
    for b in binds {
        q = q.bind(*b);
    }
    let rows: Vec<SurveyRow> = q.fetch_all(&mut *c).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let sent_to: Vec<i64> =
            sqlx::query_scalar("SELECT org_id FROM sup_survey_targets WHERE survey_id = $1 ORDER BY org_id")
                .bind(r.id)
                .fetch_all(&mut *c)
                .await?;
        out.push(Survey {
            id: r.id,
            county_org_id: r.county_org_id,
            input: body("survey", &r.body)?,
            state: SurveyState::parse(&r.state).ok_or_else(|| corrupt("survey state", &r.state))?,
            sent_to,
            sent_at: r.sent_at,
            version: r.version,
        });
    }
    Ok(out)
}

/// Who may see a survey: its county, or a municipality it was sent to.
const VISIBLE: &str = "(s.county_org_id = $1 OR (s.state = 'sent' AND s.id IN \
                       (SELECT survey_id FROM sup_survey_targets WHERE org_id = $1)))";

async fn survey_in(c: &mut Conn, org_id: i64, id: i64) -> Result<Survey> {
    surveys(c, &format!("{VISIBLE} AND s.id = $2"), &[org_id, id]).await?.pop().ok_or(rule(ErrorCode::NotFound))
}

/// The county's own survey `id`; `not_found` else.
async fn own_survey(c: &mut Conn, county_org_id: i64, id: i64) -> Result<Survey> {
    surveys(c, "s.county_org_id = $1 AND s.id = $2", &[county_org_id, id]).await?.pop().ok_or(rule(ErrorCode::NotFound))
}

/// A sent survey sent to municipality `org_id`; `not_found` else.
async fn sent_survey(c: &mut Conn, org_id: i64, id: i64) -> Result<Survey> {
    let s = survey_in(c, org_id, id).await?;
    if s.county_org_id == org_id {
        return Err(rule(ErrorCode::NotFound));
    }
    Ok(s)
}

/// A response's answers and contributors, kept as JSON.
#[derive(Serialize, Deserialize, Default)]
struct ResponseBody {
    sectors: Vec<SectorAnswers>,
    contributors: Vec<Contributor>,
}

#[derive(sqlx::FromRow)]
struct ResponseRow {
    id: i64,
    survey_id: i64,
    org_id: i64,
    state: String,
    body: String,
    submitted_at: Option<DateTime<Utc>>,
    submitted_by: Option<String>,
    version: i64,
}

impl TryFrom<ResponseRow> for Response {
    type Error = hyte_store::StoreError;
    fn try_from(r: ResponseRow) -> Result<Response> {
        let b: ResponseBody = body("response", &r.body)?;
        Ok(Response {
            id: r.id,
            survey_id: r.survey_id,
            org_id: r.org_id,
            state: ResponseState::parse(&r.state).ok_or_else(|| corrupt("response state", &r.state))?,
            sectors: b.sectors,
            contributors: b.contributors,
            submitted_at: r.submitted_at,
            submitted_by: r.submitted_by,
            version: r.version,
        })
    }
}

const RESPONSE_COLS: &str = "id, survey_id, org_id, state, body, submitted_at, submitted_by, version";

async fn responses(c: &mut Conn, filter: &str, binds: &[i64]) -> Result<Vec<Response>> {
    let sql = format!("SELECT {RESPONSE_COLS} FROM sup_responses WHERE {filter} ORDER BY org_id, id");
    let mut q = sqlx::query_as::<_, ResponseRow>(&sql);
    for b in binds {
        q = q.bind(*b);
    }
    let rows: Vec<ResponseRow> = q.fetch_all(&mut *c).await?;
    hyte_store::rows::collect(rows)
}

async fn response_of(c: &mut Conn, org_id: i64, survey_id: i64) -> Result<Option<Response>> {
    Ok(responses(c, "org_id = $1 AND survey_id = $2", &[org_id, survey_id]).await?.pop())
}

async fn create_survey(pool: &Pool, county_org_id: i64, input: &SurveyInput, actor: Actor) -> Result<Survey> {
    let mut tx = begin(pool).await?;
    county(&mut tx, county_org_id).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sup_surveys (county_org_id, year, body, state) VALUES ($1, $2, $3, 'draft') RETURNING id",
    )
    .bind(county_org_id)
    .bind(input.year)
    .bind(to_body(input))
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| if is_unique(&e) { rule(ErrorCode::YearInvalid) } else { e.into() })?;
    let added = own_survey(&mut tx, county_org_id, id).await?;
    let entity = ("support_survey", id);
    log(&mut tx, actor, county_org_id, AuditAction::SupportSurveyCreate, entity, None::<&()>, Some(&added)).await?;
    tx.commit().await?;
    Ok(added)
}

async fn update_survey(
    pool: &Pool,
    county_org_id: i64,
    id: i64,
    version: i64,
    input: &SurveyInput,
    actor: Actor,
) -> Result<Survey> {
    let mut tx = begin(pool).await?;
    let before = own_survey(&mut tx, county_org_id, id).await?;
    if before.state != SurveyState::Draft {
        return Err(rule(ErrorCode::StateTransitionInvalid));
    }
    let n = sqlx::query(
        "UPDATE sup_surveys SET year = $1, body = $2, version = version + 1 WHERE id = $3 AND version = $4 \
         AND state = 'draft'",
    )
    .bind(input.year)
    .bind(to_body(input))
    .bind(id)
    .bind(version)
    .execute(&mut *tx)
    .await
    .map_err(|e| if is_unique(&e) { rule(ErrorCode::YearInvalid) } else { e.into() })?
    .rows_affected();
    written(n)?;
    let after = own_survey(&mut tx, county_org_id, id).await?;
    let entity = ("support_survey", id);
    log(&mut tx, actor, county_org_id, AuditAction::SupportSurveyUpdate, entity, Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

async fn send_survey(
    pool: &Pool,
    county_org_id: i64,
    id: i64,
    version: i64,
    to: &[i64],
    actor: Actor,
) -> Result<Survey> {
    let mut tx = begin(pool).await?;
    let before = own_survey(&mut tx, county_org_id, id).await?;
    if before.state != SurveyState::Draft {
        return Err(rule(ErrorCode::StateTransitionInvalid));
    }
    if to.is_empty() {
        return Err(rule(ErrorCode::ReferenceInvalid));
    }
    for org in to {
        member(&mut tx, county_org_id, *org).await.map_err(|_| rule(ErrorCode::ReferenceInvalid))?;
    }
    let n = sqlx::query(
        "UPDATE sup_surveys SET state = 'sent', sent_at = $1, version = version + 1 WHERE id = $2 AND version = $3",
    )
    .bind(Utc::now())
    .bind(id)
    .bind(version)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    written(n)?;
    for org in to {
        sqlx::query("INSERT INTO sup_survey_targets (survey_id, org_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(id)
            .bind(org)
            .execute(&mut *tx)
            .await?;
    }
    let after = own_survey(&mut tx, county_org_id, id).await?;
    let entity = ("support_survey", id);
    log(&mut tx, actor, county_org_id, AuditAction::SupportSurveySend, entity, Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

struct Contribution<'a> {
    answers: &'a SectorAnswers,
    name: &'a str,
}

async fn save_answers(
    pool: &Pool,
    org_id: i64,
    survey_id: i64,
    version: i64,
    who: Contribution<'_>,
    actor: Actor,
) -> Result<Response> {
    let mut tx = begin(pool).await?;
    let survey = sent_survey(&mut tx, org_id, survey_id).await?;
    use_sector(&mut tx, org_id, Some(who.answers.sector_id)).await?;
    if who.answers.answers.iter().any(|a| survey.question(a.question).is_none()) {
        return Err(rule(ErrorCode::InvalidInput));
    }
    let before = response_of(&mut tx, org_id, survey_id).await?;
    let mut b = match &before {
        Some(r) if r.state == ResponseState::Submitted => return Err(rule(ErrorCode::StateTransitionInvalid)),
        Some(r) => ResponseBody { sectors: r.sectors.clone(), contributors: r.contributors.clone() },
        None => ResponseBody::default(),
    };
    b.sectors.retain(|s| s.sector_id != who.answers.sector_id);
    b.sectors.push(who.answers.clone());
    b.sectors.sort_by_key(|s| s.sector_id);
    let name = who.name.trim().chars().take(200).collect::<String>();
    b.contributors.push(Contributor { user_id: actor.user_id, name, sector_id: who.answers.sector_id, at: Utc::now() });
    let id = match &before {
        None if version == 0 => sqlx::query_scalar(
            "INSERT INTO sup_responses (survey_id, org_id, state, body) VALUES ($1, $2, 'draft', $3) RETURNING id",
        )
        .bind(survey_id)
        .bind(org_id)
        .bind(to_body(&b))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| if is_unique(&e) { rule(ErrorCode::EditConflict) } else { e.into() })?,
        None => return Err(rule(ErrorCode::EditConflict)),
        Some(r) => {
            crate::sql::set_body(&mut tx, "sup_responses", r.id, version, to_body(&b)).await?;
            r.id
        }
    };
    let after = response_of(&mut tx, org_id, survey_id).await?.ok_or(rule(ErrorCode::NotFound))?;
    let entity = ("support_response", id);
    log(&mut tx, actor, org_id, AuditAction::SupportResponseSave, entity, before.as_ref(), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

async fn submit_response(
    pool: &Pool,
    org_id: i64,
    survey_id: i64,
    version: i64,
    submitter: &str,
    actor: Actor,
) -> Result<Response> {
    let mut tx = begin(pool).await?;
    sent_survey(&mut tx, org_id, survey_id).await?;
    let before = response_of(&mut tx, org_id, survey_id).await?.ok_or(rule(ErrorCode::StateTransitionInvalid))?;
    if before.state == ResponseState::Submitted || before.sectors.is_empty() {
        return Err(rule(ErrorCode::StateTransitionInvalid));
    }
    let n = sqlx::query(
        "UPDATE sup_responses SET state = 'submitted', submitted_at = $1, submitted_by = $2, \
         version = version + 1 WHERE id = $3 AND version = $4",
    )
    .bind(Utc::now())
    .bind(submitter.trim().chars().take(200).collect::<String>())
    .bind(before.id)
    .bind(version)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    written(n)?;
    let after = response_of(&mut tx, org_id, survey_id).await?.ok_or(rule(ErrorCode::NotFound))?;
    let entity = ("support_response", before.id);
    log(&mut tx, actor, org_id, AuditAction::SupportResponseSubmit, entity, Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

async fn needs_of(pool: &Pool, county_org_id: i64, org_id: i64, year: i32) -> Result<Vec<Need>> {
    let mut tx = begin(pool).await?;
    member(&mut tx, county_org_id, org_id).await?;
    let survey =
        surveys(&mut tx, "s.county_org_id = $1 AND s.state = 'sent' AND s.year = $2", &[county_org_id, year.into()])
            .await?
            .pop();
    let Some(survey) = survey else { return Ok(vec![]) };
    let out = match response_of(&mut tx, org_id, survey.id).await? {
        Some(r) if r.state == ResponseState::Submitted => needs(&survey, &r),
        _ => vec![],
    };
    tx.commit().await?;
    Ok(out)
}

type Pool = sqlx::Pool<crate::Db>;

#[async_trait]
impl hyte_store::support::SupportStore for crate::This {
    async fn member_orgs(&self, county_org_id: i64) -> Result<Vec<Organisation>> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let orgs = region::member_orgs(&mut tx, county_org_id).await?;
        tx.commit().await?;
        Ok(orgs)
    }

    async fn list_surveys(&self, org_id: i64) -> Result<Vec<Survey>> {
        let mut c = self.pool.acquire().await?;
        surveys(&mut c, VISIBLE, &[org_id]).await
    }

    async fn get_survey(&self, org_id: i64, id: i64) -> Result<Option<Survey>> {
        let mut c = self.pool.acquire().await?;
        Ok(surveys(&mut c, &format!("{VISIBLE} AND s.id = $2"), &[org_id, id]).await?.pop())
    }

    async fn create_survey(&self, county_org_id: i64, input: &SurveyInput, actor: Actor) -> Result<Survey> {
        create_survey(&self.pool, county_org_id, input, actor).await
    }

    async fn update_survey(
        &self,
        county: i64,
        id: i64,
        version: i64,
        input: &SurveyInput,
        actor: Actor,
    ) -> Result<Survey> {
        update_survey(&self.pool, county, id, version, input, actor).await
    }

    async fn send_survey(&self, county: i64, id: i64, version: i64, to: &[i64], actor: Actor) -> Result<Survey> {
        send_survey(&self.pool, county, id, version, to, actor).await
    }

    async fn own_response(&self, org_id: i64, survey_id: i64) -> Result<Option<Response>> {
        let mut c = self.pool.acquire().await?;
        sent_survey(&mut c, org_id, survey_id).await?;
        response_of(&mut c, org_id, survey_id).await
    }

    async fn save_answers(
        &self,
        org_id: i64,
        survey_id: i64,
        version: i64,
        answers: &SectorAnswers,
        contributor: &str,
        actor: Actor,
    ) -> Result<Response> {
        let who = Contribution { answers, name: contributor };
        save_answers(&self.pool, org_id, survey_id, version, who, actor).await
    }

    async fn submit_response(
        &self,
        org_id: i64,
        survey_id: i64,
        version: i64,
        by: &str,
        actor: Actor,
    ) -> Result<Response> {
        submit_response(&self.pool, org_id, survey_id, version, by, actor).await
    }

    async fn survey_responses(&self, county_org_id: i64, survey_id: i64) -> Result<Vec<Response>> {
        let mut c = self.pool.acquire().await?;
        own_survey(&mut c, county_org_id, survey_id).await?;
        responses(&mut c, "survey_id = $1 AND state = 'submitted'", &[survey_id]).await
    }

    async fn response_history(&self, org_id: i64) -> Result<Vec<(Survey, Response)>> {
        let mut c = self.pool.acquire().await?;
        let mut out = vec![];
        for s in surveys(&mut c, VISIBLE, &[org_id]).await? {
            if s.county_org_id == org_id {
                continue;
            }
            if let Some(r) = response_of(&mut c, org_id, s.id).await? {
                out.push((s, r));
            }
        }
        Ok(out)
    }

    async fn needs_of(&self, county_org_id: i64, municipality_org_id: i64, year: i32) -> Result<Vec<Need>> {
        needs_of(&self.pool, county_org_id, municipality_org_id, year).await
    }

    async fn list_plans(&self, county_org_id: i64) -> Result<Vec<Plan>> {
        plan::list_plans(&self.pool, county_org_id).await
    }

    async fn get_plan(&self, county_org_id: i64, id: i64) -> Result<Option<PlanView>> {
        plan::get_plan(&self.pool, county_org_id, id).await
    }

    async fn create_plan(&self, county_org_id: i64, year: i32, actor: Actor) -> Result<Plan> {
        plan::create_plan(&self.pool, county_org_id, year, actor).await
    }

    async fn add_action(&self, county: i64, plan_id: i64, input: &ActionInput, actor: Actor) -> Result<Action> {
        plan::add_action(&self.pool, county, plan_id, input, actor).await
    }

    async fn update_action(
        &self,
        county: i64,
        id: i64,
        version: i64,
        input: &ActionInput,
        actor: Actor,
    ) -> Result<Action> {
        plan::update_action(&self.pool, county, (id, version), input, actor).await
    }

    async fn delete_action(&self, county: i64, id: i64, version: i64, actor: Actor) -> Result<()> {
        plan::delete_action(&self.pool, county, id, version, actor).await
    }

    async fn delete_delivery(&self, county: i64, id: i64, version: i64, actor: Actor) -> Result<()> {
        plan::delete_delivery(&self.pool, county, id, version, actor).await
    }

    async fn record_delivery(
        &self,
        county: i64,
        plan_id: i64,
        input: &DeliveryInput,
        actor: Actor,
    ) -> Result<Delivery> {
        plan::record_delivery(&self.pool, county, plan_id, input, actor).await
    }

    async fn give_feedback(
        &self,
        org_id: i64,
        delivery_id: i64,
        version: i64,
        score: u8,
        comment: Option<&str>,
        actor: Actor,
    ) -> Result<Delivery> {
        plan::give_feedback(&self.pool, org_id, (delivery_id, version), (score, comment), actor).await
    }

    async fn support_for(&self, org_id: i64) -> Result<Vec<PlanView>> {
        plan::support_for(&self.pool, org_id).await
    }

    async fn delivered_to(&self, county: i64, municipality: i64, year: i32) -> Result<Vec<Delivery>> {
        plan::delivered_to(&self.pool, county, municipality, year).await
    }
}
