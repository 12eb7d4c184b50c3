//! The substance of an assessment's summary: per alternative, which groups gain and which lose
//! in which areas. The web layer words it in Finnish and Swedish.

use super::{Alternative, Assessment, Rating};

/// One notable impact: the strongest of the short- and long-term ratings.
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    pub area: usize,
    pub group: usize,
    pub rating: i32,
    pub long_term: bool,
    pub uncertain: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AlternativeDigest {
    pub alternative_id: i64,
    pub positive: Vec<Impact>,
    pub negative: Vec<Impact>,
    /// Cells rated as no impact (0).
    pub neutral: usize,
    /// The sum of the ratings (short and long term), a rough balance for the side-by-side view.
    pub balance: i32,
}

fn strongest(r: &Rating) -> Option<(i32, bool)> {
    match (r.short_term, r.long_term) {
        (Some(s), Some(l)) if l.abs() > s.abs() => Some((l, true)),
        (Some(s), _) => Some((s, false)),
        (None, Some(l)) => Some((l, true)),
        (None, None) => None,
    }
}

/// Per alternative, in the alternatives' order: impacts by strength, strongest first.
pub fn digest(a: &Assessment, alternatives: &[Alternative], ratings: &[Rating]) -> Vec<AlternativeDigest> {
    alternatives
        .iter()
        .map(|alt| {
            let mut d = AlternativeDigest {
                alternative_id: alt.id,
                positive: vec![],
                negative: vec![],
                neutral: 0,
                balance: 0,
            };
            for r in ratings.iter().filter(|r| r.alternative_id == alt.id && a.groups.contains(&r.group)) {
                d.balance += r.short_term.unwrap_or(0) + r.long_term.unwrap_or(0);
                let Some((rating, long_term)) = strongest(r) else { continue };
                let i = Impact { area: r.area, group: r.group, rating, long_term, uncertain: r.uncertain };
                match rating {
                    0 => d.neutral += 1,
                    n if n > 0 => d.positive.push(i),
                    _ => d.negative.push(i),
                }
            }
            d.positive.sort_by_key(|i| (-i.rating, i.area, i.group));
            d.negative.sort_by_key(|i| (i.rating, i.area, i.group));
            d
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{default_templates, AssessmentStatus};

    #[test]
    fn impacts_are_sorted_by_strength_and_sign() {
        let a = Assessment {
            id: 1,
            decision_id: 1,
            template_key: "iva".into(),
            def: default_templates()[0].1.clone(),
            groups: vec![0, 4],
            status: AssessmentStatus::Draft,
            conclusion: None,
            version: 1,
        };
        let alt = Alternative {
            id: 5,
            decision_id: 1,
            position: 1,
            name: "A".into(),
            description: None,
            is_zero: false,
            version: 1,
        };
        let r = |area, group, s, l| Rating {
            alternative_id: 5,
            area,
            group,
            short_term: s,
            long_term: l,
            uncertain: false,
            justification: None,
        };
        let ratings =
            [r(0, 0, Some(-1), Some(-2)), r(1, 4, Some(1), None), r(2, 0, Some(0), None), r(3, 1, Some(2), None)];
        let d = &digest(&a, &[alt], &ratings)[0];
        assert_eq!(d.negative.len(), 1);
        assert_eq!((d.negative[0].rating, d.negative[0].long_term), (-2, true));
        assert_eq!(d.positive.iter().map(|i| i.area).collect::<Vec<_>>(), [1]); // group 1 is not affected
        assert_eq!((d.neutral, d.balance), (1, -2));
    }
}
