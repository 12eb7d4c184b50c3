//! A municipality answers the county's survey (`/orgs/{id}/support/surveys/{sid}`): one sector at a
//! time (several people may contribute; each save records who), then a coordinator submits, after
//! which the answers are read-only and the county sees them. Earlier years' answers stay readable.

use super::survey::{alert_text, explains, names};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fi_datetime;
use crate::refusal::{answer as respond, Failure, Refusal};
use crate::respond::see_other;
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::support::survey::{parse_answers, NeedLevel, Response as Answers, ResponseState, Survey};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SectorQuery {
    pub sector: Option<String>,
}

/// One question of the answer form.
pub struct QuestionView {
    pub key: u32,
    pub area: String,
    pub text: String,
    /// (code, label, checked); the first is "not answered".
    pub levels: Vec<(String, String, bool)>,
    pub comment: String,
}

/// One answer as read: the sector, the question, the level (code and text) and the free text.
pub struct AnswerView {
    pub sector: String,
    pub question: String,
    pub level: NeedLevel,
    pub level_text: String,
    pub text: String,
}

#[derive(Default)]
pub struct Failed {
    pub errors: FieldErrors,
    pub alert: Option<ErrorCode>,
}

#[derive(Template)]
#[template(path = "support/answer.html")]
pub struct AnswerPage {
    c: Ctx,
    org: Organisation,
    survey: Survey,
    county: String,
    submitted: bool,
    submitted_line: Option<String>,
    version: i64,
    sectors: Vec<(String, String, bool)>,
    sector_id: i64,
    sector_name: String,
    questions: Vec<QuestionView>,
    answers: Vec<AnswerView>,
    contributors: Vec<(String, String, String)>,
    can_edit: bool,
    can_submit: bool,
    error: Option<String>,
    alert: Option<String>,
}

