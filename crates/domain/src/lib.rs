//! Hyte's domain: pure types and rules, no IO.
//!
//! Values arriving from users are parsed into newtypes here ("parse, don't validate"),
//! so that the rest of the system only ever holds valid data.
//!
//! One folder per capability (the same names as in store and web): `knowledge`, `reports`,
//! `assessment`, `cooperation`, `partners`, `services`, `admin`. `population` is the one
//! classification of population and client groups that every room uses. `lang` and `error` are shared by all.

pub mod admin;
pub mod assessment;
pub mod codes;
pub mod coefficient;
pub mod cooperation;
pub mod error;
pub mod interface;
pub mod knowledge;
pub mod lang;
pub mod local_path;
pub mod partners;
pub mod population;
pub mod reports;
pub mod services;
pub mod support;

pub use admin::audit::AuditEntry;
pub use admin::org::{OrgKind, Organisation, Sector, SectorInput};
pub use admin::user::{DisplayName, Email, Membership, Password, Permission, Role, User};
pub use error::{ErrorCode, FieldError, FieldErrors};
pub use knowledge::area::{Area, AreaKind, AreaRef, PopulationRow, Sex};
pub use knowledge::import_job::{ImportJob, JobState};
pub use knowledge::indicator::{Indicator, IndicatorTexts, Observation, ValueType};
pub use lang::{Lang, Names, Texts};
pub use local_path::local_path;
