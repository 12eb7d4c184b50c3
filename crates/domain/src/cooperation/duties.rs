//! The statutory HYTE duties (Act 612/2021 §6 for municipalities, §7 for regions) and who owns
//! each: a lead sector and the sectors taking part; a duty without a lead is nobody's.

use super::{n, TEXT_MAX};
use crate::error::{optional_text, ErrorCode, FieldErrors};
use crate::{Names, OrgKind};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq)]
pub struct Duty {
    pub key: &'static str,
    pub names: Names,
}

fn duty(key: &'static str, fi: &str, sv: &str, en: &str) -> Duty {
    Duty { key, names: n(fi, sv, en) }
}

/// The duties of an organisation of `kind`: §6 for municipalities, §7 for wellbeing services
/// counties and regions; none for others.
pub fn duties(kind: OrgKind) -> Vec<Duty> {
    match kind {
        OrgKind::Municipality => vec![
            duty(
                "monitor",
                "Asukkaiden hyvinvoinnin ja terveyden sekä niihin vaikuttavien tekijöiden seuranta väestöryhmittäin",
                "Uppföljning av invånarnas välfärd och hälsa och faktorer som påverkar dem per befolkningsgrupp",
                "Monitoring residents' well-being and health and their determinants by population group",
            ),
            duty(
                "annual_report",
                "Vuosittainen raportointi valtuustolle",
                "Årlig rapportering till fullmäktige",
                "Reporting to the council every year",
            ),
            duty(
                "term_report",
                "Hyvinvointikertomus valtuustolle kerran valtuustokaudessa",
                "Välfärdsberättelse till fullmäktige en gång per fullmäktigeperiod",
                "The well-being report to the council once per council term",
            ),
            duty(
                "goals",
                "Tavoitteet ja toimenpiteet paikallisiin tarpeisiin perustuen",
                "Mål och åtgärder utifrån lokala behov",
                "Goals and measures based on local needs",
            ),
            duty(
                "impact_assessment",
                "Päätösten vaikutusten ennakkoarviointi",
                "Förhandsbedömning av beslutens konsekvenser",
                "Ex-ante impact assessment of decisions",
            ),
            duty(
                "responsibilities",
                "Vastuutahojen nimeäminen",
                "Ansvariga aktörer utses",
                "Naming the responsible parties",
            ),
            duty(
                "cooperation",
                "Yhteistyö hyvinvointialueen ja muiden tahojen kanssa (ml. järjestöt)",
                "Samarbete med välfärdsområdet och andra aktörer (inkl. organisationer)",
                "Cooperation with the region and other actors, NGOs included",
            ),
        ],
        OrgKind::WellbeingCounty | OrgKind::Region => vec![
            duty(
                "strategy",
                "Aluestrategia, jossa asukkaiden hyvinvointi otetaan huomioon",
                "Regional strategi som beaktar invånarnas välfärd",
                "A regional strategy that takes residents' well-being into account",
            ),
            duty(
                "regional_report",
                "Alueellinen hyvinvointikertomus yhdessä kuntien kanssa",
                "Regional välfärdsberättelse tillsammans med kommunerna",
                "The regional well-being report with the municipalities",
            ),
            duty(
                "service_goals",
                "Sosiaali- ja terveydenhuollon hyte-tavoitteet, toimenpiteet ja vastuutahot",
                "Mål, åtgärder och ansvariga för främjande inom social- och hälsovården",
                "HYTE goals, measures and responsible parties in social and health services",
            ),
            duty(
                "impact_assessment",
                "Päätösten vaikutusten ennakkoarviointi",
                "Förhandsbedömning av beslutens konsekvenser",
                "Ex-ante impact assessment of decisions",
            ),
            duty(
                "expert_support",
                "Asiantuntijatuki kunnille (hyvinvointi, terveys, turvallisuus, ehkäisevä päihdetyö)",
                "Expertstöd till kommunerna (välfärd, hälsa, säkerhet, förebyggande rusmedelsarbete)",
                "Expert support to municipalities (well-being, health, safety, substance-abuse prevention)",
            ),
            duty(
                "preventive_services",
                "Ehkäisevien palvelujen järjestäminen",
                "Förebyggande tjänster ordnas",
                "Organising preventive services",
            ),
        ],
        _ => vec![],
    }
}

/// Who owns one duty.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DutyOwners {
    pub lead: Option<i64>,
    pub parts: Vec<i64>,
}

/// The organisation's named HYTE responsible person and body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Responsibility {
    pub person: Option<String>,
    pub body: Option<String>,
    /// Also guards the duties matrix against concurrent edits.
    pub version: i64,
}

impl Responsibility {
    pub fn parse(person: &str, body: &str) -> Result<(Option<String>, Option<String>), FieldErrors> {
        let mut errs = FieldErrors::default();
        let person = errs.check("person", optional_text(person, TEXT_MAX));
        let body = errs.check("body", optional_text(body, TEXT_MAX));
        match (person, body) {
            (Some(p), Some(b)) => Ok((p, b)),
            _ => Err(errs),
        }
    }
}

/// Parses a duty's form: the lead sector and the sectors taking part, all the organisation's.
pub fn parse_owners(lead: &str, parts: &[String], sectors: &[i64]) -> Result<DutyOwners, ErrorCode> {
    let id = |s: &str| s.trim().parse::<i64>().ok().filter(|i| sectors.contains(i)).ok_or(ErrorCode::SectorInvalid);
    let lead = match lead.trim() {
        "" => None,
        s => Some(id(s)?),
    };
    let mut out = vec![];
    for p in parts {
        let p = id(p)?;
        if Some(p) != lead && !out.contains(&p) {
            out.push(p);
        }
    }
    Ok(DutyOwners { lead, parts: out })
}

/// The duties nobody leads.
pub fn unowned<'a>(duties: &'a [Duty], owners: &std::collections::HashMap<String, DutyOwners>) -> Vec<&'a Duty> {
    duties.iter().filter(|d| owners.get(d.key).is_none_or(|o| o.lead.is_none())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipalities_and_regions_have_their_duties_and_unowned_ones_show() {
        assert_eq!(duties(OrgKind::Municipality).len(), 7);
        assert_eq!(duties(OrgKind::WellbeingCounty).len(), 6);
        assert!(duties(OrgKind::Ngo).is_empty());
        let d = duties(OrgKind::Municipality);
        let mut owners = std::collections::HashMap::new();
        owners.insert("monitor".to_string(), parse_owners("3", &["4".into(), "3".into()], &[3, 4]).unwrap());
        assert_eq!(owners["monitor"], DutyOwners { lead: Some(3), parts: vec![4] });
        owners.insert("goals".to_string(), parse_owners("", &["4".into()], &[3, 4]).unwrap());
        let gaps: Vec<&str> = unowned(&d, &owners).iter().map(|d| d.key).collect();
        assert_eq!(gaps.len(), 6);
        assert!(gaps.contains(&"goals") && !gaps.contains(&"monitor"));
        assert_eq!(parse_owners("9", &[], &[3]), Err(ErrorCode::SectorInvalid));
    }
}
