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

/// A text cell a spreadsheet will not run as a formula (OWASP's CSV injection advice): one that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`.
fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

impl Table {
    /// `;`-separated, `.` as the decimal point, UTF-8 with a BOM (so that Excel reads it).
    pub fn to_csv(&self) -> Result<Vec<u8>, AppError> {
        let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(vec![0xEF, 0xBB, 0xBF]);
        let internal = |_| AppError::new(ErrorCode::Internal);
        w.write_record(self.headers.iter().map(|h| inert(h))).map_err(internal)?;
        for r in &self.rows {
            let rec: Vec<String> = r
                .iter()
                .map(|c| match c {
                    Cell::Text(t) => inert(t),
                    Cell::Num(Some(v)) => format!("{v}"),
                    Cell::Num(None) => String::new(),
                })
                .collect();
            w.write_record(&rec).map_err(internal)?;
        }
        w.write_record([inert(&self.attribution)]).map_err(|_| AppError::new(ErrorCode::Internal)).ok();
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
        attachment(bytes, mime, &self.name, ext)
    }
}

/// `bytes` as a file to save: `name` (without extension; characters other than ASCII letters,
/// digits and `-` become `_`) with `ext`, of type `mime`.
pub fn attachment(bytes: Vec<u8>, mime: &'static str, name: &str, ext: &str) -> Result<Response, AppError> {
    let file = name.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_");
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{file}.{ext}\""))
        .map_err(|_| AppError::new(ErrorCode::Internal))?;
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    h.insert(header::CONTENT_DISPOSITION, disposition);
    Ok(res)
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
    attachment(bytes, mime, name, ext)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_text_cells_never_start_a_formula() {
        let t = Table {
            name: "t".into(),
            headers: vec!["=HYPERLINK(\"x\")".into(), "Arvo".into()],
            rows: vec![
                vec![Cell::Text("=1+2".into()), Cell::Num(Some(-1.5))],
                vec![Cell::Text("@SUM(A1)".into()), Cell::Num(None)],
                vec![Cell::Text("+358".into()), Cell::Num(Some(2.0))],
                vec![Cell::Text("\tx".into()), Cell::Num(Some(3.0))],
                vec![Cell::Text("Kuopio".into()), Cell::Num(Some(4.0))],
            ],
            attribution: "-Lähde".into(),
        };
        let csv = String::from_utf8(t.to_csv().unwrap()).unwrap();
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], "\"'=HYPERLINK(\"\"x\"\")\";Arvo");
        assert_eq!(lines[1], "'=1+2;-1.5", "numbers stay numbers");
        assert_eq!(lines[2], "'@SUM(A1);");
        assert_eq!(lines[3], "'+358;2");
        assert_eq!(lines[4], "'\tx;3");
        assert_eq!(lines[5], "Kuopio;4");
        assert_eq!(lines[6], "'-Lähde");
    }
}
