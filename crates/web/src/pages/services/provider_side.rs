//! The provider's side (`/orgs/{id}/provider-contracts`): the members of an organisation that a
//! county's provider record names see their own contracts (never another provider's), report
//! each criterion's value per period by form or CSV/XLSX upload, and read the county's returns.

use super::contracts::{monitoring, rule_text, MonitoringLine};
use super::explains;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::{euros, fi_date};
use crate::refusal::{answer, Failure};
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use hyte_domain::services::{parse_report, Criterion, ReportInput, Source};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::services::ContractView;
use hyte_store::Actor;

pub struct ContractLine {
    pub href: String,
    pub title: String,
    pub county: String,
    pub term: String,
    pub returned: usize,
}

#[derive(Template)]
#[template(path = "services/provider_contracts.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    rows: Vec<ContractLine>,
}

pub async fn list(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let orgs = crate::pages::partners::orgs_by_id(&app).await?;
    let rows = app
        .store
        .provider_contracts(id)
        .await?
        .iter()
        .map(|v| ContractLine {
            href: format!("/orgs/{id}/provider-contracts/{}", v.contract.id),
            title: v.contract.input.title.clone(),
            county: crate::pages::partners::org_name(&c, &orgs, v.contract.org_id),
            term: format!("{}–{}", fi_date(v.contract.input.starts), fi_date(v.contract.input.ends)),
            returned: v.reports.iter().filter(|r| r.state == hyte_domain::services::ReportState::Returned).count(),
        })
        .collect();
    render(&ListPage { c, org, rows })
}

/// A criterion the provider reports, with its form's values.
pub struct ReportRowForm {
    pub id: i64,
    pub name: String,
    pub target: String,
    pub rule: String,
    pub period: String,
    pub value: String,
    pub comment: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "services/provider_contract.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    v: ContractView,
    county: String,
    can_report: bool,
    rows: Vec<ReportRowForm>,
    lines: Vec<MonitoringLine>,
    bonus: String,
    sanction: String,
    alert: Option<String>,
}

async fn load(app: &App, id: i64, cid: i64) -> Result<ContractView, AppError> {
    app.store.provider_contract(id, cid).await?.ok_or(AppError::new(ErrorCode::NotFound))
}

fn reported(v: &ContractView) -> impl Iterator<Item = &Criterion> {
    v.criteria.iter().filter(|k| k.input.source == Source::Provider)
}

