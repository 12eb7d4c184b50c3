//! The well-being report and plan (*hyvinvointikertomus ja -suunnitelma*, Act 612/2021 §6–7):
//! the report once per council term, the annual report to the council, and the regional report.
//! Pure types and rules: council terms, the workflow, the default structure, and goal progress.

use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use serde::{Deserialize, Serialize};

/// A term report (once per council term) or an annual report (a year within a term).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    Term,
    Annual,
}

impl ReportKind {
    pub const ALL: [ReportKind; 2] = [ReportKind::Term, ReportKind::Annual];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Term => "term",
            ReportKind::Annual => "annual",
        }
    }

    pub fn parse(s: &str) -> Option<ReportKind> {
        ReportKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A council term (*valtuustokausi*), e.g. 2025–2029: four years, the last shared with the next
/// term (municipal councils change in June).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CouncilTerm {
    pub start: i32,
    pub end: i32,
}

impl CouncilTerm {
    /// Parses `2025–2029`, `2025-2029` or just `2025`.
    pub fn parse(s: &str) -> Result<CouncilTerm, ErrorCode> {
        let s = s.trim();
        if s.is_empty() {
            return Err(ErrorCode::Required);
        }
        let mut parts = s.split(['–', '-', '—']).map(str::trim);
        let start: i32 = parts.next().and_then(|p| p.parse().ok()).ok_or(ErrorCode::TermInvalid)?;
        let end: i32 = match parts.next() {
            Some(p) => p.parse().map_err(|_| ErrorCode::TermInvalid)?,
            None => start + 4,
        };
        if parts.next().is_some() || end != start + 4 || !(2000..=2100).contains(&start) {
            return Err(ErrorCode::TermInvalid);
        }
        Ok(CouncilTerm { start, end })
    }

    pub fn contains(self, year: i32) -> bool {
        (self.start..=self.end).contains(&year)
    }
}

impl std::fmt::Display for CouncilTerm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}–{}", self.start, self.end)
    }
}

/// Where a report is in its workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportState {
    Draft,
    /// Being read and commented on, e.g. by the welfare group.
    InReview,
    /// Approved by its body: the content is frozen as an immutable version.
    Approved,
    /// Public, without login.
    Published,
}

impl ReportState {
    pub const ALL: [ReportState; 4] =
        [ReportState::Draft, ReportState::InReview, ReportState::Approved, ReportState::Published];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportState::Draft => "draft",
            ReportState::InReview => "in_review",
            ReportState::Approved => "approved",
            ReportState::Published => "published",
        }
    }

    pub fn parse(s: &str) -> Option<ReportState> {
        ReportState::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the content may be edited in this state (approved versions are immutable; a later
    /// edit starts a new draft version).
    pub fn editable(self) -> bool {
        matches!(self, ReportState::Draft | ReportState::InReview)
    }

    /// The workflow's allowed steps: draft → in review → approved → published, and back from
    /// review to draft. Anything else fails with `state_transition_invalid`.
    pub fn transition(self, to: ReportState) -> Result<ReportState, ErrorCode> {
        use ReportState::*;
        match (self, to) {
            (Draft, InReview) | (InReview, Draft) | (InReview, Approved) | (Approved, Published) => Ok(to),
            _ => Err(ErrorCode::StateTransitionInvalid),
        }
    }
}

const TEXT_MAX: usize = 200;

/// The approving body's decision that freezes a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    /// e.g. "Kunnanvaltuusto".
    pub body: String,
    pub date: chrono::NaiveDate,
    /// e.g. "KV 12.6.2026 § 45".
    pub decision_ref: String,
}

impl Approval {
    pub fn parse(body: &str, date: &str, decision_ref: &str) -> Result<Approval, FieldErrors> {
        let mut errs = FieldErrors::default();
        let body = errs.check("body", required_text(body, TEXT_MAX));
        let date = errs.check("date", parse_date(date));
        let decision_ref = errs.check("decision_ref", required_text(decision_ref, TEXT_MAX));
        match (body, date, decision_ref) {
            (Some(body), Some(date), Some(decision_ref)) => Ok(Approval { body, date, decision_ref }),
            _ => Err(errs),
        }
    }
}

/// A date as `2026-06-12` (the HTML date input) or `12.6.2026` (Finnish).
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, ErrorCode> {
    let s = s.trim();
    if s.is_empty() {
        return Err(ErrorCode::Required);
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .map_err(|_| ErrorCode::DateInvalid)
}

/// What a section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Rich text written by people.
    Narrative,
    /// Indicators chosen from the knowledge base, rendered live, with generated sentences.
    Indicators,
    /// The plan: priorities, goals and measures.
    Plan,
}

