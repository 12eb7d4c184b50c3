//! Municipal grants to NGOs: a call (year, total, deadline), applications from NGOs, the decision
//! (euros granted, or rejected) and the report of how the grant was used.

use super::{LONG_MAX, TEXT_MAX};
use crate::assessment::parse_euros;
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::reports::parse_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A call for grant applications by a municipality or region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrantCall {
    pub id: i64,
    pub org_id: i64,
    pub input: CallInput,
    pub version: i64,
}

impl GrantCall {
    /// Who may apply: NGOs (and bodies of kind "other", such as foundations and cooperatives);
    /// not public bodies, parishes, companies or the state, and never the granting organisation.
    pub fn may_apply(&self, applicant_id: i64, applicant: crate::OrgKind) -> bool {
        applicant_id != self.org_id && matches!(applicant, crate::OrgKind::Ngo | crate::OrgKind::Other)
    }

    /// Open for applications until the end of its deadline day.
    pub fn is_open(&self, today: NaiveDate) -> bool {
        today <= self.input.deadline
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallInput {
    pub title: String,
    pub description: Option<String>,
    pub year: i32,
    /// Euros available in the call.
    pub total_euros: i64,
    pub deadline: NaiveDate,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CallForm {
    pub title: String,
    pub description: String,
    pub year: String,
    pub total_euros: String,
    pub deadline: String,
    pub version: i64,
}

impl CallForm {
    pub fn parse(&self) -> Result<CallInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let title = errs.check("title", required_text(&self.title, TEXT_MAX));
        let description = errs.check("description", optional_text(&self.description, LONG_MAX));
        let year = errs.check(
            "year",
            self.year.trim().parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)).ok_or(ErrorCode::YearInvalid),
        );
        let total =
            errs.check("total_euros", parse_euros(&self.total_euros).and_then(|e| e.ok_or(ErrorCode::Required)));
        let deadline = errs.check("deadline", parse_date(&self.deadline));
        match (title, description, year, total, deadline) {
            (Some(title), Some(description), Some(year), Some(total_euros), Some(deadline)) => {
                Ok(CallInput { title, description, year, total_euros, deadline })
            }
            _ => Err(errs),
        }
    }

    pub fn from_input(c: &CallInput, version: i64) -> CallForm {
        CallForm {
            title: c.title.clone(),
            description: c.description.clone().unwrap_or_default(),
            year: c.year.to_string(),
            total_euros: c.total_euros.to_string(),
            deadline: c.deadline.to_string(),
            version,
        }
    }
}

codes! {
    /// Where an application is: applied → granted or rejected → (granted) use reported.
    pub enum ApplicationStatus: "application-status-" {
        Applied = "applied",
        Granted = "granted",
        Rejected = "rejected",
        Reported = "reported",
    }
}

impl ApplicationStatus {
    pub fn transition(self, to: ApplicationStatus) -> Result<ApplicationStatus, ErrorCode> {
        use ApplicationStatus::*;
        match (self, to) {
            (Applied, Granted | Rejected) | (Granted, Reported) => Ok(to),
            _ => Err(ErrorCode::StateTransitionInvalid),
        }
    }
}

/// An NGO's application to a call, and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrantApplication {
    pub id: i64,
    pub call_id: i64,
    pub applicant_org_id: i64,
    pub input: ApplicationInput,
    pub applied_on: NaiveDate,
    pub status: ApplicationStatus,
    pub decision: Option<GrantDecision>,
    pub report: Option<UseReport>,
    pub version: i64,
}

