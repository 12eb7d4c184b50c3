//! Demo cooperation: Kuopio's named HYTE responsibility, a welfare group with a meeting and two
//! agreements, some duty owners, staircase self-assessments and timeline tasks; Siilinjärvi's and
//! Pohjois-Savo's self-assessments of 2025. (Pohjois-Savo's cooperation pool is left for the user
//! to set up.) Fictional content.

use anyhow::{anyhow, Result};
use hyte_domain::cooperation::{AgreementInput, DutyOwners, GroupForm, MeetingInput, MemberInput, TaskForm};
use hyte_domain::OrgKind;
use hyte_store::{Actor, Store};

fn err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow!("{e:?}")
}

pub async fn load(store: &dyn Store, kuopio: i64, siilinjarvi: i64, region: i64) -> Result<()> {
    let a = Actor::SYSTEM;
    store
        .set_responsibility(kuopio, 0, Some("Hyte-koordinaattori Kalle Koskinen"), Some("Hyvinvointiryhmä"), a)
        .await?;
    let sectors = store.list_sectors(kuopio).await?;
    let sector = |fi: &str| sectors.iter().find(|s| s.names.fi == fi).map(|s| s.id);
    let central = sector("Keskushallinto");
    let owners = [
        ("monitor", central, vec![sector("Sivistys ja koulutus"), sector("Työllisyyspalvelut")]),
        ("annual_report", central, vec![]),
        ("term_report", central, vec![sector("Sivistys ja koulutus"), sector("Liikunta")]),
        ("impact_assessment", central, vec![]),
    ];
    // The responsibility's version (1 after naming it) moves on with each duty set.
    for (version, (key, lead, parts)) in (1..).zip(owners) {
        let o = DutyOwners { lead, parts: parts.into_iter().flatten().collect() };
        store.set_duty_owners(kuopio, version, key, &o, a).await?;
    }
    let group = GroupForm {
        kind: "welfare_group".into(),
        name: "Kuopion hyvinvointiryhmä".into(),
        mandate: "Kaupunginhallitus 14.2.2022 § 60".into(),
        tasks: "Valmistelee hyvinvointikertomuksen ja seuraa sen toimenpiteitä.".into(),
        chair: "Hyvinvointijohtaja".into(),
        version: 0,
    };
    let g = store.create_group(kuopio, &group.parse().map_err(err)?, a).await?;
    let orgs: Vec<(i64, String, OrgKind)> =
        store.list_organisations().await?.into_iter().map(|o| (o.id, o.names.fi.clone(), o.kind)).collect();
    let ngo = orgs.iter().find(|o| o.2 == OrgKind::Ngo).map(|o| o.0.to_string()).unwrap_or_default();
    for (person, org, name, kind, role) in [
        ("Kalle Koskinen", kuopio.to_string(), "", "", "secretary"),
        ("Jussi Järvinen", ngo, "", "", "member"),
        ("Pirjo Poliisi", String::new(), "Itä-Suomen poliisilaitos", "state_authority", "member"),
    ] {
        store.add_member(g.id, &MemberInput::parse(person, &org, name, kind, role, &orgs).map_err(err)?, a).await?;
    }
    let m = MeetingInput::parse(
        "2026-09-15",
        "1. Vuosiraportti 2025\n2. Vastinparit",
        "Sovittiin vuosiraportin aikataulusta.",
    )
    .map_err(err)?;
    let m = store.add_meeting(g.id, &m, a).await?;
    for (what, who, due) in [
        ("Kokoaa vuosiraportin 2026 luonnoksen", "Hyte-koordinaattori", "2026-12-15"),
        ("Nimeää ehkäisevän päihdetyön yhdyshenkilön", "Nuorisopalvelut", "2026-10-31"),
    ] {
        store.add_agreement(m.id, &AgreementInput::parse(what, who, due).map_err(err)?, a).await?;
    }
    for (org, year, step, why) in [
        (kuopio, 2025, 5, "Vastuutahot on nimetty ja hyvinvointiryhmällä on resurssit."),
        (siilinjarvi, 2025, 4, "Hyvinvointisuunnitelmassa on tavoitteet ja toimenpiteet."),
        (region, 2025, 3, "Alueellinen hyvinvointikertomus on tehty; seuranta on vasta alussa."),
    ] {
        store.save_maturity(org, year, 0, step, why, a).await?;
    }
    for (title, starts, ends, status) in [
        ("Vuosiraportti 2026 valtuustolle", "2026-10", "2027-02", "in_progress"),
        ("Hyvinvointikertomus 2025–2029: painopisteiden valmistelu", "2026-11", "2027-05", "planned"),
    ] {
        let t = TaskForm {
            title: title.into(),
            starts: starts.into(),
            ends: ends.into(),
            responsible: "Hyvinvointiryhmä".into(),
            status: status.into(),
            ..Default::default()
        };
        store.add_task(kuopio, &t.parse().map_err(err)?, a).await?;
    }
    Ok(())
}
