//! The services demo's 2025: four quarters of monitoring reported by the two providers and
//! reviewed by the county, client feedback for two services and client participation with a
//! "you said, we did" entry. Fictional, illustrative figures: no real provider reported them and
//! no real client answered.
//!
//! Under each criterion's rule (`hyte_domain::services::evaluate`) the company's intervention
//! share is met in Q1 and Q4 (a bonus of 1 200 €) and clearly missed in Q2 (64 % against 80 %:
//! a sanction of 600 €); its waiting time is missed in Q2 (9.5 days against 7: 1 % = 1 200 €,
//! capped at 1 000 €); the NGO misses its participants in Q3 (94 against 120: a sanction of
//! 150 €). The county accepts every report except two: the company's Q4 intervention share is
//! still waiting for review, and the NGO's Q4 participants are returned with a comment.

use super::Loaded;
use anyhow::{anyhow, Result};
use hyte_domain::population::PopulationGroup as G;
use hyte_domain::services::{
    Criterion, FeedbackRow, Method, MonitoringReport, ParticipationInput, ReportInput, Review, Stage,
};
use hyte_store::{Actor, Store};

const QUARTERS: [&str; 4] = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"];

/// (criterion index, quarter index, value, provider's comment)
type Value = (usize, usize, f64, Option<&'static str>);

const COMPANY_VALUES: [Value; 8] = [
    (0, 0, 82.0, None),
    (1, 0, 6.0, None),
    (0, 1, 64.0, Some("Kesälomasijaisia ei ehditty perehdyttää puheeksiottoon; perehdytys pidetty elokuussa.")),
    (1, 1, 9.5, Some("Kaksi päihdeneuvojaa sairauslomalla touko–kesäkuussa.")),
    (0, 2, 76.0, None),
    (1, 2, 8.0, None),
    (0, 3, 85.0, None),
    (1, 3, 6.5, None),
];

const NGO_VALUES: [Value; 8] = [
    (0, 0, 126.0, None),
    (1, 0, 96.0, None),
    (0, 1, 112.0, None),
    (1, 1, 97.0, None),
    (0, 2, 94.0, Some("Ryhmät tauolla heinäkuussa; syyskausi alkoi elokuun puolivälissä.")),
    (1, 2, 93.0, None),
    (0, 3, 141.0, None),
    (1, 3, 98.0, None),
];

/// The NGO's Q4 participants, returned to it with this comment.
pub const RETURN_COMMENT: &str = "Osallistujamäärä ei täsmää ryhmien läsnäololistoihin: joulukuun kahden \
ryhmän luvut puuttuvat. Tarkistakaa luku ja lähettäkää raportti uudelleen.";

pub async fn load(store: &dyn Store, d: &Loaded) -> Result<()> {
    let company = report(store, d.company_org, d.company.0, &d.company.1, &COMPANY_VALUES).await?;
    let ngo = report(store, d.ngo_org, d.ngo.0, &d.ngo.1, &NGO_VALUES).await?;
    let accept = Review { accept: true, comment: None };
    let back = Review { accept: false, comment: Some(RETURN_COMMENT.into()) };
    // The company's Q4 intervention share (criterion 0) stays submitted; the NGO's Q4
    // participants (criterion 0) are returned.
    let waiting = (d.company.1.first().map(|c| c.id), QUARTERS[3]);
    let returned = (d.ngo.1.first().map(|c| c.id), QUARTERS[3]);
    for r in company.iter().chain(&ngo) {
        let key = (Some(r.criterion_id), r.period.as_str());
        let review = if key == waiting {
            continue;
        } else if key == returned {
            &back
        } else {
            &accept
        };
        store.review_report(d.county, r.id, r.version, review, Actor::SYSTEM).await?;
    }
    feedback(store, d).await?;
    participation(store, d).await
}

/// Each quarter's values, submitted by the provider's organisation one quarter at a time.
async fn report(
    store: &dyn Store,
    member_org: i64,
    contract: i64,
    criteria: &[Criterion],
    values: &[Value],
) -> Result<Vec<MonitoringReport>> {
    let mut written = vec![];
    for (q, period) in QUARTERS.iter().enumerate() {
        let mut inputs = vec![];
        for (c, _, value, comment) in values.iter().filter(|v| v.1 == q) {
            let criterion = criteria.get(*c).ok_or_else(|| anyhow!("criterion {c}"))?;
            inputs.push(ReportInput {
                criterion_id: criterion.id,
                period: (*period).into(),
                value: *value,
                comment: comment.map(Into::into),
            });
        }
        written.extend(store.submit_reports(member_org, contract, &inputs, Actor::SYSTEM).await?);
    }
    Ok(written)
}

/// Feedback of the child health clinics (NPS) and of fall prevention (a 1–5 score). Three family
/// carers answered the fall-prevention survey: fewer than `FEEDBACK_MIN_COUNT`, so that row is
/// suppressed in every summary.
async fn feedback(store: &dyn Store, d: &Loaded) -> Result<()> {
    let service = |i: usize| d.services.get(i).copied().ok_or_else(|| anyhow!("service {i}"));
    let (clinics, falls) = (service(0)?, service(2)?);
    let row = |service_id, period: &str, measure: &str, value, count, group| FeedbackRow {
        service_id,
        period: period.into(),
        measure: measure.into(),
        value,
        count,
        group,
    };
    let rows = [
        row(clinics, "2024", "nps", 44.0, 512, None),
        row(clinics, "2025", "nps", 51.0, 587, None),
        row(clinics, "2025", "nps", 38.0, 22, Some(G::Immigrants)),
        row(clinics, "2025", "nps", 57.0, 14, Some(G::SwedishSpeakers)),
        row(falls, "2025", "score_1_5", 4.6, 186, None),
        row(falls, "2025", "score_1_5", 4.4, 41, Some(G::OlderLivingAlone)),
        row(falls, "2025", "score_1_5", 4.9, 3, Some(G::FamilyCarers)),
    ];
    store.import_feedback(d.county, &rows, Actor::SYSTEM).await?;
    Ok(())
}

/// How clients were heard in fall prevention and the alcohol brief intervention, with two "you
/// said, we did" entries.
async fn participation(store: &dyn Store, d: &Loaded) -> Result<()> {
    // The county's council for older people, a group of the cooperation room, is heard.
    let council = hyte_domain::cooperation::GroupForm {
        kind: "advisory_council".into(),
        name: "Pohjois-Savon hyvinvointialueen vanhusneuvosto".into(),
        mandate: "Laki hyvinvointialueesta 611/2021, 33 §".into(),
        ..Default::default()
    };
    let council = council.parse().map_err(|e| anyhow!("{e:?}"))?;
    let council = store.create_group(d.county, &council, Actor::SYSTEM).await?.id;
    let date = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).ok_or_else(|| anyhow!("date"));
    let service = |i: usize| d.services.get(i).copied().ok_or_else(|| anyhow!("service {i}"));
    let entries = [
        (
            2,
            ParticipationInput {
                stage: Stage::Planning,
                method: Method::ClientCouncil,
                who: "Pohjois-Savon hyvinvointialueen vanhusneuvosto".into(),
                group_id: Some(council),
                date: date(2024, 10, 14)?,
                said: None,
                did: None,
            },
        ),
        (
            2,
            ParticipationInput {
                stage: Stage::Implementation,
                method: Method::Ngo,
                who: "Savon Vertaistuki ry:n vertaisohjaajat".into(),
                group_id: None,
                date: date(2025, 3, 20)?,
                said: None,
                did: None,
            },
        ),
        (
            2,
            ParticipationInput {
                stage: Stage::Feedback,
                method: Method::Survey,
                who: "Osallistujakysely kevät 2025".into(),
                group_id: None,
                date: date(2025, 6, 5)?,
                said: Some("Ryhmiä toivotaan myös iltaisin ja lähemmäs kotia; kuljetus on monelle este.".into()),
                did: Some(
                    "Syyskuusta 2025 iltaryhmä Siilinjärvellä ja kaksi uutta ryhmää Kuopion Petosella; \
                     kuljetus palveluliikenteellä."
                        .into(),
                ),
            },
        ),
        (
            1,
            ParticipationInput {
                stage: Stage::Feedback,
                method: Method::FeedbackChannel,
                who: "Sähköinen asiakaspalaute".into(),
                group_id: None,
                date: date(2025, 9, 15)?,
                said: Some("Alkoholin käytöstä kysyminen tuntui tuomitsevalta.".into()),
                did: Some(
                    "Henkilöstölle motivoivan haastattelun koulutus lokakuussa 2025 ja uusi keskustelurunko.".into(),
                ),
            },
        ),
    ];
    for (i, input) in entries {
        store.add_participation(d.county, service(i)?, &input, Actor::SYSTEM).await?;
    }
    Ok(())
}
