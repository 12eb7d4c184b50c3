//! SQL that runs unchanged on SQLite and PostgreSQL. Each backend crate instantiates
//! [`impl_portable_store!`] with its own store type (which has a `pool: sqlx::Pool<DB>`) and
//! database type, so both get the same queries over concrete pools (no `Any` driver).
//!
//! Portability rules: `$n` placeholders, `RETURNING`, `ON CONFLICT`, `lower()` for
//! case-insensitive matches, times bound from Rust (never `now()`), JSON kept as text.

/// Columns selected for each row type, so that every query returns the same shape.
pub const AREA_COLS: &str = "id, kind, code, name_fi, name_sv, name_en, first_year, last_year";
pub const ORG_COLS: &str = "id, kind, name_fi, name_sv, name_en, area_id";
pub const SECTOR_COLS: &str = "id, org_id, name_fi, name_sv, name_en, version";
pub const MEMBERSHIP_COLS: &str = "user_id, org_id, role, sector_id, version";

/// Rows per multi-row INSERT (well under both backends' bind-parameter limits).
pub const CHUNK: usize = 400;

/// Helpers every portable impl block uses: the transaction type, rule errors, audit rows.
#[macro_export]
macro_rules! portable_helpers {
    ($db:ty) => {
        type Tx<'a> = ::sqlx::Transaction<'a, $db>;

        fn rule(code: ::hyte_domain::ErrorCode) -> $crate::StoreError {
            $crate::StoreError::Rule(code)
        }

        fn is_unique(e: &::sqlx::Error) -> bool {
            matches!(e, ::sqlx::Error::Database(d) if d.is_unique_violation())
        }

        fn json<T: ::serde::Serialize>(v: &T) -> Option<String> {
            ::serde_json::to_string(v).ok()
        }

        #[allow(clippy::too_many_arguments)] // one flat row of the audit log
        async fn audit(
            tx: &mut Tx<'_>,
            actor: $crate::Actor,
            org_id: Option<i64>,
            action: &str,
            entity: &str,
            entity_id: String,
            before: Option<String>,
            after: Option<String>,
        ) -> $crate::Result<()> {
            ::sqlx::query(
                "INSERT INTO audit_log (at, actor_user_id, org_id, action, entity, entity_id, before_json, after_json) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(::chrono::Utc::now())
            .bind(actor.user_id)
            .bind(org_id)
            .bind(action)
            .bind(entity)
            .bind(entity_id)
            .bind(before)
            .bind(after)
            .execute(&mut **tx)
            .await?;
            Ok(())
        }

    };
}

#[macro_export]
macro_rules! impl_portable_store {
    ($store:ty, $db:ty, $backend:expr $(, $bulk:ident)?) => {
        const _: () = {
            use $crate::portable::{AREA_COLS, CHUNK, MEMBERSHIP_COLS, ORG_COLS, SECTOR_COLS};
            use $crate::rows::{self, collect};
            use $crate::{Actor, AreaImport, AreaKindRow, ImportSummary, Member, NewOrganisation, NewUser, Result};
            use ::async_trait::async_trait;
            use ::chrono::{DateTime, Utc};
            use ::hyte_domain::{
                Area, AuditEntry, ErrorCode, Membership, Names, Organisation, PopulationRow, Role, Sector, SectorInput,
                User,
            };
            use ::std::collections::HashMap;

            $crate::portable_helpers!($db);

            async fn sector_in_tx(tx: &mut Tx<'_>, org_id: i64, id: i64) -> Result<Option<Sector>> {
                let row: Option<rows::SectorRow> =
                    ::sqlx::query_as(&format!("SELECT {SECTOR_COLS} FROM sectors WHERE org_id = $1 AND id = $2"))
                        .bind(org_id)
                        .bind(id)
                        .fetch_optional(&mut **tx)
                        .await?;
                Ok(row.map(Sector::from))
            }

            async fn sector_name_taken(tx: &mut Tx<'_>, org_id: i64, name_fi: &str, except: i64) -> Result<bool> {
                let n: i64 = ::sqlx::query_scalar(
                    "SELECT COUNT(*) FROM sectors WHERE org_id = $1 AND lower(name_fi) = lower($2) AND id <> $3",
                )
                .bind(org_id)
                .bind(name_fi)
                .bind(except)
                .fetch_one(&mut **tx)
                .await?;
                Ok(n > 0)
            }

            async fn membership_in_tx(tx: &mut Tx<'_>, org_id: i64, user_id: i64) -> Result<Option<Membership>> {
                let row: Option<rows::MembershipRow> = ::sqlx::query_as(&format!(
                    "SELECT {MEMBERSHIP_COLS} FROM memberships WHERE org_id = $1 AND user_id = $2"
                ))
                .bind(org_id)
                .bind(user_id)
                .fetch_optional(&mut **tx)
                .await?;
                row.map(Membership::try_from).transpose()
            }

            /// A membership's sector must be one of the same organisation's sectors.
            async fn check_sector(tx: &mut Tx<'_>, org_id: i64, sector_id: Option<i64>) -> Result<()> {
                if let Some(s) = sector_id {
                    if sector_in_tx(tx, org_id, s).await?.is_none() {
                        return Err(rule(ErrorCode::SectorInvalid));
                    }
                }
                Ok(())
            }

            async fn other_admins(tx: &mut Tx<'_>, org_id: i64, user_id: i64) -> Result<i64> {
                Ok(::sqlx::query_scalar(
                    "SELECT COUNT(*) FROM memberships WHERE org_id = $1 AND user_id <> $2 AND role = 'admin'",
                )
                .bind(org_id)
                .bind(user_id)
                .fetch_one(&mut **tx)
                .await?)
            }

            async fn insert_membership(
                tx: &mut Tx<'_>,
                user_id: i64,
                org_id: i64,
                role: Role,
                sector_id: Option<i64>,
                actor: Actor,
            ) -> Result<Membership> {
                if ::sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM organisations WHERE id = $1")
                    .bind(org_id)
                    .fetch_one(&mut **tx)
                    .await?
                    == 0
                {
                    return Err(rule(ErrorCode::NotFound));
                }
                check_sector(tx, org_id, sector_id).await?;
                if membership_in_tx(tx, org_id, user_id).await?.is_some() {
                    return Err(rule(ErrorCode::AlreadyMember));
                }
                let row: rows::MembershipRow = ::sqlx::query_as(&format!(
                    "INSERT INTO memberships (user_id, org_id, role, sector_id, version) VALUES ($1, $2, $3, $4, 1) \
                     RETURNING {MEMBERSHIP_COLS}"
                ))
                .bind(user_id)
                .bind(org_id)
                .bind(role.as_str())
                .bind(sector_id)
                .fetch_one(&mut **tx)
                .await?;
                let m = Membership::try_from(row)?;
                audit(tx, actor, Some(org_id), "membership.create", "membership", format!("{org_id}/{user_id}"), None, json(&m))
                    .await?;
                Ok(m)
            }

            #[async_trait]
            impl $crate::AreaStore for $store {
                async fn import_areas(&self, data: &AreaImport) -> Result<ImportSummary> {
                    let mut tx = self.pool.begin().await?;
                    for k in &data.kinds {
                        ::sqlx::query(
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
                        let mut qb = ::sqlx::QueryBuilder::<$db>::new(
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
                        ::sqlx::query_as("SELECT id, kind, code FROM areas").fetch_all(&mut *tx).await?;
                    let ids: HashMap<(String, String), i64> = ids.into_iter().map(|(id, k, c)| ((k, c), id)).collect();
                    let id_of = |key: &(String, String)| {
                        ids.get(key).copied().ok_or_else(|| rule(ErrorCode::InvalidInput))
                    };
                    let memberships: Vec<(i64, i64, i32)> = data
                        .memberships
                        .iter()
                        .map(|m| Ok((id_of(&m.child)?, id_of(&m.parent)?, m.year)))
                        .collect::<Result<_>>()?;
                    for chunk in memberships.chunks(CHUNK) {
                        let mut qb =
                            ::sqlx::QueryBuilder::<$db>::new("INSERT INTO area_memberships (child_id, parent_id, year) ");
                        qb.push_values(chunk, |mut b, (c, p, y)| {
                            b.push_bind(*c).push_bind(*p).push_bind(*y);
                        });
                        qb.push(" ON CONFLICT (child_id, parent_id, year) DO NOTHING");
                        qb.build().execute(&mut *tx).await?;
                    }
                    let pops: Vec<(i64, &PopulationRow)> =
                        data.populations.iter().map(|p| Ok((id_of(&p.area)?, &p.row))).collect::<Result<_>>()?;
                    for chunk in pops.chunks(CHUNK) {
                        let mut qb = ::sqlx::QueryBuilder::<$db>::new(
                            "INSERT INTO area_populations (area_id, year, sex, population, derived) ",
                        );
                        qb.push_values(chunk, |mut b, (id, p)| {
                            b.push_bind(*id).push_bind(p.year).push_bind(p.sex.as_str()).push_bind(p.population).push_bind(p.derived);
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
                    let rows: Vec<rows::KindRow> = ::sqlx::query_as(
                        "SELECT code, name_fi, name_sv, name_en, sort_order FROM area_kinds ORDER BY sort_order, code",
                    )
                    .fetch_all(&self.pool)
                    .await?;
                    Ok(rows
                        .into_iter()
                        .map(|r| AreaKindRow { code: r.code, names: Names::new(r.name_fi, r.name_sv, r.name_en), sort_order: r.sort_order })
                        .collect())
                }

                async fn list_areas(&self, kind: Option<&str>) -> Result<Vec<Area>> {
                    let rows: Vec<rows::AreaRow> = match kind {
                        Some(k) => ::sqlx::query_as(&format!(
                            "SELECT {AREA_COLS} FROM areas WHERE kind = $1 ORDER BY name_fi, code"
                        ))
                        .bind(k)
                        .fetch_all(&self.pool)
                        .await?,
                        None => ::sqlx::query_as(&format!(
                            "SELECT a.id, a.kind, a.code, a.name_fi, a.name_sv, a.name_en, a.first_year, a.last_year \
                             FROM areas a JOIN area_kinds k ON k.code = a.kind ORDER BY k.sort_order, a.name_fi, a.code"
                        ))
                        .fetch_all(&self.pool)
                        .await?,
                    };
                    collect(rows)
                }

                async fn get_area(&self, kind: &str, code: &str) -> Result<Option<Area>> {
                    let row: Option<rows::AreaRow> =
                        ::sqlx::query_as(&format!("SELECT {AREA_COLS} FROM areas WHERE kind = $1 AND code = $2"))
                            .bind(kind)
                            .bind(code)
                            .fetch_optional(&self.pool)
                            .await?;
                    row.map(Area::try_from).transpose()
                }

                async fn get_area_by_id(&self, id: i64) -> Result<Option<Area>> {
                    let row: Option<rows::AreaRow> = ::sqlx::query_as(&format!("SELECT {AREA_COLS} FROM areas WHERE id = $1"))
                        .bind(id)
                        .fetch_optional(&self.pool)
                        .await?;
                    row.map(Area::try_from).transpose()
                }

                async fn area_parents(&self, area_id: i64, year: i32) -> Result<Vec<Area>> {
                    let rows: Vec<rows::AreaRow> = ::sqlx::query_as(
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
                    let rows: Vec<rows::AreaRow> = ::sqlx::query_as(
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
                    Ok(::sqlx::query_scalar(
                        "SELECT DISTINCT year FROM area_memberships WHERE child_id = $1 OR parent_id = $2 ORDER BY year DESC",
                    )
                    .bind(area_id)
                    .bind(area_id)
                    .fetch_all(&self.pool)
                    .await?)
                }

                async fn area_population(&self, area_id: i64) -> Result<Vec<PopulationRow>> {
                    let rows: Vec<rows::PopRow> = ::sqlx::query_as(
                        "SELECT year, sex, population, derived FROM area_populations WHERE area_id = $1 \
                         ORDER BY year DESC, CASE sex WHEN 'total' THEN 0 WHEN 'female' THEN 1 ELSE 2 END",
                    )
                    .bind(area_id)
                    .fetch_all(&self.pool)
                    .await?;
                    collect(rows)
                }
            }

            #[async_trait]
            impl $crate::OrgStore for $store {
                async fn create_organisation(&self, org: &NewOrganisation, actor: Actor) -> Result<Organisation> {
                    let mut tx = self.pool.begin().await?;
                    let row: rows::OrgRow = ::sqlx::query_as(&format!(
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
                    audit(&mut tx, actor, Some(created.id), "organisation.create", "organisation", created.id.to_string(), None, json(&created))
                        .await?;
                    if org.kind.is_public_body() {
                        for (fi, sv, en) in ::hyte_domain::org::DEFAULT_SECTORS {
                            ::sqlx::query(
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
                        ::sqlx::query_as(&format!("SELECT {ORG_COLS} FROM organisations ORDER BY name_fi, id"))
                            .fetch_all(&self.pool)
                            .await?;
                    collect(rows)
                }

                async fn get_organisation(&self, id: i64) -> Result<Option<Organisation>> {
                    let row: Option<rows::OrgRow> =
                        ::sqlx::query_as(&format!("SELECT {ORG_COLS} FROM organisations WHERE id = $1"))
                            .bind(id)
                            .fetch_optional(&self.pool)
                            .await?;
                    row.map(Organisation::try_from).transpose()
                }

                async fn organisations_for_area(&self, area_id: i64) -> Result<Vec<Organisation>> {
                    let rows: Vec<rows::OrgRow> =
                        ::sqlx::query_as(&format!("SELECT {ORG_COLS} FROM organisations WHERE area_id = $1 ORDER BY name_fi"))
                            .bind(area_id)
                            .fetch_all(&self.pool)
                            .await?;
                    collect(rows)
                }

                async fn list_sectors(&self, org_id: i64) -> Result<Vec<Sector>> {
                    let rows: Vec<rows::SectorRow> =
                        ::sqlx::query_as(&format!("SELECT {SECTOR_COLS} FROM sectors WHERE org_id = $1 ORDER BY name_fi"))
                            .bind(org_id)
                            .fetch_all(&self.pool)
                            .await?;
                    Ok(rows.into_iter().map(Sector::from).collect())
                }

                async fn get_sector(&self, org_id: i64, sector_id: i64) -> Result<Option<Sector>> {
                    let mut tx = self.pool.begin().await?;
                    let s = sector_in_tx(&mut tx, org_id, sector_id).await?;
                    tx.commit().await?;
                    Ok(s)
                }

                async fn create_sector(&self, org_id: i64, input: &SectorInput, actor: Actor) -> Result<Sector> {
                    let mut tx = self.pool.begin().await?;
                    if sector_name_taken(&mut tx, org_id, &input.names.fi, -1).await? {
                        return Err(rule(ErrorCode::NameTaken));
                    }
                    let row: rows::SectorRow = ::sqlx::query_as(&format!(
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
                    audit(&mut tx, actor, Some(org_id), "sector.create", "sector", s.id.to_string(), None, json(&s)).await?;
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
                    let mut tx = self.pool.begin().await?;
                    let before = sector_in_tx(&mut tx, org_id, sector_id).await?.ok_or(rule(ErrorCode::NotFound))?;
                    if before.version != version {
                        return Err(rule(ErrorCode::EditConflict));
                    }
                    if sector_name_taken(&mut tx, org_id, &input.names.fi, sector_id).await? {
                        return Err(rule(ErrorCode::NameTaken));
                    }
                    let row: Option<rows::SectorRow> = ::sqlx::query_as(&format!(
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
                    audit(&mut tx, actor, Some(org_id), "sector.update", "sector", sector_id.to_string(), json(&before), json(&after))
                        .await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn delete_sector(&self, org_id: i64, sector_id: i64, version: i64, actor: Actor) -> Result<()> {
                    let mut tx = self.pool.begin().await?;
                    let before = sector_in_tx(&mut tx, org_id, sector_id).await?.ok_or(rule(ErrorCode::NotFound))?;
                    if before.version != version {
                        return Err(rule(ErrorCode::EditConflict));
                    }
                    let used: i64 = ::sqlx::query_scalar(
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
                    let n = ::sqlx::query("DELETE FROM sectors WHERE org_id = $1 AND id = $2 AND version = $3")
                        .bind(org_id)
                        .bind(sector_id)
                        .bind(version)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                    if n != 1 {
                        return Err(rule(ErrorCode::EditConflict));
                    }
                    audit(&mut tx, actor, Some(org_id), "sector.delete", "sector", sector_id.to_string(), json(&before), None).await?;
                    tx.commit().await?;
                    Ok(())
                }
            }

            #[async_trait]
            impl $crate::UserStore for $store {
                async fn create_user(
                    &self,
                    user: &NewUser,
                    membership: Option<(i64, Role, Option<i64>)>,
                    actor: Actor,
                ) -> Result<User> {
                    let mut tx = self.pool.begin().await?;
                    let taken: i64 = ::sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = $1")
                        .bind(user.email.as_str())
                        .fetch_one(&mut *tx)
                        .await?;
                    if taken > 0 {
                        return Err(rule(ErrorCode::EmailTaken));
                    }
                    let row: rows::UserRow = ::sqlx::query_as(
                        "INSERT INTO users (email, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4) \
                         RETURNING id, email, display_name",
                    )
                    .bind(user.email.as_str())
                    .bind(user.display_name.as_str())
                    .bind(&user.password_hash)
                    .bind(Utc::now())
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(|e| if is_unique(&e) { rule(ErrorCode::EmailTaken) } else { e.into() })?;
                    let created = User::try_from(row)?;
                    // The membership first: it checks that the organisation exists.
                    if let Some((org_id, role, sector_id)) = membership {
                        insert_membership(&mut tx, created.id, org_id, role, sector_id, actor).await?;
                    }
                    let org_id = membership.map(|m| m.0);
                    audit(&mut tx, actor, org_id, "user.create", "user", created.id.to_string(), None, json(&created)).await?;
                    tx.commit().await?;
                    Ok(created)
                }

                async fn get_user(&self, id: i64) -> Result<Option<User>> {
                    let row: Option<rows::UserRow> =
                        ::sqlx::query_as("SELECT id, email, display_name FROM users WHERE id = $1")
                            .bind(id)
                            .fetch_optional(&self.pool)
                            .await?;
                    row.map(User::try_from).transpose()
                }

                async fn find_login(&self, email: &str) -> Result<Option<(User, String)>> {
                    let row: Option<(i64, String, String, String)> = ::sqlx::query_as(
                        "SELECT id, email, display_name, password_hash FROM users WHERE email = $1",
                    )
                    .bind(email.trim().to_lowercase())
                    .fetch_optional(&self.pool)
                    .await?;
                    match row {
                        None => Ok(None),
                        Some((id, email, display_name, hash)) => {
                            Ok(Some((User::try_from(rows::UserRow { id, email, display_name })?, hash)))
                        }
                    }
                }

                async fn add_membership(
                    &self,
                    user_id: i64,
                    org_id: i64,
                    role: Role,
                    sector_id: Option<i64>,
                    actor: Actor,
                ) -> Result<Membership> {
                    let mut tx = self.pool.begin().await?;
                    let m = insert_membership(&mut tx, user_id, org_id, role, sector_id, actor).await?;
                    tx.commit().await?;
                    Ok(m)
                }

                async fn update_membership(
                    &self,
                    org_id: i64,
                    user_id: i64,
                    version: i64,
                    role: Role,
                    sector_id: Option<i64>,
                    actor: Actor,
                ) -> Result<Membership> {
                    let mut tx = self.pool.begin().await?;
                    let before = membership_in_tx(&mut tx, org_id, user_id).await?.ok_or(rule(ErrorCode::NotFound))?;
                    if before.version != version {
                        return Err(rule(ErrorCode::EditConflict));
                    }
                    check_sector(&mut tx, org_id, sector_id).await?;
                    if before.role == Role::Admin && role != Role::Admin && other_admins(&mut tx, org_id, user_id).await? == 0 {
                        return Err(rule(ErrorCode::LastAdmin));
                    }
                    let row: Option<rows::MembershipRow> = ::sqlx::query_as(&format!(
                        "UPDATE memberships SET role = $1, sector_id = $2, version = version + 1 \
                         WHERE org_id = $3 AND user_id = $4 AND version = $5 RETURNING {MEMBERSHIP_COLS}"
                    ))
                    .bind(role.as_str())
                    .bind(sector_id)
                    .bind(org_id)
                    .bind(user_id)
                    .bind(version)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let after = Membership::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
                    audit(&mut tx, actor, Some(org_id), "membership.update", "membership", format!("{org_id}/{user_id}"), json(&before), json(&after))
                        .await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn remove_membership(&self, org_id: i64, user_id: i64, version: i64, actor: Actor) -> Result<()> {
                    let mut tx = self.pool.begin().await?;
                    let before = membership_in_tx(&mut tx, org_id, user_id).await?.ok_or(rule(ErrorCode::NotFound))?;
                    if before.version != version {
                        return Err(rule(ErrorCode::EditConflict));
                    }
                    if before.role == Role::Admin && other_admins(&mut tx, org_id, user_id).await? == 0 {
                        return Err(rule(ErrorCode::LastAdmin));
                    }
                    let n = ::sqlx::query("DELETE FROM memberships WHERE org_id = $1 AND user_id = $2 AND version = $3")
                        .bind(org_id)
                        .bind(user_id)
                        .bind(version)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                    if n != 1 {
                        return Err(rule(ErrorCode::EditConflict));
                    }
                    audit(&mut tx, actor, Some(org_id), "membership.delete", "membership", format!("{org_id}/{user_id}"), json(&before), None)
                        .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn org_members(&self, org_id: i64) -> Result<Vec<Member>> {
                    let rows: Vec<rows::MemberJoinRow> = ::sqlx::query_as(
                        "SELECT m.user_id, m.org_id, m.role, m.sector_id, m.version, u.email, u.display_name \
                         FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 ORDER BY u.display_name, u.email",
                    )
                    .bind(org_id)
                    .fetch_all(&self.pool)
                    .await?;
                    rows.into_iter()
                        .map(|r| {
                            let user = User::try_from(rows::UserRow { id: r.m.user_id, email: r.email, display_name: r.display_name })?;
                            Ok(Member { user, membership: Membership::try_from(r.m)? })
                        })
                        .collect()
                }

                async fn user_memberships(&self, user_id: i64) -> Result<Vec<(Membership, Organisation)>> {
                    let rows: Vec<rows::MembershipOrgRow> = ::sqlx::query_as(
                        "SELECT m.user_id, m.org_id, m.role, m.sector_id, m.version, o.kind, o.name_fi, o.name_sv, o.name_en, o.area_id \
                         FROM memberships m JOIN organisations o ON o.id = m.org_id WHERE m.user_id = $1 ORDER BY o.name_fi",
                    )
                    .bind(user_id)
                    .fetch_all(&self.pool)
                    .await?;
                    rows.into_iter()
                        .map(|r| {
                            let org = Organisation::try_from(rows::OrgRow {
                                id: r.m.org_id,
                                kind: r.kind,
                                name_fi: r.name_fi,
                                name_sv: r.name_sv,
                                name_en: r.name_en,
                                area_id: r.area_id,
                            })?;
                            Ok((Membership::try_from(r.m)?, org))
                        })
                        .collect()
                }
            }

            #[async_trait]
            impl $crate::SessionStore for $store {
                async fn create_session(
                    &self,
                    token_hash: &str,
                    user_id: i64,
                    now: DateTime<Utc>,
                    expires: DateTime<Utc>,
                ) -> Result<()> {
                    ::sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
                        .bind(token_hash)
                        .bind(user_id)
                        .bind(now)
                        .bind(expires)
                        .execute(&self.pool)
                        .await?;
                    Ok(())
                }

                async fn session_user(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<User>> {
                    let row: Option<rows::UserRow> = ::sqlx::query_as(
                        "SELECT u.id, u.email, u.display_name FROM sessions s JOIN users u ON u.id = s.user_id \
                         WHERE s.token_hash = $1 AND s.expires_at > $2",
                    )
                    .bind(token_hash)
                    .bind(now)
                    .fetch_optional(&self.pool)
                    .await?;
                    row.map(User::try_from).transpose()
                }

                async fn delete_session(&self, token_hash: &str) -> Result<()> {
                    ::sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&self.pool).await?;
                    Ok(())
                }

                async fn delete_expired_sessions(&self, now: DateTime<Utc>) -> Result<u64> {
                    Ok(::sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                        .bind(now)
                        .execute(&self.pool)
                        .await?
                        .rows_affected())
                }

                async fn record_login_attempt(&self, email: &str, ip: &str, success: bool, at: DateTime<Utc>) -> Result<()> {
                    ::sqlx::query("INSERT INTO login_attempts (email, ip, success, at) VALUES ($1, $2, $3, $4)")
                        .bind(email)
                        .bind(ip)
                        .bind(success)
                        .bind(at)
                        .execute(&self.pool)
                        .await?;
                    Ok(())
                }

                async fn failed_logins_since(&self, email: &str, ip: &str, since: DateTime<Utc>) -> Result<(i64, i64)> {
                    let by_email: i64 = ::sqlx::query_scalar(
                        "SELECT COUNT(*) FROM login_attempts WHERE email = $1 AND at > $2 AND success = $3",
                    )
                    .bind(email)
                    .bind(since)
                    .bind(false)
                    .fetch_one(&self.pool)
                    .await?;
                    let by_ip: i64 = ::sqlx::query_scalar(
                        "SELECT COUNT(*) FROM login_attempts WHERE ip = $1 AND at > $2 AND success = $3",
                    )
                    .bind(ip)
                    .bind(since)
                    .bind(false)
                    .fetch_one(&self.pool)
                    .await?;
                    Ok((by_email, by_ip))
                }
            }

            #[async_trait]
            impl $crate::AuditStore for $store {
                async fn audit_log(&self, org_id: i64, limit: i64) -> Result<Vec<AuditEntry>> {
                    let rows: Vec<rows::AuditRow> = ::sqlx::query_as(
                        "SELECT l.id, l.at, l.actor_user_id, u.email AS actor_email, l.org_id, l.action, l.entity, \
                         l.entity_id, l.before_json, l.after_json FROM audit_log l LEFT JOIN users u ON u.id = l.actor_user_id \
                         WHERE l.org_id = $1 ORDER BY l.id DESC LIMIT $2",
                    )
                    .bind(org_id)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?;
                    Ok(rows.into_iter().map(AuditEntry::from).collect())
                }
            }
            $crate::impl_indicator_store!($store, $db $(, $bulk)?);
            $crate::impl_import_job_store!($store, $db);
            $crate::impl_report_store!($store, $db);
            $crate::impl_plan_store!($store, $db);
            $crate::impl_assessment_store!($store, $db);
            $crate::impl_cooperation_store!($store, $db);
            $crate::impl_partner_store!($store, $db);

            #[async_trait]
            impl $crate::Store for $store {
                fn backend(&self) -> $crate::Backend {
                    $backend
                }

                async fn ping(&self) -> Result<()> {
                    ::sqlx::query("SELECT 1").execute(&self.pool).await?;
                    Ok(())
                }

                async fn is_empty(&self) -> Result<bool> {
                    let n: i64 = ::sqlx::query_scalar("SELECT COUNT(*) FROM areas").fetch_one(&self.pool).await?;
                    Ok(n == 0)
                }

                async fn organisation_count(&self) -> Result<i64> {
                    Ok(::sqlx::query_scalar("SELECT COUNT(*) FROM organisations").fetch_one(&self.pool).await?)
                }
            }
        };
    };
}
