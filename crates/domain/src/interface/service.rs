//! An interface service: its names, kind, participating organisations with their roles, the
//! municipalities it covers and its key target and vulnerable groups.

use super::{LONG_MAX, TEXT_MAX};
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::partners::ActivityKind;
use crate::population::Groups;
use crate::{Lang, Names};
use serde::{Deserialize, Serialize};

codes! {
    pub enum InterfaceKind: "interface-kind-" {
        /// A shared service chain (e.g. the physical-activity chain).
        ServiceChain = "service_chain",
        /// The coordination of a multi-sector service (Ohjaamo, a family centre).
        MultiSector = "multi_sector",
        /// The coordination of participation and volunteering.
        Volunteering = "volunteering",
    }
}

codes! {
    /// What a participating organisation does in the service.
    pub enum PartyRole: "party-role-" {
        /// Leads and coordinates: adds participants and steps, edits every step.
        Lead = "lead",
        Partner = "partner",
        Funder = "funder",
    }
}

/// An organisation taking part, with its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub org_id: i64,
    pub role: PartyRole,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterfaceInput {
    pub names: Names,
    pub description: Option<String>,
    pub kind: InterfaceKind,
    /// Codes of the municipalities it covers.
    pub areas: Vec<String>,
    /// Key target groups.
    pub target_groups: Groups,
    /// Vulnerable groups it must reach.
    pub vulnerable_groups: Groups,
    /// The activity kinds it coordinates (participation and volunteering).
    pub activity_kinds: Vec<ActivityKind>,
}

/// A stored interface service with its participants.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterfaceService {
    pub id: i64,
    pub input: InterfaceInput,
    pub parties: Vec<Party>,
    /// A published chain is public (residents and professionals find it).
    pub published: bool,
    pub version: i64,
}

impl InterfaceService {
    pub fn role_of(&self, org_id: i64) -> Option<PartyRole> {
        self.parties.iter().find(|p| p.org_id == org_id).map(|p| p.role)
    }

    pub fn is_lead(&self, org_id: i64) -> bool {
        self.role_of(org_id) == Some(PartyRole::Lead)
    }

    /// Whether every word of `query` occurs in its names, description or `more` (e.g. the
    /// steps' texts), in any language; and `area` (if given) is one it covers.
    pub fn matches(&self, query: &str, area: Option<&str>, more: &[&str]) -> bool {
        if area.is_some_and(|a| !self.input.areas.iter().any(|x| x == a)) {
            return false;
        }
        let n = &self.input.names;
        let mut hay: Vec<&str> = vec![&n.fi];
        hay.extend(n.sv.as_deref());
        hay.extend(n.en.as_deref());
        hay.extend(self.input.description.as_deref());
        hay.extend(more);
        let hay = hay.join(" ").to_lowercase();
        query.split_whitespace().all(|w| hay.contains(&w.to_lowercase()))
    }

    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        self.input.names.get(lang)
    }
}

/// Parties from a form: `party_org` and `party_role` repeat in step; a row with an empty
/// organisation is skipped, `org_id` (the organisation that edits) is always a lead.
pub fn parse_parties(orgs: &[String], roles: &[String], own: i64) -> Result<Vec<Party>, ErrorCode> {
    let mut out = vec![Party { org_id: own, role: PartyRole::Lead }];
    for (i, o) in orgs.iter().enumerate().take(50) {
        let o = o.trim();
        if o.is_empty() {
            continue;
        }
        let org_id: i64 = o.parse().map_err(|_| ErrorCode::ReferenceInvalid)?;
        let role = roles.get(i).and_then(|r| PartyRole::parse(r)).ok_or(ErrorCode::RoleInvalid)?;
        match out.iter_mut().find(|p| p.org_id == org_id) {
            Some(p) if org_id == own => p.role = PartyRole::Lead,
            Some(p) => p.role = role,
            None => out.push(Party { org_id, role }),
        }
    }
    Ok(out)
}

/// The service form; `areas`, `target_groups`, `vulnerable_groups`, `activity_kinds`,
/// `party_org` and `party_role` repeat.
#[derive(Debug, Clone, Default)]
pub struct InterfaceForm {
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub description: String,
    pub kind: String,
    pub areas: Vec<String>,
    pub target_groups: Vec<String>,
    pub vulnerable_groups: Vec<String>,
    pub activity_kinds: Vec<String>,
    pub party_org: Vec<String>,
    pub party_role: Vec<String>,
    pub version: i64,
}

