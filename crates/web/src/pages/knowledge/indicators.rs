//! The knowledge base pages: indicator catalogue, indicator page, indicator across areas, time
//! series by sex, and the direction setting.

use crate::charts::{self, Bar, RefLine, Series};
use crate::ctx::Ctx;
use crate::download::{Cell, Table};
use crate::error::AppError;
use crate::format::fmt_num;
use crate::knowledge::compare::cmp_class;
use crate::knowledge::seen::{self, value_text};
use crate::knowledge::visible::visible_indicator;
use crate::knowledge::visible::visible_orgs;
use crate::knowledge::{self, Across};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::knowledge::stats::{Level, Polarity};
use hyte_domain::{Area, ErrorCode, Indicator, Names, Sex};
use hyte_store::{Actor, IndicatorFilter, ObservationQuery, StoreError};
use serde::Deserialize;

pub const PAGE_SIZE: i64 = 50;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CatalogueQuery {
    q: String,
    theme: String,
    source: String,
    page: i64,
    /// `csv` or `xlsx`: the whole result as a download.
    format: String,
}

#[derive(Template)]
#[template(path = "knowledge/indicators.html")]
struct CataloguePage {
    c: Ctx,
    q: String,
    theme: String,
    source: String,
    themes: Vec<(String, i64)>,
    items: Vec<Indicator>,
    total: i64,
    page: i64,
    pages: i64,
    prev: Option<String>,
    next: Option<String>,
    download: String,
}

fn page_href(q: &CatalogueQuery, page: i64) -> String {
    let qs = serde_urlencoded::to_string([
        ("q", q.q.as_str()),
        ("theme", q.theme.as_str()),
        ("source", q.source.as_str()),
        ("page", &page.to_string()),
    ])
    .unwrap_or_default();
    format!("/indicators?{qs}")
}

/// The current search as a download link (`&format=…` is appended in the template).
fn download_href(q: &CatalogueQuery) -> String {
    let qs =
        serde_urlencoded::to_string([("q", q.q.trim()), ("theme", q.theme.as_str()), ("source", q.source.as_str())])
            .unwrap_or_default();
    format!("/indicators?{qs}")
}

pub async fn catalogue(State(app): State<App>, c: Ctx, Query(q): Query<CatalogueQuery>) -> Result<Response, AppError> {
    let page = q.page.max(1);
    let filter = IndicatorFilter {
        q: q.q.trim().to_string(),
        theme: Some(q.theme.clone()).filter(|t| !t.is_empty()),
        source: Some(q.source.clone()).filter(|s| !s.is_empty()),
        visible_orgs: visible_orgs(&c),
        with_data: false,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
    };
    if !q.format.is_empty() {
        let all = IndicatorFilter { limit: 100_000, offset: 0, ..filter };
        return catalogue_table(&c, &app.store.list_indicators(&all).await?.0).response(&q.format);
    }
    let (items, total) = app.store.list_indicators(&filter).await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let mut themes = app.store.indicator_themes().await?;
    themes.truncate(60);
    render(&CataloguePage {
        download: download_href(&q),
        prev: (page > 1).then(|| page_href(&q, page - 1)),
        next: (page < pages).then(|| page_href(&q, page + 1)),
        q: q.q.trim().to_string(),
        theme: q.theme,
        source: q.source,
        themes,
        items,
        total,
        page,
        pages,
        c,
    })
}

/// The catalogue as a table: every matching indicator with its metadata.
fn catalogue_table(c: &Ctx, items: &[Indicator]) -> Table {
    let headers = [
        "col-id",
        "col-indicator",
        "indicators-source",
        "indicators-producer",
        "col-value-type",
        "col-decimals",
        "col-direction",
        "indicators-theme",
        "col-data-updated",
    ]
    .map(|k| c.t(k))
    .to_vec();
    let rows = items
        .iter()
        .map(|i| {
            vec![
                Cell::Text(i.source_id.clone()),
                Cell::Text(i.title(c.lang).to_string()),
                Cell::Text(i.source.clone()),
                Cell::Text(i.producer.clone().unwrap_or_default()),
                Cell::Text(c.code(i.value_type)),
                Cell::Num(Some(f64::from(i.decimals))),
                Cell::Text(c.code(i.polarity)),
                Cell::Text(i.themes.join(", ")),
                Cell::Text(i.data_updated.clone().unwrap_or_default()),
            ]
        })
        .collect();
    let mut sources: Vec<&str> = items.iter().map(|i| i.attribution.as_str()).collect();
    sources.sort();
    sources.dedup();
    Table { name: "hyte-indicators".into(), headers, rows, attribution: sources.join(" · ") }
}

