//! Published well-being reports: public, without login, readable on phones and printable.

use super::render;
use super::report_view::{self, SectionView};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use hyte_domain::report::ReportVersion;
use hyte_domain::{ErrorCode, Organisation};

pub struct PublishedItem {
    pub href: String,
    pub title: String,
    pub org: String,
    pub kind: String,
    pub term: String,
}

#[derive(Template)]
#[template(path = "published_reports.html")]
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
            let it = super::reports::item(&c, r);
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
#[template(path = "published_report.html")]
struct ReportPage {
    c: Ctx,
    org: Organisation,
    version: ReportVersion,
    sections: Vec<SectionView>,
    has_indicators: bool,
}

pub async fn page(State(app): State<App>, c: Ctx, Path(rid): Path<i64>) -> Result<Response, AppError> {
    let not_found = || AppError::new(ErrorCode::NotFound);
    let report = app.store.get_report(rid).await?.ok_or_else(not_found)?;
    let n = report.published_version.ok_or_else(not_found)?;
    let version = app.store.report_versions(rid).await?.into_iter().find(|v| v.number == n).ok_or_else(not_found)?;
    let org = app.store.get_organisation(report.org_id).await?.ok_or_else(not_found)?;
    let content = &version.content;
    let sections = report_view::sections(&app, &c, &org, &report, &content.sections, &content.plan, None).await?;
    let has_indicators = sections.iter().any(|s| !s.indicators.is_empty());
    render(&ReportPage { c, org, version, sections, has_indicators })
}
