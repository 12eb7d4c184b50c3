//! Stable, snake_case error codes. The UI translates them (`error-<code>` in the locale files)
//! and the JSON API returns them as they are.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    NotLoggedIn,
    Forbidden,
    CsrfInvalid,
    InvalidInput,
    InvalidCredentials,
    RateLimited,
    EditConflict,
    EmailTaken,
    AlreadyMember,
    NameTaken,
    SectorInUse,
    LastAdmin,
    Internal,
    // Field-level codes.
    Required,
    TooLong,
    EmailInvalid,
    PasswordTooShort,
    RoleInvalid,
    SectorInvalid,
    LangInvalid,
    TermInvalid,
    YearInvalid,
    NumberInvalid,
    DateInvalid,
    /// A report's workflow does not allow this step (e.g. publishing a draft).
    StateTransitionInvalid,
    /// An approved or published report version cannot be edited; start a new version.
    ReportLocked,
    /// A decided proposal and its assessments cannot be edited.
    DecisionLocked,
    /// The rules require assessments that are not complete yet.
    AssessmentMissing,
    /// An assessment compares at least two alternatives, one of them the zero option.
    AlternativesMissing,
    /// Every alternative needs ratings for the affected groups.
    RatingsMissing,
    /// A child impact assessment records children's and young people's own views.
    ChildrenNotHeard,
    /// The assessment has no conclusion yet.
    ConclusionMissing,
    /// The follow-up date has not come yet.
    FollowUpNotDue,
    /// The grant call's deadline has passed.
    CallClosed,
    /// The grants decided would exceed the call's total.
    BudgetExceeded,
    /// The organisation is in the partner registry already.
    AlreadyPartner,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 37] = [
        ErrorCode::NotFound,
        ErrorCode::NotLoggedIn,
        ErrorCode::Forbidden,
        ErrorCode::CsrfInvalid,
        ErrorCode::InvalidInput,
        ErrorCode::InvalidCredentials,
        ErrorCode::RateLimited,
        ErrorCode::EditConflict,
        ErrorCode::EmailTaken,
        ErrorCode::AlreadyMember,
        ErrorCode::NameTaken,
        ErrorCode::SectorInUse,
        ErrorCode::LastAdmin,
        ErrorCode::Internal,
        ErrorCode::Required,
        ErrorCode::TooLong,
        ErrorCode::EmailInvalid,
        ErrorCode::PasswordTooShort,
        ErrorCode::RoleInvalid,
        ErrorCode::SectorInvalid,
        ErrorCode::LangInvalid,
        ErrorCode::TermInvalid,
        ErrorCode::YearInvalid,
        ErrorCode::NumberInvalid,
        ErrorCode::DateInvalid,
        ErrorCode::StateTransitionInvalid,
        ErrorCode::ReportLocked,
        ErrorCode::DecisionLocked,
        ErrorCode::AssessmentMissing,
        ErrorCode::AlternativesMissing,
        ErrorCode::RatingsMissing,
        ErrorCode::ChildrenNotHeard,
        ErrorCode::ConclusionMissing,
        ErrorCode::FollowUpNotDue,
        ErrorCode::CallClosed,
        ErrorCode::BudgetExceeded,
        ErrorCode::AlreadyPartner,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "not_found",
            ErrorCode::NotLoggedIn => "not_logged_in",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::CsrfInvalid => "csrf_invalid",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::EditConflict => "edit_conflict",
            ErrorCode::EmailTaken => "email_taken",
            ErrorCode::AlreadyMember => "already_member",
            ErrorCode::NameTaken => "name_taken",
            ErrorCode::SectorInUse => "sector_in_use",
            ErrorCode::LastAdmin => "last_admin",
            ErrorCode::Internal => "internal",
            ErrorCode::Required => "required",
            ErrorCode::TooLong => "too_long",
            ErrorCode::EmailInvalid => "email_invalid",
            ErrorCode::PasswordTooShort => "password_too_short",
            ErrorCode::RoleInvalid => "role_invalid",
            ErrorCode::SectorInvalid => "sector_invalid",
            ErrorCode::LangInvalid => "lang_invalid",
            ErrorCode::TermInvalid => "term_invalid",
            ErrorCode::YearInvalid => "year_invalid",
            ErrorCode::NumberInvalid => "number_invalid",
            ErrorCode::DateInvalid => "date_invalid",
            ErrorCode::StateTransitionInvalid => "state_transition_invalid",
            ErrorCode::ReportLocked => "report_locked",
            ErrorCode::DecisionLocked => "decision_locked",
            ErrorCode::AssessmentMissing => "assessment_missing",
            ErrorCode::AlternativesMissing => "alternatives_missing",
            ErrorCode::RatingsMissing => "ratings_missing",
            ErrorCode::ChildrenNotHeard => "children_not_heard",
            ErrorCode::ConclusionMissing => "conclusion_missing",
            ErrorCode::FollowUpNotDue => "follow_up_not_due",
            ErrorCode::CallClosed => "call_closed",
            ErrorCode::BudgetExceeded => "budget_exceeded",
            ErrorCode::AlreadyPartner => "already_partner",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One invalid form field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: &'static str,
    pub code: ErrorCode,
}

/// The invalid fields of one form, in form order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, code: ErrorCode) {
        self.0.push(FieldError { field, code });
    }

    /// Keeps the parsed value, or records the error under `field`.
    pub fn check<T>(&mut self, field: &'static str, r: Result<T, ErrorCode>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(code) => {
                self.add(field, code);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<ErrorCode> {
        self.0.iter().find(|e| e.field == field).map(|e| e.code)
    }
}

/// Trims `s` and checks it is non-empty and at most `max` characters.
pub fn required_text(s: &str, max: usize) -> Result<String, ErrorCode> {
    let t = s.trim();
    if t.is_empty() {
        Err(ErrorCode::Required)
    } else if t.chars().count() > max {
        Err(ErrorCode::TooLong)
    } else {
        Ok(t.to_string())
    }
}

/// Like [`required_text`], but an empty value is `None`.
pub fn optional_text(s: &str, max: usize) -> Result<Option<String>, ErrorCode> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        required_text(s, max).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for c in ErrorCode::ALL {
            let s = c.as_str();
            assert!(s.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'), "{s}");
            assert!(seen.insert(s), "duplicate {s}");
            assert_eq!(c.to_string(), s);
        }
    }

    #[test]
    fn text_rules() {
        assert_eq!(required_text("  a ", 3), Ok("a".into()));
        assert_eq!(required_text("   ", 3), Err(ErrorCode::Required));
        assert_eq!(required_text("abcd", 3), Err(ErrorCode::TooLong));
        assert_eq!(optional_text(" ", 3), Ok(None));
    }
}
