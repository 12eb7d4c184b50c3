//! The support-needs survey: the county asks its member municipalities, per sector, how much of its
//! expert support they need in each content area. A survey is written as a draft (its questions
//! editable), then sent to chosen member municipalities; each municipality answers per sector
//! (several people may contribute, their names are kept) and one submits, after which its answers
//! are read-only and the county sees them. The heat map aggregates a municipality's answers over its
//! sectors by [`aggregate`]: **the highest need any sector gave** (one sector's great need is a need
//! the county should hear of).

use super::ContentArea;
use crate::codes::codes;
use crate::error::{optional_text, ErrorCode, FieldErrors};
use crate::lang::Texts;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest question or free text.
pub const TEXT_MAX: usize = 2_000;
/// Most questions in one survey.
pub const QUESTIONS_MAX: usize = 60;

codes! {
    /// How much support a sector needs, from none to great (in this order).
    pub enum NeedLevel: "support-need-" {
        NoNeed = "none",
        SomeNeed = "some",
        Considerable = "considerable",
        Great = "great",
    }
}

impl NeedLevel {
    /// 0 (none) … 3 (great).
    pub fn rank(self) -> usize {
        NeedLevel::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }

    /// Whether the need is considerable or great: one the plan should answer with an action.
    pub fn calls_for_action(self) -> bool {
        self.rank() >= NeedLevel::Considerable.rank()
    }
}

codes! {
    pub enum SurveyState: "support-survey-state-" {
        Draft = "draft",
        Sent = "sent",
    }
}

codes! {
    pub enum ResponseState: "support-response-state-" {
        Draft = "draft",
        Submitted = "submitted",
    }
}

/// The aggregate need of several sectors' answers: the highest (None when nobody answered).
pub fn aggregate(levels: impl IntoIterator<Item = NeedLevel>) -> Option<NeedLevel> {
    levels.into_iter().max_by_key(|l| l.rank())
}

/// One question; `key` stays the same when the questions are edited, so answers keep pointing to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub key: u32,
    pub area: Option<ContentArea>,
    pub text: Texts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyInput {
    pub year: i32,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    pub id: i64,
    pub county_org_id: i64,
    pub input: SurveyInput,
    pub state: SurveyState,
    /// The municipalities it was sent to, by id.
    pub sent_to: Vec<i64>,
    pub sent_at: Option<DateTime<Utc>>,
    pub version: i64,
}

impl Survey {
    pub fn question(&self, key: u32) -> Option<&Question> {
        self.input.questions.iter().find(|q| q.key == key)
    }
}

/// The three-language names of the content areas, for the default questions (the same words as
/// the user interface's `support-area-*`).
fn area_names(a: ContentArea) -> [&'static str; 3] {
    match a {
        ContentArea::PhysicalActivity => ["liikunta", "motion", "physical activity"],
        ContentArea::Nutrition => ["ravitsemus", "näring", "nutrition"],
        ContentArea::SubstanceUse => ["päihteiden käyttö", "användning av berusningsmedel", "substance use"],
        ContentArea::MentalWellbeing => ["mielen hyvinvointi", "psykiskt välbefinnande", "mental well-being"],
        ContentArea::Culture => ["kulttuuri", "kultur", "culture"],
        ContentArea::Safety => [
            "turvallisuus ja tapaturmien ehkäisy",
            "säkerhet och förebyggande av olycksfall",
            "safety and accident prevention",
        ],
        ContentArea::ViolencePrevention => ["väkivallan ehkäisy", "förebyggande av våld", "violence prevention"],
        ContentArea::SubstancePrevention => {
            ["ehkäisevä päihdetyö", "förebyggande missbruksarbete", "preventive substance-abuse work"]
        }
        ContentArea::WellbeingData => [
            "hyvinvointitiedon tuottaminen ja tulkinta",
            "att ta fram och tolka välfärdsdata",
            "producing and interpreting well-being data",
        ],
        ContentArea::WellbeingReport => {
            ["hyvinvointikertomuksen laatiminen", "att skriva välfärdsberättelsen", "writing the well-being report"]
        }
        ContentArea::ImpactAssessment => {
            ["vaikutusten ennakkoarviointi", "förhandsbedömning av konsekvenser", "impact assessment"]
        }
        ContentArea::NationalProgrammes => ["kansalliset ohjelmat", "nationella program", "national programmes"],
    }
}

