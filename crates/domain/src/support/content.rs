//! The content areas of the county's support (seeds 002/003): what a municipality may need help
//! with. The survey asks about them, the support plan's actions and the good practices name them,
//! and the heat map and the negotiation's agenda are drawn over them.

use crate::codes::codes;

codes! {
    /// A content area of the county's expert support.
    pub enum ContentArea: "support-area-" {
        PhysicalActivity = "physical_activity",
        Nutrition = "nutrition",
        SubstanceUse = "substance_use",
        MentalWellbeing = "mental_wellbeing",
        Culture = "culture",
        Safety = "safety",
        ViolencePrevention = "violence_prevention",
        SubstancePrevention = "substance_prevention",
        WellbeingData = "wellbeing_data",
        WellbeingReport = "wellbeing_report",
        ImpactAssessment = "impact_assessment",
        NationalProgrammes = "national_programmes",
    }
}

impl ContentArea {
    /// Whether the area is one of the lifestyles (*elintavat*): physical activity, nutrition,
    /// substance use.
    pub fn lifestyle(self) -> bool {
        matches!(self, ContentArea::PhysicalActivity | ContentArea::Nutrition | ContentArea::SubstanceUse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_area_parses_from_its_code_and_three_are_lifestyles() {
        for a in ContentArea::ALL {
            assert_eq!(ContentArea::parse(a.as_str()), Some(a));
        }
        assert_eq!(ContentArea::ALL.iter().filter(|a| a.lifestyle()).count(), 3);
        assert_eq!(ContentArea::ALL.len(), 12);
    }
}
