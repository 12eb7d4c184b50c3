//! The portable SQL of areas: the classification, memberships and populations.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::rule;
use crate::sql::CHUNK;
use async_trait::async_trait;
use hyte_domain::{Area, ErrorCode, Names, PopulationRow};
use hyte_store::knowledge::rows;
use hyte_store::knowledge::rows::AREA_COLS;
use hyte_store::rows::collect;
use hyte_store::{AreaImport, AreaKindRow, ImportSummary, Result};
use std::collections::HashMap;

#[async_trait]
impl hyte_store::AreaStore for crate::This {
    async fn import_areas(&self, data: &AreaImport) -> Result<ImportSummary> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        for k in &data.kinds {
            sqlx::query(
                "INSERT INTO area_kinds (code, name_fi, name_sv, name_en, sort_order) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (code) DO UPDATE SET name_fi = excluded.name_fi, name_sv = excluded.name_sv, \
                 name_en = excluded.name_en, sort_order = excluded.sort_order",
            )
            .bind(&k.code)
            .bind(&k.names.fi)
            .bind(&k.names.sv)
            .bind(&k.names.en)
            .bind(k.sort_order)
            .execute(&mut *tx)
            .await?;
        }
        for chunk in data.areas.chunks(CHUNK) {
            let mut qb = sqlx::QueryBuilder::<crate::Db>::new(
                "INSERT INTO areas (kind, code, name_fi, name_sv, name_en, first_year, last_year) ",
            );
            qb.push_values(chunk, |mut b, a| {
                b.push_bind(&a.kind)
                    .push_bind(&a.code)
                    .push_bind(&a.names.fi)
                    .push_bind(&a.names.sv)
                    .push_bind(&a.names.en)
                    .push_bind(a.first_year)
                    .push_bind(a.last_year);
            });
            qb.push(
                " ON CONFLICT (kind, code) DO UPDATE SET name_fi = excluded.name_fi, name_sv = excluded.name_sv, \
                 name_en = excluded.name_en, first_year = excluded.first_year, last_year = excluded.last_year",
            );
            qb.build().execute(&mut *tx).await?;
        }
        let ids: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT id, kind, code FROM areas").fetch_all(&mut *tx).await?;
        let ids: HashMap<(String, String), i64> = ids.into_iter().map(|(id, k, c)| ((k, c), id)).collect();
        let id_of = |key: &(String, String)| ids.get(key).copied().ok_or_else(|| rule(ErrorCode::InvalidInput));
        let memberships: Vec<(i64, i64, i32)> = data
            .memberships
            .iter()
            .map(|m| Ok((id_of(&m.child)?, id_of(&m.parent)?, m.year)))
            .collect::<Result<_>>()?;
        for chunk in memberships.chunks(CHUNK) {
            let mut qb =
                sqlx::QueryBuilder::<crate::Db>::new("INSERT INTO area_memberships (child_id, parent_id, year) ");
            qb.push_values(chunk, |mut b, (c, p, y)| {
                b.push_bind(*c).push_bind(*p).push_bind(*y);
            });
            qb.push(" ON CONFLICT (child_id, parent_id, year) DO NOTHING");
            qb.build().execute(&mut *tx).await?;
        }
        let pops: Vec<(i64, &PopulationRow)> =
            data.populations.iter().map(|p| Ok((id_of(&p.area)?, &p.row))).collect::<Result<_>>()?;
        for chunk in pops.chunks(CHUNK) {
            let mut qb = sqlx::QueryBuilder::<crate::Db>::new(
                "INSERT INTO area_populations (area_id, year, sex, population, derived) ",
            );
            qb.push_values(chunk, |mut b, (id, p)| {
                b.push_bind(*id)
                    .push_bind(p.year)
                    .push_bind(p.sex.as_str())
                    .push_bind(p.population)
                    .push_bind(p.derived);
            });
            qb.push(
                " ON CONFLICT (area_id, year, sex) DO UPDATE SET population = excluded.population, \
                 derived = excluded.derived",
            );
            qb.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(ImportSummary {
            areas: data.areas.len() as u64,
            memberships: data.memberships.len() as u64,
            populations: data.populations.len() as u64,
        })
    }