pub async fn page_of(
    app: &App,
    c: Ctx,
    org: Organisation,
    survey: Survey,
    sector: Option<String>,
    failed: Failed,
) -> Result<AnswerPage, AppError> {
    let response = app.store.own_response(org.id, survey.id).await?;
    let sectors = app.store.list_sectors(org.id).await?;
    let sector_id = sector
        .and_then(|s| s.parse::<i64>().ok())
        .filter(|s| sectors.iter().any(|x| x.id == *s))
        .or(sectors.first().map(|s| s.id))
        .unwrap_or(0);
    let sector_name = |id: i64| sectors.iter().find(|s| s.id == id).map(|s| s.name(c.lang).to_string());
    let own = response.as_ref().and_then(|r| r.sectors.iter().find(|s| s.sector_id == sector_id));
    let questions = survey
        .input
        .questions
        .iter()
        .map(|q| {
            let given = own.and_then(|s| s.answers.iter().find(|a| a.question == q.key));
            let mut levels = vec![(String::new(), c.t("support-not-answered"), given.is_none())];
            levels.extend(
                NeedLevel::ALL.iter().map(|l| (l.as_str().to_string(), c.code(*l), given.map(|g| g.level) == Some(*l))),
            );
            QuestionView {
                key: q.key,
                area: q.area.map(|a| c.code(a)).unwrap_or_default(),
                text: q.text.get(c.lang).to_string(),
                levels,
                comment: given.and_then(|g| g.text.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let answers = response.as_ref().map(|r| answer_views(&c, &survey, r, &sector_name)).unwrap_or_default();
    let contributors = response
        .as_ref()
        .map(|r| {
            r.contributors
                .iter()
                .map(|x| (x.name.clone(), sector_name(x.sector_id).unwrap_or_default(), fi_datetime(x.at)))
                .collect()
        })
        .unwrap_or_default();
    let submitted = response.as_ref().is_some_and(|r| r.state == ResponseState::Submitted);
    let submitted_line = response.as_ref().and_then(|r| {
        r.submitted_at.map(|at| {
            c.t2("support-submitted-by", "name", r.submitted_by.clone().unwrap_or_default(), "at", fi_datetime(at))
        })
    });
    let county = names(app, &c).await?.get(&survey.county_org_id).cloned().unwrap_or_default();
    Ok(AnswerPage {
        can_edit: !submitted && c.can(org.id, Permission::Edit) && sector_id != 0,
        can_submit: !submitted && response.is_some() && c.can(org.id, Permission::Coordinate),
        version: response.as_ref().map(|r| r.version).unwrap_or(0),
        sectors: sectors.iter().map(|s| (s.id.to_string(), s.name(c.lang).to_string(), s.id == sector_id)).collect(),
        sector_name: sector_name(sector_id).unwrap_or_default(),
        error: failed.errors.get("answers").map(|code| c.err(code)),
        alert: failed.alert.map(|a| alert_text(&c, a)),
        sector_id,
        questions,
        answers,
        contributors,
        submitted,
        submitted_line,
        county,
        survey,
        org,
        c,
    })
}

/// Every answer of a response, by sector and question.
pub fn answer_views(c: &Ctx, survey: &Survey, r: &Answers, sector: &dyn Fn(i64) -> Option<String>) -> Vec<AnswerView> {
    r.sectors
        .iter()
        .flat_map(|s| s.answers.iter().map(move |a| (s.sector_id, a)))
        .map(|(sid, a)| AnswerView {
            sector: sector(sid).unwrap_or_else(|| c.t("support-sector-removed")),
            question: survey.question(a.question).map(|q| q.text.get(c.lang).to_string()).unwrap_or_default(),
            level: a.level,
            level_text: c.code(a.level),
            text: a.text.clone().unwrap_or_default(),
        })
        .collect()
}

/// A survey sent to municipality `id`.
async fn sent(
    app: &App,
    c: &Ctx,
    id: i64,
    sid: i64,
    perm: Permission,
) -> Result<(Organisation, i64, Survey), AppError> {
    let (org, me) = c.org(app, id, perm).await?;
    let survey = app.store.get_survey(id, sid).await?.filter(|s| s.county_org_id != id);
    Ok((org, me.user_id, survey.ok_or(AppError::new(ErrorCode::NotFound))?))
}

fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

/// One sector's answers (`sector_id`, `version`, `level_<key>`, `text_<key>`).
pub async fn save(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, user, survey) = sent(&app, &c, id, sid, Permission::Edit).await?;
    let sector = field(&pairs, "sector_id").to_string();
    let sector_id: i64 = sector.parse().unwrap_or(0);
    let version: i64 = field(&pairs, "version").parse().unwrap_or(0);
    let name = c.require_user()?.user.display_name.clone();
    let outcome = match parse_answers(&survey, sector_id, &pairs) {
        Err(e) => Err(Failure::Form(e)),
        Ok(a) => app.store.save_answers(id, sid, version, &a, &name, Actor::user(user)).await.map_err(Failure::from),
    };
    let done = format!("/orgs/{id}/support/surveys/{sid}?sector={sector_id}#answers");
    respond(
        outcome,
        explains,
        |_| see_other(&done),
        async |r: Refusal| {
            page_of(&app, c, org, survey, Some(sector), Failed { errors: r.errors, alert: r.alert }).await
        },
    )
    .await
}

/// A coordinator submits the answers (`version`).
pub async fn submit_answers(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, user, survey) = sent(&app, &c, id, sid, Permission::Coordinate).await?;
    let version: i64 = field(&pairs, "version").parse().unwrap_or(0);
    let name = c.require_user()?.user.display_name.clone();
    let outcome = app.store.submit_response(id, sid, version, &name, Actor::user(user)).await.map_err(Failure::from);
    let done = format!("/orgs/{id}/support/surveys/{sid}");
    respond(
        outcome,
        explains,
        |_| see_other(&done),
        async |r: Refusal| page_of(&app, c, org, survey, None, Failed { errors: r.errors, alert: r.alert }).await,
    )
    .await
}

/// A municipality's earlier answers, newest year first.
pub struct HistoryRow {
    pub href: String,
    pub year: i32,
    pub state: String,
    pub answers: usize,
}

pub async fn history(app: &App, c: &Ctx, org_id: i64) -> Result<Vec<HistoryRow>, AppError> {
    Ok(app
        .store
        .response_history(org_id)
        .await?
        .into_iter()
        .map(|(s, r)| HistoryRow {
            href: format!("/orgs/{org_id}/support/surveys/{}#answers", s.id),
            year: s.input.year,
            state: c.code(r.state),
            answers: r.sectors.iter().map(|x| x.answers.len()).sum(),
        })
        .collect())
}
