//! The yearly HYTE negotiation between the county and each municipality (`/orgs/{id}/negotiations`):
//! the county sees the year's summary across its member municipalities (negotiated or not, actions
//! agreed and done) and opens a negotiation, whose agenda is prefilled from the data
//! ([`super::agenda`]); a municipality sees its own negotiations. The store lets only the county
//! and the municipality reach a negotiation. One negotiation's page is in [`super::negotiation`].

use super::agenda;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::format::{fi_date, today};
use crate::refusal::{answer, submit, Failure};
use crate::respond::{render, see_other};
use crate::support_views::{summary_lines, SummaryLine};
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::Datelike;
use hyte_domain::support::negotiation::{prefilled_agenda, NegotiationInput};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes() -> Router<App> {
    use super::negotiation as one;
    Router::new()
        .route("/orgs/{id}/negotiations", get(list).post(create))
        .route("/orgs/{id}/negotiations/{nid}", get(one::page).post(one::update))
        .route("/orgs/{id}/negotiations/{nid}/agenda", post(one::add_item))
        .route("/orgs/{id}/negotiations/{nid}/agenda/{n}", post(one::edit_item))
        .route("/orgs/{id}/negotiations/{nid}/actions", post(one::add_action))
        .route("/orgs/{id}/negotiations/{nid}/actions/{aid}", post(one::mark_action))
        .route("/orgs/{id}/support/reports", get(super::received::page))
        .route("/orgs/{id}/support/sent/{sid}/acknowledge", post(super::received::acknowledge))
        .route("/orgs/{id}/support/sent/{sid}/feedback", post(super::received::feedback))
}

/// Store refusals the negotiation pages explain next to the form.
pub fn explains(code: ErrorCode) -> bool {
    matches!(code, ErrorCode::EditConflict | ErrorCode::NameTaken | ErrorCode::InvalidInput)
}

/// A negotiation as a municipality's list shows it.
pub struct Item {
    pub href: String,
    pub year: i32,
    pub held_on: String,
    pub with: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct YearQuery {
    year: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewForm {
    municipality: String,
    held_on: String,
    place: String,
    participants: String,
}

#[derive(Template)]
#[template(path = "support/negotiations.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    is_county: bool,
    year: i32,
    years: Vec<i32>,
    lines: Vec<SummaryLine>,
    items: Vec<Item>,
    can_create: bool,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

async fn list_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    year: i32,
    f: &NewForm,
    e: &FieldErrors,
    alert: Option<ErrorCode>,
) -> Result<ListPage, AppError> {
    let is_county = org.kind.is_county();
    let negotiations = app.store.negotiations(org.id).await?;
    let mut names: HashMap<i64, String> = HashMap::new();
    for n in &negotiations {
        let other = if n.org_id == org.id { n.county_org_id } else { n.org_id };
        if let (false, Some(o)) = (names.contains_key(&other), app.store.get_organisation(other).await?) {
            names.insert(other, c.name(&o.names).to_string());
        }
    }
    let items = negotiations
        .iter()
        .map(|n| Item {
            href: format!("/orgs/{}/negotiations/{}", org.id, n.id),
            year: n.year,
            held_on: fi_date(n.input.held_on),
            with: names.get(&if n.org_id == org.id { n.county_org_id } else { n.org_id }).cloned().unwrap_or_default(),
        })
        .collect();
    let lines = if is_county { summary_lines(app, &c, &org, year, Some(org.id)).await? } else { vec![] };
    let members = if is_county { app.store.member_orgs(org.id).await? } else { vec![] };
    let options = std::iter::once((String::new(), c.t("negotiation-pick-municipality")))
        .chain(members.iter().map(|m| (m.id.to_string(), c.name(&m.names).to_string())))
        .collect();
    let fields = vec![
        Field::new(&c, "negotiation", "municipality", "negotiation-field-municipality", &f.municipality, e)
            .select(options)
            .required(),
        Field::new(&c, "negotiation", "held_on", "negotiation-field-held-on", &f.held_on, e).kind("date").required(),
        Field::new(&c, "negotiation", "place", "negotiation-field-place", &f.place, e),
        Field::new(&c, "negotiation", "participants", "negotiation-field-participants", &f.participants, e)
            .hint(c.t("negotiation-field-participants-hint")),
    ];
    let this_year = today().year();
    Ok(ListPage {
        can_create: is_county && c.can(org.id, Permission::Coordinate),
        years: (this_year - 3..=this_year + 1).rev().collect(),
        errors: summary(&fields),
        alert: alert.map(|a| c.err(a)),
        fields,
        is_county,
        year,
        lines,
        items,
        org,
        c,
    })
}

pub async fn list(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<YearQuery>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let year = q.year.trim().parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)).unwrap_or(today().year());
    render(&list_page(&app, c, org, year, &NewForm::default(), &FieldErrors::default(), None).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<NewForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let parsed = parse_new(&f);
    let year = parsed.as_ref().map(|(_, i)| i.year()).unwrap_or(today().year());
    let outcome = submit(parsed, async |(town_id, input): (i64, NegotiationInput)| {
        // Only a member municipality's data is gathered; the store checks the membership again.
        let town = app.store.member_orgs(id).await?.into_iter().find(|m| m.id == town_id);
        let Some(town) = town else { return Err(hyte_store::StoreError::Rule(ErrorCode::NotFound)) };
        let facts = agenda::facts(&app, &c, &org, &town, input.year())
            .await
            .map_err(|_| hyte_store::StoreError::Rule(ErrorCode::Internal))?;
        app.store.create_negotiation(id, town_id, &input, &prefilled_agenda(&facts), Actor::user(me.user_id)).await
    })
    .await;
    let outcome = match outcome {
        Err(Failure::Store(hyte_store::StoreError::Rule(ErrorCode::NotFound))) => {
            let mut e = FieldErrors::default();
            e.add("municipality", ErrorCode::InvalidInput);
            Err(Failure::Form(e))
        }
        other => other,
    };
    answer(
        outcome,
        explains,
        |n| see_other(&format!("/orgs/{id}/negotiations/{}", n.id)),
        async |r| list_page(&app, c, org, year, &f, &r.errors, r.alert).await,
    )
    .await
}

fn parse_new(f: &NewForm) -> Result<(i64, NegotiationInput), FieldErrors> {
    let mut e = FieldErrors::default();
    let town = e.check(
        "municipality",
        match f.municipality.trim() {
            "" => Err(ErrorCode::Required),
            s => s.parse::<i64>().map_err(|_| ErrorCode::InvalidInput),
        },
    );
    let input = match NegotiationInput::parse(&f.held_on, &f.place, &f.participants, "") {
        Ok(i) => Some(i),
        Err(more) => {
            e.0.extend(more.0);
            None
        }
    };
    match (town, input) {
        (Some(t), Some(i)) if e.is_empty() => Ok((t, i)),
        _ => Err(e),
    }
}
