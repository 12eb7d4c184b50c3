//! A simulated change: "smoking among 8th–9th graders down 2 points", "TEAviisari leadership to 80".
//! A scenario is a named set of changes to one organisation's values under one model, saved with
//! what it was worth when saved, and optionally attached to a plan goal.

use super::compute::{compute, simulate, Inputs, Results};
use super::model::Model;
use crate::{ErrorCode, FieldErrors};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "mode", content = "amount")]
pub enum ChangeKind {
    /// Add this to the value (negative: down).
    By(f64),
    /// Set the value to this.
    To(f64),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The model indicator's code.
    pub indicator: String,
    pub kind: ChangeKind,
}

/// The largest change or value accepted.
const LIMIT: f64 = 1.0e9;

impl Change {
    /// One form row: the indicator, `by` or `to`, the amount (a comma works as the decimal
    /// point). An empty amount is no change (`Ok(None)`).
    pub fn parse(model: &Model, indicator: &str, mode: &str, amount: &str) -> Result<Option<Change>, ErrorCode> {
        let amount = amount.trim().replace(',', ".").replace('\u{2212}', "-");
        if amount.is_empty() {
            return Ok(None);
        }
        let (_, ind) = model.indicator(indicator.trim()).ok_or(ErrorCode::InvalidInput)?;
        let v: f64 =
            amount.parse().ok().filter(|v: &f64| v.is_finite() && v.abs() <= LIMIT).ok_or(ErrorCode::InvalidInput)?;
        let kind = match mode.trim() {
            "by" | "" => ChangeKind::By(v),
            "to" => ChangeKind::To(v),
            _ => return Err(ErrorCode::InvalidInput),
        };
        Ok(Some(Change { indicator: ind.code.clone(), kind }))
    }
}

/// What a scenario was worth when saved (its organisation, the model's data then).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Outcome {
    pub total_before: Option<f64>,
    pub total_after: Option<f64>,
    pub rank_before: Option<usize>,
    pub rank_after: Option<usize>,
    pub euros_before: Option<f64>,
    pub euros_after: Option<f64>,
    /// How many organisations had a total, before and after (the ranks' denominators then).
    #[serde(default)]
    pub ranked_before: usize,
    #[serde(default)]
    pub ranked_after: usize,
}

/// What `changes` to unit `unit`'s values are worth: everything recomputed (the nation's scale
/// may move), before and after. Returns the results after the changes too.
pub fn worth(model: &Model, inputs: &Inputs, before: &Results, unit: usize, changes: &[Change]) -> (Results, Outcome) {
    let after = compute(model, &simulate(model, inputs, unit, changes));
    let (b, a) = (before.units.get(unit), after.units.get(unit));
    let o = Outcome {
        total_before: b.and_then(|r| r.total),
        total_after: a.and_then(|r| r.total),
        rank_before: b.and_then(|r| r.rank),
        rank_after: a.and_then(|r| r.rank),
        euros_before: b.and_then(|r| r.euros),
        euros_after: a.and_then(|r| r.euros),
        ranked_before: before.ranked,
        ranked_after: after.ranked,
    };
    (after, o)
}

impl Outcome {
    /// The euros the changes add (negative: lose).
    pub fn euro_change(&self) -> Option<f64> {
        Some(self.euros_after? - self.euros_before?)
    }
}

/// A scenario to save.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioInput {
    pub name: String,
    pub changes: Vec<Change>,
    pub outcome: Outcome,
}

impl ScenarioInput {
    /// A name of 1–200 characters and at least one change.
    pub fn parse(name: &str, changes: Vec<Change>, outcome: Outcome) -> Result<ScenarioInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = name.trim();
        if name.is_empty() {
            errors.add("name", ErrorCode::Required);
        } else if name.chars().count() > 200 {
            errors.add("name", ErrorCode::TooLong);
        }
        if changes.is_empty() {
            errors.add("changes", ErrorCode::Required);
        }
        if changes.len() > 200 {
            errors.add("changes", ErrorCode::TooLong);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ScenarioInput { name: name.into(), changes, outcome })
    }
}

/// A saved scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub id: i64,
    pub org_id: i64,
    pub model_id: i64,
    /// The plan goal it shows the worth of.
    pub goal_id: Option<i64>,
    pub input: ScenarioInput,
    pub created_at: String,
    pub version: i64,
}
