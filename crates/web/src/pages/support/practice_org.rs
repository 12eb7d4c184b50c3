//! The organisation's good practices (`/orgs/{id}/practices`): its own practices (create; each
//! edited and published on its page, [`super::practice_page`]), the library's published practices
//! to adopt, its adoptions with links to the plan measures, the JSON export and import, and the
//! county's recommendations per content area (a municipality sees those made to it).

use super::practices::{org_names, PracticeView};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{choices, summary, CheckSet, Field};
use crate::refusal::{answer, submit};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::support::practice::{EvidenceLevel, PracticeForm, RecommendForm};
use hyte_domain::support::ContentArea;
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;
use std::collections::HashMap;

pub use super::practice_page::{adopt, page, publish, update};

/// The store refusals the practice pages explain next to the form.
pub fn explains(code: ErrorCode) -> bool {
    matches!(code, ErrorCode::EditConflict | ErrorCode::ReportLocked | ErrorCode::Forbidden)
}

/// The practice form's parts.
pub struct FormParts {
    pub fields: Vec<Field>,
    pub groups: CheckSet,
    pub errors: Vec<(String, String, String)>,
}

pub fn form_parts(c: &Ctx, f: &PracticeForm, e: &FieldErrors) -> FormParts {
    let t = |name: &'static str, value: &str| Field::new(c, "pr", name, &format!("practice-field-{name}"), value, e);
    let area = |v: &str| {
        Field::new(c, "pr", "area", "practice-field-area", v, e)
            .select(choices::<ContentArea>(c, Some(String::new())))
            .required()
    };
    let fields = vec![
        t("name_fi", &f.name_fi).required(),
        t("name_sv", &f.name_sv),
        t("name_en", &f.name_en),
        t("summary_fi", &f.summary_fi).kind("textarea").hint(c.t("practice-summary-hint")),
        t("summary_sv", &f.summary_sv).kind("textarea"),
        t("summary_en", &f.summary_en).kind("textarea"),
        area(&f.area),
        Field::new(c, "pr", "evidence", "practice-field-evidence", &f.evidence, e)
            .select(choices::<EvidenceLevel>(c, Some(String::new())))
            .required(),
        t("links", &f.links).kind("textarea").hint(c.t("practice-links-hint")),
        t("costs_fi", &f.costs_fi).kind("textarea"),
        t("costs_sv", &f.costs_sv).kind("textarea"),
        t("costs_en", &f.costs_en).kind("textarea"),
        t("results_fi", &f.results_fi).kind("textarea"),
        t("results_sv", &f.results_sv).kind("textarea"),
        t("results_en", &f.results_en).kind("textarea"),
        t("contact", &f.contact),
    ];
    let groups =
        CheckSet::groups(c, "pr-groups", "target_groups", c.t("practice-field-target_groups"), &f.target_groups)
            .error(e, c);
    let mut errors = summary(&fields);
    errors.extend(groups.error.clone().map(|m| (groups.id.clone(), groups.legend.clone(), m)));
    FormParts { fields, groups, errors }
}

pub struct LibraryRow {
    pub href: String,
    pub name: String,
    pub owner: String,
    pub area: String,
    pub evidence: String,
}

pub struct AdoptionRow {
    pub href: String,
    pub name: String,
    pub since: String,
    pub plan_href: Option<String>,
    pub results: String,
}

pub struct RecRow {
    pub id: i64,
    pub year: i32,
    pub href: String,
    pub name: String,
    pub to: String,
    pub note: String,
    pub own: bool,
}

#[derive(Template)]
#[template(path = "support/practices_org.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    own: Vec<PracticeView>,
    library: Vec<LibraryRow>,
    adoptions: Vec<AdoptionRow>,
    /// Per content area: its name and the recommendations.
    recommended: Vec<(String, Vec<RecRow>)>,
    can_edit: bool,
    can_coordinate: bool,
    is_county: bool,
    form: FormParts,
    rec_fields: Vec<Field>,
    rec_errors: Vec<(String, String, String)>,
    alert: Option<String>,
    import_error: Option<String>,
}

/// What a refused post on the list page shows again.
#[derive(Default)]
pub struct Failed {
    pub practice: Option<(PracticeForm, FieldErrors)>,
    pub recommendation: Option<(RecommendForm, FieldErrors)>,
    pub alert: Option<ErrorCode>,
    pub import_error: Option<String>,
}

