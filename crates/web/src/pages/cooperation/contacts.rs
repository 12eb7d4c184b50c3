//! Contact pairs (*vastinparit*): per theme, a named person on the region's side and one in each
//! of its municipalities; the municipality × theme matrix shows the gaps. A municipality sees the
//! contacts its region has named for it.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::refusal;
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::cooperation::{ContactInput, ContactPair, ContactTheme};
use hyte_domain::{Area, ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;
use serde::Deserialize;

pub struct Cell {
    pub person: Option<String>,
    pub detail: String,
    pub remove: Option<String>,
}

pub struct MatrixRow {
    pub name: String,
    pub cells: Vec<Cell>,
}

#[derive(Template)]
#[template(path = "cooperation/contacts.html")]
struct ContactsPage {
    c: Ctx,
    org: Organisation,
    is_county: bool,
    themes: Vec<String>,
    rows: Vec<MatrixRow>,
    gaps: usize,
    can_edit: bool,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    /// For a municipality: its region's contacts for it, (region, theme, person).
    named_for_us: Vec<(String, String, String)>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ContactForm {
    theme: String,
    municipality: String,
    person: String,
    email: String,
    phone: String,
}

/// The region's member municipalities in the newest classification year.
async fn municipalities(app: &App, org: &Organisation) -> Result<Vec<Area>, AppError> {
    match org.area_id {
        Some(area_id) => crate::knowledge::visible::member_municipalities(app, area_id).await,
        None => Ok(vec![]),
    }
}

fn cell(c: &Ctx, base: &str, p: Option<&ContactPair>, can_edit: bool) -> Cell {
    match p {
        Some(p) => Cell {
            person: Some(p.input.person.clone()),
            detail: [p.input.email.clone(), p.input.phone.clone()].into_iter().flatten().collect::<Vec<_>>().join(", "),
            remove: can_edit.then(|| format!("{base}/{}/remove", p.id)),
        },
        None => Cell { person: None, detail: c.t("contact-gap"), remove: None },
    }
}

async fn contacts_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &ContactForm,
    e: &FieldErrors,
) -> Result<ContactsPage, AppError> {
    let is_county = org.kind.is_county();
    let can_edit = is_county && c.can(org.id, Permission::Coordinate);
    let base = format!("/orgs/{}/contacts", org.id);
    let pairs = app.store.contact_pairs(org.id).await?;
    let munis = if is_county { municipalities(app, &org).await? } else { vec![] };
    let find = |theme: ContactTheme, area: Option<i64>| {
        pairs.iter().find(|p| p.theme == theme && p.municipality_area_id == area)
    };
    let mut rows = vec![MatrixRow {
        name: c.t("contact-region-side"),
        cells: ContactTheme::ALL.iter().map(|t| cell(&c, &base, find(*t, None), can_edit)).collect(),
    }];
    for m in &munis {
        rows.push(MatrixRow {
            name: c.name(&m.names).to_string(),
            cells: ContactTheme::ALL.iter().map(|t| cell(&c, &base, find(*t, Some(m.id)), can_edit)).collect(),
        });
    }
    let gaps = if is_county { rows.iter().flat_map(|r| &r.cells).filter(|x| x.person.is_none()).count() } else { 0 };
    let mut named_for_us = vec![];
    if let (false, Some(area_id)) = (is_county, org.area_id) {
        let year = app.store.area_years(area_id).await?.first().copied().unwrap_or(0);
        for parent in app.store.area_parents(area_id, year).await? {
            for region in app.store.organisations_for_area(parent.id).await? {
                for p in app
                    .store
                    .contact_pairs(region.id)
                    .await?
                    .into_iter()
                    .filter(|p| p.municipality_area_id == Some(area_id))
                {
                    named_for_us.push((c.name(&region.names).to_string(), c.code(p.theme), p.input.person));
                }
            }
        }
    }
    let themes_opts = ContactTheme::ALL.iter().map(|t| (t.as_str().to_string(), c.code(*t))).collect();
    let mut muni_opts = vec![(String::new(), c.t("contact-region-side"))];
    muni_opts.extend(munis.iter().map(|m| (m.id.to_string(), c.name(&m.names).to_string())));
    let fields = vec![
        Field::new(&c, "contact", "theme", "field-contact-theme", &f.theme, e).select(themes_opts).required(),
        Field::new(&c, "contact", "municipality", "field-contact-municipality", &f.municipality, e).select(muni_opts),
        Field::new(&c, "contact", "person", "field-contact-person", &f.person, e).required(),
        Field::new(&c, "contact", "email", "field-contact-email", &f.email, e).kind("email"),
        Field::new(&c, "contact", "phone", "field-contact-phone", &f.phone, e),
    ];
    Ok(ContactsPage {
        themes: ContactTheme::ALL.iter().map(|t| c.code(*t)).collect(),
        errors: summary(&fields),
        fields,
        is_county,
        rows,
        gaps,
        can_edit,
        named_for_us,
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let f = ContactForm { theme: "substance_prevention".into(), ..Default::default() };
    render(&contacts_page(&app, c, org, &f, &FieldErrors::default()).await?)
}

pub async fn set(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<ContactForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    if !org.kind.is_county() {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    let munis: Vec<i64> = municipalities(&app, &org).await?.iter().map(|a| a.id).collect();
    let mut e = FieldErrors::default();
    let theme = e.check("theme", ContactTheme::parse(&f.theme).ok_or(ErrorCode::Required));
    let area = e.check(
        "municipality",
        match f.municipality.trim() {
            "" => Ok(None),
            s => s.parse::<i64>().ok().filter(|a| munis.contains(a)).map(Some).ok_or(ErrorCode::InvalidInput),
        },
    );
    let input = ContactInput::parse(&f.person, &f.email, &f.phone);
    if let Err(x) = &input {
        e.0.extend(x.0.iter().cloned());
    }
    match (theme, area, input) {
        (Some(theme), Some(area), Ok(input)) => {
            app.store.set_contact_pair(id, theme, area, &input, Actor::user(me.user_id)).await?;
            Ok(see_other(&format!("/orgs/{id}/contacts")))
        }
        _ => render_status(refusal::status(&e), &contacts_page(&app, c, org, &f, &e).await?),
    }
}

pub async fn remove(State(app): State<App>, c: Ctx, Path((id, cid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (_, me) = c.org(&app, id, Permission::Coordinate).await?;
    app.store.remove_contact_pair(id, cid, Actor::user(me.user_id)).await?;
    Ok(see_other(&format!("/orgs/{id}/contacts")))
}
