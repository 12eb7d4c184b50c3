//! Strategy documents with HYTE content: the county strategy (*hyvinvointialuestrategia*), the
//! service strategy and the service promise (*palvelulupaus*). A draft is edited; approval by a
//! named body on a date makes it immutable, and a new version starts from a copy.

use super::{optional_id, parse_decimal, LONG_MAX, TEXT_MAX};
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::reports::parse_date;
use crate::reports::GoalTarget;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

codes! {
    pub enum StrategyKind: "strategy-kind-" {
        CountyStrategy = "county_strategy",
        ServiceStrategy = "service_strategy",
        ServicePromise = "service_promise",
    }
}

codes! {
    pub enum StrategyState: "strategy-state-" {
        Draft = "draft",
        Approved = "approved",
    }
}

/// A HYTE goal of a strategy: measures, responsible parties and quality criteria, optionally an
/// indicator target (progress computed like a plan goal's) and a link to a goal of the county's
/// well-being plan, so the goal is written once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StrategyGoal {
    pub title: String,
    pub measures: Option<String>,
    pub responsible: Option<String>,
    pub quality: Option<String>,
    pub target: Option<GoalTarget>,
    pub plan_goal_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StrategyInput {
    pub kind: StrategyKind,
    pub title: String,
    pub summary: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Approval {
    /// The body that approved it, e.g. "Aluevaltuusto".
    pub body: String,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Strategy {
    pub id: i64,
    pub org_id: i64,
    pub input: StrategyInput,
    pub goals: Vec<StrategyGoal>,
    pub state: StrategyState,
    pub approval: Option<Approval>,
    /// The approved document this version was started from.
    pub previous_id: Option<i64>,
    pub version: i64,
}

impl Strategy {
    /// `document_locked` once approved.
    pub fn editable(&self) -> Result<(), ErrorCode> {
        match self.state {
            StrategyState::Draft => Ok(()),
            StrategyState::Approved => Err(ErrorCode::DocumentLocked),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StrategyForm {
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub version: i64,
}

impl StrategyForm {
    pub fn parse(&self) -> Result<StrategyInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let kind = errs.check("kind", StrategyKind::parse(&self.kind).ok_or(ErrorCode::Required));
        let title = errs.check("title", required_text(&self.title, TEXT_MAX));
        let summary = errs.check("summary", optional_text(&self.summary, LONG_MAX));
        match (kind, title, summary) {
            (Some(kind), Some(title), Some(summary)) => Ok(StrategyInput { kind, title, summary }),
            _ => Err(errs),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GoalForm {
    pub title: String,
    pub measures: String,
    pub responsible: String,
    pub quality: String,
    pub indicator_id: String,
    pub baseline_year: String,
    pub baseline_value: String,
    pub target_year: String,
    pub target_value: String,
    pub plan_goal_id: String,
    pub version: i64,
}

impl GoalForm {
    pub fn parse(&self) -> Result<StrategyGoal, FieldErrors> {
        let mut errs = FieldErrors::default();
        let title = errs.check("title", required_text(&self.title, TEXT_MAX));
        let measures = errs.check("measures", optional_text(&self.measures, LONG_MAX));
        let responsible = errs.check("responsible", optional_text(&self.responsible, TEXT_MAX));
        let quality = errs.check("quality", optional_text(&self.quality, LONG_MAX));
        let plan_goal = errs.check("plan_goal_id", optional_id(&self.plan_goal_id, ErrorCode::ReferenceInvalid));
        let indicator = errs.check("indicator_id", optional_id(&self.indicator_id, ErrorCode::IndicatorInvalid));
        let target = match indicator {
            Some(Some(id)) => {
                let year = |s: &str| s.trim().parse::<i32>().map_err(|_| ErrorCode::YearInvalid);
                let by = errs.check("baseline_year", year(&self.baseline_year));
                let bv = errs.check("baseline_value", parse_decimal(&self.baseline_value));
                let ty = errs.check("target_year", year(&self.target_year));
                let tv = errs.check("target_value", parse_decimal(&self.target_value));
                match (by, bv, ty, tv) {
                    (Some(by), Some(bv), Some(ty), Some(tv)) => {
                        errs.check("target_year", GoalTarget::new(id, (by, bv), (ty, tv)).map(Some))
                    }
                    _ => None,
                }
            }
            _ => Some(None),
        };
        match (title, measures, responsible, quality, plan_goal, target) {
            (Some(title), Some(measures), Some(responsible), Some(quality), Some(plan_goal_id), Some(target))
                if errs.0.is_empty() =>
            {
                Ok(StrategyGoal { title, measures, responsible, quality, target, plan_goal_id })
            }
            _ => Err(errs),
        }
    }
}

/// The approval form: the body and the date.
pub fn parse_approval(body: &str, date: &str) -> Result<Approval, FieldErrors> {
    let mut errs = FieldErrors::default();
    let body = errs.check("body", required_text(body, TEXT_MAX));
    let date = errs.check("date", parse_date(date));
    match (body, date) {
        (Some(body), Some(date)) => Ok(Approval { body, date }),
        _ => Err(errs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_with_an_indicator_need_a_valid_target() {
        let mut g = GoalForm {
            title: "Tyypin 2 diabeteksen ilmaantuvuus kääntyy laskuun".into(),
            indicator_id: "683".into(),
            baseline_year: "2022".into(),
            baseline_value: "1,1".into(),
            target_year: "2022".into(),
            target_value: "0,9".into(),
            ..Default::default()
        };
        let fields: Vec<_> = g.parse().unwrap_err().0.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["target_year"]);
        g.target_year = "2025".into();
        let goal = g.parse().unwrap();
        assert_eq!(goal.target.map(|t| (t.indicator_id, t.target)), Some((683, (2025, 0.9))));
        g.indicator_id.clear();
        assert_eq!(g.parse().unwrap().target, None);
    }

    #[test]
    fn approved_documents_are_locked() {
        let s = Strategy {
            id: 1,
            org_id: 2,
            input: StrategyInput { kind: StrategyKind::ServicePromise, title: "Palvelulupaus".into(), summary: None },
            goals: vec![],
            state: StrategyState::Approved,
            approval: None,
            previous_id: None,
            version: 1,
        };
        assert_eq!(s.editable(), Err(ErrorCode::DocumentLocked));
        assert!(parse_approval("Aluevaltuusto", "2024-06-17").is_ok());
        assert!(parse_approval("", "17.6.2024").is_err());
    }
}
