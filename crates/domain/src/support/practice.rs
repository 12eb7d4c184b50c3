//! The good-practice library (*hyvät käytännöt*, seeds 001/002): practices, the evidence behind
//! them, where they are used (adoptions) and the county's recommendations. A practice belongs to
//! the organisation that wrote it (a county, usually); published, anyone finds it. A municipality
//! adopts a practice into its plan as a measure in one step; the county recommends practices for
//! a content area (the needs its survey found), to all its municipalities or to one.
//! [`exchange`] is the JSON format libraries are shared in between counties.

pub mod exchange;

use super::ContentArea;
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::population::{Groups, PopulationGroup};
use crate::{Lang, Names, Texts};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The longest name (per language).
pub const NAME_MAX: usize = 200;
/// The longest long text (per language): what it is, costs and resources, results.
pub const LONG_MAX: usize = 4_000;
/// The longest contact.
pub const CONTACT_MAX: usize = 500;
/// The most links a practice has.
pub const LINKS_MAX: usize = 10;
/// The longest link.
pub const URL_MAX: usize = 500;

codes! {
    /// How well the practice's effects are known.
    pub enum EvidenceLevel: "practice-evidence-" {
        /// Described: what it is and how it is done.
        Described = "described",
        /// Evaluated locally: its users have followed and assessed it.
        EvaluatedLocally = "evaluated_locally",
        /// Evaluated for effectiveness (a study of its effects).
        EvaluatedEffectiveness = "evaluated_effectiveness",
    }
}

/// The translation keys the library's pages build from codes.
pub fn translation_keys() -> impl Iterator<Item = String> {
    crate::codes::keys::<EvidenceLevel>()
}

/// A web address behind the evidence: `http://` or `https://`, a host, no spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Link(String);

impl Link {
    pub fn parse(s: &str) -> Result<Link, ErrorCode> {
        let s = s.trim();
        if s.chars().count() > URL_MAX {
            return Err(ErrorCode::TooLong);
        }
        let lower = s.to_ascii_lowercase();
        let rest = if lower.starts_with("https://") {
            s.get(8..)
        } else if lower.starts_with("http://") {
            s.get(7..)
        } else {
            None
        };
        let rest = rest.ok_or(ErrorCode::InvalidInput)?;
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host_ok = !host.is_empty()
            && !host.contains('@')
            && host.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | ':' | '[' | ']'))
            && host.chars().any(|c| c.is_alphanumeric());
        let chars_ok = s.chars().all(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '"' | '<' | '>' | '\\'));
        if host_ok && chars_ok {
            Ok(Link(s.to_string()))
        } else {
            Err(ErrorCode::InvalidInput)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Link {
    type Error = String;
    fn try_from(s: String) -> Result<Link, String> {
        Link::parse(&s).map_err(|e| format!("invalid link: {e}"))
    }
}

impl From<Link> for String {
    fn from(l: Link) -> String {
        l.0
    }
}

/// A practice's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeInput {
    pub name: Names,
    /// What it is (at least one language).
    pub summary: Texts,
    /// Costs and resources.
    pub costs: Texts,
    /// Results (its own evaluations, what is known).
    pub results: Texts,
    pub target_groups: Groups,
    pub area: ContentArea,
    pub evidence: EvidenceLevel,
    pub links: Vec<Link>,
    pub contact: Option<String>,
    /// Where an imported practice came from (the file and its library), else None.
    pub source: Option<String>,
}

/// A stored practice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Practice {
    pub id: i64,
    /// The organisation that wrote it (or imported it).
    pub org_id: i64,
    pub input: PracticeInput,
    pub published: bool,
    pub version: i64,
}

/// The public search's filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PracticeFilter {
    /// Words that must all occur, in any language.
    pub words: String,
    pub area: Option<ContentArea>,
    pub group: Option<PopulationGroup>,
    pub evidence: Option<EvidenceLevel>,
}

impl Practice {
    pub fn name(&self, lang: Lang) -> &str {
        self.input.name.get(lang)
    }

    /// Whether it passes `f`: every word in its names or texts (any language), its area, one of
    /// its target groups, its evidence level.
    pub fn matches(&self, f: &PracticeFilter) -> bool {
        let i = &self.input;
        if f.area.is_some_and(|a| a != i.area)
            || f.group.is_some_and(|g| !i.target_groups.contains(g))
            || f.evidence.is_some_and(|e| e != i.evidence)
        {
            return false;
        }
        let mut hay: Vec<&str> = vec![&i.name.fi];
        hay.extend(i.name.sv.as_deref());
        hay.extend(i.name.en.as_deref());
        hay.extend(i.summary.all().chain(i.costs.all()).chain(i.results.all()));
        let hay = hay.join(" ").to_lowercase();
        f.words.split_whitespace().all(|w| hay.contains(&w.to_lowercase()))
    }
}

