//! The area profile: an area's indicators with county and country comparison, trend and sex.

use crate::charts;
use crate::ctx::Ctx;
use crate::download::{Cell, Table};
use crate::error::AppError;
use crate::format::fmt_num;
use crate::knowledge::compare::cmp_class;
use crate::knowledge::seen::value_text;
use crate::knowledge::visible::chosen;
use crate::knowledge::{self, Profile, ProfileRow};
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hyte_domain::knowledge::stats::Trend;
use hyte_domain::ErrorCode;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProfileQuery {
    /// Comma-separated indicator ids (default: every indicator with data for the area).
    indicators: String,
    /// An indicator set's id: its current indicators (instead of `indicators`).
    set: String,
    format: String,
}

pub struct Row {
    pub href: String,
    pub title: String,
    pub year: String,
    pub value: String,
    pub ci: String,
    pub county: String,
    pub country: String,
    pub vs_county: (String, &'static str),
    pub vs_country: (String, &'static str),
    pub trend: (String, &'static str, &'static str),
    pub spark: String,
    pub sex: String,
    /// The indicator across the county's municipalities.
    pub across: Option<String>,
}

#[derive(Template)]
#[template(path = "knowledge/profile.html")]
struct ProfilePage {
    c: Ctx,
    profile: std::sync::Arc<Profile>,
    rows: Vec<Row>,
    area_href: String,
    download: String,
    producers: Vec<String>,
    /// The indicator set followed: (link, name).
    set: Option<(String, String)>,
    /// The sets to choose from: (id, name, chosen).
    sets: Vec<(String, String, bool)>,
}

fn trend_view(t: Trend) -> (&'static str, &'static str) {
    match t {
        Trend::Improving => ("↗", "better"),
        Trend::Worsening => ("↘", "worse"),
        Trend::Increasing => ("↑", "different"),
        Trend::Decreasing => ("↓", "different"),
        Trend::NoSignificantChange => ("→", "similar"),
        Trend::CannotBeCalculated => ("–", "not-compared"),
    }
}

pub async fn page(
    State(app): State<App>,
    c: Ctx,
    Path((kind, code)): Path<(String, String)>,
    Query(q): Query<ProfileQuery>,
) -> Result<Response, AppError> {
    let area = app.store.get_area(&kind, &code).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    let set = match q.set.trim() {
        "" => None,
        s => {
            let id = s.parse::<i64>().map_err(|_| AppError::new(ErrorCode::NotFound))?;
            Some(app.store.get_indicator_set(id, None).await?.ok_or(AppError::new(ErrorCode::NotFound))?)
        }
    };
    let spec = match &set {
        Some(s) => s.input.indicator_ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(","),
        None => q.indicators.clone(),
    };
    let ids = chosen(&app, &c, area.id, &spec).await?;
    let profile = app.profiles.profile(&*app.store, c.audience(), area, &ids).await?;
    if !q.format.is_empty() {
        return table(&c, &profile).response(&q.format);
    }
    let rows = profile.rows.iter().map(|r| row(&c, &profile, r)).collect();
    let mut producers: Vec<String> = profile.rows.iter().filter_map(|r| r.indicator.producer.clone()).collect();
    producers.sort();
    producers.dedup();
    let area_href = format!("/areas/{}/{}", profile.area.kind.as_str(), profile.area.code);
    let download =
        format!("{area_href}/profile?indicators={}", ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(","));
    let sets = app
        .store
        .list_indicator_sets()
        .await?
        .into_iter()
        .map(|s| (s.id.to_string(), c.name(&s.input.names).to_string(), set.as_ref().is_some_and(|x| x.id == s.id)))
        .collect();
    let set = set.map(|s| (format!("/indicator-sets/{}", s.id), c.name(&s.input.names).to_string()));
    render(&ProfilePage { rows, area_href, download, producers, profile, set, sets, c })
}

fn row(c: &Ctx, p: &Profile, r: &ProfileRow) -> Row {
    let d = r.indicator.decimals;
    let fmt = |v: f64| fmt_num(c.lang, v, d);
    let bench =
        |b: Option<knowledge::Bench>| b.map(|b| fmt(b.value) + if b.derived { " *" } else { "" }).unwrap_or_default();
    let (arrow, class) = trend_view(r.trend);
    Row {
        href: format!("/indicators/{}/series/{}/{}", r.indicator.id, p.area.kind.as_str(), p.area.code),
        across: p
            .county
            .as_ref()
            .map(|k| format!("/indicators/{}/across?parent=wellbeing_county/{}", r.indicator.id, k.code)),
        title: r.indicator.title(c.lang).to_string(),
        year: r.year.map(|y| y.to_string()).unwrap_or_default(),
        value: value_text(c, r.value, r.suppressed, fmt),
        ci: r.ci.map(|i| format!("{}–{}", fmt(i.lower), fmt(i.upper))).unwrap_or_default(),
        county: bench(r.county),
        country: bench(r.country),
        vs_county: (c.code(r.vs_county), cmp_class(r.vs_county)),
        vs_country: (c.code(r.vs_country), cmp_class(r.vs_country)),
        trend: (c.code(r.trend), arrow, class),
        spark: charts::sparkline(&r.series),
        sex: r
            .by_sex
            .as_ref()
            .map(|s| {
                c.t2(
                    "sex-values",
                    "female",
                    value_text(c, s.female, s.female_suppressed, fmt),
                    "male",
                    value_text(c, s.male, s.male_suppressed, fmt),
                )
            })
            .unwrap_or_default(),
    }
}

fn table(c: &Ctx, p: &Profile) -> Table {
    let headers = [
        "col-indicator",
        "col-id",
        "col-year",
        "col-value",
        "col-ci-lower",
        "col-ci-upper",
        "col-county",
        "col-vs-county",
        "col-country",
        "col-vs-country",
        "col-trend",
        "col-female",
        "col-male",
    ]
    .iter()
    .map(|k| c.t(k))
    .collect();
    let rows = p
        .rows
        .iter()
        .map(|r| {
            let num = Cell::Num;
            vec![
                Cell::Text(r.indicator.title(c.lang).to_string()),
                Cell::Text(format!("{}:{}", r.indicator.source, r.indicator.source_id)),
                Cell::Num(r.year.map(f64::from)),
                num(r.value),
                num(r.ci.map(|i| i.lower)),
                num(r.ci.map(|i| i.upper)),
                Cell::Num(r.county.map(|b| b.value)),
                Cell::Text(c.code(r.vs_county)),
                Cell::Num(r.country.map(|b| b.value)),
                Cell::Text(c.code(r.vs_country)),
                Cell::Text(c.code(r.trend)),
                num(r.by_sex.as_ref().and_then(|s| s.female)),
                num(r.by_sex.as_ref().and_then(|s| s.male)),
            ]
        })
        .collect();
    Table {
        name: format!("hyte-profile-{}", p.area.code),
        headers,
        rows,
        attribution: "Lähde: THL, Sotkanet.fi; Tilastokeskus".into(),
    }
}