/// The default set: one question per content area (12), in the areas' order.
pub fn default_questions() -> Vec<Question> {
    ContentArea::ALL
        .iter()
        .zip(1u32..)
        .map(|(a, key)| {
            let [fi, sv, en] = area_names(*a);
            Question {
                key,
                area: Some(*a),
                text: Texts {
                    fi: Some(format!("Kuinka paljon tarvitsette hyvinvointialueen tukea: {fi}?")),
                    sv: Some(format!("Hur mycket stöd behöver ni av välfärdsområdet: {sv}?")),
                    en: Some(format!("How much support do you need from the county: {en}?")),
                },
            }
        })
        .collect()
}

/// The survey form: the year and question rows (`q_key`, `q_area`, `q_fi`, `q_sv`, `q_en`
/// repeating in step; a row with no text is left out, a new row has an empty key).
#[derive(Debug, Clone, Default)]
pub struct SurveyForm {
    pub year: String,
    pub q_key: Vec<String>,
    pub q_area: Vec<String>,
    pub q_fi: Vec<String>,
    pub q_sv: Vec<String>,
    pub q_en: Vec<String>,
    /// Start from the default set (ignores the rows).
    pub defaults: bool,
    pub version: i64,
}

fn cell(v: &[String], i: usize) -> &str {
    v.get(i).map(String::as_str).unwrap_or("")
}

impl SurveyForm {
    pub fn from_pairs(pairs: &[(String, String)]) -> SurveyForm {
        let mut f = SurveyForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "year" => f.year = v,
                "q_key" => f.q_key.push(v),
                "q_area" => f.q_area.push(v),
                "q_fi" => f.q_fi.push(v),
                "q_sv" => f.q_sv.push(v),
                "q_en" => f.q_en.push(v),
                "defaults" => f.defaults = v == "true" || v == "on",
                "version" => f.version = v.trim().parse().unwrap_or(0),
                _ => {}
            }
        }
        f
    }

    pub fn from_survey(s: &Survey) -> SurveyForm {
        let q = &s.input.questions;
        let text = |f: fn(&Texts) -> &Option<String>| -> Vec<String> {
            q.iter().map(|x| f(&x.text).clone().unwrap_or_default()).collect()
        };
        SurveyForm {
            year: s.input.year.to_string(),
            q_key: q.iter().map(|x| x.key.to_string()).collect(),
            q_area: q.iter().map(|x| x.area.map(|a| a.as_str().to_string()).unwrap_or_default()).collect(),
            q_fi: text(|t| &t.fi),
            q_sv: text(|t| &t.sv),
            q_en: text(|t| &t.en),
            defaults: false,
            version: s.version,
        }
    }

    pub fn parse(&self) -> Result<SurveyInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let year = errs.check("year", parse_year(&self.year));
        let questions = if self.defaults { Ok(default_questions()) } else { self.questions() };
        let questions = errs.check("questions", questions);
        match (year, questions) {
            (Some(year), Some(questions)) if errs.is_empty() => Ok(SurveyInput { year, questions }),
            _ => Err(errs),
        }
    }

    fn questions(&self) -> Result<Vec<Question>, ErrorCode> {
        let mut out: Vec<Question> = Vec::new();
        let mut next = self.q_key.iter().filter_map(|k| k.trim().parse::<u32>().ok()).max().unwrap_or(0) + 1;
        let rows = self.q_fi.len().max(self.q_sv.len()).max(self.q_en.len());
        for i in 0..rows.min(QUESTIONS_MAX + 10) {
            let text = Texts {
                fi: optional_text(cell(&self.q_fi, i), TEXT_MAX)?,
                sv: optional_text(cell(&self.q_sv, i), TEXT_MAX)?,
                en: optional_text(cell(&self.q_en, i), TEXT_MAX)?,
            };
            if text.is_empty() {
                continue;
            }
            let area = match cell(&self.q_area, i).trim() {
                "" => None,
                s => Some(ContentArea::parse(s).ok_or(ErrorCode::InvalidInput)?),
            };
            let key = match cell(&self.q_key, i).trim().parse::<u32>() {
                Ok(k) if !out.iter().any(|q| q.key == k) => k,
                _ => {
                    next += 1;
                    next - 1
                }
            };
            out.push(Question { key, area, text });
        }
        if out.is_empty() {
            return Err(ErrorCode::Required);
        }
        if out.len() > QUESTIONS_MAX {
            return Err(ErrorCode::TooLong);
        }
        Ok(out)
    }
}

