//! The coefficient store's SQL. Compiled inside each backend crate, not in hyte-store: see
//! `crates/store/src/sql.rs`.

use crate::sql::services_queries::log;
use crate::sql::{audit, begin, json, rule, versioned, Audit, CHUNK};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::coefficient::model::Model;
use hyte_domain::coefficient::scenario::{Scenario, ScenarioInput};
use hyte_domain::coefficient::{ModelKind, ModelStatus, Sector, TeaRow};
use hyte_domain::{ErrorCode, OrgKind};
use hyte_store::coefficient::{CoefficientStore, ModelRecord, TeaResult};
use hyte_store::{Actor, Result, StoreError};
use std::collections::HashMap;

type Conn = <crate::Db as sqlx::Database>::Connection;

const MODEL_COLS: &str = "id, code, version, kind, funding_year, status, text, loaded_at";
type ModelRow = (i64, String, i64, String, i32, String, String, DateTime<Utc>);

fn model_record(r: ModelRow) -> Result<ModelRecord> {
    let bad = || StoreError::Rule(ErrorCode::Internal);
    Ok(ModelRecord {
        id: r.0,
        code: r.1,
        version: r.2,
        kind: ModelKind::parse(&r.3).ok_or_else(bad)?,
        funding_year: r.4,
        status: ModelStatus::parse(&r.5).ok_or_else(bad)?,
        text: r.6,
        loaded_at: r.7.format("%Y-%m-%d %H:%M").to_string(),
    })
}

const SCENARIO_COLS: &str = "s.id, s.org_id, s.model_id, s.goal_id, s.body, s.created_at, s.version";
type ScenarioRow = (i64, i64, i64, Option<i64>, String, DateTime<Utc>, i64);

fn scenario(r: ScenarioRow) -> Result<Scenario> {
    let input: ScenarioInput = serde_json::from_str(&r.4).map_err(|_| StoreError::Rule(ErrorCode::Internal))?;
    Ok(Scenario {
        id: r.0,
        org_id: r.1,
        model_id: r.2,
        goal_id: r.3,
        input,
        created_at: r.5.format("%Y-%m-%d").to_string(),
        version: r.6,
    })
}

async fn scenarios_where(c: &mut Conn, cond: &str, a: i64, b: i64) -> Result<Vec<Scenario>> {
    let sql = format!("SELECT {SCENARIO_COLS} FROM coefficient_scenarios s WHERE {cond}");
    let rows: Vec<ScenarioRow> = sqlx::query_as(&sql).bind(a).bind(b).fetch_all(&mut *c).await?;
    rows.into_iter().map(scenario).collect()
}

async fn own_scenario(c: &mut Conn, org_id: i64, id: i64) -> Result<Scenario> {
    let found = scenarios_where(c, "s.org_id = $1 AND s.id = $2", org_id, id).await?;
    found.into_iter().next().ok_or(rule(ErrorCode::NotFound))
}

/// The Hyte area of a result's code: three digits a municipality, two a county.
fn area_kind(code: &str) -> &'static str {
    if code.len() == 3 {
        "municipality"
    } else {
        "wellbeing_county"
    }
}

