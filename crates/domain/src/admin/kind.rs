//! Organisation kinds and the one table of what follows from a kind: its statutory HYTE duties
//! (Act 612/2021 §6, §7), its default sectors, and what it may do in Hyte. Explained in
//! `docs/domain.md`.

use super::law::{duties_of, Duty, LegalRef, Statute};
use crate::codes::codes;

codes! {
    /// What kind of organisation. Only municipalities, wellbeing services counties and the City
    /// of Helsinki have statutory HYTE duties; the others take part as partners.
    pub enum OrgKind: "org-kind-" {
        Municipality = "municipality",
        WellbeingCounty = "wellbeing_county",
        Helsinki = "helsinki",
        RegionalCouncil = "regional_council",
        Hus = "hus",
        Ngo = "ngo",
        Parish = "parish",
        StateAuthority = "state_authority",
        PrivateProvider = "private_provider",
        Other = "other",
    }
}

/// A default sector's names (fi, sv, en).
pub type SectorName = (&'static str, &'static str, &'static str);

/// What follows from one organisation kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindRules {
    pub kind: OrgKind,
    /// The sections of Act 612/2021 that give it HYTE duties.
    pub statutes: &'static [Statute],
    /// The sectors a new organisation of this kind starts with.
    pub sectors: &'static [&'static [SectorName]],
    /// Compiles the regional well-being report with its municipalities, names the county side of
    /// contact pairs, and supports municipalities (§7).
    pub county_role: bool,
}

const NONE: &[Statute] = &[];
const PARTNER: KindRules = rules(OrgKind::Other, NONE, &[], false);

/// The table: one row per kind, in [`OrgKind::ALL`]'s order.
pub const KINDS: [KindRules; 10] = [
    rules(OrgKind::Municipality, &[Statute::Municipal], &[&MUNICIPAL_SECTORS], false),
    rules(OrgKind::WellbeingCounty, &[Statute::County], &[&COUNTY_ADMINISTRATION, &COUNTY_SECTORS], true),
    rules(OrgKind::Helsinki, &[Statute::Municipal, Statute::County], &[&MUNICIPAL_SECTORS, &COUNTY_SECTORS], true),
    rules(OrgKind::RegionalCouncil, NONE, &[], false),
    rules(OrgKind::Hus, NONE, &[], false),
    rules(OrgKind::Ngo, NONE, &[], false),
    rules(OrgKind::Parish, NONE, &[], false),
    rules(OrgKind::StateAuthority, NONE, &[], false),
    rules(OrgKind::PrivateProvider, NONE, &[], false),
    PARTNER,
];

const fn rules(
    kind: OrgKind,
    statutes: &'static [Statute],
    sectors: &'static [&'static [SectorName]],
    county_role: bool,
) -> KindRules {
    KindRules { kind, statutes, sectors, county_role }
}

/// A municipality's branches since 2023 (social and health services moved to the counties;
/// employment services came to municipalities in 2025).
pub const MUNICIPAL_SECTORS: [SectorName; 8] = [
    ("Keskushallinto", "Centralförvaltningen", "Central administration"),
    ("Sivistys ja koulutus", "Bildning och utbildning", "Education"),
    ("Varhaiskasvatus", "Småbarnspedagogik", "Early childhood education and care"),
    ("Kulttuuri", "Kultur", "Culture"),
    ("Liikunta", "Idrott och motion", "Sport and physical activity"),
    ("Nuoriso", "Ungdomsarbete", "Youth work"),
    ("Tekninen ja ympäristö", "Teknik och miljö", "Technical and environmental services"),
    ("Työllisyyspalvelut", "Sysselsättningstjänster", "Employment services"),
];

/// A county's administration (Helsinki has its own central administration among the municipal
/// sectors).
pub const COUNTY_ADMINISTRATION: [SectorName; 1] =
    [("Hallinto ja konsernipalvelut", "Förvaltning och koncerntjänster", "Administration and group services")];

