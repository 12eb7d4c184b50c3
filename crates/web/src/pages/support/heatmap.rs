//! The county's heat map of a survey (`/orgs/{id}/support/surveys/{sid}/heatmap`): municipality ×
//! content area, each cell the municipality's need (the highest any of its sectors gave, from
//! submitted answers only) as text and colour, a summary per content area, the needs found with
//! the good practices the county recommends for them, the county's own indicator set's latest values
//! for each municipality, and the free texts.
//! Printable (the print stylesheet keeps the cells' colours and drops the navigation).

use super::survey::names;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fmt_num;
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use hyte_domain::support::survey::{heat_map, needs_found, summary, HeatRow, NeedLevel, Survey};
use hyte_domain::support::ContentArea;
use hyte_domain::{ErrorCode, Organisation, Permission};

pub struct Cell {
    /// The level's code (the cell's class), empty when not answered.
    pub code: &'static str,
    pub text: String,
}

/// A content area where the survey found a need that calls for action, with the practices the
/// county recommends for it this year.
pub struct Found {
    pub area: String,
    pub municipalities: String,
    /// (link, name, to whom).
    pub practices: Vec<(String, String, String)>,
}

pub struct Row {
    pub name: String,
    pub answered: bool,
    pub cells: Vec<Cell>,
    /// (content area, level, free texts).
    pub texts: Vec<(String, String, Vec<String>)>,
}

#[derive(Template)]
#[template(path = "support/heatmap.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    survey: Survey,
    areas: Vec<String>,
    levels: Vec<(&'static str, String)>,
    rows: Vec<Row>,
    /// (content area, counts per level, not answered).
    summary: Vec<(String, Vec<usize>, usize)>,
    answered: usize,
    found: Vec<Found>,
    indicators: Option<Indicators>,
}

/// The county's own indicator set beside the heat map: its indicators' latest values for each
/// surveyed municipality.
pub struct Indicators {
    pub set: String,
    pub set_href: String,
    /// (link, title) per column.
    pub columns: Vec<(String, String)>,
    /// (municipality, a value with its year or a dash per column).
    pub rows: Vec<(String, Vec<String>)>,
}

/// At most this many of the set's indicators beside the heat map.
const SET_COLUMNS: usize = 8;

pub async fn page(State(app): State<App>, c: Ctx, Path((id, sid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let survey = app.store.get_survey(id, sid).await?.filter(|s| s.county_org_id == id);
    let survey = survey.ok_or(AppError::new(ErrorCode::NotFound))?;
    let responses = app.store.survey_responses(id, sid).await?;
    let names = names(&app, &c).await?;
    let heat = heat_map(&survey, &responses);
    let rows = heat
        .iter()
        .map(|r| Row {
            name: names.get(&r.org_id).cloned().unwrap_or_default(),
            answered: responses.iter().any(|x| x.org_id == r.org_id),
            cells: r
                .cells
                .iter()
                .map(|l| match l {
                    Some(l) => Cell { code: l.as_str(), text: c.code(*l) },
                    None => Cell { code: "", text: c.t("support-not-answered") },
                })
                .collect(),
            texts: r
                .needs
                .iter()
                .filter(|n| !n.texts.is_empty())
                .map(|n| (c.code(n.area), c.code(n.level), n.texts.clone()))
                .collect(),
        })
        .collect();
    let found = found(&app, &c, id, &survey, &heat, &names).await?;
    let indicators = indicators(&app, &c, id, &heat, &names).await?;
    let summary =
        summary(&heat).into_iter().map(|(a, counts, missing)| (c.code(a), counts.to_vec(), missing)).collect();
    render(&Page {
        areas: ContentArea::ALL.iter().map(|a| c.code(*a)).collect(),
        levels: NeedLevel::ALL.iter().map(|l| (l.as_str(), c.code(*l))).collect(),
        answered: responses.len(),
        rows,
        summary,
        found,
        indicators,
        survey,
        org,
        c,
    })
}

/// The needs found (considerable or great) with the county's recommendations of the survey's year
/// for the same content area (to every municipality or to one that has the need).
async fn found(
    app: &App,
    c: &Ctx,
    id: i64,
    survey: &Survey,
    heat: &[HeatRow],
    names: &std::collections::HashMap<i64, String>,
) -> Result<Vec<Found>, AppError> {
    let recs = app.store.recommendations(id).await?;
    let mut out = vec![];
    for (area, orgs) in needs_found(heat) {
        let mut practices = vec![];
        for r in recs.iter().filter(|r| r.input.area == area && r.input.year == survey.input.year) {
            if r.input.municipality_id.is_some_and(|m| !orgs.contains(&m)) {
                continue;
            }
            let Some(p) = app.store.practice(id, r.input.practice_id).await? else { continue };
            let to = match r.input.municipality_id {
                Some(m) => names.get(&m).cloned().unwrap_or_default(),
                None => c.t("practices-rec-all"),
            };
            practices.push((format!("/practices/{}", p.id), c.name(&p.input.name).to_string(), to));
        }
        let municipalities = orgs.iter().filter_map(|o| names.get(o).cloned()).collect::<Vec<_>>().join(", ");
        out.push(Found { area: c.code(area), municipalities, practices });
    }
    Ok(out)
}

/// The county's own set's first indicators, the latest value of each for every surveyed
/// municipality (through the area profile, so suppressed values never show); none without a set.
async fn indicators(
    app: &App,
    c: &Ctx,
    id: i64,
    heat: &[HeatRow],
    names: &std::collections::HashMap<i64, String>,
) -> Result<Option<Indicators>, AppError> {
    let Some((set, ids)) = app.store.own_set(id).await? else { return Ok(None) };
    let ids: Vec<i64> = ids.into_iter().take(SET_COLUMNS).collect();
    let mut columns: Vec<(String, String)> = vec![];
    let mut rows = vec![];
    for r in heat {
        let org = app.store.get_organisation(r.org_id).await?;
        let area = match org.and_then(|o| o.area_id) {
            Some(a) => app.store.get_area_by_id(a).await?,
            None => None,
        };
        let Some(area) = area else { continue };
        let profile = crate::knowledge::profile(&*app.store, c.audience(), area, &ids).await?;
        if columns.is_empty() {
            columns = ids
                .iter()
                .filter_map(|i| profile.rows.iter().find(|p| p.indicator.id == *i))
                .map(|p| (format!("/indicators/{}", p.indicator.id), p.indicator.title(c.lang).to_string()))
                .collect();
        }
        let cells = ids
            .iter()
            .filter_map(|i| profile.rows.iter().find(|p| p.indicator.id == *i))
            .map(|p| match (p.value, p.year) {
                (Some(v), Some(y)) => format!("{} ({y})", fmt_num(c.lang, v, p.indicator.decimals)),
                _ => "–".to_string(),
            })
            .collect();
        rows.push((names.get(&r.org_id).cloned().unwrap_or_default(), cells));
    }
    Ok(Some(Indicators {
        set: c.name(&set.input.names).to_string(),
        set_href: format!("/indicator-sets/{}", set.id),
        columns,
        rows,
    }))
}
