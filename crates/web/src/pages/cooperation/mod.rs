//! Cooperation: the organisation's responsibilities and duties, its cooperation groups and their
//! meetings and agreements, contact persons, the welfare staircase and the yearly timeline.

pub mod contacts;
pub mod groups;
pub mod overview;
pub mod staircase;
pub mod timeline;

use crate::App;
use axum::routing::{get, post};
use axum::Router;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/orgs/{id}/cooperation", get(overview::page))
        .route("/orgs/{id}/cooperation/responsibility", post(overview::set_responsibility))
        .route("/orgs/{id}/cooperation/duties/{key}", get(overview::duty_form).post(overview::set_duty))
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
}
