//! The decisions register (impact assessment, Act 612/2021 §6–7): proposals, which of them the
//! rules say need an assessment, the proposal page with its alternatives, assessments, workflow
//! (assessed → decided → followed up) and the ex-post check.

use super::form::{summary, Field};
use super::org::visible_org;
use super::{render, render_status, see_other};
use crate::ctx::Ctx;
use crate::error::{status_of, AppError};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::assessment::{
    required_templates, AlternativeInput, Assessment, AssessmentStatus, Decision, DecisionForm, DecisionOutcome,
    DecisionStatus, FollowUp, Rule, Template as AssessmentTemplate,
};
use hyte_domain::{ErrorCode, FieldErrors, Membership, Organisation, Permission};
use hyte_store::{Actor, DecisionStep, StoreError};
use serde::Deserialize;

/// Today, for due dates.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// A date as Finns write it: 15.3.2027.
pub fn fi_date(d: chrono::NaiveDate) -> String {
    d.format("%-d.%-m.%Y").to_string()
}

/// The decision `did` of the organisation `org_id`, or `not_found`.
pub async fn load(app: &App, org_id: i64, did: i64) -> Result<Decision, AppError> {
    let d = app.store.get_decision(did).await?.filter(|d| d.org_id == org_id);
    d.ok_or(AppError::new(ErrorCode::NotFound))
}

/// Whether the viewer may prepare `d`: coordinators, and editors (of its sector, when they have one).
pub fn can_edit(c: &Ctx, org_id: i64, d: &Decision) -> bool {
    match c.membership(org_id) {
        Some(me) if me.role.can(Permission::Coordinate) => true,
        Some(me) if me.role.can(Permission::Edit) => me.sector_id.is_none() || me.sector_id == d.input.sector_id,
        _ => false,
    }
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
    c.t(&format!("decision-status-{}", s.as_str()))
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
                state: match a.map(|a| a.status) {
                    None => "missing",
                    Some(AssessmentStatus::Draft) => "draft",
                    Some(AssessmentStatus::Complete) => "complete",
                },
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
#[template(path = "decisions.html")]
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
    hyte_domain::assessment::DecidingBody::ALL
        .iter()
        .map(|b| (b.as_str().to_string(), c.t(&format!("decision-body-{}", b.as_str()))))
        .collect()
}

fn type_options(c: &Ctx) -> Vec<(String, String)> {
    hyte_domain::assessment::DecisionType::ALL
        .iter()
        .map(|t| (t.as_str().to_string(), c.t(&format!("decision-type-{}", t.as_str()))))
        .collect()
}

pub async fn sector_options(app: &App, c: &Ctx, org_id: i64) -> Result<Vec<(String, String)>, AppError> {
    let mut out = vec![(String::new(), c.t("decision-no-sector"))];
    out.extend(app.store.list_sectors(org_id).await?.iter().map(|s| (s.id.to_string(), c.name(&s.names).to_string())));
    Ok(out)
}

