//! Administration: organisations and their sectors, users and memberships, and the audit log.

pub mod audit;
pub mod org;
pub mod user;
