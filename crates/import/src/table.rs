//! A small table file (CSV or XLSX, by content) with named columns, read into rows of cells in
//! the columns' order: the monitoring reports a provider uploads and the client feedback a county
//! imports. Errors name the line and the column; the XLSX reader keeps its limits.

use crate::{csvutil, xlsx, ImportError};

/// At most this many data rows.
pub const MAX_ROWS: usize = 20_000;

/// The rows of `bytes` as (line, cells in the order of `columns`). Every column must be present
/// (in any order, any case); other columns are ignored.
pub fn rows<const N: usize>(
    file: &str,
    bytes: &[u8],
    columns: [&'static str; N],
) -> Result<Vec<(usize, [String; N])>, ImportError> {
    let mut out = Vec::new();
    let mut idx: Option<[usize; N]> = None;
    let mut take = |line: usize, cells: Vec<String>| -> Result<(), ImportError> {
        match &idx {
            None => idx = Some(positions(file, &cells, columns)?),
            Some(ix) => {
                if cells.iter().all(|c| c.trim().is_empty()) {
                    return Ok(());
                }
                if out.len() >= MAX_ROWS {
                    return Err(ImportError::new(file, line, "-", format!("at most {MAX_ROWS} rows")));
                }
                out.push((line, ix.map(|i| cells.get(i).cloned().unwrap_or_default())));
            }
        }
        Ok(())
    };
    if bytes.starts_with(b"PK\x03\x04") {
        xlsx::rows(file, bytes, &xlsx::Limits::default(), &mut take)?;
    } else {
        let text =
            std::str::from_utf8(bytes).map_err(|_| ImportError::new(file, 1, "-", "the file is not UTF-8 text"))?;
        let (mut rdr, headers) = csvutil::reader(file, text)?;
        take(1, headers)?;
        for (i, rec) in rdr.records().enumerate() {
            let rec = rec.map_err(|e| ImportError::new(file, i + 2, "-", format!("malformed row: {e}")))?;
            take(i + 2, rec.iter().map(str::to_string).collect())?;
        }
    }
    if idx.is_none() {
        return Err(ImportError::new(file, 1, columns.first().copied().unwrap_or("-"), "the file has no header row"));
    }
    Ok(out)
}

fn positions<const N: usize>(
    file: &str,
    headers: &[String],
    columns: [&'static str; N],
) -> Result<[usize; N], ImportError> {
    let mut ix = [0; N];
    for (slot, c) in ix.iter_mut().zip(columns) {
        *slot = headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(c))
            .ok_or_else(|| ImportError::new(file, 1, c, format!("missing column {c}")))?;
    }
    Ok(ix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_found_by_name_and_errors_name_them() {
        let r = rows(
            "q.csv",
            b"Value;criterion_id;period\n81,5;7;2025-Q1\n;;\n60;7;2025-Q2\n",
            ["criterion_id", "period", "value"],
        )
        .unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!((r[1].0, r[1].1.clone()), (4, ["7".to_string(), "2025-Q2".into(), "60".into()]));
        let e = rows("q.csv", b"criterion_id;value\n7;1\n", ["criterion_id", "period", "value"]).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (1, "period"));
        let e = rows("q.csv", b"a;b\n1;2;3\n", ["a"]).unwrap_err();
        assert_eq!(e.line, 2);
    }
}
