//! Uploading data into the knowledge base (coordinators): Sotkanet JSON/CSV dumps, or the
//! organisation's own data in Hyte's CSV/XLSX template. An upload starts an import job that runs
//! in the background; its page shows the progress and then the outcome. A broken file is
//! rejected whole, with the file, line and field; nothing is written.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use hyte_domain::{ErrorCode, ImportJob, JobState, Organisation, Permission};
use hyte_import::apply::ImportFailure;
use hyte_import::{apply, own, sotkanet, ImportError, Phase, Progress, Report, Snapshot};
use hyte_store::Actor;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Imports running on this server, with their live progress, by job id; and the permits for
/// parsing files, which runs on blocking threads, at most [`PARSERS`] files at a time.
#[derive(Clone)]
pub struct Running(Arc<Mutex<HashMap<i64, Arc<Progress>>>>, Arc<tokio::sync::Semaphore>);

/// How many uploaded files are parsed at once (each on a blocking thread, off the runtime's).
pub const PARSERS: usize = 2;

impl Default for Running {
    fn default() -> Running {
        Running(Arc::default(), Arc::new(tokio::sync::Semaphore::new(PARSERS)))
    }
}

impl Running {
    /// A permit to parse one file (at most [`PARSERS`] at once); None when shutting down.
    pub async fn parse_permit(&self) -> Option<tokio::sync::SemaphorePermit<'_>> {
        self.1.acquire().await.ok()
    }

    fn start(&self, id: i64) -> Arc<Progress> {
        let p = Arc::new(Progress::default());
        self.0.lock().unwrap_or_else(|e| e.into_inner()).insert(id, p.clone());
        p
    }
    fn get(&self, id: i64) -> Option<Snapshot> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).get(&id).map(|p| p.snapshot())
    }
    fn end(&self, id: i64) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).remove(&id);
    }
}

/// A recorded import, as listed.
pub struct JobRow {
    pub job: ImportJob,
    pub started: String,
    pub kind: String,
    pub state: String,
}

#[derive(Template)]
#[template(path = "knowledge/import.html")]
struct ImportPage {
    c: Ctx,
    org: Organisation,
    error: Option<String>,
    jobs: Vec<JobRow>,
    /// May import national (Sotkanet) data: the instance administrator only.
    national: bool,
}

#[derive(Template)]
#[template(path = "knowledge/import_job.html")]
struct JobPage {
    c: Ctx,
    org: Organisation,
    entry: JobRow,
    progress: Option<Snapshot>,
    report: Option<Report>,
    error: Option<String>,
}

fn job_row(c: &Ctx, job: ImportJob) -> JobRow {
    JobRow {
        started: job.started_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
        kind: c.t(&format!("import-kind-{}", job.kind)),
        state: c.code(job.state),
        job,
    }
}

async fn form_page(app: &App, c: Ctx, org: Organisation, error: Option<String>) -> Result<Response, AppError> {
    let jobs: Vec<JobRow> = app.store.list_import_jobs(org.id, 20).await?.into_iter().map(|j| job_row(&c, j)).collect();
    let status = if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let national = c.may_change_indicator(None);
    render_status(status, &ImportPage { c, org, error, jobs, national })
}

pub async fn form(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Coordinate).await?;
    form_page(&app, c, org, None).await
}

/// Reads an upload back from its file (on a blocking thread: see [`crate::upload::off_runtime`]).
fn read(file: &str, path: &std::path::Path) -> Result<Vec<u8>, ImportError> {
    std::fs::read(path).map_err(|_| ImportError::new(file, 0, "-", "the file could not be read"))
}

async fn run(app: &App, org: &Organisation, kind: &str, upload: &Upload, p: &Progress) -> Outcome {
    let (file, path) = (upload.name.as_str(), upload.file.path().to_path_buf());
    let name = file.to_string();
    if kind == "own" {
        let rows = crate::upload::off_runtime(app, file, move || own::parse_any(&name, &read(&name, &path)?)).await?;
        p.set_total(rows.len() as u64);
        p.set_phase(Phase::Writing);
        return own::apply(&*app.store, org.id, &org.names.fi, file, &rows).await;
    }
    let bytes = crate::upload::off_runtime(app, file, move || read(&name, &path)).await?;
    let not_text = || ImportError::new(file, 1, "-", "the file is not UTF-8 text");
    let json = std::str::from_utf8(&bytes).map_err(|_| not_text())?.trim_start().starts_with(['[', '{']);
    if json {
        let name = file.to_string();
        let rows = crate::upload::off_runtime(app, file, move || sotkanet::data_json(&name, &bytes)).await?;
        p.set_total(rows.len() as u64);
        p.set_phase(Phase::Writing);
        Ok(apply::sotkanet_data(&*app.store, file, &rows).await?)
    } else {
        // Streamed in two passes over the text: a national-scale CSV is never held parsed.
        let text = String::from_utf8(bytes).map_err(|_| not_text())?;
        Ok(apply::sotkanet_csv_with_progress(&*app.store, file, &text, p).await?)
    }
}

type Outcome = Result<Report, ImportFailure>;

/// Records how an import ended, in the job and the audit log.
async fn finish(app: &App, job_id: i64, outcome: Outcome, actor: Actor) {
    if let Err(ImportFailure::Store(e)) = &outcome {
        tracing::error!(job = job_id, "import failed in the database: {e}");
    }
    let (state, written, summary) = apply::job_outcome(&outcome);
    if let Err(e) = app.store.finish_import_job(job_id, state, written, &summary, actor).await {
        tracing::error!(job = job_id, "could not record the end of an import: {e}");
    }
}

