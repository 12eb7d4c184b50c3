//! The well-being report and plan (*hyvinvointikertomus ja -suunnitelma*, Act 612/2021 §6–7):
//! the report once per council term, the annual report to the council, and the regional report.
//! Pure types and rules: council terms, the workflow, the default structure, and goal progress.

pub mod diff;
pub mod markup;
mod plan;
mod plan_items;
mod structure;
mod workflow;

pub use plan::*;
pub use plan_items::*;
pub use structure::*;
pub use workflow::*;

use crate::codes::{codes, keys};
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::Lang;
use serde::{Deserialize, Serialize};

/// Longest title or name in a report's forms.
pub(crate) const TEXT_MAX: usize = 200;

codes! {
    /// A term report (once per council term) or an annual report (a year within a term).
    pub enum ReportKind: "report-kind-" {
        Term = "term",
        Annual = "annual",
    }
}

/// The languages a report can be written in (`report-lang-<code>` in the forms).
pub const REPORT_LANGS: [Lang; 2] = [Lang::Fi, Lang::Sv];

/// The translation keys the reports' pages build from codes.
pub fn translation_keys() -> Vec<String> {
    let mut k: Vec<String> = keys::<ReportKind>().collect();
    k.extend(keys::<ReportState>());
    k.extend(SectionKind::CHOOSABLE.map(SectionKind::translation_key));
    k.extend(keys::<MeasureStatus>());
    k.extend(keys::<ExampleStructure>());
    k.extend(keys::<GoalProgress>());
    k.extend(keys::<PlanItem>());
    k.extend(PlanItem::ALL.map(PlanItem::help_key));
    k.extend(REPORT_LANGS.map(|l| format!("report-lang-{}", l.code())));
    k
}

/// A council term (*valtuustokausi*), e.g. 2025–2029: four years, the last shared with the next
/// term (councils change in June). The first county councils' term was shorter: 2022–2025.
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
        // The start is checked first: `2147483647` must not overflow the default end.
        if !(2000..=2100).contains(&start) {
            return Err(ErrorCode::TermInvalid);
        }
        let end: i32 = match parts.next() {
            Some(p) => p.parse().map_err(|_| ErrorCode::TermInvalid)?,
            None => start + 4,
        };
        if parts.next().is_some() || !end.checked_sub(start).is_some_and(|d| (3..=4).contains(&d)) {
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

codes! {
    /// What a section holds.
    pub enum SectionKind: "section-kind-" {
        /// Rich text written by people.
        Narrative = "narrative",
        /// Indicators chosen from the knowledge base, rendered live, with generated sentences.
        Indicators = "indicators",
        /// The plan: priorities, goals and measures.
        Plan = "plan",
    }
}

impl SectionKind {
    /// The kinds a user chooses for a section (each report has exactly one plan section).
    pub const CHOOSABLE: [SectionKind; 2] = [SectionKind::Narrative, SectionKind::Indicators];
}

/// One section of a THL example structure: its key, kind and default titles (fi, sv, en).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultSection {
    pub key: &'static str,
    pub kind: SectionKind,
    pub fi: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
}

const fn section(
    key: &'static str,
    kind: SectionKind,
    fi: &'static str,
    sv: &'static str,
    en: &'static str,
) -> DefaultSection {
    DefaultSection { key, kind, fi, sv, en }
}

const SUMMARY: DefaultSection = section("summary", SectionKind::Narrative, "Tiivistelmä", "Sammanfattning", "Summary");
const ANNEXES: DefaultSection = section("annexes", SectionKind::Narrative, "Liitteet", "Bilagor", "Annexes");

/// THL's example structure of a municipality's well-being report and plan. The titles are
/// content in the report's language; organisations may rename, add and remove sections.
pub const DEFAULT_SECTIONS: [DefaultSection; 9] = [
    SUMMARY,
    section(
        "background",
        SectionKind::Narrative,
        "Tausta, tarkoitus ja tavoitteet",
        "Bakgrund, syfte och mål",
        "Background, purpose and goals",
    ),
    section(
        "previous_term",
        SectionKind::Narrative,
        "Edellisen valtuustokauden toimenpiteiden ja resurssien arviointi",
        "Utvärdering av föregående fullmäktigeperiods åtgärder och resurser",
        "Evaluation of the previous council term's measures and resources",
    ),
    section(
        "population",
        SectionKind::Indicators,
        "Väestön hyvinvointi, terveys ja palvelut väestöryhmittäin",
        "Befolkningens välfärd, hälsa och tjänster per befolkningsgrupp",
        "The population's well-being, health and services by population group",
    ),
    section(
        "inequality",
        SectionKind::Indicators,
        "Terveyserot ja eriarvoisuus",
        "Hälsoskillnader och ojämlikhet",
        "Health inequalities",
    ),
    section(
        "strengths",
        SectionKind::Narrative,
        "Vahvuudet ja kehittämiskohteet",
        "Styrkor och utvecklingsområden",
        "Strengths and areas to develop",
    ),
    section("conclusions", SectionKind::Narrative, "Johtopäätökset", "Slutsatser", "Conclusions"),
    section("plan", SectionKind::Plan, "Hyvinvointisuunnitelma", "Välfärdsplan", "Well-being plan"),
    ANNEXES,
];

