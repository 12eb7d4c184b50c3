//! Sectors (*hallinnonalat*) of an organisation (admins only): list, add, rename, delete.

use crate::ctx::Ctx;
use crate::error::{status_of, AppError};
use crate::form::{summary, Field};
use crate::refusal;
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission, Sector, SectorInput};
use hyte_store::{Actor, StoreError};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SectorForm {
    name_fi: String,
    name_sv: String,
    name_en: String,
    version: i64,
}

fn fields(c: &Ctx, prefix: &str, f: &SectorForm, errors: &FieldErrors) -> Vec<Field> {
    vec![
        Field::new(c, prefix, "name_fi", "field-name-fi", &f.name_fi, errors).required(),
        Field::new(c, prefix, "name_sv", "field-name-sv", &f.name_sv, errors),
        Field::new(c, prefix, "name_en", "field-name-en", &f.name_en, errors),
    ]
}

#[derive(Template)]
#[template(path = "admin/sectors.html")]
struct SectorsPage {
    c: Ctx,
    org: Organisation,
    sectors: Vec<Sector>,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
}

async fn sectors_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &SectorForm,
    errors: &FieldErrors,
) -> Result<SectorsPage, AppError> {
    let sectors = app.store.list_sectors(org.id).await?;
    let fields = fields(&c, "add", f, errors);
    Ok(SectorsPage { errors: summary(&fields), fields, sectors, org, c })
}

pub async fn page(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Administer).await?;
    render(&sectors_page(&app, c, org, &SectorForm::default(), &FieldErrors::default()).await?)
}

pub async fn add(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<SectorForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Administer).await?;
    let errors = match SectorInput::parse(&f.name_fi, &f.name_sv, &f.name_en) {
        Ok(input) => match app.store.create_sector(id, &input, Actor::user(me.user_id)).await {
            Ok(_) => return Ok(see_other(&format!("/orgs/{id}/sectors"))),
            Err(StoreError::Rule(ErrorCode::NameTaken)) => ErrorCode::NameTaken.on("name_fi"),
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    let status = refusal::status(&errors);
    render_status(status, &sectors_page(&app, c, org, &f, &errors).await?)
}

#[derive(Template)]
#[template(path = "admin/sector_edit.html")]
struct EditPage {
    c: Ctx,
    org: Organisation,
    sector: Sector,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
    /// The version the form edits (the one the user saw).
    version: i64,
}

fn form_of(s: &Sector) -> SectorForm {
    SectorForm {
        name_fi: s.names.fi.clone(),
        name_sv: s.names.sv.clone().unwrap_or_default(),
        name_en: s.names.en.clone().unwrap_or_default(),
        version: s.version,
    }
}

async fn load_sector(app: &App, org_id: i64, sector_id: i64) -> Result<Sector, AppError> {
    app.store.get_sector(org_id, sector_id).await?.ok_or(AppError::new(ErrorCode::NotFound))
}

fn edit_page(
    c: Ctx,
    org: Organisation,
    sector: Sector,
    f: &SectorForm,
    errors: &FieldErrors,
    alert: Option<ErrorCode>,
) -> EditPage {
    let fields = fields(&c, "edit", f, errors);
    let alert = alert.map(|a| c.err(a));
    EditPage { errors: summary(&fields), fields, alert, version: f.version, org, sector, c }
}

pub async fn edit(
    State(app): State<App>,
    c: Ctx,
    Path((id, sector_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Administer).await?;
    let sector = load_sector(&app, id, sector_id).await?;
    let f = form_of(&sector);
    render(&edit_page(c, org, sector, &f, &FieldErrors::default(), None))
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, sector_id)): Path<(i64, i64)>,
    Form(f): Form<SectorForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Administer).await?;
    let sector = load_sector(&app, id, sector_id).await?;
    let input = match SectorInput::parse(&f.name_fi, &f.name_sv, &f.name_en) {
        Ok(i) => i,
        Err(errors) => {
            return render_status(status_of(ErrorCode::InvalidInput), &edit_page(c, org, sector, &f, &errors, None))
        }
    };
    match app.store.update_sector(id, sector_id, f.version, &input, Actor::user(me.user_id)).await {
        Ok(_) => Ok(see_other(&format!("/orgs/{id}/sectors"))),
        Err(StoreError::Rule(ErrorCode::NameTaken)) => render_status(
            status_of(ErrorCode::NameTaken),
            &edit_page(c, org, sector, &f, &ErrorCode::NameTaken.on("name_fi"), None),
        ),
        Err(StoreError::Rule(ErrorCode::EditConflict)) => {
            // Keep what the user typed, show that someone else saved first; the form now
            // edits the current version, so saving again is a deliberate overwrite.
            let mut kept = f;
            kept.version = sector.version;
            let page = edit_page(c, org, sector, &kept, &FieldErrors::default(), Some(ErrorCode::EditConflict));
            render_status(status_of(ErrorCode::EditConflict), &page)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(
    State(app): State<App>,
    c: Ctx,
    Path((id, sector_id)): Path<(i64, i64)>,
    Form(f): Form<SectorForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Administer).await?;
    match app.store.delete_sector(id, sector_id, f.version, Actor::user(me.user_id)).await {
        Ok(()) => Ok(see_other(&format!("/orgs/{id}/sectors"))),
        Err(StoreError::Rule(code @ (ErrorCode::SectorInUse | ErrorCode::EditConflict))) => {
            let sector = load_sector(&app, id, sector_id).await?;
            let form = form_of(&sector);
            render_status(status_of(code), &edit_page(c, org, sector, &form, &FieldErrors::default(), Some(code)))
        }
        Err(e) => Err(e.into()),
    }
}
