//! The decisions register: a decision proposal, who decides it, and where it is.

use super::{LONG_MAX, TEXT_MAX};
use crate::admin::user::Membership;
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::reports::parse_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

codes! {
    /// The body that decides (a council is a municipal or a regional council).
    pub enum DecidingBody: "decision-body-" {
        Council = "council",
        Board = "board",
        Committee = "committee",
        OfficeHolder = "office_holder",
        Other = "other",
    }
}

codes! {
    /// What a decision is about, for the rules.
    pub enum DecisionType: "decision-type-" {
        /// Opening, closing or merging schools, day-care centres, libraries, health stations…
        ServiceNetwork = "service_network",
        Budget = "budget",
        LandUse = "land_use",
        ServiceChange = "service_change",
        Strategy = "strategy",
        Fees = "fees",
        Organisation = "organisation",
        Other = "other",
    }
}

codes! {
    /// Where a proposal is: preparing → assessed → decided → followed up.
    pub enum DecisionStatus: "decision-status-" {
        Preparing = "preparing",
        Assessed = "assessed",
        Decided = "decided",
        FollowedUp = "followed_up",
    }
}

impl DecisionStatus {
    /// The allowed steps. Deciding straight from preparing is allowed only when every required
    /// assessment is complete (the store checks that against the rules).
    pub fn transition(self, to: DecisionStatus) -> Result<DecisionStatus, ErrorCode> {
        use DecisionStatus::*;
        match (self, to) {
            (Preparing, Assessed) | (Assessed, Preparing) | (Preparing | Assessed, Decided) | (Decided, FollowedUp) => {
                Ok(to)
            }
            _ => Err(ErrorCode::StateTransitionInvalid),
        }
    }

    /// Whether the proposal and its assessments may still be changed.
    pub fn editable(self) -> bool {
        matches!(self, DecisionStatus::Preparing | DecisionStatus::Assessed)
    }
}

/// A decision proposal in the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub id: i64,
    pub org_id: i64,
    pub input: DecisionInput,
    pub status: DecisionStatus,
    pub outcome: Option<DecisionOutcome>,
    pub follow_up: Option<FollowUp>,
    pub version: i64,
}

/// The proposal as typed in its form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionInput {
    pub title: String,
    pub description: Option<String>,
    pub body: DecidingBody,
    pub decision_type: DecisionType,
    pub sector_id: Option<i64>,
    pub preparer: String,
    pub planned_on: NaiveDate,
    /// Euros the decision involves, if any (the rules may require assessments above an amount).
    pub euros: Option<i64>,
    /// The case's reference or address in the organisation's case-management system.
    pub case_ref: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    pub title: String,
    pub description: String,
    pub body: String,
    pub decision_type: String,
    pub sector_id: String,
    pub preparer: String,
    pub planned_on: String,
    pub euros: String,
    pub case_ref: String,
    pub version: i64,
}

/// A whole number of euros: `250000`, `250 000` or `250 000,00`.
pub fn parse_euros(s: &str) -> Result<Option<i64>, ErrorCode> {
    let t: String = s.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '€').collect();
    if t.is_empty() {
        return Ok(None);
    }
    let whole = t.strip_suffix(",00").or_else(|| t.strip_suffix(".00")).unwrap_or(&t);
    match whole.parse::<i64>() {
        Ok(v) if v >= 0 => Ok(Some(v)),
        _ => Err(ErrorCode::NumberInvalid),
    }
}

impl DecisionForm {
    /// Parses the form for `me`: the proposal's sector must be one `me` may edit (the
    /// sector-editor rule), on creation and on every later edit alike.
    pub fn parse_for(&self, me: &Membership, sectors: &[i64]) -> Result<DecisionInput, FieldErrors> {
        let input = self.parse(sectors)?;
        if !me.may_edit_sector_item(input.sector_id) {
            return Err(ErrorCode::SectorInvalid.on("sector_id"));
        }
        Ok(input)
    }

