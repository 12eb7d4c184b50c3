//! HTML pages. One module per room; each handler is explicit and checks its own authorisation.

pub mod accessibility;
pub mod areas;
pub mod assessment;
pub mod assessment_settings;
pub mod audit;
pub mod contacts;
pub mod cooperation;
pub mod decision_summary;
pub mod decisions;
pub mod form;
pub mod groups;
pub mod home;
pub mod import;
pub mod indicators;
pub mod login;
pub mod ops;
pub mod org;
pub mod partners;
pub mod plan;
pub mod plan_edit;
pub mod plan_view;
pub mod profile;
pub mod published;
pub mod regional;
pub mod report_changes;
pub mod report_diff;
pub mod report_export;
pub mod report_sections;
pub mod report_structure;
pub mod report_view;
pub mod reports;
pub mod sectors;
pub mod staircase;
pub mod suggest;
pub mod timeline;
pub mod users;

use crate::auth::{read_cookie, CSRF_COOKIE};
use crate::ctx::{encode, Ctx};
use crate::error::{AppError, ErrorMarker};
use crate::App;
use askama::Template;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use hyte_domain::ErrorCode;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/", get(home::page))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/lang/{code}", get(login::switch_language))
        .route("/accessibility", get(accessibility::page))
        .route("/areas", get(areas::list))
        .route("/areas/{kind}/{code}", get(areas::detail))
        .route("/org", get(org::mine))
        .route("/orgs/{id}", get(org::page))
        .route("/orgs/{id}/users", get(users::page).post(users::add))
        .route("/orgs/{id}/users/{user_id}", get(users::edit).post(users::update))
        .route("/orgs/{id}/users/{user_id}/remove", post(users::remove))
        .route("/orgs/{id}/sectors", get(sectors::page).post(sectors::add))
        .route("/orgs/{id}/sectors/{sector_id}", get(sectors::edit).post(sectors::update))
        .route("/orgs/{id}/sectors/{sector_id}/delete", post(sectors::delete))
        .route("/orgs/{id}/audit", get(audit::page))
        .route("/areas/{kind}/{code}/profile", get(profile::page))
        .route("/indicators", get(indicators::catalogue))
        .route("/indicators/{id}", get(indicators::page))
        .route("/indicators/{id}/polarity", post(indicators::set_polarity))
        .route("/indicators/{id}/across", get(indicators::across))
        .route("/indicators/{id}/series/{kind}/{code}", get(indicators::series))
        .route("/orgs/{id}/import", get(import::form).post(import::upload))
        .route("/orgs/{id}/import/{job}", get(import::show_job))
        .route("/static/import.js", get(import_script))
        .route("/orgs/{id}/reports", get(reports::list).post(reports::create))
        .route("/orgs/{id}/report-structure", get(report_structure::show).post(report_structure::save))
        .route("/orgs/{id}/reports/{rid}", get(reports::page))
        .route("/orgs/{id}/reports/{rid}/state", post(reports::set_state))
        .route("/orgs/{id}/reports/{rid}/versions/{n}", get(reports::version))
        .route("/orgs/{id}/reports/{rid}/sections/{sid}", get(report_sections::edit).post(report_sections::save))
        .route("/orgs/{id}/reports/{rid}/sections", post(reports::add_section))
        .route("/orgs/{id}/reports/{rid}/sections/{sid}/indicators", post(report_sections::choose))
        .route("/orgs/{id}/reports/{rid}/sections/{sid}/delete", post(report_sections::delete))
        .route("/orgs/{id}/reports/{rid}/plan", get(plan::show))
        .route("/orgs/{id}/reports/{rid}/plan/priorities", post(plan::add_priority))
        .route("/orgs/{id}/reports/{rid}/plan/goals", post(plan::add_goal))
        .route("/orgs/{id}/reports/{rid}/plan/measures", post(plan::add_measure))
        .route("/orgs/{id}/reports/{rid}/plan/measures/{mid}", post(plan::follow_up))
        .route(
            "/orgs/{id}/reports/{rid}/plan/priorities/{pid}/edit",
            get(plan_edit::edit_priority).post(plan_edit::update_priority),
        )
        .route(
            "/orgs/{id}/reports/{rid}/plan/priorities/{pid}/delete",
            get(plan_edit::confirm_priority).post(plan_edit::delete_priority),
        )
        .route("/orgs/{id}/reports/{rid}/plan/goals/{gid}/edit", get(plan_edit::edit_goal).post(plan_edit::update_goal))
        .route(
            "/orgs/{id}/reports/{rid}/plan/goals/{gid}/delete",
            get(plan_edit::confirm_goal).post(plan_edit::delete_goal),
        )
        .route(
            "/orgs/{id}/reports/{rid}/plan/measures/{mid}/edit",
            get(plan_edit::edit_measure).post(plan_edit::update_measure),
        )
        .route(
            "/orgs/{id}/reports/{rid}/plan/measures/{mid}/delete",
            get(plan_edit::confirm_measure).post(plan_edit::delete_measure),
        )
        .route("/orgs/{id}/reports/{rid}/suggest", get(suggest::page))
        .route("/orgs/{id}/reports/{rid}/diff", get(report_diff::page))
        .route("/orgs/{id}/reports/{rid}/sections/{sid}/comments", post(reports::comment))
        .route("/orgs/{id}/reports/{rid}/comments/{cid}/resolve", post(reports::resolve_comment))
        .route("/regional/{id}", get(regional::page))
        .route("/reports", get(published::list))
        .route("/reports/{rid}", get(published::page))
        .route("/reports/{rid}/data", get(published::data))
        .route("/reports/{rid}/export", get(published::export))
        .route("/orgs/{id}/reports/{rid}/export", get(reports::export))
        .route("/orgs/{id}/decisions", get(decisions::list).post(decisions::create))
        .route("/orgs/{id}/decisions/stats", get(decision_summary::stats))
        .route("/orgs/{id}/decisions/{did}", get(decisions::page).post(decisions::update))
        .route("/orgs/{id}/decisions/{did}/status", post(decisions::set_status))
        .route("/orgs/{id}/decisions/{did}/alternatives", post(decisions::add_alternative))
        .route("/orgs/{id}/decisions/{did}/alternatives/{aid}", post(decisions::update_alternative))
        .route("/orgs/{id}/decisions/{did}/alternatives/{aid}/delete", post(decisions::delete_alternative))
        .route("/orgs/{id}/decisions/{did}/assessments", post(decisions::start_assessment))
        .route("/orgs/{id}/decisions/{did}/summary", get(decision_summary::page))
        .route("/orgs/{id}/decisions/{did}/export", get(decision_summary::export))
        .route("/orgs/{id}/decisions/{did}/assessments/{aid}", get(assessment::page).post(assessment::update))
        .route("/orgs/{id}/decisions/{did}/assessments/{aid}/status", post(assessment::set_status))
        .route("/orgs/{id}/decisions/{did}/assessments/{aid}/cite", post(assessment::cite))
        .route("/orgs/{id}/decisions/{did}/assessments/{aid}/participants", post(assessment::add_participant))
        .route(
            "/orgs/{id}/decisions/{did}/assessments/{aid}/participants/{pid}/delete",
            post(assessment::delete_participant),
        )
        .route(
            "/orgs/{id}/decisions/{did}/assessments/{aid}/rate/{alt}",
            get(assessment::rate_form).post(assessment::rate),
        )
        .route("/orgs/{id}/assessment-settings", get(assessment_settings::page))
        .route("/orgs/{id}/assessment-settings/rules", post(assessment_settings::add_rule))
        .route("/orgs/{id}/assessment-settings/rules/{rid}/delete", post(assessment_settings::delete_rule))
        .route("/orgs/{id}/assessment-settings/templates", post(assessment_settings::create))
        .route("/orgs/{id}/assessment-settings/templates/new", get(assessment_settings::new_form))
        .route(
            "/orgs/{id}/assessment-settings/templates/{tid}",
            get(assessment_settings::edit).post(assessment_settings::update),
        )
        .route("/orgs/{id}/cooperation", get(cooperation::page))
        .route("/orgs/{id}/cooperation/responsibility", post(cooperation::set_responsibility))
        .route("/orgs/{id}/cooperation/duties/{key}", get(cooperation::duty_form).post(cooperation::set_duty))
        .route("/orgs/{id}/groups", get(groups::list).post(groups::create))
        .route("/orgs/{id}/groups/{gid}", get(groups::page).post(groups::update))
        .route("/orgs/{id}/groups/{gid}/members", post(groups::add_member))
        .route("/orgs/{id}/groups/{gid}/members/{mid}/remove", post(groups::remove_member))
        .route("/orgs/{id}/groups/{gid}/meetings", post(groups::add_meeting))
        .route("/orgs/{id}/groups/{gid}/meetings/{mid}", get(groups::meeting).post(groups::update_meeting))
        .route("/orgs/{id}/groups/{gid}/meetings/{mid}/agreements", post(groups::add_agreement))
        .route("/orgs/{id}/groups/{gid}/agreements/{aid}/done", post(groups::mark_agreement))
        .route("/orgs/{id}/contacts", get(contacts::page).post(contacts::set))
        .route("/orgs/{id}/contacts/{cid}/remove", post(contacts::remove))
        .route("/orgs/{id}/staircase", get(staircase::page).post(staircase::save))
        .route("/orgs/{id}/timeline", get(timeline::page).post(timeline::add))
        .route("/orgs/{id}/timeline/preparation", post(timeline::add_preparation))
        .route("/orgs/{id}/timeline/{tid}", get(timeline::edit).post(timeline::update))
        .route("/activities", get(partners::directory::search))
        .route("/activities/{aid}", get(partners::directory::page))
        .route("/premises", get(partners::premises::public))
        .route("/orgs/{id}/activities", get(partners::activities::list).post(partners::activities::create))
        .route("/orgs/{id}/activities/{aid}", get(partners::activities::edit).post(partners::activities::update))
        .route("/orgs/{id}/activities/{aid}/delete", post(partners::activities::delete))
        .route("/orgs/{id}/partners", get(partners::registry::list).post(partners::registry::add))
        .route("/orgs/{id}/partners/{pid}", get(partners::registry::edit).post(partners::registry::update))
        .route("/orgs/{id}/partners/{pid}/remove", post(partners::registry::remove))
        .route("/orgs/{id}/grants", get(partners::grants::list).post(partners::grants::create))
        .route("/orgs/{id}/grants/{cid}", get(partners::grants::page).post(partners::grants::update))
        .route("/orgs/{id}/grants/{cid}/apply", post(partners::grants::apply))
        .route("/orgs/{id}/grants/{cid}/applications/{app}/decide", post(partners::grants::decide))
        .route("/orgs/{id}/grants/{cid}/applications/{app}/report", post(partners::grants::report))
        .route("/orgs/{id}/premises", get(partners::premises::list).post(partners::premises::create))
        .route("/orgs/{id}/premises/{pid}", get(partners::premises::edit).post(partners::premises::update))
        .route("/static/hyte.css", get(stylesheet))
}

