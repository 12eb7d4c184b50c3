//! Premises a municipality or region offers for NGOs' public-benefit use: kept by its
//! coordinators (`/orgs/{id}/premises`), listed publicly (`/premises`).

use super::{area_name, area_options, explains, municipalities, org_name, orgs_by_id};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::refusal::{self, answer, submit};
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::partners::{Premises, PremisesForm};
use hyte_domain::{Area, ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;

pub struct PremisesView {
    pub href: String,
    pub name: String,
    pub owner: String,
    pub address: String,
    pub area: String,
    pub capacity: String,
    pub available_for: String,
    pub booking_contact: String,
    pub price: String,
    pub published: bool,
}

fn view(c: &Ctx, p: &Premises, areas: &[Area], owner: String) -> PremisesView {
    let i = &p.input;
    PremisesView {
        href: format!("/orgs/{}/premises/{}", p.org_id, p.id),
        name: i.name.clone(),
        owner,
        address: i.address.clone(),
        area: area_name(c, areas, i.area_id),
        capacity: i.capacity.map(|n| c.t1("premises-capacity-n", "count", n)).unwrap_or_default(),
        available_for: i.available_for.clone(),
        booking_contact: i.booking_contact.clone(),
        price: i.price.clone().unwrap_or_else(|| c.t("premises-free")),
        published: i.published,
    }
}

fn fields(c: &Ctx, prefix: &str, areas: &[Area], f: &PremisesForm, e: &FieldErrors) -> Vec<Field> {
    vec![
        Field::new(c, prefix, "name", "field-premises-name", &f.name, e).required(),
        Field::new(c, prefix, "address", "field-premises-address", &f.address, e).required(),
        Field::new(c, prefix, "area_id", "field-activity-area", &f.area_id, e).select(area_options(
            c,
            areas,
            "activity-area-none",
        )),
        Field::new(c, prefix, "capacity", "field-premises-capacity", &f.capacity, e).kind("number"),
        Field::new(c, prefix, "available_for", "field-premises-available", &f.available_for, e)
            .kind("textarea")
            .required(),
        Field::new(c, prefix, "booking_contact", "field-premises-booking", &f.booking_contact, e).required(),
        Field::new(c, prefix, "price", "field-premises-price", &f.price, e).hint(c.t("field-premises-price-hint")),
    ]
}

#[derive(Template)]
#[template(path = "partners/premises.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    items: Vec<PremisesView>,
    can_manage: bool,
    fields: Vec<Field>,
    published: bool,
    errors: Vec<(String, String, String)>,
}

async fn list_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &PremisesForm,
    e: &FieldErrors,
) -> Result<ListPage, AppError> {
    let areas = municipalities(app).await?;
    let items = app.store.org_premises(org.id).await?.iter().map(|p| view(&c, p, &areas, String::new())).collect();
    let fields = fields(&c, "new", &areas, f, e);
    Ok(ListPage {
        can_manage: c.can(org.id, Permission::Coordinate),
        errors: summary(&fields),
        published: !f.published.is_empty(),
        fields,
        items,
        org,
        c,
    })
}

pub async fn list(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let f = PremisesForm {
        area_id: org.area_id.map(|a| a.to_string()).unwrap_or_default(),
        published: "1".into(),
        ..Default::default()
    };
    render(&list_page(&app, c, org, &f, &FieldErrors::default()).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<PremisesForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let areas: Vec<i64> = municipalities(&app).await?.iter().map(|a| a.id).collect();
    match f.parse(&areas) {
        Ok(input) => {
            app.store.create_premises(id, &input, Actor::user(me.user_id)).await?;
            Ok(see_other(&format!("/orgs/{id}/premises")))
        }
        Err(e) => render_status(refusal::status(&e), &list_page(&app, c, org, &f, &e).await?),
    }
}

#[derive(Template)]
#[template(path = "partners/premises_edit.html")]
struct EditPage {
    c: Ctx,
    org: Organisation,
    p: Premises,
    can_manage: bool,
    fields: Vec<Field>,
    published: bool,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

async fn load(app: &App, id: i64, pid: i64) -> Result<Premises, AppError> {
    app.store.get_premises(pid).await?.filter(|p| p.org_id == id).ok_or(AppError::new(ErrorCode::NotFound))
}

async fn edit_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    p: Premises,
    failed: Option<(PremisesForm, FieldErrors)>,
    alert: Option<ErrorCode>,
) -> Result<EditPage, AppError> {
    let areas = municipalities(app).await?;
    let (f, e) = failed.unwrap_or_else(|| (PremisesForm::from_input(&p.input, p.version), FieldErrors::default()));
    let fields = fields(&c, "edit", &areas, &f, &e);
    Ok(EditPage {
        can_manage: c.can(org.id, Permission::Coordinate),
        errors: summary(&fields),
        published: !f.published.is_empty(),
        alert: alert.map(|a| c.err(a)),
        fields,
        p,
        org,
        c,
    })
}

pub async fn edit(State(app): State<App>, c: Ctx, Path((id, pid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let p = load(&app, id, pid).await?;
    render(&edit_page(&app, c, org, p, None, None).await?)
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    Form(f): Form<PremisesForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let p = load(&app, id, pid).await?;
    let areas: Vec<i64> = municipalities(&app).await?.iter().map(|a| a.id).collect();
    let outcome = submit(f.parse(&areas), async |input| {
        app.store.update_premises(id, pid, f.version, &input, Actor::user(me.user_id)).await
    })
    .await;
    let done = format!("/orgs/{id}/premises");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| edit_page(&app, c, org, p, Some((f, r.errors)), r.alert).await,
    )
    .await
}

#[derive(Template)]
#[template(path = "partners/premises_public.html")]
struct PublicPage {
    c: Ctx,
    items: Vec<PremisesView>,
}

/// Every published premises, for NGOs and residents looking for a place (no login).
pub async fn public(State(app): State<App>, c: Ctx) -> Result<Response, AppError> {
    let areas = municipalities(&app).await?;
    let orgs = orgs_by_id(&app).await?;
    let items = app
        .store
        .published_premises()
        .await?
        .iter()
        .map(|p| view(&c, p, &areas, org_name(&c, &orgs, p.org_id)))
        .collect();
    render(&PublicPage { items, c })
}
