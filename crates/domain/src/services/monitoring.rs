//! Monitoring: a provider reports each criterion's value per period; the county accepts the
//! report or returns it with a comment. The fulfilment and the euro effect of the criterion's
//! rule are computed here, from the same numbers wherever they are shown.

use super::{parse_decimal, Criterion, CriterionInput, Direction, IncentiveRule, Period, LONG_MAX};
use crate::codes::codes;
use crate::error::{optional_text, ErrorCode, FieldErrors};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

codes! {
    pub enum ReportState: "monitoring-state-" {
        Submitted = "submitted",
        Accepted = "accepted",
        Returned = "returned",
    }
}

impl ReportState {
    /// A provider may write (again) until the county accepts.
    pub fn provider_may_write(self) -> bool {
        self != ReportState::Accepted
    }
}

/// What a provider reports for one criterion and period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportInput {
    pub criterion_id: i64,
    pub period: String,
    pub value: f64,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonitoringReport {
    pub id: i64,
    pub criterion_id: i64,
    pub period: String,
    pub value: f64,
    pub comment: Option<String>,
    pub state: ReportState,
    /// The county's comment when it returned the report.
    pub review_comment: Option<String>,
    pub reported_at: DateTime<Utc>,
    pub version: i64,
}

/// Parses one reported value against its criterion (the period must be of its schedule).
pub fn parse_report(c: &Criterion, period: &str, value: &str, comment: &str) -> Result<ReportInput, FieldErrors> {
    let mut errs = FieldErrors::default();
    let period = errs.check("period", Period::parse(period, c.input.schedule));
    let value = errs.check("value", parse_decimal(value));
    let comment = errs.check("comment", optional_text(comment, LONG_MAX));
    match (period, value, comment) {
        (Some(p), Some(value), Some(comment)) => {
            Ok(ReportInput { criterion_id: c.id, period: p.code(), value, comment })
        }
        _ => Err(errs),
    }
}

/// The county's answer to a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub accept: bool,
    pub comment: Option<String>,
}

impl Review {
    /// A returned report needs a comment saying why.
    pub fn parse(accept: bool, comment: &str) -> Result<Review, FieldErrors> {
        let comment = optional_text(comment, LONG_MAX).map_err(|e| e.on("review_comment"))?;
        if !accept && comment.is_none() {
            return Err(ErrorCode::Required.on("review_comment"));
        }
        Ok(Review { accept, comment })
    }
}

codes! {
    /// How a period's value compares with the target.
    pub enum Outcome: "outcome-" {
        Met = "met",
        /// Missed, but within the rule's margin: no sanction.
        Near = "near",
        Missed = "missed",
    }
}

/// A period's fulfilment and its euro effect under the rule.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Evaluation {
    pub outcome: Outcome,
    /// How far from the target, in per cent of the target (0 when met).
    pub shortfall_pct: f64,
    /// Positive: a bonus; negative: a sanction.
    pub euros: i64,
    /// Whether the cap cut the amount.
    pub capped: bool,
}

/// The payment of one period: the yearly payment split evenly over the schedule's periods.
pub fn period_payment(annual_euros: i64, c: &CriterionInput) -> f64 {
    annual_euros as f64 / f64::from(c.schedule.per_year())
}

/// The fulfilment of `value` against the criterion's target, and the euro effect of its rule on
/// the period's payment.
pub fn evaluate(c: &CriterionInput, annual_euros: i64, value: f64) -> Evaluation {
    let t = c.target;
    let gap = match c.direction {
        Direction::HigherBetter => t - value,
        Direction::LowerBetter => value - t,
    };
    let shortfall_pct = if gap <= 0.0 {
        0.0
    } else if t == 0.0 {
        f64::INFINITY
    } else {
        100.0 * gap / t.abs()
    };
    let outcome = if gap <= 0.0 {
        Outcome::Met
    } else if shortfall_pct <= c.rule.margin_pct {
        Outcome::Near
    } else {
        Outcome::Missed
    };
    let (euros, capped) = euro_effect(&c.rule, period_payment(annual_euros, c), outcome);
    Evaluation { outcome, shortfall_pct, euros, capped }
}

fn euro_effect(rule: &IncentiveRule, payment: f64, outcome: Outcome) -> (i64, bool) {
    let pct = match outcome {
        Outcome::Met => rule.bonus_pct,
        Outcome::Near => 0.0,
        Outcome::Missed => -rule.sanction_pct,
    };
    let euros = (payment * pct / 100.0).round() as i64;
    match rule.cap_euros {
        Some(cap) if euros.abs() > cap => (cap * euros.signum(), true),
        _ => (euros, false),
    }
}

/// The sum of bonuses and of sanctions (as a negative number) that `rule` would have produced on
/// `values`: the "what would it cost" view of a rule before a contract is signed.
pub fn what_if(c: &CriterionInput, rule: IncentiveRule, annual_euros: i64, values: &[f64]) -> (i64, i64) {
    let c = CriterionInput { rule, ..c.clone() };
    bonuses_and_sanctions(values.iter().map(|v| evaluate(&c, annual_euros, *v).euros))
}

/// One criterion in one ended period of a contract: its value (the provider's report, or the
/// knowledge base's value of the period's year), the report, and the evaluation under the rule.
#[derive(Debug, Clone, Copy)]
pub struct PeriodResult<'a> {
    pub criterion: &'a Criterion,
    pub period: Period,
    pub report: Option<&'a MonitoringReport>,
    pub value: Option<f64>,
    pub evaluation: Option<Evaluation>,
}

