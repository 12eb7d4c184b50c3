//! HYTE in the county's social and health services (*hyte osana sote-palveluja*, seeds 000/003):
//! strategy documents with HYTE goals, the register of preventive services with their client
//! groups and coverage, providers and their contracts with HYTE quality criteria, incentives and
//! sanctions, the providers' monitoring reports, and client participation and feedback.
//! Pure types and rules.

mod contract;
mod coverage;
mod feedback;
mod monitoring;
mod period;
mod provider;
mod service;
mod strategy;

pub use contract::*;
pub use coverage::*;
pub use feedback::*;
pub use monitoring::*;
pub use period::*;
pub use provider::*;
pub use service::*;
pub use strategy::*;

use crate::codes::keys;

/// Longest title, name or unit.
pub(crate) const TEXT_MAX: usize = 200;
/// Longest free text (tasks, criteria, comments).
pub(crate) const LONG_MAX: usize = 4_000;

/// The translation keys the service pages build from codes.
pub fn translation_keys() -> Vec<String> {
    let mut k: Vec<String> = keys::<ProviderKind>().collect();
    k.extend(keys::<Producer>());
    k.extend(keys::<ContractKind>());
    k.extend(keys::<Schedule>());
    k.extend(keys::<Direction>());
    k.extend(keys::<Source>());
    k.extend(keys::<ReportState>());
    k.extend(keys::<Outcome>());
    k.extend(keys::<StrategyKind>());
    k.extend(keys::<StrategyState>());
    k.extend(keys::<Stage>());
    k.extend(keys::<Method>());
    k.extend(keys::<crate::population::PopulationGroup>());
    k.extend(keys::<crate::population::GroupCategory>());
    k
}

/// An optional id from a form field (a provider, a service, an indicator, a group): None when
/// empty, `code` when it is not a number.
pub(crate) fn optional_id(s: &str, code: crate::ErrorCode) -> Result<Option<i64>, crate::ErrorCode> {
    crate::error::optional_text(s, 20).and_then(|s| s.map(|s| s.parse::<i64>().map_err(|_| code)).transpose())
}

/// A required decimal number written the Finnish or English way ("12,5", "12.5", "1 200"): the
/// reports' [`crate::reports::parse_value`], `required` when empty.
pub fn parse_decimal(s: &str) -> Result<f64, crate::ErrorCode> {
    crate::reports::parse_value(s)?.ok_or(crate::ErrorCode::Required)
}

/// A percentage 0–100.
pub fn parse_percent(s: &str) -> Result<f64, crate::ErrorCode> {
    let v = parse_decimal(s.trim().trim_end_matches('%'))?;
    if (0.0..=100.0).contains(&v) {
        Ok(v)
    } else {
        Err(crate::ErrorCode::NumberInvalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_parse_in_both_notations() {
        assert_eq!(parse_decimal("12,5"), Ok(12.5));
        assert_eq!(parse_decimal(" 1 200.5 "), Ok(1200.5));
        assert_eq!(parse_decimal(""), Err(crate::ErrorCode::Required));
        assert_eq!(parse_decimal("NaN"), Err(crate::ErrorCode::NumberInvalid));
        assert_eq!(parse_percent("0,5 %"), Ok(0.5));
        assert_eq!(parse_percent("120"), Err(crate::ErrorCode::NumberInvalid));
    }
}
