//! A coefficient model as data: a TOML file per funding year and kind (see `docs/coefficient.md`).
//! [`Model::parse`] is the only way in; a broken file is refused with the line it breaks on.

use super::{Direction, Group, ModelKind, ModelStatus, Sector};
use crate::codes::codes;
use crate::Names;
use serde::Deserialize;

codes! {
    /// How an indicator's value becomes a score 0–100.
    pub enum ScaleKind: "coefficient-scale-" {
        AsIs = "as_is",
        MinMax = "min_max",
        Target = "target",
        Change = "change",
    }
}

codes! {
    /// How a total becomes euros.
    pub enum EuroKind: "coefficient-euro-" {
        PerResident = "per_resident",
        Relative = "relative",
        Pool = "pool",
    }
}

/// How a value is scaled to 0–100 (100 the best).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// The value is a score already (TEAviisari): clamped to 0–100.
    AsIs,
    /// The nation's worst value of the year is 0, its best 100.
    MinMax,
    /// The nation's worst value is 0, the target (and better) 100.
    Target(f64),
    /// The improvement over `n` years, the nation's least 0 and greatest 100.
    Change(u32),
}

impl Scale {
    pub fn kind(self) -> ScaleKind {
        match self {
            Scale::AsIs => ScaleKind::AsIs,
            Scale::MinMax => ScaleKind::MinMax,
            Scale::Target(_) => ScaleKind::Target,
            Scale::Change(_) => ScaleKind::Change,
        }
    }
}

/// How a total (0–100) becomes euros for an organisation of `residents` people.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EuroRule {
    /// price × residents × total / 100.
    PerResident(f64),
    /// price × residents × total / the nation's resident-weighted mean total.
    Relative(f64),
    /// The pool shared in proportion to residents × total.
    Pool(f64),
}

/// Where an indicator's values come from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DataSource {
    /// A Sotkanet indicator id, read from the knowledge base.
    Sotkanet(String),
    /// A TEAviisari sector's score.
    Teaviisari(Sector),
    /// A national indicator of the knowledge base's own source (`own`), by its source id.
    Own(String),
}

impl DataSource {
    fn parse(s: &str) -> Option<DataSource> {
        let (kind, id) = s.trim().split_once(':')?;
        let id = id.trim();
        if id.is_empty() || id.len() > 40 {
            return None;
        }
        match kind {
            "sotkanet" if id.chars().all(|c| c.is_ascii_digit()) => Some(DataSource::Sotkanet(id.into())),
            "teaviisari" => Sector::parse(id).map(DataSource::Teaviisari),
            "own" => Some(DataSource::Own(id.into())),
            _ => None,
        }
    }