/// The practice form; `target_groups` repeats, `links` has one address a line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PracticeForm {
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub summary_fi: String,
    pub summary_sv: String,
    pub summary_en: String,
    pub costs_fi: String,
    pub costs_sv: String,
    pub costs_en: String,
    pub results_fi: String,
    pub results_sv: String,
    pub results_en: String,
    pub target_groups: Vec<String>,
    pub area: String,
    pub evidence: String,
    pub links: String,
    pub contact: String,
    pub version: i64,
}

impl PracticeForm {
    pub fn from_pairs(pairs: &[(String, String)]) -> PracticeForm {
        let mut f = PracticeForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            let slot = match k.as_str() {
                "target_groups" => {
                    f.target_groups.push(v);
                    continue;
                }
                "version" => {
                    f.version = v.trim().parse().unwrap_or(0);
                    continue;
                }
                "name_fi" => &mut f.name_fi,
                "name_sv" => &mut f.name_sv,
                "name_en" => &mut f.name_en,
                "summary_fi" => &mut f.summary_fi,
                "summary_sv" => &mut f.summary_sv,
                "summary_en" => &mut f.summary_en,
                "costs_fi" => &mut f.costs_fi,
                "costs_sv" => &mut f.costs_sv,
                "costs_en" => &mut f.costs_en,
                "results_fi" => &mut f.results_fi,
                "results_sv" => &mut f.results_sv,
                "results_en" => &mut f.results_en,
                "area" => &mut f.area,
                "evidence" => &mut f.evidence,
                "links" => &mut f.links,
                "contact" => &mut f.contact,
                _ => continue,
            };
            *slot = v;
        }
        f
    }

    /// The form of a stored practice (to edit it).
    pub fn of(p: &Practice) -> PracticeForm {
        let i = &p.input;
        let s = |o: &Option<String>| o.clone().unwrap_or_default();
        PracticeForm {
            name_fi: i.name.fi.clone(),
            name_sv: s(&i.name.sv),
            name_en: s(&i.name.en),
            summary_fi: s(&i.summary.fi),
            summary_sv: s(&i.summary.sv),
            summary_en: s(&i.summary.en),
            costs_fi: s(&i.costs.fi),
            costs_sv: s(&i.costs.sv),
            costs_en: s(&i.costs.en),
            results_fi: s(&i.results.fi),
            results_sv: s(&i.results.sv),
            results_en: s(&i.results.en),
            target_groups: i.target_groups.iter().map(|g| g.as_str().to_string()).collect(),
            area: i.area.as_str().to_string(),
            evidence: i.evidence.as_str().to_string(),
            links: i.links.iter().map(Link::as_str).collect::<Vec<_>>().join("\n"),
            contact: s(&i.contact),
            version: p.version,
        }
    }

    /// The practice (its `source` None: a form never sets it).
    pub fn parse(&self) -> Result<PracticeInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let fi = errs.check("name_fi", required_text(&self.name_fi, NAME_MAX));
        let sv = errs.check("name_sv", optional_text(&self.name_sv, NAME_MAX));
        let en = errs.check("name_en", optional_text(&self.name_en, NAME_MAX));
        let mut texts = |v: [&str; 3], f: [&'static str; 3]| match Texts::parse(v, f, LONG_MAX) {
            Ok(t) => Some(t),
            Err((field, code)) => {
                errs.add(field, code);
                None
            }
        };
        let summary = texts([&self.summary_fi, &self.summary_sv, &self.summary_en], SUMMARY_FIELDS);
        let costs = texts([&self.costs_fi, &self.costs_sv, &self.costs_en], ["costs_fi", "costs_sv", "costs_en"]);
        let results =
            texts([&self.results_fi, &self.results_sv, &self.results_en], ["results_fi", "results_sv", "results_en"]);
        if summary.as_ref().is_some_and(Texts::is_empty) {
            errs.add("summary_fi", ErrorCode::Required);
        }
        let groups = Groups::parse(self.target_groups.iter().map(String::as_str)).ok_or(ErrorCode::InvalidInput);
        let target_groups = errs.check("target_groups", groups);
        let area = errs.check("area", ContentArea::parse(self.area.trim()).ok_or(ErrorCode::Required));
        let evidence = errs.check("evidence", EvidenceLevel::parse(self.evidence.trim()).ok_or(ErrorCode::Required));
        let links = errs.check("links", parse_links(&self.links));
        let contact = errs.check("contact", optional_text(&self.contact, CONTACT_MAX));
        match (fi, sv, en, summary, costs, results, target_groups, area, evidence, links, contact) {
            (
                Some(fi),
                Some(sv),
                Some(en),
                Some(summary),
                Some(costs),
                Some(results),
                Some(target_groups),
                Some(area),
                Some(evidence),
                Some(links),
                Some(contact),
            ) if errs.is_empty() => Ok(PracticeInput {
                name: Names::new(fi, sv, en),
                summary,
                costs,
                results,
                target_groups,
                area,
                evidence,
                links,
                contact,
                source: None,
            }),
            _ => Err(errs),
        }
    }
}

