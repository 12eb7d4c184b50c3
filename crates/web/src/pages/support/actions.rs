//! A support plan's actions (`/orgs/{id}/support/plans/{pid}/actions/…`): kind, content area, title
//! in three languages, the member municipalities targeted, the county's responsible expert and
//! resources. A county's coordinators add, edit (a stale version is refused) and remove them.

use super::plan::{kind_choices, load, page_of, Failed};
use super::survey::{alert_text, explains};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, CheckSet, Field};
use crate::refusal::{answer as respond, submit, Refusal};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::support::plan::{Action, ActionForm};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;

/// The action form as the page shows it.
pub struct FormView {
    pub fields: Vec<Field>,
    pub targets: CheckSet,
    pub version: i64,
}

pub async fn form_view(app: &App, c: &Ctx, county: i64, f: &ActionForm, e: &FieldErrors) -> Result<FormView, AppError> {
    let (kinds, areas) = kind_choices(c);
    let members = app.store.member_orgs(county).await?;
    let options = members.iter().map(|m| (m.id.to_string(), c.name(&m.names).to_string())).collect();
    let targets = CheckSet::new("action-targets", "targets", c.t("support-targets"), options, &f.targets).error(e, c);
    Ok(FormView {
        fields: vec![
            Field::new(c, "action", "kind", "support-kind", &f.kind, e).select(kinds).required(),
            Field::new(c, "action", "area", "support-area", &f.area, e).select(areas).required(),
            Field::new(c, "action", "title_fi", "support-title-fi", &f.title_fi, e)
                .required()
                .hint(c.t("support-title-hint")),
            Field::new(c, "action", "title_sv", "support-title-sv", &f.title_sv, e),
            Field::new(c, "action", "title_en", "support-title-en", &f.title_en, e),
            Field::new(c, "action", "expert", "support-expert", &f.expert, e).required(),
            Field::new(c, "action", "person_days", "support-person-days", &f.person_days, e),
            Field::new(c, "action", "euros", "support-euros", &f.euros, e),
        ],
        targets,
        version: f.version,
    })
}

pub async fn add(
    State(app): State<App>,
    c: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let view = load(&app, id, pid).await?;
    let f = ActionForm::from_pairs(&pairs);
    let outcome =
        submit(f.parse(), async |input| app.store.add_action(id, pid, &input, Actor::user(me.user_id)).await).await;
    let done = format!("/orgs/{id}/support/plans/{pid}#actions");
    respond(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            page_of(
                &app,
                c,
                org,
                view,
                Failed { action: Some((f.clone(), r.errors)), alert: r.alert, ..Default::default() },
            )
            .await
        },
    )
    .await
}

#[derive(Template)]
#[template(path = "support/action.html")]
struct EditPage {
    c: Ctx,
    org: Organisation,
    plan_href: String,
    title: String,
    kind: String,
    area: String,
    action: Action,
    can_manage: bool,
    form: FormView,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

async fn action_of(app: &App, id: i64, pid: i64, aid: i64) -> Result<Action, AppError> {
    let view = load(app, id, pid).await?;
    view.actions.into_iter().find(|a| a.id == aid).ok_or(AppError::new(ErrorCode::NotFound))
}

async fn edit_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    action: Action,
    f: Option<(&ActionForm, &FieldErrors)>,
    alert: Option<ErrorCode>,
) -> Result<EditPage, AppError> {
    let own = ActionForm::from_action(&action);
    let none = FieldErrors::default();
    let (f, e) = f.unwrap_or((&own, &none));
    let form = form_view(app, &c, org.id, f, e).await?;
    let mut errors = summary(&form.fields);
    if let Some(err) = &form.targets.error {
        errors.push(("action-targets".into(), form.targets.legend.clone(), err.clone()));
    }
    Ok(EditPage {
        plan_href: format!("/orgs/{}/support/plans/{}", org.id, action.plan_id),
        title: action.input.title.get(c.lang).to_string(),
        kind: c.code(action.input.kind),
        area: c.code(action.input.area),
        can_manage: c.can(org.id, Permission::Coordinate),
        alert: alert.map(|a| alert_text(&c, a)),
        form,
        errors,
        action,
        org,
        c,
    })
}

pub async fn edit(
    State(app): State<App>,
    c: Ctx,
    Path((id, pid, aid)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let action = action_of(&app, id, pid, aid).await?;
    render(&edit_page(&app, c, org, action, None, None).await?)
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, pid, aid)): Path<(i64, i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let action = action_of(&app, id, pid, aid).await?;
    let f = ActionForm::from_pairs(&pairs);
    let outcome = submit(f.parse(), async |input| {
        app.store.update_action(id, aid, f.version, &input, Actor::user(me.user_id)).await
    })
    .await;
    let done = format!("/orgs/{id}/support/plans/{pid}#actions");
    respond(
        outcome,
        explains,
        |_| see_other(&done),
        async |r: Refusal| {
            // After a conflict the current action shows; else what was typed.
            if r.alert == Some(ErrorCode::EditConflict) {
                return edit_page(&app, c, org, action, None, r.alert).await;
            }
            edit_page(&app, c, org, action, Some((&f, &r.errors)), r.alert).await
        },
    )
    .await
}

pub async fn delete(
    State(app): State<App>,
    c: Ctx,
    Path((id, pid, aid)): Path<(i64, i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let action = action_of(&app, id, pid, aid).await?;
    let version = pairs.iter().find(|(k, _)| k == "version").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let outcome = app.store.delete_action(id, aid, version, Actor::user(me.user_id)).await.map_err(Into::into);
    let done = format!("/orgs/{id}/support/plans/{pid}#actions");
    respond(
        outcome,
        explains,
        |_| see_other(&done),
        async |r: Refusal| edit_page(&app, c, org, action, None, r.alert).await,
    )
    .await
}
