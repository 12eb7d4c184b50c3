//! Cooperation agreements (*yhteistyösopimukset*, `/orgs/{id}/agreements`): the organisation's
//! agreements as a party — the interface services they cover, the term, each party's obligations,
//! resources and contact person, the status, review and renewal dates (which remind every party
//! on its front page), and the signed document: a PDF kept with its checksum, which only the
//! parties can download (the store refuses the others). Coordinators write them.

use super::{explains, org_names};
use crate::auth::sha256_hex;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::choices;
use crate::form::{org_choices, summary, Field};
use crate::format::{fi_date, fmt_num};
use crate::refusal::{answer, submit, Failure};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::interface::{
    is_pdf, Agreement, AgreementForm, AgreementStatus, DocumentFacts, InterfaceService, DOCUMENT_MAX,
};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;
use std::collections::HashMap;

/// The document route's body limit: the largest document and the form around it (every other
/// request has 2 MiB).
pub const BODY_MAX: usize = DOCUMENT_MAX + 64 * 1024;

/// Empty party rows below the parties, for adding new ones.
const NEW_PARTIES: usize = 4;

/// The agreement form as the page shows it.
pub struct FormView {
    pub title: Vec<Field>,
    /// (service id, name, checked).
    pub services: Vec<(String, String, bool)>,
    pub services_error: Option<String>,
    /// Each party row: its legend and fields.
    pub parties: Vec<(String, Vec<Field>)>,
    pub parties_error: Option<String>,
    pub fields: Vec<Field>,
    pub version: i64,
}

fn form_view(
    c: &Ctx,
    f: &AgreementForm,
    e: &FieldErrors,
    services: &[InterfaceService],
    orgs: &[(String, String)],
) -> FormView {
    let none = FieldErrors::default();
    let cell = |v: &[String], i: usize| v.get(i).cloned().unwrap_or_default();
    let parties = (0..f.party_org.len() + NEW_PARTIES)
        .map(|i| {
            let p = format!("agreement-party-{i}");
            let fields = vec![
                Field::new(c, &p, "party_org", "field-ifc-party-org", &cell(&f.party_org, i), &none)
                    .select(orgs.to_vec()),
                Field::new(
                    c,
                    &p,
                    "party_obligations",
                    "field-ifc-party-obligations",
                    &cell(&f.party_obligations, i),
                    &none,
                ),
                Field::new(c, &p, "party_resources", "field-ifc-party-resources", &cell(&f.party_resources, i), &none),
                Field::new(c, &p, "party_contact", "field-ifc-party-contact", &cell(&f.party_contact, i), &none),
            ];
            (c.t1("ifc-agreement-party-n", "n", i + 1), fields)
        })
        .collect();
    FormView {
        title: vec![Field::new(c, "agreement", "title", "field-ifc-agreement-title", &f.title, e).required()],
        services: services
            .iter()
            .map(|s| (s.id.to_string(), s.name(c.lang).to_string(), f.service_ids.contains(&s.id.to_string())))
            .collect(),
        services_error: e.get("service_ids").map(|code| match code {
            ErrorCode::Required => c.err(code),
            _ => c.t("ifc-agreement-services-invalid"),
        }),
        parties,
        parties_error: e.get("party_org").map(|code| match code {
            ErrorCode::ReferenceInvalid => c.t("ifc-agreement-parties-invalid"),
            ErrorCode::InvalidInput => c.t("ifc-agreement-parties-twice"),
            ErrorCode::Required => c.t("ifc-agreement-obligations-required"),
            _ => c.err(code),
        }),
        fields: vec![
            Field::new(c, "agreement", "starts_on", "field-ifc-agreement-starts", &f.starts_on, e)
                .kind("date")
                .required(),
            Field::new(c, "agreement", "ends_on", "field-ifc-agreement-ends", &f.ends_on, e).kind("date"),
            Field::new(c, "agreement", "status", "field-ifc-agreement-status", &f.status, e)
                .select(choices::<AgreementStatus>(c, None))
                .required(),
            Field::new(c, "agreement", "review_on", "field-ifc-agreement-review", &f.review_on, e)
                .kind("date")
                .hint(c.t("field-ifc-agreement-dates-hint")),
            Field::new(c, "agreement", "renew_on", "field-ifc-agreement-renew", &f.renew_on, e)
                .kind("date")
                .hint(c.t("field-ifc-agreement-dates-hint")),
        ],
        version: f.version,
    }
}

/// The error summary of the form: its fields, the services and the parties.
fn form_errors(c: &Ctx, v: &FormView) -> Vec<(String, String, String)> {
    let mut out = summary(&v.title);
    if let Some(e) = &v.services_error {
        let first = v.services.first().map(|s| format!("agreement-svc-{}", s.0)).unwrap_or_default();
        out.push((first, c.t("field-ifc-agreement-services"), e.clone()));
    }
    if let Some(e) = &v.parties_error {
        out.push(("agreement-party-0-party_org".into(), c.t("ifc-agreement-parties"), e.clone()));
    }
    out.extend(summary(&v.fields));
    out
}

