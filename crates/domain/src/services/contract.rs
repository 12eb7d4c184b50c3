//! Contracts with providers (purchase agreements, service voucher rules, partnership agreements)
//! and their HYTE quality criteria, each with a measure, a monitoring schedule and an incentive
//! and sanction rule (*kannuste ja sanktio*).

use super::{parse_decimal, parse_percent, Schedule, LONG_MAX, TEXT_MAX};
use crate::assessment::parse_euros;
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::reports::parse_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

codes! {
    pub enum ContractKind: "contract-kind-" {
        Purchase = "purchase",
        VoucherRules = "voucher_rules",
        Partnership = "partnership",
    }
}

codes! {
    /// Which way a criterion's value is better.
    pub enum Direction: "direction-" {
        HigherBetter = "higher_better",
        LowerBetter = "lower_better",
    }
}

codes! {
    /// Where a criterion's values come from: the provider's own reports, or a knowledge-base
    /// indicator (national or the county's own data), so a provider's fulfilment and the county's
    /// goals are computed from the same numbers.
    pub enum Source: "criterion-source-" {
        Provider = "provider",
        Indicator = "indicator",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContractInput {
    pub title: String,
    pub kind: ContractKind,
    pub provider_id: i64,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    /// The yearly payment in euros, the base of incentives and sanctions.
    pub annual_euros: i64,
    /// The share of the payment that depends on HYTE criteria (the payment basis' HYTE component), %.
    pub hyte_share: Option<f64>,
    pub hyte_tasks: Option<String>,
    /// The services of the county's register the contract covers.
    pub service_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contract {
    pub id: i64,
    /// The county.
    pub org_id: i64,
    pub input: ContractInput,
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ContractForm {
    pub title: String,
    pub kind: String,
    pub provider_id: String,
    pub starts: String,
    pub ends: String,
    pub annual_euros: String,
    pub hyte_share: String,
    pub hyte_tasks: String,
    pub service_ids: Vec<String>,
    pub version: i64,
}

impl ContractForm {
    /// The form from its posted pairs (`service_ids` repeats).
    pub fn from_pairs(pairs: &[(String, String)]) -> ContractForm {
        let mut f = ContractForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "title" => f.title = v,
                "kind" => f.kind = v,
                "provider_id" => f.provider_id = v,
                "starts" => f.starts = v,
                "ends" => f.ends = v,
                "annual_euros" => f.annual_euros = v,
                "hyte_share" => f.hyte_share = v,
                "hyte_tasks" => f.hyte_tasks = v,
                "service_ids" => f.service_ids.push(v),
                "version" => f.version = v.trim().parse().unwrap_or(0),
                _ => {}
            }
        }
        f
    }

    pub fn parse(&self) -> Result<ContractInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let title = errs.check("title", required_text(&self.title, TEXT_MAX));
        let kind = errs.check("kind", ContractKind::parse(&self.kind).ok_or(ErrorCode::Required));
        let provider_id =
            errs.check("provider_id", self.provider_id.trim().parse::<i64>().map_err(|_| ErrorCode::ReferenceInvalid));
        let starts = errs.check("starts", parse_date(&self.starts));
        let ends = errs.check("ends", parse_date(&self.ends));
        let annual =
            errs.check("annual_euros", parse_euros(&self.annual_euros).and_then(|e| e.ok_or(ErrorCode::Required)));
        let share = errs.check(
            "hyte_share",
            if self.hyte_share.trim().is_empty() { Ok(None) } else { parse_percent(&self.hyte_share).map(Some) },
        );
        let tasks = errs.check("hyte_tasks", optional_text(&self.hyte_tasks, LONG_MAX));
        let services = errs.check(
            "service_ids",
            self.service_ids
                .iter()
                .filter(|s| !s.trim().is_empty())
                .map(|s| s.trim().parse::<i64>().map_err(|_| ErrorCode::ReferenceInvalid))
                .collect::<Result<Vec<_>, _>>(),
        );
        if let (Some(s), Some(e)) = (starts, ends) {
            if e < s {
                errs.add("ends", ErrorCode::DateInvalid);
            }
        }
        match (title, kind, provider_id, starts, ends, annual, share, tasks, services) {
            (
                Some(title),
                Some(kind),
                Some(provider_id),
                Some(starts),
                Some(ends),
                Some(annual_euros),
                Some(hyte_share),
                Some(hyte_tasks),
                Some(service_ids),
            ) if errs.0.is_empty() => Ok(ContractInput {
                title,
                kind,
                provider_id,
                starts,
                ends,
                annual_euros,
                hyte_share,
                hyte_tasks,
                service_ids,
            }),
            _ => Err(errs),
        }
    }

    pub fn from_input(c: &ContractInput, version: i64) -> ContractForm {
        ContractForm {
            title: c.title.clone(),
            kind: c.kind.as_str().into(),
            provider_id: c.provider_id.to_string(),
            starts: c.starts.to_string(),
            ends: c.ends.to_string(),
            annual_euros: c.annual_euros.to_string(),
            hyte_share: c.hyte_share.map(|v| v.to_string()).unwrap_or_default(),
            hyte_tasks: c.hyte_tasks.clone().unwrap_or_default(),
            service_ids: c.service_ids.iter().map(|i| i.to_string()).collect(),
            version,
        }
    }
}

/// An incentive and sanction rule of one criterion: a bonus of `bonus_pct` % of the period's
/// payment when the target is met; a sanction of `sanction_pct` % when it is missed by more than
/// `margin_pct` % of the target; each at most `cap_euros` per period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IncentiveRule {
    pub bonus_pct: f64,
    pub sanction_pct: f64,
    pub margin_pct: f64,
    pub cap_euros: Option<i64>,
}

