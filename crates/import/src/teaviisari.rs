//! The TEAviisari template: one result per line, `area;sector;item;year;score` (a municipality's
//! three-digit code or a county's two; a sector code; an item's name, empty for the sector's own
//! score; the year; 0–100). Every line must parse, or nothing is written.

use crate::csvutil::reader;
use crate::ImportError;
use hyte_domain::coefficient::TeaRow;

/// The template's header line.
pub const HEADER: &str = "area;sector;item;year;score";
/// The most lines a file may have.
pub const MAX_ROWS: usize = 50_000;

pub fn parse(file: &str, bytes: &[u8]) -> Result<Vec<TeaRow>, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::new(file, 1, "-", "the file is not UTF-8 text"))?;
    let (mut rdr, headers) = reader(file, text)?;
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| ImportError::new(file, 1, name, format!("missing column {name}")))
    };
    let cols = [col("area")?, col("sector")?, col("item")?, col("year")?, col("score")?];
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| ImportError::new(file, line, "-", e.to_string()))?;
        if out.len() >= MAX_ROWS {
            let mut e = ImportError::new(file, line, "-", format!("more than {MAX_ROWS} rows"));
            e.limit = Some(crate::Limit { kind: crate::LimitKind::Rows, max: MAX_ROWS as u64 });
            return Err(e);
        }
        let f = |n: usize| cols.get(n).and_then(|c| rec.get(*c)).unwrap_or("");
        let row = TeaRow::parse(f(0), f(1), f(2), f(3), f(4))
            .map_err(|(field, code)| ImportError::new(file, line, field, format!("{field}: {}", code.as_str())))?;
        out.push(row);
    }
    if out.is_empty() {
        return Err(ImportError::new(file, 1, "-", "no rows"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_parses_and_a_bad_line_is_named() {
        let ok = parse(
            "t.csv",
            format!("{HEADER}\n297;leadership;Hyte-ryhmä;2023;100\n297;culture;;2023;62,5\n").as_bytes(),
        )
        .unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!((ok[1].item.as_str(), ok[1].score), ("", 62.5));
        let e =
            parse("t.csv", format!("{HEADER}\n297;leadership;x;2023;100\n297;golf;x;2023;1\n").as_bytes()).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (3, "sector"));
        let e = parse("t.csv", b"area;item;year;score\n").unwrap_err();
        assert_eq!(e.field, "sector");
        assert!(parse("t.csv", HEADER.as_bytes()).is_err(), "no rows");
        assert!(parse("t.csv", &[0xff, 0xfe]).is_err());
    }
}
