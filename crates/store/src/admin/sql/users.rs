//! The portable SQL of users and their memberships.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::{audit, is_unique, json, rule, Audit, Tx};
use async_trait::async_trait;
use chrono::Utc;
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::admin::invitation::Invitation;
use hyte_domain::{ErrorCode, Membership, Organisation, Role, User};
use hyte_store::admin::rows;
use hyte_store::admin::rows::MEMBERSHIP_COLS;
use hyte_store::{AccountState, Actor, Member, NewUser, Result};

pub(crate) async fn membership_in_tx(tx: &mut Tx<'_>, org_id: i64, user_id: i64) -> Result<Option<Membership>> {
    let row: Option<rows::MembershipRow> =
        sqlx::query_as(&format!("SELECT {MEMBERSHIP_COLS} FROM memberships WHERE org_id = $1 AND user_id = $2"))
            .bind(org_id)
            .bind(user_id)
            .fetch_optional(&mut **tx)
            .await?;
    row.map(Membership::try_from).transpose()
}

/// A membership's sector must be one of the same organisation's sectors (locked: see `use_sector`).
pub(crate) async fn check_sector(tx: &mut Tx<'_>, org_id: i64, sector_id: Option<i64>) -> Result<()> {
    crate::sql::use_sector(tx, org_id, sector_id).await
}

/// Locks the organisation's row: demotions and removals of its admins take turns, so each counts the
/// admins the others left (`last_admin`), and two can't each leave the other as the last one.
async fn lock_org(tx: &mut Tx<'_>, org_id: i64) -> Result<()> {
    crate::sql::lock_row(tx, "UPDATE organisations SET kind = kind WHERE id = $1", org_id).await
}

async fn other_admins(tx: &mut Tx<'_>, org_id: i64, user_id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM memberships WHERE org_id = $1 AND user_id <> $2 AND role = 'admin'")
        .bind(org_id)
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await?)
}

