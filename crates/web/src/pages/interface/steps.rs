//! A chain's steps: a lead adds them (one by one or from a template), moves and removes them; a
//! lead edits every step and a partner its own (`/orgs/{id}/interface/{sid}/steps/{step}`).

use super::service_page::{service_page, step_fields, Failed};
use super::{explains, org_names, party};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::refusal::{answer, submit, Refusal};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::interface::{apply_template, ChainStep, ChainTemplate, InterfaceService, PartyRole, StepForm};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;
use serde::Deserialize;

fn parties(svc: &InterfaceService) -> Vec<i64> {
    svc.parties.iter().map(|p| p.org_id).collect()
}

pub async fn add(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(f): Form<StepForm>,
) -> Result<Response, AppError> {
    let (org, me, svc) = party(&app, &c, id, sid, Permission::Edit).await?;
    let outcome = submit(f.parse(&parties(&svc)), async |input| {
        app.store.add_steps(id, sid, &[input], Actor::user(me.user_id)).await
    })
    .await;
    answer(
        outcome,
        explains,
        |_| see_other(&format!("/orgs/{id}/interface/{sid}#chain")),
        async |r: Refusal| service_page(&app, c, org, svc, Some(Failed::Step(f, r.errors)), r.alert).await,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TemplateForm {
    #[serde(default)]
    template: String,
}

/// Adds a ready chain's steps, each given to the first party of the kind that usually does it.
pub async fn template(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(f): Form<TemplateForm>,
) -> Result<Response, AppError> {
    let (org, me, svc) = party(&app, &c, id, sid, Permission::Edit).await?;
    let Some(t) = ChainTemplate::parse(&f.template) else {
        let page = service_page(&app, c, org, svc, None, Some(ErrorCode::InvalidInput)).await?;
        return crate::respond::render_status(axum::http::StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let orgs = app.store.list_organisations().await?;
    let kinds: Vec<(i64, hyte_domain::OrgKind)> = svc
        .parties
        .iter()
        .filter(|p| p.role != PartyRole::Funder)
        .filter_map(|p| orgs.iter().find(|o| o.id == p.org_id).map(|o| (o.id, o.kind)))
        .collect();
    let steps = apply_template(t, &kinds, id);
    let done = app.store.add_steps(id, sid, &steps, Actor::user(me.user_id)).await;
    answer(
        done.map_err(Into::into),
        explains,
        |_| see_other(&format!("/orgs/{id}/interface/{sid}#chain")),
        async |r: Refusal| service_page(&app, c, org, svc, None, r.alert).await,
    )
    .await
}

#[derive(Template)]
#[template(path = "interface/step.html")]
struct StepPage {
    c: Ctx,
    org: Organisation,
    name: String,
    number: usize,
    back: String,
    action: String,
    fields: Vec<Field>,
    consent: bool,
    version: i64,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

async fn step_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    svc: InterfaceService,
    step: &ChainStep,
    failed: Option<(StepForm, FieldErrors)>,
    alert: Option<ErrorCode>,
) -> Result<StepPage, AppError> {
    let names = org_names(app, &c).await?;
    let (f, e) = failed.unwrap_or_else(|| (StepForm::from_step(step), FieldErrors::default()));
    // A partner keeps its step its own: its own organisation is the only choice.
    let only = (!svc.is_lead(org.id)).then_some(org.id);
    let fields = step_fields(&c, &svc, &names, &f, &e, only);
    let steps = app.store.chain_steps(org.id, svc.id).await?;
    let number = steps.iter().position(|s| s.id == step.id).map(|i| i + 1).unwrap_or(0);
    Ok(StepPage {
        name: svc.name(c.lang).to_string(),
        back: format!("/orgs/{}/interface/{}", org.id, svc.id),
        action: format!("/orgs/{}/interface/{}/steps/{}", org.id, svc.id, step.id),
        errors: summary(&fields),
        consent: f.consent.is_some(),
        version: f.version,
        alert: alert.map(|a| c.err(a)),
        fields,
        number,
        org,
        c,
    })
}

/// The step `step` of service `sid` (not found for another service's step).
async fn find(app: &App, id: i64, sid: i64, step: i64) -> Result<ChainStep, AppError> {
    let steps = app.store.chain_steps(id, sid).await?;
    steps.into_iter().find(|s| s.id == step).ok_or(AppError::new(ErrorCode::NotFound))
}

pub async fn edit(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid, step)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _, svc) = party(&app, &c, id, sid, Permission::Edit).await?;
    let s = find(&app, id, sid, step).await?;
    if !hyte_domain::interface::may_edit_step(&svc, id, s.input.org_id) {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    render(&step_page(&app, c, org, svc, &s, None, None).await?)
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid, step)): Path<(i64, i64, i64)>,
    Form(f): Form<StepForm>,
) -> Result<Response, AppError> {
    let (org, me, svc) = party(&app, &c, id, sid, Permission::Edit).await?;
    let s = find(&app, id, sid, step).await?;
    let outcome = submit(f.parse(&parties(&svc)), async |input| {
        app.store.update_step(id, step, f.version, &input, Actor::user(me.user_id)).await
    })
    .await;
    answer(
        outcome,
        explains,
        |_| see_other(&format!("/orgs/{id}/interface/{sid}#chain")),
        async |r: Refusal| step_page(&app, c, org, svc, &s, Some((f, r.errors)), r.alert).await,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VersionForm {
    version: i64,
}

pub async fn delete(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid, step)): Path<(i64, i64, i64)>,
    Form(f): Form<VersionForm>,
) -> Result<Response, AppError> {
    let (org, me, svc) = party(&app, &c, id, sid, Permission::Edit).await?;
    find(&app, id, sid, step).await?;
    let done = app.store.delete_step(id, step, f.version, Actor::user(me.user_id)).await;
    answer(
        done.map_err(Into::into),
        explains,
        |_| see_other(&format!("/orgs/{id}/interface/{sid}#chain")),
        async |r: Refusal| service_page(&app, c, org, svc, None, r.alert).await,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MoveForm {
    dir: String,
}

pub async fn move_step(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid, step)): Path<(i64, i64, i64)>,
    Form(f): Form<MoveForm>,
) -> Result<Response, AppError> {
    let (org, me, svc) = party(&app, &c, id, sid, Permission::Edit).await?;
    find(&app, id, sid, step).await?;
    let done = app.store.move_step(id, step, f.dir == "up", Actor::user(me.user_id)).await;
    answer(
        done.map_err(Into::into),
        explains,
        |_| see_other(&format!("/orgs/{id}/interface/{sid}#chain")),
        async |r: Refusal| service_page(&app, c, org, svc, None, r.alert).await,
    )
    .await
}
