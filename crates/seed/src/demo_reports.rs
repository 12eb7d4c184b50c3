//! Demo well-being reports: Kuopio's report for the council term 2021–2025, approved and
//! published, and its annual report for 2024 in review; Siilinjärvi's term report; Pohjois-Savo
//! wellbeing services county's regional report for its first, shorter term 2022–2025. (The term 2025–2029 is left for the
//! user to write.) Every text is fictional demo content.

use anyhow::{Context, Result};
use hyte_domain::reports::{Approval, GoalForm, MeasureForm, NewReport, PriorityInput, ReportState, SectionEdit};
use hyte_store::{Actor, Store};

const SUMMARY: &str = "Kuopiolaisten hyvinvointi on pääosin hyvällä tasolla, mutta väestöryhmien väliset erot \
ovat kasvaneet. Tämä kertomus kokoaa hyvinvoinnin tilan valtuustokaudelta 2021–2025 ja nostaa kolme \
painopistettä seuraavalle kaudelle.\n\n- Lasten ja nuorten mielenterveys\n- Liikkumisen lisääminen\n- \
Pitkäaikaistyöttömien osallisuus";
const BACKGROUND: &str = "Hyvinvointikertomus on laadittu terveydenhuoltolain (1326/2010) 12 §:n mukaisesti; \
vuodesta 2023 velvoite on sosiaali- ja terveydenhuollon järjestämisestä annetun lain (612/2021) 6 §:ssä. Työtä on johtanut hyvinvointiryhmä, jossa ovat mukana kaikki toimialat, \
Pohjois-Savon hyvinvointialue ja järjestöjen edustajat.";
const POPULATION: &str = "Alla olevat indikaattorit päivittyvät tietokannasta. Toimeentulotukea saaneiden \
osuus on kaupungissa suurempi kuin hyvinvointialueella keskimäärin.";
const INEQUALITY: &str = "Pienituloisuus keskittyy tiettyihin asuinalueisiin ja perhetyyppeihin. \
**Yksinhuoltajaperheiden** ja pitkäaikaistyöttömien tilanne vaatii erityistä huomiota.";
const STRENGTHS: &str = "### Vahvuudet\n- Monipuoliset liikuntapaikat\n- Aktiivinen järjestökenttä\n\n\
### Kehittämiskohteet\n- Nuorten mielenterveyspalveluihin pääsy\n- Palveluketjut hyvinvointialueen kanssa";
const CONCLUSIONS: &str = "Hyvinvointityö on vakiintunut osaksi kaupungin johtamista. Seuraavalla kaudella \
painopisteet kirjataan kaupunkistrategiaan ja talousarvioon.";

/// Loads the demo reports for the organisation `org_id` (Kuopio).
pub async fn load(store: &dyn Store, org_id: i64) -> Result<()> {
    let ids = store.indicator_ids("sotkanet", None).await?;
    let id = |s: &str| ids.get(s).map(|v| v.0.to_string()).unwrap_or_default();
    let term = NewReport::parse("term", "2021–2025", "", &["fi"], "Hyvinvointikertomus 2021–2025", None)
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let report = store.create_report(org_id, &term, Actor::SYSTEM).await?;
    let bodies: [(&str, &str, String); 6] = [
        ("summary", SUMMARY, String::new()),
        ("background", BACKGROUND, String::new()),
        ("population", POPULATION, [id("5"), id("127"), id("3099"), id(crate::knowledge::DIABETES)].join(",")),
        ("inequality", INEQUALITY, [id("3099"), id("1275")].join(",")),
        ("strengths", STRENGTHS, String::new()),
        ("conclusions", CONCLUSIONS, String::new()),
    ];
    for s in store.report_sections(report.id).await? {
        let Some((_, body, indicators)) = bodies.iter().find(|b| b.0 == s.key) else { continue };
        let edit = SectionEdit::parse((&s.title.fi, s.title.sv.as_deref().unwrap_or(""), ""), body, "", indicators)
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        store.update_section(report.id, s.id, s.version, &edit, Actor::SYSTEM).await?;
    }
    plan(store, org_id, report.id, &id(crate::knowledge::DIABETES)).await?;
    let r = store.set_report_state(report.id, report.version, ReportState::InReview, None, Actor::SYSTEM).await?;
    let approval = Approval::parse("Kaupunginvaltuusto", "13.6.2022", "KV 13.6.2022 § 52")
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let r = store.set_report_state(r.id, r.version, ReportState::Approved, Some(&approval), Actor::SYSTEM).await?;
    store.set_report_state(r.id, r.version, ReportState::Published, None, Actor::SYSTEM).await?;

    let annual = NewReport::parse("annual", "2021–2025", "2024", &["fi", "sv"], "Vuosiraportti 2024", Some(r.id))
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let a = store.create_report(org_id, &annual, Actor::SYSTEM).await.context("annual demo report")?;
    store.set_report_state(a.id, a.version, ReportState::InReview, None, Actor::SYSTEM).await?;
    Ok(())
}

