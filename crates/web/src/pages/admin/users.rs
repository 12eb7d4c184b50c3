//! Users of an organisation (admins only): list, add, change role and sector, remove.

use crate::auth::hash_password;
use crate::ctx::Ctx;
use crate::error::{status_of, AppError};
use crate::form::{summary, Field};
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::{DisplayName, Email, ErrorCode, FieldErrors, Organisation, Password, Permission, Role, Sector};
use hyte_store::{Actor, Member, NewUser, StoreError};
use serde::Deserialize;

pub struct MemberRow {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    pub sector: String,
    pub is_me: bool,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    c: Ctx,
    org: Organisation,
    rows: Vec<MemberRow>,
    /// Invited and not yet accepted: (e-mail, role).
    invited: Vec<(String, String)>,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AddForm {
    email: String,
    display_name: String,
    role: String,
    sector: String,
    password: String,
}

pub fn role_options(c: &Ctx) -> Vec<(String, String)> {
    Role::ALL.iter().map(|r| (r.as_str().to_string(), c.code(*r))).collect()
}

pub fn sector_options(c: &Ctx, sectors: &[Sector]) -> Vec<(String, String)> {
    let mut o = vec![(String::new(), c.t("sector-none"))];
    o.extend(sectors.iter().map(|s| (s.id.to_string(), c.name(&s.names).to_string())));
    o
}

/// Parses the sector select: empty is none; otherwise one of the organisation's sectors.
pub fn parse_sector(value: &str, sectors: &[Sector]) -> Result<Option<i64>, ErrorCode> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    let id: i64 = value.trim().parse().map_err(|_| ErrorCode::SectorInvalid)?;
    sectors.iter().any(|s| s.id == id).then_some(Some(id)).ok_or(ErrorCode::SectorInvalid)
}

fn rows(c: &Ctx, members: &[Member], sectors: &[Sector]) -> Vec<MemberRow> {
    let me = c.user.as_ref().map(|u| u.user.id);
    members
        .iter()
        .map(|m| MemberRow {
            user_id: m.user.id,
            name: m.user.display_name.clone(),
            email: m.user.email.as_str().to_string(),
            role: c.code(m.membership.role),
            sector: m
                .membership
                .sector_id
                .and_then(|id| sectors.iter().find(|s| s.id == id))
                .map(|s| c.name(&s.names).to_string())
                .unwrap_or_default(),
            is_me: Some(m.user.id) == me,
        })
        .collect()
}

fn add_fields(c: &Ctx, f: &AddForm, errors: &FieldErrors, sectors: &[Sector]) -> Vec<Field> {
    let role = if f.role.is_empty() { "viewer" } else { f.role.as_str() };
    vec![
        Field::new(c, "add", "email", "field-email", &f.email, errors).kind("email").required(),
        Field::new(c, "add", "display_name", "field-display-name", &f.display_name, errors)
            .required()
            .hint(c.t("hint-new-user-only")),
        Field::new(c, "add", "role", "field-role", role, errors).select(role_options(c)).required(),
        Field::new(c, "add", "sector", "field-sector", &f.sector, errors).select(sector_options(c, sectors)),
        Field::new(c, "add", "password", "field-initial-password", "", errors)
            .required()
            .kind("password")
            .autocomplete("new-password")
            .hint(c.t1("hint-password", "min", Password::MIN)),
    ]
}

async fn users_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &AddForm,
    errors: &FieldErrors,
) -> Result<UsersPage, AppError> {
    let members = app.store.org_members(org.id).await?;
    let sectors = app.store.list_sectors(org.id).await?;
    let fields = add_fields(&c, f, errors, &sectors);
    let invited = app.store.org_invitations(org.id).await?;
    let invited = invited.into_iter().map(|(i, u)| (u.email.as_str().to_string(), c.code(i.role))).collect();
    Ok(UsersPage { rows: rows(&c, &members, &sectors), invited, errors: summary(&fields), fields, org, c })
}

pub async fn page(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Administer).await?;
    render(&users_page(&app, c, org, &AddForm::default(), &FieldErrors::default()).await?)
}

