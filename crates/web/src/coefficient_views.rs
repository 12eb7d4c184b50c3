//! The HYTE coefficient computed for the pages and the reports: the nation's data for a model and a
//! year (`hyte_store::coefficient::gather`), computed by the domain's engine, and kept until the
//! data changes.

use crate::error::AppError;
use crate::format::{euros, fmt_num};
use hyte_domain::coefficient::model::Model;
use hyte_domain::coefficient::{compute, Inputs, Results};
use hyte_domain::{Area, ErrorCode, Lang};
use hyte_store::coefficient::{gather, ModelRecord};
use hyte_store::Store;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// One model computed for one data year.
pub struct Computed {
    pub record: ModelRecord,
    pub model: Model,
    pub year: i32,
    pub inputs: Inputs,
    /// The area of each unit, in the order of `inputs.units`.
    pub areas: Vec<Area>,
    pub results: Results,
}

impl Computed {
    /// The unit of an area.
    pub fn unit(&self, area_id: Option<i64>) -> Option<usize> {
        let id = area_id?;
        self.areas.iter().position(|a| a.id == id)
    }

    /// Whether any unit has a total (there is data for this year at all).
    pub fn has_data(&self) -> bool {
        self.results.ranked > 0
    }
}

/// A computed model and the data version it was computed at.
type Cached = (i64, Arc<Computed>);

/// Computed models by (model id, year), each kept until the store's data version moves on.
#[derive(Default)]
pub struct CoefficientCache {
    inner: Mutex<HashMap<(i64, i32), Cached>>,
}

impl CoefficientCache {
    const CAPACITY: usize = 200;

    /// `record`'s model computed for data year `year` (its own data year when None).
    pub async fn get(
        &self,
        store: &dyn Store,
        record: &ModelRecord,
        year: Option<i32>,
    ) -> Result<Arc<Computed>, AppError> {
        let model = record.model().map_err(|_| AppError::new(ErrorCode::Internal))?;
        let year = year.unwrap_or(model.data_year);
        let version = store.data_version().await?;
        if let Some((v, c)) = self.inner.lock().expect("cache lock").get(&(record.id, year)) {
            if *v == version {
                return Ok(c.clone());
            }
        }
        let (inputs, areas) = gather(store, &model, year).await?;
        let results = compute(&model, &inputs);
        let c = Arc::new(Computed { record: record.clone(), model, year, inputs, areas, results });
        let mut map = self.inner.lock().expect("cache lock");
        if map.len() >= Self::CAPACITY {
            map.clear();
        }
        map.insert((record.id, year), (version, c.clone()));
        Ok(c)
    }
}

/// The first of `models` under which `area_id` has a total, computed, and the area's unit.
pub async fn first_with_total(
    app: &crate::App,
    models: &[ModelRecord],
    area_id: Option<i64>,
) -> Result<Option<(Arc<Computed>, usize)>, AppError> {
    for m in models {
        let d = app.coefficients.get(&*app.store, m, None).await?;
        if let Some(u) = d.unit(area_id).filter(|u| d.results.units.get(*u).is_some_and(|r| r.total.is_some())) {
            return Ok(Some((d, u)));
        }
    }
    Ok(None)
}

/// The first model of `kind` under which `area_id` has a total, computed, and the area's unit.
pub async fn standing(
    app: &crate::App,
    kind: hyte_domain::coefficient::ModelKind,
    area_id: Option<i64>,
) -> Result<Option<(Arc<Computed>, usize)>, AppError> {
    let models: Vec<ModelRecord> = app.store.models().await?.into_iter().filter(|m| m.kind == kind).collect();
    first_with_total(app, &models, area_id).await
}

/// The municipalities of the county with official code `county`, under the first municipal model
/// that has data for any of them: the computed model and their units, by name.
pub async fn members(app: &crate::App, county: &str) -> Result<Option<(Arc<Computed>, Vec<usize>)>, AppError> {
    for m in
        app.store.models().await?.into_iter().filter(|m| m.kind == hyte_domain::coefficient::ModelKind::Municipality)
    {
        let d = app.coefficients.get(&*app.store, &m, None).await?;
        let units: Vec<usize> = (0..d.inputs.units.len())
            .filter(|u| d.inputs.units.get(*u).is_some_and(|x| x.county.as_deref() == Some(county)))
            .collect();
        if units.iter().any(|u| d.results.units.get(*u).is_some_and(|r| r.total.is_some())) {
            return Ok(Some((d, units)));
        }
    }
    Ok(None)
}

/// A score or total, one decimal; `–` when missing.
pub fn points(lang: Lang, v: Option<f64>) -> String {
    v.map(|v| fmt_num(lang, v, 1)).unwrap_or_else(|| "–".into())
}

/// Euros, whole; `–` when missing.
pub fn eur(lang: Lang, v: Option<f64>) -> String {
    v.map(|v| euros(lang, v.round() as i64)).unwrap_or_else(|| "–".into())
}

/// A signed euro change: `+1 200 €`, `−300 €`; `–` when missing.
pub fn eur_change(lang: Lang, v: Option<f64>) -> String {
    match v {
        Some(v) if v > 0.5 => format!("+{}", euros(lang, v.round() as i64)),
        Some(v) => euros(lang, v.round() as i64).replace('-', "−"),
        None => "–".into(),
    }
}

/// A rank as `3 / 308`; `–` when missing.
pub fn rank(r: Option<usize>, of: usize) -> String {
    r.map(|r| format!("{r} / {of}")).unwrap_or_else(|| "–".into())
}
