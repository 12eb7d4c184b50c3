//! An organisation's own activities (`/orgs/{id}/activities`): its editors and admins add and edit
//! them; a member of another organisation gets 403.

use super::{
    area_name, area_options, explains, kind_codes, lang_codes, municipalities, options, target_codes, theme_codes,
};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::refusal::{self, answer, submit, Failure};
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::partners::{Activity, ActivityForm};
use hyte_domain::{Area, ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;

pub struct ActivityRow {
    pub href: String,
    pub public_href: String,
    pub title: String,
    pub kind: String,
    pub theme: String,
    pub area: String,
    pub published: bool,
}

/// The activity form's fields and its language checkboxes: (code, label, checked).
pub struct ActivityFormView {
    pub fields: Vec<Field>,
    pub prefix: String,
    pub languages: Vec<(String, String, bool)>,
    pub languages_error: Option<String>,
    pub published: bool,
    pub errors: Vec<(String, String, String)>,
}

pub fn form_view(c: &Ctx, prefix: &str, areas: &[Area], f: &ActivityForm, e: &FieldErrors) -> ActivityFormView {
    let fields = vec![
        Field::new(c, prefix, "title_fi", "field-activity-title-fi", &f.title_fi, e)
            .hint(c.t("field-activity-title-hint")),
        Field::new(c, prefix, "title_sv", "field-activity-title-sv", &f.title_sv, e),
        Field::new(c, prefix, "title_en", "field-activity-title-en", &f.title_en, e),
        Field::new(c, prefix, "description_fi", "field-activity-description-fi", &f.description_fi, e).kind("textarea"),
        Field::new(c, prefix, "description_sv", "field-activity-description-sv", &f.description_sv, e).kind("textarea"),
        Field::new(c, prefix, "description_en", "field-activity-description-en", &f.description_en, e).kind("textarea"),
        Field::new(c, prefix, "kind", "field-activity-kind", &f.kind, e)
            .select(options(c, "activity-kind", &kind_codes(), None))
            .required(),
        Field::new(c, prefix, "theme", "field-activity-theme", &f.theme, e)
            .select(options(c, "theme", &theme_codes(), None))
            .required(),
        Field::new(c, prefix, "target_group", "field-activity-target", &f.target_group, e)
            .select(options(c, "target", &target_codes(), None))
            .required(),
        Field::new(c, prefix, "age_min", "field-activity-age-min", &f.age_min, e).kind("number"),
        Field::new(c, prefix, "age_max", "field-activity-age-max", &f.age_max, e).kind("number"),
        Field::new(c, prefix, "area_id", "field-activity-area", &f.area_id, e).select(area_options(
            c,
            areas,
            "activity-area-none",
        )),
        Field::new(c, prefix, "schedule", "field-activity-schedule", &f.schedule, e)
            .required()
            .hint(c.t("field-activity-schedule-hint")),
        Field::new(c, prefix, "place", "field-activity-place", &f.place, e),
        Field::new(c, prefix, "contact", "field-activity-contact", &f.contact, e)
            .required()
            .hint(c.t("field-activity-contact-hint")),
    ];
    let languages_error = e.get("languages").map(|code| c.err(code));
    let mut errors = summary(&fields);
    if let Some(msg) = &languages_error {
        errors.push((format!("{prefix}-languages"), c.t("field-activity-languages"), msg.clone()));
    }
    ActivityFormView {
        languages: lang_codes()
            .into_iter()
            .map(|l| (l.to_string(), c.t(&format!("activity-lang-{l}")), f.languages.iter().any(|x| x == l)))
            .collect(),
        languages_error,
        published: f.published,
        prefix: prefix.to_string(),
        fields,
        errors,
    }
}

#[derive(Template)]
#[template(path = "partners/activities.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    items: Vec<ActivityRow>,
    can_edit: bool,
    form: ActivityFormView,
    errors: Vec<(String, String, String)>,
}