/// THL's example structure of the regional well-being report and plan of a wellbeing services
/// county (and of Helsinki), compiled with the municipalities: a report part and a plan part.
pub const REGIONAL_SECTIONS: [DefaultSection; 11] = [
    SUMMARY,
    section(
        "state",
        SectionKind::Indicators,
        "Hyvinvoinnin tila alueella",
        "Läget för hälsa och välfärd i området",
        "The state of well-being in the area",
    ),
    section(
        "municipalities",
        SectionKind::Narrative,
        "Kuntien vahvuudet ja huolenaiheet",
        "Kommunernas styrkor och svagheter",
        "The municipalities' strengths and concerns",
    ),
    section(
        "inequality",
        SectionKind::Indicators,
        "Alueelliset ja väestöryhmittäiset erot",
        "Skillnader mellan regioner och befolkningsgrupper",
        "Differences between areas and population groups",
    ),
    section(
        "structures",
        SectionKind::Narrative,
        "Hyvinvoinnin ja terveyden edistämisen rakenteet alueella",
        "Strukturerna för främjandet av hälsa och välfärd i området",
        "Health and well-being promotion structures in the area",
    ),
    section(
        "plan",
        SectionKind::Plan,
        "Alueelliset tavoitteet ja toimenpiteet",
        "Regionala mål och åtgärder",
        "Regional goals and measures",
    ),
    section(
        "resources",
        SectionKind::Narrative,
        "Resurssit ja vastuutahot",
        "Resurser och ansvariga parter",
        "Resources and responsible parties",
    ),
    section(
        "municipal_cooperation",
        SectionKind::Narrative,
        "Yhteistyö kuntien ja muiden toimijoiden kanssa",
        "Samarbete med kommunerna och andra aktörer",
        "Cooperation with municipalities and other actors",
    ),
    section(
        "to_state",
        SectionKind::Narrative,
        "Tieto valtionhallinnolle",
        "Information till statsförvaltningen",
        "Information for central government",
    ),
    section(
        "evaluation",
        SectionKind::Narrative,
        "Arviointi ja seuranta",
        "Utvärdering och uppföljning",
        "Evaluation and follow-up",
    ),
    ANNEXES,
];

codes! {
    /// Which of THL's example structures an organisation's reports start from.
    pub enum ExampleStructure: "structure-kind-" {
        Municipal = "municipal",
        Regional = "regional",
    }
}

impl ExampleStructure {
    /// The regional one for a body with the county's role (§7), the municipal one otherwise.
    pub fn of(kind: crate::OrgKind) -> ExampleStructure {
        if kind.is_county() {
            ExampleStructure::Regional
        } else {
            ExampleStructure::Municipal
        }
    }

    pub fn sections(self) -> &'static [DefaultSection] {
        match self {
            ExampleStructure::Municipal => &DEFAULT_SECTIONS,
            ExampleStructure::Regional => &REGIONAL_SECTIONS,
        }
    }
}

/// The default section with `key`, from either example structure.
pub fn default_section(key: &str) -> Option<&'static DefaultSection> {
    DEFAULT_SECTIONS.iter().chain(REGIONAL_SECTIONS.iter()).find(|d| d.key == key)
}

/// A well-being report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub id: i64,
    pub org_id: i64,
    pub kind: ReportKind,
    pub term: CouncilTerm,
    /// The year an annual report covers (None for a term report).
    pub year: Option<i32>,
    /// The languages it is written in: Finnish and/or Swedish.
    pub languages: Vec<Lang>,
    pub title: String,
    pub state: ReportState,
    /// The term report an annual report follows up.
    pub based_on: Option<i64>,
    /// The content version being edited or last approved: 1, 2, …
    pub content_version: i32,
    /// The approved version that is public, if any.
    pub published_version: Option<i32>,
    pub approval: Option<Approval>,
    /// Optimistic concurrency of the report row.
    pub version: i64,
}

impl Report {
    /// The report whose plan this one shows: an annual report follows up its term report's plan.
    pub fn plan_report_id(&self) -> i64 {
        self.based_on.filter(|_| self.kind == ReportKind::Annual).unwrap_or(self.id)
    }
}

