//! The plan's items as stored: priorities → goals (with indicator targets) → measures.

use super::plan::{parse_year, GoalTarget, MeasureInput, MeasureStatus};
use super::TEXT_MAX;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use serde::{Deserialize, Serialize};

/// A priority area (*painopiste*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Priority {
    pub id: i64,
    pub report_id: i64,
    pub position: i32,
    pub title: String,
    pub description: Option<String>,
}

/// A goal (*tavoite*) under a priority, followed with indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: i64,
    pub report_id: i64,
    pub priority_id: i64,
    pub title: String,
    pub targets: Vec<GoalTarget>,
}

/// A measure (*toimenpide*): what is done, by whom, with what; linked to goals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub id: i64,
    pub report_id: i64,
    pub input: MeasureInput,
    pub goal_ids: Vec<i64>,
    /// The responsible sector's follow-up comment.
    pub comment: Option<String>,
    pub version: i64,
}

/// A report's whole plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub priorities: Vec<Priority>,
    pub goals: Vec<Goal>,
    pub measures: Vec<Measure>,
}

impl Plan {
    pub fn goals_of(&self, priority_id: i64) -> impl Iterator<Item = &Goal> {
        self.goals.iter().filter(move |g| g.priority_id == priority_id)
    }
}

/// A new priority.
#[derive(Debug, Clone, PartialEq)]
pub struct PriorityInput {
    pub title: String,
    pub description: Option<String>,
}

impl PriorityInput {
    pub fn parse(title: &str, description: &str) -> Result<PriorityInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let title = errs.check("title", required_text(title, TEXT_MAX));
        let description = errs.check("description", optional_text(description, 4_000));
        match (title, description) {
            (Some(title), Some(description)) => Ok(PriorityInput { title, description }),
            _ => Err(errs),
        }
    }
}

/// A new goal with its first indicator target, as typed in a form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GoalForm {
    pub priority_id: String,
    pub title: String,
    pub indicator_id: String,
    pub baseline_year: String,
    pub baseline_value: String,
    pub target_year: String,
    pub target_value: String,
}

/// A parsed [`GoalForm`].
#[derive(Debug, Clone, PartialEq)]
pub struct GoalInput {
    pub priority_id: i64,
    pub title: String,
    pub target: Option<GoalTarget>,
}

/// A signed decimal number (`,` or `.`), for indicator values.
fn value(s: &str) -> Result<Option<f64>, ErrorCode> {
    let t: String = s.trim().chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return Ok(None);
    }
    t.replace(',', ".")
        .replace('−', "-")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or(ErrorCode::NumberInvalid)
}

impl GoalForm {
    /// The target is optional as a whole; when any of its fields is given, all are required.
    pub fn parse(&self) -> Result<GoalInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let priority_id =
            errs.check("priority_id", self.priority_id.trim().parse::<i64>().map_err(|_| ErrorCode::Required));
        let title = errs.check("title", required_text(&self.title, TEXT_MAX));
        let indicator = errs.check(
            "indicator_id",
            match self.indicator_id.trim() {
                "" => Ok(None),
                s => s.parse::<i64>().map(Some).map_err(|_| ErrorCode::InvalidInput),
            },
        );
        let by = errs.check("baseline_year", parse_year(&self.baseline_year));
        let bv = errs.check("baseline_value", value(&self.baseline_value));
        let ty = errs.check("target_year", parse_year(&self.target_year));
        let tv = errs.check("target_value", value(&self.target_value));
        let mut target = None;
        if let (Some(ind), Some(by), Some(bv), Some(ty), Some(tv)) = (indicator, by, bv, ty, tv) {
            let parts = [ind.is_some(), by.is_some(), bv.is_some(), ty.is_some(), tv.is_some()];
            if parts.iter().any(|p| *p) {
                for (field, given) in
                    ["indicator_id", "baseline_year", "baseline_value", "target_year", "target_value"].iter().zip(parts)
                {
                    if !given {
                        errs.add(field, ErrorCode::Required);
                    }
                }
                if let (Some(i), Some(by), Some(bv), Some(ty), Some(tv)) = (ind, by, bv, ty, tv) {
                    match GoalTarget::new(i, (by, bv), (ty, tv)) {
                        Ok(t) => target = Some(t),
                        Err(ErrorCode::YearInvalid) => errs.add("target_year", ErrorCode::YearInvalid),
                        Err(code) => errs.add("target_value", code),
                    }
                }
            }
        }
        match (priority_id, title) {
            (Some(priority_id), Some(title)) if errs.is_empty() => Ok(GoalInput { priority_id, title, target }),
            _ => Err(errs),
        }
    }
}

/// A sector's follow-up of one measure.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureFollowUp {
    pub status: MeasureStatus,
    pub comment: Option<String>,
}

impl MeasureFollowUp {
    pub fn parse(status: &str, comment: &str) -> Result<MeasureFollowUp, FieldErrors> {
        let mut errs = FieldErrors::default();
        let status = errs.check("status", MeasureStatus::parse(status.trim()).ok_or(ErrorCode::InvalidInput));
        let comment = errs.check("comment", optional_text(comment, 4_000));
        match (status, comment) {
            (Some(status), Some(comment)) => Ok(MeasureFollowUp { status, comment }),
            _ => Err(errs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_take_a_whole_target_or_none() {
        let mut f =
            GoalForm { priority_id: "4".into(), title: "Nuorten mielenterveys paranee".into(), ..Default::default() };
        assert_eq!(f.parse().unwrap().target, None);
        f.indicator_id = "12".into();
        f.baseline_year = "2023".into();
        let e = f.parse().unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|x| x.field).collect();
        assert_eq!(fields, vec!["baseline_value", "target_year", "target_value"]);
        f.baseline_value = "19,5".into();
        f.target_year = "2029".into();
        f.target_value = "15".into();
        let t = f.parse().unwrap().target.unwrap();
        assert_eq!((t.indicator_id, t.baseline, t.target), (12, (2023, 19.5), (2029, 15.0)));
        f.target_year = "2022".into();
        assert_eq!(f.parse().unwrap_err().get("target_year"), Some(ErrorCode::YearInvalid));
    }

    #[test]
    fn follow_ups_need_a_known_status() {
        assert_eq!(MeasureFollowUp::parse("done", " Valmis ").unwrap().comment.as_deref(), Some("Valmis"));
        assert_eq!(MeasureFollowUp::parse("finished", "").unwrap_err().get("status"), Some(ErrorCode::InvalidInput));
        let p = PriorityInput::parse("Liikkuminen", "").unwrap();
        assert_eq!((p.title.as_str(), p.description), ("Liikkuminen", None));
    }
}
