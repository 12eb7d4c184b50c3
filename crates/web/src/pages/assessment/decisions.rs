//! The decisions register (impact assessment, Act 612/2021 §6–7): proposals, which of them the
//! rules say need an assessment, the proposal page with its alternatives, assessments, workflow
//! (assessed → decided → followed up) and the ex-post check.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::format::fi_date;
use crate::format::today;
use crate::refusal;
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::assessment::{
    required_templates, Assessment, Decision, DecisionForm, DecisionStatus, RequirementState, Rule,
    Template as AssessmentTemplate,
};
use hyte_domain::{ErrorCode, FieldErrors, Membership, Organisation, Permission};
use hyte_store::Actor;

/// The decision `did` of the organisation `org_id`, or `not_found`.
pub async fn load(app: &App, org_id: i64, did: i64) -> Result<Decision, AppError> {
    let d = app.store.get_decision(did).await?.filter(|d| d.org_id == org_id);
    d.ok_or(AppError::new(ErrorCode::NotFound))
}

/// Whether the viewer may prepare `d` (the domain's sector-editor rule).
pub fn can_edit(c: &Ctx, org_id: i64, d: &Decision) -> bool {
    c.membership(org_id).is_some_and(|me| me.may_edit_sector_item(d.input.sector_id))
}

/// The membership of a viewer who may prepare `d`, or `forbidden`.
pub fn require_edit(c: &Ctx, org_id: i64, d: &Decision) -> Result<Membership, AppError> {
    let me = c.require(org_id, Permission::Edit)?.clone();
    if can_edit(c, org_id, d) {
        Ok(me)
    } else {
        Err(AppError::new(ErrorCode::Forbidden))
    }
}

pub fn status_label(c: &Ctx, s: DecisionStatus) -> String {
    c.code(s)
}

/// The template's name in the viewer's language.
pub fn template_name(c: &Ctx, templates: &[AssessmentTemplate], key: &str) -> String {
    templates.iter().find(|t| t.key == key).map(|t| c.name(&t.def.names).to_string()).unwrap_or_else(|| key.into())
}

/// What the rules require of a proposal, and which of it is not complete yet.
pub struct Requirement {
    pub key: String,
    pub name: String,
    /// `missing`, `draft` or `complete`.
    pub state: &'static str,
    pub href: Option<String>,
}

pub fn requirements(
    c: &Ctx,
    d: &Decision,
    rules: &[Rule],
    templates: &[AssessmentTemplate],
    assessments: &[&Assessment],
) -> Vec<Requirement> {
    required_templates(rules, &d.input)
        .into_iter()
        .map(|key| {
            let a = assessments.iter().find(|a| a.template_key == key);
            Requirement {
                name: template_name(c, templates, &key),
                state: RequirementState::of(a.map(|a| a.status)).as_str(),
                href: a.map(|a| format!("/orgs/{}/decisions/{}/assessments/{}", d.org_id, d.id, a.id)),
                key,
            }
        })
        .collect()
}

pub struct DecisionItem {
    pub href: String,
    pub title: String,
    pub body: String,
    pub planned: String,
    pub status: String,
    pub required: Vec<Requirement>,
    /// Required assessments not complete yet, while it is still being prepared.
    pub lacking: bool,
    pub follow_up_due: bool,
}

#[derive(Template)]
#[template(path = "assessment/decisions.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    items: Vec<DecisionItem>,
    lacking: usize,
    can_create: bool,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
}

fn body_options(c: &Ctx) -> Vec<(String, String)> {
    hyte_domain::assessment::DecidingBody::ALL.iter().map(|b| (b.as_str().to_string(), c.code(*b))).collect()
}

fn type_options(c: &Ctx) -> Vec<(String, String)> {
    hyte_domain::assessment::DecisionType::ALL.iter().map(|t| (t.as_str().to_string(), c.code(*t))).collect()
}

