//! The services register of a county (`/orgs/{id}/services`): its preventive and HYTE-relevant
//! services, the coverage of client groups with its gaps, and the client-feedback import.

use super::{choices, county, explains, group_boxes, group_names, num, GroupBox};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::refusal::{answer, submit};
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use hyte_domain::services::{coverage, parse_feedback, Producer, Provider, Service, ServiceForm};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;

pub struct ServiceRow {
    pub href: String,
    pub name: String,
    pub producer: String,
    pub groups: String,
    pub tasks: String,
}

/// A row of the coverage table: a group, and per service whether it is aimed at the group and
/// its reach.
pub struct CoverageRow {
    pub group: String,
    pub vulnerable: bool,
    pub gap: bool,
    pub cells: Vec<String>,
}

#[derive(Template)]
#[template(path = "services/services.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    rows: Vec<ServiceRow>,
    columns: Vec<String>,
    coverage: Vec<CoverageRow>,
    gaps: Vec<String>,
    can_edit: bool,
    fields: Vec<Field>,
    boxes: Vec<GroupBox>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
    feedback_message: Option<String>,
}

/// The fields of the service form (without the group checkboxes).
pub fn service_fields(c: &Ctx, f: &ServiceForm, e: &FieldErrors, providers: &[Provider]) -> Vec<Field> {
    let mut provider_choices = vec![(String::new(), c.t("service-no-provider"))];
    provider_choices.extend(providers.iter().map(|p| (p.id.to_string(), p.input.name.clone())));
    vec![
        Field::new(c, "svc", "name_fi", "field-service-name-fi", &f.name_fi, e).required(),
        Field::new(c, "svc", "name_sv", "field-service-name-sv", &f.name_sv, e),
        Field::new(c, "svc", "name_en", "field-service-name-en", &f.name_en, e),
        Field::new(c, "svc", "description", "field-service-description", &f.description, e).kind("textarea"),
        Field::new(c, "svc", "producer", "field-service-producer", &f.producer, e)
            .select(choices::<Producer>(c, None))
            .required(),
        Field::new(c, "svc", "provider_id", "field-service-provider", &f.provider_id, e).select(provider_choices),
        Field::new(c, "svc", "hyte_tasks", "field-service-tasks", &f.hyte_tasks, e).kind("textarea"),
        Field::new(c, "svc", "quality", "field-service-quality", &f.quality, e).kind("textarea"),
        Field::new(c, "svc", "indicators", "field-service-indicators", &f.indicators, e)
            .hint(c.t("field-service-indicators-hint")),
        Field::new(c, "svc", "reach", "field-service-reach", &f.reach, e)
            .kind("textarea")
            .hint(c.t("field-service-reach-hint")),
    ]
}

/// The coverage table: one row per group, one column per service.
pub fn coverage_rows(c: &Ctx, services: &[Service]) -> (Vec<CoverageRow>, Vec<String>) {
    let cov = coverage(services);
    let rows = cov
        .groups
        .iter()
        .enumerate()
        .map(|(gi, g)| CoverageRow {
            group: c.code(*g),
            vulnerable: g.vulnerable(),
            gap: cov.gaps.contains(g),
            cells: cov
                .rows
                .iter()
                .map(|(_, cells)| match cells.get(gi) {
                    Some(cell) if cell.targeted => match cell.share {
                        Some(share) => c.t1("coverage-reach", "share", num(c, share, 1)),
                        None => c.t("coverage-yes"),
                    },
                    _ => String::new(),
                })
                .collect(),
        })
        .collect();
    (rows, cov.gaps.iter().map(|g| c.code(*g)).collect())
}

async fn list_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    failed: Option<(ServiceForm, FieldErrors)>,
    alert: Option<ErrorCode>,
    feedback_message: Option<String>,
) -> Result<ListPage, AppError> {
    let services = app.store.list_services(org.id).await?;
    let providers = app.store.list_providers(org.id).await?;
    let rows = services
        .iter()
        .map(|s| ServiceRow {
            href: format!("/orgs/{}/services/{}", org.id, s.id),
            name: c.name(&s.input.names).to_string(),
            producer: c.code(s.input.producer),
            groups: group_names(&c, s.input.groups.iter()),
            tasks: s.input.hyte_tasks.clone().unwrap_or_default(),
        })
        .collect();
    let (coverage, gaps) = coverage_rows(&c, &services);
    let columns = services.iter().map(|s| c.name(&s.input.names).to_string()).collect();
    let (f, e) = failed
        .unwrap_or_else(|| (ServiceForm { producer: "own".into(), ..Default::default() }, FieldErrors::default()));
    let fields = service_fields(&c, &f, &e, &providers);
    let mut errors = summary(&fields);
    if let Some(err) = e.0.iter().find(|x| x.field == "groups") {
        errors.push(("svc-groups".into(), c.t("field-service-groups"), c.err(err.code)));
    }
    Ok(ListPage {
        can_edit: c.can(org.id, Permission::Edit),
        boxes: group_boxes(&c, &f.groups),
        errors,
        alert: alert.map(|a| c.err(a)),
        fields,
        rows,
        columns,
        coverage,
        gaps,
        feedback_message,
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = county(&app, &c, id, Permission::View).await?;
    render(&list_page(&app, c, org, None, None, None).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = county(&app, &c, id, Permission::Edit).await?;
    let f = ServiceForm::from_pairs(&pairs);
    let outcome =
        submit(f.parse(), async |input| app.store.create_service(id, &input, Actor::user(me.user_id)).await).await;
    answer(
        outcome,
        explains,
        |s| see_other(&format!("/orgs/{id}/services/{}", s.id)),
        async |r| list_page(&app, c, org, Some((f, r.errors)), r.alert, None).await,
    )
    .await
}

/// The feedback file's columns.
pub const FEEDBACK_COLUMNS: [&str; 6] = ["service_id", "period", "measure", "value", "count", "client_group"];

/// Imports a client-feedback file (CSV or XLSX): every row or none; an error names its line and
/// column.
pub async fn import_feedback(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    mut mp: Multipart,
) -> Result<Response, AppError> {
    let (org, me) = county(&app, &c, id, Permission::Coordinate).await?;
    let (file, bytes) = crate::upload::read_file(&mut mp, "file").await?;
    let name = file.clone();
    let parsed =
        crate::upload::off_runtime(&app, &file, move || hyte_import::table::rows(&name, &bytes, FEEDBACK_COLUMNS))
            .await;
    let rows = parsed.and_then(|rows| {
        rows.into_iter()
            .map(|(line, cells)| {
                let cells: [&str; 6] = cells.each_ref().map(String::as_str);
                parse_feedback(cells)
                    .map_err(|(col, code)| hyte_import::ImportError::new(&file, line, col, c.err(code)))
            })
            .collect::<Result<Vec<_>, _>>()
    });
    let message = match rows {
        Ok(rows) => match app.store.import_feedback(id, &rows, Actor::user(me.user_id)).await {
            Ok(n) => return Ok(see_other(&format!("/orgs/{id}/services?imported={n}"))),
            Err(e) if e.code() == ErrorCode::ReferenceInvalid => c.err(ErrorCode::ReferenceInvalid),
            Err(e) => return Err(e.into()),
        },
        Err(e) => c.t2("feedback-import-error", "line", e.line, "problem", format!("{}: {}", e.field, e.message)),
    };
    let page = list_page(&app, c, org, None, None, Some(message)).await?;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
