//! The support-needs survey of the demo's year (the year of `today`): Pohjois-Savo sends the
//! default questions (one per content area) to Kuopio and Siilinjärvi; both answer for several
//! sectors and submit. Kuopio's coordinator answers as the demo user `koordinaattori@kuopio.example`
//! (and a second, fictional colleague contributes); Siilinjärvi has no demo user, so its answers are
//! saved as the system under fictional contributor names. The levels and texts are fictional, chosen
//! so that the plan shows a gap: Siilinjärvi's great need in mental well-being and Kuopio's
//! considerable need in impact assessment have no action.

use super::Orgs;
use anyhow::{anyhow, Context, Result};
use chrono::Datelike;
use hyte_domain::support::survey::{default_questions, Answer, NeedLevel, SectorAnswers, SurveyInput};
use hyte_domain::support::ContentArea;
use hyte_store::{Actor, Store};

pub(crate) fn err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow!("{e:?}")
}

pub(crate) async fn user(store: &dyn Store, email: &str) -> Result<Actor> {
    let (u, _) = store.find_login(email).await?.with_context(|| format!("demo user {email}"))?;
    Ok(Actor::user(u.id))
}

/// The question key of a content area in the default set.
fn key(area: ContentArea) -> u32 {
    default_questions().iter().find(|q| q.area == Some(area)).map(|q| q.key).unwrap_or(0)
}

fn answers(sector_id: i64, v: &[(ContentArea, NeedLevel, &str)]) -> SectorAnswers {
    let answers = v
        .iter()
        .map(|(a, level, text)| Answer {
            question: key(*a),
            level: *level,
            text: (!text.is_empty()).then(|| text.to_string()),
        })
        .collect();
    SectorAnswers { sector_id, answers }
}

/// Answers for the municipality's first sectors, one list per sector, then submits.
async fn answer(
    store: &dyn Store,
    org: i64,
    survey: i64,
    sectors: &[&[(ContentArea, NeedLevel, &str)]],
    who: &[(&str, Actor)],
) -> Result<()> {
    let own = store.list_sectors(org).await?;
    let mut version = 0;
    for (i, v) in sectors.iter().enumerate() {
        let sector = own.get(i).context("a demo sector")?.id;
        let (name, actor) = who.get(i % who.len().max(1)).copied().context("a contributor")?;
        version =
            store.save_answers(org, survey, version, &answers(sector, v), name, actor).await.map_err(err)?.version;
    }
    let (name, actor) = who.first().copied().context("a submitter")?;
    store.submit_response(org, survey, version, name, actor).await.map_err(err)?;
    Ok(())
}

pub async fn load(store: &dyn Store, orgs: Orgs, today: chrono::NaiveDate) -> Result<()> {
    use ContentArea as A;
    use NeedLevel as L;
    let county = user(store, "hyte@pohjois-savo.example").await?;
    let kuopio = user(store, "koordinaattori@kuopio.example").await?;
    let input = SurveyInput { year: today.year(), questions: default_questions() };
    let survey = store.create_survey(orgs.county, &input, county).await.map_err(err)?;
    store
        .send_survey(orgs.county, survey.id, survey.version, &[orgs.kuopio, orgs.siilinjarvi], county)
        .await
        .map_err(err)?;
    answer(
        store,
        orgs.kuopio,
        survey.id,
        &[
            &[
                (A::PhysicalActivity, L::Considerable, "Liikuntaneuvonnan mallin juurruttaminen (esimerkki)"),
                (A::WellbeingData, L::Great, "Alueellisen hyvinvointitiedon tulkinta lautakunnille (esimerkki)"),
                (A::ImpactAssessment, L::Considerable, "Ennakkoarvioinnin koulutus valmistelijoille (esimerkki)"),
                (A::Culture, L::SomeNeed, ""),
            ],
            &[
                (A::PhysicalActivity, L::SomeNeed, ""),
                (A::MentalWellbeing, L::SomeNeed, "Koulujen mielenterveystaidot (esimerkki)"),
                (A::Nutrition, L::NoNeed, ""),
            ],
            &[(A::SubstancePrevention, L::SomeNeed, ""), (A::Safety, L::NoNeed, "")],
        ],
        &[("Kaisa Koordinaattori (esimerkki)", kuopio), ("Pekka Perusopetus (esimerkki)", kuopio)],
    )
    .await?;
    answer(
        store,
        orgs.siilinjarvi,
        survey.id,
        &[
            &[
                (A::MentalWellbeing, L::Great, "Nuorten mielen hyvinvoinnin tuki (esimerkki)"),
                (A::WellbeingReport, L::Considerable, "Hyvinvointikertomuksen rakenne (esimerkki)"),
            ],
            &[
                (A::SubstancePrevention, L::Considerable, "Ehkäisevän päihdetyön verkosto (esimerkki)"),
                (A::PhysicalActivity, L::SomeNeed, ""),
            ],
        ],
        &[("Sanna Siilinjärvi (esimerkki)", Actor::SYSTEM), ("Ville Vapaa-aika (esimerkki)", Actor::SYSTEM)],
    )
    .await?;
    Ok(())
}
