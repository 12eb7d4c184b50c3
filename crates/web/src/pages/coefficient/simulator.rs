//! The simulator (`/orgs/{id}/coefficient/simulator`): change one or more of the organisation's
//! values ("by" an amount or "to" a value) and see the new score, rank and euros. A plain GET
//! form, so it works without JavaScript; `simulator.js` refreshes the answer as the user types.
//! A scenario is saved (by a coordinator) with what it is worth, computed here, never taken from
//! the form.

use super::{choose, choose_for, computed, figures, model_options, points, value, Figures, Pick};
use crate::charts::{bar_chart, Bar};
use crate::coefficient_views::Computed;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fmt_num;
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use hyte_domain::coefficient::model::DataSource;
use hyte_domain::coefficient::scenario::{worth, Change, ChangeKind, Outcome, ScenarioInput};
use hyte_domain::coefficient::teaviisari::sector_score_done;
use hyte_domain::coefficient::ModelKind;
use hyte_domain::coefficient::{Results, Sector, TeaRow};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;
use std::collections::HashMap;

/// One indicator's row of the form and its answer.
pub struct SimRow {
    pub code: String,
    pub name: String,
    pub now: String,
    pub mode_to: bool,
    pub amount: String,
    pub error: Option<String>,
    pub before: String,
    pub after: String,
    /// TEAviisari items not done yet, to mark done: (item, checked).
    pub items: Vec<(String, bool)>,
}

/// The answer: before and after.
pub struct Answer {
    pub figures: Figures,
    pub chart: String,
}

#[derive(Template)]
#[template(path = "coefficient/simulator.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    applies: bool,
    models: Vec<(String, String, bool)>,
    model_id: i64,
    model_name: String,
    rows: Vec<SimRow>,
    answer: Option<Answer>,
    /// (name, value) of every change, for the save form.
    hidden: Vec<(String, String)>,
    can_save: bool,
    name: String,
    name_error: Option<String>,
    /// Why saving was refused, when it is not the name.
    alert: Option<String>,
    no_area: bool,
}

/// The organisation's TEAviisari rows of the model's data year, per indicator code of a TEAviisari
/// sector.
async fn tea_items(app: &App, d: &Computed, area: Option<i64>) -> Result<HashMap<String, Vec<TeaRow>>, AppError> {
    let mut out = HashMap::new();
    let sectors: Vec<(String, Sector)> = d
        .model
        .indicators
        .iter()
        .filter_map(|i| if let DataSource::Teaviisari(s) = i.source { Some((i.code.clone(), s)) } else { None })
        .collect();
    let (Some(area), false) = (area, sectors.is_empty()) else { return Ok(out) };
    let rows = app.store.tea_results(Some(area), d.year, d.year).await?;
    for (code, sector) in sectors {
        out.insert(code, rows.iter().filter(|r| r.row.sector == sector).map(|r| r.row.clone()).collect());
    }
    Ok(out)
}

/// The changes in a form: `mode_<code>` (`by`, `to`) and `amt_<code>` per indicator, or for a
/// TEAviisari sector the items marked done (`done_<code>`); errors by code.
fn changes(
    d: &Computed,
    form: &[(String, String)],
    items: &HashMap<String, Vec<TeaRow>>,
) -> (Vec<Change>, Vec<(String, ErrorCode)>) {
    let get = |k: String| form.iter().find(|(n, _)| *n == k).map(|(_, v)| v.as_str()).unwrap_or("");
    let (mut out, mut errors): (Vec<Change>, Vec<(String, ErrorCode)>) = (vec![], vec![]);
    for ind in &d.model.indicators {
        // One change per value: a second row reading the same source would move it twice.
        let taken = out.iter().any(|ch| d.model.indicator(&ch.indicator).is_some_and(|(_, i)| i.source == ind.source));
        if taken && !get(format!("amt_{}", ind.code)).trim().is_empty() {
            errors.push((ind.code.clone(), ErrorCode::InvalidInput));
            continue;
        }
        match Change::parse(&d.model, &ind.code, get(format!("mode_{}", ind.code)), get(format!("amt_{}", ind.code))) {
            Ok(Some(ch)) => out.push(ch),
            Ok(None) => {
                let key = format!("done_{}", ind.code);
                let done: Vec<String> = form.iter().filter(|(k, _)| *k == key).map(|(_, v)| v.clone()).collect();
                let score =
                    items.get(&ind.code).filter(|_| !done.is_empty()).and_then(|rows| sector_score_done(rows, &done));
                if let Some(v) = score {
                    out.push(Change { indicator: ind.code.clone(), kind: ChangeKind::To(v) });
                }
            }
            Err(e) => errors.push((ind.code.clone(), e)),
        }
    }
    (out, errors)
}

/// What the changes are worth for `unit` (the domain's rule).
pub fn outcome(d: &Computed, unit: usize, changes: &[Change]) -> (Results, Outcome) {
    worth(&d.model, &d.inputs, &d.results, unit, changes)
}

fn answer(c: &Ctx, o: &Outcome) -> Answer {
    let bars = [
        Bar { label: c.t("coefficient-before"), value: o.total_before.unwrap_or(0.0), ci: None, class: "similar" },
        Bar { label: c.t("coefficient-after"), value: o.total_after.unwrap_or(0.0), ci: None, class: "better" },
    ];
    let fmt = |v: f64| fmt_num(c.lang, v, 1);
    let chart = if o.total_before.is_some() || o.total_after.is_some() {
        bar_chart("sim-chart", &c.t("coefficient-sim-chart"), &c.t("coefficient-sim-chart-desc"), &bars, &[], &fmt)
    } else {
        String::new()
    };
    Answer { figures: figures(c, o, 0), chart }
}