/// A year between 2000 and 2100.
pub fn parse_year(s: &str) -> Result<i32, ErrorCode> {
    match s.trim() {
        "" => Err(ErrorCode::Required),
        s => s.parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)).ok_or(ErrorCode::YearInvalid),
    }
}

/// One answer: a sector's need for one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub question: u32,
    pub level: NeedLevel,
    pub text: Option<String>,
}

/// What one person saves for one sector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectorAnswers {
    pub sector_id: i64,
    pub answers: Vec<Answer>,
}

/// Someone who contributed answers (`user_id` None for an import or the demo).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contributor {
    pub user_id: Option<i64>,
    pub name: String,
    pub sector_id: i64,
    pub at: DateTime<Utc>,
}

/// A municipality's answer to a survey: its sectors' answers, who contributed, who submitted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    pub id: i64,
    pub survey_id: i64,
    pub org_id: i64,
    pub state: ResponseState,
    /// Per sector (by id, ascending).
    pub sectors: Vec<SectorAnswers>,
    pub contributors: Vec<Contributor>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub submitted_by: Option<String>,
    pub version: i64,
}

/// The answer form of one sector: `level_<key>` and `text_<key>` per question.
pub fn parse_answers(
    survey: &Survey,
    sector_id: i64,
    pairs: &[(String, String)],
) -> Result<SectorAnswers, FieldErrors> {
    let mut errs = FieldErrors::default();
    let mut answers = Vec::new();
    let get = |name: String| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str()).unwrap_or("");
    for q in &survey.input.questions {
        let level = get(format!("level_{}", q.key));
        let text = errs.check("answers", optional_text(get(format!("text_{}", q.key)), TEXT_MAX));
        if level.trim().is_empty() {
            continue;
        }
        match NeedLevel::parse(level.trim()) {
            Some(level) => answers.push(Answer { question: q.key, level, text: text.flatten() }),
            None => errs.add("answers", ErrorCode::InvalidInput),
        }
    }
    if answers.is_empty() && errs.is_empty() {
        errs.add("answers", ErrorCode::Required);
    }
    if errs.is_empty() {
        Ok(SectorAnswers { sector_id, answers })
    } else {
        Err(errs)
    }
}

/// A municipality's need in one content area: the aggregate level and the free texts given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Need {
    pub area: ContentArea,
    pub level: NeedLevel,
    pub texts: Vec<String>,
}

/// A response's needs per content area (questions without an area are left out), in the areas'
/// order; the level is the highest over its sectors and questions ([`aggregate`]).
pub fn needs(survey: &Survey, response: &Response) -> Vec<Need> {
    let mut by_area: BTreeMap<usize, Need> = BTreeMap::new();
    for s in &response.sectors {
        for a in &s.answers {
            let Some(area) = survey.question(a.question).and_then(|q| q.area) else { continue };
            let idx = ContentArea::ALL.iter().position(|x| *x == area).unwrap_or(0);
            let need = by_area.entry(idx).or_insert(Need { area, level: a.level, texts: vec![] });
            need.level = aggregate([need.level, a.level]).unwrap_or(a.level);
            need.texts.extend(a.text.clone());
        }
    }
    by_area.into_values().collect()
}

