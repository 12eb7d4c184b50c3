//! Users, their memberships in organisations, roles and what each role may do.

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
        } else {
            Ok(Password(s.to_string()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

/// A user's role in one organisation. Ordered: each role can do what the ones below it can.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Viewer,
    Editor,
    Coordinator,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Coordinator, Role::Editor, Role::Viewer];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Editor => "editor",
            Role::Viewer => "viewer",
        }
    }

    pub fn parse(s: &str) -> Result<Role, ErrorCode> {
        Role::ALL.into_iter().find(|r| r.as_str() == s.trim()).ok_or(ErrorCode::RoleInvalid)
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
        assert_eq!(format!("{:?}", Password::parse("long enough pass").unwrap()), "Password(***)");
    }

    #[test]
    fn roles_are_ordered() {
        assert!(Role::Admin.can(Permission::Administer));
        assert!(!Role::Coordinator.can(Permission::Administer));
        assert!(Role::Coordinator.can(Permission::Edit));
        assert!(!Role::Viewer.can(Permission::Edit));
        assert_eq!(Role::parse("editor"), Ok(Role::Editor));
        assert_eq!(Role::parse("root"), Err(ErrorCode::RoleInvalid));
    }
}
