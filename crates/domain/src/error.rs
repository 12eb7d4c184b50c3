//! Stable, snake_case error codes. The UI translates them (`error-<code>` in the locale files)
//! and the JSON API returns them as they are.

use crate::codes::codes;
use serde::Serialize;

codes! {
    /// An error: its code, its translation key (`error-<code>`) and the HTTP status it answers with.
    pub enum ErrorCode: "error-"; http_status -> u16 {
        NotFound = "not_found" => 404,
        NotLoggedIn = "not_logged_in" => 401,
        Forbidden = "forbidden" => 403,
        CsrfInvalid = "csrf_invalid" => 403,
        InvalidInput = "invalid_input" => 422,
        InvalidCredentials = "invalid_credentials" => 401,
        RateLimited = "rate_limited" => 429,
        EditConflict = "edit_conflict" => 409,
        EmailTaken = "email_taken" => 409,
        AlreadyMember = "already_member" => 409,
        NameTaken = "name_taken" => 409,
        SectorInUse = "sector_in_use" => 409,
        LastAdmin = "last_admin" => 409,
        Internal = "internal" => 500,
        // Field-level codes.
        Required = "required" => 422,
        TooLong = "too_long" => 422,
        EmailInvalid = "email_invalid" => 422,
        PasswordTooShort = "password_too_short" => 422,
        PasswordCommon = "password_common" => 422,
        RoleInvalid = "role_invalid" => 422,
        SectorInvalid = "sector_invalid" => 422,
        /// An indicator id that does not exist or that the organisation may not use (another
        /// organisation's own indicator): see `knowledge::indicator::may_use`.
        IndicatorInvalid = "indicator_invalid" => 422,
        LangInvalid = "lang_invalid" => 422,
        TermInvalid = "term_invalid" => 422,
        YearInvalid = "year_invalid" => 422,
        NumberInvalid = "number_invalid" => 422,
        DateInvalid = "date_invalid" => 422,
        /// A report's workflow does not allow this step (e.g. publishing a draft).
        StateTransitionInvalid = "state_transition_invalid" => 409,
        /// An approved or published report version cannot be edited; start a new version.
        ReportLocked = "report_locked" => 409,
        /// A decided proposal and its assessments cannot be edited.
        DecisionLocked = "decision_locked" => 409,
        /// The rules require assessments that are not complete yet.
        AssessmentMissing = "assessment_missing" => 409,
        /// An assessment compares at least two alternatives, one of them the zero option.
        AlternativesMissing = "alternatives_missing" => 409,
        /// Every alternative needs ratings for the affected groups.
        RatingsMissing = "ratings_missing" => 409,
        /// A child impact assessment records children's and young people's own views.
        ChildrenNotHeard = "children_not_heard" => 409,
        /// The assessment has no conclusion yet.
        ConclusionMissing = "conclusion_missing" => 409,
        /// The follow-up date has not come yet.
        FollowUpNotDue = "follow_up_not_due" => 409,
        /// The grant call's deadline has passed.
        CallClosed = "call_closed" => 409,
        UploadTooLarge = "upload_too_large" => 413,
        ApplicantNotAllowed = "applicant_not_allowed" => 403,
        AlreadyApplied = "already_applied" => 409,
        /// The grants decided would exceed the call's total.
        BudgetExceeded = "budget_exceeded" => 409,
        /// The organisation is in the partner registry already.
        AlreadyPartner = "already_partner" => 409,
        /// Not a period of the criterion's schedule (`2025`, `2025-Q1`, `2025-03`).
        PeriodInvalid = "period_invalid" => 422,
        /// A provider, service or plan goal that is not the county's own.
        ReferenceInvalid = "reference_invalid" => 422,
        /// An approved strategy document cannot change; start a new version.
        DocumentLocked = "document_locked" => 409,
        /// An accepted monitoring report cannot change.
        MonitoringLocked = "monitoring_locked" => 409,
        /// A file of another type than the one asked for (e.g. not a PDF document).
        FileTypeInvalid = "file_type_invalid" => 422,
        /// An interface service keeps at least one leading organisation.
        LastLead = "last_lead" => 409,
        /// The organisation still answers for steps of the chain: give them to another first.
        PartyInUse = "party_in_use" => 409,
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
    fn codes_and_statuses_are_pinned() {
        crate::codes::assert_codes::<ErrorCode>(&[
            "not_found",
            "not_logged_in",
            "forbidden",
            "csrf_invalid",
            "invalid_input",
            "invalid_credentials",
            "rate_limited",
            "edit_conflict",
            "email_taken",
            "already_member",
            "name_taken",
            "sector_in_use",
            "last_admin",
            "internal",
            "required",
            "too_long",
            "email_invalid",
            "password_too_short",
            "password_common",
            "role_invalid",
            "sector_invalid",
            "indicator_invalid",
            "lang_invalid",
            "term_invalid",
            "year_invalid",
            "number_invalid",
            "date_invalid",
            "state_transition_invalid",
            "report_locked",
            "decision_locked",
            "assessment_missing",
            "alternatives_missing",
            "ratings_missing",
            "children_not_heard",
            "conclusion_missing",
            "follow_up_not_due",
            "call_closed",
            "upload_too_large",
            "applicant_not_allowed",
            "already_applied",
            "budget_exceeded",
            "already_partner",
            "period_invalid",
            "reference_invalid",
            "document_locked",
            "monitoring_locked",
            "file_type_invalid",
            "last_lead",
            "party_in_use",
        ]);
        let statuses: Vec<u16> = ErrorCode::ALL.iter().map(|c| c.http_status()).collect();
        assert_eq!(
            statuses,
            [
                404, 401, 403, 403, 422, 401, 429, 409, 409, 409, 409, 409, 409, 500, 422, 422, 422, 422, 422, 422,
                422, 422, 422, 422, 422, 422, 422, 409, 409, 409, 409, 409, 409, 409, 409, 409, 409, 413, 403, 409,
                409, 409, 422, 422, 409, 409, 422, 409, 409
            ]
        );
        assert_eq!(ErrorCode::NotFound.translation_key(), "error-not_found");
    }

    #[test]
    fn text_rules() {
        assert_eq!(required_text("  a ", 3), Ok("a".into()));
        assert_eq!(required_text("   ", 3), Err(ErrorCode::Required));
        assert_eq!(required_text("abcd", 3), Err(ErrorCode::TooLong));
        assert_eq!(optional_text(" ", 3), Ok(None));
    }
}