pub async fn sector_options(app: &App, c: &Ctx, org_id: i64) -> Result<Vec<(String, String)>, AppError> {
    let mut out = vec![(String::new(), c.t("decision-no-sector"))];
    out.extend(app.store.list_sectors(org_id).await?.iter().map(|s| (s.id.to_string(), c.name(&s.names).to_string())));
    Ok(out)
}

pub async fn decision_fields(
    app: &App,
    c: &Ctx,
    org_id: i64,
    prefix: &str,
    f: &DecisionForm,
    e: &FieldErrors,
) -> Result<Vec<Field>, AppError> {
    Ok(vec![
        Field::new(c, prefix, "title", "field-decision-title", &f.title, e).required(),
        Field::new(c, prefix, "description", "field-decision-description", &f.description, e).kind("textarea"),
        Field::new(c, prefix, "body", "field-decision-body", &f.body, e).select(body_options(c)).required(),
        Field::new(c, prefix, "decision_type", "field-decision-type", &f.decision_type, e)
            .select(type_options(c))
            .required(),
        Field::new(c, prefix, "sector_id", "field-decision-sector", &f.sector_id, e)
            .select(sector_options(app, c, org_id).await?),
        Field::new(c, prefix, "preparer", "field-decision-preparer", &f.preparer, e).required(),
        Field::new(c, prefix, "planned_on", "field-decision-planned", &f.planned_on, e).kind("date").required(),
        Field::new(c, prefix, "euros", "field-decision-euros", &f.euros, e).hint(c.t("field-decision-euros-hint")),
        Field::new(c, prefix, "case_ref", "field-decision-case", &f.case_ref, e).hint(c.t("field-decision-case-hint")),
    ])
}

async fn list_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &DecisionForm,
    e: &FieldErrors,
) -> Result<ListPage, AppError> {
    let decisions = app.store.list_decisions(org.id).await?;
    let rules = app.store.assessment_rules(org.id).await?;
    let templates = app.store.assessment_templates(org.id).await?;
    let assessments = app.store.org_assessments(org.id).await?;
    let today = today();
    let items: Vec<DecisionItem> = decisions
        .iter()
        .map(|d| {
            let mine: Vec<&Assessment> = assessments.iter().filter(|a| a.decision_id == d.id).collect();
            let required = requirements(&c, d, &rules, &templates, &mine);
            DecisionItem {
                href: format!("/orgs/{}/decisions/{}", org.id, d.id),
                title: d.input.title.clone(),
                body: c.code(d.input.body),
                planned: fi_date(d.input.planned_on),
                status: status_label(&c, d.status),
                lacking: d.status.editable() && required.iter().any(|r| r.state != "complete"),
                follow_up_due: d.follow_up_due(today),
                required,
            }
        })
        .collect();
    let fields = decision_fields(app, &c, org.id, "new", f, e).await?;
    Ok(ListPage {
        lacking: items.iter().filter(|i| i.lacking).count(),
        can_create: c.can(org.id, Permission::Edit),
        errors: summary(&fields),
        fields,
        items,
        org,
        c,
    })
}

pub async fn list(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let f = DecisionForm { body: "council".into(), decision_type: "service_network".into(), ..Default::default() };
    render(&list_page(&app, c, org, &f, &FieldErrors::default()).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<DecisionForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    let sectors: Vec<i64> = app.store.list_sectors(id).await?.iter().map(|s| s.id).collect();
    let e = match f.parse_for(&me, &sectors) {
        Ok(input) => {
            let (zero, proposal) = (c.t("alternative-zero"), c.t("alternative-proposal"));
            let d = app.store.create_decision(id, &input, &zero, &proposal, Actor::user(me.user_id)).await?;
            return Ok(see_other(&format!("/orgs/{id}/decisions/{}", d.id)));
        }
        Err(e) => e,
    };
    render_status(refusal::status(&e), &list_page(&app, c, org, &f, &e).await?)
}
