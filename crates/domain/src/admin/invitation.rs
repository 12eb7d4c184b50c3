//! Invitations: an organisation's admin offers a user a membership, and the user becomes a member
//! only by accepting it. So nobody is made a member of another organisation without consent, and
//! an admin cannot tell from the answer whether an e-mail address already has an account.

use super::user::Role;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// A membership offered and not yet answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Invitation {
    pub org_id: i64,
    pub user_id: i64,
    pub role: Role,
    pub sector_id: Option<i64>,
    pub invited_at: DateTime<Utc>,
}
