//! What every CSV import shares: the reader (BOM, `;` or `,`), headers, and numbers.

use crate::ImportError;

/// A reader over `text` and its lower-cased header names. The delimiter is `;` when the header
/// line has one, else `,`; a UTF-8 byte-order mark is skipped.
pub fn reader<'a>(file: &str, text: &'a str) -> Result<(csv::Reader<&'a [u8]>, Vec<String>), ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = if text.lines().next().unwrap_or("").contains(';') { b';' } else { b',' };
    let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).flexible(false).from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| ImportError::new(file, 1, "-", e.to_string()))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    Ok((rdr, headers))
}

/// An optional number: empty is none; `,` or `.` as the decimal mark.
pub fn number(file: &str, line: usize, field: &str, s: &str) -> Result<Option<f64>, ImportError> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .map(Some)
        .ok_or_else(|| ImportError::new(file, line, field, format!("not a number: {s:?}")))
}