const SUMMARY_FIELDS: [&str; 3] = ["summary_fi", "summary_sv", "summary_en"];

/// Links, one a line (empty lines skipped, repeats dropped); at most [`LINKS_MAX`].
pub fn parse_links(s: &str) -> Result<Vec<Link>, ErrorCode> {
    let mut out: Vec<Link> = vec![];
    for line in s.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let l = Link::parse(line)?;
        if !out.contains(&l) {
            out.push(l);
        }
    }
    if out.len() > LINKS_MAX {
        return Err(ErrorCode::TooLong);
    }
    Ok(out)
}

/// An organisation's use of a practice: since when, with what results; the plan measure it was
/// adopted as (None when that measure has since been removed, or it was recorded without one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adoption {
    pub id: i64,
    pub practice_id: i64,
    pub org_id: i64,
    pub measure_id: Option<i64>,
    /// The report whose plan holds the measure.
    pub report_id: Option<i64>,
    pub since: NaiveDate,
    pub results: Option<String>,
}

/// Adopting a practice into a report's plan: the measure is made from the practice (its name and
/// summary in `lang`), linked to `goal_id` when given.
#[derive(Debug, Clone, PartialEq)]
pub struct AdoptionInput {
    pub report_id: i64,
    pub goal_id: Option<i64>,
    pub since: NaiveDate,
    pub results: Option<String>,
    pub lang: Lang,
}

/// The adoption form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AdoptForm {
    pub report_id: String,
    pub goal_id: String,
    pub since: String,
    pub results: String,
}

/// An id field: required, or optional (`None` when empty).
fn id_field(s: &str, required: bool) -> Result<Option<i64>, ErrorCode> {
    match s.trim() {
        "" if required => Err(ErrorCode::Required),
        "" => Ok(None),
        t => t.parse::<i64>().map(Some).map_err(|_| ErrorCode::ReferenceInvalid),
    }
}

/// A date `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, ErrorCode> {
    match s.trim() {
        "" => Err(ErrorCode::Required),
        t => NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| ErrorCode::DateInvalid),
    }
}

impl AdoptForm {
    pub fn parse(&self, lang: Lang) -> Result<AdoptionInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let report_id = errs.check("report_id", id_field(&self.report_id, true));
        let goal_id = errs.check("goal_id", id_field(&self.goal_id, false));
        let since = errs.check("since", parse_date(&self.since));
        let results = errs.check("results", optional_text(&self.results, LONG_MAX));
        match (report_id, goal_id, since, results) {
            (Some(Some(report_id)), Some(goal_id), Some(since), Some(results)) => {
                Ok(AdoptionInput { report_id, goal_id, since, results, lang })
            }
            _ => Err(errs),
        }
    }
}

/// A county's recommendation of a practice for a content area in a year, to all its member
/// municipalities or to one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendationInput {
    pub year: i32,
    pub area: ContentArea,
    pub practice_id: i64,
    pub municipality_id: Option<i64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub id: i64,
    pub county_id: i64,
    pub input: RecommendationInput,
}

/// The recommendation form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RecommendForm {
    pub year: String,
    pub area: String,
    pub practice_id: String,
    pub municipality_id: String,
    pub note: String,
}

impl RecommendForm {
    pub fn parse(&self) -> Result<RecommendationInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let year =
            errs.check("year", crate::reports::parse_year(&self.year).and_then(|y| y.ok_or(ErrorCode::Required)));
        let area = errs.check("area", ContentArea::parse(self.area.trim()).ok_or(ErrorCode::Required));
        let practice_id = errs.check("practice_id", id_field(&self.practice_id, true));
        let municipality_id = errs.check("municipality_id", id_field(&self.municipality_id, false));
        let note = errs.check("note", optional_text(&self.note, LONG_MAX));
        match (year, area, practice_id, municipality_id, note) {
            (Some(year), Some(area), Some(Some(practice_id)), Some(municipality_id), Some(note)) => {
                Ok(RecommendationInput { year, area, practice_id, municipality_id, note })
            }
            _ => Err(errs),
        }
    }
}

#[cfg(test)]
mod tests;
