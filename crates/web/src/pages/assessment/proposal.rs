//! A proposal's page: its facts, alternatives, required and started assessments, the workflow
//! (assessed → decided → followed up) and the ex-post check.

use super::decisions::{can_edit, decision_fields, load, require_edit, requirements, status_label, Requirement};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::format::{fi_date, today};
use crate::refusal::{answer, first_error, submit, Failure, Refusal};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::assessment::{
    AlternativeInput, Assessment, Decision, DecisionForm, DecisionOutcome, DecisionStatus, FollowUp,
};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::{Actor, DecisionStep, StoreError};
use serde::Deserialize;

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
#[template(path = "assessment/decision.html")]
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
    evidence: Vec<super::assessments::FollowUpLine>,
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
        (c.t("field-decision-body"), c.code(i.body)),
        (c.t("field-decision-type"), c.code(i.decision_type)),
        (c.t("field-decision-sector"), sector.unwrap_or_else(|| c.t("decision-no-sector"))),
        (c.t("field-decision-preparer"), i.preparer.clone()),
        (c.t("field-decision-planned"), fi_date(i.planned_on)),
        (c.t("field-decision-euros"), i.euros.map(|e| crate::format::fmt_num(c.lang, e as f64, 0)).unwrap_or_default()),
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
        outcome.push((c.t("field-realised"), c.code(f.realised)));
        outcome.push((c.t("field-follow-up-note"), f.note.clone()));
        outcome.push((c.t("decision-followed-up-on"), fi_date(f.on)));
    }
    let follow_up_due = d.follow_up_due(today());
    let evidence = if d.status == DecisionStatus::Decided || d.status == DecisionStatus::FollowedUp {
        super::assessments::follow_up_lines(app, &c, &org, &assessments).await?
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
    let realised =
        hyte_domain::assessment::Realised::ALL.iter().map(|r| (r.as_str().to_string(), c.code(*r))).collect();
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
                status: c.code(a.status),
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
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let d = load(&app, id, did).await?;
    render(&decision_page(&app, c, org, d, Failed::default()).await?)
}

/// The store refusals the proposal's page explains.
fn explains(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::EditConflict
            | ErrorCode::DecisionLocked
            | ErrorCode::AssessmentMissing
            | ErrorCode::StateTransitionInvalid
            | ErrorCode::FollowUpNotDue
            | ErrorCode::NameTaken
            | ErrorCode::AlternativesMissing
            | ErrorCode::RatingsMissing
            | ErrorCode::ChildrenNotHeard
            | ErrorCode::ConclusionMissing
    )
}

/// After a post: back to the proposal (at `anchor`), or its page again with the refusal; `failed`
/// puts what was typed back into its form.
async fn reply<T>(
    app: &App,
    c: Ctx,
    org: Organisation,
    did: i64,
    outcome: Result<T, Failure>,
    anchor: &str,
    failed: impl FnOnce(Refusal) -> Failed,
) -> Result<Response, AppError> {
    let done = format!("/orgs/{}/decisions/{did}{anchor}", org.id);
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            let d = load(app, org.id, did).await?;
            decision_page(app, c, org, d, failed(r)).await
        },
    )
    .await
}

/// Only the alert: the post's form is not on the page.
fn alert(r: Refusal) -> Failed {
    Failed { alert: Some(r.alert.unwrap_or_else(|| first_error(&r.errors))), ..Default::default() }
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, did)): Path<(i64, i64)>,
    Form(f): Form<DecisionForm>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Edit).await?;
    let d = load(&app, id, did).await?;
    let me = require_edit(&c, id, &d)?;
    let sectors: Vec<i64> = app.store.list_sectors(id).await?.iter().map(|s| s.id).collect();
    let outcome = submit(f.parse_for(&me, &sectors), async |input| {
        app.store.update_decision(did, f.version, &input, Actor::user(me.user_id)).await
    })
    .await;
    reply(&app, c, org, did, outcome, "", |r| Failed {
        details: Some((f, r.errors)),
        alert: r.alert,
        ..Default::default()
    })
    .await
}

