//! Client participation and feedback: who was heard and how in a service's planning,
//! implementation and feedback; client-feedback figures imported per service, period and client
//! group and summarised with small counts suppressed; and the "you said, we did" log.

use super::{parse_decimal, LONG_MAX, TEXT_MAX};
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::population::PopulationGroup;
use crate::reports::parse_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

codes! {
    /// When in a service's life clients were heard.
    pub enum Stage: "participation-stage-" {
        Planning = "planning",
        Implementation = "implementation",
        Feedback = "feedback",
    }
}

codes! {
    /// How clients were heard.
    pub enum Method: "participation-method-" {
        ClientCouncil = "client_council",
        ClientPanel = "client_panel",
        Ngo = "ngo",
        Survey = "survey",
        FeedbackChannel = "feedback_channel",
        Other = "other",
    }
}

/// One way clients took part, or one "you said, we did" entry (`said` and `did` both given).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParticipationInput {
    pub stage: Stage,
    pub method: Method,
    /// Who was heard, e.g. "Vanhusneuvosto" or "asiakaskysely".
    pub who: String,
    /// The county's group in the cooperation room that was heard (an advisory council or a
    /// client panel is such a group, not a new kind of thing).
    #[serde(default)]
    pub group_id: Option<i64>,
    pub date: NaiveDate,
    /// What clients said.
    pub said: Option<String>,
    /// What was changed because of it.
    pub did: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participation {
    pub id: i64,
    pub service_id: i64,
    pub input: ParticipationInput,
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ParticipationForm {
    pub stage: String,
    pub method: String,
    pub who: String,
    pub group_id: String,
    pub date: String,
    pub said: String,
    pub did: String,
}

impl ParticipationForm {
    pub fn parse(&self) -> Result<ParticipationInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let stage = errs.check("stage", Stage::parse(&self.stage).ok_or(ErrorCode::Required));
        let method = errs.check("method", Method::parse(&self.method).ok_or(ErrorCode::Required));
        let who = errs.check("who", required_text(&self.who, TEXT_MAX));
        let group_id = errs.check("group_id", super::optional_id(&self.group_id, ErrorCode::ReferenceInvalid));
        let date = errs.check("date", parse_date(&self.date));
        let said = errs.check("said", optional_text(&self.said, LONG_MAX));
        let did = errs.check("did", optional_text(&self.did, LONG_MAX));
        match (stage, method, who, group_id, date, said, did) {
            (Some(stage), Some(method), Some(who), Some(group_id), Some(date), Some(said), Some(did)) => {
                Ok(ParticipationInput { stage, method, who, group_id, date, said, did })
            }
            _ => Err(errs),
        }
    }
}

/// Counts below this are suppressed in every feedback summary (as small numbers are in the
/// knowledge base): a handful of answers could identify the clients.
pub const FEEDBACK_MIN_COUNT: i64 = 5;

/// One imported feedback figure: a measure (e.g. `nps`, `score_1_5`) of a service in a period,
/// from `count` answers, optionally of one client group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackRow {
    pub service_id: i64,
    pub period: String,
    pub measure: String,
    pub value: f64,
    pub count: i64,
    pub group: Option<PopulationGroup>,
}

/// Parses one row of the feedback file: `service_id;period;measure;value;count;client_group`.
/// An error names the column.
pub fn parse_feedback(cells: [&str; 6]) -> Result<FeedbackRow, (&'static str, ErrorCode)> {
    let [service, period, measure, value, count, group] = cells.map(str::trim);
    let service_id = service.parse().map_err(|_| ("service_id", ErrorCode::ReferenceInvalid))?;
    let year_ok = period.get(..4).and_then(|y| y.parse::<i32>().ok()).is_some_and(|y| (2000..=2100).contains(&y));
    if !year_ok || period.len() > 10 {
        return Err(("period", ErrorCode::PeriodInvalid));
    }
    let measure = required_text(measure, 40).map_err(|e| ("measure", e))?;
    let value = parse_decimal(value).map_err(|e| ("value", e))?;
    let count = count.parse::<i64>().ok().filter(|n| *n >= 0).ok_or(("count", ErrorCode::NumberInvalid))?;
    let group = if group.is_empty() {
        None
    } else {
        Some(PopulationGroup::parse(group).ok_or(("client_group", ErrorCode::InvalidInput))?)
    };
    Ok(FeedbackRow { service_id, period: period.to_string(), measure, value, count, group })
}

/// A summary cell: the answers' count and their count-weighted mean, or suppressed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedbackSummary {
    pub measure: String,
    pub period: String,
    pub group: Option<PopulationGroup>,
    pub count: i64,
    /// None when suppressed (fewer than [`FEEDBACK_MIN_COUNT`] answers).
    pub mean: Option<f64>,
}

/// Summarises a service's rows per (measure, period, group). Suppression happens here, before any
/// page, export or API gets the numbers: a suppressed cell carries no mean and no exact count
/// below the limit.
pub fn summarise(rows: &[FeedbackRow]) -> Vec<FeedbackSummary> {
    let mut cells: BTreeMap<(String, String, Option<usize>), (i64, f64)> = BTreeMap::new();
    for r in rows {
        let gi = r.group.map(|g| PopulationGroup::ALL.iter().position(|x| *x == g).unwrap_or(0));
        let e = cells.entry((r.measure.clone(), r.period.clone(), gi)).or_default();
        e.0 += r.count;
        e.1 += r.value * r.count as f64;
    }
    cells
        .into_iter()
        .map(|((measure, period, gi), (count, sum))| {
            let shown = count >= FEEDBACK_MIN_COUNT;
            FeedbackSummary {
                measure,
                period,
                group: gi.and_then(|i| PopulationGroup::ALL.get(i).copied()),
                count: if shown { count } else { 0 },
                mean: shown.then(|| sum / count as f64),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_rows_name_their_bad_column() {
        let r = parse_feedback(["3", "2025", "nps", "41", "212", "older_people"]).unwrap();
        assert_eq!((r.service_id, r.group), (3, Some(PopulationGroup::OlderPeople)));
        assert_eq!(parse_feedback(["x", "2025", "nps", "1", "1", ""]).unwrap_err().0, "service_id");
        assert_eq!(parse_feedback(["3", "25", "nps", "1", "1", ""]).unwrap_err().0, "period");
        assert_eq!(parse_feedback(["3", "2025", "nps", "1", "-1", ""]).unwrap_err().0, "count");
        assert_eq!(parse_feedback(["3", "2025", "nps", "1", "1", "aliens"]).unwrap_err().0, "client_group");
    }

    #[test]
    fn small_counts_are_suppressed_before_anyone_sees_them() {
        let row = |value, count, group| FeedbackRow {
            service_id: 1,
            period: "2025".into(),
            measure: "score_1_5".into(),
            value,
            count,
            group,
        };
        let s = summarise(&[row(4.0, 30, None), row(5.0, 10, None), row(1.0, 3, Some(PopulationGroup::Immigrants))]);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].count, s[0].mean), (40, Some(4.25)));
        assert_eq!((s[1].group, s[1].count, s[1].mean), (Some(PopulationGroup::Immigrants), 0, None));
    }
}
