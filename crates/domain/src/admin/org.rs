//! Organisations (municipalities, counties and partners) and their sectors.

use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::lang::{Lang, Names};
use serde::{Deserialize, Serialize};

codes! {
    /// What kind of organisation: a municipality, a county or region, or a partner.
    pub enum OrgKind: "org-kind-" {
        Municipality = "municipality",
        WellbeingCounty = "wellbeing_county",
        Region = "region",
        Ngo = "ngo",
        Parish = "parish",
        Police = "police",
        School = "school",
        University = "university",
        Company = "company",
        Other = "other",
    }
}

impl OrgKind {
    /// Public bodies with the statutory HYTE duties get the default sectors.
    pub fn is_public_body(self) -> bool {
        matches!(self, OrgKind::Municipality | OrgKind::WellbeingCounty | OrgKind::Region)
    }

    /// A wellbeing services county or a region: compiles the regional report, names contact pairs.
    pub fn is_region(self) -> bool {
        matches!(self, OrgKind::WellbeingCounty | OrgKind::Region)
    }
}

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

/// The default sectors of a municipality or county (fi, sv, en), after Act 612/2021:
/// HYTE belongs to every administrative branch.
pub const DEFAULT_SECTORS: [(&str, &str, &str); 8] = [
    ("Keskushallinto", "Centralförvaltning", "Central administration"),
    ("Sivistys ja koulutus", "Bildning och utbildning", "Education"),
    ("Varhaiskasvatus", "Småbarnspedagogik", "Early childhood education"),
    ("Kulttuuri", "Kultur", "Culture"),
    ("Liikunta", "Idrott", "Sports"),
    ("Nuoriso", "Ungdom", "Youth"),
    ("Tekninen ja ympäristö", "Teknik och miljö", "Technical services and environment"),
    ("Sosiaali- ja terveyspalvelut", "Social- och hälsovård", "Social and health services"),
];

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

    #[test]
    fn org_kinds_round_trip() {
        crate::codes::assert_codes::<OrgKind>(&[
            "municipality",
            "wellbeing_county",
            "region",
            "ngo",
            "parish",
            "police",
            "school",
            "university",
            "company",
            "other",
        ]);
        assert!(OrgKind::Municipality.is_public_body());
        assert!(!OrgKind::Ngo.is_public_body());
    }
}