/// The upload route, with its own body limit (`import_max_bytes`: national-size files) where
/// every other request has 2 MiB. The layer closest to the handler sets the limit.
pub fn upload_route(max: u64) -> axum::Router<App> {
    let max = usize::try_from(max).unwrap_or(usize::MAX);
    axum::Router::new()
        .route("/orgs/{id}/import", axum::routing::post(upload))
        .layer(axum::extract::DefaultBodyLimit::max(max))
}

/// At start-up: imports a restart cut off are recorded as failed (an import writes in one
/// transaction, so nothing of theirs was written), instead of showing "running" forever.
pub async fn fail_interrupted(app: &App) -> hyte_store::Result<usize> {
    let running = app.store.running_import_jobs().await?;
    for job in &running {
        let e = ImportError::new(&job.file, 0, "-", "interrupted by a restart; nothing was written");
        let summary = serde_json::json!({ "error": e }).to_string();
        app.store.finish_import_job(job.id, JobState::Failed, 0, &summary, Actor::SYSTEM).await?;
    }
    Ok(running.len())
}

/// An uploaded file, written to `upload_dir` as it arrives; removed when dropped (after its
/// import, or at once when the upload is refused).
struct Upload {
    name: String,
    file: tempfile::NamedTempFile,
    len: u64,
}

/// Streams the multipart field to a temporary file, never holding more than a chunk in memory.
/// Beyond `max` bytes (or the body limit) it stops with `upload_too_large`, and the file is gone.
async fn save(app: &App, field: &mut axum::extract::multipart::Field<'_>) -> Result<Upload, AppError> {
    use tokio::io::AsyncWriteExt;
    let name = field.file_name().unwrap_or("upload").to_string();
    let write_failed = |e: std::io::Error| {
        tracing::error!("could not write an upload to {}: {e}", app.config.upload_dir.display());
        AppError::new(ErrorCode::Internal)
    };
    let file = tempfile::Builder::new().prefix("hyte-upload-").tempfile_in(&app.config.upload_dir);
    let file = file.map_err(write_failed)?;
    let mut out = tokio::fs::File::from_std(file.as_file().try_clone().map_err(write_failed)?);
    let mut len = 0u64;
    let too_large = || AppError::new(ErrorCode::UploadTooLarge);
    while let Some(chunk) = field.chunk().await.map_err(crate::upload::multipart_error)? {
        len += chunk.len() as u64;
        if len > app.config.import_max_bytes {
            return Err(too_large());
        }
        out.write_all(&chunk).await.map_err(write_failed)?;
    }
    out.flush().await.map_err(write_failed)?;
    Ok(Upload { name, file, len })
}

pub async fn upload(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    mut mp: Multipart,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let (mut kind, mut upload) = (String::from("sotkanet"), None);
    while let Some(mut field) = mp.next_field().await.map_err(crate::upload::multipart_error)? {
        match field.name() {
            Some("kind") => kind = field.text().await.map_err(|_| AppError::new(ErrorCode::InvalidInput))?,
            // Beyond the limit the body stops: a clear 413, nothing started, nothing left on disk.
            Some("file") => upload = Some(save(&app, &mut field).await?),
            _ => {}
        }
    }
    let Some(upload) = upload.filter(|u| u.len > 0) else {
        let error = Some(c.t("import-no-file"));
        return form_page(&app, c, org, error).await;
    };
    let kind = if kind == "own" { "own" } else { "sotkanet" };
    // Sotkanet data is national: it changes what every organisation's reports show.
    if kind == "sotkanet" && !c.may_change_indicator(None) {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    let actor = Actor::user(me.user_id);
    let job = app.store.start_import_job(id, &upload.name, kind, actor).await?;
    let progress = app.imports.start(job.id);
    tracing::info!(org = id, job = job.id, file = upload.name, bytes = upload.len, "import started");
    let task_app = app.clone();
    tokio::spawn(async move {
        let outcome = run(&task_app, &org, kind, &upload, &progress).await;
        finish(&task_app, job.id, outcome, actor).await;
        task_app.imports.end(job.id);
        drop(upload);
    });
    Ok(see_other(&format!("/orgs/{id}/import/{}", job.id)))
}

pub async fn show_job(
    State(app): State<App>,
    c: Ctx,
    Path((id, job_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Coordinate).await?;
    let job = app.store.get_import_job(job_id).await?.filter(|j| j.org_id == id);
    let job = job.ok_or(AppError::new(ErrorCode::NotFound))?;
    let summary: serde_json::Value =
        job.summary.as_deref().and_then(|s| serde_json::from_str(s).ok()).unwrap_or_default();
    let report = serde_json::from_value::<Report>(summary.get("report").cloned().unwrap_or_default()).ok();
    let error =
        serde_json::from_value::<ImportError>(summary.get("error").cloned().unwrap_or_default()).ok().map(|e| {
            // A refusal for a limit is said in the user's language; other messages as recorded.
            let message = match e.limit {
                Some(l) => c.t1(&format!("import-limit-{}", l.kind.as_str()), "max", l.max),
                None => e.message,
            };
            c.t2(
                "import-failed",
                "where",
                format!("{}, {} {}, {} {}", e.file, c.t("import-line"), e.line, c.t("import-field"), e.field),
                "message",
                message,
            )
        });
    let progress = (job.state == JobState::Running).then(|| app.imports.get(job.id)).flatten();
    let entry = job_row(&c, job);
    render(&JobPage { c, org, entry, progress, report, error })
}