async fn build(
    app: &App,
    c: Ctx,
    id: i64,
    pick: &Pick,
    form: &[(String, String)],
    name: (String, Option<String>),
) -> Result<Page, AppError> {
    let (org, _) = c.org(app, id, Permission::View).await?;
    let can_save = c.can(id, Permission::Coordinate);
    let mut page = Page {
        applies: false,
        models: vec![],
        model_id: 0,
        model_name: String::new(),
        rows: vec![],
        answer: None,
        hidden: vec![],
        can_save,
        name: name.0,
        name_error: name.1,
        alert: None,
        no_area: false,
        c,
        org,
    };
    let Some(kind) = ModelKind::of(page.org.kind) else { return Ok(page) };
    let (models, chosen) = choose_for(app, kind, pick, page.org.area_id).await?;
    let Some(record) = chosen else { return Ok(page) };
    let d = computed(app, &record, &Pick { year: String::new(), ..pick.clone() }).await?;
    let c = &page.c;
    page.applies = true;
    page.models = model_options(c, &models, record.id);
    page.model_id = record.id;
    page.model_name = c.name(&d.model.names).to_string();
    let Some(unit) = d.unit(page.org.area_id) else {
        page.no_area = true;
        return Ok(page);
    };
    let items = tea_items(app, &d, page.org.area_id).await?;
    let (list, errors) = changes(&d, form, &items);
    let (after, o) = outcome(&d, unit, &list);
    let get = |k: String| form.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    for (k, v) in form.iter().filter(|(k, _)| k.starts_with("done_")) {
        page.hidden.push((k.clone(), v.clone()));
    }
    for (i, ind) in d.model.indicators.iter().enumerate() {
        let key = format!("done_{}", ind.code);
        let rows = items.get(&ind.code).map(Vec::as_slice).unwrap_or_default();
        let open: Vec<(String, bool)> = if rows.iter().any(|r| r.item.is_empty()) {
            vec![]
        } else {
            rows.iter()
                .filter(|r| r.score < 100.0)
                .map(|r| (r.item.clone(), form.iter().any(|(k, v)| *k == key && *v == r.item)))
                .collect()
        };
        let now = d.inputs.cells.get(i).and_then(|c| c.get(unit)).and_then(|c| c.now);
        let (mode, amount) = (get(format!("mode_{}", ind.code)), get(format!("amt_{}", ind.code)));
        if !amount.trim().is_empty() {
            page.hidden.push((format!("mode_{}", ind.code), mode.clone()));
            page.hidden.push((format!("amt_{}", ind.code), amount.clone()));
        }
        page.rows.push(SimRow {
            code: ind.code.clone(),
            name: c.name(&ind.names).to_string(),
            now: value(c, now),
            mode_to: mode == "to",
            amount,
            error: errors.iter().find(|(k, _)| *k == ind.code).map(|(_, e)| c.t(&e.translation_key())),
            before: points(c.lang, d.results.units.get(unit).and_then(|r| *r.scores.get(i)?)),
            after: points(c.lang, after.units.get(unit).and_then(|r| *r.scores.get(i)?)),
            items: open,
        });
    }
    page.answer = Some(answer(c, &o));
    Ok(page)
}

pub async fn page(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Query(form): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let pick = Pick {
        model: form.iter().find(|(k, _)| k == "model").map(|(_, v)| v.clone()).unwrap_or_default(),
        year: String::new(),
    };
    let page = build(&app, c, id, &pick, &form, (String::new(), None)).await?;
    render(&page)
}

/// Saves a scenario: the changes recomputed here, named; `required` without a name or a change.
pub async fn save(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let field = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    let pick = Pick { model: field("model"), year: String::new() };
    let kind = ModelKind::of(org.kind).ok_or(AppError::new(ErrorCode::NotFound))?;
    let (_, chosen) = choose(&app, kind, &pick).await?;
    let record = chosen.ok_or(AppError::new(ErrorCode::NotFound))?;
    let d = computed(&app, &record, &pick).await?;
    let unit = d.unit(org.area_id).ok_or(AppError::new(ErrorCode::NotFound))?;
    let items = tea_items(&app, &d, org.area_id).await?;
    let (list, errors) = changes(&d, &form, &items);
    let (_, o) = outcome(&d, unit, &list);
    let parsed =
        if errors.is_empty() { ScenarioInput::parse(&field("name"), list, o) } else { Err(FieldErrors::default()) };
    match parsed {
        Ok(input) => {
            let s = app.store.save_scenario(id, record.id, &input, Actor::user(me.user_id)).await?;
            Ok(see_other(&format!("/orgs/{id}/coefficient/scenarios/{}", s.id)))
        }
        Err(e) => {
            let msg = e.get("name").map(|code| c.t(&code.translation_key()));
            let alert = match (e.get("changes"), errors.is_empty()) {
                (Some(_), _) => Some(c.t("coefficient-save-no-changes")),
                (None, false) => Some(c.err(ErrorCode::InvalidInput)),
                _ => None,
            };
            let mut page = build(&app, c, id, &pick, &form, (field("name"), msg)).await?;
            page.alert = alert;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

pub async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/javascript; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
        ],
        include_str!("../../../static/simulator.js"),
    )
        .into_response()
}
