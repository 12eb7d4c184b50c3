//! TEAviisari process data (`/orgs/{id}/coefficient/teaviisari`): the organisation's sector scores
//! 0–100 against its county's and the country's means, its item results, one result entered by
//! hand, and a whole file loaded from the template (`/coefficient/teaviisari-template.csv`),
//! parsed off the async runtime; a file with any bad line is refused naming it, and writes nothing.

use crate::charts::{bar_chart, Bar};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{choices, Field};
use crate::format::fmt_num;
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::coefficient::teaviisari::sector_score;
use hyte_domain::coefficient::{Sector, TeaRow};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::coefficient::TeaResult;
use hyte_store::Actor;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

/// The most bytes a loaded file may have.
pub const FILE_MAX: usize = 2 * 1024 * 1024;
/// The body limit of the import route.
pub const BODY_MAX: usize = FILE_MAX + 64 * 1024;

pub struct SectorRow {
    pub name: String,
    pub own: String,
    pub county: String,
    pub country: String,
}

#[derive(Template)]
#[template(path = "coefficient/teaviisari.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    has_area: bool,
    years: Vec<(i32, bool)>,
    year: i32,
    sectors: Vec<SectorRow>,
    items: Vec<(String, String, String)>,
    chart: String,
    can_edit: bool,
    fields: Vec<Field>,
    alert: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct EntryForm {
    sector: String,
    item: String,
    year: String,
    score: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct YearQuery {
    year: String,
}

/// Mean sector scores over `areas` (None: every area of the results).
fn means(results: &[TeaResult], areas: Option<&HashSet<i64>>) -> HashMap<Sector, f64> {
    let mut by: HashMap<(i64, Sector), Vec<TeaRow>> = HashMap::new();
    for r in results.iter().filter(|r| areas.is_none_or(|a| a.contains(&r.area_id))) {
        by.entry((r.area_id, r.row.sector)).or_default().push(r.row.clone());
    }
    let mut sums: HashMap<Sector, (f64, usize)> = HashMap::new();
    for ((_, sector), rows) in &by {
        if let Some(s) = sector_score(rows) {
            let e = sums.entry(*sector).or_default();
            *e = (e.0 + s, e.1 + 1);
        }
    }
    sums.into_iter().map(|(k, (s, n))| (k, s / n as f64)).collect()
}

async fn build(
    app: &App,
    c: Ctx,
    id: i64,
    year: &str,
    form: EntryForm,
    errors: FieldErrors,
    alert: Option<String>,
) -> Result<Page, AppError> {
    let (org, _) = c.org(app, id, Permission::View).await?;
    let can_edit = c.can(id, Permission::Coordinate);
    let area = match org.area_id {
        Some(a) => app.store.get_area_by_id(a).await?,
        None => None,
    };
    let own = match &area {
        Some(a) => app.store.tea_results(Some(a.id), 2000, 2100).await?,
        None => vec![],
    };
    let mut years: Vec<i32> = own.iter().map(|r| r.row.year).collect();
    years.sort_unstable();
    years.dedup();
    let chosen = match year.trim() {
        "" => years.last().copied(),
        y => Some(y.parse::<i32>().ok().filter(|y| years.contains(y)).ok_or(AppError::new(ErrorCode::NotFound))?),
    };
    let mut page_sectors = vec![];
    let mut items = vec![];
    let mut chart = String::new();
    if let (Some(area), Some(y)) = (&area, chosen) {
        let all = app.store.tea_results(None, y, y).await?;
        let same_kind: HashSet<i64> =
            all.iter().filter(|r| r.row.area.len() == area.code.len()).map(|r| r.area_id).collect();
        let mut county: Option<HashSet<i64>> = None;
        if area.code.len() == 3 {
            if let Some(k) =
                app.store.area_parents(area.id, y).await?.into_iter().find(|p| p.kind.as_str() == "wellbeing_county")
            {
                county = Some(app.store.area_members(k.id, y).await?.into_iter().map(|a| a.id).collect());
            }
        }
        let mine: Vec<TeaResult> = own.iter().filter(|r| r.row.year == y).cloned().collect();
        let (me, nation) = (means(&mine, None), means(&all, Some(&same_kind)));
        let region = county.as_ref().map(|k| means(&all, Some(k)));
        let show = |v: Option<&f64>| v.map(|v| fmt_num(c.lang, *v, 0)).unwrap_or_else(|| "–".into());
        let mut bars = vec![];
        for s in Sector::ALL {
            if !me.contains_key(&s) && !nation.contains_key(&s) {
                continue;
            }
            if let Some(v) = me.get(&s) {
                bars.push(Bar { label: c.code(s), value: *v, ci: None, class: "similar" });
            }
            page_sectors.push(SectorRow {
                name: c.code(s),
                own: show(me.get(&s)),
                county: show(region.as_ref().and_then(|r| r.get(&s))),
                country: show(nation.get(&s)),
            });
        }
        for r in mine.iter().filter(|r| !r.row.item.is_empty()) {
            items.push((c.code(r.row.sector), r.row.item.clone(), fmt_num(c.lang, r.row.score, 0)));
        }
        if !bars.is_empty() {
            let fmt = |v: f64| fmt_num(c.lang, v, 0);
            chart = bar_chart("tea-chart", &c.t("teaviisari-chart"), &c.t("teaviisari-chart-desc"), &bars, &[], &fmt);
        }
    }
    let f = |name: &'static str, v: &str| Field::new(&c, "tea", name, &format!("teaviisari-field-{name}"), v, &errors);
    let fields = vec![
        f("sector", &form.sector).select(choices::<Sector>(&c, Some(String::new()))).required(),
        f("item", &form.item).hint(c.t("teaviisari-item-hint")),
        f("year", &form.year).required(),
        f("score", &form.score).required().hint(c.t("teaviisari-score-hint")),
    ];
    Ok(Page {
        has_area: area.is_some(),
        years: years.iter().map(|y| (*y, Some(*y) == chosen)).collect(),
        year: chosen.unwrap_or(0),
        sectors: page_sectors,
        items,
        chart,
        can_edit,
        fields,
        alert,
        org,
        c,
    })
}

pub async fn page(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<YearQuery>,
) -> Result<Response, AppError> {
    render(&build(&app, c, id, &q.year, EntryForm::default(), FieldErrors::default(), None).await?)
}

/// The organisation's own area code (`not_found` without one).
async fn own_code(app: &App, org: &Organisation) -> Result<String, AppError> {
    let id = org.area_id.ok_or(AppError::new(ErrorCode::NotFound))?;
    Ok(app.store.get_area_by_id(id).await?.ok_or(AppError::new(ErrorCode::NotFound))?.code)
}

pub async fn save(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<EntryForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let code = own_code(&app, &org).await?;
    match TeaRow::parse(&code, &f.sector, &f.item, &f.year, &f.score) {
        Ok(row) => {
            app.store.save_tea_rows(Some(id), std::slice::from_ref(&row), Actor::user(me.user_id)).await?;
            Ok(see_other(&format!("/orgs/{id}/coefficient/teaviisari?year={}", row.year)))
        }
        Err((field, code)) => {
            let mut e = FieldErrors::default();
            let name = match field {
                "sector" => "sector",
                "item" => "item",
                "year" => "year",
                _ => "score",
            };
            e.add(name, code);
            let status = crate::refusal::status(&e);
            let page = build(&app, c, id, "", f, e, None).await?;
            render_status(status, &page)
        }
    }
}

pub async fn import(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    mut mp: Multipart,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let code = own_code(&app, &org).await?;
    let message = match crate::upload::read_form(&mut mp, "file", FILE_MAX).await {
        Err(e) if e.code == ErrorCode::UploadTooLarge => c.err(e.code),
        Err(e) => return Err(e),
        Ok((_, None)) => c.err(ErrorCode::Required),
        Ok((_, Some((name, bytes)))) => {
            let file = name.clone();
            match crate::upload::off_runtime(&app, &name, move || hyte_import::teaviisari::parse(&file, &bytes)).await {
                Err(e) => c.t2("teaviisari-import-line", "line", e.line, "problem", problem(&c, &e)),
                Ok(rows) if rows.iter().any(|r| r.area != code) => c.t1("teaviisari-import-area", "code", code.clone()),
                Ok(rows) => {
                    let n = app.store.save_tea_rows(Some(id), &rows, Actor::user(me.user_id)).await?;
                    let year = rows.iter().map(|r| r.year).max().unwrap_or_default();
                    return Ok(see_other(&format!("/orgs/{id}/coefficient/teaviisari?year={year}&loaded={n}")));
                }
            }
        }
    };
    let page = build(&app, c, id, "", EntryForm::default(), FieldErrors::default(), Some(message)).await?;
    render_status(axum::http::StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// A refused line's problem in the reader's language: the column's name and the error's text
/// (the parser's own words for what it cannot name, e.g. a CSV syntax error).
fn problem(c: &Ctx, e: &hyte_import::ImportError) -> String {
    let code = e.message.split_once(": ").and_then(|(_, code)| ErrorCode::parse(code));
    match (e.field.as_str(), code) {
        (field @ ("area" | "sector" | "item" | "year" | "score"), Some(code)) => {
            format!("{}: {}", c.t(&format!("teaviisari-field-{field}")), c.err(code))
        }
        _ => e.message.clone(),
    }
}

pub async fn template() -> Result<Response, AppError> {
    let text = format!("{}\n", hyte_import::teaviisari::HEADER);
    crate::download::attachment(text.into_bytes(), "text/csv", "teaviisari-template", "csv")
}
