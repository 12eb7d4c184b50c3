//! Sending a well-being report to the county (issue 14): a municipality's coordinators send the
//! approved or published report's version with one action; the report's page shows what was sent
//! and the county's acknowledgement and feedback.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::see_other;
use crate::support_views::{sent_view, SentView};
use crate::App;
use axum::extract::{Path, State};
use axum::response::Response;
use hyte_domain::reports::{Report, ReportState};
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
        sent.push(sent_view(app, c, s).await?);
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
