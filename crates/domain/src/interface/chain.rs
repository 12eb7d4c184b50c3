//! A service chain: its ordered steps, each with the responsible organisation and unit, what
//! happens, who the client is at that point, how the client moves on and the expected wait.

use super::{InterfaceService, PartyRole, TEXT_MAX};
use crate::codes::codes;
use crate::error::{optional_text, ErrorCode, FieldErrors};
use crate::Texts;
use serde::{Deserialize, Serialize};

/// Longest text of a step.
const STEP_MAX: usize = 1_000;

codes! {
    /// How the client moves on to the next step.
    pub enum Handoff: "handoff-" {
        Referral = "referral",
        SharedPlan = "shared_plan",
        WarmHandoff = "warm_handoff",
        SelfReferral = "self_referral",
        /// The chain ends here.
        None = "none",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepInput {
    /// The responsible organisation: one of the service's participants.
    pub org_id: i64,
    pub unit: Option<String>,
    /// What happens.
    pub action: Texts,
    /// Who the client is at this point (may be empty).
    pub client: Texts,
    pub handoff: Handoff,
    /// The client's consent is needed to move on (e.g. to share information).
    pub consent: bool,
    /// The expected waiting time in days.
    pub wait_days: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChainStep {
    pub id: i64,
    pub service_id: i64,
    /// 1, 2, 3… in the chain's order.
    pub position: i64,
    pub input: StepInput,
    pub version: i64,
}

/// Whether `org_id` may edit a step owned by `step_org`: a lead edits every step, a partner its
/// own.
pub fn may_edit_step(service: &InterfaceService, org_id: i64, step_org: i64) -> bool {
    match service.role_of(org_id) {
        Some(PartyRole::Lead) => true,
        Some(_) => org_id == step_org,
        None => false,
    }
}

/// The step form.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct StepForm {
    pub org_id: String,
    pub unit: String,
    pub action_fi: String,
    pub action_sv: String,
    pub action_en: String,
    pub client_fi: String,
    pub client_sv: String,
    pub client_en: String,
    pub handoff: String,
    pub consent: Option<String>,
    pub wait_days: String,
    pub version: i64,
}

impl StepForm {
    /// The step; the responsible organisation must be one of `parties` (`reference_invalid`).
    pub fn parse(&self, parties: &[i64]) -> Result<StepInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let org_id = errs.check(
            "org_id",
            self.org_id.trim().parse::<i64>().ok().filter(|o| parties.contains(o)).ok_or(ErrorCode::ReferenceInvalid),
        );
        let unit = errs.check("unit", optional_text(&self.unit, TEXT_MAX));
        let texts =
            |errs: &mut FieldErrors, v: [&str; 3], f: [&'static str; 3], need: bool| match Texts::parse(v, f, STEP_MAX)
            {
                Ok(t) if need && t.is_empty() => {
                    errs.add(f[0], ErrorCode::Required);
                    None
                }
                Ok(t) => Some(t),
                Err((field, code)) => {
                    errs.add(field, code);
                    None
                }
            };
        let action = texts(
            &mut errs,
            [&self.action_fi, &self.action_sv, &self.action_en],
            ["action_fi", "action_sv", "action_en"],
            true,
        );
        let client = texts(
            &mut errs,
            [&self.client_fi, &self.client_sv, &self.client_en],
            ["client_fi", "client_sv", "client_en"],
            false,
        );
        let handoff = errs.check("handoff", Handoff::parse(&self.handoff).ok_or(ErrorCode::Required));
        let wait_days = errs.check(
            "wait_days",
            match self.wait_days.trim() {
                "" => Ok(None),
                s => s.parse::<i32>().ok().filter(|d| (0..=730).contains(d)).map(Some).ok_or(ErrorCode::NumberInvalid),
            },
        );
        match (org_id, unit, action, client, handoff, wait_days) {
            (Some(org_id), Some(unit), Some(action), Some(client), Some(handoff), Some(wait_days))
                if errs.0.is_empty() =>
            {
                Ok(StepInput { org_id, unit, action, client, handoff, consent: self.consent.is_some(), wait_days })
            }
            _ => Err(errs),
        }
    }

    pub fn from_step(s: &ChainStep) -> StepForm {
        let i = &s.input;
        let t = |o: &Option<String>| o.clone().unwrap_or_default();
        StepForm {
            org_id: i.org_id.to_string(),
            unit: t(&i.unit),
            action_fi: t(&i.action.fi),
            action_sv: t(&i.action.sv),
            action_en: t(&i.action.en),
            client_fi: t(&i.client.fi),
            client_sv: t(&i.client.sv),
            client_en: t(&i.client.en),
            handoff: i.handoff.as_str().into(),
            consent: i.consent.then(|| "on".into()),
            wait_days: i.wait_days.map(|d| d.to_string()).unwrap_or_default(),
            version: s.version,
        }
    }
}

/// The expected waiting time along the whole chain, in days (steps without one count zero).
pub fn total_wait(steps: &[ChainStep]) -> i32 {
    steps.iter().filter_map(|s| s.input.wait_days).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interface::{InterfaceInput, InterfaceKind, Party};
    use crate::population::Groups;
    use crate::Names;

    fn form() -> StepForm {
        StepForm {
            org_id: "7".into(),
            unit: "Terveysasema".into(),
            action_fi: "Liikuntaneuvonnan tarve todetaan".into(),
            client_sv: "Vuxen med låg fysisk aktivitet".into(),
            handoff: "referral".into(),
            consent: Some("on".into()),
            wait_days: "14".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_step_parses_and_names_its_bad_fields() {
        let s = form().parse(&[4, 7]).unwrap();
        assert_eq!((s.org_id, s.consent, s.wait_days), (7, true, Some(14)));
        assert_eq!(s.client.get(crate::Lang::Fi), "Vuxen med låg fysisk aktivitet");
        let mut f = form();
        f.action_fi.clear();
        f.wait_days = "-3".into();
        f.handoff = "teleport".into();
        let fields: Vec<_> = f.parse(&[4]).unwrap_err().0.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            [
                ("org_id", ErrorCode::ReferenceInvalid),
                ("action_fi", ErrorCode::Required),
                ("handoff", ErrorCode::Required),
                ("wait_days", ErrorCode::NumberInvalid)
            ]
        );
    }

    #[test]
    fn a_lead_edits_every_step_and_a_partner_its_own() {
        let svc = InterfaceService {
            id: 1,
            input: InterfaceInput {
                names: Names::new("Ketju", None, None),
                description: None,
                kind: InterfaceKind::ServiceChain,
                areas: vec![],
                target_groups: Groups::default(),
                vulnerable_groups: Groups::default(),
                activity_kinds: vec![],
            },
            parties: vec![Party { org_id: 4, role: PartyRole::Lead }, Party { org_id: 7, role: PartyRole::Partner }],
            published: false,
            version: 1,
        };
        assert!(may_edit_step(&svc, 4, 7));
        assert!(may_edit_step(&svc, 7, 7));
        assert!(!may_edit_step(&svc, 7, 4));
        assert!(!may_edit_step(&svc, 9, 9));
    }
}
