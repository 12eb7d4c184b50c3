//! Well-being reports of an organisation: the list, a new report, the report page with its
//! workflow (review, approval with the decision, publishing, new versions) and frozen versions.

use super::view::{self, SectionView};
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
use hyte_domain::reports::{Approval, NewReport, Report, ReportKind, ReportState, ReportVersion, Section};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::{Actor, StoreError};
use serde::Deserialize;

/// A report as listed.
pub struct ReportItem {
    pub href: String,
    pub title: String,
    pub kind: String,
    pub term: String,
    pub state: String,
}

pub fn item(c: &Ctx, r: &Report) -> ReportItem {
    ReportItem {
        href: format!("/orgs/{}/reports/{}", r.org_id, r.id),
        title: r.title.clone(),
        kind: c.code(r.kind),
        term: match r.year {
            Some(y) => format!("{} ({y})", r.term),
            None => r.term.to_string(),
        },
        state: c.code(r.state),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewReportForm {
    kind: String,
    term: String,
    year: String,
    languages: String,
    title: String,
}

#[derive(Template)]
#[template(path = "reports/reports.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    reports: Vec<ReportItem>,
    can_create: bool,
    /// The regional report the members can open.
    regional: Option<String>,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
}

fn new_fields(c: &Ctx, f: &NewReportForm, errors: &FieldErrors) -> Vec<Field> {
    let kinds = ReportKind::ALL.iter().map(|k| (k.as_str().to_string(), c.code(*k)));
    let langs = [("fi", "report-lang-fi"), ("sv", "report-lang-sv"), ("fi,sv", "report-lang-fi-sv")]
        .map(|(v, k)| (v.to_string(), c.t(k)));
    vec![
        Field::new(c, "new", "kind", "field-report-kind", &f.kind, errors).select(kinds.collect()).required(),
        Field::new(c, "new", "term", "field-report-term", &f.term, errors)
            .required()
            .hint(c.t("field-report-term-hint")),
        Field::new(c, "new", "year", "field-report-year", &f.year, errors).hint(c.t("field-report-year-hint")),
        Field::new(c, "new", "languages", "field-report-languages", &f.languages, errors).select(langs.to_vec()),
        Field::new(c, "new", "title", "field-report-title", &f.title, errors).required(),
    ]
}

async fn list_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &NewReportForm,
    errors: &FieldErrors,
) -> Result<ListPage, AppError> {
    let reports = app.store.list_reports(org.id).await?.iter().map(|r| item(&c, r)).collect();
    let fields = new_fields(&c, f, errors);
    let regional = super::regional::link_for(app, &org).await?;
    Ok(ListPage {
        can_create: c.can(org.id, Permission::Coordinate),
        regional,
        errors: summary(&fields),
        fields,
        reports,
        org,
        c,
    })
}

