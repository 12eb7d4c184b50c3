//! NGO partners (*järjestöyhteistyö*): a municipality's or region's registry of partner
//! organisations, the public activity directory (peer support, volunteering, clubs, support
//! persons, resident living rooms…), municipal grants to NGOs and the premises offered for their
//! public-benefit use. Pure types and rules.

mod activity;
mod grant;
mod partner;
mod premises;

pub use activity::*;
pub use grant::*;
pub use partner::*;
pub use premises::*;

/// Longest title, name or contact line.
pub(crate) const TEXT_MAX: usize = 200;
/// Longest free text (descriptions, purposes, reports of use).
pub(crate) const LONG_MAX: usize = 4_000;

use crate::codes::keys;
use crate::error::{optional_text, ErrorCode};
use crate::Lang;
use serde::{Deserialize, Serialize};

/// The translation keys the partner pages build from codes.
pub fn translation_keys() -> Vec<String> {
    let mut k: Vec<String> = keys::<ActivityKind>().collect();
    k.extend(keys::<Theme>());
    k.extend(keys::<TargetGroup>());
    k.extend(keys::<ActivityLang>());
    k.extend(keys::<PartnerRole>());
    k.extend(keys::<ApplicationStatus>());
    k
}

/// A text in Finnish, Swedish and/or English; at least one of them is given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    pub fi: Option<String>,
    pub sv: Option<String>,
    pub en: Option<String>,
}

impl Texts {
    /// Parses the three forms (`values`, in `fields`); an error names its field.
    pub(crate) fn parse(
        values: [&str; 3],
        fields: [&'static str; 3],
        max: usize,
    ) -> Result<Texts, (&'static str, ErrorCode)> {
        let [fi, sv, en] = values;
        let [fi_field, sv_field, en_field] = fields;
        let text = |s: &str, field: &'static str| optional_text(s, max).map_err(|e| (field, e));
        Ok(Texts { fi: text(fi, fi_field)?, sv: text(sv, sv_field)?, en: text(en, en_field)? })
    }

    pub fn is_empty(&self) -> bool {
        self.fi.is_none() && self.sv.is_none() && self.en.is_none()
    }

    /// The text in `lang`, else in Finnish, Swedish or English, whichever exists.
    pub fn get(&self, lang: Lang) -> &str {
        let own = match lang {
            Lang::Fi => &self.fi,
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        };
        own.as_deref().or(self.fi.as_deref()).or(self.sv.as_deref()).or(self.en.as_deref()).unwrap_or("")
    }

    /// The language of what [`Texts::get`] shows (for the `lang` attribute of a fallback).
    pub fn shown_lang(&self, lang: Lang) -> Lang {
        if self.has(lang) {
            lang
        } else {
            [Lang::Fi, Lang::Sv, Lang::En].into_iter().find(|l| self.has(*l)).unwrap_or(lang)
        }
    }

    /// Whether the text exists in `lang` itself (not a fallback).
    pub fn has(&self, lang: Lang) -> bool {
        match lang {
            Lang::Fi => self.fi.is_some(),
            Lang::Sv => self.sv.is_some(),
            Lang::En => self.en.is_some(),
        }
    }

    pub fn all(&self) -> impl Iterator<Item = &str> {
        [&self.fi, &self.sv, &self.en].into_iter().filter_map(|s| s.as_deref())
    }
}

/// An optional id chosen from a list (`""` is none; anything else must be in `allowed`).
pub(crate) fn optional_id(s: &str, allowed: &[i64]) -> Result<Option<i64>, ErrorCode> {
    match s.trim() {
        "" => Ok(None),
        s => s.parse::<i64>().ok().filter(|id| allowed.contains(id)).map(Some).ok_or(ErrorCode::InvalidInput),
    }
}

/// An optional whole number within `min..=max`.
pub(crate) fn optional_int(s: &str, min: i32, max: i32) -> Result<Option<i32>, ErrorCode> {
    match s.trim() {
        "" => Ok(None),
        s => s.parse::<i32>().ok().filter(|v| (min..=max).contains(v)).map(Some).ok_or(ErrorCode::NumberInvalid),
    }
}

/// Whether a (case-insensitive, Unicode) needle occurs in a haystack.
pub(crate) fn contains_word(hay: &str, needle_lower: &str) -> bool {
    hay.to_lowercase().contains(needle_lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::assert_codes;

    #[test]
    fn codes_are_pinned() {
        assert_codes::<ActivityKind>(&[
            "peer_support",
            "volunteering",
            "club",
            "support_person",
            "living_room",
            "other",
        ]);
        assert_codes::<Theme>(&[
            "mental_health",
            "substance_prevention",
            "physical_activity",
            "loneliness",
            "parenting",
            "older_people",
            "carers",
            "culture",
            "employment",
            "other",
        ]);
        assert_codes::<TargetGroup>(&[
            "children",
            "young_people",
            "families",
            "working_age",
            "older_people",
            "everyone",
        ]);
        assert_codes::<ActivityLang>(&["fi", "sv", "en", "other"]);
        assert_codes::<ApplicationStatus>(&["applied", "granted", "rejected", "reported"]);
        assert_codes::<PartnerRole>(&["volunteer_actor", "service_provider", "other"]);
    }
}
