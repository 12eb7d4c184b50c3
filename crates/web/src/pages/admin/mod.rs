//! Administration: logging in, the user's organisations, an organisation's page, its users,
//! sectors and audit log.

pub mod audit;
pub mod invitations;
pub mod login;
pub mod org;
pub mod sectors;
pub mod users;

use crate::App;
use axum::routing::{get, post};
use axum::Router;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/invitations", get(invitations::page))
        .route("/invitations/{org_id}", post(invitations::answer))
        .route("/org", get(org::mine))
        .route("/orgs/{id}", get(org::page))
        .route("/orgs/{id}/users", get(users::page).post(users::add))
        .route("/orgs/{id}/users/{user_id}", get(users::edit).post(users::update))
        .route("/orgs/{id}/users/{user_id}/remove", post(users::remove))
        .route("/orgs/{id}/sectors", get(sectors::page).post(sectors::add))
        .route("/orgs/{id}/sectors/{sector_id}", get(sectors::edit).post(sectors::update))
        .route("/orgs/{id}/sectors/{sector_id}/delete", post(sectors::delete))
        .route("/orgs/{id}/audit", get(audit::page))
}
