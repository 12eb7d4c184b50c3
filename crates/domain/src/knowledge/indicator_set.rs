//! Indicator sets (*indikaattorikorit*): a named, versioned list of the knowledge base's
//! indicators that reports, profiles and the regional report follow instead of an ad-hoc choice.
//! Three kinds: THL's proposed minimum data content for municipal well-being reports and for
//! county (regional) ones, which are national (no owner organisation), and an organisation's own
//! set for its region. Every edit of a set is a new version; the older versions stay readable.

use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::lang::Names;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The longest name (characters, each language).
pub const NAME_MAX: usize = 200;
/// The longest source description.
pub const SOURCE_MAX: usize = 4000;
/// The longest source address.
pub const URL_MAX: usize = 500;
/// The most indicators in one set.
pub const MAX_INDICATORS: usize = 200;

codes! {
    /// What a set is: THL's minimum data content for municipalities' or counties' well-being
    /// reports (national), or an organisation's own set.
    pub enum SetKind: "indset-kind-" {
        Municipal = "municipal",
        County = "county",
        Own = "own",
    }
}

impl SetKind {
    /// National kinds have no owner organisation; an organisation's set is always `own`.
    pub fn is_national(self) -> bool {
        self != SetKind::Own
    }
}

/// What one version of a set says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetInput {
    pub names: Names,
    /// Where the list comes from and what of it is included (free text).
    pub source: Option<String>,
    /// The source's address (`http://` or `https://`).
    pub source_url: Option<String>,
    /// The indicators (Hyte's ids), in the set's order, each once.
    pub indicator_ids: Vec<i64>,
}

/// A set as one of its versions has it (the current one unless asked for an older).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorSet {
    pub id: i64,
    /// The owner organisation; `None` for the national sets.
    pub org_id: Option<i64>,
    pub kind: SetKind,
    /// This version's number (1, 2, …).
    pub version: i64,
    /// The set's current version number (equal to `version` for the current version).
    pub current: i64,
    pub input: SetInput,
    /// Who wrote this version (`None`: the loader or the command line) and when.
    pub changed_by: Option<i64>,
    pub changed_by_name: Option<String>,
    pub changed_at: DateTime<Utc>,
}

impl IndicatorSet {
    pub fn is_current(&self) -> bool {
        self.version == self.current
    }
}

/// What changed from one version's list to the next: (added, removed), each in list order.
pub fn changes(before: &[i64], after: &[i64]) -> (Vec<i64>, Vec<i64>) {
    let added = after.iter().filter(|i| !before.contains(i)).copied().collect();
    let removed = before.iter().filter(|i| !after.contains(i)).copied().collect();
    (added, removed)
}

/// `ids` with repeats dropped, first occurrence kept.
pub fn dedup_keep_order(ids: impl IntoIterator<Item = i64>) -> Vec<i64> {
    let mut out: Vec<i64> = vec![];
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// The set form: `keep` repeats (the checked indicators of the version being edited), `add` is a
/// list of indicator ids separated by commas, spaces or new lines.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SetForm {
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub source: String,
    pub source_url: String,
    pub keep: Vec<String>,
    pub add: String,
    pub version: i64,
}

impl SetForm {
    pub fn from_pairs(pairs: &[(String, String)]) -> SetForm {
        let mut f = SetForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "name_fi" => f.name_fi = v,
                "name_sv" => f.name_sv = v,
                "name_en" => f.name_en = v,
                "source" => f.source = v,
                "source_url" => f.source_url = v,
                "keep" => f.keep.push(v),
                "add" => f.add = v,
                "version" => f.version = v.trim().parse().unwrap_or(0),
                _ => {}
            }
        }
        f
    }

    /// The form of an existing version (to edit it, or to copy it as a start).
    pub fn of(input: &SetInput) -> SetForm {
        SetForm {
            name_fi: input.names.fi.clone(),
            name_sv: input.names.sv.clone().unwrap_or_default(),
            name_en: input.names.en.clone().unwrap_or_default(),
            source: input.source.clone().unwrap_or_default(),
            source_url: input.source_url.clone().unwrap_or_default(),
            keep: input.indicator_ids.iter().map(|i| i.to_string()).collect(),
            add: String::new(),
            version: 0,
        }
    }

    pub fn parse(&self) -> Result<SetInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let fi = errs.check("name_fi", required_text(&self.name_fi, NAME_MAX));
        let sv = errs.check("name_sv", optional_text(&self.name_sv, NAME_MAX));
        let en = errs.check("name_en", optional_text(&self.name_en, NAME_MAX));
        let source = errs.check("source", optional_text(&self.source, SOURCE_MAX));
        let source_url = errs.check("source_url", source_url(&self.source_url));
        let ids = errs.check("add", self.ids());
        match (fi, sv, en, source, source_url, ids) {
            (Some(fi), Some(sv), Some(en), Some(source), Some(source_url), Some(indicator_ids))
                if errs.0.is_empty() =>
            {
                Ok(SetInput { names: Names::new(fi, sv, en), source, source_url, indicator_ids })
            }
            _ => Err(errs),
        }
    }

    /// The kept ids, then the added ones: numbers, at least one, at most [`MAX_INDICATORS`].
    fn ids(&self) -> Result<Vec<i64>, ErrorCode> {
        let added = self.add.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|s| !s.is_empty());
        let tokens = self.keep.iter().map(String::as_str).chain(added);
        let ids = tokens
            .map(|s| s.trim().parse::<i64>().ok().filter(|i| *i > 0).ok_or(ErrorCode::IndicatorInvalid))
            .collect::<Result<Vec<_>, _>>()?;
        let ids = dedup_keep_order(ids);
        match ids.len() {
            0 => Err(ErrorCode::Required),
            n if n > MAX_INDICATORS => Err(ErrorCode::TooLong),
            _ => Ok(ids),
        }
    }
}

