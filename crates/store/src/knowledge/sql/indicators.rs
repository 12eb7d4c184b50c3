//! The portable SQL of indicators and observations.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::{audit, json, rule, Audit, Tx};
use hyte_domain::admin::audit::AuditAction;

use crate::sql::CHUNK;
use async_trait::async_trait;
use hyte_domain::knowledge::stats::Polarity;
use hyte_domain::{ErrorCode, Indicator, Observation};
use hyte_store::knowledge::rows::{themes_to_text, INDICATOR_COLS, OBSERVATION_COLS};
use hyte_store::knowledge::rows::{IndicatorRow, ObservationRow};
use hyte_store::knowledge::{IndicatorFilter, NewIndicator, ObservationQuery};
use hyte_store::rows::collect;
use hyte_store::{Actor, Result};
use std::collections::HashMap;

/// Marks the knowledge base changed, so cached views built from it (area profiles) are rebuilt:
/// every write of observations, of the catalogue or of an indicator's direction calls it.
pub(crate) async fn bump_version(tx: &mut Tx<'_>) -> Result<()> {
    sqlx::query("UPDATE data_version SET version = version + 1 WHERE id = 1").execute(&mut **tx).await?;
    Ok(())
}

/// Inserts or updates observations in multi-row statements.
pub(crate) async fn write_observations(tx: &mut Tx<'_>, rows: &[Observation]) -> Result<()> {
    for chunk in rows.chunks(CHUNK) {
        let mut qb = sqlx::QueryBuilder::<crate::Db>::new(format!("INSERT INTO observations ({OBSERVATION_COLS}) "));
        qb.push_values(chunk, |mut b, o| {
            b.push_bind(o.indicator_id)
                .push_bind(o.area_id)
                .push_bind(o.year)
                .push_bind(o.sex.as_str())
                .push_bind(&o.age_band)
                .push_bind(o.value)
                .push_bind(o.numerator)
                .push_bind(o.denominator)
                .push_bind(o.suppressed);
        });
        qb.push(
            " ON CONFLICT (indicator_id, area_id, sex, age_band, year) DO UPDATE SET value = excluded.value, \
             numerator = excluded.numerator, denominator = excluded.denominator, suppressed = excluded.suppressed",
        );
        qb.build().execute(&mut **tx).await?;
    }
    Ok(())
}

fn push_filter<'a>(qb: &mut sqlx::QueryBuilder<'a, crate::Db>, f: &'a IndicatorFilter) {
    qb.push(" WHERE (org_id IS NULL");
    if !f.visible_orgs.is_empty() {
        qb.push(" OR org_id IN (");
        let mut sep = qb.separated(", ");
        for o in &f.visible_orgs {
            sep.push_bind(*o);
        }
        qb.push(")");
    }
    qb.push(")");
    for word in f.q.split_whitespace().take(8) {
        let like = format!("%{}%", word.to_lowercase().replace('%', ""));
        qb.push(" AND (lower(title_fi) LIKE ").push_bind(like.clone());
        qb.push(" OR lower(coalesce(title_sv, '')) LIKE ").push_bind(like.clone());
        qb.push(" OR lower(coalesce(title_en, '')) LIKE ").push_bind(like);
        qb.push(" OR source_id = ").push_bind(word.to_string()).push(")");
    }
    if let Some(t) = &f.theme {
        qb.push(" AND themes LIKE ").push_bind(format!("%|{t}|%"));
    }
    if let Some(s) = &f.source {
        qb.push(" AND source = ").push_bind(s.clone());
    }
    if f.with_data {
        qb.push(" AND EXISTS (SELECT 1 FROM observations o WHERE o.indicator_id = indicators.id)");
    }
}