pub async fn add(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<AddForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Administer).await?;
    let sectors = app.store.list_sectors(id).await?;
    let mut errors = FieldErrors::default();
    let email = errors.check("email", Email::parse(&f.email));
    let role = errors.check("role", Role::parse(&f.role));
    let sector = errors.check("sector", parse_sector(&f.sector, &sectors));
    // The same fields for every address, and the same answer: an invitation the person accepts
    // at their next login. So an admin can neither add someone without consent nor tell whether
    // an address already has an account. A new account gets the name and the initial password;
    // for an existing one they are ignored.
    let name = errors.check("display_name", DisplayName::parse(&f.display_name));
    let password = errors.check("password", Password::parse(&f.password));
    let (Some(email), Some(role), Some(sector), Some(name), Some(password)) = (email, role, sector, name, password)
    else {
        return render_status(status_of(ErrorCode::InvalidInput), &users_page(&app, c, org, &f, &errors).await?);
    };
    let actor = Actor::user(me.user_id);
    let user_id = match app.store.find_login(email.as_str()).await? {
        Some((user, _)) => user.id,
        None => {
            let hash = tokio::task::spawn_blocking(move || hash_password(password.expose()))
                .await
                .map_err(|_| AppError::new(ErrorCode::Internal))?;
            let new = NewUser { email, display_name: name, password_hash: hash };
            match app.store.create_user(&new, None, actor).await {
                Ok(user) => user.id,
                // Created in the meantime: invite that account.
                Err(StoreError::Rule(ErrorCode::EmailTaken)) => {
                    let found = app.store.find_login(new.email.as_str()).await?;
                    found.map(|(u, _)| u.id).ok_or(AppError::new(ErrorCode::Internal))?
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    match app.store.invite(id, user_id, role, sector, actor).await {
        Ok(()) => Ok(see_other(&format!("/orgs/{id}/users"))),
        Err(StoreError::Rule(code @ ErrorCode::AlreadyMember)) => {
            render_status(status_of(code), &users_page(&app, c, org, &f, &code.on("email")).await?)
        }
        Err(StoreError::Rule(code @ ErrorCode::SectorInvalid)) => {
            render_status(status_of(code), &users_page(&app, c, org, &f, &code.on("sector")).await?)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "admin/user_edit.html")]
struct EditPage {
    c: Ctx,
    org: Organisation,
    member: Member,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EditForm {
    role: String,
    sector: String,
    version: i64,
}

async fn edit_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    user_id: i64,
    f: Option<&EditForm>,
    errors: &FieldErrors,
    alert: Option<ErrorCode>,
) -> Result<EditPage, AppError> {
    let member = app
        .store
        .org_members(org.id)
        .await?
        .into_iter()
        .find(|m| m.user.id == user_id)
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let sectors = app.store.list_sectors(org.id).await?;
    let role = f.map(|f| f.role.clone()).unwrap_or_else(|| member.membership.role.as_str().to_string());
    let sector = f
        .map(|f| f.sector.clone())
        .unwrap_or_else(|| member.membership.sector_id.map(|s| s.to_string()).unwrap_or_default());
    let fields = vec![
        Field::new(&c, "edit", "role", "field-role", &role, errors).select(role_options(&c)).required(),
        Field::new(&c, "edit", "sector", "field-sector", &sector, errors).select(sector_options(&c, &sectors)),
    ];
    let alert = alert.map(|a| c.err(a));
    Ok(EditPage { errors: summary(&fields), fields, alert, org, member, c })
}

pub async fn edit(State(app): State<App>, c: Ctx, Path((id, user_id)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Administer).await?;
    render(&edit_page(&app, c, org, user_id, None, &FieldErrors::default(), None).await?)
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, user_id)): Path<(i64, i64)>,
    Form(f): Form<EditForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Administer).await?;
    let sectors = app.store.list_sectors(id).await?;
    let mut errors = FieldErrors::default();
    let role = errors.check("role", Role::parse(&f.role));
    let sector = errors.check("sector", parse_sector(&f.sector, &sectors));
    let (Some(role), Some(sector)) = (role, sector) else {
        let page = edit_page(&app, c, org, user_id, Some(&f), &errors, None).await?;
        return render_status(status_of(ErrorCode::InvalidInput), &page);
    };
    match app.store.update_membership(id, user_id, f.version, role, sector, Actor::user(me.user_id)).await {
        Ok(_) => Ok(see_other(&format!("/orgs/{id}/users"))),
        Err(StoreError::Rule(code @ (ErrorCode::EditConflict | ErrorCode::LastAdmin | ErrorCode::SectorInvalid))) => {
            // Show the current state, so that the user sees what changed.
            let page = edit_page(&app, c, org, user_id, None, &FieldErrors::default(), Some(code)).await?;
            render_status(status_of(code), &page)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RemoveForm {
    version: i64,
}

pub async fn remove(
    State(app): State<App>,
    c: Ctx,
    Path((id, user_id)): Path<(i64, i64)>,
    Form(f): Form<RemoveForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Administer).await?;
    match app.store.remove_membership(id, user_id, f.version, Actor::user(me.user_id)).await {
        Ok(()) => Ok(see_other(&format!("/orgs/{id}/users"))),
        Err(StoreError::Rule(code @ (ErrorCode::EditConflict | ErrorCode::LastAdmin))) => {
            let page = edit_page(&app, c, org, user_id, None, &FieldErrors::default(), Some(code)).await?;
            render_status(status_of(code), &page)
        }
        Err(e) => Err(e.into()),
    }
}