impl GrantApplication {
    /// Euros granted (0 unless granted).
    pub fn granted(&self) -> i64 {
        self.decision.as_ref().and_then(|d| d.euros_granted).unwrap_or(0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationInput {
    pub purpose: String,
    pub euros_applied: i64,
}

impl ApplicationInput {
    pub fn parse(purpose: &str, euros: &str) -> Result<ApplicationInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let purpose = errs.check("purpose", required_text(purpose, LONG_MAX));
        let euros = errs
            .check("euros_applied", parse_euros(euros).and_then(|e| e.filter(|e| *e > 0).ok_or(ErrorCode::Required)));
        match (purpose, euros) {
            (Some(purpose), Some(euros_applied)) => Ok(ApplicationInput { purpose, euros_applied }),
            _ => Err(errs),
        }
    }
}

/// The decision on an application: euros granted, or `None` when rejected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrantDecision {
    pub euros_granted: Option<i64>,
    pub decided_on: NaiveDate,
    pub decision_ref: String,
}

impl GrantDecision {
    /// `outcome` is `granted` or `rejected`; a grant needs a positive amount.
    pub fn parse(
        outcome: &str,
        euros: &str,
        decided_on: &str,
        decision_ref: &str,
    ) -> Result<GrantDecision, FieldErrors> {
        let mut errs = FieldErrors::default();
        let euros_granted = match outcome.trim() {
            "granted" => errs
                .check(
                    "euros_granted",
                    parse_euros(euros).and_then(|e| e.filter(|e| *e > 0).ok_or(ErrorCode::Required)),
                )
                .map(Some),
            "rejected" => Some(None),
            _ => {
                errs.add("outcome", ErrorCode::Required);
                None
            }
        };
        let decided_on = errs.check("decided_on", parse_date(decided_on));
        let decision_ref = errs.check("decision_ref", required_text(decision_ref, TEXT_MAX));
        match (euros_granted, decided_on, decision_ref) {
            (Some(euros_granted), Some(decided_on), Some(decision_ref)) => {
                Ok(GrantDecision { euros_granted, decided_on, decision_ref })
            }
            _ => Err(errs),
        }
    }

    pub fn status(&self) -> ApplicationStatus {
        if self.euros_granted.is_some() {
            ApplicationStatus::Granted
        } else {
            ApplicationStatus::Rejected
        }
    }
}

/// The NGO's report of how the grant was used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UseReport {
    pub text: String,
    /// Euros actually used.
    pub euros_used: Option<i64>,
    pub reported_on: NaiveDate,
}

impl UseReport {
    pub fn parse(text: &str, euros_used: &str, today: NaiveDate) -> Result<UseReport, FieldErrors> {
        let mut errs = FieldErrors::default();
        let text = errs.check("report_text", required_text(text, LONG_MAX));
        let used = errs.check("euros_used", parse_euros(euros_used));
        match (text, used) {
            (Some(text), Some(euros_used)) => Ok(UseReport { text, euros_used, reported_on: today }),
            _ => Err(errs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn calls_parse_and_close_after_their_deadline() {
        let f = CallForm {
            title: "Järjestöavustukset 2027".into(),
            year: "2027".into(),
            total_euros: "50 000".into(),
            deadline: "31.1.2027".into(),
            ..Default::default()
        };
        let c = f.parse().unwrap();
        assert_eq!(c.total_euros, 50_000);
        assert_eq!(CallForm::from_input(&c, 1).parse().unwrap(), c);
        let call = GrantCall { id: 1, org_id: 1, input: c, version: 1 };
        assert!(call.is_open(day("2027-01-31")) && !call.is_open(day("2027-02-01")));
        let bad = CallForm { title: "".into(), year: "27".into(), total_euros: "x".into(), ..f };
        let fields: Vec<_> = bad.parse().unwrap_err().0.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["title", "year", "total_euros"]);
    }

    #[test]
    fn applications_are_decided_then_reported() {
        use ApplicationStatus::*;
        assert_eq!(Applied.transition(Granted), Ok(Granted));
        assert_eq!(Applied.transition(Rejected), Ok(Rejected));
        assert_eq!(Granted.transition(Reported), Ok(Reported));
        for (a, b) in [(Applied, Reported), (Rejected, Reported), (Granted, Rejected), (Reported, Granted)] {
            assert_eq!(a.transition(b), Err(ErrorCode::StateTransitionInvalid));
        }
        assert_eq!(
            ApplicationInput::parse("Ryhmän tilavuokrat", "0").unwrap_err().get("euros_applied"),
            Some(ErrorCode::Required)
        );
        let d = GrantDecision::parse("granted", "3 000", "2027-02-15", "Hyvinvointilautakunta § 5").unwrap();
        assert_eq!((d.euros_granted, d.status()), (Some(3000), Granted));
        assert_eq!(GrantDecision::parse("rejected", "", "2027-02-15", "§ 5").unwrap().status(), Rejected);
        let e = GrantDecision::parse("granted", "", "", "").unwrap_err();
        assert_eq!(e.0.iter().map(|e| e.field).collect::<Vec<_>>(), ["euros_granted", "decided_on", "decision_ref"]);
        let r = UseReport::parse("Ryhmä kokoontui 20 kertaa.", "2 800", day("2027-12-01")).unwrap();
        assert_eq!(r.euros_used, Some(2800));
        assert!(UseReport::parse(" ", "", day("2027-12-01")).is_err());
    }
}