pub fn render(t: &impl Template) -> Result<Response, AppError> {
    Ok(Html(t.render()?).into_response())
}

pub fn render_status(status: StatusCode, t: &impl Template) -> Result<Response, AppError> {
    Ok((status, Html(t.render()?)).into_response())
}

/// After a successful form post: back to a page (303, so reload does not post again).
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// Any path no route matches.
pub async fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound)
}

async fn import_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/javascript; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
        ],
        include_str!("../../static/import.js"),
    )
        .into_response()
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/css; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
        ],
        include_str!("../../static/hyte.css"),
    )
        .into_response()
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    c: Ctx,
    code: ErrorCode,
    status: u16,
}

/// The error code of a response: a handler's [`AppError`], or one of axum's plain-text
/// rejections (a malformed path or query, a bad form body).
fn error_code(res: &Response) -> Option<ErrorCode> {
    if let Some(ErrorMarker(code)) = res.extensions().get::<ErrorMarker>() {
        return Some(*code);
    }
    let plain = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/plain"));
    match res.status() {
        s if !plain || !s.is_client_error() => None,
        StatusCode::NOT_FOUND | StatusCode::BAD_REQUEST | StatusCode::METHOD_NOT_ALLOWED => Some(ErrorCode::NotFound),
        _ => Some(ErrorCode::InvalidInput),
    }
}