/// The workflow step the form asks for.
fn step(f: &OutcomeForm, alternatives: &[i64]) -> Result<DecisionStep, Failure> {
    Ok(match f.to.as_str() {
        "assessed" => DecisionStep::Assessed,
        "preparing" => DecisionStep::Preparing,
        "decided" => DecisionStep::Decided(DecisionOutcome::parse(
            &f.decided_on,
            &f.decision_ref,
            &f.chosen_alternative,
            &f.follow_up_on,
            alternatives,
        )?),
        "followed_up" => DecisionStep::FollowedUp(FollowUp::parse(&f.realised, &f.note, today())?),
        _ => return Err(StoreError::Rule(ErrorCode::InvalidInput).into()),
    })
}

pub async fn set_status(
    State(app): State<App>,
    c: Ctx,
    Path((id, did)): Path<(i64, i64)>,
    Form(f): Form<OutcomeForm>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Edit).await?;
    let d = load(&app, id, did).await?;
    let me = require_edit(&c, id, &d)?;
    let alternatives: Vec<i64> = app.store.decision_alternatives(did).await?.iter().map(|a| a.id).collect();
    let step = match step(&f, &alternatives) {
        Ok(s) => Ok(s),
        Err(Failure::Store(_)) => return Err(AppError::new(ErrorCode::InvalidInput)),
        Err(e) => Err(e),
    };
    let outcome = match step {
        Ok(step) => app
            .store
            .set_decision_status(did, f.version, &step, today(), Actor::user(me.user_id))
            .await
            .map_err(Failure::from),
        Err(e) => Err(e),
    };
    reply(&app, c, org, did, outcome, "", |r| Failed {
        outcome: Some((f, r.errors)),
        alert: r.alert,
        ..Default::default()
    })
    .await
}

pub async fn add_alternative(
    State(app): State<App>,
    c: Ctx,
    Path((id, did)): Path<(i64, i64)>,
    Form(f): Form<AlternativeForm>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Edit).await?;
    let d = load(&app, id, did).await?;
    let me = require_edit(&c, id, &d)?;
    let outcome = submit(AlternativeInput::parse(&f.name, &f.description), async |input| {
        app.store.add_alternative(did, &input, Actor::user(me.user_id)).await
    })
    .await;
    reply(&app, c, org, did, outcome, "#alternatives", |r| match r.alert {
        Some(_) => alert(r),
        None => Failed { alternative: Some((f, r.errors)), ..Default::default() },
    })
    .await
}

pub async fn update_alternative(
    State(app): State<App>,
    c: Ctx,
    Path((id, did, aid)): Path<(i64, i64, i64)>,
    Form(f): Form<AlternativeForm>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Edit).await?;
    let d = load(&app, id, did).await?;
    let me = require_edit(&c, id, &d)?;
    let outcome = submit(AlternativeInput::parse(&f.name, &f.description), async |input| {
        app.store.update_alternative(did, aid, f.version, &input, Actor::user(me.user_id)).await
    })
    .await;
    // The alternatives are edited in a list: the refusal is an alert above it.
    reply(&app, c, org, did, outcome, "#alternatives", alert).await
}

pub async fn delete_alternative(
    State(app): State<App>,
    c: Ctx,
    Path((id, did, aid)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Edit).await?;
    let d = load(&app, id, did).await?;
    let me = require_edit(&c, id, &d)?;
    let outcome = app.store.delete_alternative(did, aid, Actor::user(me.user_id)).await.map_err(Failure::from);
    reply(&app, c, org, did, outcome, "#alternatives", alert).await
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
    let (org, _) = c.org(&app, id, Permission::Edit).await?;
    let d = load(&app, id, did).await?;
    let me = require_edit(&c, id, &d)?;
    match app.store.start_assessment(did, f.template_id, Actor::user(me.user_id)).await {
        Ok(a) => Ok(see_other(&format!("/orgs/{id}/decisions/{did}/assessments/{}", a.id))),
        Err(e) => reply::<()>(&app, c, org, did, Err(e.into()), "", alert).await,
    }
}
