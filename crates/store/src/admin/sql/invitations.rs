//! The portable SQL of invitations: memberships offered and not yet answered.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::admin_users::{check_sector, insert_membership, membership_in_tx};
use crate::sql::{audit, json, rule, Audit};
use chrono::{DateTime, Utc};
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::admin::invitation::Invitation;
use hyte_domain::{ErrorCode, Membership, Organisation, Role, User};
use hyte_store::admin::rows::{OrgRow, UserRow};
use hyte_store::{Actor, Result};

#[derive(sqlx::FromRow)]
struct InvitationRow {
    org_id: i64,
    user_id: i64,
    role: String,
    sector_id: Option<i64>,
    invited_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct WithOrg {
    #[sqlx(flatten)]
    i: InvitationRow,
    kind: String,
    name_fi: String,
    name_sv: Option<String>,
    name_en: Option<String>,
    area_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct WithUser {
    #[sqlx(flatten)]
    i: InvitationRow,
    email: String,
    display_name: String,
}

fn invitation(r: InvitationRow) -> Result<Invitation> {
    let role = Role::parse(&r.role).map_err(|_| hyte_store::rows::corrupt("role", &r.role))?;
    Ok(Invitation { org_id: r.org_id, user_id: r.user_id, role, sector_id: r.sector_id, invited_at: r.invited_at })
}

pub(crate) async fn invite(
    this: &crate::This,
    org_id: i64,
    user_id: i64,
    role: Role,
    sector_id: Option<i64>,
    actor: Actor,
) -> Result<()> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    check_sector(&mut tx, org_id, sector_id).await?;
    if membership_in_tx(&mut tx, org_id, user_id).await?.is_some() {
        return Err(rule(ErrorCode::AlreadyMember));
    }
    sqlx::query("DELETE FROM invitations WHERE org_id = $1 AND user_id = $2")
        .bind(org_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO invitations (org_id, user_id, role, sector_id, invited_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(org_id)
        .bind(user_id)
        .bind(role.as_str())
        .bind(sector_id)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await?;
    let after = serde_json::json!({ "user_id": user_id, "role": role, "sector_id": sector_id });
    let entry = Audit {
        org_id: Some(org_id),
        action: AuditAction::InvitationCreate,
        entity: "invitation",
        entity_id: format!("{org_id}/{user_id}"),
        before: None,
        after: json(&after),
    };
    audit(&mut tx, actor, entry).await?;
    tx.commit().await?;
    Ok(())
}

const SELECT: &str = "SELECT i.org_id, i.user_id, i.role, i.sector_id, i.invited_at";

pub(crate) async fn user_invitations(this: &crate::This, user_id: i64) -> Result<Vec<(Invitation, Organisation)>> {
    let rows: Vec<WithOrg> = sqlx::query_as(&format!(
        "{SELECT}, o.kind, o.name_fi, o.name_sv, o.name_en, o.area_id FROM invitations i \
         JOIN organisations o ON o.id = i.org_id WHERE i.user_id = $1 ORDER BY o.name_fi"
    ))
    .bind(user_id)
    .fetch_all(&this.pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            let (id, kind, name_fi, name_sv, name_en, area_id) =
                (r.i.org_id, r.kind, r.name_fi, r.name_sv, r.name_en, r.area_id);
            let org = Organisation::try_from(OrgRow { id, kind, name_fi, name_sv, name_en, area_id })?;
            Ok((invitation(r.i)?, org))
        })
        .collect()
}

pub(crate) async fn org_invitations(this: &crate::This, org_id: i64) -> Result<Vec<(Invitation, User)>> {
    let rows: Vec<WithUser> = sqlx::query_as(&format!(
        "{SELECT}, u.email, u.display_name FROM invitations i JOIN users u ON u.id = i.user_id \
         WHERE i.org_id = $1 ORDER BY u.email"
    ))
    .bind(org_id)
    .fetch_all(&this.pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            let user = User::try_from(UserRow { id: r.i.user_id, email: r.email, display_name: r.display_name })?;
            Ok((invitation(r.i)?, user))
        })
        .collect()
}

pub(crate) async fn answer(this: &crate::This, user_id: i64, org_id: i64, accept: bool) -> Result<Option<Membership>> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let row: Option<InvitationRow> =
        sqlx::query_as(&format!("{SELECT} FROM invitations i WHERE i.org_id = $1 AND i.user_id = $2"))
            .bind(org_id)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
    let inv = invitation(row.ok_or(rule(ErrorCode::NotFound))?)?;
    sqlx::query("DELETE FROM invitations WHERE org_id = $1 AND user_id = $2")
        .bind(org_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let actor = Actor::user(user_id);
    let joined = if accept {
        Some(insert_membership(&mut tx, user_id, org_id, inv.role, inv.sector_id, actor).await?)
    } else {
        let entry = Audit {
            org_id: Some(org_id),
            action: AuditAction::InvitationDecline,
            entity: "invitation",
            entity_id: format!("{org_id}/{user_id}"),
            before: json(&inv),
            after: None,
        };
        audit(&mut tx, actor, entry).await?;
        None
    };
    tx.commit().await?;
    Ok(joined)
}