impl SectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Narrative => "narrative",
            SectionKind::Indicators => "indicators",
            SectionKind::Plan => "plan",
        }
    }

    pub fn parse(s: &str) -> Option<SectionKind> {
        [SectionKind::Narrative, SectionKind::Indicators, SectionKind::Plan].into_iter().find(|k| k.as_str() == s)
    }
}

/// THL's recommended structure of a well-being report: (key, kind). The key names the section's
/// default title in the locale files (`report-section-<key>`); organisations may edit the list.
pub const DEFAULT_SECTIONS: [(&str, SectionKind); 9] = [
    ("summary", SectionKind::Narrative),
    ("background", SectionKind::Narrative),
    ("population", SectionKind::Indicators),
    ("services", SectionKind::Narrative),
    ("inequality", SectionKind::Indicators),
    ("strengths", SectionKind::Narrative),
    ("conclusions", SectionKind::Narrative),
    ("plan", SectionKind::Plan),
    ("annexes", SectionKind::Narrative),
];

/// A measure's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    Planned,
    InProgress,
    Done,
    Postponed,
    Cancelled,
}

impl MeasureStatus {
    pub const ALL: [MeasureStatus; 5] = [
        MeasureStatus::Planned,
        MeasureStatus::InProgress,
        MeasureStatus::Done,
        MeasureStatus::Postponed,
        MeasureStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MeasureStatus::Planned => "planned",
            MeasureStatus::InProgress => "in_progress",
            MeasureStatus::Done => "done",
            MeasureStatus::Postponed => "postponed",
            MeasureStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<MeasureStatus> {
        MeasureStatus::ALL.into_iter().find(|k| k.as_str() == s)
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

/// How a goal's indicator is doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalProgress {
    /// The target is reached, or the value is at least where a straight path from the baseline
    /// to the target would be now.
    OnTrack,
    OffTrack,
    /// No value after the baseline year.
    NoData,
}

impl GoalProgress {
    pub fn as_str(self) -> &'static str {
        match self {
            GoalProgress::OnTrack => "on_track",
            GoalProgress::OffTrack => "off_track",
            GoalProgress::NoData => "no_data",
        }
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
    fn council_terms_parse() {
        assert_eq!(CouncilTerm::parse("2025–2029"), Ok(CouncilTerm { start: 2025, end: 2029 }));
        assert_eq!(CouncilTerm::parse(" 2021-2025 "), Ok(CouncilTerm { start: 2021, end: 2025 }));
        assert_eq!(CouncilTerm::parse("2025"), Ok(CouncilTerm { start: 2025, end: 2029 }));
        assert_eq!(CouncilTerm::parse("2025–2030"), Err(ErrorCode::TermInvalid));
        assert_eq!(CouncilTerm::parse("kausi"), Err(ErrorCode::TermInvalid));
        assert_eq!(CouncilTerm::parse(""), Err(ErrorCode::Required));
        let t = CouncilTerm::parse("2025-2029").unwrap();
        assert!(t.contains(2026) && !t.contains(2030));
        assert_eq!(t.to_string(), "2025–2029");
    }

    #[test]
    fn the_workflow_only_moves_forward_or_back_from_review() {
        use ReportState::*;
        assert_eq!(Draft.transition(InReview), Ok(InReview));
        assert_eq!(InReview.transition(Draft), Ok(Draft));
        assert_eq!(InReview.transition(Approved), Ok(Approved));
        assert_eq!(Approved.transition(Published), Ok(Published));
        for (from, to) in [(Draft, Approved), (Draft, Published), (Approved, Draft), (Published, Draft)] {
            assert_eq!(from.transition(to), Err(ErrorCode::StateTransitionInvalid), "{from:?} → {to:?}");
        }
        assert!(Draft.editable() && InReview.editable() && !Approved.editable() && !Published.editable());
        for s in ReportState::ALL {
            assert_eq!(ReportState::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn approvals_need_body_date_and_reference() {
        let a = Approval::parse("Kunnanvaltuusto", "12.6.2026", "KV § 45").unwrap();
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2026, 6, 12).unwrap());
        assert_eq!(Approval::parse("Valtuusto", "2026-06-12", "§ 1").unwrap().date, a.date);
        let e = Approval::parse("", "31.2.2026", "").unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| (f.field, f.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("body", ErrorCode::Required),
                ("date", ErrorCode::DateInvalid),
                ("decision_ref", ErrorCode::Required)
            ]
        );
    }

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