    /// Parses the form; `sectors` are the organisation's sector ids.
    pub fn parse(&self, sectors: &[i64]) -> Result<DecisionInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let title = errs.check("title", required_text(&self.title, TEXT_MAX));
        let description = errs.check("description", optional_text(&self.description, LONG_MAX));
        let body = errs.check("body", DecidingBody::parse(&self.body).ok_or(ErrorCode::Required));
        let decision_type =
            errs.check("decision_type", DecisionType::parse(&self.decision_type).ok_or(ErrorCode::Required));
        let sector_id = errs.check(
            "sector_id",
            match self.sector_id.trim() {
                "" => Ok(None),
                s => s.parse::<i64>().ok().filter(|id| sectors.contains(id)).map(Some).ok_or(ErrorCode::SectorInvalid),
            },
        );
        let preparer = errs.check("preparer", required_text(&self.preparer, TEXT_MAX));
        let planned_on = errs.check("planned_on", parse_date(&self.planned_on));
        let euros = errs.check("euros", parse_euros(&self.euros));
        let case_ref = errs.check("case_ref", optional_text(&self.case_ref, TEXT_MAX));
        match (title, description, body, decision_type, sector_id, preparer, planned_on, euros, case_ref) {
            (
                Some(title),
                Some(description),
                Some(body),
                Some(decision_type),
                Some(sector_id),
                Some(preparer),
                Some(planned_on),
                Some(euros),
                Some(case_ref),
            ) => Ok(DecisionInput {
                title,
                description,
                body,
                decision_type,
                sector_id,
                preparer,
                planned_on,
                euros,
                case_ref,
            }),
            _ => Err(errs),
        }
    }

    pub fn from_input(d: &DecisionInput, version: i64) -> DecisionForm {
        DecisionForm {
            title: d.title.clone(),
            description: d.description.clone().unwrap_or_default(),
            body: d.body.as_str().into(),
            decision_type: d.decision_type.as_str().into(),
            sector_id: d.sector_id.map(|s| s.to_string()).unwrap_or_default(),
            preparer: d.preparer.clone(),
            planned_on: d.planned_on.to_string(),
            euros: d.euros.map(|e| e.to_string()).unwrap_or_default(),
            case_ref: d.case_ref.clone().unwrap_or_default(),
            version,
        }
    }
}

/// What was decided: when, the minutes' reference, the alternative chosen, and when to check
/// afterwards whether the impacts came true.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionOutcome {
    pub decided_on: NaiveDate,
    pub decision_ref: String,
    pub chosen_alternative: Option<i64>,
    pub follow_up_on: Option<NaiveDate>,
}

impl DecisionOutcome {
    pub fn parse(
        decided_on: &str,
        decision_ref: &str,
        chosen: &str,
        follow_up_on: &str,
        alternatives: &[i64],
    ) -> Result<DecisionOutcome, FieldErrors> {
        let mut errs = FieldErrors::default();
        let decided = errs.check("decided_on", parse_date(decided_on));
        let decision_ref = errs.check("decision_ref", required_text(decision_ref, TEXT_MAX));
        let chosen = errs.check(
            "chosen_alternative",
            match chosen.trim() {
                "" => Ok(None),
                s => s.parse().ok().filter(|a| alternatives.contains(a)).map(Some).ok_or(ErrorCode::InvalidInput),
            },
        );
        let follow_up = errs.check(
            "follow_up_on",
            match follow_up_on.trim() {
                "" => Ok(None),
                s => parse_date(s).map(Some),
            },
        );
        if let (Some(d), Some(Some(f))) = (decided, follow_up) {
            if f <= d {
                errs.add("follow_up_on", ErrorCode::DateInvalid);
            }
        }
        match (decided, decision_ref, chosen, follow_up) {
            (Some(decided_on), Some(decision_ref), Some(chosen_alternative), Some(follow_up_on)) if errs.is_empty() => {
                Ok(DecisionOutcome { decided_on, decision_ref, chosen_alternative, follow_up_on })
            }
            _ => Err(errs),
        }
    }
}

codes! {
    /// Whether the assessed impacts came true, as judged at the follow-up.
    pub enum Realised: "realised-" {
        Yes = "yes",
        Partly = "partly",
        No = "no",
        Unknown = "unknown",
    }
}

/// The ex-post check of a decided proposal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    pub realised: Realised,
    pub note: String,
    pub on: NaiveDate,
}

impl FollowUp {
    pub fn parse(realised: &str, note: &str, today: NaiveDate) -> Result<FollowUp, FieldErrors> {
        let mut errs = FieldErrors::default();
        let realised = errs.check("realised", Realised::parse(realised).ok_or(ErrorCode::Required));
        let note = errs.check("note", required_text(note, LONG_MAX));
        match (realised, note) {
            (Some(realised), Some(note)) => Ok(FollowUp { realised, note, on: today }),
            _ => Err(errs),
        }
    }
}

impl Decision {
    /// The ex-post check is due: decided, with a check date that has come, and not yet done.
    pub fn follow_up_due(&self, today: NaiveDate) -> bool {
        self.status == DecisionStatus::Decided
            && self.outcome.as_ref().and_then(|o| o.follow_up_on).is_some_and(|d| d <= today)
    }

