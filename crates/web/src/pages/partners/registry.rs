//! The partner registry of a municipality or region (`/orgs/{id}/partners`): its members see it,
//! coordinators keep it.

use super::{explains, options, org_name, orgs_by_id, role_codes};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::refusal::{answer, submit, Failure};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::partners::{Partner, PartnerForm};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;

pub struct PartnerRow {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub role: String,
    pub contact: String,
    pub email: String,
    pub phone: String,
}

#[derive(Template)]
#[template(path = "partners/partners.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    items: Vec<PartnerRow>,
    can_manage: bool,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

fn partner_fields(
    c: &Ctx,
    prefix: &str,
    f: &PartnerForm,
    e: &FieldErrors,
    orgs: Option<Vec<(String, String)>>,
) -> Vec<Field> {
    let mut fields = vec![];
    if let Some(orgs) = orgs {
        fields.push(
            Field::new(c, prefix, "partner_org_id", "field-partner-org", &f.partner_org_id, e).select(orgs).required(),
        );
    }
    fields.extend([
        Field::new(c, prefix, "role", "field-partner-role", &f.role, e)
            .select(options(c, "partner-role", &role_codes(), None))
            .required(),
        Field::new(c, prefix, "contact_name", "field-partner-contact", &f.contact_name, e)
            .required()
            .autocomplete("name"),
        Field::new(c, prefix, "contact_email", "field-partner-email", &f.contact_email, e)
            .kind("email")
            .autocomplete("email"),
        Field::new(c, prefix, "contact_phone", "field-partner-phone", &f.contact_phone, e)
            .kind("tel")
            .autocomplete("tel"),
        Field::new(c, prefix, "note", "field-partner-note", &f.note, e).kind("textarea"),
    ]);
    fields
}

async fn list_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &PartnerForm,
    e: &FieldErrors,
    alert: Option<ErrorCode>,
) -> Result<ListPage, AppError> {
    let orgs = orgs_by_id(app).await?;
    let items = app
        .store
        .list_partners(org.id)
        .await?
        .iter()
        .map(|p| PartnerRow {
            href: format!("/orgs/{}/partners/{}", org.id, p.id),
            name: org_name(&c, &orgs, p.input.partner_org_id),
            kind: orgs.get(&p.input.partner_org_id).map(|o| c.org_kind(o.kind)).unwrap_or_default(),
            role: c.code(p.input.role),
            contact: p.input.contact_name.clone(),
            email: p.input.contact_email.clone().unwrap_or_default(),
            phone: p.input.contact_phone.clone().unwrap_or_default(),
        })
        .collect();
    let fields =
        partner_fields(&c, "new", f, e, Some(crate::form::org_choices(app, &c, org.id, "partner-choose").await?));
    Ok(ListPage {
        can_manage: c.can(org.id, Permission::Coordinate),
        errors: summary(&fields),
        alert: alert.map(|a| c.err(a)),
        fields,
        items,
        org,
        c,
    })
}

pub async fn list(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let f = PartnerForm { role: "volunteer_actor".into(), ..Default::default() };
    render(&list_page(&app, c, org, &f, &FieldErrors::default(), None).await?)
}

pub async fn add(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<PartnerForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let ids: Vec<i64> = app.store.list_organisations().await?.iter().map(|o| o.id).filter(|o| *o != id).collect();
    let outcome =
        submit(f.parse(&ids), async |input| app.store.add_partner(id, &input, Actor::user(me.user_id)).await).await;
    let done = format!("/orgs/{id}/partners");
    answer(outcome, explains, |_| see_other(&done), async |r| list_page(&app, c, org, &f, &r.errors, r.alert).await)
        .await
}

#[derive(Template)]
#[template(path = "partners/partner_edit.html")]
struct EditPage {
    c: Ctx,
    org: Organisation,
    p: Partner,
    name: String,
    can_manage: bool,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

async fn load(app: &App, id: i64, pid: i64) -> Result<Partner, AppError> {
    app.store.get_partner(id, pid).await?.ok_or(AppError::new(ErrorCode::NotFound))
}

async fn edit_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    p: Partner,
    failed: Option<(PartnerForm, FieldErrors)>,
    alert: Option<ErrorCode>,
) -> Result<EditPage, AppError> {
    let orgs = orgs_by_id(app).await?;
    let (f, e) = failed.unwrap_or_else(|| (PartnerForm::from_input(&p.input, p.version), FieldErrors::default()));
    let fields = partner_fields(&c, "edit", &f, &e, None);
    Ok(EditPage {
        name: org_name(&c, &orgs, p.input.partner_org_id),
        can_manage: c.can(org.id, Permission::Coordinate),
        errors: summary(&fields),
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
    Form(mut f): Form<PartnerForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let p = load(&app, id, pid).await?;
    f.partner_org_id = p.input.partner_org_id.to_string();
    let outcome = submit(f.parse(&[p.input.partner_org_id]), async |input| {
        app.store.update_partner(id, pid, f.version, &input, Actor::user(me.user_id)).await
    })
    .await;
    let done = format!("/orgs/{id}/partners");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| edit_page(&app, c, org, p, Some((f, r.errors)), r.alert).await,
    )
    .await
}

pub async fn remove(
    State(app): State<App>,
    c: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    Form(f): Form<super::activities::VersionForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let p = load(&app, id, pid).await?;
    let outcome = app.store.remove_partner(id, pid, f.version, Actor::user(me.user_id)).await;
    let done = format!("/orgs/{id}/partners");
    answer(
        outcome.map_err(Failure::from),
        explains,
        |_| see_other(&done),
        async |r| edit_page(&app, c, org, p, None, r.alert).await,
    )
    .await
}
