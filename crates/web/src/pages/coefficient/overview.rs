//! An organisation's coefficient (`/orgs/{id}/coefficient`): under the chosen model, each
//! indicator's value, score, weight, contribution and what it costs; the total, the ranks and the
//! euros; the weakest indicators; the history over earlier data years (missing shown as missing);
//! the saved scenarios.

use super::{choose_for, computed, eur, eur_change, model_options, points, rank, value, Pick};
use crate::charts::{line_chart, Series};
use crate::coefficient_views::Computed;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fmt_num;
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hyte_domain::coefficient::model::Scale;
use hyte_domain::coefficient::ModelKind;
use hyte_domain::{Organisation, Permission};

/// One indicator of the organisation's coefficient.
pub struct IndicatorRow {
    pub name: String,
    pub group: String,
    pub source: String,
    pub value: String,
    pub score: String,
    pub weight: String,
    pub contribution: String,
    pub gap: String,
    pub estimated: bool,
}

/// The headline figures of one unit.
pub struct Summary {
    pub total: String,
    pub coverage: String,
    pub rank: String,
    pub county_rank: String,
    pub euros: String,
    pub has_total: bool,
}

pub fn summary(c: &Ctx, d: &Computed, unit: Option<usize>) -> Summary {
    let r = unit.and_then(|u| d.results.units.get(u));
    let county = unit.and_then(|u| d.inputs.units.get(u)).and_then(|u| u.county.clone());
    Summary {
        total: points(c.lang, r.and_then(|r| r.total)),
        coverage: format!("{} %", fmt_num(c.lang, r.map_or(0.0, |r| r.coverage * 100.0), 0)),
        rank: rank(r.and_then(|r| r.rank), d.results.ranked),
        county_rank: county
            .map(|k| rank(r.and_then(|r| r.county_rank), d.results.county_ranked(&d.inputs, &k)))
            .unwrap_or_else(|| "–".into()),
        euros: eur(c.lang, r.and_then(|r| r.euros)),
        has_total: r.and_then(|r| r.total).is_some(),
    }
}

pub fn rows(c: &Ctx, d: &Computed, unit: Option<usize>) -> Vec<IndicatorRow> {
    let total_weight = d.model.total_weight();
    let r = unit.and_then(|u| d.results.units.get(u));
    d.model
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let cell = unit.and_then(|u| d.inputs.cells.get(i)?.get(u)).copied().unwrap_or_default();
            IndicatorRow {
                name: c.name(&ind.names).to_string(),
                group: c.code(ind.group),
                source: ind.source.code(),
                value: match ind.scale {
                    Scale::Change(_) => format!("{} → {}", value(c, cell.then), value(c, cell.now)),
                    _ => value(c, cell.now),
                },
                score: points(c.lang, r.and_then(|r| *r.scores.get(i)?)),
                weight: format!("{} %", fmt_num(c.lang, ind.weight / total_weight * 100.0, 1)),
                contribution: points(c.lang, r.and_then(|r| *r.contributions.get(i)?)),
                gap: eur_change(c.lang, r.and_then(|r| *r.gaps.get(i)?)),
                estimated: ind.estimated,
            }
        })
        .collect()
}

/// The weakest indicators: (name, points lacking, euros they cost).
pub fn weakest(c: &Ctx, d: &Computed, unit: Option<usize>, n: usize) -> Vec<(String, String, String)> {
    let Some(r) = unit.and_then(|u| d.results.units.get(u)) else { return vec![] };
    r.weakest(&d.model, n)
        .into_iter()
        .filter_map(|i| {
            let ind = d.model.indicators.get(i)?;
            Some((
                c.name(&ind.names).to_string(),
                points(c.lang, r.points_gap(&d.model, i)),
                eur_change(c.lang, r.gaps.get(i).copied().flatten()),
            ))
        })
        .collect()
}

pub struct HistoryRow {
    pub year: i32,
    pub total: String,
    pub coverage: String,
    pub rank: String,
    pub euros: String,
}

#[derive(Template)]
#[template(path = "coefficient/overview.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    applies: bool,
    models: Vec<(String, String, bool)>,
    model_name: String,
    model_href: String,
    status: String,
    note: String,
    area_name: String,
    year: i32,
    summary: Option<Summary>,
    rows: Vec<IndicatorRow>,
    weakest: Vec<(String, String, String)>,
    history: Vec<HistoryRow>,
    chart: String,
    scenarios: Vec<(String, String, String)>,
    simulator: String,
}

pub async fn page(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Query(pick): Query<Pick>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let mut page = Page {
        applies: false,
        models: vec![],
        model_name: String::new(),
        model_href: String::new(),
        status: String::new(),
        note: String::new(),
        area_name: String::new(),
        year: 0,
        summary: None,
        rows: vec![],
        weakest: vec![],
        history: vec![],
        chart: String::new(),
        scenarios: vec![],
        simulator: String::new(),
        c,
        org,
    };
    let Some(kind) = ModelKind::of(page.org.kind) else { return render(&page) };
    let (models, chosen) = choose_for(&app, kind, &pick, page.org.area_id).await?;
    let Some(record) = chosen else { return render(&page) };
    let d = computed(&app, &record, &pick).await?;
    let c = &page.c;
    let unit = d.unit(page.org.area_id);
    page.applies = true;
    page.models = model_options(c, &models, record.id);
    page.model_name = c.name(&d.model.names).to_string();
    page.model_href = format!("/coefficient/models/{}", record.id);
    page.status = c.code(d.model.status);
    page.note = c.name(&d.model.note).to_string();
    page.area_name = unit.and_then(|u| d.areas.get(u)).map(|a| c.name(&a.names).to_string()).unwrap_or_default();
    page.year = d.year;
    page.summary = unit.map(|_| summary(c, &d, unit));
    page.rows = rows(c, &d, unit);
    page.weakest = weakest(c, &d, unit, 3);
    page.simulator = format!("/orgs/{id}/coefficient/simulator?model={}", record.id);
    let mut points_over_years = vec![];
    for y in (d.model.data_year - 8)..=d.model.data_year {
        let h = app.coefficients.get(&*app.store, &record, Some(y)).await?;
        if !h.has_data() {
            continue;
        }
        let u = h.unit(page.org.area_id);
        let r = u.and_then(|u| h.results.units.get(u));
        if let Some(t) = r.and_then(|r| r.total) {
            points_over_years.push((y, t));
        }
        let s = summary(c, &h, u);
        page.history.push(HistoryRow { year: y, total: s.total, coverage: s.coverage, rank: s.rank, euros: s.euros });
    }
    if points_over_years.len() > 1 {
        let series = [Series { label: page.area_name.clone(), class: "total", points: points_over_years }];
        let fmt = |v: f64| fmt_num(c.lang, v, 0);
        page.chart = line_chart(
            "coefficient-history",
            &c.t("coefficient-history-chart"),
            &c.t("coefficient-history-desc"),
            &series,
            &fmt,
        );
    }
    let versions: Vec<i64> = app.store.model_versions(&record.code).await?.iter().map(|m| m.id).collect();
    for s in app.store.scenarios(id).await?.into_iter().filter(|s| versions.contains(&s.model_id)) {
        page.scenarios.push((
            format!("/orgs/{id}/coefficient/scenarios/{}", s.id),
            s.input.name.clone(),
            eur_change(c.lang, s.input.outcome.euro_change()),
        ));
    }
    render(&page)
}
