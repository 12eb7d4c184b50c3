//! An assessment: one template applied to a decision's alternatives, its ratings (impact area ×
//! population group × alternative, short and long term), who was heard, and the evidence cited.

use super::{Alternative, TemplateDef, LONG_MAX, TEXT_MAX};
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::reports::parse_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

codes! {
    pub enum AssessmentStatus: "assessment-status-" {
        Draft = "draft",
        Complete = "complete",
    }
}

/// An assessment of a decision with one template. `def` is the template as it was when the
/// assessment started.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: i64,
    pub decision_id: i64,
    pub template_key: String,
    pub def: TemplateDef,
    /// The affected population groups (indexes into `def.groups`).
    pub groups: Vec<usize>,
    pub status: AssessmentStatus,
    /// The assessor's conclusion, for the summary.
    pub conclusion: Option<String>,
    pub version: i64,
}

/// One cell: how an alternative affects a group in an impact area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    pub alternative_id: i64,
    pub area: usize,
    pub group: usize,
    pub short_term: Option<i32>,
    pub long_term: Option<i32>,
    pub uncertain: bool,
    pub justification: Option<String>,
}

impl Rating {
    pub fn is_rated(&self) -> bool {
        self.short_term.is_some() || self.long_term.is_some()
    }
}

/// The rating form of one alternative: fields `s-{area}-{group}`, `l-…`, `u-…`, `j-…`.
/// Returns the cells with anything in them; errors name the field.
pub fn parse_ratings(
    def: &TemplateDef,
    groups: &[usize],
    alternative_id: i64,
    form: &[(String, String)],
) -> Result<Vec<Rating>, Vec<(String, ErrorCode)>> {
    let get = |name: String| form.iter().find(|(k, _)| *k == name).map(|(_, v)| v.trim()).unwrap_or("");
    let mut out = vec![];
    let mut errs = vec![];
    for area in 0..def.areas.len() {
        for &group in groups.iter().filter(|g| **g < def.groups.len()) {
            let cell = format!("{area}-{group}");
            let mut rating = |prefix: &str| -> Option<i32> {
                let v = get(format!("{prefix}-{cell}"));
                if v.is_empty() {
                    return None;
                }
                match v.replace('+', "").replace('−', "-").parse::<i32>() {
                    Ok(n) if def.scale.contains(n) => Some(n),
                    _ => {
                        errs.push((format!("{prefix}-{cell}"), ErrorCode::NumberInvalid));
                        None
                    }
                }
            };
            let short_term = rating("s");
            let long_term = rating("l");
            let justification = match optional_text(get(format!("j-{cell}")), LONG_MAX) {
                Ok(j) => j,
                Err(c) => {
                    errs.push((format!("j-{cell}"), c));
                    None
                }
            };
            let uncertain = !get(format!("u-{cell}")).is_empty();
            let r = Rating { alternative_id, area, group, short_term, long_term, uncertain, justification };
            if r.is_rated() || r.justification.is_some() {
                out.push(r);
            }
        }
    }
    if errs.is_empty() {
        Ok(out)
    } else {
        Err(errs)
    }
}

codes! {
    /// Who was heard.
    pub enum ParticipantKind: "participant-" {
        Expert = "expert",
        Resident = "resident",
        Client = "client",
        /// Children and young people themselves (LAVA).
        Children = "children",
        Organisation = "organisation",
    }
}

/// Experts, residents or clients heard for an assessment, and what they said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    pub id: i64,
    pub assessment_id: i64,
    pub input: ParticipantInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParticipantInput {
    pub kind: ParticipantKind,
    /// Who: e.g. "Pupils of Kylä school, grades 3–6 (24 pupils)".
    pub who: String,
    pub heard_on: NaiveDate,
    /// How: survey, workshop, interview, hearing event…
    pub method: String,
    /// Their views, in short.
    pub views: Option<String>,
}

impl ParticipantInput {
    pub fn parse(kind: &str, who: &str, heard_on: &str, method: &str, views: &str) -> Result<Self, FieldErrors> {
        let mut errs = FieldErrors::default();
        let kind = errs.check("kind", ParticipantKind::parse(kind).ok_or(ErrorCode::Required));
        let who = errs.check("who", required_text(who, TEXT_MAX));
        let heard_on = errs.check("heard_on", parse_date(heard_on));
        let method = errs.check("method", required_text(method, TEXT_MAX));
        let views = errs.check("views", optional_text(views, LONG_MAX));
        match (kind, who, heard_on, method, views) {
            (Some(kind), Some(who), Some(heard_on), Some(method), Some(views)) => {
                Ok(ParticipantInput { kind, who, heard_on, method, views })
            }
            _ => Err(errs),
        }
    }
}

