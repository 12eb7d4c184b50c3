//! Editing one section of a report (editors and up, while the report is a draft or in review).
//! A stale form does not overwrite: the user's text is kept and the conflict is shown.

use super::form::{summary, Field};
use super::org::visible_org;
use super::{render, render_status, see_other};
use crate::ctx::Ctx;
use crate::error::{status_of, AppError};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::report::{Report, Section, SectionEdit, SectionKind};
use hyte_domain::{ErrorCode, FieldErrors, Lang, Organisation, Permission};
use hyte_store::{Actor, StoreError};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SectionForm {
    title_fi: String,
    title_sv: String,
    title_en: String,
    body_fi: String,
    body_sv: String,
    indicator_ids: String,
    version: i64,
}

fn form_of(s: &Section) -> SectionForm {
    SectionForm {
        title_fi: s.title.fi.clone(),
        title_sv: s.title.sv.clone().unwrap_or_default(),
        title_en: s.title.en.clone().unwrap_or_default(),
        body_fi: s.body_fi.clone(),
        body_sv: s.body_sv.clone(),
        indicator_ids: s.indicator_ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", "),
        version: s.version,
    }
}

#[derive(Template)]
#[template(path = "report_section.html")]
struct EditPage {
    c: Ctx,
    org: Organisation,
    report: Report,
    section: Section,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
    version: i64,
    /// Titles of the chosen indicators, for an indicator section.
    chosen: Vec<(i64, String)>,
    can_delete: bool,
}

#[allow(clippy::too_many_arguments)] // the page's parts, as in the other editors
async fn edit_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    report: Report,
    section: Section,
    f: &SectionForm,
    errors: &FieldErrors,
    alert: Option<ErrorCode>,
) -> Result<EditPage, AppError> {
    let mut fields = vec![
        Field::new(&c, "section", "title_fi", "field-section-title-fi", &f.title_fi, errors).required(),
        Field::new(&c, "section", "title_sv", "field-section-title-sv", &f.title_sv, errors),
        Field::new(&c, "section", "title_en", "field-section-title-en", &f.title_en, errors),
    ];
    if report.languages.contains(&Lang::Fi) {
        fields.push(
            Field::new(&c, "section", "body_fi", "field-section-body-fi", &f.body_fi, errors)
                .kind("textarea")
                .hint(c.t("field-section-body-hint")),
        );
    }
    if report.languages.contains(&Lang::Sv) {
        fields.push(
            Field::new(&c, "section", "body_sv", "field-section-body-sv", &f.body_sv, errors)
                .kind("textarea")
                .hint(c.t("field-section-body-hint")),
        );
    }
    if section.kind == SectionKind::Indicators {
        fields.push(
            Field::new(&c, "section", "indicator_ids", "field-section-indicators", &f.indicator_ids, errors)
                .hint(c.t("field-section-indicators-hint")),
        );
    }
    let chosen = app
        .store
        .get_indicators(&section.indicator_ids)
        .await?
        .into_iter()
        .map(|i| (i.id, i.title(c.lang).to_string()))
        .collect();
    Ok(EditPage {
        errors: summary(&fields),
        fields,
        alert: alert.map(|a| c.err(a)),
        version: f.version,
        can_delete: c.can(org.id, Permission::Coordinate),
        chosen,
        org,
        report,
        section,
        c,
    })
}

async fn load(app: &App, org_id: i64, report_id: i64, section_id: i64) -> Result<(Report, Section), AppError> {
    let report = super::reports::load(app, org_id, report_id).await?;
    let section = app.store.report_sections(report_id).await?.into_iter().find(|s| s.id == section_id);
    Ok((report, section.ok_or(AppError::new(ErrorCode::NotFound))?))
}

pub async fn edit(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, sid)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _) = visible_org(&app, &c, id, Permission::Edit).await?;
    let (report, section) = load(&app, id, rid, sid).await?;
    if !report.state.editable() {
        return Err(AppError::new(ErrorCode::ReportLocked));
    }
    let f = form_of(&section);
    render(&edit_page(&app, c, org, report, section, &f, &FieldErrors::default(), None).await?)
}

pub async fn save(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, sid)): Path<(i64, i64, i64)>,
    Form(f): Form<SectionForm>,
) -> Result<Response, AppError> {
    let (org, me) = visible_org(&app, &c, id, Permission::Edit).await?;
    let (report, section) = load(&app, id, rid, sid).await?;
    let edit =
        match SectionEdit::parse((&f.title_fi, &f.title_sv, &f.title_en), &f.body_fi, &f.body_sv, &f.indicator_ids) {
            Ok(e) => e,
            Err(errors) => {
                let page = edit_page(&app, c, org, report, section, &f, &errors, None).await?;
                return render_status(status_of(ErrorCode::InvalidInput), &page);
            }
        };
    match app.store.update_section(rid, sid, f.version, &edit, Actor::user(me.user_id)).await {
        Ok(s) => Ok(see_other(&format!("/orgs/{id}/reports/{rid}#section-{}", s.position))),
        Err(StoreError::Rule(ErrorCode::EditConflict)) => {
            // Keep the user's text; the form now edits the current version.
            let mut kept = f;
            kept.version = section.version;
            let page =
                edit_page(&app, c, org, report, section, &kept, &FieldErrors::default(), Some(ErrorCode::EditConflict))
                    .await?;
            render_status(status_of(ErrorCode::EditConflict), &page)
        }
        Err(e) => Err(e.into()),
    }
}

/// Removes a section (coordinators, while editable).
pub async fn delete(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, sid)): Path<(i64, i64, i64)>,
    Form(f): Form<SectionForm>,
) -> Result<Response, AppError> {
    let (_, me) = visible_org(&app, &c, id, Permission::Coordinate).await?;
    load(&app, id, rid, sid).await?;
    app.store.delete_section(rid, sid, f.version, Actor::user(me.user_id)).await?;
    Ok(see_other(&format!("/orgs/{id}/reports/{rid}")))
}
