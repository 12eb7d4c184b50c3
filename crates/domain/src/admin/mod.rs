//! Administration: organisations and their sectors, users and memberships, and the audit log.

pub mod audit;
pub mod invitation;
pub mod kind;
pub mod law;
pub mod login;
pub mod org;
pub mod user;

use crate::codes::keys;

/// The translation keys the administration pages build from codes.
pub fn translation_keys() -> Vec<String> {
    let mut k: Vec<String> = keys::<user::Role>().collect();
    k.extend(keys::<kind::OrgKind>());
    k.extend(keys::<audit::AuditAction>());
    k
}
