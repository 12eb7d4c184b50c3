//! The practice store's SQL: practices, their adoption into plans, the county's recommendations.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::reports_plan::insert_measure;
use crate::sql::services_queries::log;
use crate::sql::support_region as region;
use crate::sql::{begin, rule, written};
use async_trait::async_trait;
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::reports::{Measure, MeasureInput, MeasureStatus, Resources};
use hyte_domain::support::practice::{
    Adoption, AdoptionInput, Practice, PracticeInput, Recommendation, RecommendationInput,
};
use hyte_domain::ErrorCode;
use hyte_store::rows::collect;
use hyte_store::services::rows::to_body;
use hyte_store::support::practice_rows::{
    AdoptionRow, LinkedRow, PracticeRow, RecommendationRow, ADOPTION_COLS, PRACTICE_COLS,
};
use hyte_store::support::MeasurePractice;
use hyte_store::{Actor, Result};

type Conn = <crate::Db as sqlx::Database>::Connection;

/// Practices by a condition on `p` (`$1` bound by the caller's `bind`), by id.
async fn practices_where(c: &mut Conn, cond: &str, arg: Option<i64>) -> Result<Vec<Practice>> {
    let sql = format!("SELECT {PRACTICE_COLS} FROM practices p WHERE {cond} ORDER BY p.id");
    let q = sqlx::query_as::<_, PracticeRow>(&sql);
    let q = match arg {
        Some(a) => q.bind(a),
        None => q,
    };
    collect(q.fetch_all(&mut *c).await?)
}

/// The practice, when `org_id` owns it (`None`: anyone) or it is published; `not_found` otherwise.
async fn reachable(c: &mut Conn, org_id: Option<i64>, id: i64) -> Result<Practice> {
    let row: Option<PracticeRow> = sqlx::query_as(&format!("SELECT {PRACTICE_COLS} FROM practices p WHERE p.id = $1"))
        .bind(id)
        .fetch_optional(&mut *c)
        .await?;
    let p = Practice::try_from(row.ok_or(rule(ErrorCode::NotFound))?)?;
    if p.published || Some(p.org_id) == org_id {
        Ok(p)
    } else {
        Err(rule(ErrorCode::NotFound))
    }
}

/// `org_id`'s own practice (`not_found` for another's).
async fn own(c: &mut Conn, org_id: i64, id: i64) -> Result<Practice> {
    let p = reachable(c, Some(org_id), id).await?;
    if p.org_id != org_id {
        return Err(rule(ErrorCode::NotFound));
    }
    Ok(p)
}

async fn insert(c: &mut Conn, org_id: i64, input: &PracticeInput) -> Result<i64> {
    Ok(sqlx::query_scalar("INSERT INTO practices (org_id, body) VALUES ($1, $2) RETURNING id")
        .bind(org_id)
        .bind(to_body(input))
        .fetch_one(&mut *c)
        .await?)
}

async fn adoptions_where(c: &mut Conn, cond: &str, arg: i64, order: &str) -> Result<Vec<Adoption>> {
    let rows: Vec<AdoptionRow> = sqlx::query_as(&format!(
        "SELECT {ADOPTION_COLS} FROM practice_adoptions a LEFT JOIN plan_measures m ON m.id = a.measure_id \
         WHERE {cond} ORDER BY {order}"
    ))
    .bind(arg)
    .fetch_all(&mut *c)
    .await?;
    collect(rows)
}

