//! Cooperation agreements (*yhteistyösopimukset*): parties, the interface services they cover,
//! the term, each party's obligations, resources and contact person, the status, the signed
//! document, and review and renewal dates that remind every party on its front page.

use super::{LONG_MAX, TEXT_MAX};
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::reports::parse_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The largest signed document kept (bytes).
pub const DOCUMENT_MAX: usize = 10 * 1024 * 1024;
/// How many days ahead a review or renewal date reminds the parties.
pub const REMINDER_DAYS: i64 = 90;

codes! {
    pub enum AgreementStatus: "agreement-status-" {
        Draft = "draft",
        Signed = "signed",
        Ended = "ended",
    }
}

codes! {
    pub enum ReminderKind: "reminder-" {
        Review = "review",
        Renewal = "renewal",
    }
}

/// A party's part in an agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Obligation {
    pub org_id: i64,
    pub obligations: String,
    pub resources: Option<String>,
    pub contact: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreementInput {
    pub title: String,
    /// The interface services it covers (at least one).
    pub service_ids: Vec<i64>,
    pub parties: Vec<Obligation>,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub status: AgreementStatus,
    pub review_on: Option<NaiveDate>,
    pub renew_on: Option<NaiveDate>,
}

/// The signed document's facts (its bytes are fetched apart).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentFacts {
    pub filename: String,
    pub size: i64,
    /// SHA-256, hex.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub id: i64,
    pub input: AgreementInput,
    pub document: Option<DocumentFacts>,
    pub version: i64,
}

impl Agreement {
    pub fn is_party(&self, org_id: i64) -> bool {
        self.input.parties.iter().any(|p| p.org_id == org_id)
    }
}

/// A date that comes within [`REMINDER_DAYS`] (or has passed) in an agreement still in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Reminder {
    pub agreement_id: i64,
    pub title: String,
    pub kind: ReminderKind,
    pub date: NaiveDate,
    /// The date has passed.
    pub overdue: bool,
}

/// The reminders of `agreements` on `today`, soonest first; ended agreements remind nobody.
pub fn reminders(agreements: &[Agreement], today: NaiveDate) -> Vec<Reminder> {
    let mut out: Vec<Reminder> = agreements
        .iter()
        .filter(|a| a.input.status != AgreementStatus::Ended)
        .flat_map(|a| {
            [(ReminderKind::Review, a.input.review_on), (ReminderKind::Renewal, a.input.renew_on)]
                .into_iter()
                .filter_map(move |(kind, d)| d.map(|d| (a, kind, d)))
        })
        .filter(|(_, _, d)| (*d - today).num_days() <= REMINDER_DAYS)
        .map(|(a, kind, date)| Reminder {
            agreement_id: a.id,
            title: a.input.title.clone(),
            kind,
            date,
            overdue: date < today,
        })
        .collect();
    out.sort_by_key(|r| r.date);
    out
}

/// Whether `bytes` is a PDF document (`%PDF-` at its start).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// The agreement form. `service_ids` repeats; party rows repeat `party_org`,
/// `party_obligations`, `party_resources` and `party_contact` in step.
#[derive(Debug, Clone, Default)]
pub struct AgreementForm {
    pub title: String,
    pub service_ids: Vec<String>,
    pub party_org: Vec<String>,
    pub party_obligations: Vec<String>,
    pub party_resources: Vec<String>,
    pub party_contact: Vec<String>,
    pub starts_on: String,
    pub ends_on: String,
    pub status: String,
    pub review_on: String,
    pub renew_on: String,
    pub version: i64,
}

