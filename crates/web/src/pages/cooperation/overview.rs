//! Cooperation overview: the organisation's HYTE responsible person and body, and the matrix of
//! the statutory duties (§6 municipalities, §7 regions) × sectors, with the duties nobody leads.

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
use hyte_domain::cooperation::{duties, parse_owners, unowned, Duty, Responsibility};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission, Sector};
use hyte_store::{Actor, StoreError};
use serde::Deserialize;

pub struct DutyRow {
    pub key: &'static str,
    pub name: String,
    /// Where the Act gives it, e.g. "612/2021 6 §; 612/2021 7 §".
    pub law: String,
    /// Per sector: "lead", "part" or "".
    pub cells: Vec<&'static str>,
    pub owned: bool,
}

#[derive(Template)]
#[template(path = "cooperation/cooperation.html")]
struct OverviewPage {
    c: Ctx,
    org: Organisation,
    resp: Responsibility,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
    sectors: Vec<Sector>,
    rows: Vec<DutyRow>,
    gaps: usize,
    can_edit: bool,
    duties_lead: &'static str,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResponsibilityForm {
    person: String,
    body: String,
    version: i64,
}

async fn overview(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: Option<(&ResponsibilityForm, &FieldErrors)>,
    alert: Option<ErrorCode>,
) -> Result<OverviewPage, AppError> {
    let resp = app.store.responsibility(org.id).await?;
    let owners = app.store.duty_owners(org.id).await?;
    let sectors = app.store.list_sectors(org.id).await?;
    let all = duties(org.kind);
    let gaps = unowned(&all, &owners).len();
    let rows = all
        .iter()
        .map(|d| {
            let o = owners.get(d.key).cloned().unwrap_or_default();
            DutyRow {
                key: d.key,
                name: c.name(&d.names).to_string(),
                law: d.law.iter().map(|r| r.cite(c.lang)).collect::<Vec<_>>().join("; "),
                cells: sectors
                    .iter()
                    .map(|s| {
                        if o.lead == Some(s.id) {
                            "lead"
                        } else if o.parts.contains(&s.id) {
                            "part"
                        } else {
                            ""
                        }
                    })
                    .collect(),
                owned: o.lead.is_some(),
            }
        })
        .collect();
    let empty = FieldErrors::default();
    let typed = ResponsibilityForm {
        person: resp.person.clone().unwrap_or_default(),
        body: resp.body.clone().unwrap_or_default(),
        version: resp.version,
    };
    let (f, e) = f.unwrap_or((&typed, &empty));
    let fields = vec![
        Field::new(&c, "resp", "person", "field-hyte-person", &f.person, e).hint(c.t("field-hyte-person-hint")),
        Field::new(&c, "resp", "body", "field-hyte-body", &f.body, e).hint(c.t("field-hyte-body-hint")),
    ];
    Ok(OverviewPage {
        errors: summary(&fields),
        fields,
        alert: alert.map(|a| c.err(a)),
        can_edit: c.can(org.id, Permission::Coordinate),
        duties_lead: match (org.kind.is_municipal(), org.kind.is_county()) {
            (true, true) => "duties-lead-both",
            (false, true) => "duties-lead-region",
            _ => "duties-lead-municipality",
        },
        sectors,
        rows,
        gaps,
        resp,
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    render(&overview(&app, c, org, None, None).await?)
}

pub async fn set_responsibility(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<ResponsibilityForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let e = match Responsibility::parse(&f.person, &f.body) {
        Ok((person, body)) => {
            match app
                .store
                .set_responsibility(id, f.version, person.as_deref(), body.as_deref(), Actor::user(me.user_id))
                .await
            {
                Ok(_) => return Ok(see_other(&format!("/orgs/{id}/cooperation"))),
                Err(StoreError::Rule(ErrorCode::EditConflict)) => {
                    let page =
                        overview(&app, c, org, Some((&f, &FieldErrors::default())), Some(ErrorCode::EditConflict))
                            .await?;
                    return render_status(status_of(ErrorCode::EditConflict), &page);
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(e) => e,
    };
    render_status(refusal::status(&e), &overview(&app, c, org, Some((&f, &e)), None).await?)
}

#[derive(Template)]
#[template(path = "cooperation/duty_edit.html")]
struct DutyPage {
    c: Ctx,
    org: Organisation,
    duty: Duty,
    /// (sector id, name, leads, takes part)
    choices: Vec<(i64, String, bool, bool)>,
    version: i64,
    alert: Option<String>,
}

fn duty_of(org: &Organisation, key: &str) -> Result<Duty, AppError> {
    duties(org.kind).into_iter().find(|d| d.key == key).ok_or(AppError::new(ErrorCode::NotFound))
}

async fn duty_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    key: &str,
    alert: Option<ErrorCode>,
) -> Result<DutyPage, AppError> {
    let duty = duty_of(&org, key)?;
    let owners = app.store.duty_owners(org.id).await?.remove(key).unwrap_or_default();
    let choices = app
        .store
        .list_sectors(org.id)
        .await?
        .iter()
        .map(|s| (s.id, c.name(&s.names).to_string(), owners.lead == Some(s.id), owners.parts.contains(&s.id)))
        .collect();
    Ok(DutyPage {
        choices,
        version: app.store.responsibility(org.id).await?.version,
        alert: alert.map(|a| c.err(a)),
        duty,
        org,
        c,
    })
}

pub async fn duty_form(
    State(app): State<App>,
    c: Ctx,
    Path((id, key)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Coordinate).await?;
    render(&duty_page(&app, c, org, &key, None).await?)
}

pub async fn set_duty(
    State(app): State<App>,
    c: Ctx,
    Path((id, key)): Path<(i64, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    duty_of(&org, &key)?;
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    let parts: Vec<String> = pairs.iter().filter(|(n, _)| n == "part").map(|(_, v)| v.clone()).collect();
    let sectors: Vec<i64> = app.store.list_sectors(id).await?.iter().map(|s| s.id).collect();
    let version: i64 = get("version").parse().unwrap_or(-1);
    let result = match parse_owners(&get("lead"), &parts, &sectors) {
        Ok(owners) => app.store.set_duty_owners(id, version, &key, &owners, Actor::user(me.user_id)).await,
        Err(code) => Err(StoreError::Rule(code)),
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/orgs/{id}/cooperation#duties"))),
        Err(StoreError::Rule(code)) => {
            render_status(status_of(code), &duty_page(&app, c, org, &key, Some(code)).await?)
        }
        Err(e) => Err(e.into()),
    }
}
