//! The report's workflow: draft → in review → approved (an immutable version) → published.

use super::TEXT_MAX;
use crate::codes::codes;
use crate::error::{required_text, ErrorCode, FieldErrors};
use serde::{Deserialize, Serialize};

codes! {
    /// Where a report is in its workflow.
    pub enum ReportState: "report-state-" {
        Draft = "draft",
        /// Being read and commented on, e.g. by the welfare group.
        InReview = "in_review",
        /// Approved by its body: the content is frozen as an immutable version.
        Approved = "approved",
        /// Public, without login.
        Published = "published",
    }
}

impl ReportState {
    /// Whether the content may be edited in this state (approved versions are immutable; a later
    /// edit starts a new draft version).
    pub fn editable(self) -> bool {
        matches!(self, ReportState::Draft | ReportState::InReview)
    }

    /// The workflow's allowed steps: draft → in review → approved → published, and back from
    /// review to draft. Anything else fails with `state_transition_invalid`.
    pub fn transition(self, to: ReportState) -> Result<ReportState, ErrorCode> {
        use ReportState::*;
        match (self, to) {
            (Draft, InReview) | (InReview, Draft) | (InReview, Approved) | (Approved, Published) => Ok(to),
            _ => Err(ErrorCode::StateTransitionInvalid),
        }
    }
}

/// The approving body's decision that freezes a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    /// e.g. "Kunnanvaltuusto".
    pub body: String,
    pub date: chrono::NaiveDate,
    /// e.g. "KV 12.6.2026 § 45".
    pub decision_ref: String,
}

impl Approval {
    pub fn parse(body: &str, date: &str, decision_ref: &str) -> Result<Approval, FieldErrors> {
        let mut errs = FieldErrors::default();
        let body = errs.check("body", required_text(body, TEXT_MAX));
        let date = errs.check("date", parse_date(date));
        let decision_ref = errs.check("decision_ref", required_text(decision_ref, TEXT_MAX));
        match (body, date, decision_ref) {
            (Some(body), Some(date), Some(decision_ref)) => Ok(Approval { body, date, decision_ref }),
            _ => Err(errs),
        }
    }
}

/// A date as `2026-06-12` (the HTML date input) or `12.6.2026` (Finnish).
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, ErrorCode> {
    let s = s.trim();
    if s.is_empty() {
        return Err(ErrorCode::Required);
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .map_err(|_| ErrorCode::DateInvalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workflow_only_moves_forward_or_back_from_review() {
        use ReportState::*;
        assert_eq!(Draft.transition(InReview), Ok(InReview));
        assert_eq!(InReview.transition(Draft), Ok(Draft));
        assert_eq!(InReview.transition(Approved), Ok(Approved));
        assert_eq!(Approved.transition(Published), Ok(Published));
        for (from, to) in [(Draft, Approved), (Draft, Published), (Approved, Draft), (Published, Draft)] {
            assert_eq!(from.transition(to), Err(ErrorCode::StateTransitionInvalid), "{from:?} → {to:?}");
        }
        assert!(Draft.editable() && InReview.editable() && !Approved.editable() && !Published.editable());
    }

    #[test]
    fn approvals_need_body_date_and_reference() {
        let a = Approval::parse("Kunnanvaltuusto", "12.6.2026", "KV § 45").unwrap();
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2026, 6, 12).unwrap());
        assert_eq!(Approval::parse("Valtuusto", "2026-06-12", "§ 1").unwrap().date, a.date);
        let e = Approval::parse("", "31.2.2026", "").unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| (f.field, f.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("body", ErrorCode::Required),
                ("date", ErrorCode::DateInvalid),
                ("decision_ref", ErrorCode::Required)
            ]
        );
    }
}
