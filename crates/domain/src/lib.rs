//! Hyte's domain: pure types and rules, no IO.
//!
//! Values arriving from users are parsed into newtypes here ("parse, don't validate"),
//! so that the rest of the system only ever holds valid data.

pub mod area;
pub mod assessment;
pub mod audit;
pub mod cooperation;
pub mod error;
pub mod import_job;
pub mod indicator;
pub mod lang;
pub mod org;
pub mod partners;
pub mod report;
pub mod stats;
pub mod user;

pub use area::{Area, AreaKind, AreaRef, PopulationRow, Sex};
pub use audit::AuditEntry;
pub use error::{ErrorCode, FieldError, FieldErrors};
pub use import_job::{ImportJob, JobState};
pub use indicator::{Indicator, IndicatorTexts, Observation, ValueType};
pub use lang::{Lang, Names};
pub use org::{OrgKind, Organisation, Sector, SectorInput};
pub use user::{DisplayName, Email, Membership, Password, Permission, Role, User};