async fn decision_fields(
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
                body: c.t(&format!("decision-body-{}", d.input.body.as_str())),
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
    let (org, _) = visible_org(&app, &c, id, Permission::View).await?;
    let f = DecisionForm { body: "council".into(), decision_type: "service_network".into(), ..Default::default() };
    render(&list_page(&app, c, org, &f, &FieldErrors::default()).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<DecisionForm>,
) -> Result<Response, AppError> {
    let (org, me) = visible_org(&app, &c, id, Permission::Edit).await?;
    let sectors: Vec<i64> = app.store.list_sectors(id).await?.iter().map(|s| s.id).collect();
    let e = match f.parse(&sectors) {
        Ok(input) => {
            // An editor of one sector prepares that sector's proposals.
            if !me.role.can(Permission::Coordinate) && me.sector_id.is_some() && me.sector_id != input.sector_id {
                ErrorCode::SectorInvalid.on("sector_id")
            } else {
                let (zero, proposal) = (c.t("alternative-zero"), c.t("alternative-proposal"));
                let d = app.store.create_decision(id, &input, &zero, &proposal, Actor::user(me.user_id)).await?;
                return Ok(see_other(&format!("/orgs/{id}/decisions/{}", d.id)));
            }
        }
        Err(e) => e,
    };
    render_status(status_of(e.0[0].code), &list_page(&app, c, org, &f, &e).await?)
}

// ---- the proposal's page ----------------------------------------------------------------------

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OutcomeForm {
    to: String,
    version: i64,
    decided_on: String,
    decision_ref: String,
    chosen_alternative: String,
    follow_up_on: String,
    realised: String,
    note: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AlternativeForm {
    name: String,
    description: String,
    version: i64,
}

/// What a re-rendered page shows of a failed post.
#[derive(Default)]
struct Failed {
    details: Option<(DecisionForm, FieldErrors)>,
    outcome: Option<(OutcomeForm, FieldErrors)>,
    alternative: Option<(AlternativeForm, FieldErrors)>,
    alert: Option<ErrorCode>,
}

pub struct AlternativeView {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub is_zero: bool,
    pub version: i64,
}

pub struct AssessmentItem {
    pub href: String,
    pub name: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "decision.html")]
struct DecisionPage {
    c: Ctx,
    org: Organisation,
    d: Decision,
    facts: Vec<(String, String)>,
    case_href: Option<String>,
    status: String,
    can_edit: bool,
    editable: bool,
    required: Vec<Requirement>,
    assessments: Vec<AssessmentItem>,
    /// Templates not used yet: (id, name).
    startable: Vec<(i64, String)>,
    alternatives: Vec<AlternativeView>,
    outcome: Vec<(String, String)>,
    follow_up_due: bool,
    /// The cited indicators: then and now.
    evidence: Vec<super::assessment::FollowUpLine>,
    detail_fields: Vec<Field>,
    outcome_fields: Vec<Field>,
    follow_fields: Vec<Field>,
    alt_fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

async fn decision_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    d: Decision,
    failed: Failed,
) -> Result<DecisionPage, AppError> {
    let rules = app.store.assessment_rules(org.id).await?;
    let templates = app.store.assessment_templates(org.id).await?;
    let assessments = app.store.decision_assessments(d.id).await?;
    let alternatives = app.store.decision_alternatives(d.id).await?;
    let sectors = app.store.list_sectors(org.id).await?;
    let refs: Vec<&Assessment> = assessments.iter().collect();
    let required = requirements(&c, &d, &rules, &templates, &refs);
    let i = &d.input;
    let sector = i.sector_id.and_then(|s| sectors.iter().find(|x| x.id == s)).map(|s| c.name(&s.names).to_string());
    let facts = vec![
        (c.t("field-decision-body"), c.t(&format!("decision-body-{}", i.body.as_str()))),
        (c.t("field-decision-type"), c.t(&format!("decision-type-{}", i.decision_type.as_str()))),
        (c.t("field-decision-sector"), sector.unwrap_or_else(|| c.t("decision-no-sector"))),
        (c.t("field-decision-preparer"), i.preparer.clone()),
        (c.t("field-decision-planned"), fi_date(i.planned_on)),
        (
            c.t("field-decision-euros"),
            i.euros.map(|e| super::indicators::fmt_num(c.lang, e as f64, 0)).unwrap_or_default(),
        ),
    ];
    let case_href = i.case_ref.clone().filter(|r| r.starts_with("https://") || r.starts_with("http://"));
    let alt_name = |id: Option<i64>| {
        id.and_then(|id| alternatives.iter().find(|a| a.id == id)).map(|a| a.name.clone()).unwrap_or_default()
    };
    let mut outcome = vec![];
    if let Some(o) = &d.outcome {
        outcome.push((c.t("field-decided-on"), fi_date(o.decided_on)));
        outcome.push((c.t("field-decision-ref"), o.decision_ref.clone()));
        outcome.push((c.t("field-chosen-alternative"), alt_name(o.chosen_alternative)));
        outcome.push((c.t("field-follow-up-on"), o.follow_up_on.map(fi_date).unwrap_or_default()));
    }
    if let Some(f) = &d.follow_up {
        outcome.push((c.t("field-realised"), c.t(&format!("realised-{}", f.realised.as_str()))));
        outcome.push((c.t("field-follow-up-note"), f.note.clone()));
        outcome.push((c.t("decision-followed-up-on"), fi_date(f.on)));
    }
    let follow_up_due = d.follow_up_due(today());
    let evidence = if d.status == DecisionStatus::Decided || d.status == DecisionStatus::FollowedUp {
        super::assessment::follow_up_lines(app, &c, &org, &assessments).await?
    } else {
        vec![]
    };
    let base = format!("/orgs/{}/decisions/{}", org.id, d.id);
    let empty = FieldErrors::default();
    let (df, de) = failed.details.unwrap_or_else(|| (DecisionForm::from_input(&d.input, d.version), empty.clone()));
    let detail_fields = decision_fields(app, &c, org.id, "edit", &df, &de).await?;
    let (of, oe) = failed.outcome.unwrap_or_default();
    let mut alt_choices = vec![(String::new(), c.t("decision-no-choice"))];
    alt_choices.extend(alternatives.iter().map(|a| (a.id.to_string(), a.name.clone())));
    let outcome_fields = vec![
        Field::new(&c, "decide", "decided_on", "field-decided-on", &of.decided_on, &oe).kind("date").required(),
        Field::new(&c, "decide", "decision_ref", "field-decision-ref", &of.decision_ref, &oe)
            .required()
            .hint(c.t("field-decision-ref-hint")),
        Field::new(&c, "decide", "chosen_alternative", "field-chosen-alternative", &of.chosen_alternative, &oe)
            .select(alt_choices),
        Field::new(&c, "decide", "follow_up_on", "field-follow-up-on", &of.follow_up_on, &oe)
            .kind("date")
            .hint(c.t("field-follow-up-on-hint")),
    ];
    let realised = hyte_domain::assessment::Realised::ALL
        .iter()
        .map(|r| (r.as_str().to_string(), c.t(&format!("realised-{}", r.as_str()))))
        .collect();
    let follow_fields = vec![
        Field::new(&c, "follow", "realised", "field-realised", &of.realised, &oe).select(realised).required(),
        Field::new(&c, "follow", "note", "field-follow-up-note", &of.note, &oe).kind("textarea").required(),
    ];
    let (af, ae) = failed.alternative.unwrap_or_default();
    let alt_fields = vec![
        Field::new(&c, "alt", "name", "field-alternative-name", &af.name, &ae).required(),
        Field::new(&c, "alt", "description", "field-alternative-description", &af.description, &ae),
    ];
    let mut errors = summary(&detail_fields);
    errors.extend(summary(&outcome_fields));
    errors.extend(summary(&follow_fields));
    errors.extend(summary(&alt_fields));
    Ok(DecisionPage {
        facts,
        case_href,
        status: status_label(&c, d.status),
        can_edit: can_edit(&c, org.id, &d),
        editable: d.status.editable(),
        assessments: assessments
            .iter()
            .map(|a| AssessmentItem {
                href: format!("{base}/assessments/{}", a.id),
                name: c.name(&a.def.names).to_string(),
                status: c.t(&format!("assessment-status-{}", a.status.as_str())),
            })
            .collect(),
        startable: templates
            .iter()
            .filter(|t| !assessments.iter().any(|a| a.template_key == t.key))
            .map(|t| (t.id, c.name(&t.def.names).to_string()))
            .collect(),
        alternatives: alternatives
            .iter()
            .map(|a| AlternativeView {
                id: a.id,
                name: a.name.clone(),
                description: a.description.clone().unwrap_or_default(),
                is_zero: a.is_zero,
                version: a.version,
            })
            .collect(),
        required,
        outcome,
        follow_up_due,
        evidence,
        detail_fields,
        outcome_fields,
        follow_fields,
        alt_fields,
        errors,
        alert: failed.alert.map(|a| c.err(a)),
        org,
        d,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, did)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = visible_org(&app, &c, id, Permission::View).await?;
    let d = load(&app, id, did).await?;
    render(&decision_page(&app, c, org, d, Failed::default()).await?)
}

/// Re-renders the proposal's page after a refused post: the current state, the typed values, the error.
async fn refused(
    app: &App,
    c: Ctx,
    org: Organisation,
    did: i64,
    failed: Failed,
    code: ErrorCode,
) -> Result<Response, AppError> {
    let d = load(app, org.id, did).await?;
    render_status(status_of(code), &decision_page(app, c, org, d, failed).await?)
}

/// A store refusal that the page explains (conflicts, locks, missing assessments), or the error.
fn explained(e: StoreError) -> Result<ErrorCode, AppError> {
    match e {
        StoreError::Rule(
            code @ (ErrorCode::EditConflict
            | ErrorCode::DecisionLocked
            | ErrorCode::AssessmentMissing
            | ErrorCode::StateTransitionInvalid
            | ErrorCode::FollowUpNotDue
            | ErrorCode::NameTaken
            | ErrorCode::AlternativesMissing
            | ErrorCode::RatingsMissing
            | ErrorCode::ChildrenNotHeard
            | ErrorCode::ConclusionMissing),
        ) => Ok(code),
        e => Err(e.into()),
    }
}

/// After a write: back to the proposal (at `anchor`), or its page explaining the refusal.
async fn answer<T>(
    app: &App,
    c: Ctx,
    org: Organisation,
    did: i64,
    result: Result<T, StoreError>,
    anchor: &str,
) -> Result<Response, AppError> {
    match result {
        Ok(_) => Ok(see_other(&format!("/orgs/{}/decisions/{did}{anchor}", org.id))),
        Err(e) => {
            let code = explained(e)?;
            refused(app, c, org, did, Failed { alert: Some(code), ..Default::default() }, code).await
        }
    }
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, did)): Path<(i64, i64)>,
    Form(f): Form<DecisionForm>,
) -> Result<Response, AppError> {
    let (org, _) = visible_org(&app, &c, id, Permission::Edit).await?;
    let d = load(&app, id, did).await?;
    let me = require_edit(&c, id, &d)?;
    let sectors: Vec<i64> = app.store.list_sectors(id).await?.iter().map(|s| s.id).collect();
    let e = match f.parse(&sectors) {
        Ok(input) => match app.store.update_decision(did, f.version, &input, Actor::user(me.user_id)).await {
            Ok(_) => return Ok(see_other(&format!("/orgs/{id}/decisions/{did}"))),
            Err(e) => {
                let code = explained(e)?;
                let failed =
                    Failed { details: Some((f, FieldErrors::default())), alert: Some(code), ..Default::default() };
                return refused(&app, c, org, did, failed, code).await;
            }
        },
        Err(e) => e,
    };
    let code = e.0[0].code;
    refused(&app, c, org, did, Failed { details: Some((f, e)), ..Default::default() }, code).await
}

