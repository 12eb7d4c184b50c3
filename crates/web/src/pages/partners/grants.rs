//! Grants to NGOs (`/orgs/{id}/grants`): a municipality's or region's coordinators open calls and
//! decide the applications; the members of an NGO apply to open calls and report how a grant was
//! used. Each organisation sees the call from its own side at `/orgs/{id}/grants/{call}`.

use super::{explains, org_name, orgs_by_id, status_label};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::format::euros;
use crate::format::{fi_date, today};
use crate::refusal::{self, answer, submit, Failure, Refusal};
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::partners::{
    ApplicationInput, ApplicationStatus, CallForm, GrantApplication, GrantCall, GrantDecision, UseReport,
};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;
use serde::Deserialize;
use std::collections::HashMap;

pub struct CallRow {
    pub href: String,
    pub title: String,
    pub owner: String,
    pub year: i32,
    pub total: String,
    pub deadline: String,
    pub open: bool,
    pub applications: usize,
}

pub struct ApplicationRow {
    pub id: i64,
    pub call_href: String,
    pub call_title: String,
    pub applicant: String,
    pub purpose: String,
    pub applied: String,
    pub applied_on: String,
    pub status: String,
    pub granted: String,
    pub decision: String,
    pub report: String,
    pub version: i64,
    /// The decision form (granting side, still applied) or the report form (applicant, granted).
    pub form: Vec<Field>,
}

fn call_fields(c: &Ctx, prefix: &str, f: &CallForm, e: &FieldErrors) -> Vec<Field> {
    vec![
        Field::new(c, prefix, "title", "field-call-title", &f.title, e).required(),
        Field::new(c, prefix, "description", "field-call-description", &f.description, e).kind("textarea"),
        Field::new(c, prefix, "year", "field-call-year", &f.year, e).kind("number").required(),
        Field::new(c, prefix, "total_euros", "field-call-total", &f.total_euros, e).required(),
        Field::new(c, prefix, "deadline", "field-call-deadline", &f.deadline, e).kind("date").required(),
    ]
}

