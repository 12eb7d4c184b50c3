//! The JSON format libraries of good practices are shared in between counties (`docs/support.md`
//! documents it):
//!
//! ```json
//! {"format": "hyte-practices", "version": 1, "library": "Pohjois-Savon hyvinvointialue",
//!  "practices": [{"name": {"fi": "…", "sv": "…", "en": "…"}, "summary": {"fi": "…"},
//!    "costs": {}, "results": {}, "target_groups": ["children"], "area": "physical_activity",
//!    "evidence": "described", "links": ["https://…"], "contact": "…", "source": null}]}
//! ```
//!
//! Every text is a string (a missing one is empty); codes are the domain's. Reading a file, each
//! practice goes through [`PracticeForm::parse`], the same rules as the form; the first bad item
//! refuses the whole file, naming the item and its field.

use super::{Link, Practice, PracticeForm, PracticeInput, LINKS_MAX};
use crate::error::ErrorCode;
use serde::{Deserialize, Serialize};

/// The format's name, in the `format` field.
pub const FORMAT: &str = "hyte-practices";
/// The version this code writes and reads.
pub const VERSION: u32 = 1;
/// The most practices in one file.
pub const MAX_PRACTICES: usize = 500;
/// The longest `library` or `source`.
pub const SOURCE_MAX: usize = 300;

/// A text in the three languages (empty: not given).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireTexts {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

impl WireTexts {
    fn of(fi: &str, sv: Option<&str>, en: Option<&str>) -> WireTexts {
        WireTexts { fi: fi.into(), sv: sv.unwrap_or_default().into(), en: en.unwrap_or_default().into() }
    }

    fn texts(t: &crate::Texts) -> WireTexts {
        WireTexts::of(t.fi.as_deref().unwrap_or_default(), t.sv.as_deref(), t.en.as_deref())
    }
}

/// One practice of a file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WirePractice {
    pub name: WireTexts,
    pub summary: WireTexts,
    pub costs: WireTexts,
    pub results: WireTexts,
    pub target_groups: Vec<String>,
    pub area: String,
    pub evidence: String,
    pub links: Vec<String>,
    pub contact: String,
    /// Where the practice came from, when the library got it from another.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A whole file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExchangeFile {
    pub format: String,
    pub version: u32,
    /// The library's name (the organisation that exported it).
    pub library: String,
    pub practices: Vec<WirePractice>,
}

/// Why a file was refused: the item (1-based; 0 for the file itself), its field (e.g.
/// `name.fi`, `links`) and the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeError {
    pub item: usize,
    pub field: String,
    pub code: ErrorCode,
}

impl ExchangeError {
    fn file(field: &str, code: ErrorCode) -> ExchangeError {
        ExchangeError { item: 0, field: field.into(), code }
    }
}

/// The file's name of a form field (`name_fi` → `name.fi`).
fn wire_field(form_field: &str) -> String {
    match form_field.rsplit_once('_') {
        Some((head, lang @ ("fi" | "sv" | "en"))) => format!("{head}.{lang}"),
        _ => form_field.to_string(),
    }
}

/// The file of a library's practices.
pub fn export(library: &str, practices: &[Practice]) -> ExchangeFile {
    let practices = practices
        .iter()
        .map(|p| {
            let i = &p.input;
            WirePractice {
                name: WireTexts::of(&i.name.fi, i.name.sv.as_deref(), i.name.en.as_deref()),
                summary: WireTexts::texts(&i.summary),
                costs: WireTexts::texts(&i.costs),
                results: WireTexts::texts(&i.results),
                target_groups: i.target_groups.iter().map(|g| g.as_str().to_string()).collect(),
                area: i.area.as_str().into(),
                evidence: i.evidence.as_str().into(),
                links: i.links.iter().map(|l| l.as_str().to_string()).collect(),
                contact: i.contact.clone().unwrap_or_default(),
                source: i.source.clone(),
            }
        })
        .collect();
    ExchangeFile { format: FORMAT.into(), version: VERSION, library: library.into(), practices }
}

impl WirePractice {
    /// The practice, through the form's rules; `source` when the item names none.
    pub fn parse(&self, source: &str) -> Result<PracticeInput, (String, ErrorCode)> {
        if self.links.len() > LINKS_MAX {
            return Err(("links".into(), ErrorCode::TooLong));
        }
        for l in &self.links {
            Link::parse(l).map_err(|code| ("links".to_string(), code))?;
        }
        let form = PracticeForm {
            name_fi: self.name.fi.clone(),
            name_sv: self.name.sv.clone(),
            name_en: self.name.en.clone(),
            summary_fi: self.summary.fi.clone(),
            summary_sv: self.summary.sv.clone(),
            summary_en: self.summary.en.clone(),
            costs_fi: self.costs.fi.clone(),
            costs_sv: self.costs.sv.clone(),
            costs_en: self.costs.en.clone(),
            results_fi: self.results.fi.clone(),
            results_sv: self.results.sv.clone(),
            results_en: self.results.en.clone(),
            target_groups: self.target_groups.clone(),
            area: self.area.clone(),
            evidence: self.evidence.clone(),
            links: self.links.join("\n"),
            contact: self.contact.clone(),
            version: 0,
        };
        let mut input = form.parse().map_err(|e| match e.0.first() {
            Some(f) => (wire_field(f.field), f.code),
            None => ("-".to_string(), ErrorCode::InvalidInput),
        })?;
        let own = self.source.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let source = crate::error::required_text(own.unwrap_or(source), SOURCE_MAX)
            .map_err(|code| ("source".to_string(), code))?;
        input.source = Some(source);
        Ok(input)
    }
}

impl ExchangeFile {
    /// Every practice of the file, or the first error; `file_name` is the source of the items
    /// that name none when the file names no library.
    pub fn practices(&self, file_name: &str) -> Result<Vec<PracticeInput>, ExchangeError> {
        if self.format != FORMAT {
            return Err(ExchangeError::file("format", ErrorCode::InvalidInput));
        }
        if self.version != VERSION {
            return Err(ExchangeError::file("version", ErrorCode::InvalidInput));
        }
        if self.practices.is_empty() {
            return Err(ExchangeError::file("practices", ErrorCode::Required));
        }
        if self.practices.len() > MAX_PRACTICES {
            return Err(ExchangeError::file("practices", ErrorCode::TooLong));
        }
        let library = self.library.trim();
        let source: String = if library.is_empty() { file_name } else { library }.chars().take(SOURCE_MAX).collect();
        self.practices
            .iter()
            .enumerate()
            .map(|(n, p)| p.parse(&source).map_err(|(field, code)| ExchangeError { item: n + 1, field, code }))
            .collect()
    }
}
