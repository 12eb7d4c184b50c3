//! Impact assessment (Act 612/2021 §6–7): the decisions register, a proposal's assessments and
//! ratings, its summary and export, the yearly figures and the organisation's assessment settings.

pub mod assessments;
pub mod decision_summary;
pub mod decisions;
pub mod proposal;
pub mod rating;
pub mod settings;

use crate::App;
use axum::routing::{get, post};
use axum::Router;
use hyte_domain::assessment::TemplateDef;
use hyte_domain::Lang;

/// The name of a template's group `g` in `lang` ("" for a group the template does not have).
pub fn group_name(def: &TemplateDef, g: usize, lang: Lang) -> &str {
    def.groups.get(g).map(|x| x.names.get(lang)).unwrap_or_default()
}

pub fn routes() -> Router<App> {
    Router::new()
        .route("/orgs/{id}/decisions", get(decisions::list).post(decisions::create))
        .route("/orgs/{id}/decisions/stats", get(decision_summary::stats))
        .route("/orgs/{id}/decisions/{did}", get(proposal::page).post(proposal::update))
        .route("/orgs/{id}/decisions/{did}/status", post(proposal::set_status))
        .route("/orgs/{id}/decisions/{did}/alternatives", post(proposal::add_alternative))
        .route("/orgs/{id}/decisions/{did}/alternatives/{aid}", post(proposal::update_alternative))
        .route("/orgs/{id}/decisions/{did}/alternatives/{aid}/delete", post(proposal::delete_alternative))
        .route("/orgs/{id}/decisions/{did}/assessments", post(proposal::start_assessment))
        .route("/orgs/{id}/decisions/{did}/summary", get(decision_summary::page))
        .route("/orgs/{id}/decisions/{did}/export", get(decision_summary::export))
        .route("/orgs/{id}/decisions/{did}/assessments/{aid}", get(assessments::page).post(assessments::update))
        .route("/orgs/{id}/decisions/{did}/assessments/{aid}/status", post(assessments::set_status))
        .route("/orgs/{id}/decisions/{did}/assessments/{aid}/cite", post(assessments::cite))
        .route("/orgs/{id}/decisions/{did}/assessments/{aid}/participants", post(assessments::add_participant))
        .route(
            "/orgs/{id}/decisions/{did}/assessments/{aid}/participants/{pid}/delete",
            post(assessments::delete_participant),
        )
        .route("/orgs/{id}/decisions/{did}/assessments/{aid}/rate/{alt}", get(rating::rate_form).post(rating::rate))
        .route("/orgs/{id}/assessment-settings", get(settings::page))
        .route("/orgs/{id}/assessment-settings/rules", post(settings::add_rule))
        .route("/orgs/{id}/assessment-settings/rules/{rid}/delete", post(settings::delete_rule))
        .route("/orgs/{id}/assessment-settings/templates", post(settings::create))
        .route("/orgs/{id}/assessment-settings/templates/new", get(settings::new_form))
        .route("/orgs/{id}/assessment-settings/templates/{tid}", get(settings::edit).post(settings::update))
}
