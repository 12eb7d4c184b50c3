//! Row types of administration (organisations, sectors, users, memberships, the audit log), the columns
//! each query selects, and their conversion into domain types.

use crate::rows::corrupt;
use crate::StoreError;
use chrono::{DateTime, Utc};
use hyte_domain::{AuditEntry, Email, Membership, Names, OrgKind, Organisation, Role, Sector, User};

pub const ORG_COLS: &str = "id, kind, name_fi, name_sv, name_en, area_id";
pub const SECTOR_COLS: &str = "id, org_id, name_fi, name_sv, name_en, version";
pub const MEMBERSHIP_COLS: &str = "user_id, org_id, role, sector_id, version";

#[derive(sqlx::FromRow)]
pub struct OrgRow {
    pub id: i64,
    pub kind: String,
    pub name_fi: String,
    pub name_sv: Option<String>,
    pub name_en: Option<String>,
    pub area_id: Option<i64>,
}

impl TryFrom<OrgRow> for Organisation {
    type Error = StoreError;
    fn try_from(r: OrgRow) -> Result<Organisation, StoreError> {
        Ok(Organisation {
            id: r.id,
            kind: OrgKind::parse(&r.kind).ok_or_else(|| corrupt("organisation kind", &r.kind))?,
            names: Names::new(r.name_fi, r.name_sv, r.name_en),
            area_id: r.area_id,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct SectorRow {
    pub id: i64,
    pub org_id: i64,
    pub name_fi: String,
    pub name_sv: Option<String>,
    pub name_en: Option<String>,
    pub version: i64,
}

impl From<SectorRow> for Sector {
    fn from(r: SectorRow) -> Sector {
        Sector { id: r.id, org_id: r.org_id, names: Names::new(r.name_fi, r.name_sv, r.name_en), version: r.version }
    }
}

#[derive(sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
}

impl TryFrom<UserRow> for User {
    type Error = StoreError;
    fn try_from(r: UserRow) -> Result<User, StoreError> {
        Ok(User {
            id: r.id,
            email: Email::parse(&r.email).map_err(|_| corrupt("email", &r.email))?,
            display_name: r.display_name,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct MembershipRow {
    pub user_id: i64,
    pub org_id: i64,
    pub role: String,
    pub sector_id: Option<i64>,
    pub version: i64,
}

impl TryFrom<MembershipRow> for Membership {
    type Error = StoreError;
    fn try_from(r: MembershipRow) -> Result<Membership, StoreError> {
        Ok(Membership {
            user_id: r.user_id,
            org_id: r.org_id,
            role: Role::parse(&r.role).map_err(|_| corrupt("role", &r.role))?,
            sector_id: r.sector_id,
            version: r.version,
        })
    }
}

/// A membership joined with its user or its organisation.
#[derive(sqlx::FromRow)]
pub struct MemberJoinRow {
    #[sqlx(flatten)]
    pub m: MembershipRow,
    pub email: String,
    pub display_name: String,
}

#[derive(sqlx::FromRow)]
pub struct MembershipOrgRow {
    #[sqlx(flatten)]
    pub m: MembershipRow,
    pub kind: String,
    pub name_fi: String,
    pub name_sv: Option<String>,
    pub name_en: Option<String>,
    pub area_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_user_id: Option<i64>,
    pub actor_email: Option<String>,
    pub org_id: Option<i64>,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
}

impl From<AuditRow> for AuditEntry {
    fn from(r: AuditRow) -> AuditEntry {
        AuditEntry {
            id: r.id,
            at: r.at,
            actor_user_id: r.actor_user_id,
            actor_email: r.actor_email,
            org_id: r.org_id,
            action: r.action,
            entity: r.entity,
            entity_id: r.entity_id,
            before: r.before_json,
            after: r.after_json,
        }
    }
}
