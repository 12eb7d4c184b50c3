//! Small uploaded files (a provider's monitoring report, client feedback): reading the file field
//! of a multipart form, and parsing off the async runtime's threads.

use crate::error::AppError;
use crate::App;
use axum::extract::Multipart;
use hyte_domain::ErrorCode;
use hyte_import::ImportError;

/// The file in the multipart field `name`: (its file name, its bytes). Other fields are skipped;
/// `required` when the form has no file.
pub async fn read_file(mp: &mut Multipart, name: &str) -> Result<(String, Vec<u8>), AppError> {
    let bad = |_| AppError::new(ErrorCode::InvalidInput);
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