impl PeriodResult<'_> {
    /// Whether the period counts in the totals: it has a value whose report was not returned.
    pub fn counts(&self) -> bool {
        self.evaluation.is_some() && !self.report.is_some_and(|r| r.state == ReportState::Returned)
    }
}

/// Every criterion's periods of a contract that have ended by `today`, criterion by criterion:
/// the one place where a period's value is chosen and evaluated, for the contract's page, the
/// "what would it cost" view and the report's section alike. `indicator_values` holds the
/// knowledge base's yearly values by (indicator, year) for the county's area.
pub fn periods<'a>(
    contract: &super::Contract,
    criteria: &'a [Criterion],
    reports: &'a [MonitoringReport],
    indicator_values: &std::collections::HashMap<(i64, i32), f64>,
    today: chrono::NaiveDate,
) -> Vec<PeriodResult<'a>> {
    let c = &contract.input;
    let mut out = Vec::new();
    for k in criteria {
        for period in Period::ended(k.input.schedule, c.starts, c.ends, today) {
            let report = reports.iter().find(|r| r.criterion_id == k.id && r.period == period.code());
            let value = match k.input.source {
                super::Source::Provider => report.map(|r| r.value),
                super::Source::Indicator => {
                    k.input.indicator_id.and_then(|i| indicator_values.get(&(i, period.year)).copied())
                }
            };
            let evaluation = value.map(|v| evaluate(&k.input, c.annual_euros, v));
            out.push(PeriodResult { criterion: k, period, report, value, evaluation });
        }
    }
    out
}

/// The sum of the bonuses and the sum of the sanctions (a negative number) among euro effects.
pub fn bonuses_and_sanctions(euros: impl IntoIterator<Item = i64>) -> (i64, i64) {
    euros.into_iter().fold((0, 0), |(b, s), e| if e > 0 { (b + e, s) } else { (b, s + e) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::{Schedule, Source};

    fn alcohol() -> CriterionInput {
        CriterionInput {
            name: "Mini-interventio".into(),
            unit: "%".into(),
            target: 80.0,
            direction: Direction::HigherBetter,
            source: Source::Provider,
            indicator_id: None,
            schedule: Schedule::Quarterly,
            rule: IncentiveRule { bonus_pct: 1.0, sanction_pct: 0.5, margin_pct: 10.0, cap_euros: Some(1_000) },
        }
    }

    #[test]
    fn a_met_target_earns_the_bonus_and_a_clear_miss_the_sanction() {
        let c = alcohol();
        // 400 000 € a year → 100 000 € a quarter: bonus 1 % = 1 000 €, sanction 0.5 % = 500 €.
        let met = evaluate(&c, 400_000, 82.0);
        assert_eq!((met.outcome, met.euros, met.capped), (Outcome::Met, 1_000, false));
        let near = evaluate(&c, 400_000, 75.0); // 6.25 % short: within the 10 % margin
        assert_eq!((near.outcome, near.euros), (Outcome::Near, 0));
        let missed = evaluate(&c, 400_000, 60.0); // 25 % short
        assert_eq!((missed.outcome, missed.euros), (Outcome::Missed, -500));
        assert_eq!(missed.shortfall_pct, 25.0);
    }

    #[test]
    fn the_cap_limits_each_period() {
        let c = alcohol();
        let e = evaluate(&c, 800_000, 90.0); // 1 % of 200 000 € = 2 000 €, capped at 1 000 €
        assert_eq!((e.euros, e.capped), (1_000, true));
    }

    #[test]
    fn lower_is_better_turns_the_comparison() {
        let mut c = alcohol();
        c.direction = Direction::LowerBetter;
        c.target = 20.0; // e.g. falls per 1 000 clients
        assert_eq!(evaluate(&c, 400_000, 18.0).outcome, Outcome::Met);
        assert_eq!(evaluate(&c, 400_000, 21.0).outcome, Outcome::Near);
        assert_eq!(evaluate(&c, 400_000, 30.0).outcome, Outcome::Missed);
        c.target = 0.0;
        assert_eq!(evaluate(&c, 400_000, 1.0).outcome, Outcome::Missed);
    }

    #[test]
    fn what_if_sums_a_rule_over_past_values() {
        let c = alcohol();
        let stricter = IncentiveRule { bonus_pct: 2.0, sanction_pct: 1.0, margin_pct: 0.0, cap_euros: None };
        assert_eq!(what_if(&c, c.rule, 400_000, &[82.0, 75.0, 60.0, 85.0]), (2_000, -500));
        assert_eq!(what_if(&c, stricter, 400_000, &[82.0, 75.0, 60.0, 85.0]), (4_000, -2_000));
    }

    #[test]
    fn reports_are_checked_against_the_schedule_and_returns_need_a_reason() {
        let c = Criterion { id: 7, contract_id: 1, input: alcohol(), version: 1 };
        let r = parse_report(&c, "2025-Q2", "81,5", "").unwrap();
        assert_eq!((r.period.as_str(), r.value), ("2025-Q2", 81.5));
        let fields: Vec<_> = parse_report(&c, "2025", "x", "").unwrap_err().0.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["period", "value"]);
        assert!(Review::parse(false, " ").is_err());
        assert!(Review::parse(true, "").is_ok());
    }
}
