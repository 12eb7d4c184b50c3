//! Sharing libraries between counties: `GET /orgs/{id}/practices/export` writes the
//! organisation's own practices in the versioned JSON format of
//! [`hyte_domain::support::practice::exchange`]; `POST /orgs/{id}/practices/import` reads such a
//! file (a multipart upload, at most [`FILE_MAX`] bytes), parsed off the async runtime, every
//! practice through the domain's parser. Any bad item refuses the whole file, naming the item and
//! the field, and changes nothing; imported practices are the importer's own, unpublished, with
//! their source kept.

use super::practice_org::{list_page, Failed};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::{render_status, see_other};
use crate::App;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use hyte_domain::support::practice::exchange::{export as to_file, ExchangeFile};
use hyte_domain::support::practice::PracticeInput;
use hyte_domain::{ErrorCode, Permission};
use hyte_store::Actor;

/// The largest file imported.
pub const FILE_MAX: usize = 2 * 1024 * 1024;
/// The import route's body limit: the file and the form around it.
pub const BODY_MAX: usize = FILE_MAX + 64 * 1024;

pub async fn export(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let practices = app.store.org_practices(id).await?;
    let file = to_file(&org.names.fi, &practices);
    let bytes = serde_json::to_vec_pretty(&file).map_err(|_| AppError::new(ErrorCode::Internal))?;
    crate::download::attachment(bytes, "application/json", &format!("hyte-practices-{id}"), "json")
}

/// Parses the file's bytes: the JSON, then every practice (the message is for the user).
fn parse(
    c_err: impl Fn(ErrorCode) -> String,
    t: impl Fn(usize, &str, &str) -> String,
    name: &str,
    bytes: &[u8],
) -> Result<Vec<PracticeInput>, String> {
    let file: ExchangeFile = serde_json::from_slice(bytes).map_err(|e| t(0, "-", &e.to_string()))?;
    file.practices(name).map_err(|e| t(e.item, &e.field, &c_err(e.code)))
}

pub async fn import(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    mut mp: Multipart,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let refused = |message: String| Failed { import_error: Some(message), ..Default::default() };
    let failed = match crate::upload::read_form(&mut mp, "file", FILE_MAX).await {
        Err(e) if e.code == ErrorCode::UploadTooLarge => refused(c.err(e.code)),
        Err(e) => return Err(e),
        Ok((_, None)) => refused(c.err(ErrorCode::Required)),
        Ok((_, Some((name, bytes)))) => {
            // The messages are built on the blocking thread from the user's translations.
            let errs: Vec<(ErrorCode, String)> = ErrorCode::ALL.iter().map(|code| (*code, c.err(*code))).collect();
            let (item, file_word) = (c.t("practices-import-item"), c.t("practices-import-file"));
            let file_name = name.clone();
            let parsed = crate::upload::off_runtime(&app, &name, move || {
                let t = |n: usize, field: &str, what: &str| {
                    let at = if n == 0 { file_word.clone() } else { format!("{item} {n}") };
                    format!("{at}, {field}: {what}")
                };
                let c_err =
                    |code: ErrorCode| errs.iter().find(|e| e.0 == code).map(|e| e.1.clone()).unwrap_or_default();
                Ok(parse(c_err, t, &file_name, &bytes))
            })
            .await;
            match parsed {
                Ok(Ok(inputs)) => {
                    let added = app.store.import_practices(id, &inputs, Actor::user(me.user_id)).await?;
                    return Ok(see_other(&format!("/orgs/{id}/practices?imported={}", added.len())));
                }
                Ok(Err(message)) => refused(message),
                Err(e) => refused(e.message),
            }
        }
    };
    let page = list_page(&app, c, org, failed).await?;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
