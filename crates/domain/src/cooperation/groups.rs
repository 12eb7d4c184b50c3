//! Groups that lead and coordinate HYTE work (steering and welfare groups, the cooperation
//! pool, advisory councils), their members, meetings and the agreements made (who does what by
//! when, tracked to done); and contact pairs between the region and its municipalities.

use super::{LONG_MAX, TEXT_MAX};
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::reports::parse_date;
use crate::OrgKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

codes! {
    pub enum GroupKind: "group-kind-" {
        SteeringGroup = "steering_group",
        WelfareGroup = "welfare_group",
        CooperationPool = "cooperation_pool",
        AdvisoryCouncil = "advisory_council",
        Other = "other",
    }
}

codes! {
    pub enum MemberRole: "member-role-" {
        Chair = "chair",
        Member = "member",
        Secretary = "secretary",
        Expert = "expert",
    }
}

codes! {
    /// Themes of contact pairs (*vastinparit*) between the region and its municipalities.
    pub enum ContactTheme: "contact-theme-" {
        SubstancePrevention = "substance_prevention",
        AccidentPrevention = "accident_prevention",
        ViolencePrevention = "violence_prevention",
        PhysicalActivity = "physical_activity",
        MentalHealth = "mental_health",
        Participation = "participation",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupInput {
    pub kind: GroupKind,
    pub name: String,
    /// Its mandate: who set it up and what it may decide.
    pub mandate: Option<String>,
    pub tasks: Option<String>,
    pub chair: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: i64,
    pub org_id: i64,
    pub input: GroupInput,
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GroupForm {
    pub kind: String,
    pub name: String,
    pub mandate: String,
    pub tasks: String,
    pub chair: String,
    pub version: i64,
}

impl GroupForm {
    pub fn parse(&self) -> Result<GroupInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let kind = e.check("kind", GroupKind::parse(&self.kind).ok_or(ErrorCode::Required));
        let name = e.check("name", required_text(&self.name, TEXT_MAX));
        let mandate = e.check("mandate", optional_text(&self.mandate, LONG_MAX));
        let tasks = e.check("tasks", optional_text(&self.tasks, LONG_MAX));
        let chair = e.check("chair", optional_text(&self.chair, TEXT_MAX));
        match (kind, name, mandate, tasks, chair) {
            (Some(kind), Some(name), Some(mandate), Some(tasks), Some(chair)) => {
                Ok(GroupInput { kind, name, mandate, tasks, chair })
            }
            _ => Err(e),
        }
    }

    pub fn from_input(g: &GroupInput, version: i64) -> GroupForm {
        GroupForm {
            kind: g.kind.as_str().into(),
            name: g.name.clone(),
            mandate: g.mandate.clone().unwrap_or_default(),
            tasks: g.tasks.clone().unwrap_or_default(),
            chair: g.chair.clone().unwrap_or_default(),
            version,
        }
    }
}

/// A member: a person, from an organisation of some kind (municipality, NGO, parish, police…),
/// which may be an organisation in Hyte.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberInput {
    pub person: String,
    pub org_name: String,
    pub org_kind: OrgKind,
    pub member_org_id: Option<i64>,
    pub role: MemberRole,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: i64,
    pub group_id: i64,
    pub input: MemberInput,
}

impl MemberInput {
    /// `orgs` are the organisations in Hyte one may pick: (id, name, kind).
    pub fn parse(
        person: &str,
        member_org: &str,
        org_name: &str,
        org_kind: &str,
        role: &str,
        orgs: &[(i64, String, OrgKind)],
    ) -> Result<MemberInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let person = e.check("person", required_text(person, TEXT_MAX));
        let role = e.check("role", MemberRole::parse(role).ok_or(ErrorCode::Required));
        let picked = match member_org.trim() {
            "" => Ok(None),
            s => s
                .parse::<i64>()
                .ok()
                .and_then(|id| orgs.iter().find(|o| o.0 == id))
                .map(Some)
                .ok_or(ErrorCode::InvalidInput),
        };
        let picked = e.check("member_org", picked);
        let (name, kind) = match picked {
            Some(Some((id, name, kind))) => (Some(name.clone()), Some((*kind, Some(*id)))),
            Some(None) => (
                e.check("org_name", required_text(org_name, TEXT_MAX)),
                e.check("org_kind", OrgKind::parse(org_kind).ok_or(ErrorCode::Required).map(|k| (k, None))),
            ),
            None => (None, None),
        };
        match (person, role, name, kind) {
            (Some(person), Some(role), Some(org_name), Some((org_kind, member_org_id))) => {
                Ok(MemberInput { person, org_name, org_kind, member_org_id, role })
            }
            _ => Err(e),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingInput {
    pub held_on: NaiveDate,
    pub agenda: Option<String>,
    pub minutes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: i64,
    pub group_id: i64,
    pub input: MeetingInput,
    pub version: i64,
}

impl MeetingInput {
    pub fn parse(held_on: &str, agenda: &str, minutes: &str) -> Result<MeetingInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let held_on = e.check("held_on", parse_date(held_on));
        let agenda = e.check("agenda", optional_text(agenda, LONG_MAX));
        let minutes = e.check("minutes", optional_text(minutes, LONG_MAX));
        match (held_on, agenda, minutes) {
            (Some(held_on), Some(agenda), Some(minutes)) => Ok(MeetingInput { held_on, agenda, minutes }),
            _ => Err(e),
        }
    }
}

/// An agreement made in a meeting: who does what by when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreementInput {
    pub what: String,
    pub who: String,
    pub due_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub id: i64,
    pub group_id: i64,
    pub meeting_id: i64,
    pub input: AgreementInput,
    pub done_on: Option<NaiveDate>,
    pub version: i64,
}

impl AgreementInput {
    pub fn parse(what: &str, who: &str, due_on: &str) -> Result<AgreementInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let what = e.check("what", required_text(what, LONG_MAX));
        let who = e.check("who", required_text(who, TEXT_MAX));
        let due_on = e.check("due_on", parse_date(due_on));
        match (what, who, due_on) {
            (Some(what), Some(who), Some(due_on)) => Ok(AgreementInput { what, who, due_on }),
            _ => Err(e),
        }
    }
}