pub async fn set_status(
    State(app): State<App>,
    c: Ctx,
    Path((id, did)): Path<(i64, i64)>,
    Form(f): Form<OutcomeForm>,
) -> Result<Response, AppError> {
    let (org, _) = visible_org(&app, &c, id, Permission::Edit).await?;
    let d = load(&app, id, did).await?;
    let me = require_edit(&c, id, &d)?;
    let alternatives: Vec<i64> = app.store.decision_alternatives(did).await?.iter().map(|a| a.id).collect();
    let step = match f.to.as_str() {
        "assessed" => DecisionStep::Assessed,
        "preparing" => DecisionStep::Preparing,
        "decided" => {
            match DecisionOutcome::parse(
                &f.decided_on,
                &f.decision_ref,
                &f.chosen_alternative,
                &f.follow_up_on,
                &alternatives,
            ) {
                Ok(o) => DecisionStep::Decided(o),
                Err(e) => {
                    let code = e.0[0].code;
                    return refused(&app, c, org, did, Failed { outcome: Some((f, e)), ..Default::default() }, code)
                        .await;
                }
            }
        }
        "followed_up" => match FollowUp::parse(&f.realised, &f.note, today()) {
            Ok(u) => DecisionStep::FollowedUp(u),
            Err(e) => {
                let code = e.0[0].code;
                return refused(&app, c, org, did, Failed { outcome: Some((f, e)), ..Default::default() }, code).await;
            }
        },
        _ => return Err(AppError::new(ErrorCode::InvalidInput)),
    };
    match app.store.set_decision_status(did, f.version, &step, today(), Actor::user(me.user_id)).await {
        Ok(_) => Ok(see_other(&format!("/orgs/{id}/decisions/{did}"))),
        Err(e) => {
            let code = explained(e)?;
            let failed = Failed { outcome: Some((f, FieldErrors::default())), alert: Some(code), ..Default::default() };
            refused(&app, c, org, did, failed, code).await
        }
    }
}

