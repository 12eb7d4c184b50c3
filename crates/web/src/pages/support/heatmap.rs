//! The county's heat map of a survey (`/orgs/{id}/support/surveys/{sid}/heatmap`): municipality ×
//! content area, each cell the municipality's need (the highest any of its sectors gave, from
//! submitted answers only) as text and colour, a summary per content area, and the free texts.
//! Printable (the print stylesheet keeps the cells' colours and drops the navigation).

use super::survey::names;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use hyte_domain::support::survey::{heat_map, summary, NeedLevel, Survey};
use hyte_domain::support::ContentArea;
use hyte_domain::{ErrorCode, Organisation, Permission};

pub struct Cell {
    /// The level's code (the cell's class), empty when not answered.
    pub code: &'static str,
    pub text: String,
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
}

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
    let summary =
        summary(&heat).into_iter().map(|(a, counts, missing)| (c.code(a), counts.to_vec(), missing)).collect();
    render(&Page {
        areas: ContentArea::ALL.iter().map(|a| c.code(*a)).collect(),
        levels: NeedLevel::ALL.iter().map(|l| (l.as_str(), c.code(*l))).collect(),
        answered: responses.len(),
        rows,
        summary,
        survey,
        org,
        c,
    })
}
