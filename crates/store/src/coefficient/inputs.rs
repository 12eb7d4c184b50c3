//! The nation's inputs of a coefficient model for one data year, read through the store's traits:
//! the current division's areas of the model's kind (municipalities of a wellbeing services
//! county: not Åland's), each municipality's county, residents,
//! Sotkanet and own indicators from the knowledge base and TEAviisari sector scores. Suppressed
//! values are never read: they count as missing. Used by the web pages and the demo alike.

use crate::{ObservationQuery, Result, Store};
use hyte_domain::coefficient::model::{DataSource, Model, Scale};
use hyte_domain::coefficient::teaviisari::sector_score;
use hyte_domain::coefficient::{Cell, Inputs, ModelKind, Sector, TeaRow, Unit};
use hyte_domain::{Area, Sex};
use std::collections::HashMap;

/// The Hyte area kind a model prices.
pub fn area_kind(kind: ModelKind) -> &'static str {
    match kind {
        ModelKind::Municipality => "municipality",
        ModelKind::County => "wellbeing_county",
    }
}

/// Åland is a statistical area, not a wellbeing services county.
const NOT_A_COUNTY: &str = "91";

/// The areas of the current division of `kind`, by Finnish name.
async fn current_areas(store: &dyn Store, kind: &str) -> Result<Vec<Area>> {
    let all = store.list_areas(Some(kind)).await?;
    let last = all.iter().filter_map(|a| a.last_year).max();
    Ok(all
        .into_iter()
        .filter(|a| a.last_year == last && !(kind == "wellbeing_county" && a.code == NOT_A_COUNTY))
        .collect())
}

/// Gathers the nation's inputs for `model` in data year `year`.
pub async fn gather(store: &dyn Store, model: &Model, year: i32) -> Result<(Inputs, Vec<Area>)> {
    let kind = area_kind(model.kind);
    let areas = current_areas(store, kind).await?;
    let mut county_of: HashMap<i64, String> = HashMap::new();
    let mut areas = areas;
    if model.kind == ModelKind::Municipality {
        let division = areas.iter().filter_map(|a| a.last_year).max().unwrap_or(year);
        for county in current_areas(store, "wellbeing_county").await? {
            for m in store.area_members(county.id, division).await? {
                county_of.insert(m.id, county.code.clone());
            }
        }
        // Åland's municipalities belong to no wellbeing services county and are not priced.
        areas.retain(|a| county_of.contains_key(&a.id));
    }
    let residents: HashMap<i64, f64> = store.residents(kind, year).await?.into_iter().collect();
    let units: Vec<Unit> = areas
        .iter()
        .map(|a| Unit {
            code: a.code.clone(),
            county: county_of.get(&a.id).cloned(),
            residents: residents.get(&a.id).copied(),
        })
        .collect();
    let back = model.years_back() as i32;
    // Knowledge-base indicators by model position.
    let sotkanet = store.indicator_ids("sotkanet", None).await?;
    let own = store.indicator_ids("own", None).await?;
    let ids: Vec<Option<i64>> = model
        .indicators
        .iter()
        .map(|i| match &i.source {
            DataSource::Sotkanet(id) => sotkanet.get(id).map(|x| x.0),
            DataSource::Own(id) => own.get(id).map(|x| x.0),
            DataSource::Teaviisari(_) => None,
        })
        .collect();
    let wanted: Vec<i64> = ids.iter().flatten().copied().collect();
    let mut values: HashMap<(i64, i64, i32), f64> = HashMap::new();
    if !wanted.is_empty() {
        let q = ObservationQuery {
            indicator_ids: wanted,
            area_ids: vec![],
            years: Some((year - back, year)),
            sex: Some(Sex::Total),
        };
        for o in store.observations(&q).await? {
            if let (false, true, Some(v)) = (o.suppressed, o.age_band.is_empty(), o.value) {
                values.insert((o.indicator_id, o.area_id, o.year), v);
            }
        }
    }
    let mut tea: HashMap<(i64, Sector, i32), Vec<TeaRow>> = HashMap::new();
    if model.indicators.iter().any(|i| matches!(i.source, DataSource::Teaviisari(_))) {
        for r in store.tea_results(None, year - back, year).await? {
            tea.entry((r.area_id, r.row.sector, r.row.year)).or_default().push(r.row);
        }
    }
    let value = |pos: usize, area: i64, y: i32| -> Option<f64> {
        let ind = model.indicators.get(pos)?;
        match &ind.source {
            DataSource::Teaviisari(s) => sector_score(tea.get(&(area, *s, y))?),
            _ => values.get(&((*ids.get(pos)?)?, area, y)).copied(),
        }
    };
    let cells = model
        .indicators
        .iter()
        .enumerate()
        .map(|(pos, ind)| {
            areas
                .iter()
                .map(|a| Cell {
                    now: value(pos, a.id, year),
                    then: match ind.scale {
                        Scale::Change(n) => value(pos, a.id, year - n as i32),
                        _ => None,
                    },
                })
                .collect()
        })
        .collect();
    Ok((Inputs { units, cells }, areas))
}