/// A new report, parsed from a form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewReport {
    pub kind: ReportKind,
    pub term: CouncilTerm,
    pub year: Option<i32>,
    pub languages: Vec<Lang>,
    pub title: String,
    pub based_on: Option<i64>,
}

impl NewReport {
    /// An annual report needs a year within the term; a report is written in Finnish, Swedish or both.
    pub fn parse(
        kind: &str,
        term: &str,
        year: &str,
        languages: &[&str],
        title: &str,
        based_on: Option<i64>,
    ) -> Result<NewReport, FieldErrors> {
        let mut errs = FieldErrors::default();
        let kind = errs.check("kind", ReportKind::parse(kind).ok_or(ErrorCode::InvalidInput));
        let term = errs.check("term", CouncilTerm::parse(term));
        let year = errs.check("year", parse_year(year));
        if let (Some(ReportKind::Annual), Some(t), Some(y)) = (kind, term, year) {
            match y {
                None => errs.add("year", ErrorCode::Required),
                Some(y) if !t.contains(y) => errs.add("year", ErrorCode::YearInvalid),
                _ => {}
            }
        }
        let mut langs: Vec<Lang> = vec![];
        for l in languages {
            match Lang::parse(l).filter(|l| REPORT_LANGS.contains(l)) {
                Some(l) if !langs.contains(&l) => langs.push(l),
                Some(_) => {}
                None => errs.add("languages", ErrorCode::LangInvalid),
            }
        }
        if langs.is_empty() && languages.is_empty() {
            errs.add("languages", ErrorCode::Required);
        }
        let title = errs.check("title", required_text(title, TEXT_MAX));
        match (kind, term, year, title) {
            (Some(kind), Some(term), Some(year), Some(title)) if errs.is_empty() => Ok(NewReport {
                year: if kind == ReportKind::Annual { year } else { None },
                kind,
                term,
                languages: langs,
                title,
                based_on,
            }),
            _ => Err(errs),
        }
    }
}

/// One section of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: i64,
    pub report_id: i64,
    pub position: i32,
    /// The default section's key, or `custom`.
    pub key: String,
    pub kind: SectionKind,
    pub title: crate::Names,
    /// Narrative text (Hyte's safe rich-text subset), in Finnish and Swedish.
    pub body_fi: String,
    pub body_sv: String,
    /// The indicators an indicator section shows.
    pub indicator_ids: Vec<i64>,
    pub version: i64,
}

/// The longest narrative text of one section in one language.
pub const BODY_MAX: usize = 100_000;

/// An edit of a section, parsed from its form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionEdit {
    pub title: crate::Names,
    pub body_fi: String,
    pub body_sv: String,
    pub indicator_ids: Vec<i64>,
}

impl SectionEdit {
    /// `indicator_ids`: whole numbers separated by commas or spaces.
    pub fn parse(
        title: (&str, &str, &str),
        body_fi: &str,
        body_sv: &str,
        indicator_ids: &str,
    ) -> Result<SectionEdit, FieldErrors> {
        let mut errs = FieldErrors::default();
        let fi = errs.check("title_fi", required_text(title.0, TEXT_MAX));
        let sv = errs.check("title_sv", optional_text(title.1, TEXT_MAX));
        let en = errs.check("title_en", optional_text(title.2, TEXT_MAX));
        for (field, body) in [("body_fi", body_fi), ("body_sv", body_sv)] {
            if body.chars().count() > BODY_MAX {
                errs.add(field, ErrorCode::TooLong);
            }
        }
        let ids: Result<Vec<i64>, _> = indicator_ids
            .split([',', ' ', '\n', '\r', '\t'])
            .filter(|s| !s.is_empty())
            .map(str::parse::<i64>)
            .collect();
        let ids = errs.check("indicator_ids", ids.map_err(|_| ErrorCode::InvalidInput));
        match (fi, sv, en, ids) {
            (Some(fi), Some(sv), Some(en), Some(mut ids)) if errs.is_empty() => {
                let mut seen = std::collections::HashSet::new();
                ids.retain(|i| seen.insert(*i));
                Ok(SectionEdit {
                    title: crate::Names::new(fi, sv, en),
                    body_fi: body_fi.replace("\r\n", "\n").trim_end().to_string(),
                    body_sv: body_sv.replace("\r\n", "\n").trim_end().to_string(),
                    indicator_ids: ids,
                })
            }
            _ => Err(errs),
        }
    }
}

/// A review comment on a section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub id: i64,
    pub report_id: i64,
    pub section_id: i64,
    /// The commenter's display name (None for the command line).
    pub author: Option<String>,
    pub body: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub resolved: bool,
}