async fn form_of(
    app: &App,
    c: &Ctx,
    org_id: i64,
    f: &AgreementForm,
    e: &FieldErrors,
) -> Result<(FormView, Vec<(String, String, String)>), AppError> {
    let services = app.store.list_interfaces(org_id).await?;
    // Every organisation may be a party (0: no organisation is left out).
    let orgs = org_choices(app, c, 0, "ifc-agreement-party-none").await?;
    let view = form_view(c, f, e, &services, &orgs);
    let errors = form_errors(c, &view);
    Ok((view, errors))
}

/// A store refusal in the agreement's words: a service or party the store does not accept.
fn alert_text(c: &Ctx, code: ErrorCode) -> String {
    match code {
        ErrorCode::ReferenceInvalid => c.t("ifc-agreement-reference-invalid"),
        _ => c.err(code),
    }
}

fn term(a: &Agreement) -> String {
    format!("{}–{}", fi_date(a.input.starts_on), a.input.ends_on.map(fi_date).unwrap_or_default())
}

fn day(d: Option<chrono::NaiveDate>) -> String {
    d.map(fi_date).unwrap_or_default()
}

fn party_names(names: &HashMap<i64, String>, a: &Agreement) -> String {
    a.input.parties.iter().filter_map(|p| names.get(&p.org_id).cloned()).collect::<Vec<_>>().join(", ")
}

pub struct AgreementRow {
    pub href: String,
    pub title: String,
    pub status: String,
    pub term: String,
    pub parties: String,
    pub review_on: String,
    pub renew_on: String,
    pub document: bool,
}

#[derive(Template)]
#[template(path = "interface/agreements.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    rows: Vec<AgreementRow>,
    can_manage: bool,
    form: FormView,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

async fn list_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &AgreementForm,
    e: &FieldErrors,
    alert: Option<ErrorCode>,
) -> Result<ListPage, AppError> {
    let names = org_names(app, &c).await?;
    let rows = app
        .store
        .list_agreements(org.id)
        .await?
        .iter()
        .map(|a| AgreementRow {
            href: format!("/orgs/{}/agreements/{}", org.id, a.id),
            title: a.input.title.clone(),
            status: c.code(a.input.status),
            term: term(a),
            parties: party_names(&names, a),
            review_on: day(a.input.review_on),
            renew_on: day(a.input.renew_on),
            document: a.document.is_some(),
        })
        .collect();
    let (form, errors) = form_of(app, &c, org.id, f, e).await?;
    Ok(ListPage {
        can_manage: c.can(org.id, Permission::Coordinate),
        alert: alert.map(|a| alert_text(&c, a)),
        rows,
        form,
        errors,
        org,
        c,
    })
}

