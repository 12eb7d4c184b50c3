//! The plan: measures with responsible sectors and resources, and goals' indicators with a
//! baseline and a target, whose progress is computed.

use super::TEXT_MAX;
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use serde::{Deserialize, Serialize};

codes! {
    /// A measure's state.
    pub enum MeasureStatus: "measure-status-" {
        Planned = "planned",
        InProgress = "in_progress",
        Done = "done",
        Postponed = "postponed",
        Cancelled = "cancelled",
    }
}

/// Resources of a measure: euros and person-years (*henkilötyövuodet*).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Resources {
    pub euros: Option<i64>,
    pub person_years: Option<f64>,
}

impl Resources {
    /// Parses `12 500` / `12500` euros and `1,5` / `1.5` person-years; empty means unknown.
    pub fn parse(euros: &str, person_years: &str) -> Result<Resources, FieldErrors> {
        let mut errs = FieldErrors::default();
        let euros = errs.check("euros", parse_number(euros)).map(|v| v.map(|v| v.round() as i64));
        let person_years = errs.check("person_years", parse_number(person_years));
        match (euros, person_years) {
            (Some(euros), Some(person_years)) => Ok(Resources { euros, person_years }),
            _ => Err(errs),
        }
    }
}

/// A non-negative number with `,` or `.` as the decimal mark and spaces between thousands.
pub fn parse_number(s: &str) -> Result<Option<f64>, ErrorCode> {
    let t: String = s.trim().chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    if t.is_empty() {
        return Ok(None);
    }
    match t.replace(',', ".").parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        _ => Err(ErrorCode::NumberInvalid),
    }
}

/// A measure of the plan, as typed in a form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureInput {
    pub title: String,
    pub description: Option<String>,
    /// The responsible sector of the organisation (cross-sectoral: each sector updates its own).
    pub sector_id: Option<i64>,
    pub responsible_person: Option<String>,
    pub start_year: Option<i32>,
    pub end_year: Option<i32>,
    pub resources: Resources,
    pub status: MeasureStatus,
}

/// A year field: empty, or a plausible year.
pub fn parse_year(s: &str) -> Result<Option<i32>, ErrorCode> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<i32>() {
        Ok(y) if (1990..=2100).contains(&y) => Ok(Some(y)),
        _ => Err(ErrorCode::YearInvalid),
    }
}

/// The raw fields of a measure form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MeasureForm {
    pub title: String,
    pub description: String,
    pub sector_id: String,
    pub responsible_person: String,
    pub start_year: String,
    pub end_year: String,
    pub euros: String,
    pub person_years: String,
    pub status: String,
}

impl MeasureForm {
    pub fn parse(&self) -> Result<MeasureInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let title = errs.check("title", required_text(&self.title, TEXT_MAX));
        let description = errs.check("description", optional_text(&self.description, 4_000));
        let sector_id = errs.check(
            "sector_id",
            match self.sector_id.trim() {
                "" => Ok(None),
                s => s.parse::<i64>().map(Some).map_err(|_| ErrorCode::SectorInvalid),
            },
        );
        let person = errs.check("responsible_person", optional_text(&self.responsible_person, TEXT_MAX));
        let start_year = errs.check("start_year", parse_year(&self.start_year));
        let end_year = errs.check("end_year", parse_year(&self.end_year));
        if let (Some(Some(s)), Some(Some(e))) = (start_year, end_year) {
            if e < s {
                errs.add("end_year", ErrorCode::YearInvalid);
            }
        }
        let resources = match Resources::parse(&self.euros, &self.person_years) {
            Ok(r) => Some(r),
            Err(e) => {
                errs.0.extend(e.0);
                None
            }
        };
        let status = errs.check(
            "status",
            match self.status.trim() {
                "" => Ok(MeasureStatus::Planned),
                s => MeasureStatus::parse(s).ok_or(ErrorCode::InvalidInput),
            },
        );
        match (title, description, sector_id, person, start_year, end_year, resources, status) {
            (
                Some(title),
                Some(description),
                Some(sector_id),
                Some(responsible_person),
                Some(start_year),
                Some(end_year),
                Some(resources),
                Some(status),
            ) if errs.is_empty() => Ok(MeasureInput {
                title,
                description,
                sector_id,
                responsible_person,
                start_year,
                end_year,
                resources,
                status,
            }),
            _ => Err(errs),
        }
    }
}

/// A point of an indicator: (year, value).
pub type YearValue = (i32, f64);

/// A goal's indicator: where it was and where it should be.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GoalTarget {
    pub indicator_id: i64,
    pub baseline: YearValue,
    pub target: YearValue,
}

