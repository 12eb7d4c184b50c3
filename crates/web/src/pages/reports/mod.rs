//! Reports and the welfare plan: an organisation's reports (sections, structure, versions,
//! comments, changes, exports), the plan of a report, suggestions from the knowledge base, the
//! published reports and the regional view.

pub mod changes;
pub mod coefficient_section;
pub mod diff;
pub mod export;
pub mod interface_section;
pub mod plan;
pub mod plan_edit;
pub mod plan_view;
pub mod published;
pub mod regional;
pub mod report;
pub mod richtext;
pub mod sections;
pub mod sending;
pub mod services_section;
pub mod structure;
pub mod suggest;
pub mod view;

use crate::App;
use axum::routing::{get, post};
use axum::Router;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/orgs/{id}/reports", get(report::list).post(report::create))
        .route("/orgs/{id}/report-structure", get(structure::show).post(structure::save))
        .route("/orgs/{id}/reports/{rid}", get(report::page))
        .route("/orgs/{id}/reports/{rid}/state", post(report::set_state))
        .route("/orgs/{id}/reports/{rid}/send", post(sending::send))
        .route("/orgs/{id}/sent-reports/{sid}", get(sending::sent_version))
        .route("/orgs/{id}/reports/{rid}/versions/{n}", get(report::version))
        .route("/orgs/{id}/reports/{rid}/sections/{sid}", get(sections::edit).post(sections::save))
        .route("/orgs/{id}/reports/{rid}/sections", post(report::add_section))
        .route("/orgs/{id}/reports/{rid}/sections/{sid}/indicators", post(sections::choose))
        .route("/orgs/{id}/reports/{rid}/sections/{sid}/delete", post(sections::delete))
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
        .route("/orgs/{id}/reports/{rid}/diff", get(diff::page))
        .route("/orgs/{id}/reports/{rid}/sections/{sid}/comments", post(report::comment))
        .route("/orgs/{id}/reports/{rid}/comments/{cid}/resolve", post(report::resolve_comment))
        .route("/regional/{id}", get(regional::page))
        .route("/reports", get(published::list))
        .route("/reports/{rid}", get(published::page))
        .route("/reports/{rid}/data", get(published::data))
        .route("/reports/{rid}/export", get(published::export))
        .route("/orgs/{id}/reports/{rid}/export", get(report::export))
}
