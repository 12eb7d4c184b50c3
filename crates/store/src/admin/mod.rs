//! Administration: organisations and their sectors, users and memberships, sessions and login
//! attempts, and the audit log.

use crate::{Actor, Result};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use hyte_domain::admin::invitation::Invitation;
use hyte_domain::{AuditEntry, Membership, Names, OrgKind, Organisation, Role, Sector, SectorInput, User};

#[cfg(feature = "testing")]
pub mod conformance;
pub mod rows;

// ---- organisations and sectors ---------------------------------------------------------------

#[derive(Debug, Clone)]
pub struct NewOrganisation {
    pub kind: OrgKind,
    pub names: Names,
    pub area_id: Option<i64>,
}

#[async_trait]
pub trait OrgStore: Send + Sync {
    /// Creates an organisation; public bodies get the default sectors.
    async fn create_organisation(&self, org: &NewOrganisation, actor: Actor) -> Result<Organisation>;
    async fn list_organisations(&self) -> Result<Vec<Organisation>>;
    async fn get_organisation(&self, id: i64) -> Result<Option<Organisation>>;
    async fn organisations_for_area(&self, area_id: i64) -> Result<Vec<Organisation>>;
    async fn list_sectors(&self, org_id: i64) -> Result<Vec<Sector>>;
    async fn get_sector(&self, org_id: i64, sector_id: i64) -> Result<Option<Sector>>;
    async fn create_sector(&self, org_id: i64, input: &SectorInput, actor: Actor) -> Result<Sector>;
    /// Fails with `edit_conflict` when the sector is no longer at `version`.
    async fn update_sector(
        &self,
        org_id: i64,
        sector_id: i64,
        version: i64,
        input: &SectorInput,
        actor: Actor,
    ) -> Result<Sector>;
    async fn delete_sector(&self, org_id: i64, sector_id: i64, version: i64, actor: Actor) -> Result<()>;
}

// ---- users, memberships, sessions -----------------------------------------------------------

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: hyte_domain::Email,
    pub display_name: hyte_domain::DisplayName,
    pub password_hash: String,
}

/// A member of an organisation, as listed on the users page.
#[derive(Debug, Clone)]
pub struct Member {
    pub user: User,
    pub membership: Membership,
}

/// A user's standing outside their memberships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AccountState {
    /// The instance administrator: national data and catalogue settings.
    pub instance_admin: bool,
    /// Invitations waiting for the user's answer.
    pub invitations: i64,
}

#[async_trait]
pub trait UserStore: Send + Sync {
    /// Creates a user and, when `org_id` is given, their first membership, in one transaction.
    async fn create_user(
        &self,
        user: &NewUser,
        membership: Option<(i64, Role, Option<i64>)>,
        actor: Actor,
    ) -> Result<User>;
    async fn get_user(&self, id: i64) -> Result<Option<User>>;
    /// What every request of the user needs besides their memberships, in one query.
    async fn account_state(&self, user_id: i64) -> Result<AccountState>;
    /// Grants or takes away the instance administrator's rights (audited, outside any organisation).
    async fn set_instance_admin(&self, user_id: i64, on: bool, actor: Actor) -> Result<()>;
    /// The user and their password hash.
    async fn find_login(&self, email: &str) -> Result<Option<(User, String)>>;
    async fn add_membership(
        &self,
        user_id: i64,
        org_id: i64,
        role: Role,
        sector_id: Option<i64>,
        actor: Actor,
    ) -> Result<Membership>;
    /// Fails with `edit_conflict` on a stale `version`, `last_admin` when it would leave no admin.
    async fn update_membership(
        &self,
        org_id: i64,
        user_id: i64,
        version: i64,
        role: Role,
        sector_id: Option<i64>,
        actor: Actor,
    ) -> Result<Membership>;
    async fn remove_membership(&self, org_id: i64, user_id: i64, version: i64, actor: Actor) -> Result<()>;
    async fn org_members(&self, org_id: i64) -> Result<Vec<Member>>;
    /// Offers the user a membership (audited); they join only by accepting. `already_member` if
    /// they are one; a repeated invitation replaces the earlier one.
    async fn invite(&self, org_id: i64, user_id: i64, role: Role, sector_id: Option<i64>, actor: Actor) -> Result<()>;
    /// The invitations waiting for the user's answer, with the inviting organisations.
    async fn user_invitations(&self, user_id: i64) -> Result<Vec<(Invitation, Organisation)>>;
    /// The organisation's invitations not yet answered, with the invited users.
    async fn org_invitations(&self, org_id: i64) -> Result<Vec<(Invitation, User)>>;
    /// The user accepts (and becomes a member, returned) or declines; `not_found` without an
    /// invitation.
    async fn answer_invitation(&self, user_id: i64, org_id: i64, accept: bool) -> Result<Option<Membership>>;
    async fn user_memberships(&self, user_id: i64) -> Result<Vec<(Membership, Organisation)>>;
}

#[async_trait]
pub trait SessionStore: Send + Sync {
    async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        now: DateTime<Utc>,
        expires: DateTime<Utc>,
    ) -> Result<()>;
    /// The user of a live session.
    async fn session_user(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<User>>;
    async fn delete_session(&self, token_hash: &str) -> Result<()>;
    async fn delete_expired_sessions(&self, now: DateTime<Utc>) -> Result<u64>;
    /// Counts a login attempt before its password is checked, atomically: one transaction locks
    /// the account's and the address's throttle rows, reads their recent failures, asks the domain's
    /// rule (`hyte_domain::admin::login::verdict`) and, when it says check, records the attempt as a
    /// failure, so parallel attempts see it. Refused attempts are not recorded.
    async fn begin_login_attempt(&self, email: &str, ip: &str, now: DateTime<Utc>) -> Result<LoginGate>;
    /// Marks a checked attempt (from [`LoginGate::Check`]) successful.
    async fn login_succeeded(&self, attempt_id: i64) -> Result<()>;
    /// Deletes login attempts and throttle rows older than `before`; how many attempts.
    async fn delete_old_login_attempts(&self, before: DateTime<Utc>) -> Result<u64>;
}

/// What [`SessionStore::begin_login_attempt`] decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginGate {
    /// Check the password; the attempt is recorded (as a failure until [`SessionStore::login_succeeded`]).
    Check { attempt_id: i64 },
    /// Refused without checking: try again in this many seconds (the whole remaining wait).
    Wait { seconds: i64 },
}

#[async_trait]
pub trait AuditStore: Send + Sync {
    /// The organisation's audit log, newest first.
    async fn audit_log(&self, org_id: i64, limit: i64) -> Result<Vec<AuditEntry>>;
    /// The instance's own log (national data, the instance administrator's rights), newest first.
    async fn instance_audit_log(&self, limit: i64) -> Result<Vec<AuditEntry>>;
}