codes! {
    /// How a goal's indicator is doing now.
    pub enum GoalProgress: "goal-progress-" {
        /// The target is reached, or the value is at least where a straight path from the baseline
        /// to the target would be now.
        OnTrack = "on_track",
        OffTrack = "off_track",
        /// No value after the baseline year.
        NoData = "no_data",
    }
}

impl GoalTarget {
    /// Checks that the target comes after the baseline and differs from it.
    pub fn new(indicator_id: i64, baseline: YearValue, target: YearValue) -> Result<GoalTarget, ErrorCode> {
        if target.0 <= baseline.0 {
            return Err(ErrorCode::YearInvalid);
        }
        if !(baseline.1.is_finite() && target.1.is_finite()) || baseline.1 == target.1 {
            return Err(ErrorCode::NumberInvalid);
        }
        Ok(GoalTarget { indicator_id, baseline, target })
    }

    /// The goal's progress given the latest value (the direction comes from the target itself).
    pub fn progress(&self, latest: Option<YearValue>) -> GoalProgress {
        let Some((year, value)) = latest.filter(|(y, v)| *y > self.baseline.0 && v.is_finite()) else {
            return GoalProgress::NoData;
        };
        let (b, t) = (self.baseline, self.target);
        let up = t.1 > b.1;
        let share = (f64::from(year.min(t.0) - b.0)) / f64::from(t.0 - b.0);
        let expected = b.1 + (t.1 - b.1) * share;
        let good = |v: f64, than: f64| if up { v >= than } else { v <= than };
        if good(value, t.1) || good(value, expected) {
            GoalProgress::OnTrack
        } else {
            GoalProgress::OffTrack
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measure_forms_parse_with_errors_per_field() {
        let mut f = MeasureForm {
            title: "Liikuntaneuvonta kouluille".into(),
            sector_id: "3".into(),
            start_year: "2026".into(),
            end_year: "2028".into(),
            euros: "12 500".into(),
            person_years: "0,5".into(),
            status: "in_progress".into(),
            ..Default::default()
        };
        let m = f.parse().unwrap();
        assert_eq!((m.sector_id, m.resources.euros, m.resources.person_years), (Some(3), Some(12_500), Some(0.5)));
        assert_eq!(m.status, MeasureStatus::InProgress);
        f.title.clear();
        f.end_year = "2025".into();
        f.euros = "paljon".into();
        f.status = "maybe".into();
        let e = f.parse().unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| (f.field, f.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("title", ErrorCode::Required),
                ("end_year", ErrorCode::YearInvalid),
                ("euros", ErrorCode::NumberInvalid),
                ("status", ErrorCode::InvalidInput)
            ]
        );
    }

    #[test]
    fn goal_progress_follows_a_straight_path_to_the_target() {
        // Lower is the aim: 20 % in 2024 → 14 % in 2030; the path passes 17 % in 2027.
        let g = GoalTarget::new(1, (2024, 20.0), (2030, 14.0)).unwrap();
        assert_eq!(g.progress(None), GoalProgress::NoData);
        assert_eq!(g.progress(Some((2024, 18.0))), GoalProgress::NoData, "the baseline year itself is no progress");
        assert_eq!(g.progress(Some((2027, 16.9))), GoalProgress::OnTrack);
        assert_eq!(g.progress(Some((2027, 17.0))), GoalProgress::OnTrack);
        assert_eq!(g.progress(Some((2027, 18.5))), GoalProgress::OffTrack);
        assert_eq!(g.progress(Some((2032, 14.5))), GoalProgress::OffTrack, "after the target year, the target");
        assert_eq!(g.progress(Some((2026, 13.0))), GoalProgress::OnTrack, "reached early");
        // Higher is the aim.
        let up = GoalTarget::new(2, (2023, 50.0), (2027, 60.0)).unwrap();
        assert_eq!(up.progress(Some((2025, 55.0))), GoalProgress::OnTrack);
        assert_eq!(up.progress(Some((2025, 52.0))), GoalProgress::OffTrack);
        assert_eq!(GoalTarget::new(3, (2025, 1.0), (2025, 2.0)), Err(ErrorCode::YearInvalid));
        assert_eq!(GoalTarget::new(3, (2025, 1.0), (2029, 1.0)), Err(ErrorCode::NumberInvalid));
    }

    #[test]
    fn numbers_take_finnish_and_english_marks() {
        assert_eq!(parse_number("1 234,5"), Ok(Some(1234.5)));
        assert_eq!(parse_number("1234.5"), Ok(Some(1234.5)));
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number("-3"), Err(ErrorCode::NumberInvalid));
        assert_eq!(parse_year("1850"), Err(ErrorCode::YearInvalid));
    }
}
