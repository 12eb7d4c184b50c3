//! The Hyte store: one narrow async trait per capability, implemented once per backend
//! (`hyte-store-sqlite`, `hyte-store-postgres`). Each capability is a folder, the same room names as in
//! every other layer: `mod.rs` (the trait and its types), `rows.rs` (row types), `sql.rs` or `sql/` (the
//! portable SQL) and `conformance.rs` (what both backends must do, with the `testing` feature).
//!
//! The portable SQL is not compiled here: each backend crate includes `sql.rs` (shared helpers)
//! and every capability's SQL files with `#[path]` modules and its own `Db`, so both backends run the same
//! queries over concrete pools (no `Any` driver). What differs (migrations, bulk loading, backups) lives
//! in the backend crates.

use async_trait::async_trait;
use hyte_domain::ErrorCode;

pub mod admin;
pub mod assessment;
pub mod coefficient;
#[cfg(feature = "testing")]
pub mod conformance;
pub mod cooperation;
pub mod interface;
pub mod knowledge;
pub mod partners;
pub mod reports;
pub mod rows;
pub mod services;
pub mod support;

pub use admin::{
    AccountState, AuditStore, LoginGate, Member, NewOrganisation, NewUser, OrgStore, SessionStore, UserStore,
};
pub use assessment::{AssessmentStore, DecisionStep};
pub use coefficient::CoefficientStore;
pub use cooperation::CooperationStore;
pub use interface::InterfaceStore;
pub use knowledge::{
    AreaImport, AreaKindRow, AreaStore, BulkStore, ExternalRegion, ImportJobStore, ImportSummary, IndicatorFilter,
    IndicatorSetStore, IndicatorStore, NewArea, NewIndicator, NewMembership, NewPopulation, ObservationQuery,
};
pub use partners::PartnerStore;
pub use reports::{PlanStore, ReportStore};
pub use services::ServiceStore;
pub use support::{NegotiationStore, PracticeStore, SupportStore};

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
    + IndicatorSetStore
    + BulkStore
    + ImportJobStore
    + ReportStore
    + PlanStore
    + AssessmentStore
    + CooperationStore
    + PartnerStore
    + ServiceStore
    + InterfaceStore
    + SupportStore
    + NegotiationStore
    + PracticeStore
    + CoefficientStore
{
    fn backend(&self) -> Backend;
    async fn ping(&self) -> Result<()>;
    /// Nothing is loaded yet: no areas.
    async fn is_empty(&self) -> Result<bool>;
    async fn organisation_count(&self) -> Result<i64>;
}
