//! A practice on the organisation's pages (`/orgs/{id}/practices/{pid}`): its own practice is
//! edited and published here; any practice it reaches (its own, or published) it adopts into the
//! plan of one of its reports in one step (the measure and the adoption, linked), and sees who
//! uses it.

use super::practice_org::{explains, form_parts, FormParts};
use super::practices::{adopter_rows, org_names, AdopterRow, PracticeView};
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
use hyte_domain::support::practice::{AdoptForm, Practice, PracticeForm};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "support/practice_org.html")]
struct PracticePage {
    c: Ctx,
    org: Organisation,
    v: PracticeView,
    owner: String,
    own: bool,
    form: Option<FormParts>,
    adopters: Vec<AdopterRow>,
    /// The adoption form (None: the user may not adopt); empty when the organisation has no
    /// report whose plan may change.
    adopt_fields: Option<Vec<Field>>,
    adopt_errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

#[derive(Default)]
struct Failed {
    edit: Option<(PracticeForm, FieldErrors)>,
    adopt: Option<(AdoptForm, FieldErrors)>,
    alert: Option<ErrorCode>,
}

/// Organisation `id` (the user's role allowing `perm`) and a practice it reaches.
async fn load(
    app: &App,
    c: &Ctx,
    id: i64,
    pid: i64,
    perm: Permission,
) -> Result<(Organisation, i64, Practice), AppError> {
    let (org, me) = c.org(app, id, perm).await?;
    let p = app.store.practice(id, pid).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    Ok((org, me.user_id, p))
}

/// The adoption form's fields: the organisation's reports whose plan may change, their goals.
async fn adopt_fields(
    app: &App,
    c: &Ctx,
    org: &Organisation,
    f: &AdoptForm,
    e: &FieldErrors,
) -> Result<Vec<Field>, AppError> {
    let mut reports = vec![];
    let mut goals = vec![(String::new(), c.t("practice-adopt-no-goal"))];
    for r in app.store.list_reports(org.id).await?.into_iter().filter(|r| r.state.editable()) {
        for g in app.store.plan(r.id).await?.goals {
            goals.push((g.id.to_string(), format!("{}: {}", r.title, g.title)));
        }
        reports.push((r.id.to_string(), r.title));
    }
    if reports.is_empty() {
        return Ok(vec![]);
    }
    let since = if f.since.is_empty() { crate::format::today().to_string() } else { f.since.clone() };
    Ok(vec![
        Field::new(c, "adopt", "report_id", "practice-adopt-report", &f.report_id, e).select(reports).required(),
        Field::new(c, "adopt", "goal_id", "practice-adopt-goal", &f.goal_id, e).select(goals),
        Field::new(c, "adopt", "since", "practice-adopt-since", &since, e).kind("date").required(),
        Field::new(c, "adopt", "results", "practice-adopt-results", &f.results, e).kind("textarea"),
    ])
}

async fn page_of(app: &App, c: Ctx, org: Organisation, p: Practice, failed: Failed) -> Result<PracticePage, AppError> {
    let names = org_names(app, &c).await?;
    let own = p.org_id == org.id;
    let can_edit = own && c.can(org.id, Permission::Edit);
    let form = can_edit.then(|| {
        let (f, e) = failed.edit.unwrap_or_else(|| (PracticeForm::of(&p), FieldErrors::default()));
        form_parts(&c, &f, &e)
    });
    let adopt_fields = if c.can(org.id, Permission::Coordinate) {
        let (f, e) = failed.adopt.unwrap_or_default();
        Some(adopt_fields(app, &c, &org, &f, &e).await?)
    } else {
        None
    };
    let adoptions = app.store.practice_adoptions(Some(org.id), p.id).await?;
    Ok(PracticePage {
        v: PracticeView::of(&c, &p),
        owner: names.get(&p.org_id).cloned().unwrap_or_default(),
        own,
        form,
        adopters: adopter_rows(&names, &adoptions),
        adopt_errors: adopt_fields.as_deref().map(summary).unwrap_or_default(),
        adopt_fields,
        alert: failed.alert.map(|a| c.err(a)),
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, pid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _, p) = load(&app, &c, id, pid, Permission::View).await?;
    render(&page_of(&app, c, org, p, Failed::default()).await?)
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, user, p) = load(&app, &c, id, pid, Permission::Edit).await?;
    let f = PracticeForm::from_pairs(&pairs);
    let outcome =
        submit(f.parse(), async |input| app.store.update_practice(id, pid, f.version, &input, Actor::user(user)).await)
            .await;
    answer(
        outcome,
        explains,
        |_| see_other(&format!("/orgs/{id}/practices/{pid}")),
        async |r| {
            page_of(&app, c, org, p, Failed { edit: Some((f, r.errors)), alert: r.alert, ..Default::default() }).await
        },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PublishForm {
    pub version: i64,
    pub published: String,
}

pub async fn publish(
    State(app): State<App>,
    c: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    Form(f): Form<PublishForm>,
) -> Result<Response, AppError> {
    let (org, user, p) = load(&app, &c, id, pid, Permission::Coordinate).await?;
    let on = f.published == "true";
    let outcome = app.store.publish_practice(id, pid, f.version, on, Actor::user(user)).await.map_err(Into::into);
    answer(
        outcome,
        explains,
        |_| see_other(&format!("/orgs/{id}/practices/{pid}")),
        async |r| page_of(&app, c, org, p, Failed { alert: r.alert, ..Default::default() }).await,
    )
    .await
}

pub async fn adopt(
    State(app): State<App>,
    c: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    Form(f): Form<AdoptForm>,
) -> Result<Response, AppError> {
    let (org, user, p) = load(&app, &c, id, pid, Permission::Coordinate).await?;
    let outcome =
        submit(f.parse(c.lang), async |input| app.store.adopt_practice(id, pid, &input, Actor::user(user)).await).await;
    answer(
        outcome,
        explains,
        |(a, m)| match a.report_id {
            Some(r) => see_other(&format!("/orgs/{id}/reports/{r}/plan#measure-{}", m.id)),
            None => see_other(&format!("/orgs/{id}/practices/{pid}")),
        },
        async |r| {
            page_of(&app, c, org, p, Failed { adopt: Some((f, r.errors)), alert: r.alert, ..Default::default() }).await
        },
    )
    .await
}