    async fn area_kinds(&self) -> Result<Vec<AreaKindRow>> {
        let rows: Vec<rows::KindRow> = sqlx::query_as(
            "SELECT code, name_fi, name_sv, name_en, sort_order FROM area_kinds ORDER BY sort_order, code",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| AreaKindRow {
                code: r.code,
                names: Names::new(r.name_fi, r.name_sv, r.name_en),
                sort_order: r.sort_order,
            })
            .collect())
    }

    async fn list_areas(&self, kind: Option<&str>) -> Result<Vec<Area>> {
        let rows: Vec<rows::AreaRow> = match kind {
            Some(k) => {
                sqlx::query_as(&format!("SELECT {AREA_COLS} FROM areas WHERE kind = $1 ORDER BY name_fi, code"))
                    .bind(k)
                    .fetch_all(&self.pool)
                    .await?
            }
            None => {
                sqlx::query_as(
                    "SELECT a.id, a.kind, a.code, a.name_fi, a.name_sv, a.name_en, a.first_year, a.last_year \
                     FROM areas a JOIN area_kinds k ON k.code = a.kind ORDER BY k.sort_order, a.name_fi, a.code",
                )
                .fetch_all(&self.pool)
                .await?
            }
        };
        collect(rows)
    }

    async fn get_area(&self, kind: &str, code: &str) -> Result<Option<Area>> {
        let row: Option<rows::AreaRow> =
            sqlx::query_as(&format!("SELECT {AREA_COLS} FROM areas WHERE kind = $1 AND code = $2"))
                .bind(kind)
                .bind(code)
                .fetch_optional(&self.pool)
                .await?;
        row.map(Area::try_from).transpose()
    }

    async fn get_area_by_id(&self, id: i64) -> Result<Option<Area>> {
        let row: Option<rows::AreaRow> = sqlx::query_as(&format!("SELECT {AREA_COLS} FROM areas WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(Area::try_from).transpose()
    }

    async fn area_parents(&self, area_id: i64, year: i32) -> Result<Vec<Area>> {
        let rows: Vec<rows::AreaRow> = sqlx::query_as(
            "SELECT a.id, a.kind, a.code, a.name_fi, a.name_sv, a.name_en, a.first_year, a.last_year \
             FROM area_memberships m JOIN areas a ON a.id = m.parent_id JOIN area_kinds k ON k.code = a.kind \
             WHERE m.child_id = $1 AND m.year = $2 ORDER BY k.sort_order, a.name_fi",
        )
        .bind(area_id)
        .bind(year)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn area_members(&self, area_id: i64, year: i32) -> Result<Vec<Area>> {
        let rows: Vec<rows::AreaRow> = sqlx::query_as(
            "SELECT a.id, a.kind, a.code, a.name_fi, a.name_sv, a.name_en, a.first_year, a.last_year \
             FROM area_memberships m JOIN areas a ON a.id = m.child_id JOIN area_kinds k ON k.code = a.kind \
             WHERE m.parent_id = $1 AND m.year = $2 ORDER BY k.sort_order, a.name_fi",
        )
        .bind(area_id)
        .bind(year)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn area_years(&self, area_id: i64) -> Result<Vec<i32>> {
        Ok(sqlx::query_scalar(
            "SELECT DISTINCT year FROM area_memberships WHERE child_id = $1 OR parent_id = $2 ORDER BY year DESC",
        )
        .bind(area_id)
        .bind(area_id)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn area_population(&self, area_id: i64) -> Result<Vec<PopulationRow>> {
        let rows: Vec<rows::PopRow> = sqlx::query_as(
            "SELECT year, sex, population, derived FROM area_populations WHERE area_id = $1 \
             ORDER BY year DESC, CASE sex WHEN 'total' THEN 0 WHEN 'female' THEN 1 ELSE 2 END",
        )
        .bind(area_id)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }
}