pub async fn list(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let f = NewReportForm { kind: "term".into(), languages: "fi".into(), ..Default::default() };
    render(&list_page(&app, c, org, &f, &FieldErrors::default()).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<NewReportForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let langs: Vec<&str> = f.languages.split(',').filter(|s| !s.is_empty()).collect();
    let mut parsed = NewReport::parse(&f.kind, &f.term, &f.year, &langs, &f.title, None);
    // An annual report follows up the term report of its term, when there is one.
    if let Ok(new) = parsed.as_mut() {
        if new.kind == ReportKind::Annual {
            let reports = app.store.list_reports(id).await?;
            new.based_on = reports.iter().find(|r| r.kind == ReportKind::Term && r.term == new.term).map(|r| r.id);
        }
    }
    let errors = match parsed {
        Ok(new) => match app.store.create_report(id, &new, Actor::user(me.user_id)).await {
            Ok(r) => return Ok(see_other(&format!("/orgs/{id}/reports/{}", r.id))),
            Err(StoreError::Rule(ErrorCode::NameTaken)) => ErrorCode::NameTaken.on("term"),
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    render_status(refusal::status(&errors), &list_page(&app, c, org, &f, &errors).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StateForm {
    to: String,
    version: i64,
    body: String,
    date: String,
    decision_ref: String,
}

#[derive(Template)]
#[template(path = "reports/report.html")]
struct ReportPage {
    c: Ctx,
    org: Organisation,
    report: Report,
    item: ReportItem,
    sections: Vec<SectionView>,
    versions: Vec<ReportVersion>,
    can_coordinate: bool,
    alert: Option<String>,
    approval_fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    /// For an annual report: the term report's indicators, their latest value against the one before.
    changes: Vec<super::changes::ChangeLine>,
    /// For an annual report: the year's impact assessments (`list` and `year` for the shared table).
    list: Vec<crate::year_assessments::YearAssessment>,
    year: i32,
    /// Sending the report to the county, and the county's answer.
    sending: super::sending::Sending,
}

/// The report `report_id` of the organisation `org_id`, or `not_found`.
pub async fn load(app: &App, org_id: i64, report_id: i64) -> Result<Report, AppError> {
    let r = app.store.get_report(report_id).await?.filter(|r| r.org_id == org_id);
    r.ok_or(AppError::new(ErrorCode::NotFound))
}

async fn report_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    report: Report,
    f: &StateForm,
    errors: &FieldErrors,
    alert: Option<ErrorCode>,
) -> Result<ReportPage, AppError> {
    let sections = app.store.report_sections(report.id).await?;
    let can_edit = c.can(org.id, Permission::Edit) && report.state.editable();
    let edit_href = |s: &Section| format!("/orgs/{}/reports/{}/sections/{}", org.id, report.id, s.id);
    let edit: Option<&(dyn Fn(&Section) -> String + Sync)> = if can_edit { Some(&edit_href) } else { None };
    // An annual report follows up its term report's plan.
    let plan_of = report.plan_report_id();
    let plan = app.store.plan(plan_of).await?;
    let mut views = view::sections(app, &c, &org, &report, view::Content::live(&sections, &plan), edit).await?;
    for v in views.iter_mut().filter(|v| v.plan.is_some()) {
        v.plan_href = Some(format!("/orgs/{}/reports/{plan_of}/plan", org.id));
    }
    let changes = if report.kind == ReportKind::Annual && plan_of != report.id {
        let term_sections = app.store.report_sections(plan_of).await?;
        let lang = view::content_lang(&c, &report);
        super::changes::changes(app, &c, &org, &term_sections, &plan, lang).await?
    } else {
        vec![]
    };
    let (list, year) = match (report.kind, report.year) {
        (ReportKind::Annual, Some(y)) => (crate::year_assessments::year_assessments(app, c.lang, org.id, y).await?, y),
        _ => (vec![], 0),
    };
    let comments = app.store.report_comments(report.id).await?;
    let can_resolve = c.can(org.id, Permission::Edit);
    let base = format!("/orgs/{}/reports/{}", org.id, report.id);
    for v in views.iter_mut() {
        v.comments = comments
            .iter()
            .filter(|k| k.section_id == v.id)
            .map(|k| view::CommentView {
                author: k.author.clone().unwrap_or_else(|| c.t("audit-system")),
                when: crate::format::fi_datetime(k.created_at),
                body: k.body.clone(),
                resolved: k.resolved,
                resolve_action: (can_resolve && !k.resolved).then(|| format!("{base}/comments/{}/resolve", k.id)),
            })
            .collect();
        if report.state.editable() {
            v.comment_action = Some(format!("{base}/sections/{}/comments", v.id));
        }
    }
    let approval_fields = vec![
        Field::new(&c, "approve", "body", "field-approval-body", &f.body, errors).required(),
        Field::new(&c, "approve", "date", "field-approval-date", &f.date, errors).kind("date").required(),
        Field::new(&c, "approve", "decision_ref", "field-approval-ref", &f.decision_ref, errors)
            .required()
            .hint(c.t("field-approval-ref-hint")),
    ];
    Ok(ReportPage {
        sending: super::sending::sending(app, &c, &org, &report).await?,
        item: item(&c, &report),
        versions: app.store.report_versions(report.id).await?,
        can_coordinate: c.can(org.id, Permission::Coordinate),
        alert: alert.map(|a| c.err(a)),
        errors: summary(&approval_fields),
        approval_fields,
        sections: views,
        changes,
        list,
        year,
        report,
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, rid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let report = load(&app, id, rid).await?;
    render(&report_page(&app, c, org, report, &StateForm::default(), &FieldErrors::default(), None).await?)
}

pub async fn set_state(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid)): Path<(i64, i64)>,
    Form(f): Form<StateForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let report = load(&app, id, rid).await?;
    let actor = Actor::user(me.user_id);
    let result = if f.to == "new_version" {
        app.store.start_new_version(rid, f.version, actor).await
    } else {
        let to = ReportState::parse(&f.to).ok_or(AppError::new(ErrorCode::InvalidInput))?;
        let approval = match to {
            ReportState::Approved => match Approval::parse(&f.body, &f.date, &f.decision_ref) {
                Ok(a) => Some(a),
                Err(errors) => {
                    let page = report_page(&app, c, org, report, &f, &errors, None).await?;
                    return render_status(status_of(ErrorCode::InvalidInput), &page);
                }
            },
            _ => None,
        };
        match approval {
            // The generated sections' figures are kept with the version they are approved in.
            Some(a) => {
                let generated = view::freeze(&app, &c, &org, &report).await?;
                app.store.approve_report(rid, f.version, &a, &generated, actor).await
            }
            None => app.store.set_report_state(rid, f.version, to, None, actor).await,
        }
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/orgs/{id}/reports/{rid}"))),
        Err(StoreError::Rule(code @ (ErrorCode::EditConflict | ErrorCode::StateTransitionInvalid))) => {
            let report = load(&app, id, rid).await?;
            let page = report_page(&app, c, org, report, &f, &FieldErrors::default(), Some(code)).await?;
            render_status(status_of(code), &page)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "reports/report_version.html")]
struct VersionPage {
    c: Ctx,
    org: Organisation,
    report: Report,
    version: ReportVersion,
    sections: Vec<SectionView>,
}

pub async fn version(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, n)): Path<(i64, i64, i32)>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let report = load(&app, id, rid).await?;
    let version = app.store.report_versions(rid).await?.into_iter().find(|v| v.number == n);
    let version = version.ok_or(AppError::new(ErrorCode::NotFound))?;
    let content = &version.content;
    let sections = view::sections(&app, &c, &org, &report, view::Content::frozen(content), None).await?;
    render(&VersionPage { c, org, report, version, sections })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CommentForm {
    body: String,
}

/// A review comment on a section (any member, while the report is a draft or in review).
pub async fn comment(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, sid)): Path<(i64, i64, i64)>,
    Form(f): Form<CommentForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::View).await?;
    let report = load(&app, id, rid).await?;
    let errors = match hyte_domain::reports::parse_comment(&f.body) {
        Ok(body) => match app.store.add_comment(rid, sid, &body, Actor::user(me.user_id)).await {
            Ok(_) => return Ok(see_other(&format!("/orgs/{id}/reports/{rid}#comments-{sid}"))),
            Err(StoreError::Rule(code)) => return Err(AppError::new(code)),
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    let alert = errors.0.first().map(|e| e.code);
    let page = report_page(&app, c, org, report, &StateForm::default(), &FieldErrors::default(), alert).await?;
    render_status(status_of(ErrorCode::InvalidInput), &page)
}

pub async fn resolve_comment(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid, cid)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (_, me) = c.org(&app, id, Permission::Edit).await?;
    load(&app, id, rid).await?;
    let k = app.store.resolve_comment(rid, cid, Actor::user(me.user_id)).await?;
    Ok(see_other(&format!("/orgs/{id}/reports/{rid}#comments-{}", k.section_id)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ExportQuery {
    format: String,
}

/// The current text (with the live plan) as DOCX or PDF, for the organisation's members.
pub async fn export(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid)): Path<(i64, i64)>,
    axum::extract::Query(q): axum::extract::Query<ExportQuery>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    if !matches!(q.format.as_str(), "docx" | "pdf") {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let report = load(&app, id, rid).await?;
    let sections = app.store.report_sections(rid).await?;
    let plan = app.store.plan(report.plan_report_id()).await?;
    let views = view::sections(&app, &c, &org, &report, view::Content::live(&sections, &plan), None).await?;
    let lang = view::content_lang(&c, &report);
    let state = app.i18n.t(lang, &report.state.translation_key());
    let facts = vec![format!(
        "{} ({})",
        state,
        app.i18n.format(lang, "report-version", &[("number", report.content_version.to_string())])
    )];
    let mut doc = super::export::document(&c, &report, &report.title, org.names.get(lang), facts, &views);
    if let (ReportKind::Annual, Some(year)) = (report.kind, report.year) {
        doc.sections.push(crate::year_assessments::year_section(&app, lang, id, year).await?);
    }
    crate::download::document(doc, &format!("hyte-report-{rid}"), &q.format).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewSectionForm {
    title: String,
    kind: String,
}

/// A section of the organisation's own, at the end (coordinators, while editable).
pub async fn add_section(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid)): Path<(i64, i64)>,
    Form(f): Form<NewSectionForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let report = load(&app, id, rid).await?;
    let kind = match f.kind.as_str() {
        "indicators" => hyte_domain::reports::SectionKind::Indicators,
        _ => hyte_domain::reports::SectionKind::Narrative,
    };
    let title = match hyte_domain::reports::SectionEdit::parse((&f.title, "", ""), "", "", "") {
        Ok(e) => e.title,
        Err(_) => {
            let page = report_page(
                &app,
                c,
                org,
                report,
                &StateForm::default(),
                &FieldErrors::default(),
                Some(ErrorCode::Required),
            )
            .await?;
            return render_status(status_of(ErrorCode::Required), &page);
        }
    };
    let s = app.store.add_section(rid, &title, kind, Actor::user(me.user_id)).await?;
    Ok(see_other(&format!("/orgs/{id}/reports/{rid}/sections/{}", s.id)))
}
