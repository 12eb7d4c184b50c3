//! Sending a well-being report to the county (issue 14): a municipality's coordinators send the
//! approved or published report's version with one action; the report's page shows what was sent
//! and the county's acknowledgement and feedback.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::{render, see_other};
use crate::support_views::{sent_view, SentView};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use hyte_domain::reports::{Report, ReportState, ReportVersion};
use hyte_domain::{ErrorCode, Organisation, Permission};
use hyte_store::{Actor, StoreError};

/// The report page's section on sending to the county.
pub struct Sending {
    /// The county's name, for a member municipality.
    pub county: Option<String>,
    /// Whether the viewer may send the report's current version now.
    pub can_send: bool,
    pub sent: Vec<SentView>,
}

pub async fn sending(app: &App, c: &Ctx, org: &Organisation, report: &Report) -> Result<Sending, AppError> {
    if !org.kind.is_municipal() {
        return Ok(Sending { county: None, can_send: false, sent: vec![] });
    }
    let county = app.store.county_of(org.id).await?;
    let all = app.store.sent_reports(org.id).await?;
    let mine: Vec<_> = all.iter().filter(|s| s.report_id == report.id).collect();
    let current_sent = mine.iter().any(|s| s.content_version == report.content_version);
    let mut sent = vec![];
    for s in mine {
        sent.push(sent_view(c, org.id, s));
    }
    Ok(Sending {
        can_send: county.is_some()
            && c.can(org.id, Permission::Coordinate)
            && matches!(report.state, ReportState::Approved | ReportState::Published)
            && !current_sent,
        county: county.map(|o| c.name(&o.names).to_string()),
        sent,
    })
}

pub async fn send(State(app): State<App>, c: Ctx, Path((id, rid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (_, me) = c.org(&app, id, Permission::Coordinate).await?;
    super::report::load(&app, id, rid).await?;
    match app.store.send_report(id, rid, Actor::user(me.user_id)).await {
        Ok(_) => Ok(see_other(&format!("/orgs/{id}/reports/{rid}#sent-title"))),
        Err(StoreError::Rule(code @ (ErrorCode::StateTransitionInvalid | ErrorCode::NotFound))) => {
            Err(AppError::new(code))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "reports/sent_version.html")]
struct SentPage {
    c: Ctx,
    org: Organisation,
    owner: Organisation,
    sent_at: String,
    version: ReportVersion,
    sections: Vec<super::view::SectionView>,
}

/// The version a municipality sent, as the county it was sent to (or the municipality) reads it,
/// whether or not the report is published.
pub async fn sent_version(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let not_found = || AppError::new(ErrorCode::NotFound);
    let sent = app.store.sent_reports(id).await?.into_iter().find(|s| s.id == sid).ok_or_else(not_found)?;
    let report = app.store.get_report(sent.report_id).await?.ok_or_else(not_found)?;
    let owner = app.store.get_organisation(sent.org_id).await?.ok_or_else(not_found)?;
    let versions = app.store.report_versions(report.id).await?;
    let version = versions.into_iter().find(|v| v.number == sent.content_version).ok_or_else(not_found)?;
    let content = super::view::Content::frozen(&version.content);
    let sections = super::view::sections(&app, &c, &owner, &report, content, None).await?;
    let sent_at = crate::format::fi_datetime(sent.sent_at);
    render(&SentPage { c, org, owner, sent_at, version, sections })
}
