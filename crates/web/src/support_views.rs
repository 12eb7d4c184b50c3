//! What other rooms show of the support room: a report sent to the county (on the report's own
//! page and in the county's list of reports received) and the year's negotiations across the
//! county's municipalities (on the negotiations page and in the regional report).

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::{fi_date, fi_datetime};
use crate::App;
use hyte_domain::support::negotiation::{summary as year_summary, SentReport};
use hyte_domain::Organisation;
use std::collections::HashMap;

/// A sent report as the pages show it.
pub struct SentView {
    pub id: i64,
    pub title: String,
    /// The sent version's page, as the organisation viewing it reads it.
    pub href: String,
    pub kind: String,
    pub version_label: String,
    pub sent_at: String,
    pub acknowledged: Option<String>,
    pub feedback: String,
    pub version: i64,
    /// The feedback typed in a refused post, and why.
    pub feedback_error: Option<String>,
}

/// `viewer`: the organisation whose pages show it (the county or the municipality that sent it).
pub fn sent_view(c: &Ctx, viewer: i64, s: &SentReport) -> SentView {
    SentView {
        id: s.id,
        title: s.report_title.clone(),
        href: format!("/orgs/{viewer}/sent-reports/{}", s.id),
        kind: c.code(s.report_kind),
        version_label: c.t1("report-version", "number", s.content_version),
        sent_at: fi_datetime(s.sent_at),
        acknowledged: s.acknowledged_at.map(fi_datetime),
        feedback: s.feedback.clone().unwrap_or_default(),
        version: s.version,
        feedback_error: None,
    }
}

/// One municipality's line of the year's summary.
pub struct SummaryLine {
    pub name: String,
    /// (link, date) of the year's negotiation.
    pub negotiation: Option<(String, String)>,
    pub agreed: usize,
    pub done: usize,
}

/// The year's negotiations of the county `county` across its member municipalities; `link_org`
/// is the organisation whose pages the links open (the county's own, or none for other readers).
pub async fn summary_lines(
    app: &App,
    c: &Ctx,
    county: &Organisation,
    year: i32,
    link_org: Option<i64>,
) -> Result<Vec<SummaryLine>, AppError> {
    let members = app.store.member_orgs(county.id).await?;
    let negotiations = app.store.negotiations(county.id).await?;
    let actions = app.store.agreed_actions(county.id, None).await?;
    let ids: Vec<i64> = members.iter().map(|m| m.id).collect();
    let names: HashMap<i64, String> = members.iter().map(|m| (m.id, c.name(&m.names).to_string())).collect();
    Ok(year_summary(&ids, &negotiations, &actions, year)
        .into_iter()
        .map(|r| SummaryLine {
            name: names.get(&r.org_id).cloned().unwrap_or_default(),
            negotiation: r.negotiation.map(|(nid, day)| {
                let href = link_org.map(|o| format!("/orgs/{o}/negotiations/{nid}")).unwrap_or_default();
                (href, fi_date(day))
            }),
            agreed: r.agreed,
            done: r.done,
        })
        .collect())
}
