//! "My organisation": the organisations the user belongs to, and one organisation's page.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use hyte_domain::{Area, Membership, Organisation, Permission, Sector};

#[derive(Template)]
#[template(path = "admin/orgs.html")]
struct MyOrgsPage {
    c: Ctx,
}

pub async fn mine(c: Ctx) -> Result<Response, AppError> {
    let u = c.require_user()?;
    if let [(m, _)] = u.memberships.as_slice() {
        return Ok(see_other(&format!("/orgs/{}", m.org_id)));
    }
    render(&MyOrgsPage { c })
}

#[derive(Template)]
#[template(path = "admin/org.html")]
struct OrgPage {
    c: Ctx,
    org: Organisation,
    me: Membership,
    area: Option<Area>,
    sectors: Vec<Sector>,
    member_count: usize,
    admin: bool,
    /// Timeline tasks and agreements due within two months or late: (what, when, late, link).
    deadlines: Vec<(String, String, bool, String)>,
    /// A county's client groups that no service of its register names.
    coverage_gaps: Vec<String>,
    /// Cooperation agreements to review or renew soon: (what, when, overdue, link).
    reminders: Vec<(String, String, bool, String)>,
}

pub async fn page(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::View).await?;
    let area = match org.area_id {
        Some(a) => app.store.get_area_by_id(a).await?,
        None => None,
    };
    let sectors = app.store.list_sectors(id).await?;
    let member_count = app.store.org_members(id).await?.len();
    let admin = me.role.can(Permission::Administer);
    let deadlines = deadlines(&app, &c, id).await?;
    let coverage_gaps = if org.kind.is_county() {
        let services = app.store.list_services(id).await?;
        hyte_domain::services::coverage(&services).gaps.into_iter().map(|g| c.code(g)).collect()
    } else {
        vec![]
    };
    let reminders = crate::interface_views::reminder_lines(&app, &c, id).await?;
    render(&OrgPage { org, me, area, sectors, member_count, admin, deadlines, coverage_gaps, reminders, c })
}

/// What is due on the organisation's timeline and in its groups' agreements within the deadline
/// window (the domain's `deadline_horizon`), late ones included, soonest first.
async fn deadlines(app: &App, c: &Ctx, org_id: i64) -> Result<Vec<(String, String, bool, String)>, AppError> {
    let today = crate::format::today();
    let mut out: Vec<(chrono::NaiveDate, (String, String, bool, String))> = vec![];
    for t in app.store.tasks(org_id).await?.into_iter().filter(|t| t.is_due(today)) {
        let end = t.input.ends;
        let last_day = end.last_day();
        let href = format!("/orgs/{org_id}/timeline");
        out.push((last_day, (t.input.title.clone(), end.to_string(), t.overdue(today), href)));
    }
    for a in app.store.org_agreements(org_id).await?.into_iter().filter(|a| a.is_due(today)) {
        let what = c.t2("deadline-agreement", "what", &a.input.what, "who", &a.input.who);
        let href = format!("/orgs/{org_id}/groups/{}/meetings/{}", a.group_id, a.meeting_id);
        out.push((a.input.due_on, (what, crate::format::fi_date(a.input.due_on), a.overdue(today), href)));
    }
    out.sort_by_key(|x| x.0);
    Ok(out.into_iter().map(|x| x.1).collect())
}
