//! Published well-being reports: public, without login, readable on phones and printable.

use super::view::{self, SectionView};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use hyte_domain::reports::{Report, ReportVersion};
use hyte_domain::{ErrorCode, Organisation};

pub struct PublishedItem {
    pub href: String,
    pub title: String,
    pub org: String,
    pub kind: String,
    pub term: String,
}

#[derive(Template)]
#[template(path = "reports/published_reports.html")]
struct ListPage {
    c: Ctx,
    items: Vec<PublishedItem>,
}

pub async fn list(State(app): State<App>, c: Ctx) -> Result<Response, AppError> {
    let orgs = app.store.list_organisations().await?;
    let items = app
        .store
        .published_reports()
        .await?
        .iter()
        .map(|r| {
            let it = super::report::item(&c, r);
            PublishedItem {
                href: format!("/reports/{}", r.id),
                title: r.title.clone(),
                org: orgs.iter().find(|o| o.id == r.org_id).map(|o| c.name(&o.names).to_string()).unwrap_or_default(),
                kind: it.kind,
                term: it.term,
            }
        })
        .collect();
    render(&ListPage { c, items })
}

#[derive(Template)]
#[template(path = "reports/published_report.html")]
struct ReportPage {
    c: Ctx,
    org: Organisation,
    version: ReportVersion,
    sections: Vec<SectionView>,
    has_indicators: bool,
}

/// A report's published version, its organisation and its sections as shown; `not_found` when
/// nothing is published.
struct Published {
    report: Report,
    version: ReportVersion,
    org: Organisation,
    sections: Vec<SectionView>,
}

async fn published(app: &App, c: &Ctx, rid: i64) -> Result<Published, AppError> {
    let not_found = || AppError::new(ErrorCode::NotFound);
    let report = app.store.get_report(rid).await?.ok_or_else(not_found)?;
    let n = report.published_version.ok_or_else(not_found)?;
    let version = app.store.report_versions(rid).await?.into_iter().find(|v| v.number == n).ok_or_else(not_found)?;
    let org = app.store.get_organisation(report.org_id).await?.ok_or_else(not_found)?;
    let content = &version.content;
    let sections = view::sections(app, c, &org, &report, view::Content::frozen(content), None).await?;
    Ok(Published { report, version, org, sections })
}

pub async fn page(State(app): State<App>, c: Ctx, Path(rid): Path<i64>) -> Result<Response, AppError> {
    let Published { version, org, sections, .. } = published(&app, &c, rid).await?;
    let has_indicators = sections.iter().any(|s| !s.indicators.is_empty());
    render(&ReportPage { c, org, version, sections, has_indicators })
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct DataQuery {
    format: String,
}

#[derive(serde::Serialize)]
struct ReportData<'a> {
    report: &'a str,
    organisation: &'a str,
    version: i32,
    approval: &'a hyte_domain::reports::Approval,
    indicators: Vec<&'a crate::knowledge::lines::IndicatorData>,
    plan: &'a hyte_domain::reports::Plan,
    attribution: String,
}

/// The published version's data: its indicators (as shown) and its plan, as CSV or JSON.
pub async fn data(
    State(app): State<App>,
    c: Ctx,
    Path(rid): Path<i64>,
    axum::extract::Query(q): axum::extract::Query<DataQuery>,
) -> Result<Response, AppError> {
    use crate::download::{Cell, Table};
    use axum::response::IntoResponse;
    let not_found = || AppError::new(ErrorCode::NotFound);
    let Published { version, org, sections, .. } = published(&app, &c, rid).await?;
    let content = &version.content;
    let indicators: Vec<&crate::knowledge::lines::IndicatorData> =
        sections.iter().flat_map(|s| s.indicators.iter().map(|i| &i.data)).collect();
    let attribution = c.t("source-sotkanet");
    match q.format.as_str() {
        "json" => {
            let body = ReportData {
                report: &content.title,
                organisation: c.name(&org.names),
                version: version.number,
                approval: &version.approval,
                indicators,
                plan: &content.plan,
                attribution,
            };
            Ok(axum::Json(body).into_response())
        }
        "csv" | "xlsx" => {
            let headers = [
                "col-section",
                "col-indicator",
                "col-id",
                "col-year",
                "col-value",
                "col-county",
                "col-country",
                "col-vs-county",
                "col-trend",
            ]
            .map(|k| c.t(k))
            .to_vec();
            let mut rows: Vec<Vec<Cell>> = indicators
                .iter()
                .map(|d| {
                    vec![
                        Cell::Text(d.section.clone()),
                        Cell::Text(d.indicator.clone()),
                        Cell::Text(format!("{}:{}", d.source, d.source_id)),
                        Cell::Num(d.year.map(f64::from)),
                        Cell::Num(d.value),
                        Cell::Num(d.county),
                        Cell::Num(d.country),
                        Cell::Text(d.vs_county.clone()),
                        Cell::Text(d.trend.clone()),
                    ]
                })
                .collect();
            // Generated sections' tables (HYTE in the county's services): one row per table row.
            for tb in sections.iter().flat_map(|s| s.tables.iter()) {
                for row in &tb.rows {
                    let mut r = vec![Cell::Text(tb.caption.clone()), Cell::Text(row.join(" – "))];
                    r.resize_with(headers.len(), || Cell::Text(String::new()));
                    rows.push(r);
                }
            }
            Table { name: format!("hyte-report-{rid}-v{}", version.number), headers, rows, attribution }
                .response(&q.format)
        }
        _ => Err(not_found()),
    }
}

/// The published version as DOCX or PDF (`?format=docx|pdf`).
pub async fn export(
    State(app): State<App>,
    c: Ctx,
    Path(rid): Path<i64>,
    axum::extract::Query(q): axum::extract::Query<DataQuery>,
) -> Result<Response, AppError> {
    let not_found = || AppError::new(ErrorCode::NotFound);
    if !matches!(q.format.as_str(), "docx" | "pdf") {
        return Err(not_found());
    }
    let Published { report, version, org, sections } = published(&app, &c, rid).await?;
    let content = &version.content;
    let lang = view::content_lang(&c, &report);
    let a = &version.approval;
    let facts = vec![format!(
        "{}: {}, {}, {}",
        app.i18n.t(lang, "report-approved-by"),
        a.body,
        a.date.format("%-d.%-m.%Y"),
        a.decision_ref
    )];
    let doc = super::export::document(&c, &report, &content.title, org.names.get(lang), facts, &sections);
    crate::download::document(doc, &format!("hyte-report-{rid}-v{}", version.number), &q.format).await
}
