//! Which proposals need an assessment: an organisation's rules, each naming a template and
//! the conditions (deciding body, type, sector, euro amount) under which it applies.

use super::{DecidingBody, DecisionInput, DecisionType};
use crate::error::{ErrorCode, FieldErrors};
use serde::{Deserialize, Serialize};

/// A rule: a proposal meeting every condition given needs an assessment with `template_key`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub id: i64,
    pub org_id: i64,
    pub input: RuleInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleInput {
    pub template_key: String,
    pub body: Option<DecidingBody>,
    pub decision_type: Option<DecisionType>,
    pub sector_id: Option<i64>,
    pub min_euros: Option<i64>,
}

impl RuleInput {
    pub fn matches(&self, d: &DecisionInput) -> bool {
        self.body.is_none_or(|b| b == d.body)
            && self.decision_type.is_none_or(|t| t == d.decision_type)
            && self.sector_id.is_none_or(|s| Some(s) == d.sector_id)
            && self.min_euros.is_none_or(|m| d.euros.is_some_and(|e| e >= m))
    }

    /// Parses the rule form; `templates` are the organisation's template keys, `sectors` its
    /// sector ids. A rule needs at least one condition.
    pub fn parse(
        template_key: &str,
        body: &str,
        decision_type: &str,
        sector_id: &str,
        min_euros: &str,
        templates: &[String],
        sectors: &[i64],
    ) -> Result<RuleInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let key = template_key.trim();
        if !templates.iter().any(|t| t == key) {
            errs.add("template_key", ErrorCode::Required);
        }
        let optional = |s: &str| if s.trim().is_empty() { None } else { Some(s.trim().to_string()) };
        let body = errs
            .check("body", optional(body).map(|b| DecidingBody::parse(&b).ok_or(ErrorCode::InvalidInput)).transpose());
        let decision_type = errs.check(
            "decision_type",
            optional(decision_type).map(|t| DecisionType::parse(&t).ok_or(ErrorCode::InvalidInput)).transpose(),
        );
        let sector_id = errs.check(
            "sector_id",
            optional(sector_id)
                .map(|s| s.parse().ok().filter(|id| sectors.contains(id)).ok_or(ErrorCode::SectorInvalid))
                .transpose(),
        );
        let min_euros = errs.check("min_euros", super::parse_euros(min_euros));
        match (body, decision_type, sector_id, min_euros) {
            (Some(body), Some(decision_type), Some(sector_id), Some(min_euros)) if errs.is_empty() => {
                if body.is_none() && decision_type.is_none() && sector_id.is_none() && min_euros.is_none() {
                    errs.add("body", ErrorCode::Required);
                    return Err(errs);
                }
                Ok(RuleInput { template_key: key.to_string(), body, decision_type, sector_id, min_euros })
            }
            _ => Err(errs),
        }
    }
}

/// The template keys that `rules` require for a proposal, each once, in rule order.
pub fn required_templates(rules: &[Rule], d: &DecisionInput) -> Vec<String> {
    let mut keys: Vec<String> = vec![];
    for r in rules.iter().filter(|r| r.input.matches(d)) {
        if !keys.contains(&r.input.template_key) {
            keys.push(r.input.template_key.clone());
        }
    }
    keys
}

/// The rules every organisation starts with: council decisions get an IVA; service-network
/// changes (schools, day care, libraries, health stations) an IVA and a LAVA; land use the
/// environmental impacts; decisions of a million euros or more the economic impacts.
pub fn default_rules() -> Vec<RuleInput> {
    let r = |key: &str, body, decision_type, min_euros| RuleInput {
        template_key: key.into(),
        body,
        decision_type,
        sector_id: None,
        min_euros,
    };
    vec![
        r("iva", Some(DecidingBody::Council), None, None),
        r("iva", None, Some(DecisionType::ServiceNetwork), None),
        r("lava", None, Some(DecisionType::ServiceNetwork), None),
        r("environmental", None, Some(DecisionType::LandUse), None),
        r("economic", None, None, Some(1_000_000)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn proposal(body: DecidingBody, t: DecisionType, euros: Option<i64>) -> DecisionInput {
        DecisionInput {
            title: "x".into(),
            description: None,
            body,
            decision_type: t,
            sector_id: Some(3),
            preparer: "p".into(),
            planned_on: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            euros,
            case_ref: None,
        }
    }

    fn rules() -> Vec<Rule> {
        default_rules().into_iter().enumerate().map(|(i, input)| Rule { id: i as i64, org_id: 1, input }).collect()
    }

    #[test]
    fn a_school_closure_needs_an_iva_and_a_lava() {
        let d = proposal(DecidingBody::Council, DecisionType::ServiceNetwork, None);
        assert_eq!(required_templates(&rules(), &d), ["iva", "lava"]);
        let d = proposal(DecidingBody::Committee, DecisionType::Fees, Some(20_000));
        assert!(required_templates(&rules(), &d).is_empty());
        let d = proposal(DecidingBody::Board, DecisionType::Budget, Some(1_000_000));
        assert_eq!(required_templates(&rules(), &d), ["economic"]);
    }

    #[test]
    fn every_condition_must_hold() {
        let t = vec!["iva".to_string()];
        let r = RuleInput::parse("iva", "committee", "", "3", "", &t, &[3]).unwrap();
        assert!(r.matches(&proposal(DecidingBody::Committee, DecisionType::Other, None)));
        assert!(!r.matches(&proposal(DecidingBody::Council, DecisionType::Other, None)));
        let e = RuleInput::parse("iva", "", "", "", "", &t, &[3]).unwrap_err();
        assert_eq!(e.get("body"), Some(ErrorCode::Required));
        let e = RuleInput::parse("nope", "x", "", "9", "", &t, &[3]).unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| f.field).collect();
        assert_eq!(fields, ["template_key", "body", "sector_id"]);
    }
}