/// A comment's text: required, at most 4,000 characters.
pub fn parse_comment(body: &str) -> Result<String, FieldErrors> {
    let mut errs = FieldErrors::default();
    match errs.check("body", required_text(body, 4_000)) {
        Some(b) => Ok(b),
        None => Err(errs),
    }
}

/// An approved, frozen version of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportVersion {
    pub report_id: i64,
    pub number: i32,
    pub approved_at: chrono::DateTime<chrono::Utc>,
    pub approval: Approval,
    /// The report's title and sections at approval ([`Snapshot`]).
    pub content: Snapshot,
}

/// What an approved version freezes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub title: String,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub plan: Plan,
    /// The generated sections (the county's services, interface services) as they stood at
    /// approval, in each of the report's languages; None for a version approved before they were
    /// kept (those show the current figures).
    #[serde(default)]
    pub generated: Option<Vec<FrozenSection>>,
}

/// A generated section's lead and tables at approval, in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrozenSection {
    pub key: String,
    pub lang: Lang,
    pub title: String,
    pub lead: String,
    pub tables: Vec<FrozenTable>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrozenTable {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
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
        assert_eq!(CouncilTerm::parse("2022–2025"), Ok(CouncilTerm { start: 2022, end: 2025 }), "first county term");
        assert_eq!(CouncilTerm::parse("2025–2027"), Err(ErrorCode::TermInvalid));
        assert_eq!(CouncilTerm::parse("kausi"), Err(ErrorCode::TermInvalid));
        assert_eq!(CouncilTerm::parse(""), Err(ErrorCode::Required));
        let t = CouncilTerm::parse("2025-2029").unwrap();
        assert!(t.contains(2026) && !t.contains(2030));
        assert_eq!(t.to_string(), "2025–2029");
    }

    #[test]
    fn section_edits_parse() {
        let e = SectionEdit::parse(("Tiivistelmä", "", ""), "Teksti\r\n\r\n", "", "12, 7 12\n3").unwrap();
        assert_eq!((e.body_fi.as_str(), e.indicator_ids), ("Teksti", vec![12, 7, 3]));
        let err = SectionEdit::parse(("", "", ""), &"x".repeat(BODY_MAX + 1), "", "7, x").unwrap_err();
        let fields: Vec<_> = err.0.iter().map(|f| (f.field, f.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("title_fi", ErrorCode::Required),
                ("body_fi", ErrorCode::TooLong),
                ("indicator_ids", ErrorCode::InvalidInput)
            ]
        );
    }

    #[test]
    fn new_reports_parse() {
        let r = NewReport::parse("term", "2025–2029", "", &["fi"], "Hyvinvointikertomus 2025–2029", None).unwrap();
        assert_eq!((r.kind, r.term.start, r.year), (ReportKind::Term, 2025, None));
        let a = NewReport::parse("annual", "2025-2029", "2026", &["fi", "sv"], "Vuosiraportti 2026", Some(1)).unwrap();
        assert_eq!((a.year, a.languages.len(), a.based_on), (Some(2026), 2, Some(1)));
        let e = NewReport::parse("annual", "2025-2029", "2031", &["en"], "", None).unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| (f.field, f.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("year", ErrorCode::YearInvalid),
                ("languages", ErrorCode::LangInvalid),
                ("title", ErrorCode::Required)
            ]
        );
        assert!(
            NewReport::parse("annual", "2025-2029", "", &["fi"], "x", None).is_err(),
            "an annual report needs its year"
        );
        assert_eq!(DEFAULT_SECTIONS.iter().filter(|s| s.kind == SectionKind::Plan).count(), 1);
    }

    #[test]
    fn codes_are_pinned() {
        use crate::codes::assert_codes;
        assert_codes::<ReportKind>(&["term", "annual"]);
        assert_codes::<ReportState>(&["draft", "in_review", "approved", "published"]);
        assert_codes::<SectionKind>(&["narrative", "indicators", "plan"]);
        assert_codes::<MeasureStatus>(&["planned", "in_progress", "done", "postponed", "cancelled"]);
        assert_codes::<GoalProgress>(&["on_track", "off_track", "no_data"]);
        assert_codes::<PlanItem>(&["priority", "goal", "measure"]);
        assert_eq!(PlanItem::Goal.help_key(), "plan-delete-goal-help");
        let k = translation_keys();
        assert!(k.contains(&"section-kind-narrative".to_string()) && !k.contains(&"section-kind-plan".to_string()));
        assert!(k.contains(&"report-lang-sv".to_string()) && k.contains(&"plan-delete-measure".to_string()));
    }
}