async fn page_of(
    app: &App,
    c: Ctx,
    org: Organisation,
    v: ContractView,
    posted: &[(String, String)],
    errors: &[(i64, String)],
    alert: Option<String>,
) -> Result<Page, AppError> {
    let county_org = app.store.get_organisation(v.contract.org_id).await?;
    let get = |k: &str| posted.iter().find(|(n, _)| n == k).map(|(_, x)| x.clone()).unwrap_or_default();
    let rows = reported(&v)
        .map(|k| ReportRowForm {
            id: k.id,
            name: k.input.name.clone(),
            target: format!("{} {}", crate::format::fmt_num(c.lang, k.input.target, 2), k.input.unit),
            rule: rule_text(&c, &k.input),
            period: get(&format!("period-{}", k.id)),
            value: get(&format!("value-{}", k.id)),
            comment: get(&format!("comment-{}", k.id)),
            error: errors.iter().find(|(i, _)| *i == k.id).map(|(_, e)| e.clone()),
        })
        .collect();
    let (lines, bonus, sanction) = monitoring(app, &c, &county_org.clone().unwrap_or(org.clone()), &v, false).await?;
    Ok(Page {
        county: county_org.map(|o| c.name(&o.names).to_string()).unwrap_or_default(),
        can_report: c.can(org.id, Permission::Edit),
        bonus: euros(c.lang, bonus),
        sanction: euros(c.lang, sanction),
        rows,
        lines,
        alert,
        v,
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, cid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let v = load(&app, id, cid).await?;
    render(&page_of(&app, c, org, v, &[], &[], None).await?)
}

/// The form: `period-{criterion}`, `value-{criterion}`, `comment-{criterion}`; rows with no
/// value are skipped. All rows are written or none.
pub async fn submit(
    State(app): State<App>,
    c: Ctx,
    Path((id, cid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    let v = load(&app, id, cid).await?;
    let get = |k: String| pairs.iter().find(|(n, _)| *n == k).map(|(_, x)| x.as_str()).unwrap_or("");
    let (mut inputs, mut errors) = (Vec::<ReportInput>::new(), Vec::new());
    for k in reported(&v) {
        let value = get(format!("value-{}", k.id));
        if value.trim().is_empty() {
            continue;
        }
        match parse_report(k, get(format!("period-{}", k.id)), value, get(format!("comment-{}", k.id))) {
            Ok(r) => inputs.push(r),
            Err(e) => errors.push((k.id, field_errors(&c, &e))),
        }
    }
    if inputs.is_empty() && errors.is_empty() {
        errors.push((0, c.err(ErrorCode::Required)));
    }
    let outcome = if errors.is_empty() {
        app.store.submit_reports(id, cid, &inputs, Actor::user(me.user_id)).await.map_err(Failure::from)
    } else {
        Err(Failure::Form(ErrorCode::InvalidInput.on("value")))
    };
    let done = format!("/orgs/{id}/provider-contracts/{cid}#monitoring");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            let alert = r
                .alert
                .map(|a| c.err(a))
                .or_else(|| (errors.iter().any(|(i, _)| *i == 0)).then(|| c.err(ErrorCode::Required)));
            page_of(&app, c, org, v, &pairs, &errors, alert).await
        },
    )
    .await
}

fn field_errors(c: &Ctx, e: &FieldErrors) -> String {
    e.0.iter()
        .map(|f| format!("{}: {}", c.t(&format!("field-report-{}", f.field)), c.err(f.code)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The report file's columns.
pub const REPORT_COLUMNS: [&str; 4] = ["criterion_id", "period", "value", "comment"];

/// A CSV or XLSX file of reports (`criterion_id;period;value;comment`): every row or none; an
/// error names its line and column.
pub async fn upload(
    State(app): State<App>,
    c: Ctx,
    Path((id, cid)): Path<(i64, i64)>,
    mut mp: Multipart,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    let v = load(&app, id, cid).await?;
    let (file, bytes) = crate::upload::read_file(&mut mp, "file").await?;
    let name = file.clone();
    let parsed =
        crate::upload::off_runtime(&app, &file, move || hyte_import::table::rows(&name, &bytes, REPORT_COLUMNS)).await;
    let checked = parsed.and_then(|rows| {
        rows.iter()
            .map(|(line, [crit, period, value, comment])| {
                let bad = |col: &str, msg: String| hyte_import::ImportError::new(&file, *line, col, msg);
                let k = crit
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .and_then(|i| reported(&v).find(|k| k.id == i))
                    .ok_or_else(|| bad("criterion_id", c.err(ErrorCode::ReferenceInvalid)))?;
                parse_report(k, period, value, comment).map_err(|e| {
                    let f = e.0.first().map(|f| f.field).unwrap_or("value");
                    bad(f, field_errors(&c, &e))
                })
            })
            .collect::<Result<Vec<_>, _>>()
    });
    let message = match checked {
        Ok(inputs) => match app.store.submit_reports(id, cid, &inputs, Actor::user(me.user_id)).await {
            Ok(_) => return Ok(see_other(&format!("/orgs/{id}/provider-contracts/{cid}#monitoring"))),
            Err(e) if explains(e.code()) => c.err(e.code()),
            Err(e) => return Err(e.into()),
        },
        Err(e) => c.t2("upload-error", "line", e.line, "problem", format!("{}: {}", e.field, e.message)),
    };
    let page = page_of(&app, c, org, v, &[], &[], Some(message)).await?;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
