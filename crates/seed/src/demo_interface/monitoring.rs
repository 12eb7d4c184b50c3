//! The chain's division of work (two versions, one task nobody answers for), its two monitored
//! indicators and its evaluation of 2025, entered through the domain's forms.

use super::chains::{KUOPIO, SIILINJARVI};
use super::{err, Parties};
use crate::demo_services::real_value;
use anyhow::{Context, Result};
use hyte_domain::interface::{DivisionOfWork, EvaluationForm, TrackedForm};
use hyte_store::Store;

/// The task of the division of work that nobody is responsible for.
pub const UNOWNED: &str = "Ketjun viestintä asukkaille ja ammattilaisille";
/// The year whose evaluation the parties write.
pub const EVALUATION_YEAR: i32 = 2025;
/// The monitored indicators' baseline year (the chain was agreed in 2022) and target year.
pub const BASELINE_YEAR: i32 = 2022;
pub const TARGET_YEAR: i32 = 2028;

/// The matrix form's fields: task names and each organisation's part (`responsible`,
/// `takes_part`, `informed`).
fn matrix(tasks: &[(&str, Vec<(i64, &str)>)]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, (name, cells)) in tasks.iter().enumerate() {
        out.push((format!("task_{i}"), name.to_string()));
        for (org, part) in cells {
            out.push((format!("cell_{i}_{org}"), part.to_string()));
        }
    }
    out
}

/// The county saves the first version; the NGO then takes part in the counselling and adds a task
/// of its own, so that the versions show who changed what.
pub async fn division_of_work(store: &dyn Store, p: &Parties, chain: i64) -> Result<()> {
    let (county, kuopio, siilinjarvi, ngo) = (p.county, p.kuopio, p.siilinjarvi, p.ngo);
    let ids = [county, kuopio, siilinjarvi, ngo];
    let mut tasks = vec![
        (
            "Puheeksiotto ja ohjaus työttömän terveystarkastukseen",
            vec![(kuopio, "responsible"), (siilinjarvi, "takes_part"), (county, "informed")],
        ),
        ("Terveystarkastus ja lähete liikuntaneuvontaan", vec![(county, "responsible"), (kuopio, "informed")]),
        ("Liikuntaneuvonta ja liikuntasuunnitelma", vec![(county, "responsible"), (ngo, "informed")]),
        (
            "Vertaisliikuntaryhmät ja vapaaehtoisten ohjaajien koulutus",
            vec![(ngo, "responsible"), (county, "takes_part")],
        ),
        (
            "Työnhakijoiden liikuntaryhmät",
            vec![(siilinjarvi, "responsible"), (kuopio, "takes_part"), (ngo, "informed")],
        ),
        (
            "Seuranta 3 ja 6 kuukauden kohdalla",
            vec![(county, "responsible"), (kuopio, "informed"), (siilinjarvi, "informed")],
        ),
        (UNOWNED, vec![(kuopio, "takes_part"), (siilinjarvi, "takes_part"), (ngo, "takes_part"), (county, "informed")]),
    ];
    let first = DivisionOfWork::from_form(&matrix(&tasks), &ids).map_err(err)?;
    let saved = store.save_division_of_work(county, chain, 0, &first, p.county_user).await?;

    if let Some(t) = tasks.get_mut(2) {
        t.1 = vec![(county, "responsible"), (ngo, "takes_part")];
    }
    tasks.push(("Ryhmätarjonnan kokoaminen liikuntaneuvojille", vec![(ngo, "responsible"), (county, "informed")]));
    let second = DivisionOfWork::from_form(&matrix(&tasks), &ids).map_err(err)?;
    store.save_division_of_work(ngo, chain, saved.version, &second, p.ngo_user).await?;
    Ok(())
}

/// Indicator 683 (people aged 40+ entitled to special reimbursement for diabetes medicines, Kela)
/// in Kuopio and in Siilinjärvi: the baselines are their published values of [`BASELINE_YEAR`],
/// read from the knowledge base; the targets are the partners' (fictional) goals for
/// [`TARGET_YEAR`]. The series rises in both (Kuopio 13.3 % in 2022, 13.5 % in 2023), so both show
/// as off track.
pub async fn indicators(store: &dyn Store, p: &Parties, chain: i64) -> Result<()> {
    let diabetes = store
        .indicator_ids("sotkanet", None)
        .await?
        .get(crate::knowledge::DIABETES)
        .map(|v| v.0)
        .context("indicator 683 in the catalogue")?;
    for (code, target) in [(KUOPIO, "13,0"), (SIILINJARVI, "13,2")] {
        let area = store.get_area("municipality", code).await?.with_context(|| format!("municipality {code}"))?;
        let (year, baseline) = real_value(store, diabetes, area.id, BASELINE_YEAR).await?;
        let form = TrackedForm {
            indicator_id: diabetes.to_string(),
            area_code: code.into(),
            baseline_year: year.to_string(),
            baseline: baseline.to_string().replace('.', ","),
            target_year: TARGET_YEAR.to_string(),
            target: target.into(),
        };
        store.add_tracked(p.county, chain, &form.parse().map_err(err)?, p.county_user).await?;
    }
    Ok(())
}

/// The evaluation of [`EVALUATION_YEAR`]: the county writes what worked and where clients fell
/// between organisations, then the NGO adds the clients' feedback and next year's changes.
pub async fn evaluation(store: &dyn Store, p: &Parties, chain: i64) -> Result<()> {
    let mut form = EvaluationForm {
        worked: "Työllisyyspalvelujen ohjaus työttömän terveystarkastukseen vakiintui, ja liikuntaneuvonnasta \
                 ohjattiin asiakkaita järjestön vertaisryhmiin esittelemällä heidät ryhmän vetäjälle."
            .into(),
        gaps: "Asiakkaita putosi liikuntaneuvonnan ja ryhmien väliin, kun sopiva ryhmä alkoi vasta viikkojen \
               päästä. Siilinjärvellä iltaryhmiä oli liian vähän työssäkäyville. Ketjun viestinnästä ei \
               vastannut kukaan, joten ammattilaiset eivät aina tunteneet ketjua."
            .into(),
        ..Default::default()
    };
    let input = form.parse().map_err(err)?;
    let first = store.save_evaluation(p.county, chain, EVALUATION_YEAR, 0, &input, p.county_user).await?;
    form = EvaluationForm::from_evaluation(&first);
    form.client_feedback = "Ryhmien osallistujat arvostivat vertaisohjaajia ja maksuttomuutta. Pitkä odotus \
                            liikuntaneuvontaan sai kritiikkiä, ja osa toivoi ryhmiä myös ruotsiksi."
        .into();
    form.changes = "Vuonna 2026 ryhmiin otetaan uusia jatkuvasti, neuvontaan pääsee 14 vuorokaudessa, \
                    Siilinjärvelle perustetaan iltaryhmä ja ketjun viestinnälle sovitaan vastuutaho."
        .into();
    let input = form.parse().map_err(err)?;
    store.save_evaluation(p.ngo, chain, EVALUATION_YEAR, first.version, &input, p.ngo_user).await?;
    Ok(())
}
