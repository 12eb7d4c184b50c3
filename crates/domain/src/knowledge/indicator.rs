//! Indicators and their observations by area, year and population group.

use crate::codes::codes;
use crate::knowledge::area::Sex;
use crate::knowledge::stats::Polarity;
use crate::lang::{Lang, Names};
use serde::{Deserialize, Serialize};

codes! {
    /// What an indicator's primary value measures (Sotkanet's `primaryValueType`).
    pub enum ValueType: "value-type-" {
        Percent = "percent",
        Per1000 = "per1000",
        Per10000 = "per10000",
        Per100000 = "per100000",
        Count = "count",
        Index = "index",
        Other = "other",
    }
}

impl ValueType {
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

/// Longer texts of an indicator, each in up to three languages (plain text).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IndicatorTexts {
    pub description: Option<Names>,
    pub interpretation: Option<Names>,
    pub limits: Option<Names>,
}

impl IndicatorTexts {
    /// Each text with its heading's translation key, in display order.
    pub fn labelled(&self) -> [(&'static str, &Option<Names>); 3] {
        [(Self::KEYS[0], &self.description), (Self::KEYS[1], &self.interpretation), (Self::KEYS[2], &self.limits)]
    }

    /// The headings' translation keys.
    pub const KEYS: [&'static str; 3] = ["indicator-description", "indicator-interpretation", "indicator-limits"];
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

    /// Whether organisation `org_id` may use this indicator (see [`may_use`]).
    pub fn usable_by(&self, org_id: i64) -> bool {
        may_use(org_id, self.org_id)
    }
}

/// Whether organisation `org_id` may use (put in its reports, plan targets and assessment
/// citations, which are then shown on its pages, in exports and publicly) an indicator owned by
/// `owner`: national indicators (no owner) by everyone, an organisation's own indicators by that
/// organisation only. Every write that stores an indicator id checks this rule.
pub fn may_use(org_id: i64, owner: Option<i64>) -> bool {
    owner.is_none_or(|o| o == org_id)
}

/// Who may change the data or settings of an indicator owned by `owner` (import its values, set
/// its direction): a national indicator (no owner) only the instance administrator, since every
/// organisation's reports show it; an organisation's own indicator its coordinators
/// (`coordinates(org)`).
pub fn may_change(owner: Option<i64>, instance_admin: bool, coordinates: impl Fn(i64) -> bool) -> bool {
    match owner {
        None => instance_admin,
        Some(org) => coordinates(org),
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

/// Who is looking at a value: the public (not logged in) or a member of some organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    Public,
    Member,
}

impl Audience {
    /// The audience of a request: a member when logged in.
    pub fn of(logged_in: bool) -> Audience {
        if logged_in {
            Audience::Member
        } else {
            Audience::Public
        }
    }
}

/// Whether a value is hidden from `audience`: suppressed values (too few events) are hidden from
/// the public only.
pub fn hidden(suppressed: bool, audience: Audience) -> bool {
    suppressed && audience == Audience::Public
}

impl Observation {
    /// Whether this value is hidden from `audience` (see [`hidden`]).
    pub fn hidden_from(&self, audience: Audience) -> bool {
        hidden(self.suppressed, audience)
    }
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
    #[test]
    fn national_indicators_for_all_own_ones_for_their_organisation_only() {
        assert!(super::may_use(7, None));
        assert!(super::may_use(7, Some(7)));
        assert!(!super::may_use(7, Some(8)));
    }

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
        crate::codes::assert_codes::<ValueType>(&[
            "percent",
            "per1000",
            "per10000",
            "per100000",
            "count",
            "index",
            "other",
        ]);
        assert_eq!(Polarity::parse("lower_is_better"), Some(Polarity::LowerIsBetter));
    }

    #[test]
    fn suppressed_values_are_hidden_from_the_public_only() {
        assert!(hidden(true, Audience::Public));
        assert!(!hidden(true, Audience::Member));
        assert!(!hidden(false, Audience::Public));
        assert!(!hidden(false, Audience::Member));
        assert_eq!(Audience::of(false), Audience::Public);
        assert_eq!(Audience::of(true), Audience::Member);
        let o = Observation {
            indicator_id: 1,
            area_id: 1,
            year: 2024,
            sex: Sex::Total,
            age_band: String::new(),
            value: Some(3.0),
            numerator: Some(3.0),
            denominator: Some(100.0),
            suppressed: true,
        };
        assert!(o.hidden_from(Audience::Public) && !o.hidden_from(Audience::Member));
        let t = IndicatorTexts::default();
        assert_eq!(t.labelled().map(|(k, _)| k), IndicatorTexts::KEYS);
    }

    #[test]
    fn html_becomes_plain_text() {
        let t = plain_text("Kuolleet.<br><br><br /><br />Tilasto &amp; muuta.<p id=suhteutus>Väestösuhteutus.</p> ");
        assert_eq!(t, "Kuolleet.\n\nTilasto & muuta.\nVäestösuhteutus.");
        assert_eq!(plain_text("<b>x"), "x");
    }
}