pub(crate) async fn insert_membership(
    tx: &mut Tx<'_>,
    user_id: i64,
    org_id: i64,
    role: Role,
    sector_id: Option<i64>,
    actor: Actor,
) -> Result<Membership> {
    if sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM organisations WHERE id = $1")
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
    let row: rows::MembershipRow = sqlx::query_as(&format!(
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
    audit(
        tx,
        actor,
        Audit {
            org_id: Some(org_id),
            action: AuditAction::MembershipCreate,
            entity: "membership",
            entity_id: format!("{org_id}/{user_id}"),
            before: None,
            after: json(&m),
        },
    )
    .await?;
    Ok(m)
}

#[async_trait]
impl hyte_store::UserStore for crate::This {
    async fn create_user(
        &self,
        user: &NewUser,
        membership: Option<(i64, Role, Option<i64>)>,
        actor: Actor,
    ) -> Result<User> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = $1")
            .bind(user.email.as_str())
            .fetch_one(&mut *tx)
            .await?;
        if taken > 0 {
            return Err(rule(ErrorCode::EmailTaken));
        }
        let row: rows::UserRow = sqlx::query_as(
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
        audit(
            &mut tx,
            actor,
            Audit {
                org_id,
                action: AuditAction::UserCreate,
                entity: "user",
                entity_id: created.id.to_string(),
                before: None,
                after: json(&created),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(created)
    }

    async fn get_user(&self, id: i64) -> Result<Option<User>> {
        let row: Option<rows::UserRow> = sqlx::query_as("SELECT id, email, display_name FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(User::try_from).transpose()
    }

    async fn account_state(&self, user_id: i64) -> Result<AccountState> {
        let row: Option<(bool, i64)> = sqlx::query_as(
            "SELECT u.instance_admin, (SELECT COUNT(*) FROM invitations i WHERE i.user_id = u.id) \
             FROM users u WHERE u.id = $1",
        )
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(instance_admin, invitations)| AccountState { instance_admin, invitations }).unwrap_or_default())
    }

    async fn set_instance_admin(&self, user_id: i64, on: bool, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before: Option<bool> = sqlx::query_scalar("SELECT instance_admin FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
        let before = before.ok_or(rule(ErrorCode::NotFound))?;
        sqlx::query("UPDATE users SET instance_admin = $1 WHERE id = $2")
            .bind(on)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        let state = |v: bool| json(&serde_json::json!({ "instance_admin": v }));
        let entry = Audit {
            org_id: None,
            action: AuditAction::UserInstanceAdmin,
            entity: "user",
            entity_id: user_id.to_string(),
            before: state(before),
            after: state(on),
        };
        audit(&mut tx, actor, entry).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn find_login(&self, email: &str) -> Result<Option<(User, String)>> {
        let row: Option<(i64, String, String, String)> =
            sqlx::query_as("SELECT id, email, display_name, password_hash FROM users WHERE email = $1")
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
        let mut tx = crate::sql::begin(&self.pool).await?;
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
        let mut tx = crate::sql::begin(&self.pool).await?;
        lock_org(&mut tx, org_id).await?;
        let before = membership_in_tx(&mut tx, org_id, user_id).await?.ok_or(rule(ErrorCode::NotFound))?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        check_sector(&mut tx, org_id, sector_id).await?;
        if before.role == Role::Admin && role != Role::Admin && other_admins(&mut tx, org_id, user_id).await? == 0 {
            return Err(rule(ErrorCode::LastAdmin));
        }
        let row: Option<rows::MembershipRow> = sqlx::query_as(&format!(
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
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::MembershipUpdate,
                entity: "membership",
                entity_id: format!("{org_id}/{user_id}"),
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn remove_membership(&self, org_id: i64, user_id: i64, version: i64, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        lock_org(&mut tx, org_id).await?;
        let before = membership_in_tx(&mut tx, org_id, user_id).await?.ok_or(rule(ErrorCode::NotFound))?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        if before.role == Role::Admin && other_admins(&mut tx, org_id, user_id).await? == 0 {
            return Err(rule(ErrorCode::LastAdmin));
        }
        let n = sqlx::query("DELETE FROM memberships WHERE org_id = $1 AND user_id = $2 AND version = $3")
            .bind(org_id)
            .bind(user_id)
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
                action: AuditAction::MembershipDelete,
                entity: "membership",
                entity_id: format!("{org_id}/{user_id}"),
                before: json(&before),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn org_members(&self, org_id: i64) -> Result<Vec<Member>> {
        let rows: Vec<rows::MemberJoinRow> = sqlx::query_as(
            "SELECT m.user_id, m.org_id, m.role, m.sector_id, m.version, u.email, u.display_name \
             FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 ORDER BY u.display_name, u.email",
        )
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let user =
                    User::try_from(rows::UserRow { id: r.m.user_id, email: r.email, display_name: r.display_name })?;
                Ok(Member { user, membership: Membership::try_from(r.m)? })
            })
            .collect()
    }

    async fn user_memberships(&self, user_id: i64) -> Result<Vec<(Membership, Organisation)>> {
        let rows: Vec<rows::MembershipOrgRow> = sqlx::query_as(
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

    async fn invite(&self, org_id: i64, user_id: i64, role: Role, sector_id: Option<i64>, actor: Actor) -> Result<()> {
        crate::sql::admin_invitations::invite(self, org_id, user_id, role, sector_id, actor).await
    }

    async fn user_invitations(&self, user_id: i64) -> Result<Vec<(Invitation, Organisation)>> {
        crate::sql::admin_invitations::user_invitations(self, user_id).await
    }

    async fn org_invitations(&self, org_id: i64) -> Result<Vec<(Invitation, User)>> {
        crate::sql::admin_invitations::org_invitations(self, org_id).await
    }

    async fn answer_invitation(&self, user_id: i64, org_id: i64, accept: bool) -> Result<Option<Membership>> {
        crate::sql::admin_invitations::answer(self, user_id, org_id, accept).await
    }
}
