//! Demo decisions of Kuopio: a swimming-hall decision of 2024, assessed (IVA) and decided, which
//! the annual report 2024 lists; and a proposal on library hours being prepared without its
//! required assessment. (Closing a village school is left for the user.) Fictional content.

use anyhow::{anyhow, Result};
use hyte_domain::assessment::{AssessmentStatus, DecisionForm, DecisionOutcome, ParticipantInput, Rating};
use hyte_store::{Actor, DecisionStep, Store};

fn err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow!("{e:?}")
}

fn day(s: &str) -> Result<chrono::NaiveDate> {
    hyte_domain::reports::parse_date(s).map_err(err)
}

pub async fn load(store: &dyn Store, org_id: i64) -> Result<()> {
    let sectors = store.list_sectors(org_id).await?;
    let sector = |fi: &str| sectors.iter().find(|s| s.names.fi == fi).map(|s| s.id.to_string()).unwrap_or_default();
    let ids: Vec<i64> = sectors.iter().map(|s| s.id).collect();
    let hall = DecisionForm {
        title: "Uimahallin aukioloaikojen muuttaminen".into(),
        description: "Väinölänniemen uimahallin aamuvuorot siirretään iltaan, jotta koululaiset ja työssäkäyvät \
                      pääsevät uimaan."
            .into(),
        body: "committee".into(),
        decision_type: "service_change".into(),
        sector_id: sector("Liikunta"),
        preparer: "Liikuntapalvelupäällikkö".into(),
        planned_on: "2024-05-14".into(),
        euros: "40000".into(),
        case_ref: "KUO/1234/2024".into(),
        version: 0,
    };
    let d = store
        .create_decision(
            org_id,
            &hall.parse(&ids).map_err(err)?,
            "Nollavaihtoehto (nykyiset aukioloajat)",
            "Iltavuorot",
            Actor::SYSTEM,
        )
        .await?;
    let alts = store.decision_alternatives(d.id).await?;
    let iva = store.assessment_templates(org_id).await?.into_iter().find(|t| t.key == "iva").ok_or(anyhow!("iva"))?;
    let a = store.start_assessment(d.id, iva.id, Actor::SYSTEM).await?;
    // Children, working-age people and older people (groups 0, 3 and 4 of the default IVA).
    let conclusion = "Iltavuorot parantavat koululaisten ja työikäisten liikkumismahdollisuuksia; ikääntyneiden \
                      aamuvuoroista säilytetään kaksi viikossa.";
    let a = store.update_assessment(a.id, a.version, &[0, 3, 4], Some(conclusion), Actor::SYSTEM).await?;
    let r = |alt: i64, area, group, s, l, j: &str| Rating {
        alternative_id: alt,
        area,
        group,
        short_term: Some(s),
        long_term: Some(l),
        uncertain: false,
        justification: Some(j.into()),
    };
    let (Some(zero), Some(evening)) = (alts.first().map(|a| a.id), alts.get(1).map(|a| a.id)) else {
        return Err(anyhow!("the proposal has no zero option and proposal"));
    };
    let a = store
        .save_ratings(
            a.id,
            a.version,
            zero,
            &[r(zero, 1, 0, 0, 0, "Ei muutosta."), r(zero, 1, 4, 0, 0, "Ei muutosta.")],
            Actor::SYSTEM,
        )
        .await?;
    let ratings = [
        r(evening, 1, 0, 1, 2, "Koululaiset pääsevät uimaan koulupäivän jälkeen."),
        r(evening, 1, 3, 1, 1, "Työssäkäyvät pääsevät uimaan iltaisin."),
        r(evening, 6, 4, -1, -1, "Osa ikääntyneiden aamuvuoroista poistuu."),
    ];
    let a = store.save_ratings(a.id, a.version, evening, &ratings, Actor::SYSTEM).await?;
    let heard = ParticipantInput::parse(
        "resident",
        "Vanhusneuvosto",
        "2024-04-09",
        "Lausunto",
        "Aamuvuoroja toivotaan säilytettäväksi kaksi viikossa.",
    )
    .map_err(err)?;
    store.add_participant(a.id, &heard, Actor::SYSTEM).await?;
    store.set_assessment_status(a.id, a.version, AssessmentStatus::Complete, Actor::SYSTEM).await?;
    let d =
        store.set_decision_status(d.id, d.version, &DecisionStep::Assessed, day("2024-05-01")?, Actor::SYSTEM).await?;
    let outcome = DecisionOutcome::parse(
        "2024-05-14",
        "Kulttuuri- ja liikuntalautakunta 14.5.2024 § 31",
        &evening.to_string(),
        "2025-06-01",
        &[zero, evening],
    )
    .map_err(err)?;
    store
        .set_decision_status(d.id, d.version, &DecisionStep::Decided(outcome), day("2024-05-14")?, Actor::SYSTEM)
        .await?;

    let library = DecisionForm {
        title: "Kirjastojen aukioloaikojen supistaminen".into(),
        body: "board".into(),
        decision_type: "service_network".into(),
        sector_id: sector("Kulttuuri"),
        preparer: "Kirjastotoimenjohtaja".into(),
        planned_on: "2027-02-10".into(),
        ..Default::default()
    };
    store
        .create_decision(
            org_id,
            &library.parse(&ids).map_err(err)?,
            "Nollavaihtoehto (ei muutosta)",
            "Ehdotus",
            Actor::SYSTEM,
        )
        .await?;
    Ok(())
}
