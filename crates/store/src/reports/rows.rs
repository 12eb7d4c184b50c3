//! Rows of the report tables and their conversion into domain types.

use crate::StoreError;
use chrono::{DateTime, NaiveDate, Utc};
use hyte_domain::reports::{
    Approval, CouncilTerm, Report, ReportKind, ReportState, ReportVersion, Section, SectionKind, Snapshot,
};
use hyte_domain::{Lang, Names};

pub const MEASURE_COLS: &str = "id, report_id, title, description, sector_id, responsible_person, start_year, \
     end_year, euros, person_years, status, comment, version";

use crate::rows::corrupt;

pub const REPORT_COLS: &str = "id, org_id, kind, term_start, term_end, year, languages, title, state, based_on, \
     content_version, published_version, approval_body, approval_date, approval_ref, version";
pub const SECTION_COLS: &str =
    "id, report_id, position, key, kind, title_fi, title_sv, title_en, body_fi, body_sv, indicator_ids, version";
pub const VERSION_COLS: &str =
    "report_id, number, approved_at, approval_body, approval_date, approval_ref, content_json";

pub fn languages_to_text(langs: &[Lang]) -> String {
    langs.iter().map(|l| l.code()).collect::<Vec<_>>().join(",")
}

pub fn ids_to_text(ids: &[i64]) -> String {
    ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

fn approval(
    body: Option<String>,
    date: Option<String>,
    reference: Option<String>,
) -> Result<Option<Approval>, StoreError> {
    match (body, date, reference) {
        (Some(body), Some(date), Some(decision_ref)) => {
            let date = NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|_| corrupt("approval date", &date))?;
            Ok(Some(Approval { body, date, decision_ref }))
        }
        _ => Ok(None),
    }
}

#[derive(sqlx::FromRow)]
pub struct ReportRow {
    pub id: i64,
    pub org_id: i64,
    pub kind: String,
    pub term_start: i32,
    pub term_end: i32,
    pub year: i32,
    pub languages: String,
    pub title: String,
    pub state: String,
    pub based_on: Option<i64>,
    pub content_version: i32,
    pub published_version: Option<i32>,
    pub approval_body: Option<String>,
    pub approval_date: Option<String>,
    pub approval_ref: Option<String>,
    pub version: i64,
}

