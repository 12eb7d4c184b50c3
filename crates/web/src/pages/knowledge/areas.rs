//! Areas: the list with search and the area page (members, parents, population).

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fmt_int;
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hyte_domain::{Area, ErrorCode, Organisation, Sex};
use hyte_store::AreaKindRow;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    kind: String,
    q: String,
}

pub struct AreaItem {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub code: String,
    pub years: String,
}

#[derive(Template)]
#[template(path = "knowledge/areas.html")]
struct AreasPage {
    c: Ctx,
    kinds: Vec<(String, String)>,
    kind: String,
    q: String,
    items: Vec<AreaItem>,
}

fn kind_name(c: &Ctx, kinds: &[AreaKindRow], code: &str) -> String {
    kinds.iter().find(|k| k.code == code).map(|k| c.name(&k.names).to_string()).unwrap_or_else(|| code.to_string())
}

fn years(a: &Area) -> String {
    match (a.first_year, a.last_year) {
        (Some(f), Some(l)) if f == l => f.to_string(),
        (Some(f), Some(l)) => format!("{f}–{l}"),
        _ => String::new(),
    }
}

pub fn href(a: &Area) -> String {
    format!("/areas/{}/{}", a.kind.as_str(), a.code)
}

pub async fn list(State(app): State<App>, c: Ctx, Query(q): Query<ListQuery>) -> Result<Response, AppError> {
    let kinds = app.store.area_kinds().await?;
    let kind = kinds.iter().find(|k| k.code == q.kind).map(|k| k.code.clone()).unwrap_or_default();
    let areas = app.store.list_areas(if kind.is_empty() { None } else { Some(&kind) }).await?;
    let needle = q.q.trim().to_lowercase();
    let items = areas
        .iter()
        .filter(|a| {
            needle.is_empty()
                || a.code == needle
                || [Some(&a.names.fi), a.names.sv.as_ref(), a.names.en.as_ref()]
                    .into_iter()
                    .flatten()
                    .any(|n| n.to_lowercase().contains(&needle))
        })
        .map(|a| AreaItem {
            href: href(a),
            name: a.name(c.lang).to_string(),
            kind: kind_name(&c, &kinds, a.kind.as_str()),
            code: a.code.clone(),
            years: years(a),
        })
        .collect();
    let kind_options = kinds.iter().map(|k| (k.code.clone(), c.name(&k.names).to_string())).collect();
    render(&AreasPage { kinds: kind_options, kind, q: q.q.trim().to_string(), items, c })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DetailQuery {
    year: Option<i32>,
}

pub struct PopYear {
    pub year: i32,
    pub total: String,
    pub male: String,
    pub female: String,
    pub derived: bool,
}

#[derive(Template)]
#[template(path = "knowledge/area.html")]
struct AreaPage {
    c: Ctx,
    area: Area,
    kind: String,
    years: Vec<i32>,
    year: i32,
    parents: Vec<AreaItem>,
    members: Vec<AreaItem>,
    population: Vec<PopYear>,
    orgs: Vec<Organisation>,
}

pub async fn detail(
    State(app): State<App>,
    c: Ctx,
    Path((kind, code)): Path<(String, String)>,
    Query(q): Query<DetailQuery>,
) -> Result<Response, AppError> {
    let area = app.store.get_area(&kind, &code).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    let kinds = app.store.area_kinds().await?;
    let years = app.store.area_years(area.id).await?;
    let year = q.year.filter(|y| years.contains(y)).or(years.first().copied()).unwrap_or(0);
    let item = |a: &Area| AreaItem {
        href: format!("{}?year={year}", href(a)),
        name: a.name(c.lang).to_string(),
        kind: kind_name(&c, &kinds, a.kind.as_str()),
        code: a.code.clone(),
        years: self::years(a),
    };
    let parents = app.store.area_parents(area.id, year).await?.iter().map(item).collect();
    let members = app.store.area_members(area.id, year).await?.iter().map(item).collect();
    let mut population: Vec<PopYear> = vec![];
    for p in app.store.area_population(area.id).await? {
        if population.last().is_none_or(|last| last.year != p.year) {
            population.push(PopYear {
                year: p.year,
                total: String::new(),
                male: String::new(),
                female: String::new(),
                derived: false,
            });
        }
        let row = population.last_mut().expect("just pushed");
        row.derived |= p.derived;
        let v = fmt_int(c.lang, p.population);
        match p.sex {
            Sex::Total => row.total = v,
            Sex::Male => row.male = v,
            Sex::Female => row.female = v,
        }
    }
    let orgs = app.store.organisations_for_area(area.id).await?;
    let kind = kind_name(&c, &kinds, area.kind.as_str());
    render(&AreaPage { area, kind, years, year, parents, members, population, orgs, c })
}