impl InterfaceForm {
    pub fn from_pairs(pairs: &[(String, String)]) -> InterfaceForm {
        let mut f = InterfaceForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "name_fi" => f.name_fi = v,
                "name_sv" => f.name_sv = v,
                "name_en" => f.name_en = v,
                "description" => f.description = v,
                "kind" => f.kind = v,
                "areas" => f.areas.push(v),
                "target_groups" => f.target_groups.push(v),
                "vulnerable_groups" => f.vulnerable_groups.push(v),
                "activity_kinds" => f.activity_kinds.push(v),
                "party_org" => f.party_org.push(v),
                "party_role" => f.party_role.push(v),
                "version" => f.version = v.trim().parse().unwrap_or(0),
                _ => {}
            }
        }
        f
    }

    /// The service and its parties; `own` is the organisation that edits (kept as a lead).
    pub fn parse(&self, own: i64) -> Result<(InterfaceInput, Vec<Party>), FieldErrors> {
        let mut errs = FieldErrors::default();
        let fi = errs.check("name_fi", required_text(&self.name_fi, TEXT_MAX));
        let sv = errs.check("name_sv", optional_text(&self.name_sv, TEXT_MAX));
        let en = errs.check("name_en", optional_text(&self.name_en, TEXT_MAX));
        let description = errs.check("description", optional_text(&self.description, LONG_MAX));
        let kind = errs.check("kind", InterfaceKind::parse(&self.kind).ok_or(ErrorCode::Required));
        let mut areas: Vec<String> = Vec::new();
        for a in self.areas.iter().map(|a| a.trim()).filter(|a| !a.is_empty()).take(400) {
            if a.len() > 10 || !a.chars().all(|c| c.is_ascii_alphanumeric()) {
                errs.add("areas", ErrorCode::InvalidInput);
                break;
            }
            if !areas.iter().any(|x| x == a) {
                areas.push(a.to_string());
            }
        }
        let groups = |v: &[String]| Groups::parse(v.iter().map(String::as_str)).ok_or(ErrorCode::InvalidInput);
        let target_groups = errs.check("target_groups", groups(&self.target_groups));
        let vulnerable_groups = errs.check("vulnerable_groups", groups(&self.vulnerable_groups));
        let activity_kinds = errs.check(
            "activity_kinds",
            self.activity_kinds.iter().map(|k| ActivityKind::parse(k).ok_or(ErrorCode::InvalidInput)).collect(),
        );
        let parties = errs.check("party_org", parse_parties(&self.party_org, &self.party_role, own));
        match (fi, sv, en, description, kind, target_groups, vulnerable_groups, activity_kinds, parties) {
            (Some(fi), Some(sv), Some(en), Some(description), Some(kind), Some(t), Some(v), Some(k), Some(p))
                if errs.0.is_empty() =>
            {
                let mut activity_kinds: Vec<ActivityKind> = k;
                activity_kinds.dedup();
                let input = InterfaceInput {
                    names: Names::new(fi, sv, en),
                    description,
                    kind,
                    areas,
                    target_groups: t,
                    vulnerable_groups: v,
                    activity_kinds,
                };
                Ok((input, p))
            }
            _ => Err(errs),
        }
    }

    pub fn from_service(s: &InterfaceService) -> InterfaceForm {
        let i = &s.input;
        let codes = |g: &Groups| g.iter().map(|g| g.as_str().to_string()).collect();
        InterfaceForm {
            name_fi: i.names.fi.clone(),
            name_sv: i.names.sv.clone().unwrap_or_default(),
            name_en: i.names.en.clone().unwrap_or_default(),
            description: i.description.clone().unwrap_or_default(),
            kind: i.kind.as_str().into(),
            areas: i.areas.clone(),
            target_groups: codes(&i.target_groups),
            vulnerable_groups: codes(&i.vulnerable_groups),
            activity_kinds: i.activity_kinds.iter().map(|k| k.as_str().to_string()).collect(),
            party_org: s.parties.iter().map(|p| p.org_id.to_string()).collect(),
            party_role: s.parties.iter().map(|p| p.role.as_str().to_string()).collect(),
            version: s.version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population::PopulationGroup;

    fn pairs(extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut p = vec![
            ("name_fi", "Liikuntaneuvonnan palveluketju"),
            ("name_sv", "Servicekedjan för motionsrådgivning"),
            ("kind", "service_chain"),
            ("areas", "297"),
            ("areas", "749"),
            ("target_groups", "working_age"),
            ("vulnerable_groups", "long_term_unemployed"),
            ("party_org", "5"),
            ("party_role", "partner"),
            ("party_org", ""),
            ("party_role", "partner"),
        ];
        p.extend_from_slice(extra);
        p.into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_service_parses_with_its_parties_and_the_editor_as_lead() {
        let (s, parties) = InterfaceForm::from_pairs(&pairs(&[])).parse(4).unwrap();
        assert_eq!(s.areas, ["297", "749"]);
        assert!(s.vulnerable_groups.contains(PopulationGroup::LongTermUnemployed));
        assert_eq!(
            parties,
            [Party { org_id: 4, role: PartyRole::Lead }, Party { org_id: 5, role: PartyRole::Partner }]
        );
        let svc = InterfaceService { id: 1, input: s, parties, published: true, version: 1 };
        assert!(svc.matches("motionsrådgivning", Some("297"), &[]));
        assert!(!svc.matches("motionsrådgivning", Some("091"), &[]));
        assert!(svc.matches("ketju KUNTOSALI", None, &["Kuntosaliryhmä"]));
        let back = InterfaceForm::from_service(&svc).parse(4).unwrap();
        assert_eq!(back.1, svc.parties);
    }

    #[test]
    fn bad_fields_are_named() {
        let p = pairs(&[("party_org", "x"), ("party_role", "lead"), ("target_groups", "martians")]);
        let mut f = InterfaceForm::from_pairs(&p);
        f.name_fi.clear();
        let fields: Vec<_> = f.parse(4).unwrap_err().0.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name_fi", "target_groups", "party_org"]);
    }
}
