//! The county's support to its municipalities (seeds 000–003, Act 612/2021 §7): the support-needs
//! survey and its heat map, the yearly support plan and the log of support delivered, the yearly
//! HYTE negotiation with each municipality, and the good-practice library. Pure types and rules.

mod content;
pub mod negotiation;
pub mod plan;
pub mod practice;
pub mod survey;

pub use content::*;

use crate::codes::keys;

/// The translation keys the support pages build from codes.
pub fn translation_keys() -> Vec<String> {
    let mut k: Vec<String> = keys::<ContentArea>().chain(practice::translation_keys()).collect();
    k.extend(keys::<survey::NeedLevel>());
    k.extend(keys::<survey::SurveyState>());
    k.extend(keys::<survey::ResponseState>());
    k.extend(keys::<plan::ActionKind>());
    k.extend(negotiation::translation_keys());
    k
}