/// An indicator cited as evidence, with its value when cited: the baseline of the follow-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    pub assessment_id: i64,
    pub indicator_id: i64,
    /// The population group it was cited for.
    pub group: Option<usize>,
    pub baseline_year: Option<i32>,
    pub baseline_value: Option<f64>,
}

/// Why an assessment cannot be marked complete yet, if it cannot.
pub fn completeness(
    a: &Assessment,
    alternatives: &[Alternative],
    ratings: &[Rating],
    participants: &[Participant],
) -> Result<(), ErrorCode> {
    if alternatives.len() < 2 || !alternatives.iter().any(|x| x.is_zero) {
        return Err(ErrorCode::AlternativesMissing);
    }
    if a.groups.is_empty()
        || alternatives.iter().any(|x| !ratings.iter().any(|r| r.alternative_id == x.id && r.is_rated()))
    {
        return Err(ErrorCode::RatingsMissing);
    }
    if a.def.child_hearing && !participants.iter().any(|p| p.input.kind == ParticipantKind::Children) {
        return Err(ErrorCode::ChildrenNotHeard);
    }
    if a.conclusion.is_none() {
        return Err(ErrorCode::ConclusionMissing);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::default_templates;

    fn assessment() -> Assessment {
        Assessment {
            id: 1,
            decision_id: 1,
            template_key: "lava".into(),
            def: default_templates()[1].1.clone(),
            groups: vec![0, 4],
            status: AssessmentStatus::Draft,
            conclusion: Some("ok".into()),
            version: 1,
        }
    }

    fn alt(id: i64, is_zero: bool) -> Alternative {
        Alternative {
            id,
            decision_id: 1,
            position: id as i32,
            name: format!("A{id}"),
            description: None,
            is_zero,
            version: 1,
        }
    }

    #[test]
    fn ratings_parse_within_the_scale() {
        let a = assessment();
        let form: Vec<(String, String)> = [
            ("s-0-0", "-2"),
            ("l-0-0", "+1"),
            ("u-0-0", "on"),
            ("j-0-0", "Koulumatka pitenee"),
            ("s-1-4", "0"),
            ("s-2-1", "1"), // group 1 is not affected: ignored
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .to_vec();
        let r = parse_ratings(&a.def, &a.groups, 9, &form).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].short_term, r[0].long_term, r[0].uncertain), (Some(-2), Some(1), true));
        assert_eq!(r[0].justification.as_deref(), Some("Koulumatka pitenee"));
        assert_eq!((r[1].area, r[1].group, r[1].short_term), (1, 4, Some(0)));
        let bad = vec![("s-0-0".to_string(), "3".to_string()), ("l-0-4".to_string(), "x".to_string())];
        let e = parse_ratings(&a.def, &a.groups, 9, &bad).unwrap_err();
        assert_eq!(
            e,
            vec![("s-0-0".to_string(), ErrorCode::NumberInvalid), ("l-0-4".into(), ErrorCode::NumberInvalid)]
        );
    }

    #[test]
    fn a_child_impact_assessment_needs_the_childrens_own_views() {
        let a = assessment();
        let alts = [alt(1, true), alt(2, false)];
        let rate = |alternative_id| Rating {
            alternative_id,
            area: 0,
            group: 0,
            short_term: Some(-1),
            long_term: None,
            uncertain: false,
            justification: None,
        };
        assert_eq!(completeness(&a, &alts[..1], &[], &[]), Err(ErrorCode::AlternativesMissing));
        assert_eq!(completeness(&a, &alts, &[rate(1)], &[]), Err(ErrorCode::RatingsMissing));
        let ratings = [rate(1), rate(2)];
        assert_eq!(completeness(&a, &alts, &ratings, &[]), Err(ErrorCode::ChildrenNotHeard));
        let heard = |kind| Participant {
            id: 1,
            assessment_id: 1,
            input: ParticipantInput::parse(kind, "Oppilaat", "2027-02-01", "Työpaja", "").unwrap(),
        };
        assert_eq!(completeness(&a, &alts, &ratings, &[heard("expert")]), Err(ErrorCode::ChildrenNotHeard));
        assert_eq!(completeness(&a, &alts, &ratings, &[heard("children")]), Ok(()));
        let no_conclusion = Assessment { conclusion: None, ..a };
        assert_eq!(
            completeness(&no_conclusion, &alts, &ratings, &[heard("children")]),
            Err(ErrorCode::ConclusionMissing)
        );
    }
}
