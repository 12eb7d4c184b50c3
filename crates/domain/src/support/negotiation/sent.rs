//! Well-being reports a municipality sends to its county: one action sends the approved (or
//! published) term or annual report's approved version; the county acknowledges it and may write
//! feedback. The county's regional report uses exactly the reports sent: the latest one of each
//! municipality.

use crate::error::{optional_text, FieldErrors};
use crate::reports::{ReportKind, ReportState};
use crate::ErrorCode;
use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

const FEEDBACK_MAX: usize = 8_000;

/// A report sent to the county, with the county's acknowledgement and feedback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentReport {
    pub id: i64,
    pub report_id: i64,
    /// The municipality that sent it.
    pub org_id: i64,
    pub county_org_id: i64,
    pub report_title: String,
    pub report_kind: ReportKind,
    /// The approved version sent.
    pub content_version: i32,
    pub sent_at: DateTime<Utc>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub feedback: Option<String>,
    pub version: i64,
}

impl SentReport {
    /// The year it was sent in: the county's list of reports received is by year.
    pub fn year(&self) -> i32 {
        self.sent_at.year()
    }
}

/// `state_transition_invalid` unless the report is approved or published: only a report its body
/// has approved is sent.
pub fn may_send(state: ReportState) -> Result<(), ErrorCode> {
    match state {
        ReportState::Approved | ReportState::Published => Ok(()),
        _ => Err(ErrorCode::StateTransitionInvalid),
    }
}

/// The county's feedback (empty: none).
pub fn parse_feedback(s: &str) -> Result<Option<String>, FieldErrors> {
    let mut e = FieldErrors::default();
    match e.check("feedback", optional_text(s, FEEDBACK_MAX)) {
        Some(f) => Ok(f),
        None => Err(e),
    }
}

/// The latest report each municipality has sent (`sent` in any order).
pub fn latest_sent(sent: &[SentReport]) -> HashMap<i64, &SentReport> {
    let mut out: HashMap<i64, &SentReport> = HashMap::new();
    for s in sent {
        let e = out.entry(s.org_id).or_insert(s);
        if (s.sent_at, s.id) > (e.sent_at, e.id) {
            *e = s;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(id: i64, org_id: i64, day: u32) -> SentReport {
        SentReport {
            id,
            report_id: id,
            org_id,
            county_org_id: 1,
            report_title: format!("R{id}"),
            report_kind: ReportKind::Term,
            content_version: 1,
            sent_at: chrono::NaiveDate::from_ymd_opt(2026, 3, day)
                .and_then(|d| d.and_hms_opt(12, 0, 0))
                .map(|d| d.and_utc())
                .unwrap_or_default(),
            acknowledged_at: None,
            feedback: None,
            version: 1,
        }
    }

    #[test]
    fn the_latest_sent_report_counts() {
        let all = [sent(1, 10, 2), sent(2, 10, 5), sent(3, 11, 1)];
        let l = latest_sent(&all);
        assert_eq!(l.get(&10).map(|s| s.id), Some(2));
        assert_eq!(l.get(&11).map(|s| s.id), Some(3));
        assert_eq!(all.first().map(SentReport::year), Some(2026));
    }

    #[test]
    fn only_an_approved_report_is_sent() {
        let sendable: Vec<bool> = ReportState::ALL.iter().map(|s| may_send(*s).is_ok()).collect();
        assert_eq!(sendable, [false, false, true, true]);
    }

    #[test]
    fn feedback_is_optional_but_bounded() {
        assert_eq!(parse_feedback("  ").unwrap(), None);
        assert_eq!(parse_feedback(" Hyvä ").unwrap().as_deref(), Some("Hyvä"));
        assert!(parse_feedback(&"x".repeat(FEEDBACK_MAX + 1)).is_err());
    }
}
