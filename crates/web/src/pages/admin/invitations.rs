//! The invitations waiting for the logged-in user's answer: a membership begins only when the
//! invited person accepts it.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::ErrorCode;
use serde::Deserialize;

pub struct InvitationRow {
    pub org_id: i64,
    pub org: String,
    pub role: String,
}

#[derive(Template)]
#[template(path = "admin/invitations.html")]
struct InvitationsPage {
    c: Ctx,
    rows: Vec<InvitationRow>,
}

pub async fn page(State(app): State<App>, c: Ctx) -> Result<Response, AppError> {
    let user_id = c.require_user()?.user.id;
    let rows = app
        .store
        .user_invitations(user_id)
        .await?
        .into_iter()
        .map(|(i, o)| InvitationRow { org_id: o.id, org: c.name(&o.names).to_string(), role: c.code(i.role) })
        .collect();
    render(&InvitationsPage { c, rows })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnswerForm {
    answer: String,
}

/// Accepts (then the organisation's page) or declines (back to the list) the user's own
/// invitation; someone else's cannot be answered, as the user comes from the session.
pub async fn answer(
    State(app): State<App>,
    c: Ctx,
    Path(org_id): Path<i64>,
    Form(f): Form<AnswerForm>,
) -> Result<Response, AppError> {
    let user_id = c.require_user()?.user.id;
    let accept = match f.answer.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Err(AppError::new(ErrorCode::InvalidInput)),
    };
    match app.store.answer_invitation(user_id, org_id, accept).await? {
        Some(_) => Ok(see_other(&format!("/orgs/{org_id}"))),
        None => Ok(see_other("/invitations")),
    }
}
