//! The support-needs survey: the room's landing page (`/orgs/{id}/support`: a county's surveys and
//! plans; a municipality's surveys to answer, its earlier answers and the support planned for it),
//! and the county's survey page: the draft's questions (editable, or the default set over the
//! content areas), sending it to member municipalities. The municipality's answer page is in
//! `answer.rs`, the heat map in `heatmap.rs`.

use super::{answer, heatmap, plan};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{choices, summary, CheckSet, Field};
use crate::format::today;
use crate::refusal::{answer as respond, submit, Refusal};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::Datelike;
use hyte_domain::support::survey::{Survey, SurveyForm, SurveyState};
use hyte_domain::support::ContentArea;
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;
use std::collections::HashMap;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/orgs/{id}/support", get(landing))
        .route("/orgs/{id}/support/surveys", post(create))
        .route("/orgs/{id}/support/surveys/{sid}", get(page).post(update))
        .route("/orgs/{id}/support/surveys/{sid}/send", post(send))
        .route("/orgs/{id}/support/surveys/{sid}/answers", post(answer::save))
        .route("/orgs/{id}/support/surveys/{sid}/submit", post(answer::submit_answers))
        .route("/orgs/{id}/support/surveys/{sid}/heatmap", get(heatmap::page))
}

/// The store refusals the support pages explain next to their forms.
pub fn explains(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::EditConflict
            | ErrorCode::ReferenceInvalid
            | ErrorCode::YearInvalid
            | ErrorCode::StateTransitionInvalid
            | ErrorCode::SectorInvalid
            | ErrorCode::NumberInvalid
    )
}

/// A store refusal in the support pages' words.
pub fn alert_text(c: &Ctx, code: ErrorCode) -> String {
    match code {
        ErrorCode::YearInvalid => c.t("support-year-taken"),
        ErrorCode::ReferenceInvalid => c.t("support-reference-invalid"),
        ErrorCode::StateTransitionInvalid => c.t("support-state-invalid"),
        _ => c.err(code),
    }
}

/// Organisation names in the user's language, by id.
pub async fn names(app: &App, c: &Ctx) -> Result<HashMap<i64, String>, AppError> {
    Ok(app.store.list_organisations().await?.into_iter().map(|o| (o.id, c.name(&o.names).to_string())).collect())
}

pub struct SurveyRow {
    pub href: String,
    pub year: i32,
    pub state: String,
    pub sent_to: usize,
    pub answered: usize,
    pub heatmap: Option<String>,
}

#[derive(Template)]
#[template(path = "support/landing.html")]
struct Landing {
    c: Ctx,
    org: Organisation,
    county: bool,
    can_manage: bool,
    surveys: Vec<SurveyRow>,
    plans: Vec<(String, i32)>,
    form: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
    history: Vec<answer::HistoryRow>,
    support: Vec<plan::SupportView>,
}

async fn landing_page(app: &App, c: Ctx, org: Organisation, f: &SurveyForm, r: Refusal) -> Result<Landing, AppError> {
    let county = org.kind.is_county();
    let mut surveys = vec![];
    for s in app.store.list_surveys(org.id).await? {
        let href = format!("/orgs/{}/support/surveys/{}", org.id, s.id);
        let (answered, state, heat) = if county {
            let n =
                if s.state == SurveyState::Sent { app.store.survey_responses(org.id, s.id).await?.len() } else { 0 };
            let heat = (s.state == SurveyState::Sent).then(|| format!("{href}/heatmap"));
            (n, c.code(s.state), heat)
        } else {
            let own = app.store.own_response(org.id, s.id).await?;
            let state = own.map(|r| c.code(r.state)).unwrap_or_else(|| c.t("support-not-answered"));
            (0, state, None)
        };
        surveys.push(SurveyRow { href, year: s.input.year, state, sent_to: s.sent_to.len(), answered, heatmap: heat });
    }
    let plans = if county {
        app.store
            .list_plans(org.id)
            .await?
            .into_iter()
            .map(|p| (format!("/orgs/{}/support/plans/{}", org.id, p.id), p.year))
            .collect()
    } else {
        vec![]
    };
    let form = vec![Field::new(&c, "survey", "year", "support-year", &f.year, &r.errors).required()];
    let mut errors = summary(&form);
    if let Some(code) = r.errors.get("questions") {
        errors.push(("survey-defaults".into(), c.t("support-questions"), c.err(code)));
    }
    let (history, support) = if county {
        (vec![], vec![])
    } else {
        (answer::history(app, &c, org.id).await?, plan::support_views(app, &c, org.id).await?)
    };
    Ok(Landing {
        county,
        can_manage: county && c.can(org.id, Permission::Coordinate),
        alert: r.alert.map(|a| alert_text(&c, a)),
        surveys,
        plans,
        form,
        errors,
        history,
        support,
        org,
        c,
    })
}

pub async fn landing(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let f = SurveyForm { year: today().year().to_string(), ..Default::default() };
    render(&landing_page(&app, c, org, &f, Refusal::default()).await?)
}

/// A new draft: the year, and the default questions (one per content area) unless the county
/// writes its own later.
pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    if !org.kind.is_county() {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    let mut f = SurveyForm::from_pairs(&pairs);
    f.defaults = true;
    let outcome =
        submit(f.parse(), async |input| app.store.create_survey(id, &input, Actor::user(me.user_id)).await).await;
    respond(
        outcome,
        explains,
        |s| see_other(&format!("/orgs/{id}/support/surveys/{}", s.id)),
        async |r| landing_page(&app, c, org, &f, r).await,
    )
    .await
}

