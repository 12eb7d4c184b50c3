//! One negotiation (`/orgs/{id}/negotiations/{nid}`, for the county and for the municipality):
//! the meeting, the agenda prefilled from the data (each item editable, own items added), the
//! minutes, and the actions agreed, tracked to done (the cooperation room's agreements: its
//! input, rules and table). Every edit is guarded by the version the editor saw.

use super::negotiations::explains;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::format::{fi_date, today};
use crate::pages::cooperation::groups::{agreement_views, AgreementView};
use crate::refusal::{answer, submit, Failure, Refusal};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::cooperation::AgreementInput;
use hyte_domain::support::negotiation::{AgendaItem, AgendaKind, Negotiation, NegotiationInput};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::{Actor, StoreError};
use serde::Deserialize;

/// An agenda item as the page shows it, with its edit form.
pub struct ItemView {
    pub n: usize,
    pub title: String,
    pub text: String,
    pub prefilled: bool,
    pub fields: Vec<Field>,
}

#[derive(Template)]
#[template(path = "support/negotiation.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    neg: Negotiation,
    county: String,
    municipality: String,
    items: Vec<ItemView>,
    agreements: Vec<AgreementView>,
    can_edit: bool,
    meeting_fields: Vec<Field>,
    new_item_fields: Vec<Field>,
    action_fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct MeetingForm {
    held_on: String,
    place: String,
    participants: String,
    minutes: String,
    version: i64,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ItemForm {
    title: String,
    text: String,
    version: i64,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ActionForm {
    what: String,
    who: String,
    due_on: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MarkForm {
    to: String,
    version: i64,
}

/// What a refused post shows again.
#[derive(Default)]
struct Failed {
    meeting: Option<(MeetingForm, FieldErrors)>,
    item: Option<(Option<usize>, ItemForm, FieldErrors)>,
    action: Option<(ActionForm, FieldErrors)>,
    alert: Option<ErrorCode>,
}

async fn load(app: &App, org_id: i64, nid: i64) -> Result<Negotiation, AppError> {
    app.store.negotiation(org_id, nid).await?.ok_or(AppError::new(ErrorCode::NotFound))
}

fn item_title(c: &Ctx, i: &AgendaItem) -> String {
    if i.title.is_empty() {
        c.code(i.kind)
    } else {
        i.title.clone()
    }
}

async fn page_of(app: &App, c: Ctx, org: Organisation, neg: Negotiation, failed: Failed) -> Result<Page, AppError> {
    let name = async |id: i64| -> Result<String, AppError> {
        Ok(app.store.get_organisation(id).await?.map(|o| c.name(&o.names).to_string()).unwrap_or_default())
    };
    let county = name(neg.county_org_id).await?;
    let municipality = name(neg.org_id).await?;
    let none = FieldErrors::default();
    let items: Vec<ItemView> = neg
        .agenda
        .iter()
        .enumerate()
        .map(|(n, i)| {
            let (f, e) = match &failed.item {
                Some((Some(k), f, e)) if *k == n => (f.clone(), e.clone()),
                _ => (ItemForm { title: i.title.clone(), text: i.text.clone(), version: neg.version }, none.clone()),
            };
            let p = format!("item-{n}");
            let title_hint = (i.kind != AgendaKind::Own).then(|| c.t("negotiation-item-title-hint"));
            let mut title = Field::new(&c, &p, "title", "negotiation-field-item-title", &f.title, &e);
            if let Some(h) = title_hint {
                title = title.hint(h);
            }
            ItemView {
                n,
                title: item_title(&c, i),
                text: i.text.clone(),
                prefilled: i.kind != AgendaKind::Own,
                fields: vec![
                    title,
                    Field::new(&c, &p, "text", "negotiation-field-item-text", &f.text, &e).kind("textarea"),
                ],
            }
        })
        .collect();
    let (mf, me) = failed.meeting.unwrap_or_else(|| {
        let i = &neg.input;
        let f = MeetingForm {
            held_on: i.held_on.to_string(),
            place: i.place.clone().unwrap_or_default(),
            participants: i.participants.clone().unwrap_or_default(),
            minutes: i.minutes.clone().unwrap_or_default(),
            version: neg.version,
        };
        (f, FieldErrors::default())
    });
    let meeting_fields = vec![
        Field::new(&c, "meeting", "held_on", "negotiation-field-held-on", &mf.held_on, &me).kind("date").required(),
        Field::new(&c, "meeting", "place", "negotiation-field-place", &mf.place, &me),
        Field::new(&c, "meeting", "participants", "negotiation-field-participants", &mf.participants, &me)
            .hint(c.t("negotiation-field-participants-hint")),
        Field::new(&c, "meeting", "minutes", "negotiation-field-minutes", &mf.minutes, &me).kind("textarea"),
    ];
    let (nf, ne) = match &failed.item {
        Some((None, f, e)) => (f.clone(), e.clone()),
        _ => (ItemForm::default(), none.clone()),
    };
    let new_item_fields = vec![
        Field::new(&c, "new-item", "title", "negotiation-field-item-title", &nf.title, &ne).required(),
        Field::new(&c, "new-item", "text", "negotiation-field-item-text", &nf.text, &ne).kind("textarea"),
    ];
    let (af, ae) = failed.action.unwrap_or_default();
    let action_fields = vec![
        Field::new(&c, "action", "what", "field-agreement-what", &af.what, &ae).required(),
        Field::new(&c, "action", "who", "field-agreement-who", &af.who, &ae)
            .required()
            .hint(c.t("field-agreement-who-hint")),
        Field::new(&c, "action", "due_on", "field-agreement-due", &af.due_on, &ae).kind("date").required(),
    ];
    let actions = app.store.agreed_actions(org.id, Some(neg.id)).await?;
    let agreements = agreement_views(&c, org.id, actions.iter().map(|a| a.agreement()).collect());
    let mut errors = summary(&meeting_fields);
    errors.extend(items.iter().flat_map(|i: &ItemView| summary(&i.fields)));
    errors.extend(summary(&new_item_fields));
    errors.extend(summary(&action_fields));
    Ok(Page {
        can_edit: c.can(org.id, Permission::Coordinate),
        alert: failed.alert.map(|a| c.err(a)),
        county,
        municipality,
        items,
        agreements,
        meeting_fields,
        new_item_fields,
        action_fields,
        errors,
        neg,
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, nid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let neg = load(&app, id, nid).await?;
    render(&page_of(&app, c, org, neg, Failed::default()).await?)
}

fn back(id: i64, nid: i64, anchor: &str) -> Response {
    see_other(&format!("/orgs/{id}/negotiations/{nid}#{anchor}"))
}

/// The page again after a refused post (with the negotiation as it is now).
async fn again(app: &App, c: Ctx, org: Organisation, nid: i64, failed: Failed) -> Result<Page, AppError> {
    let neg = load(app, org.id, nid).await?;
    page_of(app, c, org, neg, failed).await
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, nid)): Path<(i64, i64)>,
    Form(f): Form<MeetingForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let neg = load(&app, id, nid).await?;
    let parsed = NegotiationInput::parse(&f.held_on, &f.place, &f.participants, &f.minutes);
    let outcome = submit(parsed, async |input| {
        app.store.update_negotiation(id, nid, f.version, &input, &neg.agenda, Actor::user(me.user_id)).await
    })
    .await;
    answer(
        outcome,
        explains,
        |_| back(id, nid, "meeting"),
        async |r: Refusal| {
            again(
                &app,
                c,
                org,
                nid,
                Failed { meeting: Some((f.clone(), r.errors)), alert: r.alert, ..Default::default() },
            )
            .await
        },
    )
    .await
}

/// Writes the agenda with item `n` replaced (or a new item added, `n` None).
async fn write_item(
    app: &App,
    id: i64,
    neg: &Negotiation,
    n: Option<usize>,
    f: &ItemForm,
    actor: Actor,
) -> Result<Negotiation, Failure> {
    let mut agenda = neg.agenda.clone();
    let kind = match n {
        Some(n) => agenda.get(n).map(|i| i.kind).ok_or(StoreError::Rule(ErrorCode::NotFound))?,
        None => AgendaKind::Own,
    };
    let item = AgendaItem::parse(kind, &f.title, &f.text)?;
    match n.and_then(|n| agenda.get_mut(n)) {
        Some(slot) => *slot = item,
        None => agenda.push(item),
    }
    Ok(app.store.update_negotiation(id, neg.id, f.version, &neg.input, &agenda, actor).await?)
}

async fn item_post(app: App, c: Ctx, id: i64, nid: i64, n: Option<usize>, f: ItemForm) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let neg = load(&app, id, nid).await?;
    if n.is_some_and(|n| n >= neg.agenda.len()) {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let outcome = write_item(&app, id, &neg, n, &f, Actor::user(me.user_id)).await;
    let anchor = n.map(|n| format!("item-{n}")).unwrap_or_else(|| "agenda".into());
    answer(
        outcome,
        explains,
        |_| back(id, nid, &anchor),
        async |r: Refusal| {
            again(
                &app,
                c,
                org,
                nid,
                Failed { item: Some((n, f.clone(), r.errors)), alert: r.alert, ..Default::default() },
            )
            .await
        },
    )
    .await
}

pub async fn edit_item(
    State(app): State<App>,
    c: Ctx,
    Path((id, nid, n)): Path<(i64, i64, usize)>,
    Form(f): Form<ItemForm>,
) -> Result<Response, AppError> {
    item_post(app, c, id, nid, Some(n), f).await
}

pub async fn add_item(
    State(app): State<App>,
    c: Ctx,
    Path((id, nid)): Path<(i64, i64)>,
    Form(f): Form<ItemForm>,
) -> Result<Response, AppError> {
    item_post(app, c, id, nid, None, f).await
}

pub async fn add_action(
    State(app): State<App>,
    c: Ctx,
    Path((id, nid)): Path<(i64, i64)>,
    Form(f): Form<ActionForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    load(&app, id, nid).await?;
    let parsed = AgreementInput::parse(&f.what, &f.who, &f.due_on);
    let outcome =
        submit(parsed, async |input| app.store.add_agreed_action(id, nid, &input, Actor::user(me.user_id)).await).await;
    answer(
        outcome,
        explains,
        |_| back(id, nid, "actions"),
        async |r: Refusal| {
            again(
                &app,
                c,
                org,
                nid,
                Failed { action: Some((f.clone(), r.errors)), alert: r.alert, ..Default::default() },
            )
            .await
        },
    )
    .await
}

pub async fn mark_action(
    State(app): State<App>,
    c: Ctx,
    Path((id, nid, aid)): Path<(i64, i64, i64)>,
    Form(f): Form<MarkForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    load(&app, id, nid).await?;
    let done_on = match f.to.as_str() {
        "done" => Some(today()),
        "reopen" => None,
        _ => return Err(AppError::new(ErrorCode::InvalidInput)),
    };
    // The action must be this negotiation's.
    if !app.store.agreed_actions(id, Some(nid)).await?.iter().any(|a| a.id == aid) {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let outcome: Result<_, Failure> = app
        .store
        .set_agreed_action_done(id, aid, f.version, done_on, Actor::user(me.user_id))
        .await
        .map_err(Into::into);
    answer(
        outcome,
        explains,
        |_| back(id, nid, "actions"),
        async |r: Refusal| again(&app, c, org, nid, Failed { alert: r.alert, ..Default::default() }).await,
    )
    .await
}

/// The date of the meeting, as lists show it.
pub fn held_on(n: &Negotiation) -> String {
    fi_date(n.input.held_on)
}
