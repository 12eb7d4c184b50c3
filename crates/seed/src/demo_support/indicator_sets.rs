//! Pohjois-Savo's own indicator set for its region, in two versions (written by the county's demo
//! coordinator). The choice of indicators is fictional; every indicator has real values in the demo
//! knowledge base (Sotkanet, see `data/README.md`), so profiles and the regional report show data.
use super::Orgs;
use anyhow::{Context, Result};
use hyte_domain::knowledge::indicator_set::SetInput;
use hyte_domain::Names;
use hyte_import::sotkanet;
use hyte_store::{Actor, Store};

/// Version 1: diabetes medicines (683), social assistance of 25–64 (5) and long-term of 18–24
/// (1275), tertiary education (3195).
const FIRST: [&str; 4] = ["683", "5", "1275", "3195"];
/// Version 2: tertiary education out, the municipal low-income rate (3099) and the Gini index
/// (3126) in.
const SECOND: [&str; 5] = ["683", "5", "1275", "3099", "3126"];

pub async fn load(store: &dyn Store, orgs: Orgs, _today: chrono::NaiveDate) -> Result<()> {
    let ids = store.indicator_ids(sotkanet::SOURCE, None).await?;
    let pick = |list: &[&str]| -> Result<Vec<i64>> {
        list.iter().map(|i| ids.get(*i).map(|(id, _)| *id).with_context(|| format!("indicator {i}"))).collect()
    };
    let author = store.find_login("hyte@pohjois-savo.example").await?.map(|(u, _)| Actor::user(u.id));
    let author = author.unwrap_or(Actor::SYSTEM);
    let input = |ids: Vec<i64>| SetInput {
        names: Names::new(
            "Pohjois-Savon hyvinvoinnin seurantakori",
            Some("Norra Savolax uppföljningskorg för välfärd".into()),
            Some("North Savo well-being monitoring set".into()),
        ),
        source: Some(
            "Pohjois-Savon hyvinvointialueen HYTE-koordinaatio (demo): alueen yhteiset seurantaindikaattorit.".into(),
        ),
        source_url: None,
        indicator_ids: ids,
    };
    let first = store.create_indicator_set(orgs.county, &input(pick(&FIRST)?), author).await?;
    store.update_indicator_set(orgs.county, first.id, first.current, &input(pick(&SECOND)?), author).await?;
    Ok(())
}
