//! The county's municipalities side by side (`/orgs/{id}/coefficient/municipalities`): under a
//! municipal model, every member municipality's total, ranks, euros and weakest indicators. The
//! county's own coefficient is on its overview page.

use super::{choose, computed, eur, model_options, points, rank, Pick};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fmt_num;
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hyte_domain::coefficient::ModelKind;
use hyte_domain::{ErrorCode, Organisation, Permission};

pub struct Row {
    pub name: String,
    pub total: String,
    pub coverage: String,
    pub rank: String,
    pub county_rank: String,
    pub euros: String,
    pub weakest: String,
}

#[derive(Template)]
#[template(path = "coefficient/region.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    models: Vec<(String, String, bool)>,
    model_name: String,
    year: i32,
    rows: Vec<Row>,
    euros: String,
}

pub async fn page(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Query(pick): Query<Pick>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    if !org.kind.is_county() || org.kind.is_municipal() {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let county = match org.area_id {
        Some(a) => app.store.get_area_by_id(a).await?.map(|a| a.code),
        None => None,
    };
    let (models, chosen) = choose(&app, ModelKind::Municipality, &pick).await?;
    let mut page =
        Page { models: vec![], model_name: String::new(), year: 0, rows: vec![], euros: String::new(), c, org };
    let Some(record) = chosen else { return render(&page) };
    let d = computed(&app, &record, &pick).await?;
    let c = &page.c;
    page.models = model_options(c, &models, record.id);
    page.model_name = c.name(&d.model.names).to_string();
    page.year = d.year;
    let of = county.as_deref().map(|k| d.results.county_ranked(&d.inputs, k)).unwrap_or(0);
    let mut sum = 0.0;
    for (u, unit) in d.inputs.units.iter().enumerate() {
        if county.is_none() || unit.county != county {
            continue;
        }
        let (Some(area), Some(r)) = (d.areas.get(u), d.results.units.get(u)) else { continue };
        sum += r.euros.unwrap_or(0.0);
        let weakest: Vec<String> = r
            .weakest(&d.model, 2)
            .into_iter()
            .filter_map(|i| d.model.indicators.get(i))
            .map(|i| c.name(&i.names).to_string())
            .collect();
        page.rows.push(Row {
            name: c.name(&area.names).to_string(),
            total: points(c.lang, r.total),
            coverage: format!("{} %", fmt_num(c.lang, r.coverage * 100.0, 0)),
            rank: rank(r.rank, d.results.ranked),
            county_rank: rank(r.county_rank, of),
            euros: eur(c.lang, r.euros),
            weakest: weakest.join("; "),
        });
    }
    page.euros = eur(c.lang, Some(sum));
    render(&page)
}