#[async_trait]
impl hyte_store::IndicatorStore for crate::This {
    async fn upsert_indicators(&self, items: &[NewIndicator]) -> Result<u64> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        for complete in [false, true] {
            let part: Vec<&NewIndicator> = items.iter().filter(|i| i.complete == complete).collect();
            for chunk in part.chunks(CHUNK / 2) {
                let mut qb = sqlx::QueryBuilder::<crate::Db>::new(
                    "INSERT INTO indicators (source, source_id, org_id, org_key, title_fi, title_sv, title_en, \
                     texts_json, value_type, decimals, polarity, producer, attribution, themes, data_updated, version) ",
                );
                qb.push_values(chunk, |mut b, i| {
                    b.push_bind(&i.source)
                        .push_bind(&i.source_id)
                        .push_bind(i.org_id)
                        .push_bind(i.org_id.unwrap_or(0))
                        .push_bind(&i.title.fi)
                        .push_bind(&i.title.sv)
                        .push_bind(&i.title.en)
                        .push_bind(serde_json::to_string(&i.texts).unwrap_or_else(|_| "{}".into()))
                        .push_bind(i.value_type.as_str())
                        .push_bind(i.decimals)
                        .push_bind(i.polarity.as_str())
                        .push_bind(&i.producer)
                        .push_bind(&i.attribution)
                        .push_bind(themes_to_text(&i.themes))
                        .push_bind(&i.data_updated)
                        .push_bind(1i64);
                });
                qb.push(
                    " ON CONFLICT (source, source_id, org_key) DO UPDATE SET title_fi = excluded.title_fi, \
                         title_sv = excluded.title_sv, title_en = excluded.title_en, producer = excluded.producer",
                );
                if complete {
                    qb.push(
                        ", texts_json = excluded.texts_json, value_type = excluded.value_type, \
                             decimals = excluded.decimals, attribution = excluded.attribution, \
                             themes = excluded.themes, data_updated = excluded.data_updated",
                    );
                }
                qb.build().execute(&mut *tx).await?;
            }
        }
        bump_version(&mut tx).await?;
        tx.commit().await?;
        Ok(items.len() as u64)
    }

    async fn get_indicator(&self, id: i64) -> Result<Option<Indicator>> {
        let row: Option<IndicatorRow> =
            sqlx::query_as(&format!("SELECT {INDICATOR_COLS} FROM indicators WHERE id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(Indicator::try_from).transpose()
    }

    async fn get_indicators(&self, ids: &[i64]) -> Result<Vec<Indicator>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let mut qb =
            sqlx::QueryBuilder::<crate::Db>::new(format!("SELECT {INDICATOR_COLS} FROM indicators WHERE id IN ("));
        let mut sep = qb.separated(", ");
        for id in ids {
            sep.push_bind(*id);
        }
        qb.push(") ORDER BY id");
        let rows: Vec<IndicatorRow> = qb.build_query_as().fetch_all(&self.pool).await?;
        collect(rows)
    }

    async fn indicator_ids(
        &self,
        source: &str,
        org_id: Option<i64>,
    ) -> Result<HashMap<String, (i64, hyte_domain::ValueType)>> {
        let rows: Vec<(String, i64, String)> =
            sqlx::query_as("SELECT source_id, id, value_type FROM indicators WHERE source = $1 AND org_key = $2")
                .bind(source)
                .bind(org_id.unwrap_or(0))
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(s, id, vt)| (s, (id, hyte_domain::ValueType::parse(&vt).unwrap_or(hyte_domain::ValueType::Other))))
            .collect())
    }

    async fn list_indicators(&self, f: &IndicatorFilter) -> Result<(Vec<Indicator>, i64)> {
        let mut qb = sqlx::QueryBuilder::<crate::Db>::new("SELECT COUNT(*) FROM indicators");
        push_filter(&mut qb, f);
        let total: i64 = qb.build_query_scalar().fetch_one(&self.pool).await?;
        let mut qb = sqlx::QueryBuilder::<crate::Db>::new(format!("SELECT {INDICATOR_COLS} FROM indicators"));
        push_filter(&mut qb, f);
        qb.push(" ORDER BY title_fi, id LIMIT ").push_bind(f.limit.clamp(1, 5000));
        qb.push(" OFFSET ").push_bind(f.offset.max(0));
        let rows: Vec<IndicatorRow> = qb.build_query_as().fetch_all(&self.pool).await?;
        Ok((collect(rows)?, total))
    }

    async fn indicator_themes(&self) -> Result<Vec<(String, i64)>> {
        let rows: Vec<String> =
            sqlx::query_scalar("SELECT themes FROM indicators WHERE themes <> ''").fetch_all(&self.pool).await?;
        let mut counts: HashMap<String, i64> = HashMap::new();
        for r in rows {
            for t in hyte_store::knowledge::rows::themes_from_text(&r) {
                *counts.entry(t).or_default() += 1;
            }
        }
        let mut v: Vec<(String, i64)> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(v)
    }

    async fn set_polarity(&self, id: i64, version: i64, polarity: Polarity, actor: Actor) -> Result<Indicator> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before: IndicatorRow = sqlx::query_as(&format!("SELECT {INDICATOR_COLS} FROM indicators WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(rule(ErrorCode::NotFound))?;
        let before = Indicator::try_from(before)?;
        let row: Option<IndicatorRow> = sqlx::query_as(&format!(
            "UPDATE indicators SET polarity = $1, version = version + 1 WHERE id = $2 AND version = $3 \
             RETURNING {INDICATOR_COLS}"
        ))
        .bind(polarity.as_str())
        .bind(id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?;
        let after = Indicator::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
        bump_version(&mut tx).await?;
        let summary = |i: &Indicator| json(&serde_json::json!({"polarity": i.polarity, "version": i.version}));
        audit(
            &mut tx,
            actor,
            Audit {
                // The owner's log; a national indicator's change is logged outside any organisation.
                org_id: before.org_id,
                action: AuditAction::IndicatorUpdate,
                entity: "indicator",
                entity_id: id.to_string(),
                before: summary(&before),
                after: summary(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn upsert_area_codes(&self, source: &str, codes: &[hyte_store::ExternalRegion]) -> Result<u64> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let ids: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT id, kind, code FROM areas").fetch_all(&mut *tx).await?;
        let ids: HashMap<(String, String), i64> = ids.into_iter().map(|(i, k, c)| ((k, c), i)).collect();
        let rows: Vec<(&str, &str, Option<i64>)> = codes
            .iter()
            .map(|r| (r.external_id.as_str(), r.category.as_str(), r.area.as_ref().and_then(|a| ids.get(a).copied())))
            .collect();
        for chunk in rows.chunks(CHUNK) {
            let mut qb = sqlx::QueryBuilder::<crate::Db>::new(
                "INSERT INTO area_codes (source, external_id, category, area_id) ",
            );
            qb.push_values(chunk, |mut b, (ext, cat, id)| {
                b.push_bind(source).push_bind(*ext).push_bind(*cat).push_bind(*id);
            });
            qb.push(" ON CONFLICT (source, external_id) DO UPDATE SET category = excluded.category, area_id = excluded.area_id");
            qb.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(rows.iter().filter(|r| r.2.is_some()).count() as u64)
    }

    async fn area_codes(&self, source: &str) -> Result<HashMap<String, (String, Option<i64>)>> {
        let rows: Vec<(String, String, Option<i64>)> =
            sqlx::query_as("SELECT external_id, category, area_id FROM area_codes WHERE source = $1")
                .bind(source)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(e, c, a)| (e, (c, a))).collect())
    }

    async fn import_observations(&self, rows: &[Observation]) -> Result<u64> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        write_observations(&mut tx, rows).await?;
        bump_version(&mut tx).await?;
        tx.commit().await?;
        Ok(rows.len() as u64)
    }

    async fn observations(&self, q: &ObservationQuery) -> Result<Vec<Observation>> {
        let mut qb =
            sqlx::QueryBuilder::<crate::Db>::new(format!("SELECT {OBSERVATION_COLS} FROM observations WHERE 1 = 1"));
        for (col, ids) in [("indicator_id", &q.indicator_ids), ("area_id", &q.area_ids)] {
            if !ids.is_empty() {
                qb.push(format!(" AND {col} IN ("));
                let mut sep = qb.separated(", ");
                for id in ids.iter() {
                    sep.push_bind(*id);
                }
                qb.push(")");
            }
        }
        if let Some((from, to)) = q.years {
            qb.push(" AND year >= ").push_bind(from).push(" AND year <= ").push_bind(to);
        }
        if let Some(sex) = q.sex {
            qb.push(" AND sex = ").push_bind(sex.as_str());
        }
        qb.push(" ORDER BY indicator_id, area_id, sex, age_band, year");
        let rows: Vec<ObservationRow> = qb.build_query_as().fetch_all(&self.pool).await?;
        collect(rows)
    }

    async fn indicators_for_area(&self, area_id: i64) -> Result<Vec<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT DISTINCT indicator_id FROM observations WHERE area_id = $1 ORDER BY indicator_id",
        )
        .bind(area_id)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn data_version(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT version FROM data_version WHERE id = 1").fetch_one(&self.pool).await?)
    }

    async fn observation_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM observations").fetch_one(&self.pool).await?)
    }
}
