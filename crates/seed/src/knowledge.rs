//! The knowledge base that ships with Hyte: Sotkanet's region ids (mapped onto Hyte's areas),
//! its indicator catalogue and full metadata for some indicators (THL/Sotkanet, CC BY 4.0), and
//! demo values (THL- and Statistics Finland-produced rows only; see data/README.md).

use anyhow::{Context, Result};
use hyte_domain::knowledge::stats::Polarity;
use hyte_domain::{Observation, Sex};
use hyte_import::{apply, sotkanet, Report};
use hyte_store::Store;

const REGIONS: &str = include_str!("../../../data/sotkanet/regions_2015.json");
const COUNTIES: &str = include_str!("../../../data/sotkanet/hyvinvointialueet.csv");
const CATALOGUE: &str = include_str!("../../../data/sotkanet/indicators_2015.json");
const METADATA: &str = include_str!("../../../data/sotkanet/indicator_metadata_2025.json");
/// Catalogue entries for demo indicators newer than the 2015 catalogue (titles from the data file).
const SUPPLEMENT: &str = include_str!("../../../data/sotkanet/indicators_2019_supplement.json");
const DATA_2019: &str = include_str!("../../../data/sotkanet/data_2019_kunnat.csv");
/// Kela's indicator 683 (diabetes medicines, aged 40+), 2015–2023, every region: a real trend.
const DATA_683: &str = include_str!("../../../data/sotkanet/data_683_2015_2023.csv");

/// Sotkanet's indicator 683: people aged 40+ entitled to special reimbursement for diabetes medicines.
pub const DIABETES: &str = "683";

/// Sotkanet's indicator of population on 31 December.
pub const POPULATION: &str = "127";

/// Hyte's default directions for indicators whose reading is clear (users can change them).
pub const DEFAULT_POLARITY: [(&str, Polarity); 15] = [
    ("5", Polarity::LowerIsBetter),
    ("683", Polarity::LowerIsBetter),
    ("1275", Polarity::LowerIsBetter),
    ("181", Polarity::LowerIsBetter),
    ("182", Polarity::LowerIsBetter),
    ("186", Polarity::LowerIsBetter),
    ("244", Polarity::LowerIsBetter),
    ("289", Polarity::LowerIsBetter),
    ("3099", Polarity::LowerIsBetter),
    ("3126", Polarity::LowerIsBetter),
    ("3195", Polarity::HigherIsBetter),
    ("4404", Polarity::LowerIsBetter),
    ("4461", Polarity::LowerIsBetter),
    ("5527", Polarity::LowerIsBetter),
    ("5529", Polarity::LowerIsBetter),
];

/// Region ids and the indicator catalogue (idempotent).
pub async fn load_catalogue(store: &dyn Store) -> Result<()> {
    let mut regions = sotkanet::regions("regions_2015.json", REGIONS.as_bytes())?;
    regions.extend(sotkanet::county_ids("hyvinvointialueet.csv", COUNTIES)?);
    store.upsert_area_codes(sotkanet::SOURCE, &regions).await?;
    let mut list = sotkanet::indicators("indicators_2015.json", CATALOGUE.as_bytes())?;
    list.extend(sotkanet::indicators("indicators_2019_supplement.json", SUPPLEMENT.as_bytes())?);
    list.extend(sotkanet::indicators("indicator_metadata_2025.json", METADATA.as_bytes())?);
    for i in &mut list {
        if let Some((_, p)) = DEFAULT_POLARITY.iter().find(|(id, _)| *id == i.source_id) {
            i.polarity = *p;
        }
        // The 2015 catalogue has no value types; population is a head count.
        if i.source_id == POPULATION {
            i.value_type = hyte_domain::ValueType::Count;
            i.decimals = 0;
        }
    }
    store.upsert_indicators(&list).await?;
    Ok(())
}

/// Demo values: 2019 municipal values of 11 indicators, indicator 683 for 2015–2023, and
/// population (indicator 127) 2000–2022 by municipality with the 2019 split by sex.
pub async fn load_demo_values(store: &dyn Store) -> Result<Report> {
    let rows = sotkanet::data_csv("data_2019_kunnat.csv", DATA_2019)?;
    let report = apply::sotkanet_data(store, "data_2019_kunnat.csv", &rows).await.context("demo values")?;
    let rows = sotkanet::data_csv("data_683_2015_2023.csv", DATA_683)?;
    apply::sotkanet_data(store, "data_683_2015_2023.csv", &rows).await.context("indicator 683")?;
    let ids = store.indicator_ids(sotkanet::SOURCE, None).await?;
    let (population_id, _) = *ids.get(POPULATION).context("indicator 127 in the catalogue")?;
    let mut obs = vec![];
    for area in store.list_areas(None).await? {
        for p in store.area_population(area.id).await?.into_iter().filter(|p| !p.derived) {
            obs.push(Observation {
                indicator_id: population_id,
                area_id: area.id,
                year: p.year,
                sex: p.sex,
                age_band: String::new(),
                value: Some(p.population as f64),
                numerator: None,
                denominator: None,
                suppressed: false,
            });
        }
    }
    debug_assert!(obs.iter().all(|o| o.sex == Sex::Total || o.year == 2019));
    store.import_observations(&obs).await?;
    Ok(report)
}
