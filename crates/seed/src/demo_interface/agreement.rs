//! The signed cooperation agreement of the county, Kuopio and the NGO on the chain and the family
//! centre, entered through the agreement form, with a one-page PDF as its signed document (its
//! SHA-256 kept beside it, as an upload's would be). Its renewal date is the first day of the month
//! after next from the day the demo is loaded (32–62 days ahead), so every party's front page
//! shows the reminder; the term ends three months after it.

use super::{err, pairs, Parties};
use anyhow::{anyhow, Context, Result};
use chrono::{Datelike, Months, NaiveDate};
use hyte_domain::interface::{is_pdf, AgreementForm, DocumentFacts, DOCUMENT_MAX};
use hyte_store::Store;
use sha2::{Digest, Sha256};

pub const TITLE: &str = "Yhteistyösopimus: liikuntaneuvonnan palveluketju ja perhekeskuksen järjestöyhteistyö";
/// The term's first day.
pub const STARTS_ON: (i32, u32, u32) = (2025, 1, 1);
pub const FILENAME: &str = "yhteistyosopimus-liikuntaketju-perhekeskus.pdf";

/// The renewal date and the end of the term, counted from `today`.
pub fn dates(today: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    let month = today.with_day(1).context("the first of the month")?;
    let renew = month.checked_add_months(Months::new(2)).context("renewal date")?;
    let ends = renew.checked_add_months(Months::new(3)).and_then(|d| d.pred_opt()).context("end date")?;
    Ok((renew, ends))
}

fn finnish(d: NaiveDate) -> String {
    format!("{}.{}.{}", d.day(), d.month(), d.year())
}

/// The signed document: one page saying what the agreement is, and that it is a demo.
pub fn document(starts: NaiveDate, renew: NaiveDate, ends: NaiveDate) -> Vec<u8> {
    super::pdf::one_page(&[
        "Yhteistyösopimus (Hyten esimerkkiaineisto)",
        "",
        "Liikuntaneuvonnan palveluketju ja perhekeskuksen järjestöyhteistyö",
        "",
        "Osapuolet: Pohjois-Savon hyvinvointialue, Kuopion kaupunki ja",
        "Savon Vertaistuki ry (esimerkki).",
        &format!(
            "Voimassa {} – {}; uusimisesta päätetään viimeistään {}.",
            finnish(starts),
            finnish(ends),
            finnish(renew)
        ),
        "",
        "Tämä asiakirja kuuluu Hyten esittelyaineistoon. Se ei ole oikea sopimus,",
        "eikä se sido ketään. Osapuolten velvoitteet ja resurssit ovat Hytessä.",
    ])
}

/// The agreement on `services` (the chain and the family centre); returns its id.
pub async fn load(store: &dyn Store, p: &Parties, services: &[i64], today: NaiveDate) -> Result<i64> {
    let (renew, ends) = dates(today)?;
    let (y, m, d) = STARTS_ON;
    let starts = NaiveDate::from_ymd_opt(y, m, d).context("the start date")?;
    let mut fields = vec![
        ("title", TITLE.to_string()),
        ("starts_on", finnish(starts)),
        ("ends_on", ends.to_string()),
        ("status", "signed".into()),
        ("renew_on", renew.to_string()),
    ];
    fields.extend(services.iter().map(|s| ("service_ids", s.to_string())));
    let parties = [
        (
            p.county,
            "Terveysasemien terveystarkastukset ja liikuntaneuvonta, neuvolan ohjaus perhekeskukseen, \
             palveluketjun koordinointi, seuranta ja vuosiarvioinnin kokoaminen.",
            "Liikuntaneuvojat (2 htv), neuvolan terveydenhoitajat",
            "Heli Heikkinen, hyte@pohjois-savo.example",
        ),
        (
            p.kuopio,
            "Työllisyyspalvelujen puheeksiotto ja ohjaus terveystarkastukseen; liikuntatilat ryhmien \
             käyttöön maksutta; perhevapaalta palaavien vanhempien työllisyyspalvelut.",
            "Työvalmentajat, liikuntatilat arki-iltaisin",
            "Kalle Koskinen, koordinaattori@kuopio.example",
        ),
        (
            p.ngo,
            "Vertaisliikuntaryhmät ja vapaaehtoisten ohjaajien koulutus; perhekahvilat ja vanhempien \
             vertaisryhmät; osallistujien palautteen kokoaminen arviointiin.",
            "Vapaaehtoiset vertaisohjaajat, koordinaattori 0,5 htv",
            "Jussi Järvinen, jarjesto@vertaistuki.example",
        ),
    ];
    for (org, obligations, resources, contact) in parties {
        fields.push(("party_org", org.to_string()));
        fields.push(("party_obligations", obligations.into()));
        fields.push(("party_resources", resources.into()));
        fields.push(("party_contact", contact.into()));
    }
    let input = AgreementForm::from_pairs(&pairs(&fields)).parse(p.county).map_err(err)?;
    let a = store.create_agreement(p.county, &input, p.county_user).await?;

    let pdf = document(starts, renew, ends);
    if !is_pdf(&pdf) || pdf.len() > DOCUMENT_MAX {
        return Err(anyhow!("the demo agreement's document"));
    }
    let facts = DocumentFacts {
        filename: FILENAME.into(),
        size: i64::try_from(pdf.len())?,
        sha256: Sha256::digest(&pdf).iter().map(|b| format!("{b:02x}")).collect(),
    };
    store.attach_document(p.county, a.id, a.version, &facts, &pdf, p.county_user).await?;
    Ok(a.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_renewal_comes_within_the_reminder_window_and_the_term_ends_after_it() {
        for (today, renew, ends) in
            [("2026-12-02", "2027-02-01", "2027-04-30"), ("2026-01-31", "2026-03-01", "2026-05-31")]
        {
            let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
            let (r, e) = dates(day(today)).unwrap();
            assert_eq!((r, e), (day(renew), day(ends)));
            let ahead = (r - day(today)).num_days();
            assert!(ahead > 0 && ahead <= super::super::RENEWAL_WITHIN_DAYS);
            assert!(ahead <= hyte_domain::interface::REMINDER_DAYS);
        }
    }
}