/// Turns error responses into a translated page (or, under `/api`, into JSON); sends anonymous
/// visitors of internal pages to the login form.
pub async fn error_pages(State(app): State<App>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if path == "/healthz" || path == "/readyz" {
        return next.run(req).await;
    }
    if path.starts_with("/api/") {
        let res = next.run(req).await;
        return match (res.extensions().get::<ErrorMarker>(), error_code(&res)) {
            (None, Some(code)) => AppError::new(code).into_response(),
            _ => res,
        };
    }
    let (headers, uri, method) = (req.headers().clone(), req.uri().clone(), req.method().clone());
    let res = next.run(req).await;
    let Some(code) = error_code(&res) else {
        return res;
    };
    if code == ErrorCode::NotLoggedIn && method == Method::GET {
        let next = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
        return Redirect::to(&format!("/login?next={}", encode(next))).into_response();
    }
    let status =
        if res.extensions().get::<ErrorMarker>().is_some() { res.status() } else { crate::error::status_of(code) };
    let cookies = headers.get(header::COOKIE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let csrf = read_cookie(cookies, CSRF_COOKIE).unwrap_or("").to_string();
    let c = match Ctx::build(&app, &headers, &uri, csrf).await {
        Ok(c) => c,
        Err(_) => return res,
    };
    let page = ErrorPage { c, code, status: status.as_u16() };
    match page.render() {
        Ok(html) => {
            let mut out = (status, Html(html)).into_response();
            for v in res.headers().get_all(header::SET_COOKIE) {
                out.headers_mut().append(header::SET_COOKIE, v.clone());
            }
            out
        }
        Err(_) => res,
    }
}