impl TryFrom<ReportRow> for Report {
    type Error = StoreError;
    fn try_from(r: ReportRow) -> Result<Report, StoreError> {
        let languages: Option<Vec<Lang>> = r.languages.split(',').map(Lang::parse).collect();
        Ok(Report {
            id: r.id,
            org_id: r.org_id,
            kind: ReportKind::parse(&r.kind).ok_or_else(|| corrupt("report kind", &r.kind))?,
            term: CouncilTerm { start: r.term_start, end: r.term_end },
            year: (r.year != 0).then_some(r.year),
            languages: languages.ok_or_else(|| corrupt("report languages", &r.languages))?,
            title: r.title,
            state: ReportState::parse(&r.state).ok_or_else(|| corrupt("report state", &r.state))?,
            based_on: r.based_on,
            content_version: r.content_version,
            published_version: r.published_version,
            approval: approval(r.approval_body, r.approval_date, r.approval_ref)?,
            version: r.version,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct SectionRow {
    pub id: i64,
    pub report_id: i64,
    pub position: i32,
    pub key: String,
    pub kind: String,
    pub title_fi: String,
    pub title_sv: Option<String>,
    pub title_en: Option<String>,
    pub body_fi: String,
    pub body_sv: String,
    pub indicator_ids: String,
    pub version: i64,
}

impl TryFrom<SectionRow> for Section {
    type Error = StoreError;
    fn try_from(r: SectionRow) -> Result<Section, StoreError> {
        let ids: Result<Vec<i64>, _> = r.indicator_ids.split(',').filter(|s| !s.is_empty()).map(str::parse).collect();
        Ok(Section {
            id: r.id,
            report_id: r.report_id,
            position: r.position,
            kind: SectionKind::parse(&r.kind).ok_or_else(|| corrupt("section kind", &r.kind))?,
            key: r.key,
            title: Names::new(r.title_fi, r.title_sv, r.title_en),
            body_fi: r.body_fi,
            body_sv: r.body_sv,
            indicator_ids: ids.map_err(|_| corrupt("indicator ids", &r.indicator_ids))?,
            version: r.version,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct VersionRow {
    pub report_id: i64,
    pub number: i32,
    pub approved_at: DateTime<Utc>,
    pub approval_body: String,
    pub approval_date: String,
    pub approval_ref: String,
    pub content_json: String,
}

impl TryFrom<VersionRow> for ReportVersion {
    type Error = StoreError;
    fn try_from(r: VersionRow) -> Result<ReportVersion, StoreError> {
        let content: Snapshot =
            serde_json::from_str(&r.content_json).map_err(|_| corrupt("report version", &r.content_json))?;
        Ok(ReportVersion {
            report_id: r.report_id,
            number: r.number,
            approved_at: r.approved_at,
            approval: approval(Some(r.approval_body), Some(r.approval_date), Some(r.approval_ref))?
                .ok_or_else(|| corrupt("approval", ""))?,
            content,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct PriorityRow {
    pub id: i64,
    pub report_id: i64,
    pub position: i32,
    pub title: String,
    pub description: Option<String>,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
pub struct GoalRow {
    pub id: i64,
    pub report_id: i64,
    pub priority_id: i64,
    pub title: String,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
pub struct TargetRow {
    pub goal_id: i64,
    pub indicator_id: i64,
    pub baseline_year: i32,
    pub baseline_value: f64,
    pub target_year: i32,
    pub target_value: f64,
}

#[derive(sqlx::FromRow)]
pub struct MeasureRow {
    pub id: i64,
    pub report_id: i64,
    pub title: String,
    pub description: Option<String>,
    pub sector_id: Option<i64>,
    pub responsible_person: Option<String>,
    pub start_year: Option<i32>,
    pub end_year: Option<i32>,
    pub euros: Option<i64>,
    pub person_years: Option<f64>,
    pub status: String,
    pub comment: Option<String>,
    pub version: i64,
}

/// Assembles a plan from its rows.
pub fn plan(
    priorities: Vec<PriorityRow>,
    goals: Vec<GoalRow>,
    targets: Vec<TargetRow>,
    measures: Vec<MeasureRow>,
    links: Vec<(i64, i64)>,
) -> Result<hyte_domain::reports::Plan, StoreError> {
    use hyte_domain::reports::{Goal, GoalTarget, Measure, MeasureInput, MeasureStatus, Plan, Priority, Resources};
    let priorities = priorities
        .into_iter()
        .map(|p| Priority {
            id: p.id,
            report_id: p.report_id,
            position: p.position,
            title: p.title,
            description: p.description,
            version: p.version,
        })
        .collect();
    let goals = goals
        .into_iter()
        .map(|g| Goal {
            targets: targets
                .iter()
                .filter(|t| t.goal_id == g.id)
                .map(|t| GoalTarget {
                    indicator_id: t.indicator_id,
                    baseline: (t.baseline_year, t.baseline_value),
                    target: (t.target_year, t.target_value),
                })
                .collect(),
            id: g.id,
            report_id: g.report_id,
            priority_id: g.priority_id,
            title: g.title,
            version: g.version,
        })
        .collect();
    let measures: Result<Vec<Measure>, StoreError> = measures
        .into_iter()
        .map(|m| {
            Ok(Measure {
                id: m.id,
                report_id: m.report_id,
                goal_ids: links.iter().filter(|l| l.0 == m.id).map(|l| l.1).collect(),
                comment: m.comment,
                version: m.version,
                input: MeasureInput {
                    status: MeasureStatus::parse(&m.status).ok_or_else(|| corrupt("measure status", &m.status))?,
                    title: m.title,
                    description: m.description,
                    sector_id: m.sector_id,
                    responsible_person: m.responsible_person,
                    start_year: m.start_year,
                    end_year: m.end_year,
                    resources: Resources { euros: m.euros, person_years: m.person_years },
                },
            })
        })
        .collect();
    Ok(Plan { priorities, goals, measures: measures? })
}

#[derive(sqlx::FromRow)]
pub struct CommentRow {
    pub id: i64,
    pub report_id: i64,
    pub section_id: i64,
    pub author: Option<String>,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub resolved: bool,
}

impl From<CommentRow> for hyte_domain::reports::Comment {
    fn from(r: CommentRow) -> Self {
        hyte_domain::reports::Comment {
            id: r.id,
            report_id: r.report_id,
            section_id: r.section_id,
            author: r.author,
            body: r.body,
            created_at: r.created_at,
            resolved: r.resolved,
        }
    }
}

pub const COMMENT_SELECT: &str =
    "SELECT c.id, c.report_id, c.section_id, u.display_name AS author, c.body, c.created_at, \
     c.resolved FROM report_comments c LEFT JOIN users u ON u.id = c.user_id";
