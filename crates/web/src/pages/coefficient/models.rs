//! The coefficient models as data, for everyone: the list (`/coefficient`) and a model's page with
//! its indicators, directions, weights, scaling, euro rule, sources and versions.

use super::value;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fmt_num;
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use hyte_domain::coefficient::model::{EuroRule, Model, Scale, Source};
use hyte_domain::ErrorCode;

pub struct ModelRow {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub funding_year: i32,
    pub data_year: i32,
    pub status: String,
    pub version: i64,
    pub indicators: usize,
}

#[derive(Template)]
#[template(path = "coefficient/models.html")]
struct ListPage {
    c: Ctx,
    models: Vec<ModelRow>,
}

pub async fn list(State(app): State<App>, c: Ctx) -> Result<Response, AppError> {
    let models = app
        .store
        .models()
        .await?
        .into_iter()
        .filter_map(|r| {
            let m = r.model().ok()?;
            Some(ModelRow {
                href: format!("/coefficient/models/{}", r.id),
                name: c.name(&m.names).to_string(),
                kind: c.code(m.kind),
                funding_year: m.funding_year,
                data_year: m.data_year,
                status: c.code(m.status),
                version: r.version,
                indicators: m.indicators.len(),
            })
        })
        .collect();
    render(&ListPage { c, models })
}

pub struct IndicatorLine {
    pub name: String,
    pub group: String,
    pub source: String,
    pub direction: String,
    pub weight: String,
    pub scale: String,
    pub estimated: bool,
    pub sources: String,
}

#[derive(Template)]
#[template(path = "coefficient/model.html")]
struct ModelPage {
    c: Ctx,
    name: String,
    kind: String,
    status: String,
    note: String,
    funding_year: i32,
    data_year: i32,
    euro: String,
    version: i64,
    loaded_at: String,
    indicators: Vec<IndicatorLine>,
    sources: Vec<Source>,
    versions: Vec<(String, i64, String, bool)>,
}

fn scale(c: &Ctx, s: Scale) -> String {
    match s {
        Scale::Target(t) => c.t1("coefficient-scale-target-n", "target", value(c, Some(t))),
        Scale::Change(n) => c.t1("coefficient-scale-change-n", "years", n),
        other => c.code(other.kind()),
    }
}

fn euro(c: &Ctx, m: &Model) -> String {
    match m.euro {
        EuroRule::PerResident(p) => c.t1("coefficient-euro-per-resident-n", "price", fmt_num(c.lang, p, 2)),
        EuroRule::Relative(p) => c.t1("coefficient-euro-relative-n", "price", fmt_num(c.lang, p, 2)),
        EuroRule::Pool(p) => c.t1("coefficient-euro-pool-n", "pool", super::eur(c.lang, Some(p))),
    }
}

pub async fn page(State(app): State<App>, c: Ctx, Path(mid): Path<i64>) -> Result<Response, AppError> {
    let record = app.store.model_record(mid).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    let m = record.model().map_err(|_| AppError::new(ErrorCode::Internal))?;
    let total = m.total_weight();
    let indicators = m
        .indicators
        .iter()
        .map(|i| IndicatorLine {
            name: c.name(&i.names).to_string(),
            group: c.code(i.group),
            source: i.source.code(),
            direction: c.code(i.direction),
            weight: format!("{} %", fmt_num(c.lang, i.weight / total * 100.0, 1)),
            scale: scale(&c, i.scale),
            estimated: i.estimated,
            sources: i.sources.join(", "),
        })
        .collect();
    let versions = app
        .store
        .model_versions(&record.code)
        .await?
        .into_iter()
        .map(|v| (format!("/coefficient/models/{}", v.id), v.version, v.loaded_at, v.id == record.id))
        .collect();
    render(&ModelPage {
        name: c.name(&m.names).to_string(),
        kind: c.code(m.kind),
        status: c.code(m.status),
        note: c.name(&m.note).to_string(),
        funding_year: m.funding_year,
        data_year: m.data_year,
        euro: euro(&c, &m),
        version: record.version,
        loaded_at: record.loaded_at.clone(),
        indicators,
        sources: m.sources.clone(),
        versions,
        c,
    })
}