impl Agreement {
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.done_on.is_none() && self.input.due_on < today
    }

    /// Not done and due within the deadline window ([`super::deadline_horizon`]), late ones included.
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.done_on.is_none() && self.input.due_on <= super::deadline_horizon(today)
    }
}

/// A named contact for a theme: on the region's side (`municipality_area_id` None) or in one of
/// its municipalities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactPair {
    pub id: i64,
    pub org_id: i64,
    pub theme: ContactTheme,
    pub municipality_area_id: Option<i64>,
    pub input: ContactInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactInput {
    pub person: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl ContactInput {
    pub fn parse(person: &str, email: &str, phone: &str) -> Result<ContactInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let person = e.check("person", required_text(person, TEXT_MAX));
        let email = e.check(
            "email",
            match email.trim() {
                "" => Ok(None),
                s => crate::Email::parse(s).map(|m| Some(m.as_str().to_string())),
            },
        );
        let phone = e.check("phone", optional_text(phone, 40));
        match (person, email, phone) {
            (Some(person), Some(email), Some(phone)) => Ok(ContactInput { person, email, phone }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_come_from_hyte_or_are_named() {
        let orgs = vec![(5, "Kuopion kaupunki".to_string(), OrgKind::Municipality)];
        let m = MemberInput::parse("Anna", "5", "", "", "member", &orgs).unwrap();
        assert_eq!(
            (m.org_name.as_str(), m.org_kind, m.member_org_id),
            ("Kuopion kaupunki", OrgKind::Municipality, Some(5))
        );
        let m = MemberInput::parse("Pekka", "", "Kuopion seurakuntayhtymä", "parish", "chair", &orgs).unwrap();
        assert_eq!((m.org_kind, m.role), (OrgKind::Parish, MemberRole::Chair));
        let e = MemberInput::parse("", "", "", "", "", &orgs).unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| f.field).collect();
        assert_eq!(fields, ["person", "role", "org_name", "org_kind"]);
    }

    #[test]
    fn agreements_are_overdue_until_done() {
        let a = AgreementInput::parse("Kokoaa järjestöjen toimintakalenterin", "Järjestöyhteyshenkilö", "1.3.2027")
            .unwrap();
        let mut x = Agreement { id: 1, group_id: 1, meeting_id: 1, input: a, done_on: None, version: 1 };
        let day = |s| parse_date(s).unwrap();
        assert!(!x.overdue(day("2027-03-01")) && x.overdue(day("2027-03-02")));
        assert!(x.is_due(day("2027-01-01")) && !x.is_due(day("2026-12-31")) && x.is_due(day("2027-05-01")));
        x.done_on = Some(day("2027-02-20"));
        assert!(!x.is_due(day("2027-02-21")));
        assert!(!x.overdue(day("2027-04-01")));
        assert!(ContactInput::parse("Maija", "ei-osoite", "").is_err());
    }
}
