//! The HYTE staircase (seed 001, "Kuinka korkealle maakuntasi on kivunnut?"): a yearly
//! self-assessment on seven steps, with its justification.

use super::{n, LONG_MAX};
use crate::error::{required_text, ErrorCode, FieldErrors};
use crate::Names;
use serde::{Deserialize, Serialize};

/// The seven steps, lowest first (step 1 is index 0).
pub fn steps() -> [Names; 7] {
    [
        n("Mikä HYTE? Ei me osteta mitään, SOTEhan sen hoitaa…", "Vad är HYTE? Vi köper ingenting, social- och hälsovården sköter det…", "What HYTE? We buy nothing, health and social services take care of it…"),
        n("Tiedetään, mutta ei tehdä, koska sitä ei voi osoittaa vaikuttavaksi ja korjaavan työn tarve on niin suurta", "Vi vet, men gör inget, eftersom effekten inte kan påvisas och behovet av korrigerande arbete är så stort", "We know, but do not act: it cannot be shown to work and the need for remedial work is so great"),
        n("Kyllä me seuraamme, kun on pakko. Hyvinvointikertomuskin on tehty, missäköhän se on?", "Nog följer vi upp när vi måste. Välfärdsberättelsen är också gjord, var kan den vara?", "We do monitor when we must. The well-being report was written too – where could it be?"),
        n("On meillä tavoitteita ja toimenpiteitä", "Vi har mål och åtgärder", "We do have goals and measures"),
        n("Olemme nimenneet vastuutahot ja resursoineet toimintaan", "Vi har utsett ansvariga och anvisat resurser", "We have named who is responsible and given the work resources"),
        n("Toimimme systemaattisesti, pitkäjänteisesti ja tavoitteellisesti", "Vi arbetar systematiskt, långsiktigt och målinriktat", "We work systematically, for the long term and towards goals"),
        n("Kehitämme aktiivisesti ja jatkuvasti toimintaamme", "Vi utvecklar vår verksamhet aktivt och kontinuerligt", "We actively and continuously develop our work"),
    ]
}

/// One year's self-assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Maturity {
    pub org_id: i64,
    pub year: i32,
    /// 1…7.
    pub step: i32,
    pub justification: String,
    pub version: i64,
}

impl Maturity {
    pub fn parse(year: &str, step: &str, justification: &str) -> Result<(i32, i32, String), FieldErrors> {
        let mut e = FieldErrors::default();
        let year = e.check("year", crate::reports::parse_year(year).and_then(|y| y.ok_or(ErrorCode::Required)));
        let step =
            e.check("step", step.trim().parse::<i32>().ok().filter(|s| (1..=7).contains(s)).ok_or(ErrorCode::Required));
        let justification = e.check("justification", required_text(justification, LONG_MAX));
        match (year, step, justification) {
            (Some(y), Some(s), Some(j)) => Ok((y, s, j)),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_steps_and_a_justification() {
        assert_eq!(steps().len(), 7);
        assert!(steps()[6].fi.starts_with("Kehitämme"));
        assert_eq!(Maturity::parse("2026", "5", "Vastuut nimetty").unwrap(), (2026, 5, "Vastuut nimetty".into()));
        let e = Maturity::parse("x", "8", " ").unwrap_err();
        assert_eq!(e.0.iter().map(|f| f.field).collect::<Vec<_>>(), ["year", "step", "justification"]);
    }
}