/// An optional web address: `http://` or `https://` and no spaces.
pub fn source_url(s: &str) -> Result<Option<String>, ErrorCode> {
    let Some(url) = optional_text(s, URL_MAX)? else { return Ok(None) };
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(r) if !r.is_empty() && !url.chars().any(char::is_whitespace) => Ok(Some(url)),
        _ => Err(ErrorCode::InvalidInput),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> SetForm {
        SetForm {
            name_fi: " Pohjois-Savon kori ".into(),
            name_sv: "".into(),
            name_en: "North Savo set".into(),
            source: "Hyvinvointialueen oma valinta".into(),
            source_url: "https://example.org/kori".into(),
            keep: vec!["12".into(), "5".into()],
            add: "7, 12\n9".into(),
            version: 3,
        }
    }

    #[test]
    fn a_form_parses_into_a_set_with_each_indicator_once_in_order() {
        let input = form().parse().unwrap();
        assert_eq!(
            input,
            SetInput {
                names: Names::new("Pohjois-Savon kori", None, Some("North Savo set".into())),
                source: Some("Hyvinvointialueen oma valinta".into()),
                source_url: Some("https://example.org/kori".into()),
                indicator_ids: vec![12, 5, 7, 9],
            }
        );
        // Editing a version starts from that version's own form.
        let again = SetForm::of(&input).parse().unwrap();
        assert_eq!(again, input);
    }

    #[test]
    fn a_bad_form_names_each_field() {
        let f = SetForm {
            name_fi: " ".into(),
            source_url: "ftp://x".into(),
            keep: vec![],
            add: "12, kolme".into(),
            ..form()
        };
        let e = f.parse().unwrap_err();
        assert_eq!(e.get("name_fi"), Some(ErrorCode::Required));
        assert_eq!(e.get("source_url"), Some(ErrorCode::InvalidInput));
        assert_eq!(e.get("add"), Some(ErrorCode::IndicatorInvalid));
        let empty = SetForm { keep: vec![], add: " ".into(), ..form() }.parse().unwrap_err();
        assert_eq!(empty.get("add"), Some(ErrorCode::Required));
        let many = (1..=MAX_INDICATORS + 1).map(|i| i.to_string()).collect::<Vec<_>>().join(",");
        assert_eq!(SetForm { add: many, ..form() }.parse().unwrap_err().get("add"), Some(ErrorCode::TooLong));
        assert_eq!(
            SetForm { add: "-4".into(), ..form() }.parse().unwrap_err().get("add"),
            Some(ErrorCode::IndicatorInvalid)
        );
    }

    #[test]
    fn addresses_are_web_addresses() {
        assert_eq!(source_url(""), Ok(None));
        assert_eq!(source_url(" http://thl.fi/x "), Ok(Some("http://thl.fi/x".into())));
        assert_eq!(source_url("https://"), Err(ErrorCode::InvalidInput));
        assert_eq!(source_url("https://a b"), Err(ErrorCode::InvalidInput));
        assert_eq!(source_url("javascript:alert(1)"), Err(ErrorCode::InvalidInput));
    }

    #[test]
    fn changes_between_versions_are_listed() {
        assert_eq!(changes(&[1, 2, 3], &[3, 4, 1]), (vec![4], vec![2]));
        assert_eq!(changes(&[], &[1]), (vec![1], vec![]));
        assert_eq!(dedup_keep_order([3, 1, 3, 2, 1]), vec![3, 1, 2]);
    }

    #[test]
    fn only_own_sets_have_an_owner() {
        assert!(SetKind::Municipal.is_national() && SetKind::County.is_national());
        assert!(!SetKind::Own.is_national());
        assert_eq!(SetKind::parse("county"), Some(SetKind::County));
    }

    #[test]
    fn form_pairs_repeat_kept_indicators() {
        let pairs: Vec<(String, String)> =
            [("name_fi", "K"), ("keep", "4"), ("keep", "2"), ("version", "2"), ("other", "x")]
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
        let f = SetForm::from_pairs(&pairs);
        assert_eq!((f.keep.clone(), f.version), (vec!["4".to_string(), "2".to_string()], 2));
        assert_eq!(f.parse().unwrap().indicator_ids, [4, 2]);
    }
}
