//! Editing one section of a report (editors and up, while the report is a draft or in review).
//! A stale form does not overwrite: the user's text is kept and the conflict is shown.
//! An indicator section's indicators are chosen from the knowledge base by theme (Sotkanet's
//! subjects) or by search words: a GET filter form, then checkboxes that add (or remove) them.

use crate::ctx::Ctx;
use crate::error::{status_of, AppError};
use crate::form::{summary, Field};
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::reports::{Report, Section, SectionEdit, SectionKind};
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
#[template(path = "reports/report_section.html")]
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
    /// The indicator chooser (indicator sections only).
    choose: Option<Chooser>,
}

/// Choosing an indicator section's indicators from the knowledge base.
pub struct Chooser {
    pub q: String,
    pub theme: String,
    /// Themes in use, with their counts.
    pub themes: Vec<(String, i64)>,
    /// Whether a search or a theme was given (the results are shown).
    pub searched: bool,
    /// (id, title, themes, already chosen).
    pub results: Vec<(i64, String, String, bool)>,
    pub total: i64,
}

/// The chooser's filter (the edit page's query).
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ChooseQuery {
    q: String,
    theme: String,
}

/// Most indicators the chooser lists at once.
const CHOOSE_LIMIT: i64 = 50;

/// The chooser of an indicator section of organisation `org_id`'s report: national indicators and
/// the organisation's own (the domain's `may_use`, as the store checks on saving).
async fn chooser(app: &App, c: &Ctx, org_id: i64, section: &Section, q: &ChooseQuery) -> Result<Chooser, AppError> {
    let (q_text, theme) = (q.q.trim().to_string(), q.theme.trim().to_string());
    let searched = !q_text.is_empty() || !theme.is_empty();
    let (items, total) = if searched {
        let filter = hyte_store::IndicatorFilter {
            q: q_text.clone(),
            theme: Some(theme.clone()).filter(|t| !t.is_empty()),
            visible_orgs: vec![org_id],
            limit: CHOOSE_LIMIT,
            ..Default::default()
        };
        app.store.list_indicators(&filter).await?
    } else {
        (vec![], 0)
    };
    let mut themes = app.store.indicator_themes().await?;
    themes.truncate(60);
    Ok(Chooser {
        results: items
            .iter()
            .map(|i| (i.id, i.title(c.lang).to_string(), i.themes.join(", "), section.indicator_ids.contains(&i.id)))
            .collect(),
        q: q_text,
        theme,
        themes,
        searched,
        total,
    })
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
    q: &ChooseQuery,
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
    let choose = match section.kind {
        SectionKind::Indicators => Some(chooser(app, &c, report.org_id, &section, q).await?),
        _ => None,
    };
    Ok(EditPage {
        choose,
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
    let report = super::report::load(app, org_id, report_id).await?;
    let section = app.store.report_sections(report_id).await?.into_iter().find(|s| s.id == section_id);
    Ok((report, section.ok_or(AppError::new(ErrorCode::NotFound))?))
}

pub async fn edit(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, sid)): Path<(i64, i64, i64)>,
    Query(q): Query<ChooseQuery>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Edit).await?;
    let (report, section) = load(&app, id, rid, sid).await?;
    if !report.state.editable() {
        return Err(AppError::new(ErrorCode::ReportLocked));
    }
    let f = form_of(&section);
    render(&edit_page(&app, c, org, report, section, &f, &FieldErrors::default(), None, &q).await?)
}

/// Adds the checked indicators (`add`) to an indicator section and removes the unchecked
/// chosen ones (`remove`), keeping the section's text; back to the chooser with its filter.
pub async fn choose(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, sid)): Path<(i64, i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    let (report, section) = load(&app, id, rid, sid).await?;
    if section.kind != SectionKind::Indicators {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    let ids =
        |k: &str| pairs.iter().filter(|(n, _)| n == k).filter_map(|(_, v)| v.parse::<i64>().ok()).collect::<Vec<_>>();
    let (add, remove) = (ids("add"), ids("remove"));
    let q = ChooseQuery { q: get("q"), theme: get("theme") };
    let version: i64 = get("version").parse().unwrap_or(0);
    // Only indicators the report's organisation may use are added (the store refuses others).
    let known: Vec<i64> = app
        .store
        .get_indicators(&add)
        .await?
        .into_iter()
        .filter(|i| i.usable_by(report.org_id))
        .map(|i| i.id)
        .collect();
    let mut chosen: Vec<i64> = section.indicator_ids.iter().copied().filter(|i| !remove.contains(i)).collect();
    for i in known {
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    let edit = SectionEdit {
        title: section.title.clone(),
        body_fi: section.body_fi.clone(),
        body_sv: section.body_sv.clone(),
        indicator_ids: chosen,
    };
    match app.store.update_section(rid, sid, version, &edit, Actor::user(me.user_id)).await {
        Ok(_) => {
            let back = format!(
                "/orgs/{id}/reports/{rid}/sections/{sid}?q={}&theme={}#choose",
                crate::ctx::encode(q.q.trim()),
                crate::ctx::encode(q.theme.trim())
            );
            Ok(see_other(&back))
        }
        Err(StoreError::Rule(ErrorCode::EditConflict)) => {
            let f = form_of(&section);
            let page = edit_page(
                &app,
                c,
                org,
                report,
                section,
                &f,
                &FieldErrors::default(),
                Some(ErrorCode::EditConflict),
                &q,
            )
            .await?;
            render_status(status_of(ErrorCode::EditConflict), &page)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn save(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, sid)): Path<(i64, i64, i64)>,
    Form(f): Form<SectionForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    let (report, section) = load(&app, id, rid, sid).await?;
    let edit =
        match SectionEdit::parse((&f.title_fi, &f.title_sv, &f.title_en), &f.body_fi, &f.body_sv, &f.indicator_ids) {
            Ok(e) => e,
            Err(errors) => {
                let page = edit_page(&app, c, org, report, section, &f, &errors, None, &ChooseQuery::default()).await?;
                return render_status(status_of(ErrorCode::InvalidInput), &page);
            }
        };
    match app.store.update_section(rid, sid, f.version, &edit, Actor::user(me.user_id)).await {
        Ok(s) => Ok(see_other(&format!("/orgs/{id}/reports/{rid}#section-{}", s.position))),
        Err(StoreError::Rule(ErrorCode::EditConflict)) => {
            // Keep the user's text; the form now edits the current version.
            let mut kept = f;
            kept.version = section.version;
            let alert = Some(ErrorCode::EditConflict);
            let page = edit_page(
                &app,
                c,
                org,
                report,
                section,
                &kept,
                &FieldErrors::default(),
                alert,
                &ChooseQuery::default(),
            )
            .await?;
            render_status(status_of(ErrorCode::EditConflict), &page)
        }
        Err(StoreError::Rule(code @ ErrorCode::IndicatorInvalid)) => {
            // Another organisation's own indicator (or none such): shown at the field.
            let errors = code.on("indicator_ids");
            let page = edit_page(&app, c, org, report, section, &f, &errors, None, &ChooseQuery::default()).await?;
            render_status(status_of(code), &page)
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
    let (_, me) = c.org(&app, id, Permission::Coordinate).await?;
    load(&app, id, rid, sid).await?;
    app.store.delete_section(rid, sid, f.version, Actor::user(me.user_id)).await?;
    Ok(see_other(&format!("/orgs/{id}/reports/{rid}")))
}
