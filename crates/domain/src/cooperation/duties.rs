//! Who owns each statutory HYTE duty (the duties themselves are data in [`crate::admin::law`]):
//! a lead sector and the sectors taking part; a duty without a lead is nobody's.

use super::TEXT_MAX;
use crate::admin::law::LegalRef;
use crate::error::{optional_text, ErrorCode, FieldErrors};
use crate::{Names, OrgKind};
use serde::{Deserialize, Serialize};

/// One statutory duty of an organisation, with every section of Act 612/2021 that gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Duty {
    pub key: &'static str,
    pub names: Names,
    pub law: Vec<LegalRef>,
}

/// The statutory duties of an organisation of `kind` (the table in [`crate::admin::kind`]):
/// §6 for municipalities, §7 for wellbeing services counties, both for Helsinki, none for partners.
pub fn duties(kind: OrgKind) -> Vec<Duty> {
    kind.duties().into_iter().map(|(d, law)| Duty { key: d.key, names: d.names(), law }).collect()
}

/// Who owns one duty.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DutyOwners {
    pub lead: Option<i64>,
    pub parts: Vec<i64>,
}

/// The organisation's named HYTE responsible person and body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Responsibility {
    pub person: Option<String>,
    pub body: Option<String>,
    /// Also guards the duties matrix against concurrent edits.
    pub version: i64,
}

impl Responsibility {
    pub fn parse(person: &str, body: &str) -> Result<(Option<String>, Option<String>), FieldErrors> {
        let mut errs = FieldErrors::default();
        let person = errs.check("person", optional_text(person, TEXT_MAX));
        let body = errs.check("body", optional_text(body, TEXT_MAX));
        match (person, body) {
            (Some(p), Some(b)) => Ok((p, b)),
            _ => Err(errs),
        }
    }
}

/// Parses a duty's form: the lead sector and the sectors taking part, all the organisation's.
pub fn parse_owners(lead: &str, parts: &[String], sectors: &[i64]) -> Result<DutyOwners, ErrorCode> {
    let id = |s: &str| s.trim().parse::<i64>().ok().filter(|i| sectors.contains(i)).ok_or(ErrorCode::SectorInvalid);
    let lead = match lead.trim() {
        "" => None,
        s => Some(id(s)?),
    };
    let mut out = vec![];
    for p in parts {
        let p = id(p)?;
        if Some(p) != lead && !out.contains(&p) {
            out.push(p);
        }
    }
    Ok(DutyOwners { lead, parts: out })
}

/// The duties nobody leads.
pub fn unowned<'a>(duties: &'a [Duty], owners: &std::collections::HashMap<String, DutyOwners>) -> Vec<&'a Duty> {
    duties.iter().filter(|d| owners.get(d.key).is_none_or(|o| o.lead.is_none())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipalities_and_regions_have_their_duties_and_unowned_ones_show() {
        assert_eq!(duties(OrgKind::Municipality).len(), 10);
        assert_eq!(duties(OrgKind::WellbeingCounty).len(), 11);
        assert_eq!(duties(OrgKind::Helsinki).len(), 13);
        assert!(duties(OrgKind::Ngo).is_empty());
        let d = duties(OrgKind::Municipality);
        let mut owners = std::collections::HashMap::new();
        owners.insert("monitor".to_string(), parse_owners("3", &["4".into(), "3".into()], &[3, 4]).unwrap());
        assert_eq!(owners["monitor"], DutyOwners { lead: Some(3), parts: vec![4] });
        owners.insert("goals".to_string(), parse_owners("", &["4".into()], &[3, 4]).unwrap());
        let gaps: Vec<&str> = unowned(&d, &owners).iter().map(|d| d.key).collect();
        assert_eq!(gaps.len(), 9);
        assert!(gaps.contains(&"goals") && !gaps.contains(&"monitor"));
        assert_eq!(parse_owners("9", &[], &[3]), Err(ErrorCode::SectorInvalid));
    }
}
