//! Small uploaded files (a provider's monitoring report, client feedback): reading the file field
//! of a multipart form, and parsing off the async runtime's threads.

use crate::error::AppError;
use crate::App;
use axum::extract::multipart::MultipartError;
use axum::extract::Multipart;
use axum::http::StatusCode;
use hyte_domain::ErrorCode;
use hyte_import::ImportError;

/// A multipart body that could not be read: `upload_too_large` beyond the route's body limit,
/// else `invalid_input`.
pub fn multipart_error(e: MultipartError) -> AppError {
    match e.status() {
        StatusCode::PAYLOAD_TOO_LARGE => AppError::new(ErrorCode::UploadTooLarge),
        _ => AppError::new(ErrorCode::InvalidInput),
    }
}

/// The file in the multipart field `name`: (its file name, its bytes). Other fields are skipped;
/// `required` when the form has no file.
pub async fn read_file(mp: &mut Multipart, name: &str) -> Result<(String, Vec<u8>), AppError> {
    let bad = multipart_error;
    while let Some(field) = mp.next_field().await.map_err(bad)? {
        if field.name() == Some(name) {
            let file = field.file_name().unwrap_or("upload").chars().take(200).collect::<String>();
            let bytes = field.bytes().await.map_err(bad)?;
            if bytes.is_empty() {
                break;
            }
            return Ok((file, bytes.to_vec()));
        }
    }
    Err(AppError::new(ErrorCode::Required))
}

/// A file kept whole (e.g. a signed document): (its file name, its bytes).
pub type File = (String, Vec<u8>);

/// A multipart form with one file: its text fields, and the file in the field `name` (None when
/// none was chosen). A file over `max` bytes is `upload_too_large`, read no further and not kept.
pub async fn read_form(
    mp: &mut Multipart,
    name: &str,
    max: usize,
) -> Result<(Vec<(String, String)>, Option<File>), AppError> {
    let (mut fields, mut file) = (vec![], None);
    while let Some(mut field) = mp.next_field().await.map_err(multipart_error)? {
        let key = field.name().unwrap_or_default().to_string();
        if key != name {
            fields.push((key, field.text().await.map_err(multipart_error)?));
            continue;
        }
        let file_name = field.file_name().unwrap_or("upload").chars().take(200).collect::<String>();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
            if bytes.len() + chunk.len() > max {
                return Err(AppError::new(ErrorCode::UploadTooLarge));
            }
            bytes.extend_from_slice(&chunk);
        }
        if !bytes.is_empty() {
            file = Some((file_name, bytes));
        }
    }
    Ok((fields, file))
}

/// Runs a parser of the uploaded `file` on a blocking thread (at most the import permits at once),
/// so that a large or hostile file does not hold up the runtime's threads (other requests,
/// `/healthz`). Every upload that is parsed goes through here.
pub async fn off_runtime<T: Send + 'static>(
    app: &App,
    file: &str,
    parse: impl FnOnce() -> Result<T, ImportError> + Send + 'static,
) -> Result<T, ImportError> {
    let failed = || ImportError::new(file, 0, "-", "the file could not be read");
    let _permit = app.imports.parse_permit().await.ok_or_else(failed)?;
    tokio::task::spawn_blocking(parse).await.map_err(|_| failed())?
}