pub async fn list_page(app: &App, c: Ctx, org: Organisation, failed: Failed) -> Result<impl Template, AppError> {
    let id = org.id;
    let names = org_names(app, &c).await?;
    let name_of = |o: &i64| names.get(o).cloned().unwrap_or_default();
    let own = app.store.org_practices(id).await?;
    let published = app.store.published_practices().await?;
    let href = |pid: i64| format!("/orgs/{id}/practices/{pid}");
    let library = published
        .iter()
        .filter(|p| p.org_id != id)
        .map(|p| LibraryRow {
            href: href(p.id),
            name: p.name(c.lang).to_string(),
            owner: name_of(&p.org_id),
            area: c.code(p.input.area),
            evidence: c.code(p.input.evidence),
        })
        .collect();
    let mut practice_names: HashMap<i64, String> =
        published.iter().chain(own.iter()).map(|p| (p.id, p.name(c.lang).to_string())).collect();
    let mut adoptions = vec![];
    for a in app.store.org_adoptions(id).await? {
        if let std::collections::hash_map::Entry::Vacant(slot) = practice_names.entry(a.practice_id) {
            // A practice since withdrawn: the adoption still names it.
            let n = app.store.practice(id, a.practice_id).await?.map(|p| p.name(c.lang).to_string());
            slot.insert(n.unwrap_or_else(|| c.t("practices-withdrawn")));
        }
        adoptions.push(AdoptionRow {
            href: href(a.practice_id),
            name: practice_names.get(&a.practice_id).cloned().unwrap_or_default(),
            since: crate::format::fi_date(a.since),
            plan_href: a.report_id.zip(a.measure_id).map(|(r, m)| format!("/orgs/{id}/reports/{r}/plan#measure-{m}")),
            results: a.results.clone().unwrap_or_default(),
        });
    }
    let mut recommended: Vec<(String, Vec<RecRow>)> = vec![];
    let recs = app.store.recommendations(id).await?;
    for area in ContentArea::ALL {
        let rows: Vec<RecRow> = recs
            .iter()
            .filter(|r| r.input.area == area)
            .map(|r| RecRow {
                id: r.id,
                year: r.input.year,
                href: href(r.input.practice_id),
                name: practice_names.get(&r.input.practice_id).cloned().unwrap_or_default(),
                to: r.input.municipality_id.map(|m| name_of(&m)).unwrap_or_else(|| c.t("practices-rec-all")),
                note: r.input.note.clone().unwrap_or_default(),
                own: r.county_id == id,
            })
            .collect();
        if !rows.is_empty() {
            recommended.push((c.code(area), rows));
        }
    }
    let (pf, pe) = failed.practice.unwrap_or_default();
    let (rf, re) = failed.recommendation.unwrap_or_else(|| {
        let year = chrono::Datelike::year(&crate::format::today()).to_string();
        (RecommendForm { year, ..Default::default() }, FieldErrors::default())
    });
    let mut practices: Vec<(String, String)> =
        published.iter().map(|p| (p.id.to_string(), p.name(c.lang).to_string())).collect();
    practices.insert(0, (String::new(), String::new()));
    let mut members: Vec<(String, String)> =
        app.store.member_orgs(id).await?.iter().map(|o| (o.id.to_string(), c.name(&o.names).to_string())).collect();
    members.insert(0, (String::new(), c.t("practices-rec-all")));
    let f = |name: &'static str, v: &str| Field::new(&c, "rec", name, &format!("practices-rec-{name}"), v, &re);
    let rec_fields = vec![
        f("year", &rf.year).required(),
        f("area", &rf.area).select(choices::<ContentArea>(&c, Some(String::new()))).required(),
        f("practice_id", &rf.practice_id).select(practices).required(),
        f("municipality_id", &rf.municipality_id).select(members),
        f("note", &rf.note).kind("textarea"),
    ];
    Ok(ListPage {
        own: own.iter().map(|p| PracticeView::of(&c, p)).collect(),
        library,
        adoptions,
        recommended,
        can_edit: c.can(id, Permission::Edit),
        can_coordinate: c.can(id, Permission::Coordinate),
        is_county: org.kind.is_county(),
        form: form_parts(&c, &pf, &pe),
        rec_errors: summary(&rec_fields),
        rec_fields,
        alert: failed.alert.map(|a| c.err(a)),
        import_error: failed.import_error,
        org,
        c,
    })
}

pub async fn list(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    render(&list_page(&app, c, org, Failed::default()).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    let f = PracticeForm::from_pairs(&pairs);
    let outcome =
        submit(f.parse(), async |input| app.store.create_practice(id, &input, Actor::user(me.user_id)).await).await;
    answer(
        outcome,
        explains,
        |p| see_other(&format!("/orgs/{id}/practices/{}", p.id)),
        async |r| {
            let failed = Failed { practice: Some((f, r.errors)), alert: r.alert, ..Default::default() };
            list_page(&app, c, org, failed).await
        },
    )
    .await
}

pub async fn recommend(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<RecommendForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    if !org.kind.is_county() {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    let outcome =
        submit(f.parse(), async |input| app.store.recommend_practice(id, &input, Actor::user(me.user_id)).await).await;
    answer(
        outcome,
        explains,
        |_| see_other(&format!("/orgs/{id}/practices#recommendations")),
        async |r| {
            let failed = Failed { recommendation: Some((f, r.errors)), alert: r.alert, ..Default::default() };
            list_page(&app, c, org, failed).await
        },
    )
    .await
}

pub async fn unrecommend(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (_, me) = c.org(&app, id, Permission::Coordinate).await?;
    app.store.delete_recommendation(id, rid, Actor::user(me.user_id)).await?;
    Ok(see_other(&format!("/orgs/{id}/practices#recommendations")))
}
