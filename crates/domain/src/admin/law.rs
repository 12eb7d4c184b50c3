//! The statutory HYTE duties as data: Act 612/2021 on organising social and health care
//! (*laki sosiaali- ja terveydenhuollon järjestämisestä*), in force since 1 January 2023.
//! §6 gives the municipality its duties, §7 the wellbeing services county; the City of Helsinki has
//! both. Which kind has which section is in [`super::kind`]. Sources: `docs/domain.md`.

use crate::lang::{Lang, Names};

/// A section of Act 612/2021 that gives HYTE duties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statute {
    /// §6: the municipality.
    Municipal,
    /// §7: the wellbeing services county.
    County,
}

impl Statute {
    pub fn section(self) -> u8 {
        match self {
            Statute::Municipal => 6,
            Statute::County => 7,
        }
    }

    /// This section's duties, in the Act's order.
    pub fn duties(self) -> &'static [Duty] {
        match self {
            Statute::Municipal => &MUNICIPAL,
            Statute::County => &COUNTY,
        }
    }
}

/// Where in the Act a duty is: its section. (Subsections are not cited: the sources checked for
/// `docs/domain.md` name the sections only.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegalRef {
    pub section: u8,
}

impl LegalRef {
    /// "612/2021 6 §" in Finnish and Swedish, "Act 612/2021, section 6" in English.
    pub fn cite(self, lang: Lang) -> String {
        let section = self.section;
        match lang {
            Lang::Fi | Lang::Sv => format!("612/2021 {section} §"),
            Lang::En => format!("Act 612/2021, section {section}"),
        }
    }
}

/// One statutory duty: a stable key (the duties matrix stores it), where the Act gives it, and
/// its name in Finnish, Swedish and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duty {
    pub key: &'static str,
    pub law: LegalRef,
    pub fi: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
}

impl Duty {
    pub fn names(&self) -> Names {
        Names::new(self.fi, Some(self.sv.into()), Some(self.en.into()))
    }
}

const fn duty(key: &'static str, section: u8, fi: &'static str, sv: &'static str, en: &'static str) -> Duty {
    Duty { key, law: LegalRef { section }, fi, sv, en }
}

/// A duty both sections give in the same words.
struct DutyText {
    key: &'static str,
    fi: &'static str,
    sv: &'static str,
    en: &'static str,
}

impl DutyText {
    const IMPACT_ASSESSMENT: DutyText = DutyText {
        key: "impact_assessment",
        fi: "Päätösten vaikutusten ennakkoarviointi väestöryhmittäin",
        sv: "Förhandsbedömning av beslutens konsekvenser per befolkningsgrupp",
        en: "Assessing decisions' impacts in advance, by population group",
    };
    const RESPONSIBILITIES: DutyText = DutyText {
        key: "responsibilities",
        fi: "Hyvinvoinnin ja terveyden edistämisen vastuutahojen nimeäminen",
        sv: "Ansvariga för främjandet av välfärd och hälsa utses",
        en: "Naming who is responsible for well-being and health promotion",
    };
    const MONITOR: DutyText = DutyText {
        key: "monitor",
        fi: "Asukkaiden elinolojen, hyvinvoinnin ja terveyden sekä niihin vaikuttavien tekijöiden seuranta alueittain ja väestöryhmittäin",
        sv: "Uppföljning av invånarnas levnadsförhållanden, välfärd och hälsa och faktorer som påverkar dem per område och befolkningsgrupp",
        en: "Monitoring residents' living conditions, well-being and health and their determinants by area and population group",
    };
    const NGO_CONDITIONS: DutyText = DutyText {
        key: "ngo_conditions",
        fi: "Järjestöjen toimintaedellytysten ja vaikutusmahdollisuuksien edistäminen",
        sv: "Främjande av organisationernas verksamhetsförutsättningar och påverkansmöjligheter",
        en: "Promoting NGOs' operating conditions and influence",
    };

    const fn in_section(&self, section: u8) -> Duty {
        duty(self.key, section, self.fi, self.sv, self.en)
    }
}

/// §6: the municipality's duties (it takes part in the yearly negotiation the county convenes).
pub const MUNICIPAL: [Duty; 10] = [
    duty(
        "own_activities",
        6,
        "Hyvinvoinnin ja terveyden edistäminen kunnan kaikessa toiminnassa",
        "Främjande av välfärd och hälsa i all kommunens verksamhet",
        "Promoting well-being and health in all of the municipality's activities",
    ),
    duty(
        "goals",
        6,
        "Tavoitteet ja niitä tukevat toimenpiteet strategisessa suunnittelussa",
        "Mål och åtgärder som stöder dem i den strategiska planeringen",
        "Goals and the measures that support them in strategic planning",
    ),
    DutyText::IMPACT_ASSESSMENT.in_section(6),
    DutyText::RESPONSIBILITIES.in_section(6),
    DutyText::MONITOR.in_section(6),
    duty(
        "annual_report",
        6,
        "Vuosittainen raportointi valtuustolle asukkaiden hyvinvoinnista ja toteutetuista toimenpiteistä",
        "Årlig rapportering till fullmäktige om invånarnas välfärd och de åtgärder som vidtagits",
        "Reporting to the council every year on residents' well-being and the measures taken",
    ),
    duty(
        "term_report",
        6,
        "Hyvinvointikertomus ja -suunnitelma kerran valtuustokaudessa",
        "Välfärdsberättelse och välfärdsplan en gång per fullmäktigeperiod",
        "The well-being report and plan once per council term",
    ),
    duty(
        "cooperation",
        6,
        "Yhteistyö hyvinvointialueen, muiden julkisten toimijoiden, yritysten ja yleishyödyllisten yhteisöjen kanssa",
        "Samarbete med välfärdsområdet, andra offentliga aktörer, företag och allmännyttiga samfund",
        "Cooperation with the wellbeing services county, other public bodies, companies and non-profit organisations",
    ),
    DutyText::NGO_CONDITIONS.in_section(6),
    duty(
        "yearly_negotiation",
        6,
        "Osallistuminen vuosittaiseen hyvinvoinnin ja terveyden edistämisen neuvotteluun hyvinvointialueen kanssa",
        "Deltagande i den årliga förhandlingen med välfärdsområdet om främjande av välfärd och hälsa",
        "Taking part in the yearly HYTE negotiation with the wellbeing services county",
    ),
];

