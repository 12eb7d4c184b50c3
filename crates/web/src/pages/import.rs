//! Uploading data into the knowledge base (coordinators): Sotkanet JSON/CSV dumps, or the
//! organisation's own data in Hyte's CSV template. A broken file is rejected whole, with the
//! file, line and field; nothing is written.

use super::org::visible_org;
use super::render_status;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::App;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use hyte_domain::{ErrorCode, Organisation, Permission};
use hyte_import::apply::ImportFailure;
use hyte_import::{apply, own, sotkanet, Report};

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    c: Ctx,
    org: Organisation,
    error: Option<String>,
    report: Option<Report>,
    file: String,
}

pub async fn form(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = visible_org(&app, &c, id, Permission::Coordinate).await?;
    render_status(StatusCode::OK, &ImportPage { c, org, error: None, report: None, file: String::new() })
}

async fn run(app: &App, org: &Organisation, kind: &str, file: &str, bytes: &[u8]) -> Result<Report, ImportFailure> {
    if kind == "own" {
        let rows = own::parse_any(file, bytes)?;
        return Ok(own::apply(&*app.store, org.id, &org.names.fi, file, &rows).await?);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| hyte_import::ImportError::new(file, 1, "-", "the file is not UTF-8 text"))?;
    if text.trim_start().starts_with(['[', '{']) {
        Ok(apply::sotkanet_data(&*app.store, file, &sotkanet::data_json(file, bytes)?).await?)
    } else {
        // Streamed: a national-scale CSV need not fit in memory twice.
        Ok(apply::sotkanet_csv_bulk(&*app.store, file, text).await?)
    }
}

pub async fn upload(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    mut mp: Multipart,
) -> Result<Response, AppError> {
    let (org, _) = visible_org(&app, &c, id, Permission::Coordinate).await?;
    let (mut kind, mut file, mut bytes) = (String::from("sotkanet"), String::new(), Vec::new());
    while let Some(field) = mp.next_field().await.map_err(|_| AppError::new(ErrorCode::InvalidInput))? {
        match field.name() {
            Some("kind") => kind = field.text().await.map_err(|_| AppError::new(ErrorCode::InvalidInput))?,
            Some("file") => {
                file = field.file_name().unwrap_or("upload").to_string();
                bytes = field.bytes().await.map_err(|_| AppError::new(ErrorCode::InvalidInput))?.to_vec();
            }
            _ => {}
        }
    }
    if bytes.is_empty() {
        let error = Some(c.t("import-no-file"));
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &ImportPage { c, org, error, report: None, file });
    }
    match run(&app, &org, &kind, &file, &bytes).await {
        Ok(report) => {
            tracing::info!(org = id, file, written = report.written, "import");
            render_status(StatusCode::OK, &ImportPage { c, org, error: None, report: Some(report), file })
        }
        Err(ImportFailure::Input(e)) => {
            let error = Some(c.t2(
                "import-failed",
                "where",
                format!("{}, {} {}, {} {}", e.file, c.t("import-line"), e.line, c.t("import-field"), e.field),
                "message",
                e.message,
            ));
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &ImportPage { c, org, error, report: None, file })
        }
        Err(ImportFailure::Store(e)) => Err(e.into()),
    }
}