async fn list_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &ActivityForm,
    e: &FieldErrors,
) -> Result<ListPage, AppError> {
    let areas = municipalities(app).await?;
    let items = app
        .store
        .org_activities(org.id)
        .await?
        .iter()
        .map(|a| ActivityRow {
            href: format!("/orgs/{}/activities/{}", org.id, a.id),
            public_href: format!("/activities/{}", a.id),
            title: a.input.title.get(c.lang).to_string(),
            kind: c.code(a.input.kind),
            theme: c.code(a.input.theme),
            area: area_name(&c, &areas, a.input.area_id),
            published: a.input.published,
        })
        .collect();
    let form = form_view(&c, "new", &areas, f, e);
    Ok(ListPage { can_edit: c.can(org.id, Permission::Edit), errors: form.errors.clone(), form, items, org, c })
}

fn blank(org: &Organisation) -> ActivityForm {
    ActivityForm {
        kind: "peer_support".into(),
        theme: "mental_health".into(),
        target_group: "everyone".into(),
        languages: vec!["fi".into()],
        published: true,
        area_id: org.area_id.map(|a| a.to_string()).unwrap_or_default(),
        ..Default::default()
    }
}

pub async fn list(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let f = blank(&org);
    render(&list_page(&app, c, org, &f, &FieldErrors::default()).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    let f = ActivityForm::from_pairs(&pairs);
    let areas: Vec<i64> = municipalities(&app).await?.iter().map(|a| a.id).collect();
    match f.parse(&areas) {
        Ok(input) => {
            let a = app.store.create_activity(id, &input, Actor::user(me.user_id)).await?;
            Ok(see_other(&format!("/orgs/{id}/activities/{}", a.id)))
        }
        Err(e) => render_status(refusal::status(&e), &list_page(&app, c, org, &f, &e).await?),
    }
}

#[derive(Template)]
#[template(path = "partners/activity_edit.html")]
struct EditPage {
    c: Ctx,
    org: Organisation,
    a: Activity,
    title: String,
    can_edit: bool,
    form: ActivityFormView,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

/// The activity `aid` of organisation `id`, or `not_found`.
async fn load(app: &App, id: i64, aid: i64) -> Result<Activity, AppError> {
    app.store.get_activity(aid).await?.filter(|a| a.org_id == id).ok_or(AppError::new(ErrorCode::NotFound))
}

async fn edit_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    a: Activity,
    failed: Option<(ActivityForm, FieldErrors)>,
    alert: Option<ErrorCode>,
) -> Result<EditPage, AppError> {
    let areas = municipalities(app).await?;
    let (f, e) = failed.unwrap_or_else(|| (ActivityForm::from_input(&a.input, a.version), FieldErrors::default()));
    let form = form_view(&c, "edit", &areas, &f, &e);
    Ok(EditPage {
        title: a.input.title.get(c.lang).to_string(),
        can_edit: c.can(org.id, Permission::Edit),
        errors: form.errors.clone(),
        alert: alert.map(|a| c.err(a)),
        form,
        a,
        org,
        c,
    })
}

pub async fn edit(State(app): State<App>, c: Ctx, Path((id, aid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let a = load(&app, id, aid).await?;
    render(&edit_page(&app, c, org, a, None, None).await?)
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    // Role and organisation: an editor of the organisation that runs the activity.
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    let a = load(&app, id, aid).await?;
    let f = ActivityForm::from_pairs(&pairs);
    let areas: Vec<i64> = municipalities(&app).await?.iter().map(|a| a.id).collect();
    let outcome = submit(f.parse(&areas), async |input| {
        app.store.update_activity(aid, f.version, &input, Actor::user(me.user_id)).await
    })
    .await;
    let done = format!("/orgs/{id}/activities/{aid}");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| edit_page(&app, c, org, a, Some((f, r.errors)), r.alert).await,
    )
    .await
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct VersionForm {
    pub version: i64,
}

pub async fn delete(
    State(app): State<App>,
    c: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    Form(f): Form<VersionForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    let a = load(&app, id, aid).await?;
    let outcome = app.store.delete_activity(aid, f.version, Actor::user(me.user_id)).await;
    let done = format!("/orgs/{id}/activities");
    answer(
        outcome.map_err(Failure::from),
        explains,
        |_| see_other(&done),
        async |r| edit_page(&app, c, org, a, None, r.alert).await,
    )
    .await
}
