//! Rows of the assessment tables and their conversion into domain types.

use crate::StoreError;
use chrono::NaiveDate;
use hyte_domain::assessment::{
    Alternative, Assessment, AssessmentStatus, Citation, DecidingBody, Decision, DecisionInput, DecisionOutcome,
    DecisionStatus, DecisionType, FollowUp, Participant, ParticipantInput, ParticipantKind, Rating, Realised, Rule,
    RuleInput, Template, TemplateDef,
};

use crate::rows::corrupt;

fn date(what: &str, s: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| corrupt(what, s))
}

fn opt_date(what: &str, s: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    s.map(|s| date(what, &s)).transpose()
}

pub fn def_json(def: &TemplateDef) -> String {
    serde_json::to_string(def).unwrap_or_default()
}

fn def_from(s: &str) -> Result<TemplateDef, StoreError> {
    serde_json::from_str(s).map_err(|_| corrupt("template", s))
}

pub fn groups_text(groups: &[usize]) -> String {
    groups.iter().map(|g| g.to_string()).collect::<Vec<_>>().join(",")
}

pub const DECISION_COLS: &str =
    "id, org_id, title, description, body, decision_type, sector_id, preparer, planned_on, \
     euros, case_ref, status, decided_on, decision_ref, chosen_alternative, follow_up_on, realised, follow_up_note, \
     followed_up_on, version";

#[derive(sqlx::FromRow)]
pub struct DecisionRow {
    pub id: i64,
    pub org_id: i64,
    pub title: String,
    pub description: Option<String>,
    pub body: String,
    pub decision_type: String,
    pub sector_id: Option<i64>,
    pub preparer: String,
    pub planned_on: String,
    pub euros: Option<i64>,
    pub case_ref: Option<String>,
    pub status: String,
    pub decided_on: Option<String>,
    pub decision_ref: Option<String>,
    pub chosen_alternative: Option<i64>,
    pub follow_up_on: Option<String>,
    pub realised: Option<String>,
    pub follow_up_note: Option<String>,
    pub followed_up_on: Option<String>,
    pub version: i64,
}

impl TryFrom<DecisionRow> for Decision {
    type Error = StoreError;
    fn try_from(r: DecisionRow) -> Result<Decision, StoreError> {
        let outcome = match (opt_date("decided_on", r.decided_on)?, r.decision_ref) {
            (Some(decided_on), Some(decision_ref)) => Some(DecisionOutcome {
                decided_on,
                decision_ref,
                chosen_alternative: r.chosen_alternative,
                follow_up_on: opt_date("follow_up_on", r.follow_up_on)?,
            }),
            _ => None,
        };
        let follow_up = match (r.realised, r.follow_up_note, opt_date("followed_up_on", r.followed_up_on)?) {
            (Some(realised), Some(note), Some(on)) => Some(FollowUp {
                realised: Realised::parse(&realised).ok_or_else(|| corrupt("realised", &realised))?,
                note,
                on,
            }),
            _ => None,
        };
        Ok(Decision {
            id: r.id,
            org_id: r.org_id,
            input: DecisionInput {
                title: r.title,
                description: r.description,
                body: DecidingBody::parse(&r.body).ok_or_else(|| corrupt("deciding body", &r.body))?,
                decision_type: DecisionType::parse(&r.decision_type)
                    .ok_or_else(|| corrupt("decision type", &r.decision_type))?,
                sector_id: r.sector_id,
                preparer: r.preparer,
                planned_on: date("planned_on", &r.planned_on)?,
                euros: r.euros,
                case_ref: r.case_ref,
            },
            status: DecisionStatus::parse(&r.status).ok_or_else(|| corrupt("decision status", &r.status))?,
            outcome,
            follow_up,
            version: r.version,
        })
    }
}

pub const ALTERNATIVE_COLS: &str = "id, decision_id, position, name, description, is_zero, version";

#[derive(sqlx::FromRow)]
pub struct AlternativeRow {
    pub id: i64,
    pub decision_id: i64,
    pub position: i32,
    pub name: String,
    pub description: Option<String>,
    pub is_zero: bool,
    pub version: i64,
}

impl From<AlternativeRow> for Alternative {
    fn from(r: AlternativeRow) -> Alternative {
        Alternative {
            id: r.id,
            decision_id: r.decision_id,
            position: r.position,
            name: r.name,
            description: r.description,
            is_zero: r.is_zero,
            version: r.version,
        }
    }
}

#[derive(sqlx::FromRow)]
pub struct TemplateRow {
    pub id: i64,
    pub org_id: i64,
    pub key: String,
    pub def_json: String,
    pub version: i64,
}