/// Empty question rows below the questions, for adding new ones.
const NEW_ROWS: usize = 3;

pub struct QuestionRow {
    pub legend: String,
    pub key: String,
    pub fields: Vec<Field>,
}

#[derive(Template)]
#[template(path = "support/survey.html")]
struct SurveyPage {
    c: Ctx,
    org: Organisation,
    survey: Survey,
    can_manage: bool,
    draft: bool,
    state: String,
    year: Vec<Field>,
    rows: Vec<QuestionRow>,
    questions: Vec<(String, String)>,
    send_to: CheckSet,
    sent_to: Vec<String>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

async fn survey_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    survey: Survey,
    f: Option<&SurveyForm>,
    r: Refusal,
) -> Result<SurveyPage, AppError> {
    let own = SurveyForm::from_survey(&survey);
    let f = f.unwrap_or(&own);
    let none = FieldErrors::default();
    let cell = |v: &[String], i: usize| v.get(i).cloned().unwrap_or_default();
    let areas = choices::<ContentArea>(&c, Some(c.t("support-no-area")));
    let rows = (0..f.q_fi.len().max(f.q_key.len()) + NEW_ROWS)
        .map(|i| {
            let p = format!("q-{i}");
            QuestionRow {
                legend: c.t1("support-question-n", "n", i + 1),
                key: cell(&f.q_key, i),
                fields: vec![
                    Field::new(&c, &p, "q_area", "support-question-area", &cell(&f.q_area, i), &none)
                        .select(areas.clone()),
                    Field::new(&c, &p, "q_fi", "support-question-fi", &cell(&f.q_fi, i), &none),
                    Field::new(&c, &p, "q_sv", "support-question-sv", &cell(&f.q_sv, i), &none),
                    Field::new(&c, &p, "q_en", "support-question-en", &cell(&f.q_en, i), &none),
                ],
            }
        })
        .collect();
    let year = vec![Field::new(&c, "survey", "year", "support-year", &f.year, &r.errors).required()];
    let mut errors = summary(&year);
    if let Some(code) = r.errors.get("questions") {
        errors.push(("q-0-q_fi".into(), c.t("support-questions"), c.err(code)));
    }
    let members = app.store.member_orgs(org.id).await?;
    let options: Vec<(String, String)> = members.iter().map(|m| (m.id.to_string(), c.name(&m.names).into())).collect();
    let all: Vec<String> = options.iter().map(|o| o.0.clone()).collect();
    let send_to = CheckSet::new("send-to", "to", c.t("support-send-to"), options, &all);
    let names = names(app, &c).await?;
    let questions = survey
        .input
        .questions
        .iter()
        .map(|q| (q.area.map(|a| c.code(a)).unwrap_or_default(), q.text.get(c.lang).to_string()))
        .collect();
    Ok(SurveyPage {
        can_manage: c.can(org.id, Permission::Coordinate),
        draft: survey.state == SurveyState::Draft,
        state: c.code(survey.state),
        sent_to: survey.sent_to.iter().filter_map(|o| names.get(o).cloned()).collect(),
        alert: r.alert.map(|a| alert_text(&c, a)),
        year,
        rows,
        questions,
        send_to,
        errors,
        survey,
        org,
        c,
    })
}

/// The survey: the county's editor, or the municipality's answer page.
pub async fn page(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    q: axum::extract::Query<answer::SectorQuery>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let survey = app.store.get_survey(id, sid).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    if survey.county_org_id != id {
        return render(&answer::page_of(&app, c, org, survey, q.0.sector, answer::Failed::default()).await?);
    }
    render(&survey_page(&app, c, org, survey, None, Refusal::default()).await?)
}

/// The county's own survey `sid`, for a coordinator.
async fn own(app: &App, c: &Ctx, id: i64, sid: i64) -> Result<(Organisation, i64, Survey), AppError> {
    let (org, me) = c.org(app, id, Permission::Coordinate).await?;
    let survey = app.store.get_survey(id, sid).await?.filter(|s| s.county_org_id == id);
    Ok((org, me.user_id, survey.ok_or(AppError::new(ErrorCode::NotFound))?))
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, user, survey) = own(&app, &c, id, sid).await?;
    let f = SurveyForm::from_pairs(&pairs);
    let outcome =
        submit(f.parse(), async |input| app.store.update_survey(id, sid, f.version, &input, Actor::user(user)).await)
            .await;
    let done = format!("/orgs/{id}/support/surveys/{sid}");
    respond(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            let typed = (r.alert != Some(ErrorCode::EditConflict)).then_some(&f);
            survey_page(&app, c, org, survey.clone(), typed, r).await
        },
    )
    .await
}

pub async fn send(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, user, survey) = own(&app, &c, id, sid).await?;
    let to: Vec<i64> = pairs.iter().filter(|(k, _)| k == "to").filter_map(|(_, v)| v.parse().ok()).collect();
    let version = pairs.iter().find(|(k, _)| k == "version").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let outcome = app.store.send_survey(id, sid, version, &to, Actor::user(user)).await.map_err(Into::into);
    let done = format!("/orgs/{id}/support/surveys/{sid}");
    respond(outcome, explains, |_| see_other(&done), async |r| survey_page(&app, c, org, survey.clone(), None, r).await)
        .await
}
