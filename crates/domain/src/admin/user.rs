//! Users, their memberships in organisations, roles and what each role may do.

use crate::codes::codes;
use crate::error::{required_text, ErrorCode};
use serde::{Deserialize, Serialize};

/// A normalised (trimmed, lower-case) e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub fn parse(s: &str) -> Result<Email, ErrorCode> {
        let s = s.trim().to_lowercase();
        if s.is_empty() {
            return Err(ErrorCode::Required);
        }
        if s.len() > 254 {
            return Err(ErrorCode::TooLong);
        }
        let (local, domain) = s.split_once('@').ok_or(ErrorCode::EmailInvalid)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && domain.split('.').all(|p| !p.is_empty());
        let chars_ok = !s.chars().any(|c| c.is_whitespace() || c == '<' || c == '>' || c == ',');
        if local.is_empty() || domain.contains('@') || !domain_ok || !chars_ok {
            return Err(ErrorCode::EmailInvalid);
        }
        Ok(Email(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's name as shown in the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(s: &str) -> Result<DisplayName, ErrorCode> {
        required_text(s, 120).map(DisplayName)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password: at least 10 and at most 200 characters. Never logged or serialised.
pub struct Password(String);

impl Password {
    pub const MIN: usize = 10;

    pub fn parse(s: &str) -> Result<Password, ErrorCode> {
        let n = s.chars().count();
        if n == 0 {
            Err(ErrorCode::Required)
        } else if n < Self::MIN {
            Err(ErrorCode::PasswordTooShort)
        } else if n > 200 {
            Err(ErrorCode::TooLong)
        } else if is_common(s) {
            Err(ErrorCode::PasswordCommon)
        } else {
            Ok(Password(s.to_string()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Words that make a password easy to guess, however long (NIST SP 800-63B §5.1.1.2 asks to
/// refuse common and context-specific values).
const GUESSABLE: [&str; 14] = [
    "password",
    "passwd",
    "salasana",
    "lösenord",
    "losenord",
    "qwerty",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "iloveyou",
    "welcome",
    "tervetuloa",
    "admin",
    "letmein",
];

/// Runs of neighbouring keys or characters, forwards and backwards.
const RUNS: [&str; 5] = [
    "01234567890123456789",
    "98765432109876543210",
    "abcdefghijklmnopqrstuvwxyzåäö",
    "öäåzyxwvutsrqponmlkjihgfedcba",
    "qwertyuiopåasdfghjklöäzxcvbnm",
];

/// Too few different characters (ten spaces, "aaaaaaaaaa", "abababababab"), a run of
/// neighbouring characters ("1234567890", "abcdefghij"), or a guessable word with only digits
/// and signs around it ("Salasana2024!"; a phrase that merely contains one is fine).
fn is_common(s: &str) -> bool {
    let lower = s.to_lowercase();
    let mut distinct: Vec<char> = lower.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    let letters: String = lower.chars().filter(|c| c.is_alphabetic()).collect();
    let sequence = RUNS.iter().any(|run| run.contains(lower.as_str()));
    distinct.len() < 5 || sequence || GUESSABLE.contains(&letters.as_str())
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

codes! {
    /// A user's role in one organisation, from the most to the least powerful: each role can do
    /// what the ones after it can (the order of `ALL`, shown in forms).
    pub enum Role: "role-"; own parse {
        Admin = "admin",
        Coordinator = "coordinator",
        Editor = "editor",
        Viewer = "viewer",
    }
}

/// Roles are ordered by power: `Viewer < Editor < Coordinator < Admin`.
impl Ord for Role {
    fn cmp(&self, other: &Role) -> std::cmp::Ordering {
        (*other as usize).cmp(&(*self as usize))
    }
}

impl PartialOrd for Role {
    fn partial_cmp(&self, other: &Role) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Role {
    /// `role_invalid` for an unknown role.
    pub fn parse(s: &str) -> Result<Role, ErrorCode> {
        <Role as crate::codes::Code>::from_code(s.trim()).ok_or(ErrorCode::RoleInvalid)
    }

    pub fn can(self, p: Permission) -> bool {
        self >= p.min_role()
    }
}

/// What a membership allows within its own organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// See the organisation's internal pages.
    View,
    /// Write content (later: report sections, measures of one's sector).
    Edit,
    /// Coordinate HYTE work across sectors (later: reports, assessments, groups).
    Coordinate,
    /// Manage users and sectors, read the audit log.
    Administer,
}

impl Permission {
    pub fn min_role(self) -> Role {
        match self {
            Permission::View => Role::Viewer,
            Permission::Edit => Role::Editor,
            Permission::Coordinate => Role::Coordinator,
            Permission::Administer => Role::Admin,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct User {
    pub id: i64,
    pub email: Email,
    pub display_name: String,
}

/// A user's membership in one organisation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Membership {
    pub user_id: i64,
    pub org_id: i64,
    pub role: Role,
    pub sector_id: Option<i64>,
    pub version: i64,
}

impl Membership {
    /// The sector-editor rule: may this member edit an item (a proposal, a measure…) of `sector`
    /// (None: the whole organisation's)? Coordinators and admins always; editors when they are
    /// not bound to a sector, or bound to that one; viewers never.
    pub fn may_edit_sector_item(&self, sector: Option<i64>) -> bool {
        match self.role {
            Role::Admin | Role::Coordinator => true,
            Role::Editor => self.sector_id.is_none() || self.sector_id == sector,
            Role::Viewer => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(Email::parse(" Anna.Virtanen@Kuopio.FI ").unwrap().as_str(), "anna.virtanen@kuopio.fi");
        for bad in ["anna", "anna@", "@kuopio.fi", "anna@kuopio", "a b@kuopio.fi", "a@b@c.fi", "a@.fi", "a@fi."] {
            assert_eq!(Email::parse(bad), Err(ErrorCode::EmailInvalid), "{bad}");
        }
        assert_eq!(Email::parse("  "), Err(ErrorCode::Required));
    }

    #[test]
    fn passwords_have_a_minimum_length() {
        assert_eq!(Password::parse("short").err(), Some(ErrorCode::PasswordTooShort));
        assert!(Password::parse("long enough pass").is_ok());
        for common in
            ["          ", "aaaaaaaaaaaa", "abababababab", "1234567890", "0987654321", "Salasana2024", "qwertyuiop"]
        {
            assert_eq!(Password::parse(common).err(), Some(ErrorCode::PasswordCommon), "{common:?}");
        }
        assert!(Password::parse("hyte-demo-2026").is_ok() && Password::parse("liisan salasana").is_ok());
        assert_eq!(format!("{:?}", Password::parse("long enough pass").unwrap()), "Password(***)");
    }

    #[test]
    fn editors_edit_their_own_sectors_items() {
        let m = |role, sector_id| Membership { user_id: 1, org_id: 1, role, sector_id, version: 1 };
        for role in [Role::Admin, Role::Coordinator] {
            assert!(m(role, Some(3)).may_edit_sector_item(Some(4)) && m(role, Some(3)).may_edit_sector_item(None));
        }
        assert!(m(Role::Editor, None).may_edit_sector_item(Some(4)));
        assert!(m(Role::Editor, None).may_edit_sector_item(None));
        assert!(m(Role::Editor, Some(3)).may_edit_sector_item(Some(3)));
        assert!(!m(Role::Editor, Some(3)).may_edit_sector_item(Some(4)));
        assert!(!m(Role::Editor, Some(3)).may_edit_sector_item(None), "bound to a sector: only its items");
        assert!(!m(Role::Viewer, None).may_edit_sector_item(None));
    }

    #[test]
    fn roles_are_ordered() {
        assert!(Role::Admin.can(Permission::Administer));
        assert!(!Role::Coordinator.can(Permission::Administer));
        assert!(Role::Coordinator.can(Permission::Edit));
        assert!(!Role::Viewer.can(Permission::Edit));
        assert_eq!(Role::parse("editor"), Ok(Role::Editor));
        assert_eq!(Role::parse("root"), Err(ErrorCode::RoleInvalid));
        crate::codes::assert_codes::<Role>(&["admin", "coordinator", "editor", "viewer"]);
        assert!(Role::Viewer < Role::Editor && Role::Editor < Role::Coordinator && Role::Coordinator < Role::Admin);
        assert_eq!(Role::ALL.iter().max(), Some(&Role::Admin));
    }
}
