//! The support plan of the demo's year: four actions (a training in exercise counselling for both
//! municipalities, a workshop on the well-being report, a data package for Kuopio, a network meeting
//! on preventive substance-abuse work for Siilinjärvi); two delivered, each with the receiving
//! municipality's feedback. No action answers Siilinjärvi's need in mental well-being or Kuopio's in
//! impact assessment, so the plan shows them as gaps. The experts, resources, participants and
//! scores are fictional.

use super::survey::{err, user};
use super::Orgs;
use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};
use hyte_domain::support::plan::{ActionForm, DeliveryForm};
use hyte_store::{Actor, Store};

fn action(kind: &str, area: &str, titles: [&str; 3], targets: &[i64], expert: &str, pd: &str, eur: &str) -> ActionForm {
    ActionForm {
        kind: kind.into(),
        area: area.into(),
        title_fi: titles[0].into(),
        title_sv: titles[1].into(),
        title_en: titles[2].into(),
        targets: targets.iter().map(|t| t.to_string()).collect(),
        expert: expert.into(),
        person_days: pd.into(),
        euros: eur.into(),
        version: 0,
    }
}

/// A day of the demo's year, no later than `today`.
fn day(today: NaiveDate, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(today.year(), month, d).filter(|x| *x <= today).unwrap_or(today)
}

pub async fn load(store: &dyn Store, orgs: Orgs, today: NaiveDate) -> Result<()> {
    let county = user(store, "hyte@pohjois-savo.example").await?;
    let kuopio = user(store, "koordinaattori@kuopio.example").await?;
    let plan = store.create_plan(orgs.county, today.year(), county).await.map_err(err)?;
    let both = [orgs.kuopio, orgs.siilinjarvi];
    let forms = [
        action(
            "training",
            "physical_activity",
            [
                "Liikuntaneuvonnan koulutus",
                "Utbildning i motionsrådgivning",
                "Training in physical activity counselling",
            ],
            &both,
            "Liisa Liikunta (esimerkki)",
            "4",
            "2500",
        ),
        action(
            "workshop",
            "wellbeing_report",
            ["Hyvinvointikertomustyöpaja", "Workshop om välfärdsberättelsen", "Well-being report workshop"],
            &both,
            "Heikki Hyte (esimerkki)",
            "3",
            "800",
        ),
        action(
            "data_package",
            "wellbeing_data",
            ["Hyvinvointitiedon tietopaketti", "Datapaket om välfärd", "Well-being data package"],
            &[orgs.kuopio],
            "Tiina Tieto (esimerkki)",
            "2",
            "",
        ),
        action(
            "network_meeting",
            "substance_prevention",
            [
                "Ehkäisevän päihdetyön verkostotapaaminen",
                "Nätverksmöte om förebyggande missbruksarbete",
                "Network meeting on preventive substance-abuse work",
            ],
            &[orgs.siilinjarvi],
            "Eero Ehkäisevä (esimerkki)",
            "1",
            "300",
        ),
    ];
    let mut actions = vec![];
    for f in &forms {
        let input = f.parse().map_err(err)?;
        actions.push(store.add_action(orgs.county, plan.id, &input, county).await.map_err(err)?);
    }
    let sectors = |org: i64| async move { store.list_sectors(org).await };
    let ks = sectors(orgs.kuopio).await?;
    let ss = sectors(orgs.siilinjarvi).await?;
    let training = actions.first().context("the training")?.id;
    let workshop = actions.get(1).context("the workshop")?.id;
    let delivered = [
        (
            orgs.kuopio,
            training,
            day(today, 3, 10),
            ks.iter().take(2).map(|s| s.id.to_string()).collect::<Vec<_>>(),
            "18",
            "2",
            "1200",
            kuopio,
            5,
            "Käytännönläheinen ja hyödyllinen (esimerkki)",
        ),
        (
            orgs.siilinjarvi,
            workshop,
            day(today, 4, 22),
            ss.iter().take(1).map(|s| s.id.to_string()).collect(),
            "9",
            "1,5",
            "400",
            Actor::SYSTEM,
            4,
            "Selkeä runko kertomukselle (esimerkki)",
        ),
    ];
    for (org, action, date, sector_ids, participants, pd, eur, feedback_by, score, comment) in delivered {
        let form = DeliveryForm {
            date: date.to_string(),
            org_id: org.to_string(),
            action_id: action.to_string(),
            sector_ids,
            participants: participants.into(),
            person_days: pd.into(),
            euros: eur.into(),
        };
        let input = form.parse().map_err(err)?;
        let d = store.record_delivery(orgs.county, plan.id, &input, county).await.map_err(err)?;
        store.give_feedback(org, d.id, d.version, score, Some(comment), feedback_by).await.map_err(err)?;
    }
    Ok(())
}
