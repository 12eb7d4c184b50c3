//! The one classification of population and client groups (*väestöryhmät, asiakasryhmät*):
//! life stages, vulnerable groups and language groups. Impact assessment, the activity directory,
//! the county's services and their coverage, interface services and good practices all name groups
//! with these codes, so a group means the same thing everywhere.

use crate::codes::codes;
use serde::{Deserialize, Serialize};

codes! {
    /// A population or client group.
    pub enum PopulationGroup: "popgroup-" {
        Everyone = "everyone",
        Children = "children",
        YoungPeople = "young_people",
        Families = "families",
        WorkingAge = "working_age",
        OlderPeople = "older_people",
        OldestOld = "oldest_old",
        LongTermUnemployed = "long_term_unemployed",
        NeetYoung = "neet_young",
        Disabled = "disabled",
        Immigrants = "immigrants",
        FamilyCarers = "family_carers",
        SubstanceUse = "substance_use",
        MentalHealth = "mental_health",
        OlderLivingAlone = "older_living_alone",
        Homeless = "homeless",
        LowIncome = "low_income",
        FinnishSpeakers = "finnish_speakers",
        SwedishSpeakers = "swedish_speakers",
        SamiSpeakers = "sami_speakers",
        ForeignLanguage = "foreign_language",
    }
}

codes! {
    /// The kind of a group: a stage of life, a vulnerable group, or a language group.
    pub enum GroupCategory: "popgroup-category-" {
        LifeStage = "life_stage",
        Vulnerable = "vulnerable",
        Language = "language",
    }
}

impl PopulationGroup {
    pub fn category(self) -> GroupCategory {
        use PopulationGroup::*;
        match self {
            Everyone | Children | YoungPeople | Families | WorkingAge | OlderPeople | OldestOld => {
                GroupCategory::LifeStage
            }
            FinnishSpeakers | SwedishSpeakers | SamiSpeakers | ForeignLanguage => GroupCategory::Language,
            _ => GroupCategory::Vulnerable,
        }
    }

    /// Whether the group is a vulnerable one (*haavoittuva ryhmä*), whose reach a county must watch.
    pub fn vulnerable(self) -> bool {
        self.category() == GroupCategory::Vulnerable
    }

    /// The ages the group covers, where it is defined by age (young people: under 30, as in the
    /// Youth Act 1285/2016 §3).
    pub fn ages(self) -> Option<(u8, Option<u8>)> {
        use PopulationGroup::*;
        match self {
            Children => Some((0, Some(12))),
            YoungPeople => Some((13, Some(29))),
            WorkingAge => Some((18, Some(64))),
            OlderPeople => Some((65, None)),
            OldestOld => Some((75, None)),
            NeetYoung => Some((15, Some(29))),
            _ => None,
        }
    }

    /// The groups of one category, in declaration order.
    pub fn of(category: GroupCategory) -> impl Iterator<Item = PopulationGroup> {
        PopulationGroup::ALL.into_iter().filter(move |g| g.category() == category)
    }
}

/// A set of groups kept in a stable order (the classification's), without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Groups(Vec<PopulationGroup>);

impl Groups {
    /// Parses codes (e.g. a form's repeated checkbox values); unknown codes are refused.
    pub fn parse<'a>(codes: impl IntoIterator<Item = &'a str>) -> Option<Groups> {
        let mut out = Vec::new();
        for c in codes {
            out.push(PopulationGroup::parse(c)?);
        }
        Some(Groups::new(out))
    }

    pub fn new(groups: impl IntoIterator<Item = PopulationGroup>) -> Groups {
        let mut v: Vec<PopulationGroup> = groups.into_iter().collect();
        v.sort_by_key(|g| PopulationGroup::ALL.iter().position(|x| x == g));
        v.dedup();
        Groups(v)
    }

    pub fn contains(&self, g: PopulationGroup) -> bool {
        self.0.contains(&g)
    }

    pub fn iter(&self) -> impl Iterator<Item = PopulationGroup> + '_ {
        self.0.iter().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        crate::codes::assert_codes::<PopulationGroup>(&[
            "everyone",
            "children",
            "young_people",
            "families",
            "working_age",
            "older_people",
            "oldest_old",
            "long_term_unemployed",
            "neet_young",
            "disabled",
            "immigrants",
            "family_carers",
            "substance_use",
            "mental_health",
            "older_living_alone",
            "homeless",
            "low_income",
            "finnish_speakers",
            "swedish_speakers",
            "sami_speakers",
            "foreign_language",
        ]);
    }

    #[test]
    fn categories_partition_the_groups() {
        let n: usize = GroupCategory::ALL.iter().map(|c| PopulationGroup::of(*c).count()).sum();
        assert_eq!(n, PopulationGroup::ALL.len());
        assert!(PopulationGroup::Homeless.vulnerable());
        assert!(!PopulationGroup::Children.vulnerable());
        assert_eq!(PopulationGroup::YoungPeople.ages(), Some((13, Some(29))));
    }

    #[test]
    fn sets_keep_the_classification_order_without_repeats() {
        let g = Groups::parse(["homeless", "children", "homeless"]).unwrap();
        assert_eq!(g.iter().collect::<Vec<_>>(), [PopulationGroup::Children, PopulationGroup::Homeless]);
        assert!(Groups::parse(["children", "martians"]).is_none());
    }
}
