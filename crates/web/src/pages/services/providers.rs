//! A county's service providers (`/orgs/{id}/providers`): own units, companies, NGOs,
//! foundations and cooperatives; a provider that is an organisation in Hyte reports its
//! contracts' monitoring through its own users.

use super::{choices, county, explains};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::refusal::{answer, submit};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::services::{Provider, ProviderForm, ProviderKind};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;

pub struct ProviderRow {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub business_id: String,
    pub member: String,
}

#[derive(Template)]
#[template(path = "services/providers.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    rows: Vec<ProviderRow>,
    can_manage: bool,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

#[derive(Template)]
#[template(path = "services/provider_edit.html")]
struct EditPage {
    c: Ctx,
    org: Organisation,
    p: Provider,
    can_manage: bool,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

async fn fields(app: &App, c: &Ctx, county: i64, f: &ProviderForm, e: &FieldErrors) -> Result<Vec<Field>, AppError> {
    Ok(vec![
        Field::new(c, "provider", "name", "field-provider-name", &f.name, e).required(),
        Field::new(c, "provider", "kind", "field-provider-kind", &f.kind, e)
            .select(choices::<ProviderKind>(c, None))
            .required(),
        Field::new(c, "provider", "business_id", "field-provider-business-id", &f.business_id, e)
            .hint(c.t("field-provider-business-id-hint")),
        Field::new(c, "provider", "member_org_id", "field-provider-member", &f.member_org_id, e)
            .select(crate::form::org_choices(app, c, county, "provider-no-member").await?)
            .hint(c.t("field-provider-member-hint")),
    ])
}

async fn list_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &ProviderForm,
    e: &FieldErrors,
    alert: Option<ErrorCode>,
) -> Result<ListPage, AppError> {
    let orgs = crate::pages::partners::orgs_by_id(app).await?;
    let rows = app
        .store
        .list_providers(org.id)
        .await?
        .iter()
        .map(|p| ProviderRow {
            href: format!("/orgs/{}/providers/{}", org.id, p.id),
            name: p.input.name.clone(),
            kind: c.code(p.input.kind),
            business_id: p.input.business_id.clone().unwrap_or_default(),
            member: p.input.member_org_id.map(|m| crate::pages::partners::org_name(&c, &orgs, m)).unwrap_or_default(),
        })
        .collect();
    let fields = fields(app, &c, org.id, f, e).await?;
    Ok(ListPage {
        can_manage: c.can(org.id, Permission::Coordinate),
        errors: summary(&fields),
        alert: alert.map(|a| c.err(a)),
        fields,
        rows,
        org,
        c,
    })
}

pub async fn list(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = county(&app, &c, id, Permission::View).await?;
    let f = ProviderForm { kind: "company".into(), ..Default::default() };
    render(&list_page(&app, c, org, &f, &FieldErrors::default(), None).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<ProviderForm>,
) -> Result<Response, AppError> {
    let (org, me) = county(&app, &c, id, Permission::Coordinate).await?;
    let outcome =
        submit(f.parse(), async |input| app.store.create_provider(id, &input, Actor::user(me.user_id)).await).await;
    let done = format!("/orgs/{id}/providers");
    answer(outcome, explains, |_| see_other(&done), async |r| list_page(&app, c, org, &f, &r.errors, r.alert).await)
        .await
}

async fn load(app: &App, id: i64, pid: i64) -> Result<Provider, AppError> {
    let all = app.store.list_providers(id).await?;
    all.into_iter().find(|p| p.id == pid).ok_or(AppError::new(ErrorCode::NotFound))
}

async fn edit_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    p: Provider,
    failed: Option<(ProviderForm, FieldErrors)>,
    alert: Option<ErrorCode>,
) -> Result<EditPage, AppError> {
    let (f, e) = failed.unwrap_or_else(|| (ProviderForm::from_input(&p.input, p.version), FieldErrors::default()));
    let fields = fields(app, &c, org.id, &f, &e).await?;
    Ok(EditPage {
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
    let (org, _) = county(&app, &c, id, Permission::View).await?;
    let p = load(&app, id, pid).await?;
    render(&edit_page(&app, c, org, p, None, None).await?)
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    Form(f): Form<ProviderForm>,
) -> Result<Response, AppError> {
    let (org, me) = county(&app, &c, id, Permission::Coordinate).await?;
    let p = load(&app, id, pid).await?;
    let outcome = submit(f.parse(), async |input| {
        app.store.update_provider(id, pid, f.version, &input, Actor::user(me.user_id)).await
    })
    .await;
    let done = format!("/orgs/{id}/providers");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| edit_page(&app, c, org, p, Some((f, r.errors)), r.alert).await,
    )
    .await
}