/// A wellbeing services county's service branches.
pub const COUNTY_SECTORS: [SectorName; 7] = [
    (
        "Lasten, nuorten ja perheiden palvelut",
        "Tjänster för barn, unga och familjer",
        "Services for children, young people and families",
    ),
    ("Aikuisten sosiaalipalvelut", "Socialtjänster för vuxna", "Social services for adults"),
    ("Ikääntyneiden palvelut", "Tjänster för äldre", "Services for older people"),
    ("Vammaispalvelut", "Tjänster för personer med funktionsnedsättning", "Disability services"),
    ("Terveyspalvelut", "Hälsovårdstjänster", "Health services"),
    (
        "Mielenterveys- ja päihdepalvelut",
        "Mentalvårds- och missbrukartjänster",
        "Mental health and substance abuse services",
    ),
    ("Pelastustoimi", "Räddningsväsendet", "Rescue services"),
];

impl OrgKind {
    /// This kind's row of [`KINDS`].
    pub fn rules(self) -> &'static KindRules {
        KINDS.iter().find(|r| r.kind == self).unwrap_or(&PARTNER)
    }

    /// Has statutory HYTE duties (§6 or §7): a municipality, a county or Helsinki.
    pub fn has_duties(self) -> bool {
        !self.rules().statutes.is_empty()
    }

    /// Has the county's role (§7): compiles the regional report, names the county side of
    /// contact pairs, supports its municipalities.
    pub fn is_county(self) -> bool {
        self.rules().county_role
    }

    /// Has a municipality's duties (§6): a municipality or Helsinki.
    pub fn is_municipal(self) -> bool {
        self.rules().statutes.contains(&Statute::Municipal)
    }

    /// The statutory duties, each once, with every section that gives it.
    pub fn duties(self) -> Vec<(Duty, Vec<LegalRef>)> {
        duties_of(self.rules().statutes)
    }

    /// The sectors a new organisation of this kind starts with.
    pub fn default_sectors(self) -> impl Iterator<Item = &'static SectorName> {
        self.rules().sectors.iter().flat_map(|s| s.iter())
    }

    /// The kind an organisation stored with a retired code has now: a former `region` was used
    /// as the county (a regional council's name has "liitto"/"förbund" in it), police, schools and
    /// universities are state or other bodies, a company is a private provider.
    pub fn migrated(old: &str, name_fi: &str) -> Option<OrgKind> {
        let name = name_fi.to_lowercase();
        match old {
            "region" if name.contains("liitto") => Some(OrgKind::RegionalCouncil),
            "region" => Some(OrgKind::WellbeingCounty),
            "police" => Some(OrgKind::StateAuthority),
            "school" | "university" => Some(OrgKind::Other),
            "company" => Some(OrgKind::PrivateProvider),
            other => OrgKind::parse(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(kind: OrgKind) -> Vec<&'static str> {
        kind.duties().iter().map(|(d, _)| d.key).collect()
    }

    #[test]
    fn org_kinds_round_trip() {
        crate::codes::assert_codes::<OrgKind>(&[
            "municipality",
            "wellbeing_county",
            "helsinki",
            "regional_council",
            "hus",
            "ngo",
            "parish",
            "state_authority",
            "private_provider",
            "other",
        ]);
    }

    #[test]
    fn the_table_has_one_row_per_kind_in_order() {
        for (row, kind) in KINDS.iter().zip(OrgKind::ALL) {
            assert_eq!(row.kind, kind);
        }
        assert_eq!(KINDS.len(), OrgKind::ALL.len());
        for kind in OrgKind::ALL {
            assert_eq!(kind.is_county(), kind.rules().statutes.contains(&Statute::County), "{kind:?}");
        }
    }

    #[test]
    fn municipalities_have_section_6_and_counties_section_7() {
        let m = OrgKind::Municipality.duties();
        assert!(m.iter().all(|(d, _)| d.law.section == 6));
        for key in ["monitor", "annual_report", "term_report", "goals", "impact_assessment", "responsibilities"] {
            assert!(keys(OrgKind::Municipality).contains(&key), "{key}");
        }
        assert!(!keys(OrgKind::Municipality).contains(&"regional_report"));
        let c = keys(OrgKind::WellbeingCounty);
        for key in ["strategy", "regional_report", "expert_support", "yearly_negotiation", "monitor"] {
            assert!(c.contains(&key), "{key}");
        }
        assert!(!c.contains(&"preventive_services"), "preventive services belong to the service laws");
        assert!(!c.contains(&"term_report"));
        assert!(OrgKind::WellbeingCounty.is_county() && !OrgKind::WellbeingCounty.is_municipal());
        assert!(OrgKind::Municipality.is_municipal() && !OrgKind::Municipality.is_county());
    }

    #[test]
    fn helsinki_carries_both_sections_once_each() {
        let h = OrgKind::Helsinki.duties();
        assert!(OrgKind::Helsinki.is_county() && OrgKind::Helsinki.is_municipal());
        let monitor = h.iter().find(|(d, _)| d.key == "monitor").unwrap();
        assert_eq!(monitor.1, vec![LegalRef { section: 6 }, LegalRef { section: 7 }]);
        let k = keys(OrgKind::Helsinki);
        assert!(k.contains(&"term_report") && k.contains(&"regional_report") && k.contains(&"expert_support"));
        let mut unique = k.clone();
        unique.dedup();
        assert_eq!(unique.len(), k.len());
        let names: Vec<_> = OrgKind::Helsinki.default_sectors().map(|s| s.0).collect();
        assert!(names.contains(&"Sivistys ja koulutus") && names.contains(&"Terveyspalvelut"));
        assert!(!names.contains(&"Hallinto ja konsernipalvelut"), "one central administration");
    }

    #[test]
    fn partners_have_no_statutory_duties_or_sectors() {
        for kind in [
            OrgKind::RegionalCouncil,
            OrgKind::Hus,
            OrgKind::Ngo,
            OrgKind::Parish,
            OrgKind::StateAuthority,
            OrgKind::PrivateProvider,
            OrgKind::Other,
        ] {
            assert!(kind.duties().is_empty() && !kind.has_duties() && !kind.is_county(), "{kind:?}");
            assert_eq!(kind.default_sectors().count(), 0);
        }
    }

    #[test]
    fn municipalities_run_no_health_services_and_counties_no_schools() {
        let m: Vec<_> = OrgKind::Municipality.default_sectors().map(|s| s.0).collect();
        assert!(!m.iter().any(|s| s.contains("terveys") || s.contains("Sosiaali")));
        assert!(m.contains(&"Työllisyyspalvelut"));
        let c: Vec<_> = OrgKind::WellbeingCounty.default_sectors().map(|s| s.0).collect();
        assert!(!c.iter().any(|s| s.contains("Sivistys") || s.contains("Liikunta")));
        assert!(c.contains(&"Pelastustoimi"));
    }

    #[test]
    fn retired_kinds_migrate() {
        assert_eq!(OrgKind::migrated("region", "Pohjois-Savon hyvinvointialue"), Some(OrgKind::WellbeingCounty));
        assert_eq!(OrgKind::migrated("region", "Pohjois-Savon liitto"), Some(OrgKind::RegionalCouncil));
        assert_eq!(OrgKind::migrated("police", "Itä-Suomen poliisilaitos"), Some(OrgKind::StateAuthority));
        assert_eq!(OrgKind::migrated("company", "Oy"), Some(OrgKind::PrivateProvider));
        assert_eq!(OrgKind::migrated("ngo", "ry"), Some(OrgKind::Ngo));
        assert_eq!(OrgKind::migrated("nonsense", ""), None);
    }
}