#[derive(Template)]
#[template(path = "knowledge/indicator.html")]
struct IndicatorPage {
    c: Ctx,
    ind: Indicator,
    counties: Vec<Area>,
    can_edit: bool,
    polarity_options: Vec<(String, String, bool)>,
    alert: Option<String>,
    value_type: String,
    polarity: String,
    /// (heading, paragraphs) of the description, interpretation and limits.
    texts: Vec<(String, Vec<String>)>,
}

fn polarity_options(c: &Ctx, current: Polarity) -> Vec<(String, String, bool)> {
    [Polarity::HigherIsBetter, Polarity::LowerIsBetter, Polarity::NoDirection]
        .into_iter()
        .map(|p| (p.as_str().to_string(), c.code(p), p == current))
        .collect()
}

async fn indicator_page(
    app: &App,
    c: Ctx,
    ind: Indicator,
    alert: Option<ErrorCode>,
) -> Result<IndicatorPage, AppError> {
    let counties = app.store.list_areas(Some("wellbeing_county")).await?;
    let can_edit = c.may_change_indicator(ind.org_id);
    let alert = alert.map(|a| c.err(a));
    let texts = [
        ("indicator-description", &ind.texts.description),
        ("indicator-interpretation", &ind.texts.interpretation),
        ("indicator-limits", &ind.texts.limits),
    ]
    .into_iter()
    .map(|(key, t)| (c.t(key), text(&c, t).into_iter().map(str::to_string).collect::<Vec<_>>()))
    .filter(|(_, paras)| !paras.is_empty())
    .collect();
    Ok(IndicatorPage {
        polarity_options: polarity_options(&c, ind.polarity),
        value_type: c.code(ind.value_type),
        polarity: c.code(ind.polarity),
        texts,
        counties,
        can_edit,
        alert,
        ind,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let ind = visible_indicator(&app, &c, id).await?;
    render(&indicator_page(&app, c, ind, None).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PolarityForm {
    polarity: String,
    version: i64,
}

pub async fn set_polarity(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<PolarityForm>,
) -> Result<Response, AppError> {
    c.require_user()?;
    let ind = visible_indicator(&app, &c, id).await?;
    if !c.may_change_indicator(ind.org_id) {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    let polarity = Polarity::parse(&f.polarity).ok_or(AppError::new(ErrorCode::InvalidInput))?;
    let actor = Actor::user(c.require_user()?.user.id);
    match app.store.set_polarity(id, f.version, polarity, actor).await {
        Ok(_) => Ok(see_other(&format!("/indicators/{id}"))),
        Err(StoreError::Rule(ErrorCode::EditConflict)) => {
            let fresh = visible_indicator(&app, &c, id).await?;
            crate::respond::render_status(
                crate::error::status_of(ErrorCode::EditConflict),
                &indicator_page(&app, c, fresh, Some(ErrorCode::EditConflict)).await?,
            )
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AcrossQuery {
    parent: String,
    year: Option<i32>,
    format: String,
}

pub struct AcrossItem {
    pub href: String,
    pub name: String,
    pub value: String,
    pub ci: String,
    pub cmp: String,
    pub class: &'static str,
}

#[derive(Template)]
#[template(path = "knowledge/across.html")]
struct AcrossPage {
    c: Ctx,
    ind: Indicator,
    across: Across,
    items: Vec<AcrossItem>,
    chart: String,
    parent_value: String,
    country_value: String,
    spread: String,
    sii: Option<String>,
    download: String,
    year_options: Vec<(i32, bool)>,
}

async fn parent_area(app: &App, spec: &str) -> Result<Area, AppError> {
    let (kind, code) = spec.split_once('/').unwrap_or(("wellbeing_county", spec));
    app.store.get_area(kind, code).await?.ok_or(AppError::new(ErrorCode::NotFound))
}

pub async fn across(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<AcrossQuery>,
) -> Result<Response, AppError> {
    let ind = visible_indicator(&app, &c, id).await?;
    let parent = parent_area(&app, if q.parent.is_empty() { "wellbeing_county/13" } else { &q.parent }).await?;
    let across = knowledge::across(&*app.store, c.audience(), &ind, parent, q.year).await?;
    let lang = c.lang;
    let fmt = |v: f64| fmt_num(lang, v, ind.decimals);
    if !q.format.is_empty() {
        let mut headers = vec![
            c.t("col-name"),
            c.t("col-code"),
            c.t("col-year"),
            c.t("col-value"),
            c.t("col-ci-lower"),
            c.t("col-ci-upper"),
        ];
        headers.push(c.t1("col-vs", "name", c.name(&across.parent.names)));
        let rows = across
            .rows
            .iter()
            .map(|r| {
                vec![
                    Cell::Text(c.name(&r.area.names).to_string()),
                    Cell::Text(r.area.code.clone()),
                    Cell::Num(across.year.map(f64::from)),
                    Cell::Num(r.value),
                    Cell::Num(r.ci.map(|i| i.lower)),
                    Cell::Num(r.ci.map(|i| i.upper)),
                    Cell::Text(c.code(r.vs_parent)),
                ]
            })
            .collect();
        let table = Table {
            name: format!("hyte-{}-{}", ind.source_id, across.parent.code),
            headers,
            rows,
            attribution: ind.attribution.clone(),
        };
        return table.response(&q.format);
    }
    let items: Vec<AcrossItem> = across
        .rows
        .iter()
        .map(|r| AcrossItem {
            href: format!("/indicators/{}/series/{}/{}", ind.id, r.area.kind.as_str(), r.area.code),
            name: c.name(&r.area.names).to_string(),
            value: value_text(&c, r.value, r.suppressed, fmt),
            ci: r.ci.map(|i| format!("{}–{}", fmt(i.lower), fmt(i.upper))).unwrap_or_default(),
            cmp: c.code(r.vs_parent),
            class: cmp_class(r.vs_parent),
        })
        .collect();
    let bars: Vec<Bar> = across
        .rows
        .iter()
        .filter_map(|r| {
            Some(Bar {
                label: c.name(&r.area.names).to_string(),
                value: r.value?,
                ci: r.ci.map(|i| (i.lower, i.upper)),
                class: cmp_class(r.vs_parent),
            })
        })
        .collect();
    let mut refs = vec![];
    if let Some(b) = across.parent_value {
        refs.push(RefLine { label: c.name(&across.parent.names).to_string(), value: b.value, class: "parent" });
    }
    if let Some(b) = across.country_value {
        refs.push(RefLine { label: c.t("country-short"), value: b.value, class: "country" });
    }
    let title = format!(
        "{} – {} {}",
        ind.title(c.lang),
        c.name(&across.parent.names),
        across.year.map(|y| y.to_string()).unwrap_or_default()
    );
    let chart = charts::bar_chart("across-chart", &title, &c.t("chart-across-desc"), &bars, &refs, &fmt);
    let download = format!(
        "/indicators/{}/across?{}",
        ind.id,
        serde_urlencoded::to_string([
            ("parent", format!("{}/{}", across.parent.kind.as_str(), across.parent.code)),
            ("year", across.year.map(|y| y.to_string()).unwrap_or_default())
        ])
        .unwrap_or_default()
    );
    render(&AcrossPage {
        year_options: across.years.iter().map(|y| (*y, Some(*y) == across.year)).collect(),
        parent_value: across
            .parent_value
            .map(|b| fmt(b.value) + if b.derived { " *" } else { "" })
            .unwrap_or_else(|| c.t("value-missing")),
        country_value: across.country_value.map(|b| fmt(b.value)).unwrap_or_else(|| c.t("value-missing")),
        spread: across.spread.map(|s| c.t2("spread", "min", fmt(s.min), "max", fmt(s.max))).unwrap_or_default(),
        sii: across.sii.as_ref().map(|s| {
            let mut text = c.t2(
                "sii-value",
                "sii",
                fmt(s.sii.sii),
                "ci",
                format!("{}–{}", fmt(s.sii.ci.lower), fmt(s.sii.ci.upper)),
            );
            if let Some(rii) = s.sii.rii {
                text = format!("{text}; {}", c.t1("sii-rii", "rii", fmt_num(c.lang, rii, 2)));
            }
            let sig = if s.sii.significant { "sii-significant" } else { "sii-not-significant" };
            format!("{text}. {} {}", c.t(sig), c.t1("sii-ranked", "name", c.name(&s.ranked_by)))
        }),
        items,
        chart,
        download,
        across,
        ind,
        c,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SeriesQuery {
    format: String,
}

pub struct SeriesRow {
    pub year: i32,
    pub total: String,
    pub ci: String,
    pub female: String,
    pub male: String,
}

#[derive(Template)]
#[template(path = "knowledge/series.html")]
struct SeriesPage {
    c: Ctx,
    ind: Indicator,
    area: Area,
    chart: String,
    rows: Vec<SeriesRow>,
    download: String,
}

pub async fn series(
    State(app): State<App>,
    c: Ctx,
    Path((id, kind, code)): Path<(i64, String, String)>,
    Query(q): Query<SeriesQuery>,
) -> Result<Response, AppError> {
    let ind = visible_indicator(&app, &c, id).await?;
    let area = app.store.get_area(&kind, &code).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    let oq = ObservationQuery { indicator_ids: vec![id], area_ids: vec![area.id], ..Default::default() };
    let visible: Vec<_> = seen::observations(&*app.store, c.audience(), &oq)
        .await?
        .into_iter()
        .filter(|o| o.age_band.is_empty())
        .collect();
    let mut years: Vec<i32> = visible.iter().map(|o| o.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let get = |y: i32, s: Sex| visible.iter().find(|o| o.year == y && o.sex == s);
    let lang = c.lang;
    let fmt = |v: f64| fmt_num(lang, v, ind.decimals);
    if !q.format.is_empty() {
        let headers = vec![
            c.t("col-year"),
            c.t("col-total"),
            c.t("col-ci-lower"),
            c.t("col-ci-upper"),
            c.t("col-female"),
            c.t("col-male"),
        ];
        let rows = years
            .iter()
            .map(|y| {
                let t = get(*y, Sex::Total);
                let ci = t.and_then(|o| knowledge::interval(&ind, o, Level::P95).ok());
                vec![
                    Cell::Num(Some(*y as f64)),
                    Cell::Num(t.and_then(|o| o.value)),
                    Cell::Num(ci.map(|i| i.lower)),
                    Cell::Num(ci.map(|i| i.upper)),
                    Cell::Num(get(*y, Sex::Female).and_then(|o| o.value)),
                    Cell::Num(get(*y, Sex::Male).and_then(|o| o.value)),
                ]
            })
            .collect();
        return Table {
            name: format!("hyte-{}-{}", ind.source_id, area.code),
            headers,
            rows,
            attribution: ind.attribution.clone(),
        }
        .response(&q.format);
    }
    let line = |s: Sex| -> Vec<(i32, f64)> {
        let mut v: Vec<(i32, f64)> =
            visible.iter().filter(|o| o.sex == s).filter_map(|o| Some((o.year, o.value?))).collect();
        v.sort_by_key(|p| p.0);
        v
    };
    let series: Vec<Series> =
        [(Sex::Total, "total", "col-total"), (Sex::Female, "female", "col-female"), (Sex::Male, "male", "col-male")]
            .into_iter()
            .map(|(s, class, key)| Series { label: c.t(key), class, points: line(s) })
            .filter(|s| !s.points.is_empty())
            .collect();
    let title = format!("{} – {}", ind.title(c.lang), c.name(&area.names));
    let chart = charts::line_chart("series-chart", &title, &c.t("chart-series-desc"), &series, &fmt);
    let rows = years
        .iter()
        .map(|y| {
            let t = get(*y, Sex::Total);
            let v = |s: Sex| get(*y, s).map(|o| value_text(&c, o.value, o.suppressed, fmt)).unwrap_or_default();
            SeriesRow {
                year: *y,
                total: v(Sex::Total),
                ci: t
                    .and_then(|o| knowledge::interval(&ind, o, Level::P95).ok())
                    .map(|i| format!("{}–{}", fmt(i.lower), fmt(i.upper)))
                    .unwrap_or_default(),
                female: v(Sex::Female),
                male: v(Sex::Male),
            }
        })
        .collect();
    let download = format!("/indicators/{}/series/{}/{}", ind.id, area.kind.as_str(), area.code);
    render(&SeriesPage { chart, rows, download, ind, area, c })
}

/// A localised text of an indicator (description, interpretation, limits).
pub fn text<'a>(c: &Ctx, t: &'a Option<Names>) -> Vec<&'a str> {
    t.as_ref().map(|n| n.get(c.lang).split('\n').filter(|l| !l.trim().is_empty()).collect()).unwrap_or_default()
}
