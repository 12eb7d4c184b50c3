//! The plan's items as stored: priorities → goals (with indicator targets) → measures.

use super::plan::{parse_year, GoalTarget, MeasureInput, MeasureStatus};
use super::TEXT_MAX;
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use serde::{Deserialize, Serialize};

codes! {
    /// The kinds of items of a plan (removing one is confirmed with `plan-delete-<code>`).
    pub enum PlanItem: "plan-delete-" {
        Priority = "priority",
        Goal = "goal",
        Measure = "measure",
    }
}

impl PlanItem {
    /// The help on removing an item of this kind: `plan-delete-<code>-help`.
    pub fn help_key(self) -> String {
        format!("{}-help", self.translation_key())
    }
}

/// A priority area (*painopiste*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Priority {
    pub id: i64,
    pub report_id: i64,
    pub position: i32,
    pub title: String,
    pub description: Option<String>,
    /// Optimistic concurrency (0 in versions frozen before priorities had one).
    #[serde(default)]
    pub version: i64,
}

/// A goal (*tavoite*) under a priority, followed with indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: i64,
    pub report_id: i64,
    pub priority_id: i64,
    pub title: String,
    pub targets: Vec<GoalTarget>,
    /// Optimistic concurrency (0 in versions frozen before goals had one).
    #[serde(default)]
    pub version: i64,
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

/// One indicator target of a goal as typed in a form (a row of the goal's targets).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct TargetForm {
    pub indicator_id: String,
    pub baseline_year: String,
    pub baseline_value: String,
    pub target_year: String,
    pub target_value: String,
}

/// A parsed goal form: its priority, title and indicator targets (one per indicator).
#[derive(Debug, Clone, PartialEq)]
pub struct GoalInput {
    pub priority_id: i64,
    pub title: String,
    pub targets: Vec<GoalTarget>,
}

/// A signed decimal number (`,` or `.`, `−` or `-`), for indicator values; None when empty.
pub fn parse_value(s: &str) -> Result<Option<f64>, ErrorCode> {
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

impl TargetForm {
    pub fn of(t: &GoalTarget) -> TargetForm {
        let num = |v: f64| v.to_string().replace('.', ",");
        TargetForm {
            indicator_id: t.indicator_id.to_string(),
            baseline_year: t.baseline.0.to_string(),
            baseline_value: num(t.baseline.1),
            target_year: t.target.0.to_string(),
            target_value: num(t.target.1),
        }
    }

    pub fn is_empty(&self) -> bool {
        [&self.indicator_id, &self.baseline_year, &self.baseline_value, &self.target_year, &self.target_value]
            .iter()
            .all(|f| f.trim().is_empty())
    }

    /// An empty row is no target; when any of its fields is given, all are required.
    pub fn parse(&self) -> Result<Option<GoalTarget>, FieldErrors> {
        let mut errs = FieldErrors::default();
        let indicator = errs.check(
            "indicator_id",
            match self.indicator_id.trim() {
                "" => Ok(None),
                s => s.parse::<i64>().map(Some).map_err(|_| ErrorCode::InvalidInput),
            },
        );
        let by = errs.check("baseline_year", parse_year(&self.baseline_year));
        let bv = errs.check("baseline_value", parse_value(&self.baseline_value));
        let ty = errs.check("target_year", parse_year(&self.target_year));
        let tv = errs.check("target_value", parse_value(&self.target_value));
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
        if errs.is_empty() {
            Ok(target)
        } else {
            Err(errs)
        }
    }
}

/// The errors of a goal form with several target rows: the goal's own fields, and each row's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoalErrors {
    pub goal: FieldErrors,
    pub rows: Vec<FieldErrors>,
}

impl GoalErrors {
    pub fn is_empty(&self) -> bool {
        self.goal.is_empty() && self.rows.iter().all(FieldErrors::is_empty)
    }
}