/// One row of the heat map: a municipality and its level in each content area (None: no answer).
#[derive(Debug, Clone, PartialEq)]
pub struct HeatRow {
    pub org_id: i64,
    pub cells: Vec<Option<NeedLevel>>,
    pub needs: Vec<Need>,
}

/// The heat map: municipality × content area ([`ContentArea::ALL`] order), from the submitted
/// responses only; one row per municipality the survey was sent to (empty cells when it has not
/// submitted).
pub fn heat_map(survey: &Survey, responses: &[Response]) -> Vec<HeatRow> {
    survey
        .sent_to
        .iter()
        .map(|org| {
            let needs = responses
                .iter()
                .find(|r| r.org_id == *org && r.state == ResponseState::Submitted)
                .map(|r| needs(survey, r))
                .unwrap_or_default();
            let cells = ContentArea::ALL.iter().map(|a| needs.iter().find(|n| n.area == *a).map(|n| n.level)).collect();
            HeatRow { org_id: *org, cells, needs }
        })
        .collect()
}

/// The summary per content area: how many municipalities are at each level ([`NeedLevel::ALL`]
/// order), and how many did not answer it.
pub fn summary(rows: &[HeatRow]) -> Vec<(ContentArea, [usize; 4], usize)> {
    ContentArea::ALL
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut counts = [0usize; 4];
            let mut missing = 0;
            for r in rows {
                match r.cells.get(i).copied().flatten() {
                    Some(l) => {
                        if let Some(c) = counts.get_mut(l.rank()) {
                            *c += 1;
                        }
                    }
                    None => missing += 1,
                }
            }
            (*a, counts, missing)
        })
        .collect()
}