pub async fn add_alternative(
    State(app): State<App>,
    c: Ctx,
    Path((id, did)): Path<(i64, i64)>,
    Form(f): Form<AlternativeForm>,
) -> Result<Response, AppError> {
    let (org, _) = visible_org(&app, &c, id, Permission::Edit).await?;
    let d = load(&app, id, did).await?;
    let me = require_edit(&c, id, &d)?;
    let e = match AlternativeInput::parse(&f.name, &f.description) {
        Ok(input) => {
            let result = app.store.add_alternative(did, &input, Actor::user(me.user_id)).await;
            return answer(&app, c, org, did, result, "#alternatives").await;
        }
        Err(e) => e,
    };
    let code = e.0[0].code;
    refused(&app, c, org, did, Failed { alternative: Some((f, e)), ..Default::default() }, code).await
}

pub async fn update_alternative(
    State(app): State<App>,
    c: Ctx,
    Path((id, did, aid)): Path<(i64, i64, i64)>,
    Form(f): Form<AlternativeForm>,
) -> Result<Response, AppError> {
    let (org, _) = visible_org(&app, &c, id, Permission::Edit).await?;
    let d = load(&app, id, did).await?;
    let me = require_edit(&c, id, &d)?;
    let result = match AlternativeInput::parse(&f.name, &f.description) {
        Ok(input) => app.store.update_alternative(did, aid, f.version, &input, Actor::user(me.user_id)).await,
        Err(e) => Err(StoreError::Rule(e.0[0].code)),
    };
    match result {
        Err(StoreError::Rule(code @ (ErrorCode::Required | ErrorCode::TooLong))) => {
            refused(&app, c, org, did, Failed { alert: Some(code), ..Default::default() }, code).await
        }
        result => answer(&app, c, org, did, result, "#alternatives").await,
    }
}

pub async fn delete_alternative(
    State(app): State<App>,
    c: Ctx,
    Path((id, did, aid)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _) = visible_org(&app, &c, id, Permission::Edit).await?;
    let d = load(&app, id, did).await?;
    let me = require_edit(&c, id, &d)?;
    let result = app.store.delete_alternative(did, aid, Actor::user(me.user_id)).await;
    answer(&app, c, org, did, result, "#alternatives").await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StartForm {
    template_id: i64,
}

pub async fn start_assessment(
    State(app): State<App>,
    c: Ctx,
    Path((id, did)): Path<(i64, i64)>,
    Form(f): Form<StartForm>,
) -> Result<Response, AppError> {
    let (org, _) = visible_org(&app, &c, id, Permission::Edit).await?;
    let d = load(&app, id, did).await?;
    let me = require_edit(&c, id, &d)?;
    match app.store.start_assessment(did, f.template_id, Actor::user(me.user_id)).await {
        Ok(a) => Ok(see_other(&format!("/orgs/{id}/decisions/{did}/assessments/{}", a.id))),
        Err(e) => answer::<()>(&app, c, org, did, Err(e), "").await,
    }
}