impl GoalInput {
    /// A goal with any number of target rows; empty rows are skipped, and an indicator is
    /// followed once per goal (`invalid_input` on the repeated row).
    pub fn parse(priority_id: &str, title: &str, rows: &[TargetForm]) -> Result<GoalInput, GoalErrors> {
        let mut errs = GoalErrors::default();
        let priority_id =
            errs.goal.check("priority_id", priority_id.trim().parse::<i64>().map_err(|_| ErrorCode::Required));
        let title = errs.goal.check("title", required_text(title, TEXT_MAX));
        let mut targets: Vec<GoalTarget> = vec![];
        for row in rows {
            let mut row_errs = FieldErrors::default();
            match row.parse() {
                Ok(Some(t)) if targets.iter().any(|x| x.indicator_id == t.indicator_id) => {
                    row_errs.add("indicator_id", ErrorCode::InvalidInput)
                }
                Ok(Some(t)) => targets.push(t),
                Ok(None) => {}
                Err(e) => row_errs = e,
            }
            errs.rows.push(row_errs);
        }
        match (priority_id, title) {
            (Some(priority_id), Some(title)) if errs.is_empty() => Ok(GoalInput { priority_id, title, targets }),
            _ => Err(errs),
        }
    }
}

impl GoalForm {
    /// The target is optional as a whole; when any of its fields is given, all are required.
    pub fn parse(&self) -> Result<GoalInput, FieldErrors> {
        let row = TargetForm {
            indicator_id: self.indicator_id.clone(),
            baseline_year: self.baseline_year.clone(),
            baseline_value: self.baseline_value.clone(),
            target_year: self.target_year.clone(),
            target_value: self.target_value.clone(),
        };
        GoalInput::parse(&self.priority_id, &self.title, std::slice::from_ref(&row)).map_err(|mut e| {
            e.goal.0.extend(e.rows.pop().unwrap_or_default().0);
            e.goal
        })
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
        assert_eq!(f.parse().unwrap().targets, vec![]);
        f.indicator_id = "12".into();
        f.baseline_year = "2023".into();
        let e = f.parse().unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|x| x.field).collect();
        assert_eq!(fields, vec!["baseline_value", "target_year", "target_value"]);
        f.baseline_value = "19,5".into();
        f.target_year = "2029".into();
        f.target_value = "15".into();
        let t = f.parse().unwrap().targets[0];
        assert_eq!((t.indicator_id, t.baseline, t.target), (12, (2023, 19.5), (2029, 15.0)));
        f.target_year = "2022".into();
        assert_eq!(f.parse().unwrap_err().get("target_year"), Some(ErrorCode::YearInvalid));
    }

    #[test]
    fn goals_take_several_targets_once_per_indicator() {
        let row = |i: &str, by: &str, ty: &str| TargetForm {
            indicator_id: i.into(),
            baseline_year: by.into(),
            baseline_value: "10".into(),
            target_year: ty.into(),
            target_value: "8".into(),
        };
        let g = GoalInput::parse(
            "1",
            "Tupakointi vähenee",
            &[row("4", "2024", "2029"), TargetForm::default(), row("5", "2023", "2029")],
        )
        .unwrap();
        assert_eq!(g.targets.iter().map(|t| t.indicator_id).collect::<Vec<_>>(), vec![4, 5]);
        let e =
            GoalInput::parse("1", "", &[row("4", "2024", "2029"), row("4", "2024", "2030"), row("6", "2024", "2020")])
                .unwrap_err();
        assert_eq!(e.goal.get("title"), Some(ErrorCode::Required));
        assert!(e.rows[0].is_empty());
        assert_eq!(e.rows[1].get("indicator_id"), Some(ErrorCode::InvalidInput), "one target per indicator");
        assert_eq!(e.rows[2].get("target_year"), Some(ErrorCode::YearInvalid));
        let t = GoalTarget::new(4, (2024, 12.5), (2029, 8.0)).unwrap();
        assert_eq!(TargetForm::of(&t).parse().unwrap(), Some(t));
    }

    #[test]
    fn follow_ups_need_a_known_status() {
        assert_eq!(MeasureFollowUp::parse("done", " Valmis ").unwrap().comment.as_deref(), Some("Valmis"));
        assert_eq!(MeasureFollowUp::parse("finished", "").unwrap_err().get("status"), Some(ErrorCode::InvalidInput));
        let p = PriorityInput::parse("Liikkuminen", "").unwrap();
        assert_eq!((p.title.as_str(), p.description), ("Liikkuminen", None));
    }
}
