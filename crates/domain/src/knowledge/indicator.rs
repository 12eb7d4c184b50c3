//! Indicators and their observations by area, year and population group.

use crate::knowledge::area::Sex;
use crate::knowledge::stats::Polarity;
use crate::lang::{Lang, Names};
use serde::{Deserialize, Serialize};

/// What an indicator's primary value measures (Sotkanet's `primaryValueType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueType {
    Percent,
    Per1000,
    Per10000,
    Per100000,
    Count,
    Index,
    Other,
}

impl ValueType {
    pub const ALL: [ValueType; 7] = [
        ValueType::Percent,
        ValueType::Per1000,
        ValueType::Per10000,
        ValueType::Per100000,
        ValueType::Count,
        ValueType::Index,
        ValueType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ValueType::Percent => "percent",
            ValueType::Per1000 => "per1000",
            ValueType::Per10000 => "per10000",
            ValueType::Per100000 => "per100000",
            ValueType::Count => "count",
            ValueType::Index => "index",
            ValueType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ValueType> {
        ValueType::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// From Sotkanet's codes (`PROS`, `PER1000`, `PER100000`, `INDEKSI`, `LKM`, …).
    pub fn from_sotkanet(code: &str) -> ValueType {
        match code.to_ascii_uppercase().as_str() {
            "PROS" | "PROSENTTI" => ValueType::Percent,
            "PER1000" => ValueType::Per1000,
            "PER10000" => ValueType::Per10000,
            "PER100000" => ValueType::Per100000,
            "LKM" | "LUKUMAARA" | "COUNT" => ValueType::Count,
            "INDEKSI" | "INDEX" => ValueType::Index,
            _ => ValueType::Other,
        }
    }

    /// From a title, for catalogue entries without metadata ("… / 1 000 asukasta", "… %").
    pub fn guess_from_title(fi: &str) -> ValueType {
        let t = fi.replace('\u{a0}', " ");
        if t.contains("/ 100 000") || t.contains("/100 000") {
            ValueType::Per100000
        } else if t.contains("/ 10 000") {
            ValueType::Per10000
        } else if t.contains("/ 1 000") || t.contains("/1000") || t.contains("/ 1000") {
            ValueType::Per1000
        } else if t.contains('%') {
            ValueType::Percent
        } else if t.to_lowercase().contains("indeksi") {
            ValueType::Index
        } else {
            ValueType::Other
        }
    }

    /// The scale of a proportion or rate (100 for percent); None for counts, indices and others.
    pub fn multiplier(self) -> Option<f64> {
        match self {
            ValueType::Percent => Some(100.0),
            ValueType::Per1000 => Some(1_000.0),
            ValueType::Per10000 => Some(10_000.0),
            ValueType::Per100000 => Some(100_000.0),
            _ => None,
        }
    }
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::HigherIsBetter => "higher_is_better",
            Polarity::LowerIsBetter => "lower_is_better",
            Polarity::NoDirection => "no_direction",
        }
    }

    pub fn parse(s: &str) -> Option<Polarity> {
        [Polarity::HigherIsBetter, Polarity::LowerIsBetter, Polarity::NoDirection].into_iter().find(|p| p.as_str() == s)
    }
}

/// Longer texts of an indicator, each in up to three languages (plain text).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IndicatorTexts {
    pub description: Option<Names>,
    pub interpretation: Option<Names>,
    pub limits: Option<Names>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: i64,
    /// `sotkanet`, or `own` for an organisation's own indicator.
    pub source: String,
    pub source_id: String,
    /// The owning organisation of an own indicator.
    pub org_id: Option<i64>,
    pub title: Names,
    pub texts: IndicatorTexts,
    pub value_type: ValueType,
    pub decimals: i32,
    pub polarity: Polarity,
    pub producer: Option<String>,
    pub attribution: String,
    pub themes: Vec<String>,
    pub data_updated: Option<String>,
    pub version: i64,
}

impl Indicator {
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }
}

/// One value of an indicator for an area, year and population group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub indicator_id: i64,
    pub area_id: i64,
    pub year: i32,
    pub sex: Sex,
    /// Age band such as `0-17`; empty for all ages.
    pub age_band: String,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// Too few events to show publicly.
    pub suppressed: bool,
}

/// Removes HTML from Sotkanet's texts: line breaks and paragraphs become newlines.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[start + 1..start + end].trim().to_ascii_lowercase();
        if tag.starts_with("br")
            || tag.starts_with("/p")
            || tag.starts_with("p ")
            || tag == "p"
            || tag.starts_with("/li")
        {
            out.push('\n');
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    let mut lines: Vec<&str> = decoded.lines().map(str::trim).collect();
    lines.dedup_by(|a, b| a.is_empty() && b.is_empty());
    lines.join("\n").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_types() {
        assert_eq!(ValueType::from_sotkanet("PER100000"), ValueType::Per100000);
        assert_eq!(ValueType::from_sotkanet("INDEKSI"), ValueType::Index);
        assert_eq!(ValueType::guess_from_title("Kuolleisuus / 100 000 asukasta"), ValueType::Per100000);
        assert_eq!(ValueType::guess_from_title("Työttömät, % työvoimasta"), ValueType::Percent);
        assert_eq!(
            ValueType::guess_from_title(
                "Mielenterveyden häiriöihin sairaalahoitoa saaneet 0 - 17-vuotiaat / 1 000 vastaavanikäistä"
            ),
            ValueType::Per1000
        );
        assert_eq!(ValueType::Percent.multiplier(), Some(100.0));
        for v in ValueType::ALL {
            assert_eq!(ValueType::parse(v.as_str()), Some(v));
        }
        assert_eq!(Polarity::parse("lower_is_better"), Some(Polarity::LowerIsBetter));
    }

    #[test]
    fn html_becomes_plain_text() {
        let t = plain_text("Kuolleet.<br><br><br /><br />Tilasto &amp; muuta.<p id=suhteutus>Väestösuhteutus.</p> ");
        assert_eq!(t, "Kuolleet.\n\nTilasto & muuta.\nVäestösuhteutus.");
        assert_eq!(plain_text("<b>x"), "x");
    }
}
