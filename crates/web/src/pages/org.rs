//! "My organisation": the organisations the user belongs to, and one organisation's page.

use super::{render, see_other};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use hyte_domain::{Area, ErrorCode, Membership, Organisation, Permission, Sector};

#[derive(Template)]
#[template(path = "orgs.html")]
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
#[template(path = "org.html")]
struct OrgPage {
    c: Ctx,
    org: Organisation,
    me: Membership,
    area: Option<Area>,
    sectors: Vec<Sector>,
    member_count: usize,
    admin: bool,
}

/// Loads an organisation the user may see, or fails with 403/404.
pub async fn visible_org(
    app: &App,
    c: &Ctx,
    id: i64,
    perm: Permission,
) -> Result<(Organisation, Membership), AppError> {
    let me = c.require(id, perm)?.clone();
    let org = app.store.get_organisation(id).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    Ok((org, me))
}

pub async fn page(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, me) = visible_org(&app, &c, id, Permission::View).await?;
    let area = match org.area_id {
        Some(a) => app.store.get_area_by_id(a).await?,
        None => None,
    };
    let sectors = app.store.list_sectors(id).await?;
    let member_count = app.store.org_members(id).await?.len();
    let admin = me.role.can(Permission::Administer);
    render(&OrgPage { org, me, area, sectors, member_count, admin, c })
}
