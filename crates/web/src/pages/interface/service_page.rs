//! One interface service (`/orgs/{id}/interface/{sid}`): its facts and parties, the chain as a
//! diagram and a table, the forms a party may use (details; a lead's parties, steps, templates and
//! publishing), and the chain's PDF.

use super::chain::{diagram, rows, StepRow};
use super::register::{form_parts, FormParts};
use super::{explains, org_names, party};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{choices, Field};
use crate::refusal::{answer, submit, Refusal};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::interface::{ChainTemplate, Handoff, InterfaceForm, InterfaceService, StepForm};
use hyte_domain::{ErrorCode, FieldErrors, Lang, Organisation, Permission};
use hyte_store::Actor;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "interface/service.html")]
pub struct ServicePage {
    pub c: Ctx,
    pub org: Organisation,
    pub svc: InterfaceService,
    pub name: String,
    pub facts: Vec<(String, String)>,
    pub steps: Vec<StepRow>,
    pub diagram: String,
    pub can_edit: bool,
    pub is_lead: bool,
    pub form: FormParts,
    pub step_fields: Vec<Field>,
    pub step_errors: Vec<(String, String, String)>,
    pub templates: Field,
    pub alert: Option<String>,
    pub base: String,
    /// The service's id and this page's tab (`interface/_service_tabs.html`).
    pub sid: i64,
    pub tab: &'static str,
}

/// What went wrong in which form of the page.
pub enum Failed {
    Details(InterfaceForm, FieldErrors),
    Step(StepForm, FieldErrors),
}

/// The step form's fields; the organisation choices are the service's parties (`only`: one).
pub fn step_fields(
    c: &Ctx,
    svc: &InterfaceService,
    names: &std::collections::HashMap<i64, String>,
    f: &StepForm,
    e: &FieldErrors,
    only: Option<i64>,
) -> Vec<Field> {
    let orgs = svc
        .parties
        .iter()
        .filter(|p| only.is_none_or(|o| o == p.org_id))
        .map(|p| (p.org_id.to_string(), names.get(&p.org_id).cloned().unwrap_or_default()))
        .collect();
    vec![
        Field::new(c, "step", "org_id", "field-step-org", &f.org_id, e).select(orgs).required(),
        Field::new(c, "step", "unit", "field-step-unit", &f.unit, e),
        Field::new(c, "step", "action_fi", "field-step-action-fi", &f.action_fi, e).kind("textarea").required(),
        Field::new(c, "step", "action_sv", "field-step-action-sv", &f.action_sv, e).kind("textarea"),
        Field::new(c, "step", "action_en", "field-step-action-en", &f.action_en, e).kind("textarea"),
        Field::new(c, "step", "client_fi", "field-step-client-fi", &f.client_fi, e),
        Field::new(c, "step", "client_sv", "field-step-client-sv", &f.client_sv, e),
        Field::new(c, "step", "client_en", "field-step-client-en", &f.client_en, e),
        Field::new(c, "step", "handoff", "field-step-handoff", &f.handoff, e)
            .select(choices::<Handoff>(c, None))
            .required(),
        Field::new(c, "step", "wait_days", "field-step-wait", &f.wait_days, e).kind("number"),
    ]
}

pub async fn service_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    svc: InterfaceService,
    failed: Option<Failed>,
    alert: Option<ErrorCode>,
) -> Result<ServicePage, AppError> {
    let names = org_names(app, &c).await?;
    let steps = app.store.chain_steps(org.id, svc.id).await?;
    let steps = rows(&c, c.lang, &svc, &steps, &names, Some(org.id));
    let name = svc.name(c.lang).to_string();
    let diagram = diagram(&c, c.lang, "chain", &name, &steps);
    let facts = facts(app, &c, &svc, &names).await?;
    let is_lead = svc.is_lead(org.id);
    let (df, de, sf, se) = match failed {
        Some(Failed::Details(f, e)) => (f, e, StepForm::default(), FieldErrors::default()),
        Some(Failed::Step(f, e)) => (InterfaceForm::from_service(&svc), FieldErrors::default(), f, e),
        None => {
            (InterfaceForm::from_service(&svc), FieldErrors::default(), StepForm::default(), FieldErrors::default())
        }
    };
    let form = form_parts(app, &c, &org, &df, &de, is_lead).await?;
    let sf = StepForm { handoff: if sf.handoff.is_empty() { "referral".into() } else { sf.handoff.clone() }, ..sf };
    let step_fields = step_fields(&c, &svc, &names, &sf, &se, None);
    let step_errors = crate::form::summary(&step_fields);
    let templates = Field::new(&c, "tpl", "template", "field-ifc-template", "", &FieldErrors::default())
        .select(choices::<ChainTemplate>(&c, None));
    Ok(ServicePage {
        can_edit: c.can(org.id, Permission::Edit),
        base: format!("/orgs/{}/interface/{}", org.id, svc.id),
        sid: svc.id,
        tab: "service",
        is_lead,
        alert: alert.map(|a| c.err(a)),
        name,
        facts,
        steps,
        diagram,
        form,
        step_fields,
        step_errors,
        templates,
        svc,
        org,
        c,
    })
}

