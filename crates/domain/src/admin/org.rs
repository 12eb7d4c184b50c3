//! Organisations (municipalities, counties and partners) and their sectors.

use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::lang::{Lang, Names};
use serde::{Deserialize, Serialize};

pub use super::kind::OrgKind;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: i64,
    pub kind: OrgKind,
    pub names: Names,
    pub area_id: Option<i64>,
}

impl Organisation {
    pub fn name(&self, lang: Lang) -> &str {
        self.names.get(lang)
    }
}

/// A sector (*hallinnonala*, *toimiala*) of an organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sector {
    pub id: i64,
    pub org_id: i64,
    pub names: Names,
    /// Optimistic-locking version: an update names the version it edited.
    pub version: i64,
}

impl Sector {
    pub fn name(&self, lang: Lang) -> &str {
        self.names.get(lang)
    }
}

/// A parsed sector form: a Finnish name is required, Swedish and English are optional.
#[derive(Debug, Clone, PartialEq)]
pub struct SectorInput {
    pub names: Names,
}

pub const NAME_MAX: usize = 120;

impl SectorInput {
    pub fn parse(fi: &str, sv: &str, en: &str) -> Result<SectorInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let fi = errs.check("name_fi", required_text(fi, NAME_MAX));
        let sv = errs.check("name_sv", optional_text(sv, NAME_MAX));
        let en = errs.check("name_en", optional_text(en, NAME_MAX));
        match (fi, sv, en) {
            (Some(fi), Some(sv), Some(en)) if errs.is_empty() => Ok(SectorInput { names: Names::new(fi, sv, en) }),
            _ => Err(errs),
        }
    }
}

impl ErrorCode {
    /// Convenience for single-field failures.
    pub fn on(self, field: &'static str) -> FieldErrors {
        let mut e = FieldErrors::default();
        e.add(field, self);
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sector_input_requires_finnish_name() {
        let err = SectorInput::parse("  ", "Idrott", "").unwrap_err();
        assert_eq!(err.get("name_fi"), Some(ErrorCode::Required));
        let ok = SectorInput::parse(" Liikunta ", "", "Sports").unwrap();
        assert_eq!(ok.names.fi, "Liikunta");
        assert_eq!(ok.names.sv, None);
        let long = "x".repeat(NAME_MAX + 1);
        assert_eq!(SectorInput::parse(&long, "", "").unwrap_err().get("name_fi"), Some(ErrorCode::TooLong));
    }
}