async fn recommendation(c: &mut Conn, id: i64) -> Result<Recommendation> {
    let row: Option<RecommendationRow> = sqlx::query_as(
        "SELECT id, county_id, year, area, practice_id, municipality_id, note FROM practice_recommendations \
         WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *c)
    .await?;
    Recommendation::try_from(row.ok_or(rule(ErrorCode::NotFound))?)
}

/// The measure a practice becomes in a plan: its name and summary in the adopter's language.
fn measure_of(p: &Practice, input: &AdoptionInput) -> MeasureInput {
    let summary = p.input.summary.get(input.lang);
    MeasureInput {
        title: p.name(input.lang).chars().take(200).collect(),
        description: Some(summary.chars().take(4_000).collect()).filter(|s: &String| !s.is_empty()),
        sector_id: None,
        responsible_person: None,
        start_year: Some(chrono::Datelike::year(&input.since)),
        end_year: None,
        resources: Resources::default(),
        status: MeasureStatus::Planned,
    }
}

#[async_trait]
impl hyte_store::support::PracticeStore for crate::This {
    async fn create_practice(&self, org_id: i64, input: &PracticeInput, actor: Actor) -> Result<Practice> {
        let mut tx = begin(&self.pool).await?;
        let id = insert(&mut tx, org_id, input).await?;
        let added = own(&mut tx, org_id, id).await?;
        log(&mut tx, actor, org_id, AuditAction::PracticeCreate, ("practice", id), None::<&()>, Some(&added)).await?;
        tx.commit().await?;
        Ok(added)
    }

    async fn update_practice(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        input: &PracticeInput,
        actor: Actor,
    ) -> Result<Practice> {
        let mut tx = begin(&self.pool).await?;
        let before = own(&mut tx, org_id, id).await?;
        // An imported practice keeps its source through edits.
        let input = PracticeInput { source: before.input.source.clone(), ..input.clone() };
        crate::sql::set_body(&mut tx, "practices", id, version, to_body(&input)).await?;
        let after = own(&mut tx, org_id, id).await?;
        log(&mut tx, actor, org_id, AuditAction::PracticeUpdate, ("practice", id), Some(&before), Some(&after)).await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn publish_practice(&self, org_id: i64, id: i64, version: i64, on: bool, actor: Actor) -> Result<Practice> {
        let mut tx = begin(&self.pool).await?;
        let before = own(&mut tx, org_id, id).await?;
        let n =
            sqlx::query("UPDATE practices SET published = $1, version = version + 1 WHERE id = $2 AND version = $3")
                .bind(on)
                .bind(id)
                .bind(version)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        written(n)?;
        let after = own(&mut tx, org_id, id).await?;
        log(&mut tx, actor, org_id, AuditAction::PracticePublish, ("practice", id), Some(&before), Some(&after))
            .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn practice(&self, org_id: i64, id: i64) -> Result<Option<Practice>> {
        let mut c = self.pool.acquire().await?;
        let p = reachable(&mut c, Some(org_id), id).await;
        match p {
            Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
            p => p.map(Some),
        }
    }

    async fn org_practices(&self, org_id: i64) -> Result<Vec<Practice>> {
        let mut c = self.pool.acquire().await?;
        let list = practices_where(&mut c, "p.org_id = $1", Some(org_id)).await?;
        Ok(list)
    }

    async fn published_practices(&self) -> Result<Vec<Practice>> {
        let mut c = self.pool.acquire().await?;
        let list = practices_where(&mut c, "p.published = TRUE", None).await?;
        Ok(list)
    }

    async fn published_practice(&self, id: i64) -> Result<Option<Practice>> {
        let mut c = self.pool.acquire().await?;
        let list = practices_where(&mut c, "p.published = TRUE AND p.id = $1", Some(id)).await?;
        Ok(list.into_iter().next())
    }

    async fn import_practices(&self, org_id: i64, inputs: &[PracticeInput], actor: Actor) -> Result<Vec<Practice>> {
        let mut tx = begin(&self.pool).await?;
        let mut out = Vec::with_capacity(inputs.len());
        for input in inputs {
            let id = insert(&mut tx, org_id, input).await?;
            let added = own(&mut tx, org_id, id).await?;
            log(&mut tx, actor, org_id, AuditAction::PracticeImport, ("practice", id), None::<&()>, Some(&added))
                .await?;
            out.push(added);
        }
        tx.commit().await?;
        Ok(out)
    }

    async fn adopt_practice(
        &self,
        org_id: i64,
        practice_id: i64,
        input: &AdoptionInput,
        actor: Actor,
    ) -> Result<(Adoption, Measure)> {
        let mut tx = begin(&self.pool).await?;
        let practice = reachable(&mut tx, Some(org_id), practice_id).await?;
        let owner: Option<i64> = sqlx::query_scalar("SELECT org_id FROM reports WHERE id = $1")
            .bind(input.report_id)
            .fetch_optional(&mut *tx)
            .await?;
        if owner != Some(org_id) {
            return Err(rule(ErrorCode::NotFound));
        }
        let goals: Vec<i64> = input.goal_id.into_iter().collect();
        let (_, measure) =
            insert_measure(&mut tx, input.report_id, &measure_of(&practice, input), &goals, actor).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO practice_adoptions (practice_id, org_id, measure_id, since, results) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(practice_id)
        .bind(org_id)
        .bind(measure.id)
        .bind(input.since.to_string())
        .bind(&input.results)
        .fetch_one(&mut *tx)
        .await?;
        let adoption = adoptions_where(&mut tx, "a.id = $1", id, "a.id").await?.into_iter().next();
        let adoption = adoption.ok_or(rule(ErrorCode::NotFound))?;
        log(
            &mut tx,
            actor,
            org_id,
            AuditAction::PracticeAdopt,
            ("practice_adoption", id),
            None::<&()>,
            Some(&adoption),
        )
        .await?;
        tx.commit().await?;
        Ok((adoption, measure))
    }

    async fn practice_adoptions(&self, org_id: Option<i64>, practice_id: i64) -> Result<Vec<Adoption>> {
        let mut c = self.pool.acquire().await?;
        reachable(&mut c, org_id, practice_id).await?;
        let list = adoptions_where(&mut c, "a.practice_id = $1", practice_id, "a.since, a.id").await?;
        Ok(list)
    }

    async fn org_adoptions(&self, org_id: i64) -> Result<Vec<Adoption>> {
        let mut c = self.pool.acquire().await?;
        let list = adoptions_where(&mut c, "a.org_id = $1", org_id, "a.since DESC, a.id DESC").await?;
        Ok(list)
    }

    async fn measure_practices(&self, org_id: i64, report_id: i64) -> Result<Vec<MeasurePractice>> {
        let mut tx = begin(&self.pool).await?;
        let owner: Option<i64> = sqlx::query_scalar("SELECT org_id FROM reports WHERE id = $1")
            .bind(report_id)
            .fetch_optional(&mut *tx)
            .await?;
        if owner != Some(org_id) {
            return Err(rule(ErrorCode::NotFound));
        }
        let rows: Vec<(i64, PracticeRow)> = sqlx::query_as::<_, LinkedRow>(&format!(
            "SELECT a.measure_id, {PRACTICE_COLS} FROM practice_adoptions a \
                 JOIN plan_measures m ON m.id = a.measure_id JOIN practices p ON p.id = a.practice_id \
                 WHERE m.report_id = $1 AND a.org_id = $2 ORDER BY a.measure_id, a.id"
        ))
        .bind(report_id)
        .bind(org_id)
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|r| (r.measure_id, r.practice))
        .collect();
        tx.commit().await?;
        rows.into_iter()
            .map(|(measure_id, row)| {
                let p = Practice::try_from(row)?;
                Ok(MeasurePractice {
                    measure_id,
                    practice_id: p.id,
                    name: p.input.name,
                    published: p.published,
                    owner_id: p.org_id,
                })
            })
            .collect()
    }

    async fn recommend_practice(
        &self,
        org_id: i64,
        input: &RecommendationInput,
        actor: Actor,
    ) -> Result<Recommendation> {
        let mut tx = begin(&self.pool).await?;
        let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM organisations WHERE id = $1")
            .bind(org_id)
            .fetch_optional(&mut *tx)
            .await?;
        let is_county = kind.and_then(|k| hyte_domain::OrgKind::parse(&k)).is_some_and(|k| k.is_county());
        if !is_county {
            return Err(rule(ErrorCode::Forbidden));
        }
        // Recommended to municipalities: published (they read it).
        reachable(&mut tx, None, input.practice_id).await?;
        if let Some(m) = input.municipality_id {
            if !region::is_member(&mut tx, org_id, m).await? {
                return Err(rule(ErrorCode::NotFound));
            }
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO practice_recommendations (county_id, year, area, practice_id, municipality_id, note) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(org_id)
        .bind(input.year)
        .bind(input.area.as_str())
        .bind(input.practice_id)
        .bind(input.municipality_id)
        .bind(&input.note)
        .fetch_one(&mut *tx)
        .await?;
        let added = recommendation(&mut tx, id).await?;
        let action = AuditAction::PracticeRecommendationCreate;
        log(&mut tx, actor, org_id, action, ("practice_recommendation", id), None::<&()>, Some(&added)).await?;
        tx.commit().await?;
        Ok(added)
    }

    async fn delete_recommendation(&self, org_id: i64, id: i64, actor: Actor) -> Result<()> {
        let mut tx = begin(&self.pool).await?;
        let before = recommendation(&mut tx, id).await?;
        if before.county_id != org_id {
            return Err(rule(ErrorCode::NotFound));
        }
        sqlx::query("DELETE FROM practice_recommendations WHERE id = $1").bind(id).execute(&mut *tx).await?;
        let action = AuditAction::PracticeRecommendationDelete;
        log(&mut tx, actor, org_id, action, ("practice_recommendation", id), Some(&before), None::<&()>).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn recommendations(&self, org_id: i64) -> Result<Vec<Recommendation>> {
        let mut tx = begin(&self.pool).await?;
        let rows: Vec<RecommendationRow> = sqlx::query_as(
            "SELECT id, county_id, year, area, practice_id, municipality_id, note FROM practice_recommendations \
             WHERE county_id = $1 OR municipality_id = $1 OR municipality_id IS NULL ORDER BY year DESC, id",
        )
        .bind(org_id)
        .fetch_all(&mut *tx)
        .await?;
        let mut out = vec![];
        for r in collect::<RecommendationRow, Recommendation>(rows)? {
            // A recommendation to all municipalities reaches the county's members only.
            if r.county_id == org_id
                || r.input.municipality_id == Some(org_id)
                || (r.input.municipality_id.is_none() && region::is_member(&mut tx, r.county_id, org_id).await?)
            {
                out.push(r);
            }
        }
        tx.commit().await?;
        Ok(out)
    }
}
