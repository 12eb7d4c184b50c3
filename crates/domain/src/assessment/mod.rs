//! Ex-ante impact assessment of decisions (*päätösten vaikutusten ennakkoarviointi*, EVA / IVA /
//! LAVA; Act 612/2021 §6–7): the decisions register, the rules that say which proposals need an
//! assessment, the templates (impact areas × population groups), and the assessments themselves.
//! Pure types and rules.

mod advance;
mod decision;
mod rating;
mod rules;
mod summary;
mod template;

pub use advance::*;
pub use decision::*;
pub use rating::*;
pub use rules::*;
pub use summary::*;
pub use template::*;

/// Longest title or name in the assessment forms.
pub(crate) const TEXT_MAX: usize = 200;
/// Longest free text (descriptions, justifications, views heard).
pub(crate) const LONG_MAX: usize = 4_000;

/// The translation keys the assessment pages build from codes.
pub fn translation_keys() -> Vec<String> {
    use crate::codes::keys;
    let mut k: Vec<String> = keys::<DecidingBody>().collect();
    k.extend(keys::<DecisionType>());
    k.extend(keys::<DecisionStatus>());
    k.extend(keys::<AssessmentStatus>());
    k.extend(keys::<ParticipantKind>());
    k.extend(keys::<Realised>());
    k.extend(keys::<RequirementState>());
    k.extend(rating_word_keys());
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::assert_codes;

    #[test]
    fn codes_are_pinned() {
        assert_codes::<DecidingBody>(&["council", "board", "committee", "office_holder", "other"]);
        assert_codes::<DecisionType>(&[
            "service_network",
            "budget",
            "land_use",
            "service_change",
            "strategy",
            "fees",
            "organisation",
            "other",
        ]);
        assert_codes::<DecisionStatus>(&["preparing", "assessed", "decided", "followed_up"]);
        assert_codes::<Realised>(&["yes", "partly", "no", "unknown"]);
        assert_codes::<AssessmentStatus>(&["draft", "complete"]);
        assert_codes::<ParticipantKind>(&["expert", "resident", "client", "children", "organisation"]);
    }
}
