//! Inequality between the municipalities of an area: the slope index of inequality, with the
//! municipalities ranked by their low-income rate and weighted by their population.

use crate::error::AppError;
use hyte_domain::knowledge::stats::{self, Level, Sii, SiiArea};
use hyte_domain::knowledge::Audience;
use hyte_domain::{Indicator, Names, Observation, Sex};
use hyte_store::{IndicatorFilter, ObservationQuery, Store};
use serde::Serialize;
use std::collections::HashMap;

/// Sotkanet's "Kunnan yleinen pienituloisuusaste" (the municipality's low-income rate, %):
/// the deprivation ranking.
pub const DEPRIVATION: &str = "3099";
/// Sotkanet's "Väestö 31.12." (population at the end of the year): the weights.
pub const POPULATION: &str = "127";

#[derive(Debug, Clone, Serialize)]
pub struct AreaSii {
    pub sii: Sii,
    /// The indicator the municipalities were ranked by.
    pub ranked_by: Names,
}

async fn sotkanet(store: &dyn Store, source_id: &str) -> Result<Option<Indicator>, AppError> {
    let filter =
        IndicatorFilter { q: source_id.into(), source: Some("sotkanet".into()), limit: 50, ..Default::default() };
    Ok(store.list_indicators(&filter).await?.0.into_iter().find(|i| i.source_id == source_id))
}

/// The latest value at or before `year` per area.
fn latest(obs: &[Observation], indicator: i64, year: i32) -> HashMap<i64, f64> {
    let mut best: HashMap<i64, (i32, f64)> = HashMap::new();
    for o in obs.iter().filter(|o| o.indicator_id == indicator && o.year <= year && o.age_band.is_empty()) {
        if let Some(v) = o.value {
            let e = best.entry(o.area_id).or_insert((o.year, v));
            if o.year > e.0 {
                *e = (o.year, v);
            }
        }
    }
    best.into_iter().map(|(a, (_, v))| (a, v)).collect()
}

/// The slope index of `values` (area id → value in `year`), where it applies: a proportion or
/// rate, and at least [`stats::sii::MIN_AREAS`] municipalities with a low-income rate and a
/// population. `values` are as `audience` sees them; so are the ranking and the weights.
pub async fn slope_index(
    store: &dyn Store,
    audience: Audience,
    ind: &Indicator,
    values: &[(i64, f64)],
    year: i32,
) -> Result<Option<AreaSii>, AppError> {
    if ind.value_type.multiplier().is_none() || ind.source_id == DEPRIVATION || values.len() < stats::sii::MIN_AREAS {
        return Ok(None);
    }
    let (Some(dep), Some(pop)) = (sotkanet(store, DEPRIVATION).await?, sotkanet(store, POPULATION).await?) else {
        return Ok(None);
    };
    let obs = super::seen::observations(
        store,
        audience,
        &ObservationQuery {
            indicator_ids: vec![dep.id, pop.id],
            area_ids: values.iter().map(|v| v.0).collect(),
            sex: Some(Sex::Total),
            ..Default::default()
        },
    )
    .await?;
    let (deprivation, population) = (latest(&obs, dep.id, year), latest(&obs, pop.id, year));
    let areas: Vec<SiiArea> = values
        .iter()
        .filter_map(|(a, v)| {
            Some(SiiArea { value: *v, deprivation: *deprivation.get(a)?, population: *population.get(a)? })
        })
        .collect();
    Ok(stats::slope_index(&areas, Level::P95).map(|sii| AreaSii { sii, ranked_by: dep.title }))
}