fn call_row(c: &Ctx, k: &GrantCall, viewer: i64, orgs: &HashMap<i64, Organisation>, n: usize) -> CallRow {
    CallRow {
        href: format!("/orgs/{viewer}/grants/{}", k.id),
        title: k.input.title.clone(),
        owner: org_name(c, orgs, k.org_id),
        year: k.input.year,
        total: euros(c.lang, k.input.total_euros),
        deadline: fi_date(k.input.deadline),
        open: k.is_open(today()),
        applications: n,
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct DecideForm {
    outcome: String,
    euros_granted: String,
    decided_on: String,
    decision_ref: String,
    version: i64,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ReportForm {
    report_text: String,
    euros_used: String,
    version: i64,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ApplyForm {
    purpose: String,
    euros_applied: String,
}

/// What a re-rendered page shows of a failed post.
#[derive(Default)]
struct Failed {
    call: Option<(CallForm, FieldErrors)>,
    apply: Option<(ApplyForm, FieldErrors)>,
    decide: Option<(i64, DecideForm, FieldErrors)>,
    report: Option<(i64, ReportForm, FieldErrors)>,
    alert: Option<ErrorCode>,
}

fn application_row(
    c: &Ctx,
    a: &GrantApplication,
    call: &GrantCall,
    viewer: i64,
    orgs: &HashMap<i64, Organisation>,
    failed: &Failed,
) -> ApplicationRow {
    let prefix = format!("app-{}", a.id);
    let mut form = vec![];
    if call.org_id == viewer && a.status == ApplicationStatus::Applied && c.can(viewer, Permission::Coordinate) {
        let (f, e) = match &failed.decide {
            Some((id, f, e)) if *id == a.id => (f.clone(), e.clone()),
            _ => (
                DecideForm {
                    outcome: "granted".into(),
                    euros_granted: a.input.euros_applied.to_string(),
                    ..Default::default()
                },
                FieldErrors::default(),
            ),
        };
        let outcomes = vec![
            ("granted".to_string(), c.t("application-status-granted")),
            ("rejected".to_string(), c.t("application-status-rejected")),
        ];
        form = vec![
            Field::new(c, &prefix, "outcome", "field-grant-outcome", &f.outcome, &e).select(outcomes).required(),
            Field::new(c, &prefix, "euros_granted", "field-grant-euros", &f.euros_granted, &e)
                .hint(c.t("field-grant-euros-hint")),
            Field::new(c, &prefix, "decided_on", "field-decided-on", &f.decided_on, &e).kind("date").required(),
            Field::new(c, &prefix, "decision_ref", "field-decision-ref", &f.decision_ref, &e).required(),
        ];
    } else if a.applicant_org_id == viewer && a.status == ApplicationStatus::Granted && c.can(viewer, Permission::Edit)
    {
        let (f, e) = match &failed.report {
            Some((id, f, e)) if *id == a.id => (f.clone(), e.clone()),
            _ => (ReportForm::default(), FieldErrors::default()),
        };
        form = vec![
            Field::new(c, &prefix, "report_text", "field-report-text", &f.report_text, &e).kind("textarea").required(),
            Field::new(c, &prefix, "euros_used", "field-report-euros", &f.euros_used, &e),
        ];
    }
    ApplicationRow {
        id: a.id,
        call_href: format!("/orgs/{viewer}/grants/{}", call.id),
        call_title: call.input.title.clone(),
        applicant: org_name(c, orgs, a.applicant_org_id),
        purpose: a.input.purpose.clone(),
        applied: euros(c.lang, a.input.euros_applied),
        applied_on: fi_date(a.applied_on),
        status: status_label(c, a.status),
        granted: a.decision.as_ref().and_then(|d| d.euros_granted).map(|e| euros(c.lang, e)).unwrap_or_default(),
        decision: a
            .decision
            .as_ref()
            .map(|d| format!("{} ({})", d.decision_ref, fi_date(d.decided_on)))
            .unwrap_or_default(),
        report: a
            .report
            .as_ref()
            .map(|r| match r.euros_used {
                Some(u) => format!("{} – {} ({})", r.text, euros(c.lang, u), fi_date(r.reported_on)),
                None => format!("{} ({})", r.text, fi_date(r.reported_on)),
            })
            .unwrap_or_default(),
        version: a.version,
        form,
    }
}

// ---- the organisation's grants page ------------------------------------------------------------

#[derive(Template)]
#[template(path = "partners/grants.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    own_calls: Vec<CallRow>,
    open_calls: Vec<CallRow>,
    applications: Vec<ApplicationRow>,
    can_open: bool,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
}

async fn list_page(app: &App, c: Ctx, org: Organisation, f: &CallForm, e: &FieldErrors) -> Result<ListPage, AppError> {
    let orgs = orgs_by_id(app).await?;
    let mut own_calls = vec![];
    for k in app.store.org_calls(org.id).await? {
        let n = app.store.call_applications(k.id).await?.len();
        own_calls.push(call_row(&c, &k, org.id, &orgs, n));
    }
    let open_calls = app
        .store
        .open_calls(today())
        .await?
        .iter()
        .filter(|k| k.org_id != org.id)
        .map(|k| call_row(&c, k, org.id, &orgs, 0))
        .collect();
    let mut applications = vec![];
    for a in app.store.org_applications(org.id).await? {
        if let Some(call) = app.store.get_call(a.call_id).await? {
            applications.push(application_row(&c, &a, &call, org.id, &orgs, &Failed::default()));
        }
    }
    let fields = call_fields(&c, "new", f, e);
    Ok(ListPage {
        can_open: org.kind.has_duties() && c.can(org.id, Permission::Coordinate),
        errors: summary(&fields),
        fields,
        own_calls,
        open_calls,
        applications,
        org,
        c,
    })
}

pub async fn list(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let year = chrono::Datelike::year(&today()) + 1;
    let f = CallForm { year: year.to_string(), ..Default::default() };
    render(&list_page(&app, c, org, &f, &FieldErrors::default()).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<CallForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    if !org.kind.has_duties() {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    match f.parse() {
        Ok(input) => {
            let k = app.store.create_call(id, &input, Actor::user(me.user_id)).await?;
            Ok(see_other(&format!("/orgs/{id}/grants/{}", k.id)))
        }
        Err(e) => render_status(refusal::status(&e), &list_page(&app, c, org, &f, &e).await?),
    }
}

// ---- one call, from the viewer's side ----------------------------------------------------------

#[derive(Template)]
#[template(path = "partners/grant_call.html")]
struct CallPage {
    c: Ctx,
    org: Organisation,
    call: GrantCall,
    owner: String,
    own: bool,
    open: bool,
    facts: Vec<(String, String)>,
    applications: Vec<ApplicationRow>,
    can_manage: bool,
    can_apply: bool,
    call_fields: Vec<Field>,
    apply_fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

async fn call_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    call: GrantCall,
    failed: Failed,
) -> Result<CallPage, AppError> {
    let orgs = orgs_by_id(app).await?;
    let own = call.org_id == org.id;
    let all = app.store.call_applications(call.id).await?;
    let granted: i64 = all.iter().map(|a| a.granted()).sum();
    let shown: Vec<&GrantApplication> = all.iter().filter(|a| own || a.applicant_org_id == org.id).collect();
    let applications: Vec<ApplicationRow> =
        shown.iter().map(|a| application_row(&c, a, &call, org.id, &orgs, &failed)).collect();
    let open = call.is_open(today());
    let mut facts = vec![
        (c.t("grant-granting-org"), org_name(&c, &orgs, call.org_id)),
        (c.t("field-call-year"), call.input.year.to_string()),
        (c.t("field-call-total"), euros(c.lang, call.input.total_euros)),
        (c.t("field-call-deadline"), fi_date(call.input.deadline)),
        (c.t("col-status"), c.t(if open { "grant-call-open" } else { "grant-call-closed" })),
    ];
    if own {
        facts.push((c.t("grant-granted-total"), euros(c.lang, granted)));
    }
    let (cf, ce) =
        failed.call.unwrap_or_else(|| (CallForm::from_input(&call.input, call.version), FieldErrors::default()));
    let call_fields = call_fields(&c, "call", &cf, &ce);
    let (af, ae) = failed.apply.unwrap_or_default();
    let apply_fields = vec![
        Field::new(&c, "apply", "purpose", "field-apply-purpose", &af.purpose, &ae).kind("textarea").required(),
        Field::new(&c, "apply", "euros_applied", "field-apply-euros", &af.euros_applied, &ae).required(),
    ];
    let mut errors = if own { summary(&call_fields) } else { summary(&apply_fields) };
    for a in &applications {
        errors.extend(summary(&a.form));
    }
    Ok(CallPage {
        owner: org_name(&c, &orgs, call.org_id),
        can_manage: own && c.can(org.id, Permission::Coordinate),
        can_apply: call.may_apply(org.id, org.kind) && open && c.can(org.id, Permission::Edit),
        alert: failed.alert.map(|a| c.err(a)),
        facts,
        applications,
        call_fields,
        apply_fields,
        errors,
        own,
        open,
        call,
        org,
        c,
    })
}

/// The call `cid` as organisation `id` may see it: its own, one that is open, or one it applied to.
async fn load(app: &App, id: i64, cid: i64) -> Result<GrantCall, AppError> {
    let call = app.store.get_call(cid).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    if call.org_id == id || call.is_open(today()) {
        return Ok(call);
    }
    let applied = app.store.org_applications(id).await?.iter().any(|a| a.call_id == cid);
    if applied {
        Ok(call)
    } else {
        Err(AppError::new(ErrorCode::NotFound))
    }
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, cid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let call = load(&app, id, cid).await?;
    render(&call_page(&app, c, org, call, Failed::default()).await?)
}

/// After a post on a call's page: back to it when it went through, else the page again with the
/// refusal (`failed` puts what was typed back into its form).
async fn reply<T>(
    app: &App,
    c: Ctx,
    org: Organisation,
    cid: i64,
    outcome: Result<T, Failure>,
    failed: impl FnOnce(Refusal) -> Failed,
) -> Result<Response, AppError> {
    let done = format!("/orgs/{}/grants/{cid}", org.id);
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            let call = load(app, org.id, cid).await?;
            call_page(app, c, org, call, failed(r)).await
        },
    )
    .await
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, cid)): Path<(i64, i64)>,
    Form(f): Form<CallForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let call = load(&app, id, cid).await?;
    if call.org_id != id {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    let outcome = submit(f.parse(), async |input| {
        app.store.update_call(id, cid, f.version, &input, Actor::user(me.user_id)).await
    })
    .await;
    reply(&app, c, org, cid, outcome, |r| Failed { call: Some((f, r.errors)), alert: r.alert, ..Default::default() })
        .await
}

/// An NGO's members apply for the NGO.
pub async fn apply(
    State(app): State<App>,
    c: Ctx,
    Path((id, cid)): Path<(i64, i64)>,
    Form(f): Form<ApplyForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    let call = load(&app, id, cid).await?;
    if call.org_id == id {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    let outcome = submit(ApplicationInput::parse(&f.purpose, &f.euros_applied), async |input| {
        app.store.apply_for_grant(cid, id, &input, today(), Actor::user(me.user_id)).await
    })
    .await;
    reply(&app, c, org, cid, outcome, |r| Failed { apply: Some((f, r.errors)), alert: r.alert, ..Default::default() })
        .await
}

/// The application `aid` to call `cid`, or `not_found`.
async fn application(app: &App, cid: i64, aid: i64) -> Result<GrantApplication, AppError> {
    app.store.get_application(aid).await?.filter(|a| a.call_id == cid).ok_or(AppError::new(ErrorCode::NotFound))
}

/// The granting organisation's coordinators decide.
pub async fn decide(
    State(app): State<App>,
    c: Ctx,
    Path((id, cid, aid)): Path<(i64, i64, i64)>,
    Form(f): Form<DecideForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let call = load(&app, id, cid).await?;
    if call.org_id != id {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    application(&app, cid, aid).await?;
    let parsed = GrantDecision::parse(&f.outcome, &f.euros_granted, &f.decided_on, &f.decision_ref);
    let outcome =
        submit(parsed, async |d| app.store.decide_application(aid, f.version, &d, Actor::user(me.user_id)).await).await;
    reply(&app, c, org, cid, outcome, |r| Failed {
        decide: Some((aid, f, r.errors)),
        alert: r.alert,
        ..Default::default()
    })
    .await
}

/// The applicant's members report how the grant was used.
pub async fn report(
    State(app): State<App>,
    c: Ctx,
    Path((id, cid, aid)): Path<(i64, i64, i64)>,
    Form(f): Form<ReportForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    load(&app, id, cid).await?;
    let a = application(&app, cid, aid).await?;
    if a.applicant_org_id != id {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    let parsed = UseReport::parse(&f.report_text, &f.euros_used, today());
    let outcome =
        submit(parsed, async |r| app.store.report_grant_use(aid, f.version, &r, Actor::user(me.user_id)).await).await;
    reply(&app, c, org, cid, outcome, |r| Failed {
        report: Some((aid, f, r.errors)),
        alert: r.alert,
        ..Default::default()
    })
    .await
}
