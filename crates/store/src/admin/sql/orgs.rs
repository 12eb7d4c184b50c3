//! The portable SQL of organisations and their sectors.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::{audit, is_unique, json, rule, Audit, Tx};
use async_trait::async_trait;
use chrono::Utc;
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::{ErrorCode, OrgKind, Organisation, Sector, SectorInput};
use hyte_store::admin::rows;
use hyte_store::admin::rows::{ORG_COLS, SECTOR_COLS};
use hyte_store::rows::collect;
use hyte_store::{Actor, NewOrganisation, Result};

/// Moves organisations and group members stored with a retired kind code to today's kinds (the
/// domain's `OrgKind::migrated`: a former `region` becomes a wellbeing services county unless it is
/// a regional council), and a county's former `service_goals` duty to `strategy`. Runs after the
/// migrations at every connect, in one transaction; does nothing once done.
pub(crate) async fn migrate_kinds(pool: &sqlx::Pool<crate::Db>) -> Result<()> {
    let mut tx = crate::sql::begin(pool).await?;
    retire_kinds(&mut tx, "organisations", "kind", "name_fi").await?;
    retire_kinds(&mut tx, "group_members", "org_kind", "org_name").await?;
    sqlx::query(
        "UPDATE duty_owners SET duty_key = 'strategy' WHERE duty_key = 'service_goals' \
         AND org_id NOT IN (SELECT org_id FROM duty_owners WHERE duty_key = 'strategy')",
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Rewrites the retired kind codes in `table.column` (`name` is the row's Finnish name).
async fn retire_kinds(tx: &mut Tx<'_>, table: &str, column: &str, name: &str) -> Result<()> {
    let rows: Vec<(i64, String, String)> =
        sqlx::query_as(&format!("SELECT id, {column}, {name} FROM {table}")).fetch_all(&mut **tx).await?;
    for (id, old, name) in rows.iter().filter(|r| OrgKind::parse(&r.1).is_none()) {
        let new = OrgKind::migrated(old, name).ok_or_else(|| hyte_store::rows::corrupt("organisation kind", old))?;
        sqlx::query(&format!("UPDATE {table} SET {column} = $1 WHERE id = $2"))
            .bind(new.as_str())
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

pub(crate) async fn sector_in_tx(tx: &mut Tx<'_>, org_id: i64, id: i64) -> Result<Option<Sector>> {
    let row: Option<rows::SectorRow> =
        sqlx::query_as(&format!("SELECT {SECTOR_COLS} FROM sectors WHERE org_id = $1 AND id = $2"))
            .bind(org_id)
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(row.map(Sector::from))
}

async fn sector_name_taken(tx: &mut Tx<'_>, org_id: i64, name_fi: &str, except: i64) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sectors WHERE org_id = $1 AND lower(name_fi) = lower($2) AND id <> $3",
    )
    .bind(org_id)
    .bind(name_fi)
    .bind(except)
    .fetch_one(&mut **tx)
    .await?;
    Ok(n > 0)
}

#[async_trait]
impl hyte_store::OrgStore for crate::This {
    async fn create_organisation(&self, org: &NewOrganisation, actor: Actor) -> Result<Organisation> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let row: rows::OrgRow = sqlx::query_as(&format!(
            "INSERT INTO organisations (kind, name_fi, name_sv, name_en, area_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING {ORG_COLS}"
        ))
        .bind(org.kind.as_str())
        .bind(&org.names.fi)
        .bind(&org.names.sv)
        .bind(&org.names.en)
        .bind(org.area_id)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await?;
        let created = Organisation::try_from(row)?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(created.id),
                action: AuditAction::OrganisationCreate,
                entity: "organisation",
                entity_id: created.id.to_string(),
                before: None,
                after: json(&created),
            },
        )
        .await?;
        {
            for (fi, sv, en) in org.kind.default_sectors() {
                sqlx::query(
                    "INSERT INTO sectors (org_id, name_fi, name_sv, name_en, version) VALUES ($1, $2, $3, $4, 1)",
                )
                .bind(created.id)
                .bind(fi)
                .bind(sv)
                .bind(en)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(created)
    }

    async fn list_organisations(&self) -> Result<Vec<Organisation>> {
        let rows: Vec<rows::OrgRow> =
            sqlx::query_as(&format!("SELECT {ORG_COLS} FROM organisations ORDER BY name_fi, id"))
                .fetch_all(&self.pool)
                .await?;
        collect(rows)
    }

    async fn get_organisation(&self, id: i64) -> Result<Option<Organisation>> {
        let row: Option<rows::OrgRow> = sqlx::query_as(&format!("SELECT {ORG_COLS} FROM organisations WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(Organisation::try_from).transpose()
    }

    async fn organisations_for_area(&self, area_id: i64) -> Result<Vec<Organisation>> {
        let rows: Vec<rows::OrgRow> =
            sqlx::query_as(&format!("SELECT {ORG_COLS} FROM organisations WHERE area_id = $1 ORDER BY name_fi"))
                .bind(area_id)
                .fetch_all(&self.pool)
                .await?;
        collect(rows)
    }

    async fn list_sectors(&self, org_id: i64) -> Result<Vec<Sector>> {
        let rows: Vec<rows::SectorRow> =
            sqlx::query_as(&format!("SELECT {SECTOR_COLS} FROM sectors WHERE org_id = $1 ORDER BY name_fi"))
                .bind(org_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(Sector::from).collect())
    }

    async fn get_sector(&self, org_id: i64, sector_id: i64) -> Result<Option<Sector>> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let s = sector_in_tx(&mut tx, org_id, sector_id).await?;
        tx.commit().await?;
        Ok(s)
    }

    async fn create_sector(&self, org_id: i64, input: &SectorInput, actor: Actor) -> Result<Sector> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        if sector_name_taken(&mut tx, org_id, &input.names.fi, -1).await? {
            return Err(rule(ErrorCode::NameTaken));
        }
        let row: rows::SectorRow = sqlx::query_as(&format!(
            "INSERT INTO sectors (org_id, name_fi, name_sv, name_en, version) VALUES ($1, $2, $3, $4, 1) \
             RETURNING {SECTOR_COLS}"
        ))
        .bind(org_id)
        .bind(&input.names.fi)
        .bind(&input.names.sv)
        .bind(&input.names.en)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| if is_unique(&e) { rule(ErrorCode::NameTaken) } else { e.into() })?;
        let s = Sector::from(row);
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::SectorCreate,
                entity: "sector",
                entity_id: s.id.to_string(),
                before: None,
                after: json(&s),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(s)
    }

    async fn update_sector(
        &self,
        org_id: i64,
        sector_id: i64,
        version: i64,
        input: &SectorInput,
        actor: Actor,
    ) -> Result<Sector> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before = sector_in_tx(&mut tx, org_id, sector_id).await?.ok_or(rule(ErrorCode::NotFound))?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        if sector_name_taken(&mut tx, org_id, &input.names.fi, sector_id).await? {
            return Err(rule(ErrorCode::NameTaken));
        }
        let row: Option<rows::SectorRow> = sqlx::query_as(&format!(
            "UPDATE sectors SET name_fi = $1, name_sv = $2, name_en = $3, version = version + 1 \
             WHERE org_id = $4 AND id = $5 AND version = $6 RETURNING {SECTOR_COLS}"
        ))
        .bind(&input.names.fi)
        .bind(&input.names.sv)
        .bind(&input.names.en)
        .bind(org_id)
        .bind(sector_id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?;
        let after = Sector::from(row.ok_or(rule(ErrorCode::EditConflict))?);
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::SectorUpdate,
                entity: "sector",
                entity_id: sector_id.to_string(),
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn delete_sector(&self, org_id: i64, sector_id: i64, version: i64, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        // Lock the sector before counting its uses: a write that names it (`use_sector`) has then
        // either committed (and is counted) or waits until the sector is gone.
        crate::sql::lock_row(&mut tx, "UPDATE sectors SET version = version WHERE id = $1", sector_id).await?;
        let before = sector_in_tx(&mut tx, org_id, sector_id).await?.ok_or(rule(ErrorCode::NotFound))?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        let used: i64 = sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM memberships WHERE sector_id = $1) \
             + (SELECT COUNT(*) FROM plan_measures WHERE sector_id = $1) \
             + (SELECT COUNT(*) FROM decisions WHERE sector_id = $1) \
             + (SELECT COUNT(*) FROM assessment_rules WHERE sector_id = $1) \
             + (SELECT COUNT(*) FROM duty_owners WHERE sector_id = $1)",
        )
        .bind(sector_id)
        .fetch_one(&mut *tx)
        .await?;
        if used > 0 {
            return Err(rule(ErrorCode::SectorInUse));
        }
        let n = sqlx::query("DELETE FROM sectors WHERE org_id = $1 AND id = $2 AND version = $3")
            .bind(org_id)
            .bind(sector_id)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n != 1 {
            return Err(rule(ErrorCode::EditConflict));
        }
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::SectorDelete,
                entity: "sector",
                entity_id: sector_id.to_string(),
                before: json(&before),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
