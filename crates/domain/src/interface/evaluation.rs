//! Monitoring and evaluation of an interface service: indicators with a baseline and a target
//! (progress computed as for plan goals), and a yearly evaluation written by the participants
//! together.

use super::LONG_MAX;
use crate::error::{optional_text, ErrorCode, FieldErrors};
use crate::reports::{parse_value, GoalProgress, GoalTarget, YearValue};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackedInput {
    /// The area whose values count (a municipality or the county).
    pub area_code: String,
    pub target: GoalTarget,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackedIndicator {
    pub id: i64,
    pub service_id: i64,
    pub input: TrackedInput,
}

impl TrackedIndicator {
    pub fn progress(&self, latest: Option<YearValue>) -> GoalProgress {
        self.input.target.progress(latest)
    }
}

/// The indicator form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TrackedForm {
    pub indicator_id: String,
    pub area_code: String,
    pub baseline_year: String,
    pub baseline: String,
    pub target_year: String,
    pub target: String,
}

impl TrackedForm {
    pub fn parse(&self) -> Result<TrackedInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let indicator_id = errs
            .check("indicator_id", self.indicator_id.trim().parse::<i64>().map_err(|_| ErrorCode::IndicatorInvalid));
        let area = self.area_code.trim();
        let area_code = errs.check(
            "area_code",
            if area.is_empty() {
                Err(ErrorCode::Required)
            } else if area.len() > 10 || !area.chars().all(|c| c.is_ascii_alphanumeric()) {
                Err(ErrorCode::InvalidInput)
            } else {
                Ok(area.to_string())
            },
        );
        let year =
            |s: &str| s.trim().parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)).ok_or(ErrorCode::YearInvalid);
        let value = |s: &str| parse_value(s).and_then(|v| v.ok_or(ErrorCode::Required));
        let by = errs.check("baseline_year", year(&self.baseline_year));
        let b = errs.check("baseline", value(&self.baseline));
        let ty = errs.check("target_year", year(&self.target_year));
        let t = errs.check("target", value(&self.target));
        let (Some(id), Some(area_code), Some(by), Some(b), Some(ty), Some(t)) = (indicator_id, area_code, by, b, ty, t)
        else {
            return Err(errs);
        };
        match GoalTarget::new(id, (by, b), (ty, t)) {
            Ok(target) => Ok(TrackedInput { area_code, target }),
            Err(code) => {
                errs.add(if code == ErrorCode::YearInvalid { "target_year" } else { "target" }, code);
                Err(errs)
            }
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EvaluationInput {
    pub worked: Option<String>,
    /// Where clients fell between organisations.
    pub gaps: Option<String>,
    pub client_feedback: Option<String>,
    /// What changes next year.
    pub changes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub service_id: i64,
    pub year: i32,
    pub input: EvaluationInput,
    /// The organisations that have written it, in the order they first did.
    pub contributors: Vec<i64>,
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EvaluationForm {
    pub worked: String,
    pub gaps: String,
    pub client_feedback: String,
    pub changes: String,
    /// 0 for a year not written yet.
    pub version: i64,
}

impl EvaluationForm {
    pub fn parse(&self) -> Result<EvaluationInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let worked = errs.check("worked", optional_text(&self.worked, LONG_MAX));
        let gaps = errs.check("gaps", optional_text(&self.gaps, LONG_MAX));
        let client_feedback = errs.check("client_feedback", optional_text(&self.client_feedback, LONG_MAX));
        let changes = errs.check("changes", optional_text(&self.changes, LONG_MAX));
        match (worked, gaps, client_feedback, changes) {
            (Some(worked), Some(gaps), Some(client_feedback), Some(changes)) => {
                let e = EvaluationInput { worked, gaps, client_feedback, changes };
                if e == EvaluationInput::default() {
                    errs.add("worked", ErrorCode::Required);
                    return Err(errs);
                }
                Ok(e)
            }
            _ => Err(errs),
        }
    }

    pub fn from_evaluation(e: &Evaluation) -> EvaluationForm {
        let t = |o: &Option<String>| o.clone().unwrap_or_default();
        EvaluationForm {
            worked: t(&e.input.worked),
            gaps: t(&e.input.gaps),
            client_feedback: t(&e.input.client_feedback),
            changes: t(&e.input.changes),
            version: e.version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_indicator_parses_and_shows_progress() {
        let f = TrackedForm {
            indicator_id: "12".into(),
            area_code: "297".into(),
            baseline_year: "2021".into(),
            baseline: "28,5".into(),
            target_year: "2027".into(),
            target: "35".into(),
        };
        let t = f.parse().unwrap();
        let ind = TrackedIndicator { id: 1, service_id: 1, input: t };
        assert_eq!(ind.progress(Some((2024, 33.0))), GoalProgress::OnTrack);
        assert_eq!(ind.progress(Some((2024, 29.0))), GoalProgress::OffTrack);
        assert_eq!(ind.progress(None), GoalProgress::NoData);
        let mut bad = f.clone();
        bad.target_year = "2020".into();
        bad.area_code = "../x".into();
        let fields: Vec<_> = bad.parse().unwrap_err().0.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["area_code"]);
        let mut bad = f;
        bad.target_year = "2020".into();
        assert_eq!(bad.parse().unwrap_err().0[0].field, "target_year");
    }

    #[test]
    fn an_empty_evaluation_is_refused() {
        assert_eq!(EvaluationForm::default().parse().unwrap_err().0[0].field, "worked");
        let e = EvaluationForm { gaps: "Nuoret putosivat siirtymässä".into(), ..Default::default() };
        assert!(e.parse().unwrap().gaps.is_some());
    }
}
