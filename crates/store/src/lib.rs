//! The Hyte store: one narrow async trait per capability, implemented once per backend
//! (`hyte-store-sqlite`, `hyte-store-postgres`). The SQL that both backends share lives in
//! [`portable`] as a macro each backend instantiates with its own concrete pool; what differs
//! (migrations, bulk loading, backups) lives in the backend crates.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use hyte_domain::{
    Area, AuditEntry, ErrorCode, Membership, Names, OrgKind, Organisation, PopulationRow, Role, Sector, SectorInput,
    User,
};

pub mod assessment_rows;
pub mod assessments;
pub mod conformance;
pub mod conformance_assessments;
pub mod conformance_cooperation;
pub mod conformance_partners;
pub mod cooperation;
pub mod cooperation_rows;
pub mod imports;
pub mod indicators;
pub mod partner_rows;
pub mod partners;
pub mod plan;
pub mod portable;
pub mod portable_assessments;
pub mod portable_cooperation;
pub mod portable_imports;
pub mod portable_indicators;
pub mod portable_partners;
pub mod portable_plan;
pub mod portable_reports;
pub mod report_rows;
pub mod reports;
pub mod rows;

pub use assessments::{AssessmentStore, DecisionStep};
pub use cooperation::CooperationStore;
pub use imports::ImportJobStore;
pub use indicators::{BulkStore, ExternalRegion, IndicatorFilter, IndicatorStore, NewIndicator, ObservationQuery};
pub use partners::PartnerStore;
pub use plan::PlanStore;
pub use reports::ReportStore;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A rule of the domain refused the change (e.g. `email_taken`, `edit_conflict`).
    #[error("refused: {0}")]
    Rule(ErrorCode),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::Rule(c) => *c,
            _ => ErrorCode::Internal,
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Who makes a change, for the audit log. `user_id` is `None` for the command line and the loaders.
#[derive(Debug, Clone, Copy, Default)]
pub struct Actor {
    pub user_id: Option<i64>,
}

impl Actor {
    pub const SYSTEM: Actor = Actor { user_id: None };
    pub fn user(id: i64) -> Actor {
        Actor { user_id: Some(id) }
    }
}

// ---- areas ---------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct AreaKindRow {
    pub code: String,
    pub names: Names,
    pub sort_order: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewArea {
    pub kind: String,
    pub code: String,
    pub names: Names,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
}

/// `child` belongs to `parent` in `year` (kind + code on each side).
#[derive(Debug, Clone, PartialEq)]
pub struct NewMembership {
    pub child: (String, String),
    pub parent: (String, String),
    pub year: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewPopulation {
    pub area: (String, String),
    pub row: PopulationRow,
}

/// A whole area classification to load: idempotent, in one transaction.
#[derive(Debug, Clone, Default)]
pub struct AreaImport {
    pub kinds: Vec<AreaKindRow>,
    pub areas: Vec<NewArea>,
    pub memberships: Vec<NewMembership>,
    pub populations: Vec<NewPopulation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub areas: u64,
    pub memberships: u64,
    pub populations: u64,
}

#[async_trait]
pub trait AreaStore: Send + Sync {
    async fn import_areas(&self, data: &AreaImport) -> Result<ImportSummary>;
    async fn area_kinds(&self) -> Result<Vec<AreaKindRow>>;
    /// Areas, optionally of one kind, ordered by kind then Finnish name.
    async fn list_areas(&self, kind: Option<&str>) -> Result<Vec<Area>>;
    async fn get_area(&self, kind: &str, code: &str) -> Result<Option<Area>>;
    async fn get_area_by_id(&self, id: i64) -> Result<Option<Area>>;
    /// Areas that `area_id` belongs to in `year`.
    async fn area_parents(&self, area_id: i64, year: i32) -> Result<Vec<Area>>;
    /// Areas that belong to `area_id` in `year`, by Finnish name.
    async fn area_members(&self, area_id: i64, year: i32) -> Result<Vec<Area>>;
    /// Years for which the classification says anything about `area_id`, newest first.
    async fn area_years(&self, area_id: i64) -> Result<Vec<i32>>;
    async fn area_population(&self, area_id: i64) -> Result<Vec<PopulationRow>>;
}

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
    async fn record_login_attempt(&self, email: &str, ip: &str, success: bool, at: DateTime<Utc>) -> Result<()>;
    /// Failed attempts since `since`: (for this e-mail, from this address).
    async fn failed_logins_since(&self, email: &str, ip: &str, since: DateTime<Utc>) -> Result<(i64, i64)>;
}

#[async_trait]
pub trait AuditStore: Send + Sync {
    /// The organisation's audit log, newest first.
    async fn audit_log(&self, org_id: i64, limit: i64) -> Result<Vec<AuditEntry>>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Everything the web layer needs, as one object.
#[async_trait]
pub trait Store:
    AreaStore
    + OrgStore
    + UserStore
    + SessionStore
    + AuditStore
    + IndicatorStore
    + BulkStore
    + ImportJobStore
    + ReportStore
    + PlanStore
    + AssessmentStore
    + CooperationStore
    + PartnerStore
{
    fn backend(&self) -> Backend;
    async fn ping(&self) -> Result<()>;
    /// Nothing is loaded yet: no areas.
    async fn is_empty(&self) -> Result<bool>;
    async fn organisation_count(&self) -> Result<i64>;
}