/// The service's facts as (label, value) lines.
async fn facts(
    app: &App,
    c: &Ctx,
    svc: &InterfaceService,
    names: &std::collections::HashMap<i64, String>,
) -> Result<Vec<(String, String)>, AppError> {
    let i = &svc.input;
    let mut areas = vec![];
    for code in &i.areas {
        areas.push(crate::interface_views::municipality_name(app, c, code).await?);
    }
    let parties = svc
        .parties
        .iter()
        .map(|p| format!("{} ({})", names.get(&p.org_id).cloned().unwrap_or_default(), c.code(p.role)))
        .collect::<Vec<_>>()
        .join(", ");
    let mut out = vec![
        (c.t("field-ifc-kind"), c.code(i.kind)),
        (c.t("ifc-col-parties"), parties),
        (c.t("field-ifc-areas"), areas.join(", ")),
        (c.t("field-ifc-target-groups"), crate::form::group_names(c, i.target_groups.iter())),
        (c.t("field-ifc-vulnerable-groups"), crate::form::group_names(c, i.vulnerable_groups.iter())),
    ];
    if !i.activity_kinds.is_empty() {
        let kinds = i.activity_kinds.iter().map(|k| c.code(*k)).collect::<Vec<_>>().join(", ");
        out.push((c.t("field-ifc-activity-kinds"), kinds));
    }
    out.push((c.t("ifc-col-public"), c.t(if svc.published { "ifc-published" } else { "ifc-draft" })));
    Ok(out)
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, sid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _, svc) = party(&app, &c, id, sid, Permission::View).await?;
    render(&service_page(&app, c, org, svc, None, None).await?)
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me, svc) = party(&app, &c, id, sid, Permission::Edit).await?;
    let f = InterfaceForm::from_pairs(&pairs);
    let lead = svc.is_lead(id);
    let outcome = submit(f.parse(id), async |(input, parties)| {
        let parties = lead.then_some(parties.as_slice());
        app.store.update_interface(id, sid, f.version, &input, parties, Actor::user(me.user_id)).await
    })
    .await;
    answer(
        outcome,
        explains,
        |_| see_other(&format!("/orgs/{id}/interface/{sid}")),
        async |r: Refusal| service_page(&app, c, org, svc, Some(Failed::Details(f, r.errors)), r.alert).await,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PublishForm {
    version: i64,
    published: String,
}

pub async fn publish(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(f): Form<PublishForm>,
) -> Result<Response, AppError> {
    let (org, me, svc) = party(&app, &c, id, sid, Permission::Edit).await?;
    let on = f.published == "true";
    let done = app.store.publish_interface(id, sid, f.version, on, Actor::user(me.user_id)).await;
    answer(
        done.map_err(Into::into),
        explains,
        |_| see_other(&format!("/orgs/{id}/interface/{sid}")),
        async |r: Refusal| service_page(&app, c, org, svc, None, r.alert).await,
    )
    .await
}

#[derive(Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    format: String,
    #[serde(default)]
    lang: String,
}

/// The chain as a PDF (or DOCX) in the chosen language: its facts, the diagram and the table.
pub async fn export(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, AppError> {
    let (_, _, svc) = party(&app, &c, id, sid, Permission::View).await?;
    let steps = app.store.chain_steps(id, sid).await?;
    let lang = Lang::parse(&q.lang).unwrap_or(c.lang);
    let format = if q.format.is_empty() { "pdf" } else { q.format.as_str() };
    let doc = super::chain::document(&app, &c, lang, &svc, &steps).await?;
    crate::download::document(doc, &format!("hyte-chain-{sid}-{}", lang.code()), format).await
}
