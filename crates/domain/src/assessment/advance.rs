//! Whether a proposal may move on: the status transition, and what the rules require of its
//! assessments at each step.

use super::{Assessment, AssessmentStatus, DecisionStatus};
use crate::codes::codes;
use crate::error::ErrorCode;
use chrono::NaiveDate;

codes! {
    /// How far the assessment a rule requires is.
    pub enum RequirementState: "requirement-" {
        /// Not started.
        Missing = "missing",
        Draft = "draft",
        Complete = "complete",
    }
}

impl RequirementState {
    /// The state of a required template, from the status of its assessment (None: none yet).
    pub fn of(status: Option<AssessmentStatus>) -> RequirementState {
        match status {
            None => RequirementState::Missing,
            Some(AssessmentStatus::Draft) => RequirementState::Draft,
            Some(AssessmentStatus::Complete) => RequirementState::Complete,
        }
    }
}

/// The template keys of the complete assessments among `assessments`.
pub fn complete_templates(assessments: &[Assessment]) -> Vec<String> {
    assessments.iter().filter(|a| a.status == AssessmentStatus::Complete).map(|a| a.template_key.clone()).collect()
}

/// Whether every template in `required` has a complete assessment.
pub fn all_complete(required: &[String], complete: &[String]) -> bool {
    required.iter().all(|k| complete.contains(k))
}

/// May a proposal move from `from` to `to`? `required`: the template keys the rules require of it
/// ([`super::required_templates`]); `complete`: the template keys of its complete assessments
/// ([`complete_templates`]); `follow_up_on`: the follow-up date of its outcome, if any.
///
/// - the step must be allowed ([`DecisionStatus::transition`]): `state_transition_invalid`;
/// - to assessed: at least one complete assessment and every required one complete,
///   else `assessment_missing`;
/// - decided straight from preparing: every required assessment complete, else `assessment_missing`;
/// - followed up: not before the follow-up date, else `follow_up_not_due`.
pub fn may_advance(
    from: DecisionStatus,
    to: DecisionStatus,
    required: &[String],
    complete: &[String],
    follow_up_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), ErrorCode> {
    from.transition(to)?;
    let ready = all_complete(required, complete);
    match (from, to) {
        (_, DecisionStatus::Assessed) if complete.is_empty() || !ready => Err(ErrorCode::AssessmentMissing),
        (DecisionStatus::Preparing, DecisionStatus::Decided) if !ready => Err(ErrorCode::AssessmentMissing),
        (_, DecisionStatus::FollowedUp) if follow_up_on.is_some_and(|d| d > today) => Err(ErrorCode::FollowUpNotDue),
        _ => Ok(()),
    }
}

/// The translation key of a rating's word: `rating-word-0` negative, `-1` no impact, `-2` positive.
pub fn rating_word_key(rating: i32) -> String {
    format!("rating-word-{}", rating.signum() + 1)
}

/// The translation keys of the rating words.
pub(crate) fn rating_word_keys() -> impl Iterator<Item = String> {
    [-1, 0, 1].into_iter().map(rating_word_key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecisionStatus::*;

    fn keys(k: &[&str]) -> Vec<String> {
        k.iter().map(|s| s.to_string()).collect()
    }

    fn day(s: &str) -> NaiveDate {
        crate::reports::parse_date(s).unwrap()
    }

    #[test]
    fn assessed_needs_a_complete_assessment_and_every_required_one() {
        let today = day("2027-03-01");
        let req = keys(&["iva", "lava"]);
        assert_eq!(may_advance(Preparing, Assessed, &[], &[], None, today), Err(ErrorCode::AssessmentMissing));
        assert_eq!(may_advance(Preparing, Assessed, &[], &keys(&["economic"]), None, today), Ok(()));
        assert_eq!(
            may_advance(Preparing, Assessed, &req, &keys(&["iva"]), None, today),
            Err(ErrorCode::AssessmentMissing)
        );
        assert_eq!(may_advance(Preparing, Assessed, &req, &keys(&["lava", "iva"]), None, today), Ok(()));
        assert_eq!(may_advance(Assessed, Preparing, &req, &[], None, today), Ok(()));
    }

    #[test]
    fn deciding_from_preparing_needs_every_required_assessment() {
        let today = day("2027-03-01");
        let req = keys(&["iva"]);
        assert_eq!(may_advance(Preparing, Decided, &req, &[], None, today), Err(ErrorCode::AssessmentMissing));
        assert_eq!(may_advance(Preparing, Decided, &req, &req, None, today), Ok(()));
        assert_eq!(may_advance(Preparing, Decided, &[], &[], None, today), Ok(()), "nothing required");
        assert_eq!(may_advance(Assessed, Decided, &req, &[], None, today), Ok(()), "checked when assessed");
    }

    #[test]
    fn the_follow_up_waits_for_its_date_and_steps_follow_the_workflow() {
        let on = Some(day("2028-03-15"));
        assert_eq!(may_advance(Decided, FollowedUp, &[], &[], on, day("2028-03-14")), Err(ErrorCode::FollowUpNotDue));
        assert_eq!(may_advance(Decided, FollowedUp, &[], &[], on, day("2028-03-15")), Ok(()));
        assert_eq!(may_advance(Decided, FollowedUp, &[], &[], None, day("2020-01-01")), Ok(()));
        let err = Err(ErrorCode::StateTransitionInvalid);
        assert_eq!(may_advance(Preparing, FollowedUp, &[], &[], None, day("2028-03-15")), err);
        assert_eq!(may_advance(Decided, Preparing, &[], &[], None, day("2028-03-15")), err);
    }

    #[test]
    fn requirements_and_rating_words() {
        crate::codes::assert_codes::<RequirementState>(&["missing", "draft", "complete"]);
        assert_eq!(RequirementState::of(None), RequirementState::Missing);
        assert_eq!(RequirementState::of(Some(AssessmentStatus::Complete)), RequirementState::Complete);
        assert_eq!(rating_word_key(-2), "rating-word-0");
        assert_eq!(rating_word_key(0), "rating-word-1");
        assert_eq!(rating_word_keys().collect::<Vec<_>>(), ["rating-word-0", "rating-word-1", "rating-word-2"]);
    }
}