/// §7: the wellbeing services county's duties.
pub const COUNTY: [Duty; 11] = [
    duty(
        "own_activities",
        7,
        "Hyvinvoinnin ja terveyden edistäminen hyvinvointialueen kaikessa toiminnassa",
        "Främjande av välfärd och hälsa i all välfärdsområdets verksamhet",
        "Promoting well-being and health in all of the county's activities",
    ),
    duty(
        "strategy",
        7,
        "Tavoitteet hyvinvointialuestrategiassa: miten sosiaali- ja terveyspalvelut edistävät hyvinvointia ja terveyttä",
        "Mål i välfärdsområdesstrategin: hur social- och hälsovårdens tjänster främjar välfärd och hälsa",
        "Goals in the wellbeing services county strategy: how social and health services promote well-being and health",
    ),
    DutyText::IMPACT_ASSESSMENT.in_section(7),
    DutyText::RESPONSIBILITIES.in_section(7),
    DutyText::MONITOR.in_section(7),
    duty(
        "annual_report",
        7,
        "Vuosittainen raportointi aluevaltuustolle asukkaiden hyvinvoinnista ja toteutetuista toimenpiteistä",
        "Årlig rapportering till välfärdsområdesfullmäktige om invånarnas välfärd och de åtgärder som vidtagits",
        "Reporting to the county council every year on residents' well-being and the measures taken",
    ),
    duty(
        "regional_report",
        7,
        "Alueellinen hyvinvointikertomus ja -suunnitelma kerran valtuustokaudessa yhdessä kuntien kanssa",
        "Regional välfärdsberättelse och välfärdsplan en gång per fullmäktigeperiod tillsammans med kommunerna",
        "The regional well-being report and plan once per council term, with the municipalities",
    ),
    duty(
        "expert_support",
        7,
        "Asiantuntijatuki alueen kunnille",
        "Expertstöd till kommunerna i området",
        "Expert support to the municipalities in the county",
    ),
    duty(
        "cooperation",
        7,
        "Yhteistyö kuntien, muiden julkisten toimijoiden, yritysten ja yleishyödyllisten yhteisöjen kanssa",
        "Samarbete med kommunerna, andra offentliga aktörer, företag och allmännyttiga samfund",
        "Cooperation with the municipalities, other public bodies, companies and non-profit organisations",
    ),
    DutyText::NGO_CONDITIONS.in_section(7),
    duty(
        "yearly_negotiation",
        7,
        "Vuosittainen neuvottelu kuntien kanssa hyvinvoinnin ja terveyden edistämisen tavoitteista, toimenpiteistä, yhteistyöstä ja seurannasta",
        "Årlig förhandling med kommunerna om mål, åtgärder, samarbete och uppföljning av främjandet av välfärd och hälsa",
        "Yearly negotiation with the municipalities on HYTE goals, measures, cooperation and follow-up",
    ),
];

/// The duties of an organisation under `statutes`, each key once: where two sections give the same
/// duty (Helsinki has both), the first section's wording is kept and both references are listed.
pub fn duties_of(statutes: &[Statute]) -> Vec<(Duty, Vec<LegalRef>)> {
    let mut out: Vec<(Duty, Vec<LegalRef>)> = Vec::new();
    for duty in statutes.iter().flat_map(|s| s.duties()) {
        match out.iter_mut().find(|(d, _)| d.key == duty.key) {
            Some((_, refs)) if !refs.contains(&duty.law) => refs.push(duty.law),
            Some(_) => {}
            None => out.push((*duty, vec![duty.law])),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_within_a_section_and_cite_it() {
        for statute in [Statute::Municipal, Statute::County] {
            let duties = statute.duties();
            for (i, d) in duties.iter().enumerate() {
                assert_eq!(d.law.section, statute.section(), "{}", d.key);
                assert!(duties.iter().skip(i + 1).all(|o| o.key != d.key), "{} twice", d.key);
                assert!(!d.fi.is_empty() && !d.sv.is_empty() && !d.en.is_empty());
            }
        }
    }

    #[test]
    fn citations_read_in_each_language() {
        let r = LegalRef { section: 6 };
        assert_eq!(r.cite(Lang::Fi), "612/2021 6 §");
        assert_eq!(r.cite(Lang::En), "Act 612/2021, section 6");
    }
}