/// Three priorities, goals and measures by sector. The physical-activity goal is followed with
/// Kela's real series 683 (diabetes medicines, aged 40+; Kuopio 12.3 % in 2019, 13.5 % in 2023):
/// its target is the plan's, not data.
async fn plan(store: &dyn Store, org_id: i64, report_id: i64, diabetes: &str) -> Result<()> {
    let bad = |e| anyhow::anyhow!("{e:?}");
    let sectors = store.list_sectors(org_id).await?;
    let sector = |fi: &str| sectors.iter().find(|s| s.names.fi == fi).map(|s| s.id.to_string()).unwrap_or_default();
    let mut goal_ids = vec![];
    for (priority, goal, target) in [
        ("Lasten ja nuorten mielenterveys", "Nuorten kokema hyvinvointi paranee", None),
        ("Liikkumisen lisääminen", "Tyypin 2 diabeteksen yleistyminen taittuu", Some(("2019", "12.3", "2025", "12.0"))),
        ("Pitkäaikaistyöttömien osallisuus", "Pitkäaikaistyöttömyys vähenee", None),
    ] {
        let p = store.add_priority(report_id, &PriorityInput::parse(priority, "").map_err(bad)?, Actor::SYSTEM).await?;
        let (by, bv, ty, tv) = target.unwrap_or_default();
        let form = GoalForm {
            priority_id: p.id.to_string(),
            title: goal.into(),
            indicator_id: if target.is_some() { diabetes.into() } else { String::new() },
            baseline_year: by.into(),
            baseline_value: bv.into(),
            target_year: ty.into(),
            target_value: tv.into(),
        };
        goal_ids.push(store.add_goal(report_id, &form.parse().map_err(bad)?, Actor::SYSTEM).await?.id);
    }
    for (title, sector_fi, goal, euros) in [
        ("Koulujen hyvinvointitiimit", "Sivistys ja koulutus", 0, "40000"),
        ("Lähiliikuntapaikkojen kunnostus", "Tekninen ja ympäristö", 1, "150000"),
        ("Työpajatoiminnan laajentaminen", "Keskushallinto", 2, "60000"),
    ] {
        let form = MeasureForm {
            title: title.into(),
            sector_id: sector(sector_fi),
            start_year: "2022".into(),
            end_year: "2025".into(),
            euros: euros.into(),
            ..Default::default()
        };
        store
            .add_measure(
                report_id,
                &form.parse().map_err(bad)?,
                &[*goal_ids.get(goal).ok_or(anyhow::anyhow!("goal {goal}"))?],
                Actor::SYSTEM,
            )
            .await?;
    }
    Ok(())
}

/// Siilinjärvi's approved term report 2021–2025: a short plan sharing a priority with Kuopio.
pub async fn load_siilinjarvi(store: &dyn Store, org_id: i64) -> Result<()> {
    let bad = |e| anyhow::anyhow!("{e:?}");
    let term = NewReport::parse("term", "2021–2025", "", &["fi"], "Siilinjärven hyvinvointikertomus 2021–2025", None)
        .map_err(bad)?;
    let r = store.create_report(org_id, &term, Actor::SYSTEM).await?;
    for (priority, goal) in [
        ("Liikkumisen lisääminen", "Arkiliikunta lisääntyy kaikissa ikäryhmissä"),
        ("Ikäihmisten kotona asumisen tukeminen", "Yksinäisyyden kokemus vähenee"),
    ] {
        let p = store.add_priority(r.id, &PriorityInput::parse(priority, "").map_err(bad)?, Actor::SYSTEM).await?;
        let form = GoalForm { priority_id: p.id.to_string(), title: goal.into(), ..Default::default() };
        store.add_goal(r.id, &form.parse().map_err(bad)?, Actor::SYSTEM).await?;
    }
    let r = store.set_report_state(r.id, r.version, ReportState::InReview, None, Actor::SYSTEM).await?;
    let approval = Approval::parse("Kunnanvaltuusto", "20.6.2022", "KV 20.6.2022 § 31").map_err(bad)?;
    store.set_report_state(r.id, r.version, ReportState::Approved, Some(&approval), Actor::SYSTEM).await?;
    Ok(())
}

const REGIONAL_BACKGROUND: &str = "Alueellinen hyvinvointikertomus on laadittu sosiaali- ja terveydenhuollon \
järjestämisestä annetun lain (612/2021) 7 §:n mukaisesti yhdessä alueen kuntien kanssa hyvinvointialueen \
ensimmäiselle, lyhyemmälle valtuustokaudelle 2022–2025.";
const REGIONAL_STATE: &str = "Alla olevat indikaattorit päivittyvät tietokannasta. Diabeteslääkkeiden \
erityiskorvaukseen oikeutettujen 40 vuotta täyttäneiden osuus on kasvanut alueen kunnissa koko seurantajakson.";

/// Pohjois-Savo's regional report for the county term 2022–2025, approved by the county council.
pub async fn load_county(store: &dyn Store, org_id: i64) -> Result<()> {
    let bad = |e| anyhow::anyhow!("{e:?}");
    let ids = store.indicator_ids("sotkanet", None).await?;
    let id = |s: &str| ids.get(s).map(|v| v.0.to_string()).unwrap_or_default();
    let title = "Pohjois-Savon alueellinen hyvinvointikertomus 2022–2025";
    let term = NewReport::parse("term", "2022–2025", "", &["fi"], title, None).map_err(bad)?;
    let r = store.create_report(org_id, &term, Actor::SYSTEM).await?;
    let state = [id(crate::knowledge::DIABETES), id("5")].join(",");
    for s in store.report_sections(r.id).await? {
        let (body, indicators) = match s.key.as_str() {
            "summary" => (REGIONAL_BACKGROUND, ""),
            "state" => (REGIONAL_STATE, state.as_str()),
            _ => continue,
        };
        let edit = SectionEdit::parse((&s.title.fi, "", ""), body, "", indicators).map_err(bad)?;
        store.update_section(r.id, s.id, s.version, &edit, Actor::SYSTEM).await?;
    }
    let r = store.set_report_state(r.id, r.version, ReportState::InReview, None, Actor::SYSTEM).await?;
    let approval = Approval::parse("Aluevaltuusto", "19.6.2023", "AV 19.6.2023 § 40").map_err(bad)?;
    store.set_report_state(r.id, r.version, ReportState::Approved, Some(&approval), Actor::SYSTEM).await?;
    Ok(())
}
