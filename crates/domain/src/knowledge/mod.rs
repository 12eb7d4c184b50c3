//! The knowledge base: areas and their population, indicators and their observations, the
//! statistics computed from them, and the imports that fill it.

pub mod area;
pub mod import_job;
pub mod indicator;
pub mod indicator_set;
pub mod stats;

pub use indicator::{hidden, Audience};

use crate::codes::keys;

/// The translation keys the knowledge base's pages build from codes.
pub fn translation_keys() -> Vec<String> {
    let mut k: Vec<String> = keys::<indicator::ValueType>().collect();
    k.extend(keys::<stats::Polarity>());
    k.extend(keys::<stats::Comparison>());
    k.extend(keys::<stats::Trend>());
    k.extend(keys::<import_job::JobState>());
    k.extend(keys::<import_job::ImportKind>());
    k.extend(keys::<indicator_set::SetKind>());
    k.extend(indicator::IndicatorTexts::KEYS.map(String::from));
    k
}