impl AgreementForm {
    pub fn from_pairs(pairs: &[(String, String)]) -> AgreementForm {
        let mut f = AgreementForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "title" => f.title = v,
                "service_ids" => f.service_ids.push(v),
                "party_org" => f.party_org.push(v),
                "party_obligations" => f.party_obligations.push(v),
                "party_resources" => f.party_resources.push(v),
                "party_contact" => f.party_contact.push(v),
                "starts_on" => f.starts_on = v,
                "ends_on" => f.ends_on = v,
                "status" => f.status = v,
                "review_on" => f.review_on = v,
                "renew_on" => f.renew_on = v,
                "version" => f.version = v.trim().parse().unwrap_or(0),
                _ => {}
            }
        }
        f
    }

    /// The agreement; `own` (the organisation that edits) must be one of its parties.
    pub fn parse(&self, own: i64) -> Result<AgreementInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let title = errs.check("title", required_text(&self.title, TEXT_MAX));
        let service_ids: Option<Vec<i64>> = errs.check(
            "service_ids",
            self.service_ids
                .iter()
                .filter(|s| !s.trim().is_empty())
                .take(20)
                .map(|s| s.trim().parse::<i64>().map_err(|_| ErrorCode::ReferenceInvalid))
                .collect::<Result<Vec<_>, _>>()
                .and_then(|v| if v.is_empty() { Err(ErrorCode::Required) } else { Ok(v) }),
        );
        let parties = errs.check("party_org", self.parties(own));
        let date = |s: &str| match s.trim() {
            "" => Ok(None),
            s => parse_date(s).map(Some),
        };
        let starts_on = errs.check("starts_on", parse_date(&self.starts_on));
        let ends_on = errs.check("ends_on", date(&self.ends_on));
        if let (Some(s), Some(Some(e))) = (starts_on, ends_on) {
            if e < s {
                errs.add("ends_on", ErrorCode::DateInvalid);
            }
        }
        let status = errs.check("status", AgreementStatus::parse(&self.status).ok_or(ErrorCode::Required));
        let review_on = errs.check("review_on", date(&self.review_on));
        let renew_on = errs.check("renew_on", date(&self.renew_on));
        match (title, service_ids, parties, starts_on, ends_on, status, review_on, renew_on) {
            (
                Some(title),
                Some(mut service_ids),
                Some(parties),
                Some(starts_on),
                Some(ends_on),
                Some(status),
                Some(review_on),
                Some(renew_on),
            ) if errs.0.is_empty() => {
                service_ids.sort_unstable();
                service_ids.dedup();
                Ok(AgreementInput { title, service_ids, parties, starts_on, ends_on, status, review_on, renew_on })
            }
            _ => Err(errs),
        }
    }

    fn parties(&self, own: i64) -> Result<Vec<Obligation>, ErrorCode> {
        fn cell(v: &[String], i: usize) -> &str {
            v.get(i).map(String::as_str).unwrap_or("")
        }
        let mut out: Vec<Obligation> = Vec::new();
        for (i, o) in self.party_org.iter().enumerate().take(30) {
            if o.trim().is_empty() {
                continue;
            }
            let org_id: i64 = o.trim().parse().map_err(|_| ErrorCode::ReferenceInvalid)?;
            if out.iter().any(|p| p.org_id == org_id) {
                return Err(ErrorCode::InvalidInput);
            }
            out.push(Obligation {
                org_id,
                obligations: required_text(cell(&self.party_obligations, i), LONG_MAX)?,
                resources: optional_text(cell(&self.party_resources, i), LONG_MAX)?,
                contact: optional_text(cell(&self.party_contact, i), TEXT_MAX)?,
            });
        }
        if !out.iter().any(|p| p.org_id == own) || out.len() < 2 {
            return Err(ErrorCode::ReferenceInvalid);
        }
        Ok(out)
    }

    pub fn from_agreement(a: &Agreement) -> AgreementForm {
        let i = &a.input;
        let d = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        AgreementForm {
            title: i.title.clone(),
            service_ids: i.service_ids.iter().map(|s| s.to_string()).collect(),
            party_org: i.parties.iter().map(|p| p.org_id.to_string()).collect(),
            party_obligations: i.parties.iter().map(|p| p.obligations.clone()).collect(),
            party_resources: i.parties.iter().map(|p| p.resources.clone().unwrap_or_default()).collect(),
            party_contact: i.parties.iter().map(|p| p.contact.clone().unwrap_or_default()).collect(),
            starts_on: i.starts_on.to_string(),
            ends_on: d(i.ends_on),
            status: i.status.as_str().into(),
            review_on: d(i.review_on),
            renew_on: d(i.renew_on),
            version: a.version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> AgreementForm {
        AgreementForm {
            title: "Liikuntaketjun yhteistyösopimus".into(),
            service_ids: vec!["3".into()],
            party_org: vec!["4".into(), "7".into(), "".into()],
            party_obligations: vec!["Liikuntaneuvonta".into(), "Ryhmät".into(), "".into()],
            party_resources: vec!["0,5 htv".into()],
            party_contact: vec![],
            starts_on: "2026-01-01".into(),
            ends_on: "31.12.2028".into(),
            status: "signed".into(),
            renew_on: "2027-02-01".into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_agreement_parses_and_reminds_within_ninety_days() {
        let input = form().parse(4).unwrap();
        assert_eq!(input.parties.len(), 2);
        assert_eq!(input.parties[0].resources.as_deref(), Some("0,5 htv"));
        let a = Agreement { id: 1, input, document: None, version: 1 };
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(reminders(std::slice::from_ref(&a), day("2026-10-01")).is_empty());
        let r = reminders(std::slice::from_ref(&a), day("2026-12-01"));
        assert_eq!((r[0].kind, r[0].overdue), (ReminderKind::Renewal, false));
        assert!(reminders(std::slice::from_ref(&a), day("2027-03-01"))[0].overdue);
        let mut ended = a;
        ended.input.status = AgreementStatus::Ended;
        assert!(reminders(&[ended], day("2026-12-01")).is_empty());
    }

    #[test]
    fn an_agreement_without_the_editor_or_with_a_bad_term_is_refused() {
        let e = form().parse(9).unwrap_err();
        assert_eq!(e.0[0].field, "party_org");
        let mut f = form();
        f.ends_on = "2025-01-01".into();
        f.party_obligations[1].clear();
        let fields: Vec<_> = f.parse(4).unwrap_err().0.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(fields, [("party_org", ErrorCode::Required), ("ends_on", ErrorCode::DateInvalid)]);
        assert!(is_pdf(b"%PDF-1.7\n"));
        assert!(!is_pdf(b"PK\x03\x04"));
    }
}
