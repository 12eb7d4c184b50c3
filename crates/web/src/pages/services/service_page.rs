//! One service of the register (`/orgs/{id}/services/{sid}`): its details, who was heard and
//! how (with the "you said, we did" log), and its client feedback summarised with small counts
//! suppressed.

use super::register::service_fields;
use super::{choices, county, explains, group_boxes, num, GroupBox};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::format::fi_date;
use crate::refusal::{answer, submit};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::services::{summarise, Method, ParticipationForm, Service, ServiceForm, Stage};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;

pub struct HeardRow {
    pub date: String,
    pub stage: String,
    pub method: String,
    pub who: String,
    pub said: String,
    pub did: String,
}

pub struct FeedbackLine {
    pub measure: String,
    pub period: String,
    pub group: String,
    pub count: String,
    pub mean: String,
}

#[derive(Template)]
#[template(path = "services/service.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    s: Service,
    name: String,
    can_edit: bool,
    fields: Vec<Field>,
    boxes: Vec<GroupBox>,
    heard: Vec<HeardRow>,
    heard_fields: Vec<Field>,
    feedback: Vec<FeedbackLine>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

#[derive(Default)]
struct Failed {
    service: Option<(ServiceForm, FieldErrors)>,
    heard: Option<(ParticipationForm, FieldErrors)>,
    alert: Option<ErrorCode>,
}

async fn load(app: &App, id: i64, sid: i64) -> Result<Service, AppError> {
    app.store.get_service(id, sid).await?.ok_or(AppError::new(ErrorCode::NotFound))
}

fn heard_fields(c: &Ctx, f: &ParticipationForm, e: &FieldErrors, groups: &[(i64, String)]) -> Vec<Field> {
    let mut group_choices = vec![(String::new(), c.t("field-heard-no-group"))];
    group_choices.extend(groups.iter().map(|(id, name)| (id.to_string(), name.clone())));
    vec![
        Field::new(c, "heard", "stage", "field-heard-stage", &f.stage, e).select(choices::<Stage>(c, None)).required(),
        Field::new(c, "heard", "method", "field-heard-method", &f.method, e)
            .select(choices::<Method>(c, None))
            .required(),
        Field::new(c, "heard", "who", "field-heard-who", &f.who, e).required().hint(c.t("field-heard-who-hint")),
        Field::new(c, "heard", "group_id", "field-heard-group", &f.group_id, e)
            .select(group_choices)
            .hint(c.t("field-heard-group-hint")),
        Field::new(c, "heard", "date", "field-heard-date", &f.date, e).kind("date").required(),
        Field::new(c, "heard", "said", "field-heard-said", &f.said, e).kind("textarea"),
        Field::new(c, "heard", "did", "field-heard-did", &f.did, e).kind("textarea"),
    ]
}

async fn page_of(app: &App, c: Ctx, org: Organisation, s: Service, failed: Failed) -> Result<Page, AppError> {
    let providers = app.store.list_providers(org.id).await?;
    let (f, e) =
        failed.service.unwrap_or_else(|| (ServiceForm::from_input(&s.input, s.version), FieldErrors::default()));
    let fields = service_fields(&c, &f, &e, &providers);
    let (hf, he) = failed.heard.unwrap_or_default();
    let groups: Vec<(i64, String)> =
        app.store.list_groups(org.id).await?.into_iter().map(|g| (g.id, g.input.name)).collect();
    let heard_fields = heard_fields(&c, &hf, &he, &groups);
    let mut errors = summary(&fields);
    errors.extend(summary(&heard_fields));
    let heard = app
        .store
        .service_participation(org.id, s.id)
        .await?
        .iter()
        .map(|p| HeardRow {
            date: fi_date(p.input.date),
            stage: c.code(p.input.stage),
            method: c.code(p.input.method),
            who: match p.input.group_id.and_then(|g| groups.iter().find(|x| x.0 == g)) {
                Some((_, name)) if *name != p.input.who => format!("{} ({name})", p.input.who),
                _ => p.input.who.clone(),
            },
            said: p.input.said.clone().unwrap_or_default(),
            did: p.input.did.clone().unwrap_or_default(),
        })
        .collect();
    let rows: Vec<_> = app.store.org_feedback(org.id).await?.into_iter().filter(|r| r.service_id == s.id).collect();
    let feedback = summarise(&rows)
        .iter()
        .map(|x| FeedbackLine {
            measure: x.measure.clone(),
            period: x.period.clone(),
            group: x.group.map(|g| c.code(g)).unwrap_or_else(|| c.t("feedback-all-clients")),
            count: if x.mean.is_some() { x.count.to_string() } else { c.t("feedback-suppressed-count") },
            mean: x.mean.map(|m| num(&c, m, 1)).unwrap_or_else(|| c.t("feedback-suppressed")),
        })
        .collect();
    Ok(Page {
        name: c.name(&s.input.names).to_string(),
        can_edit: c.can(org.id, Permission::Edit),
        boxes: group_boxes(&c, &f.groups),
        errors,
        alert: failed.alert.map(|a| c.err(a)),
        fields,
        heard,
        heard_fields,
        feedback,
        s,
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, sid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = county(&app, &c, id, Permission::View).await?;
    let s = load(&app, id, sid).await?;
    render(&page_of(&app, c, org, s, Failed::default()).await?)
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = county(&app, &c, id, Permission::Edit).await?;
    let s = load(&app, id, sid).await?;
    let f = ServiceForm::from_pairs(&pairs);
    let outcome = submit(f.parse(), async |input| {
        app.store.update_service(id, sid, f.version, &input, Actor::user(me.user_id)).await
    })
    .await;
    let done = format!("/orgs/{id}/services/{sid}");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            page_of(&app, c, org, s, Failed { service: Some((f, r.errors)), alert: r.alert, ..Default::default() })
                .await
        },
    )
    .await
}

pub async fn participate(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(f): Form<ParticipationForm>,
) -> Result<Response, AppError> {
    let (org, me) = county(&app, &c, id, Permission::Edit).await?;
    let s = load(&app, id, sid).await?;
    let outcome =
        submit(f.parse(), async |input| app.store.add_participation(id, sid, &input, Actor::user(me.user_id)).await)
            .await;
    let done = format!("/orgs/{id}/services/{sid}#heard");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            page_of(&app, c, org, s, Failed { heard: Some((f, r.errors)), alert: r.alert, ..Default::default() }).await
        },
    )
    .await
}
