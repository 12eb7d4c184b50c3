//! An organisation's impact-assessment settings: its templates (impact areas × population
//! groups, the scale, children's hearing) and its rules for which proposals need which template.

use super::decisions::sector_options;
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
use hyte_domain::assessment::{
    template_key, DecidingBody, DecisionType, RuleInput, Template as AssessmentTemplate, TemplateForm,
};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::{Actor, StoreError};
use serde::Deserialize;

pub struct TemplateItem {
    pub href: String,
    pub name: String,
    pub areas: usize,
    pub groups: usize,
    pub scale: String,
    pub child_hearing: bool,
}

pub struct RuleItem {
    pub id: i64,
    pub template: String,
    pub conditions: String,
}

#[derive(Template)]
#[template(path = "assessment/assessment_settings.html")]
struct SettingsPage {
    c: Ctx,
    org: Organisation,
    templates: Vec<TemplateItem>,
    rules: Vec<RuleItem>,
    can_edit: bool,
    rule_fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RuleForm {
    template_key: String,
    body: String,
    decision_type: String,
    sector_id: String,
    min_euros: String,
}

fn any_option(c: &Ctx) -> (String, String) {
    (String::new(), c.t("rule-any"))
}

async fn settings_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &RuleForm,
    e: &FieldErrors,
) -> Result<SettingsPage, AppError> {
    let templates = app.store.assessment_templates(org.id).await?;
    let rules = app.store.assessment_rules(org.id).await?;
    let sectors = app.store.list_sectors(org.id).await?;
    let rules = rules
        .iter()
        .map(|r| {
            let i = &r.input;
            let mut parts = vec![];
            if let Some(b) = i.body {
                parts.push(format!("{}: {}", c.t("field-decision-body"), c.code(b)));
            }
            if let Some(t) = i.decision_type {
                parts.push(format!("{}: {}", c.t("field-decision-type"), c.code(t)));
            }
            if let Some(s) = i.sector_id.and_then(|s| sectors.iter().find(|x| x.id == s)) {
                parts.push(format!("{}: {}", c.t("field-decision-sector"), c.name(&s.names)));
            }
            if let Some(m) = i.min_euros {
                parts.push(c.t1("rule-min-euros", "euros", crate::format::fmt_num(c.lang, m as f64, 0)));
            }
            RuleItem {
                id: r.id,
                template: super::decisions::template_name(&c, &templates, &i.template_key),
                conditions: parts.join("; "),
            }
        })
        .collect();
    let mut template_choices = vec![];
    template_choices.extend(templates.iter().map(|t| (t.key.clone(), c.name(&t.def.names).to_string())));
    let mut bodies = vec![any_option(&c)];
    bodies.extend(DecidingBody::ALL.iter().map(|b| (b.as_str().into(), c.code(*b))));
    let mut types = vec![any_option(&c)];
    types.extend(DecisionType::ALL.iter().map(|t| (t.as_str().into(), c.code(*t))));
    let mut sector_choices = sector_options(app, &c, org.id).await?;
    if let Some(first) = sector_choices.first_mut() {
        *first = any_option(&c);
    }
    let rule_fields = vec![
        Field::new(&c, "rule", "template_key", "field-rule-template", &f.template_key, e)
            .select(template_choices)
            .required(),
        Field::new(&c, "rule", "body", "field-decision-body", &f.body, e).select(bodies),
        Field::new(&c, "rule", "decision_type", "field-decision-type", &f.decision_type, e).select(types),
        Field::new(&c, "rule", "sector_id", "field-decision-sector", &f.sector_id, e).select(sector_choices),
        Field::new(&c, "rule", "min_euros", "field-rule-min-euros", &f.min_euros, e),
    ];
    Ok(SettingsPage {
        templates: templates
            .iter()
            .map(|t| TemplateItem {
                href: format!("/orgs/{}/assessment-settings/templates/{}", org.id, t.id),
                name: c.name(&t.def.names).to_string(),
                areas: t.def.areas.len(),
                groups: t.def.groups.len(),
                scale: format!("{}…{}", crate::format::signed(t.def.scale.min), crate::format::signed(t.def.scale.max)),
                child_hearing: t.def.child_hearing,
            })
            .collect(),
        rules,
        can_edit: c.can(org.id, Permission::Coordinate),
        errors: summary(&rule_fields),
        rule_fields,
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    render(&settings_page(&app, c, org, &RuleForm::default(), &FieldErrors::default()).await?)
}

pub async fn add_rule(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<RuleForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let keys: Vec<String> = app.store.assessment_templates(id).await?.into_iter().map(|t| t.key).collect();
    let sectors: Vec<i64> = app.store.list_sectors(id).await?.iter().map(|s| s.id).collect();
    let e =
        match RuleInput::parse(&f.template_key, &f.body, &f.decision_type, &f.sector_id, &f.min_euros, &keys, &sectors)
        {
            Ok(r) => {
                app.store.add_rule(id, &r, Actor::user(me.user_id)).await?;
                return Ok(see_other(&format!("/orgs/{id}/assessment-settings#rules")));
            }
            Err(e) => e,
        };
    render_status(refusal::status(&e), &settings_page(&app, c, org, &f, &e).await?)
}

pub async fn delete_rule(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (_, me) = c.org(&app, id, Permission::Coordinate).await?;
    app.store.delete_rule(id, rid, Actor::user(me.user_id)).await?;
    Ok(see_other(&format!("/orgs/{id}/assessment-settings#rules")))
}

// ---- the template editor ----------------------------------------------------------------------

#[derive(Template)]
#[template(path = "assessment/template_edit.html")]
struct EditPage {
    c: Ctx,
    org: Organisation,
    /// None for a new template.
    template: Option<AssessmentTemplate>,
    action: String,
    fields: Vec<Field>,
    child_hearing: bool,
    version: i64,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

fn edit_page(
    c: Ctx,
    org: Organisation,
    template: Option<AssessmentTemplate>,
    f: &TemplateForm,
    errs: &[(&'static str, ErrorCode, Option<usize>)],
    alert: Option<ErrorCode>,
) -> EditPage {
    let mut e = FieldErrors::default();
    for (field, code, _) in errs {
        if e.get(field).is_none() {
            e.add(field, *code);
        }
    }
    let mut fields = vec![
        Field::new(&c, "template", "name_fi", "field-template-name-fi", &f.name_fi, &e).required(),
        Field::new(&c, "template", "name_sv", "field-template-name-sv", &f.name_sv, &e),
        Field::new(&c, "template", "name_en", "field-template-name-en", &f.name_en, &e),
        Field::new(&c, "template", "areas", "field-template-areas", &f.areas, &e)
            .kind("textarea")
            .required()
            .hint(c.t("field-template-areas-hint")),
        Field::new(&c, "template", "groups", "field-template-groups", &f.groups, &e)
            .kind("textarea")
            .required()
            .hint(c.t("field-template-groups-hint")),
        Field::new(&c, "template", "scale_min", "field-template-scale-min", &f.scale_min, &e).kind("number").required(),
        Field::new(&c, "template", "scale_max", "field-template-scale-max", &f.scale_max, &e).kind("number").required(),
    ];
    // The line a list's error is on.
    for field in fields.iter_mut() {
        if let Some((_, _, Some(line))) = errs.iter().find(|(n, _, l)| *n == field.name && l.is_some()) {
            if let Some(msg) = field.error.as_mut() {
                *msg = c.t2("error-on-line", "line", line, "message", msg.clone());
            }
        }
    }
    let action = match &template {
        Some(t) => format!("/orgs/{}/assessment-settings/templates/{}", org.id, t.id),
        None => format!("/orgs/{}/assessment-settings/templates", org.id),
    };
    EditPage {
        errors: summary(&fields),
        fields,
        child_hearing: !f.child_hearing.is_empty(),
        version: f.version,
        alert: alert.map(|a| c.err(a)),
        action,
        template,
        org,
        c,
    }
}

async fn template_of(app: &App, org_id: i64, tid: i64) -> Result<AssessmentTemplate, AppError> {
    let t = app.store.assessment_templates(org_id).await?.into_iter().find(|t| t.id == tid);
    t.ok_or(AppError::new(ErrorCode::NotFound))
}

pub async fn new_form(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Coordinate).await?;
    let f = TemplateForm { scale_min: "-2".into(), scale_max: "2".into(), ..Default::default() };
    render(&edit_page(c, org, None, &f, &[], None))
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<TemplateForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let errs = match f.parse() {
        Ok(def) => {
            match app.store.create_template(id, &template_key(&def.names.fi), &def, Actor::user(me.user_id)).await {
                Ok(t) => return Ok(see_other(&format!("/orgs/{id}/assessment-settings/templates/{}", t.id))),
                Err(StoreError::Rule(ErrorCode::NameTaken)) => vec![("name_fi", ErrorCode::NameTaken, None)],
                Err(e) => return Err(e.into()),
            }
        }
        Err(errs) => errs,
    };
    render_status(status_of(first_code(&errs)), &edit_page(c, org, None, &f, &errs, None))
}

pub async fn edit(State(app): State<App>, c: Ctx, Path((id, tid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Coordinate).await?;
    let t = template_of(&app, id, tid).await?;
    let f = TemplateForm::from_def(&t.def, t.version);
    render(&edit_page(c, org, Some(t), &f, &[], None))
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, tid)): Path<(i64, i64)>,
    Form(f): Form<TemplateForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let t = template_of(&app, id, tid).await?;
    let errs = match f.parse() {
        Ok(def) => match app.store.update_template(id, tid, f.version, &def, Actor::user(me.user_id)).await {
            Ok(_) => return Ok(see_other(&format!("/orgs/{id}/assessment-settings"))),
            Err(StoreError::Rule(ErrorCode::EditConflict)) => {
                // Show the current template; keep the typed text in the form.
                let f = TemplateForm { version: t.version, ..f };
                let page = edit_page(c, org, Some(t), &f, &[], Some(ErrorCode::EditConflict));
                return render_status(status_of(ErrorCode::EditConflict), &page);
            }
            Err(e) => return Err(e.into()),
        },
        Err(errs) => errs,
    };
    render_status(status_of(first_code(&errs)), &edit_page(c, org, Some(t), &f, &errs, None))
}

/// The code of a template form's first error.
fn first_code(errs: &[(&str, ErrorCode, Option<usize>)]) -> ErrorCode {
    errs.first().map(|e| e.1).unwrap_or(ErrorCode::InvalidInput)
}
