//! Downloads: tables as CSV or XLSX (every table carries its source attribution), documents as DOCX or PDF.

use crate::error::AppError;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use hyte_domain::ErrorCode;
use hyte_report::Document;

pub enum Cell {
    Text(String),
    Num(Option<f64>),
}

pub struct Table {
    /// File name without extension.
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub attribution: String,
}

impl Table {
    /// `;`-separated, `.` as the decimal point, UTF-8 with a BOM (so that Excel reads it).
    pub fn to_csv(&self) -> Result<Vec<u8>, AppError> {
        let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(vec![0xEF, 0xBB, 0xBF]);
        let internal = |_| AppError::new(ErrorCode::Internal);
        w.write_record(&self.headers).map_err(internal)?;
        for r in &self.rows {
            let rec: Vec<String> = r
                .iter()
                .map(|c| match c {
                    Cell::Text(t) => t.clone(),
                    Cell::Num(Some(v)) => format!("{v}"),
                    Cell::Num(None) => String::new(),
                })
                .collect();
            w.write_record(&rec).map_err(internal)?;
        }
        w.write_record([self.attribution.as_str()]).map_err(|_| AppError::new(ErrorCode::Internal)).ok();
        w.into_inner().map_err(|_| AppError::new(ErrorCode::Internal))
    }

    pub fn to_xlsx(&self) -> Result<Vec<u8>, AppError> {
        let internal = |e: rust_xlsxwriter::XlsxError| {
            tracing::error!(error = %e, "xlsx");
            AppError::new(ErrorCode::Internal)
        };
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        let bold = rust_xlsxwriter::Format::new().set_bold();
        for (c, h) in self.headers.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, h, &bold).map_err(internal)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                match cell {
                    Cell::Text(t) => {
                        sheet.write_string(r, c, t).map_err(internal)?;
                    }
                    Cell::Num(Some(v)) => {
                        sheet.write_number(r, c, *v).map_err(internal)?;
                    }
                    Cell::Num(None) => {}
                }
            }
        }
        sheet.write_string(self.rows.len() as u32 + 2, 0, &self.attribution).map_err(internal)?;
        book.save_to_buffer().map_err(internal)
    }

    /// The response for `format` (`csv` or `xlsx`).
    pub fn response(&self, format: &str) -> Result<Response, AppError> {
        let (bytes, mime, ext) = match format {
            "csv" => (self.to_csv()?, "text/csv; charset=utf-8", "csv"),
            "xlsx" => (self.to_xlsx()?, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            _ => return Err(AppError::new(ErrorCode::NotFound)),
        };
        let disposition = format!(
            "attachment; filename=\"{}.{ext}\"",
            self.name.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_")
        );
        let mut res = bytes.into_response();
        let h = res.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
        h.insert(
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&disposition).map_err(|_| AppError::new(ErrorCode::Internal))?,
        );
        Ok(res)
    }
}

/// The document as a download: `docx` or `pdf`.
pub async fn document(doc: Document, name: &str, format: &str) -> Result<Response, AppError> {
    let internal = |e: String| {
        tracing::error!(error = %e, "export");
        AppError::new(ErrorCode::Internal)
    };
    let (bytes, mime, ext) = match format {
        "docx" => (
            // Drawing the charts is CPU work too.
            tokio::task::spawn_blocking(move || hyte_report::docx::render(&doc))
                .await
                .map_err(|e| internal(e.to_string()))?
                .map_err(internal)?,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        ),
        // Typesetting is CPU work: off the async threads.
        "pdf" => (
            tokio::task::spawn_blocking(move || hyte_report::pdf::render(&doc))
                .await
                .map_err(|e| internal(e.to_string()))?
                .map_err(internal)?,
            "application/pdf",
            "pdf",
        ),
        _ => return Err(AppError::new(ErrorCode::NotFound)),
    };
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    let file = name.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_");
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{file}.{ext}\""))
        .map_err(|_| AppError::new(ErrorCode::Internal))?;
    h.insert(header::CONTENT_DISPOSITION, disposition);
    Ok(res)
}
