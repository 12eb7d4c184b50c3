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
use crate::error::ErrorCode;
pub use crate::lang::Texts;

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
            "outreach_youth_work",
            "peer_group",
            "mentoring",
            "language_nest",
            "culture_support",
            "shared_premises",
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