pub async fn list(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let f = AgreementForm { party_org: vec![id.to_string()], status: "draft".into(), ..Default::default() };
    render(&list_page(&app, c, org, &f, &FieldErrors::default(), None).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let f = AgreementForm::from_pairs(&pairs);
    let outcome =
        submit(f.parse(id), async |input| app.store.create_agreement(id, &input, Actor::user(me.user_id)).await).await;
    answer(
        outcome,
        explains,
        |a| see_other(&format!("/orgs/{id}/agreements/{}", a.id)),
        async |r| list_page(&app, c, org, &f, &r.errors, r.alert).await,
    )
    .await
}

/// A party's part, as the page shows it.
pub struct PartyView {
    pub name: String,
    pub obligations: String,
    pub resources: String,
    pub contact: String,
}

/// The signed document's facts, as the page shows them.
pub struct DocumentView {
    pub filename: String,
    pub size: String,
    pub sha256: String,
}

#[derive(Template)]
#[template(path = "interface/agreement.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    a: Agreement,
    status: String,
    term: String,
    review_on: String,
    renew_on: String,
    /// The services it covers that this organisation takes part in: (link, name).
    services: Vec<(String, String)>,
    /// How many more it covers (services of the other parties).
    other_services: usize,
    parties: Vec<PartyView>,
    document: Option<DocumentView>,
    document_field: Vec<Field>,
    can_manage: bool,
    form: FormView,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

/// What a refused post shows again: the typed agreement, or the document's error.
#[derive(Default)]
struct Failed {
    agreement: Option<(AgreementForm, FieldErrors)>,
    document: FieldErrors,
    alert: Option<ErrorCode>,
}

async fn load(app: &App, id: i64, aid: i64) -> Result<Agreement, AppError> {
    app.store.get_agreement(id, aid).await?.ok_or(AppError::new(ErrorCode::NotFound))
}

fn document_view(c: &Ctx, d: &DocumentFacts) -> DocumentView {
    DocumentView {
        filename: d.filename.clone(),
        size: match d.size {
            n if n < 1024 => c.t1("ifc-document-bytes", "n", n),
            n => c.t1("ifc-document-size", "kb", fmt_num(c.lang, n as f64 / 1024.0, 1)),
        },
        sha256: d.sha256.clone(),
    }
}

async fn page_of(app: &App, c: Ctx, org: Organisation, a: Agreement, failed: Failed) -> Result<Page, AppError> {
    let names = org_names(app, &c).await?;
    let mine = app.store.list_interfaces(org.id).await?;
    let services: Vec<(String, String)> = mine
        .iter()
        .filter(|s| a.input.service_ids.contains(&s.id))
        .map(|s| (format!("/orgs/{}/interface/{}", org.id, s.id), s.name(c.lang).to_string()))
        .collect();
    let parties = a
        .input
        .parties
        .iter()
        .map(|p| PartyView {
            name: names.get(&p.org_id).cloned().unwrap_or_default(),
            obligations: p.obligations.clone(),
            resources: p.resources.clone().unwrap_or_default(),
            contact: p.contact.clone().unwrap_or_default(),
        })
        .collect();
    let (f, e) = failed.agreement.unwrap_or_else(|| (AgreementForm::from_agreement(&a), FieldErrors::default()));
    let (form, mut errors) = form_of(app, &c, org.id, &f, &e).await?;
    let max_mb = DOCUMENT_MAX / (1024 * 1024);
    let mut doc = Field::new(&c, "agreement", "document", "field-ifc-document", "", &failed.document)
        .kind("file")
        .hint(c.t1("field-ifc-document-hint", "max", max_mb));
    if failed.document.get("document") == Some(ErrorCode::UploadTooLarge) {
        // Not the import's message: this limit is the room's own.
        doc.error = Some(c.t1("ifc-document-too-large", "max", max_mb));
    }
    let document_field = vec![doc];
    errors.extend(summary(&document_field));
    Ok(Page {
        status: c.code(a.input.status),
        term: term(&a),
        review_on: day(a.input.review_on),
        renew_on: day(a.input.renew_on),
        other_services: a.input.service_ids.len() - services.len(),
        services,
        parties,
        document: a.document.as_ref().map(|d| document_view(&c, d)),
        document_field,
        can_manage: c.can(org.id, Permission::Coordinate),
        alert: failed.alert.map(|x| alert_text(&c, x)),
        form,
        errors,
        a,
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, aid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let a = load(&app, id, aid).await?;
    render(&page_of(&app, c, org, a, Failed::default()).await?)
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let a = load(&app, id, aid).await?;
    let f = AgreementForm::from_pairs(&pairs);
    let outcome = submit(f.parse(id), async |input| {
        app.store.update_agreement(id, aid, f.version, &input, Actor::user(me.user_id)).await
    })
    .await;
    let done = format!("/orgs/{id}/agreements/{aid}");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            // After a conflict the current agreement shows; else what was typed.
            let agreement = (r.alert != Some(ErrorCode::EditConflict)).then_some((f, r.errors));
            let failed = Failed { agreement, alert: r.alert, ..Default::default() };
            page_of(&app, c, org, a, failed).await
        },
    )
    .await
}

/// The signed document (multipart: `document`, a PDF of at most [`DOCUMENT_MAX`] bytes, and the
/// agreement's `version`): refused as `file_type_invalid` or `upload_too_large` with nothing kept.
pub async fn upload(
    State(app): State<App>,
    c: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    mut mp: Multipart,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let a = load(&app, id, aid).await?;
    let refused = |code: ErrorCode| Err(Failure::Form(code.on("document")));
    let outcome = match crate::upload::read_form(&mut mp, "document", DOCUMENT_MAX).await {
        Err(e) if e.code == ErrorCode::UploadTooLarge => refused(e.code),
        Err(e) => return Err(e),
        Ok((_, None)) => refused(ErrorCode::Required),
        Ok((_, Some((_, bytes)))) if !is_pdf(&bytes) => refused(ErrorCode::FileTypeInvalid),
        Ok((fields, Some((filename, bytes)))) => {
            let version = fields.iter().find(|(k, _)| k == "version").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
            let facts = DocumentFacts { filename, size: bytes.len() as i64, sha256: sha256_hex(&bytes) };
            let actor = Actor::user(me.user_id);
            app.store.attach_document(id, aid, version, &facts, &bytes, actor).await.map_err(Failure::from)
        }
    };
    let done = format!("/orgs/{id}/agreements/{aid}#document");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| page_of(&app, c, org, a, Failed { document: r.errors, alert: r.alert, ..Default::default() }).await,
    )
    .await
}

/// The signed document, to the agreement's parties only.
pub async fn download(State(app): State<App>, c: Ctx, Path((id, aid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    c.org(&app, id, Permission::View).await?;
    let (facts, bytes) = app.store.agreement_document(id, aid).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    let stem = facts.filename.strip_suffix(".pdf").or(facts.filename.strip_suffix(".PDF")).unwrap_or(&facts.filename);
    crate::download::attachment(bytes, "application/pdf", stem, "pdf")
}