    /// The year a decision counts in for the yearly figures: when it was decided, else planned.
    pub fn year(&self) -> i32 {
        use chrono::Datelike;
        self.outcome.as_ref().map(|o| o.decided_on).unwrap_or(self.input.planned_on).year()
    }
}

/// One option of a decision, assessed side by side with the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    pub id: i64,
    pub decision_id: i64,
    pub position: i32,
    pub name: String,
    pub description: Option<String>,
    /// The zero option: no change.
    pub is_zero: bool,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AlternativeInput {
    pub name: String,
    pub description: Option<String>,
}

impl AlternativeInput {
    pub fn parse(name: &str, description: &str) -> Result<AlternativeInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let name = errs.check("name", required_text(name, TEXT_MAX));
        let description = errs.check("description", optional_text(description, LONG_MAX));
        match (name, description) {
            (Some(name), Some(description)) => Ok(AlternativeInput { name, description }),
            _ => Err(errs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sector_editor_keeps_proposals_in_its_sector() {
        use crate::admin::user::Role;
        let form = |sector: &str| DecisionForm {
            title: "Kyläkoulun lakkauttaminen".into(),
            body: "council".into(),
            decision_type: "service_network".into(),
            sector_id: sector.into(),
            preparer: "Sivistysjohtaja".into(),
            planned_on: "1.3.2027".into(),
            ..DecisionForm::default()
        };
        let editor = Membership { user_id: 1, org_id: 1, role: Role::Editor, sector_id: Some(7), version: 1 };
        let coordinator = Membership { role: Role::Coordinator, sector_id: None, ..editor.clone() };
        assert!(form("7").parse_for(&editor, &[7, 8]).is_ok());
        for other in ["8", ""] {
            let e = form(other).parse_for(&editor, &[7, 8]).unwrap_err();
            assert_eq!(e.get("sector_id"), Some(ErrorCode::SectorInvalid), "sector {other:?}");
            assert!(form(other).parse_for(&coordinator, &[7, 8]).is_ok());
        }
    }

    fn form() -> DecisionForm {
        DecisionForm {
            title: "Kyläkoulun lakkauttaminen".into(),
            body: "council".into(),
            decision_type: "service_network".into(),
            sector_id: "7".into(),
            preparer: "Opetusjohtaja".into(),
            planned_on: "15.3.2027".into(),
            euros: "250 000".into(),
            ..Default::default()
        }
    }

    #[test]
    fn proposals_parse_with_field_errors() {
        let d = form().parse(&[7]).unwrap();
        assert_eq!(d.body, DecidingBody::Council);
        assert_eq!(d.decision_type, DecisionType::ServiceNetwork);
        assert_eq!(d.euros, Some(250_000));
        assert_eq!(d.planned_on, NaiveDate::from_ymd_opt(2027, 3, 15).unwrap());
        assert_eq!(DecisionForm::from_input(&d, 1).parse(&[7]).unwrap(), d);
        let bad = DecisionForm { title: " ".into(), euros: "-5".into(), sector_id: "9".into(), ..form() };
        let e = bad.parse(&[7]).unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| (f.field, f.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("title", ErrorCode::Required),
                ("sector_id", ErrorCode::SectorInvalid),
                ("euros", ErrorCode::NumberInvalid)
            ]
        );
        assert_eq!(parse_euros("1 200,00 €"), Ok(Some(1200)));
        assert_eq!(parse_euros(""), Ok(None));
    }

    #[test]
    fn the_status_moves_forward() {
        use DecisionStatus::*;
        assert_eq!(Preparing.transition(Assessed), Ok(Assessed));
        assert_eq!(Assessed.transition(Decided), Ok(Decided));
        assert_eq!(Preparing.transition(Decided), Ok(Decided));
        assert_eq!(Decided.transition(FollowedUp), Ok(FollowedUp));
        for (a, b) in [(Preparing, FollowedUp), (Decided, Preparing), (FollowedUp, Decided), (Assessed, FollowedUp)] {
            assert_eq!(a.transition(b), Err(ErrorCode::StateTransitionInvalid));
        }
        assert!(Preparing.editable() && Assessed.editable() && !Decided.editable());
    }

    #[test]
    fn outcomes_need_a_later_follow_up_date() {
        let o = DecisionOutcome::parse("2027-03-15", "KV 15.3.2027 § 12", "3", "2028-03-15", &[3, 4]).unwrap();
        assert_eq!(o.chosen_alternative, Some(3));
        let e = DecisionOutcome::parse("2027-03-15", "", "5", "2027-01-01", &[3]).unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| f.field).collect();
        assert_eq!(fields, vec!["decision_ref", "chosen_alternative", "follow_up_on"]);
    }
}