#[async_trait]
impl CoefficientStore for crate::This {
    async fn load_model(&self, model: &Model, text: &str, actor: Actor) -> Result<ModelRecord> {
        let mut tx = begin(&self.pool).await?;
        let version: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) + 1 FROM coefficient_models WHERE code = $1")
                .bind(&model.code)
                .fetch_one(&mut *tx)
                .await?;
        let row: ModelRow = sqlx::query_as(&format!(
            "INSERT INTO coefficient_models (code, version, kind, funding_year, status, text, loaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {MODEL_COLS}"
        ))
        .bind(&model.code)
        .bind(version)
        .bind(model.kind.as_str())
        .bind(model.funding_year)
        .bind(model.status.as_str())
        .bind(text)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await?;
        let record = model_record(row)?;
        let entry = Audit {
            org_id: None,
            action: AuditAction::CoefficientModelLoad,
            entity: "coefficient_model",
            entity_id: record.id.to_string(),
            before: None,
            after: json(&(&record.code, record.version, record.funding_year)),
        };
        audit(&mut tx, actor, entry).await?;
        tx.commit().await?;
        Ok(record)
    }

    async fn models(&self) -> Result<Vec<ModelRecord>> {
        let rows: Vec<ModelRow> = sqlx::query_as(&format!(
            "SELECT {MODEL_COLS} FROM coefficient_models m WHERE version = \
             (SELECT MAX(version) FROM coefficient_models o WHERE o.code = m.code) \
             ORDER BY kind DESC, funding_year DESC, code"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(model_record).collect()
    }

    async fn model_record(&self, id: i64) -> Result<Option<ModelRecord>> {
        let row: Option<ModelRow> =
            sqlx::query_as(&format!("SELECT {MODEL_COLS} FROM coefficient_models WHERE id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(model_record).transpose()
    }

    async fn model_versions(&self, code: &str) -> Result<Vec<ModelRecord>> {
        let rows: Vec<ModelRow> = sqlx::query_as(&format!(
            "SELECT {MODEL_COLS} FROM coefficient_models WHERE code = $1 ORDER BY version DESC"
        ))
        .bind(code)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(model_record).collect()
    }

    async fn save_tea_rows(&self, org_id: Option<i64>, rows: &[TeaRow], actor: Actor) -> Result<u64> {
        let mut tx = begin(&self.pool).await?;
        let own: Option<Option<i64>> = match org_id {
            Some(id) => {
                let (kind, area): (String, Option<i64>) =
                    sqlx::query_as("SELECT kind, area_id FROM organisations WHERE id = $1")
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await?
                        .ok_or(rule(ErrorCode::NotFound))?;
                // Only an organisation a model prices writes results (not a partner).
                OrgKind::parse(&kind).and_then(ModelKind::of).ok_or(rule(ErrorCode::Forbidden))?;
                Some(area)
            }
            None => None,
        };
        let mut areas: HashMap<String, i64> = HashMap::new();
        for r in rows {
            if areas.contains_key(&r.area) {
                continue;
            }
            let id: Option<i64> = sqlx::query_scalar("SELECT id FROM areas WHERE kind = $1 AND code = $2")
                .bind(area_kind(&r.area))
                .bind(&r.area)
                .fetch_optional(&mut *tx)
                .await?;
            let id = id.ok_or(rule(ErrorCode::InvalidInput))?;
            if let Some(own) = own {
                if own != Some(id) {
                    return Err(rule(ErrorCode::Forbidden));
                }
            }
            areas.insert(r.area.clone(), id);
        }
        for chunk in rows.chunks(CHUNK) {
            for r in chunk {
                let area = areas.get(&r.area).copied().ok_or(rule(ErrorCode::InvalidInput))?;
                sqlx::query(
                    "INSERT INTO teaviisari_results (area_id, sector, item, year, score) VALUES ($1, $2, $3, $4, $5) \
                     ON CONFLICT (area_id, sector, item, year) DO UPDATE SET score = excluded.score",
                )
                .bind(area)
                .bind(r.sector.as_str())
                .bind(&r.item)
                .bind(r.year)
                .bind(r.score)
                .execute(&mut *tx)
                .await?;
            }
        }
        crate::sql::knowledge_indicators::bump_version(&mut tx).await?;
        let summary = (rows.len(), rows.iter().map(|r| r.year).min(), rows.iter().map(|r| r.year).max());
        let entry = Audit {
            org_id,
            action: AuditAction::TeaviisariSave,
            entity: "teaviisari_results",
            entity_id: org_id.map(|o| o.to_string()).unwrap_or_default(),
            before: None,
            after: json(&summary),
        };
        audit(&mut tx, actor, entry).await?;
        tx.commit().await?;
        Ok(rows.len() as u64)
    }

    async fn residents(&self, kind: &str, year: i32) -> Result<Vec<(i64, f64)>> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT p.area_id, p.population FROM area_populations p JOIN areas a ON a.id = p.area_id \
             WHERE a.kind = $1 AND p.sex = 'total' AND p.year <= $2 ORDER BY p.area_id, p.year",
        )
        .bind(kind)
        .bind(year)
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<(i64, f64)> = Vec::new();
        for (area, people) in rows {
            match out.last_mut() {
                Some(last) if last.0 == area => last.1 = people as f64,
                _ => out.push((area, people as f64)),
            }
        }
        Ok(out)
    }

    async fn tea_results(&self, area_id: Option<i64>, from: i32, to: i32) -> Result<Vec<TeaResult>> {
        type Row = (i64, String, String, String, i32, f64);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT t.area_id, a.code, t.sector, t.item, t.year, t.score FROM teaviisari_results t \
             JOIN areas a ON a.id = t.area_id WHERE t.year BETWEEN $1 AND $2 AND ($3 IS NULL OR t.area_id = $3) \
             ORDER BY t.area_id, t.sector, t.item, t.year",
        )
        .bind(from)
        .bind(to)
        .bind(area_id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(area_id, area, sector, item, year, score)| {
                let sector = Sector::parse(&sector).ok_or(rule(ErrorCode::Internal))?;
                Ok(TeaResult { area_id, row: TeaRow { area, sector, item, year, score } })
            })
            .collect()
    }

    async fn save_scenario(&self, org_id: i64, model_id: i64, input: &ScenarioInput, actor: Actor) -> Result<Scenario> {
        let mut tx = begin(&self.pool).await?;
        let model: Option<i64> = sqlx::query_scalar("SELECT id FROM coefficient_models WHERE id = $1")
            .bind(model_id)
            .fetch_optional(&mut *tx)
            .await?;
        model.ok_or(rule(ErrorCode::NotFound))?;
        let body = serde_json::to_string(input).map_err(|_| rule(ErrorCode::Internal))?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO coefficient_scenarios (org_id, model_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(org_id)
        .bind(model_id)
        .bind(body)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await?;
        let s = own_scenario(&mut tx, org_id, id).await?;
        log(
            &mut tx,
            actor,
            org_id,
            AuditAction::CoefficientScenarioCreate,
            ("coefficient_scenario", id),
            None::<&()>,
            Some(&s.input),
        )
        .await?;
        tx.commit().await?;
        Ok(s)
    }

    async fn scenarios(&self, org_id: i64) -> Result<Vec<Scenario>> {
        let mut c = self.pool.acquire().await?;
        scenarios_where(&mut c, "s.org_id = $1 AND s.id > $2 ORDER BY s.id DESC", org_id, 0).await
    }

    async fn scenario(&self, org_id: i64, id: i64) -> Result<Option<Scenario>> {
        let mut c = self.pool.acquire().await?;
        Ok(scenarios_where(&mut c, "s.org_id = $1 AND s.id = $2", org_id, id).await?.into_iter().next())
    }

    async fn attach_scenario(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        goal_id: Option<i64>,
        actor: Actor,
    ) -> Result<Scenario> {
        let mut tx = begin(&self.pool).await?;
        let before = own_scenario(&mut tx, org_id, id).await?;
        if let Some(goal) = goal_id {
            let owner: Option<i64> = sqlx::query_scalar(
                "SELECT r.org_id FROM plan_goals g JOIN reports r ON r.id = g.report_id WHERE g.id = $1",
            )
            .bind(goal)
            .fetch_optional(&mut *tx)
            .await?;
            if owner != Some(org_id) {
                return Err(rule(ErrorCode::NotFound));
            }
        }
        let n = sqlx::query(
            "UPDATE coefficient_scenarios SET goal_id = $1, version = version + 1 WHERE id = $2 AND version = $3",
        )
        .bind(goal_id)
        .bind(id)
        .bind(version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        crate::sql::written(n)?;
        let after = own_scenario(&mut tx, org_id, id).await?;
        log(
            &mut tx,
            actor,
            org_id,
            AuditAction::CoefficientScenarioAttach,
            ("coefficient_scenario", id),
            Some(&before.goal_id),
            Some(&after.goal_id),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn delete_scenario(&self, org_id: i64, id: i64, version: i64, actor: Actor) -> Result<()> {
        let mut tx = begin(&self.pool).await?;
        let before = own_scenario(&mut tx, org_id, id).await?;
        versioned(&mut tx, "DELETE FROM coefficient_scenarios WHERE id = $1 AND version = $2", id, version).await?;
        log(
            &mut tx,
            actor,
            org_id,
            AuditAction::CoefficientScenarioDelete,
            ("coefficient_scenario", id),
            Some(&before.input),
            None::<&()>,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn goal_scenarios(&self, org_id: i64, report_id: i64) -> Result<Vec<Scenario>> {
        let mut c = self.pool.acquire().await?;
        scenarios_where(
            &mut c,
            "s.org_id = $1 AND s.goal_id IN (SELECT id FROM plan_goals WHERE report_id = $2) ORDER BY s.goal_id, s.id",
            org_id,
            report_id,
        )
        .await
    }
}
