//! Demo well-being reports: Kuopio's report for the council term 2021–2025, approved and
//! published, and its annual report for 2024 in review. (The term 2025–2029 is left for the
//! user to write.) Every text is fictional demo content.

use anyhow::{Context, Result};
use hyte_domain::reports::{Approval, GoalForm, MeasureForm, NewReport, PriorityInput, ReportState, SectionEdit};
use hyte_store::{Actor, Store};

const SUMMARY: &str = "Kuopiolaisten hyvinvointi on pääosin hyvällä tasolla, mutta väestöryhmien väliset erot \
ovat kasvaneet. Tämä kertomus kokoaa hyvinvoinnin tilan valtuustokaudelta 2021–2025 ja nostaa kolme \
painopistettä seuraavalle kaudelle.\n\n- Lasten ja nuorten mielenterveys\n- Liikkumisen lisääminen\n- \
Pitkäaikaistyöttömien osallisuus";
const BACKGROUND: &str = "Hyvinvointikertomus on laadittu hyvinvoinnin ja terveyden edistämisen lain (612/2021) \
6 §:n mukaisesti. Työtä on johtanut hyvinvointiryhmä, jossa ovat mukana kaikki toimialat, \
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
        ("population", POPULATION, [id("5"), id("127"), id("3099")].join(",")),
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
    plan(store, org_id, report.id, &id("127")).await?;
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

/// Three priorities, goals (one followed with the population indicator) and measures by sector.
async fn plan(store: &dyn Store, org_id: i64, report_id: i64, population: &str) -> Result<()> {
    let bad = |e| anyhow::anyhow!("{e:?}");
    let sectors = store.list_sectors(org_id).await?;
    let sector = |fi: &str| sectors.iter().find(|s| s.names.fi == fi).map(|s| s.id.to_string()).unwrap_or_default();
    let mut goal_ids = vec![];
    for (priority, goal, target) in [
        ("Lasten ja nuorten mielenterveys", "Nuorten kokema hyvinvointi paranee", None),
        (
            "Liikkumisen lisääminen",
            "Kaupunki kasvaa ja pysyy vetovoimaisena",
            Some(("2018", "118664", "2025", "121000")),
        ),
        ("Pitkäaikaistyöttömien osallisuus", "Pitkäaikaistyöttömyys vähenee", None),
    ] {
        let p = store.add_priority(report_id, &PriorityInput::parse(priority, "").map_err(bad)?, Actor::SYSTEM).await?;
        let (by, bv, ty, tv) = target.unwrap_or_default();
        let form = GoalForm {
            priority_id: p.id.to_string(),
            title: goal.into(),
            indicator_id: if target.is_some() { population.into() } else { String::new() },
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
