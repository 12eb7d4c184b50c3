//! The HYTE coefficient (issue 15): the models as data (`/coefficient`, a model's page with its
//! indicators, weights, scaling and sources), an organisation's coefficient with its weakest
//! indicators and history, the simulator and saved scenarios (attached to plan goals), TEAviisari
//! process data (entry, template and import, the per-sector view), and the county's municipalities
//! side by side.

pub mod models;
pub mod overview;
pub mod region;
pub mod scenarios;
pub mod simulator;
pub mod teaviisari;

pub use crate::coefficient_views::{eur, eur_change, points, rank};
use crate::coefficient_views::{first_with_total, Computed};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fmt_num;
use crate::App;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use hyte_domain::coefficient::scenario::Outcome;
use hyte_domain::coefficient::ModelKind;
use hyte_domain::ErrorCode;
use hyte_store::coefficient::ModelRecord;
use serde::Deserialize;
use std::sync::Arc;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/coefficient", get(models::list))
        .route("/coefficient/models/{mid}", get(models::page))
        .route("/coefficient/teaviisari-template.csv", get(teaviisari::template))
        .route("/orgs/{id}/coefficient", get(overview::page))
        .route("/orgs/{id}/coefficient/municipalities", get(region::page))
        .route("/orgs/{id}/coefficient/simulator", get(simulator::page))
        .route("/orgs/{id}/coefficient/scenarios", post(simulator::save))
        .route("/orgs/{id}/coefficient/scenarios/{sid}", get(scenarios::page))
        .route("/orgs/{id}/coefficient/scenarios/{sid}/goal", post(scenarios::attach))
        .route("/orgs/{id}/coefficient/scenarios/{sid}/delete", post(scenarios::delete))
        .route("/orgs/{id}/coefficient/teaviisari", get(teaviisari::page).post(teaviisari::save))
        .route(
            "/orgs/{id}/coefficient/teaviisari/import",
            post(teaviisari::import).layer(DefaultBodyLimit::max(teaviisari::BODY_MAX)),
        )
        .route("/static/simulator.js", get(simulator::script))
}

/// `?model=` and `?year=` of the coefficient pages.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct Pick {
    pub model: String,
    pub year: String,
}

/// The models of `kind` (newest versions) and the chosen one: `?model=` when it is one of them,
/// else the first. `not_found` for a `?model=` that is not.
pub async fn choose(
    app: &App,
    kind: ModelKind,
    pick: &Pick,
) -> Result<(Vec<ModelRecord>, Option<ModelRecord>), AppError> {
    let models: Vec<ModelRecord> = app.store.models().await?.into_iter().filter(|m| m.kind == kind).collect();
    let chosen = match pick.model.trim() {
        "" => models.first().cloned(),
        s => {
            let id: i64 = s.parse().map_err(|_| AppError::new(ErrorCode::NotFound))?;
            Some(models.iter().find(|m| m.id == id).cloned().ok_or(AppError::new(ErrorCode::NotFound))?)
        }
    };
    Ok((models, chosen))
}

/// Like [`choose`], but without `?model=` the first model under which the area has a total (the
/// first model when none has).
pub async fn choose_for(
    app: &App,
    kind: ModelKind,
    pick: &Pick,
    area_id: Option<i64>,
) -> Result<(Vec<ModelRecord>, Option<ModelRecord>), AppError> {
    let (models, chosen) = choose(app, kind, pick).await?;
    if !pick.model.trim().is_empty() {
        return Ok((models, chosen));
    }
    if let Some((d, _)) = first_with_total(app, &models, area_id).await? {
        return Ok((models, Some(d.record.clone())));
    }
    Ok((models, chosen))
}

/// `record` computed for `?year=` (within ten years before its data year) or its own data year.
pub async fn computed(app: &App, record: &ModelRecord, pick: &Pick) -> Result<Arc<Computed>, AppError> {
    let year = match pick.year.trim() {
        "" => None,
        y => {
            let y: i32 = y.parse().map_err(|_| AppError::new(ErrorCode::NotFound))?;
            let model = record.model().map_err(|_| AppError::new(ErrorCode::Internal))?;
            if !(model.data_year - 10..=model.data_year).contains(&y) {
                return Err(AppError::new(ErrorCode::NotFound));
            }
            Some(y)
        }
    };
    app.coefficients.get(&*app.store, record, year).await
}

/// What an outcome is worth, as shown: before and after.
pub struct Figures {
    pub total: (String, String),
    pub rank: (String, String),
    pub euros: (String, String),
    pub change: String,
}

/// `of`: today's count of ranked organisations, for an outcome saved before the counts were kept.
pub fn figures(c: &Ctx, o: &Outcome, of: usize) -> Figures {
    let count = |n: usize| if n > 0 { n } else { of };
    Figures {
        total: (points(c.lang, o.total_before), points(c.lang, o.total_after)),
        rank: (rank(o.rank_before, count(o.ranked_before)), rank(o.rank_after, count(o.ranked_after))),
        euros: (eur(c.lang, o.euros_before), eur(c.lang, o.euros_after)),
        change: eur_change(c.lang, o.euro_change()),
    }
}

/// A model to choose: (id, name, selected).
pub fn model_options(c: &Ctx, models: &[ModelRecord], chosen: i64) -> Vec<(String, String, bool)> {
    models
        .iter()
        .filter_map(|m| {
            let model = m.model().ok()?;
            Some((m.id.to_string(), format!("{} ({})", c.name(&model.names), c.code(model.status)), m.id == chosen))
        })
        .collect()
}

/// A value as measured (the indicator's own unit), up to two decimals; `–` when missing.
pub fn value(c: &Ctx, v: Option<f64>) -> String {
    v.map(|v| {
        let s = fmt_num(c.lang, v, 2);
        let mark = if c.lang == hyte_domain::Lang::En { '.' } else { ',' };
        if s.contains(mark) {
            s.trim_end_matches('0').trim_end_matches(mark).to_string()
        } else {
            s
        }
    })
    .unwrap_or_else(|| "–".into())
}