    /// As written in a model file (`sotkanet:4404`).
    pub fn code(&self) -> String {
        match self {
            DataSource::Sotkanet(id) => format!("sotkanet:{id}"),
            DataSource::Teaviisari(s) => format!("teaviisari:{}", s.as_str()),
            DataSource::Own(id) => format!("own:{id}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ModelIndicator {
    pub code: String,
    pub group: Group,
    pub source: DataSource,
    pub names: Names,
    pub direction: Direction,
    pub weight: f64,
    pub scale: Scale,
    /// Its inclusion, id, weight or scaling could not be verified from public sources.
    pub estimated: bool,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The model's stable name; loading a file with the same code adds a version.
    pub code: String,
    pub kind: ModelKind,
    pub funding_year: i32,
    /// The statistics year its values come from.
    pub data_year: i32,
    pub status: ModelStatus,
    pub names: Names,
    pub note: Names,
    pub euro: EuroRule,
    pub sources: Vec<Source>,
    pub indicators: Vec<ModelIndicator>,
}

/// Why a model file was refused, and on which line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The largest model file accepted.
pub const MAX_MODEL_BYTES: usize = 256 * 1024;
const MAX_INDICATORS: usize = 200;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModel {
    code: String,
    kind: ModelKind,
    funding_year: i32,
    data_year: i32,
    status: ModelStatus,
    name_fi: String,
    name_sv: Option<String>,
    name_en: Option<String>,
    note_fi: Option<String>,
    note_sv: Option<String>,
    note_en: Option<String>,
    euro: RawEuro,
    #[serde(default)]
    source: Vec<RawSource>,
    #[serde(default)]
    indicator: Vec<RawIndicator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEuro {
    rule: EuroKind,
    price_per_resident: Option<f64>,
    pool_euros: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    title: String,
    url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    code: String,
    group: Group,
    source: String,
    name_fi: String,
    name_sv: Option<String>,
    name_en: Option<String>,
    direction: Direction,
    weight: f64,
    scale: ScaleKind,
    target: Option<f64>,
    years: Option<u32>,
    #[serde(default)]
    estimated: bool,
    #[serde(default)]
    sources: Vec<String>,
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

/// The line of the `n`-th (0-based) table header `[[name]]`, or 1.
fn header_line(text: &str, name: &str, n: usize) -> usize {
    let header = format!("[[{name}]]");
    text.lines().enumerate().filter(|(_, l)| l.trim() == header).nth(n).map(|(i, _)| i + 1).unwrap_or(1)
}

/// The line where `key = ` is first set, or 1.
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().strip_prefix(key).is_some_and(|r| r.trim_start().starts_with('=')))
        .map(|i| i + 1)
        .unwrap_or(1)
}

fn err(line: usize, message: impl Into<String>) -> ModelError {
    ModelError { line, message: message.into() }
}

fn slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 60
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

impl Model {
    /// Parses a model file. Every rule a model must keep is checked here, so a model that
    /// exists can be computed.
    pub fn parse(text: &str) -> Result<Model, ModelError> {
        if text.len() > MAX_MODEL_BYTES {
            return Err(err(1, format!("the file is larger than {MAX_MODEL_BYTES} bytes")));
        }
        let raw: RawModel = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
            let message = e.message().trim();
            err(line, if message.is_empty() { "the file is not valid TOML".to_string() } else { message.to_string() })
        })?;
        if !slug(&raw.code) {
            return Err(err(key_line(text, "code"), "code: use 1–60 lowercase letters, digits, - or _"));
        }
        if !(2000..=2100).contains(&raw.funding_year) {
            return Err(err(key_line(text, "funding_year"), "funding_year: a year between 2000 and 2100"));
        }
        if !(2000..=raw.funding_year).contains(&raw.data_year) {
            return Err(err(key_line(text, "data_year"), "data_year: a year from 2000 up to the funding year"));
        }
        if raw.name_fi.trim().is_empty() {
            return Err(err(key_line(text, "name_fi"), "name_fi: required"));
        }
        let euro = euro_rule(&raw.euro).ok_or_else(|| {
            err(
                key_line(text, "rule"),
                "euro: per_resident and relative need price_per_resident > 0, pool needs pool_euros > 0",
            )
        })?;
        let mut sources: Vec<Source> = Vec::new();
        for (n, s) in raw.source.into_iter().enumerate() {
            let line = header_line(text, "source", n);
            if !slug(&s.id) || sources.iter().any(|o| o.id == s.id) {
                return Err(err(line, format!("source id {:?}: a unique lowercase code", s.id)));
            }
            if !(s.url.starts_with("https://") || s.url.starts_with("http://")) || s.title.trim().is_empty() {
                return Err(err(line, "source: needs a title and an http(s) url"));
            }
            sources.push(Source { id: s.id, title: s.title.trim().into(), url: s.url });
        }
        if raw.indicator.is_empty() || raw.indicator.len() > MAX_INDICATORS {
            return Err(err(1, format!("a model needs 1–{MAX_INDICATORS} [[indicator]] tables")));
        }
        let mut indicators: Vec<ModelIndicator> = Vec::new();
        for (n, i) in raw.indicator.into_iter().enumerate() {
            let line = header_line(text, "indicator", n);
            indicators.push(indicator(i, &sources, &indicators).map_err(|m| err(line, m))?);
        }
        Ok(Model {
            code: raw.code,
            kind: raw.kind,
            funding_year: raw.funding_year,
            data_year: raw.data_year,
            status: raw.status,
            names: Names::new(raw.name_fi.trim(), raw.name_sv, raw.name_en),
            note: Names::new(raw.note_fi.unwrap_or_default().trim(), raw.note_sv, raw.note_en),
            euro,
            sources,
            indicators,
        })
    }

    /// The weight of every indicator together.
    pub fn total_weight(&self) -> f64 {
        self.indicators.iter().map(|i| i.weight).sum()
    }

    /// The indicator with `code`, and its position.
    pub fn indicator(&self, code: &str) -> Option<(usize, &ModelIndicator)> {
        self.indicators.iter().enumerate().find(|(_, i)| i.code == code)
    }

    /// How many years back the values reach (the longest change window).
    pub fn years_back(&self) -> u32 {
        self.indicators
            .iter()
            .filter_map(|i| if let Scale::Change(n) = i.scale { Some(n) } else { None })
            .max()
            .unwrap_or(0)
    }
}

fn euro_rule(e: &RawEuro) -> Option<EuroRule> {
    let positive = |v: Option<f64>| v.filter(|v| v.is_finite() && *v > 0.0);
    match e.rule {
        EuroKind::PerResident => positive(e.price_per_resident).map(EuroRule::PerResident),
        EuroKind::Relative => positive(e.price_per_resident).map(EuroRule::Relative),
        EuroKind::Pool => positive(e.pool_euros).map(EuroRule::Pool),
    }
}

fn indicator(i: RawIndicator, sources: &[Source], before: &[ModelIndicator]) -> Result<ModelIndicator, String> {
    if !slug(&i.code) || before.iter().any(|b| b.code == i.code) {
        return Err(format!("indicator code {:?}: a unique lowercase code", i.code));
    }
    let source = DataSource::parse(&i.source)
        .ok_or_else(|| format!("source {:?}: sotkanet:<id>, teaviisari:<sector> or own:<code>", i.source))?;
    if i.name_fi.trim().is_empty() {
        return Err("name_fi: required".into());
    }
    if !(i.weight.is_finite() && i.weight > 0.0 && i.weight <= 1000.0) {
        return Err(format!("weight {}: a number above 0 (at most 1000)", i.weight));
    }
    let scale = match i.scale {
        ScaleKind::AsIs => Scale::AsIs,
        ScaleKind::MinMax => Scale::MinMax,
        ScaleKind::Target => {
            Scale::Target(i.target.filter(|t| t.is_finite()).ok_or("scale target needs target = <number>")?)
        }
        ScaleKind::Change => {
            Scale::Change(i.years.filter(|y| (1..=20).contains(y)).ok_or("scale change needs years = 1..20")?)
        }
    };
    if let Some(s) = i.sources.iter().find(|s| !sources.iter().any(|o| &o.id == *s)) {
        return Err(format!("sources: {s:?} is not a [[source]] id"));
    }
    Ok(ModelIndicator {
        code: i.code,
        group: i.group,
        source,
        names: Names::new(i.name_fi.trim(), i.name_sv, i.name_en),
        direction: i.direction,
        weight: i.weight,
        scale,
        estimated: i.estimated,
        sources: i.sources,
    })
}
