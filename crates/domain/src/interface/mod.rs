//! Interface services (*yhdyspintapalvelut*, seeds 000–003): services that reach residents only
//! when a municipality, the county, the state and NGOs work together — service chains, the
//! coordination of multi-sector services (Ohjaamo, family centres) and of participation and
//! volunteering — with their participants, target groups, chain steps, division of work,
//! cooperation agreements, monitoring and yearly evaluation. Pure types and rules.

mod agreement;
mod chain;
mod coordination;
mod evaluation;
mod service;
mod templates;
mod work;

pub use agreement::*;
pub use chain::*;
pub use coordination::*;
pub use evaluation::*;
pub use service::*;
pub use templates::*;
pub use work::*;

use crate::codes::keys;

/// Longest name, unit or title.
pub(crate) const TEXT_MAX: usize = 200;
/// Longest free text.
pub(crate) const LONG_MAX: usize = 4_000;

/// The translation keys the interface pages build from codes (goal progress and population
/// groups are listed by reports and services).
pub fn translation_keys() -> Vec<String> {
    let mut k: Vec<String> = keys::<InterfaceKind>().collect();
    k.extend(keys::<PartyRole>());
    k.extend(keys::<Handoff>());
    k.extend(keys::<ChainTemplate>());
    k.extend(keys::<Raci>());
    k.extend(keys::<AgreementStatus>());
    k.extend(keys::<ReminderKind>());
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::assert_codes;

    #[test]
    fn codes_are_pinned() {
        assert_codes::<InterfaceKind>(&["service_chain", "multi_sector", "volunteering"]);
        assert_codes::<PartyRole>(&["lead", "partner", "funder"]);
        assert_codes::<Handoff>(&["referral", "shared_plan", "warm_handoff", "self_referral", "none"]);
        assert_codes::<Raci>(&["responsible", "takes_part", "informed"]);
        assert_codes::<AgreementStatus>(&["draft", "signed", "ended"]);
    }
}
