//! Cross-sectoral leadership and cooperation (Act 612/2021 §6–7; seeds 000–002): who is
//! responsible for HYTE and for each statutory duty, the groups (steering and welfare groups, the
//! cooperation pool, advisory councils) with their meetings and agreements, contact pairs between
//! the region and its municipalities, the HYTE staircase, and the preparation timeline.

mod duties;
mod groups;
mod staircase;
mod timeline;

pub use duties::*;
pub use groups::*;
pub use staircase::*;
pub use timeline::*;

use crate::Names;

pub(crate) const TEXT_MAX: usize = 200;
pub(crate) const LONG_MAX: usize = 8_000;

pub(crate) fn n(fi: &str, sv: &str, en: &str) -> Names {
    Names::new(fi, Some(sv.into()), Some(en.into()))
}

/// The translation keys the cooperation pages build from codes.
pub fn translation_keys() -> Vec<String> {
    use crate::codes::keys;
    let mut k: Vec<String> = keys::<GroupKind>().collect();
    k.extend(keys::<MemberRole>());
    k.extend(keys::<ContactTheme>());
    k.extend(keys::<TaskStatus>());
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::assert_codes;

    #[test]
    fn codes_are_pinned() {
        assert_codes::<GroupKind>(&[
            "steering_group",
            "welfare_group",
            "cooperation_pool",
            "advisory_council",
            "other",
        ]);
        assert_codes::<MemberRole>(&["chair", "member", "secretary", "expert"]);
        assert_codes::<ContactTheme>(&[
            "substance_prevention",
            "accident_prevention",
            "violence_prevention",
            "physical_activity",
            "mental_health",
            "participation",
        ]);
    }
}