/// The content areas where the heat map found a need that calls for action (considerable or
/// great), in [`ContentArea::ALL`] order, each with the municipalities that have it (heat-map
/// order): what the county may recommend good practices for.
pub fn needs_found(heat: &[HeatRow]) -> Vec<(ContentArea, Vec<i64>)> {
    ContentArea::ALL
        .iter()
        .enumerate()
        .filter_map(|(i, area)| {
            let orgs: Vec<i64> = heat
                .iter()
                .filter(|r| r.cells.get(i).copied().flatten().is_some_and(|l| l.calls_for_action()))
                .map(|r| r.org_id)
                .collect();
            (!orgs.is_empty()).then_some((*area, orgs))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn survey() -> Survey {
        Survey {
            id: 1,
            county_org_id: 9,
            input: SurveyInput { year: 2026, questions: default_questions() },
            state: SurveyState::Sent,
            sent_to: vec![4, 5],
            sent_at: None,
            version: 2,
        }
    }

    fn response(org_id: i64, state: ResponseState, sectors: Vec<SectorAnswers>) -> Response {
        Response {
            id: org_id,
            survey_id: 1,
            org_id,
            state,
            sectors,
            contributors: vec![],
            submitted_at: None,
            submitted_by: None,
            version: 1,
        }
    }

    fn ans(question: u32, level: NeedLevel, text: Option<&str>) -> Answer {
        Answer { question, level, text: text.map(String::from) }
    }

    #[test]
    fn the_aggregate_is_the_highest_level() {
        assert_eq!(aggregate([]), None);
        assert_eq!(aggregate([NeedLevel::SomeNeed, NeedLevel::Great, NeedLevel::NoNeed]), Some(NeedLevel::Great));
        assert_eq!(aggregate([NeedLevel::NoNeed]), Some(NeedLevel::NoNeed));
        assert!(NeedLevel::Considerable.calls_for_action() && !NeedLevel::SomeNeed.calls_for_action());
        crate::codes::assert_codes::<NeedLevel>(&["none", "some", "considerable", "great"]);
    }

    #[test]
    fn the_default_set_has_one_question_per_area_in_three_languages() {
        let q = default_questions();
        assert_eq!(q.len(), 12);
        assert!(q.iter().all(|x| x.text.fi.is_some() && x.text.sv.is_some() && x.text.en.is_some()));
        assert_eq!(q[0].area, Some(ContentArea::PhysicalActivity));
        assert_eq!(q[11].key, 12);
    }

    #[test]
    fn the_form_keeps_keys_and_refuses_bad_rows() {
        let f = SurveyForm {
            year: "2026".into(),
            q_key: vec!["3".into(), "".into(), "".into()],
            q_area: vec!["culture".into(), "".into(), "".into()],
            q_fi: vec!["Kulttuuri?".into(), "".into(), "Muuta?".into()],
            q_sv: vec![],
            q_en: vec!["".into(), "".into(), "Other?".into()],
            ..Default::default()
        };
        let input = f.parse().unwrap();
        assert_eq!(input.questions.len(), 2);
        assert_eq!((input.questions[0].key, input.questions[0].area), (3, Some(ContentArea::Culture)));
        assert_eq!((input.questions[1].key, input.questions[1].area), (4, None));
        let bad = SurveyForm { year: "1999".into(), ..Default::default() };
        let fields: Vec<_> = bad.parse().unwrap_err().0.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(fields, [("year", ErrorCode::YearInvalid), ("questions", ErrorCode::Required)]);
        let defaults = SurveyForm { year: "2026".into(), defaults: true, ..Default::default() };
        assert_eq!(defaults.parse().unwrap().questions.len(), 12);
    }

    #[test]
    fn answers_parse_per_question() {
        let s = survey();
        let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
        let a =
            parse_answers(&s, 7, &pairs(&[("level_1", "great"), ("text_1", " Liikuntaneuvonta "), ("level_2", "")]))
                .unwrap();
        assert_eq!(a.answers, [ans(1, NeedLevel::Great, Some("Liikuntaneuvonta"))]);
        assert_eq!(parse_answers(&s, 7, &pairs(&[])).unwrap_err().0[0].code, ErrorCode::Required);
        assert_eq!(
            parse_answers(&s, 7, &pairs(&[("level_1", "huge")])).unwrap_err().0[0].code,
            ErrorCode::InvalidInput
        );
    }

    #[test]
    fn the_heat_map_takes_the_highest_sector_and_only_submitted_answers() {
        let s = survey();
        let kuopio = response(
            4,
            ResponseState::Submitted,
            vec![
                SectorAnswers {
                    sector_id: 1,
                    answers: vec![ans(1, NeedLevel::SomeNeed, Some("a")), ans(9, NeedLevel::Great, None)],
                },
                SectorAnswers { sector_id: 2, answers: vec![ans(1, NeedLevel::Considerable, Some("b"))] },
            ],
        );
        let draft = response(
            5,
            ResponseState::Draft,
            vec![SectorAnswers { sector_id: 3, answers: vec![ans(1, NeedLevel::Great, None)] }],
        );
        let rows = heat_map(&s, &[kuopio, draft]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cells[0], Some(NeedLevel::Considerable));
        assert_eq!(rows[0].cells[8], Some(NeedLevel::Great));
        assert_eq!(rows[0].cells[1], None);
        assert_eq!(rows[0].needs[0].texts, ["a", "b"]);
        assert!(rows[1].cells.iter().all(Option::is_none), "a draft is not counted");
        let sum = summary(&rows);
        assert_eq!(sum[0], (ContentArea::PhysicalActivity, [0, 0, 1, 0], 1));
    }

    #[test]
    fn needs_found_are_the_areas_with_a_considerable_or_great_need() {
        let mut cells = vec![None; ContentArea::ALL.len()];
        cells[0] = Some(NeedLevel::Great);
        cells[1] = Some(NeedLevel::SomeNeed);
        let mut other = vec![None; ContentArea::ALL.len()];
        other[0] = Some(NeedLevel::Considerable);
        other[3] = Some(NeedLevel::Great);
        let heat =
            vec![HeatRow { org_id: 7, cells, needs: vec![] }, HeatRow { org_id: 9, cells: other, needs: vec![] }];
        assert_eq!(
            needs_found(&heat),
            [(ContentArea::PhysicalActivity, vec![7, 9]), (ContentArea::MentalWellbeing, vec![9])]
        );
    }
}
