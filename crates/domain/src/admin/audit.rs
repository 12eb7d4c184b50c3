//! Audit log entries: who changed what, when, with the state before and after.

use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_user_id: Option<i64>,
    pub actor_email: Option<String>,
    pub org_id: Option<i64>,
    /// e.g. `sector.create`, `membership.update`.
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    /// JSON text of the state before the change (None for creations).
    pub before: Option<String>,
    /// JSON text of the state after the change (None for deletions).
    pub after: Option<String>,
}