impl IncentiveRule {
    /// Parses a rule's four fields (an empty percentage is 0, an empty cap none); the errors name
    /// `bonus_pct`, `sanction_pct`, `margin_pct` and `cap_euros`.
    pub fn parse(bonus: &str, sanction: &str, margin: &str, cap: &str) -> Result<IncentiveRule, FieldErrors> {
        let mut errs = FieldErrors::default();
        let pct = |s: &str| if s.trim().is_empty() { Ok(0.0) } else { parse_percent(s) };
        let bonus = errs.check("bonus_pct", pct(bonus));
        let sanction = errs.check("sanction_pct", pct(sanction));
        let margin = errs.check("margin_pct", pct(margin));
        let cap = errs.check("cap_euros", parse_euros(cap));
        match (bonus, sanction, margin, cap) {
            (Some(bonus_pct), Some(sanction_pct), Some(margin_pct), Some(cap_euros)) => {
                Ok(IncentiveRule { bonus_pct, sanction_pct, margin_pct, cap_euros })
            }
            _ => Err(errs),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionInput {
    pub name: String,
    pub unit: String,
    pub target: f64,
    pub direction: Direction,
    pub source: Source,
    /// The knowledge-base indicator, for `source = indicator`.
    pub indicator_id: Option<i64>,
    pub schedule: Schedule,
    pub rule: IncentiveRule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: i64,
    pub contract_id: i64,
    pub input: CriterionInput,
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CriterionForm {
    pub name: String,
    pub unit: String,
    pub target: String,
    pub direction: String,
    pub source: String,
    pub indicator_id: String,
    pub schedule: String,
    pub bonus_pct: String,
    pub sanction_pct: String,
    pub margin_pct: String,
    pub cap_euros: String,
    pub version: i64,
}

impl CriterionForm {
    pub fn parse(&self) -> Result<CriterionInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let name = errs.check("name", required_text(&self.name, TEXT_MAX));
        let unit = errs.check("unit", required_text(&self.unit, 40));
        let target = errs.check("target", parse_decimal(&self.target));
        let direction = errs.check("direction", Direction::parse(&self.direction).ok_or(ErrorCode::Required));
        let source = errs.check("source", Source::parse(&self.source).ok_or(ErrorCode::Required));
        let indicator = errs.check("indicator_id", super::optional_id(&self.indicator_id, ErrorCode::IndicatorInvalid));
        let schedule = errs.check("schedule", Schedule::parse(&self.schedule).ok_or(ErrorCode::Required));
        let rule = IncentiveRule::parse(&self.bonus_pct, &self.sanction_pct, &self.margin_pct, &self.cap_euros)
            .map_err(|e| errs.0.extend(e.0))
            .ok();
        match (source, indicator, schedule) {
            (Some(Source::Indicator), Some(None), _) => errs.add("indicator_id", ErrorCode::Required),
            (Some(Source::Provider), Some(Some(_)), _) => errs.add("indicator_id", ErrorCode::InvalidInput),
            // Knowledge-base values are yearly.
            (Some(Source::Indicator), _, Some(s)) if s != Schedule::Yearly => {
                errs.add("schedule", ErrorCode::InvalidInput)
            }
            _ => {}
        }
        match (name, unit, target, direction, source, indicator, schedule, rule) {
            (
                Some(name),
                Some(unit),
                Some(target),
                Some(direction),
                Some(source),
                Some(indicator_id),
                Some(schedule),
                Some(rule),
            ) if errs.0.is_empty() => {
                Ok(CriterionInput { name, unit, target, direction, source, indicator_id, schedule, rule })
            }
            _ => Err(errs),
        }
    }

    pub fn from_input(c: &CriterionInput, version: i64) -> CriterionForm {
        CriterionForm {
            name: c.name.clone(),
            unit: c.unit.clone(),
            target: c.target.to_string(),
            direction: c.direction.as_str().into(),
            source: c.source.as_str().into(),
            indicator_id: c.indicator_id.map(|i| i.to_string()).unwrap_or_default(),
            schedule: c.schedule.as_str().into(),
            bonus_pct: c.rule.bonus_pct.to_string(),
            sanction_pct: c.rule.sanction_pct.to_string(),
            margin_pct: c.rule.margin_pct.to_string(),
            cap_euros: c.rule.cap_euros.map(|e| e.to_string()).unwrap_or_default(),
            version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn criterion_form() -> CriterionForm {
        CriterionForm {
            name: "Mini-interventio 18+ asiakkaille".into(),
            unit: "%".into(),
            target: "80".into(),
            direction: "higher_better".into(),
            source: "provider".into(),
            schedule: "quarterly".into(),
            bonus_pct: "1".into(),
            sanction_pct: "0,5".into(),
            margin_pct: "10".into(),
            cap_euros: "5 000".into(),
            ..Default::default()
        }
    }

    #[test]
    fn criteria_parse_with_their_rule() {
        let c = criterion_form().parse().unwrap();
        assert_eq!(
            c.rule,
            IncentiveRule { bonus_pct: 1.0, sanction_pct: 0.5, margin_pct: 10.0, cap_euros: Some(5000) }
        );
        assert_eq!(CriterionForm::from_input(&c, 1).parse().unwrap(), c);
    }

    #[test]
    fn indicator_criteria_name_an_indicator_and_are_yearly() {
        let mut f = criterion_form();
        f.source = "indicator".into();
        let fields: Vec<_> = f.parse().unwrap_err().0.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["indicator_id"]);
        f.indicator_id = "683".into();
        let fields: Vec<_> = f.parse().unwrap_err().0.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["schedule"]);
        f.schedule = "yearly".into();
        assert_eq!(f.parse().unwrap().indicator_id, Some(683));
    }

    #[test]
    fn contracts_end_after_they_start() {
        let f = ContractForm {
            title: "Päihdepalvelut".into(),
            kind: "purchase".into(),
            provider_id: "2".into(),
            starts: "2025-01-01".into(),
            ends: "2024-12-31".into(),
            annual_euros: "480 000".into(),
            ..Default::default()
        };
        let fields: Vec<_> = f.parse().unwrap_err().0.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["ends"]);
    }
}