impl TryFrom<TemplateRow> for Template {
    type Error = StoreError;
    fn try_from(r: TemplateRow) -> Result<Template, StoreError> {
        Ok(Template { id: r.id, org_id: r.org_id, key: r.key, def: def_from(&r.def_json)?, version: r.version })
    }
}

#[derive(sqlx::FromRow)]
pub struct RuleRow {
    pub id: i64,
    pub org_id: i64,
    pub template_key: String,
    pub body: Option<String>,
    pub decision_type: Option<String>,
    pub sector_id: Option<i64>,
    pub min_euros: Option<i64>,
}

impl TryFrom<RuleRow> for Rule {
    type Error = StoreError;
    fn try_from(r: RuleRow) -> Result<Rule, StoreError> {
        Ok(Rule {
            id: r.id,
            org_id: r.org_id,
            input: RuleInput {
                template_key: r.template_key,
                body: r.body.map(|b| DecidingBody::parse(&b).ok_or_else(|| corrupt("rule body", &b))).transpose()?,
                decision_type: r
                    .decision_type
                    .map(|t| DecisionType::parse(&t).ok_or_else(|| corrupt("rule type", &t)))
                    .transpose()?,
                sector_id: r.sector_id,
                min_euros: r.min_euros,
            },
        })
    }
}

pub const ASSESSMENT_COLS: &str = "id, decision_id, template_key, def_json, groups, status, conclusion, version";

#[derive(sqlx::FromRow)]
pub struct AssessmentRow {
    pub id: i64,
    pub decision_id: i64,
    pub template_key: String,
    pub def_json: String,
    pub groups: String,
    pub status: String,
    pub conclusion: Option<String>,
    pub version: i64,
}

impl TryFrom<AssessmentRow> for Assessment {
    type Error = StoreError;
    fn try_from(r: AssessmentRow) -> Result<Assessment, StoreError> {
        let groups: Option<Vec<usize>> =
            r.groups.split(',').filter(|s| !s.is_empty()).map(|s| s.parse().ok()).collect();
        Ok(Assessment {
            id: r.id,
            decision_id: r.decision_id,
            template_key: r.template_key,
            def: def_from(&r.def_json)?,
            groups: groups.ok_or_else(|| corrupt("assessment groups", &r.groups))?,
            status: AssessmentStatus::parse(&r.status).ok_or_else(|| corrupt("assessment status", &r.status))?,
            conclusion: r.conclusion,
            version: r.version,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct RatingRow {
    pub alternative_id: i64,
    pub area: i32,
    pub grp: i32,
    pub short_term: Option<i32>,
    pub long_term: Option<i32>,
    pub uncertain: bool,
    pub justification: Option<String>,
}

impl TryFrom<RatingRow> for Rating {
    type Error = StoreError;
    fn try_from(r: RatingRow) -> Result<Rating, StoreError> {
        Ok(Rating {
            alternative_id: r.alternative_id,
            area: r.area as usize,
            group: r.grp as usize,
            short_term: r.short_term,
            long_term: r.long_term,
            uncertain: r.uncertain,
            justification: r.justification,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct ParticipantRow {
    pub id: i64,
    pub assessment_id: i64,
    pub kind: String,
    pub who: String,
    pub heard_on: String,
    pub method: String,
    pub views: Option<String>,
}

impl TryFrom<ParticipantRow> for Participant {
    type Error = StoreError;
    fn try_from(r: ParticipantRow) -> Result<Participant, StoreError> {
        Ok(Participant {
            id: r.id,
            assessment_id: r.assessment_id,
            input: ParticipantInput {
                kind: ParticipantKind::parse(&r.kind).ok_or_else(|| corrupt("participant kind", &r.kind))?,
                who: r.who,
                heard_on: date("heard_on", &r.heard_on)?,
                method: r.method,
                views: r.views,
            },
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct CitationRow {
    pub assessment_id: i64,
    pub indicator_id: i64,
    pub grp: Option<i32>,
    pub baseline_year: Option<i32>,
    pub baseline_value: Option<f64>,
}

impl TryFrom<CitationRow> for Citation {
    type Error = StoreError;
    fn try_from(r: CitationRow) -> Result<Citation, StoreError> {
        Ok(Citation {
            assessment_id: r.assessment_id,
            indicator_id: r.indicator_id,
            group: r.grp.map(|g| g as usize),
            baseline_year: r.baseline_year,
            baseline_value: r.baseline_value,
        })
    }
}
