//! Reading an Excel workbook (`.xlsx`) within limits: the zip entries' unpacked size is measured
//! before anything is parsed, and the first sheet is read cell by cell, row by row, without
//! materialising the declared sheet (a sheet may declare `A1:XFD1048576` in a 1 KB file). A
//! workbook beyond a limit is refused with the row or column named. See docs/import.md.

use crate::{ImportError, Limit, LimitKind};
use std::io::{Cursor, Read};
use std::time::{Duration, Instant};

/// What an uploaded workbook may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Sheet rows, counting the header row (row numbers beyond this are refused).
    pub rows: u32,
    /// Sheet columns (columns beyond this are refused).
    pub columns: u32,
    /// Cells present in the sheet, empty ones included.
    pub cells: u64,
    /// Unpacked size of all the workbook's zip entries together, in bytes.
    pub unpacked_bytes: u64,
    /// Zip entries in the workbook.
    pub entries: usize,
    /// Wall-clock time for reading the workbook.
    pub time: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            rows: 100_000,
            columns: 64,
            cells: 2_000_000,
            unpacked_bytes: 64 * 1024 * 1024,
            entries: 1_000,
            time: Duration::from_secs(20),
        }
    }
}

fn exceeded(file: &str, line: usize, field: &str, kind: LimitKind, max: u64, message: String) -> ImportError {
    let mut e = ImportError::new(file, line, field, message);
    e.limit = Some(Limit { kind, max });
    e
}

/// The spreadsheet name of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_name(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut name = vec![];
    while n > 0 {
        let d = u8::try_from((n - 1) % 26).unwrap_or(0);
        name.push(char::from(b'A' + d));
        n = (n - 1) / 26;
    }
    name.iter().rev().collect()
}

struct Budget<'a> {
    file: &'a str,
    limits: &'a Limits,
    started: Instant,
}

impl Budget<'_> {
    fn check(&self, line: usize) -> Result<(), ImportError> {
        if self.started.elapsed() > self.limits.time {
            let secs = self.limits.time.as_secs();
            let msg = format!("reading the workbook took longer than {secs} s");
            return Err(exceeded(self.file, line, "-", LimitKind::Time, secs, msg));
        }
        Ok(())
    }

    fn cell(&self, row: u32, col: u32) -> Result<(), ImportError> {
        let line = row as usize + 1;
        if row >= self.limits.rows {
            let max = self.limits.rows;
            let msg = format!("row {line} is beyond the limit of {max} rows");
            return Err(exceeded(self.file, line, "-", LimitKind::Rows, max.into(), msg));
        }
        if col >= self.limits.columns {
            let (max, name) = (self.limits.columns, column_name(col));
            let msg = format!("column {name} is beyond the limit of {max} columns");
            return Err(exceeded(self.file, line, &name, LimitKind::Columns, max.into(), msg));
        }
        Ok(())
    }
}

/// Measures every zip entry's unpacked size by unpacking it (not trusting the declared sizes),
/// stopping as soon as the total passes the limit.
fn check_unpacked(budget: &Budget, bytes: &[u8]) -> Result<(), ImportError> {
    let (file, limits) = (budget.file, budget.limits);
    let not_xlsx = |e: &dyn std::fmt::Display| ImportError::new(file, 1, "-", format!("not an XLSX workbook: {e}"));
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| not_xlsx(&e))?;
    if zip.len() > limits.entries {
        let msg = format!("the workbook has {} parts, more than the limit of {}", zip.len(), limits.entries);
        return Err(exceeded(file, 1, "-", LimitKind::Entries, limits.entries as u64, msg));
    }
    let max = limits.unpacked_bytes;
    let too_big = || {
        let msg = format!("the workbook unpacks to more than {} MiB", max / (1024 * 1024));
        exceeded(file, 1, "-", LimitKind::Unpacked, max / (1024 * 1024), msg)
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        budget.check(1)?;
        let entry = zip.by_index(i).map_err(|e| not_xlsx(&e))?;
        if total.saturating_add(entry.size()) > max {
            return Err(too_big());
        }
        let left = max - total;
        let mut data = vec![];
        let n = entry.take(left + 1).read_to_end(&mut data).map_err(|e| not_xlsx(&e))? as u64;
        total += n;
        if total > max {
            return Err(too_big());
        }
        if let Some(count) = declared_strings(&data).filter(|c| *c > limits.cells) {
            let msg = format!("the workbook declares {count} shared strings, more than the limit of {}", limits.cells);
            return Err(exceeded(file, 1, "-", LimitKind::Cells, limits.cells, msg));
        }
    }
    Ok(())
}

/// The largest `uniqueCount="…"` a part declares (saturating). calamine reserves room for that
/// many shared strings before reading one, so `uniqueCount="4294967296"` in a 1 KB file made
/// the process abort on a 96 GiB allocation (found by fuzzing). Every part is checked, in case
/// the shared strings are found under another name.
fn declared_strings(xml: &[u8]) -> Option<u64> {
    const KEY: &[u8] = b"uniqueCount";
    let mut most = None;
    let mut rest = xml;
    while let Some(at) = rest.windows(KEY.len()).position(|w| w == KEY) {
        rest = rest.get(at + KEY.len()..).unwrap_or_default();
        let value = rest.iter().skip_while(|b| b.is_ascii_whitespace() || **b == b'=' || **b == b'"' || **b == b'\'');
        let digits = value.take_while(|b| b.is_ascii_digit() || **b == b'+' || **b == b'0');
        let n = digits
            .filter(|b| b.is_ascii_digit())
            .fold(0u64, |n, b| n.saturating_mul(10).saturating_add(u64::from(b - b'0')));
        most = most.max(Some(n));
    }
    most
}

/// Runs a step of calamine. calamine panics on some malformed parts (found by fuzzing: a cell
/// reference such as `A99999999999` overflows its row number in a build with overflow checks),
/// so a panic while reading is a refusal of the file, not a failed request. Only calamine's
/// own steps run here, never Hyte's row parsing.
fn guarded<T>(file: &str, line: usize, step: impl FnOnce() -> T) -> Result<T, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(step))
        .map_err(|_| ImportError::new(file, line, "-", "not an XLSX workbook: a malformed part"))
}

fn text(value: calamine::DataRef) -> String {
    match calamine::Data::from(value) {
        calamine::Data::Empty => String::new(),
        calamine::Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
        other => other.to_string(),
    }
}

/// Reads the first sheet within `limits`, handing each non-empty row to `row` with its 1-based
/// row number and its cells from column A on (empty cells as empty strings). Rows come in sheet
/// order; a sheet whose cells go back to an earlier row is refused.
pub fn rows(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    mut row: impl FnMut(usize, Vec<String>) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    use calamine::Reader;
    let budget = Budget { file, limits, started: Instant::now() };
    check_unpacked(&budget, bytes)?;
    let mut book: calamine::Xlsx<_> = guarded(file, 1, || calamine::open_workbook_from_rs(Cursor::new(bytes)))?
        .map_err(|e| ImportError::new(file, 1, "-", format!("not an XLSX workbook: {e}")))?;
    let name = book.sheet_names().into_iter().next();
    let name = name.ok_or_else(|| ImportError::new(file, 1, "-", "the workbook has no sheet"))?;
    let mut cells = guarded(file, 1, || book.worksheet_cells_reader(&name))?
        .map_err(|e| ImportError::new(file, 1, "-", format!("unreadable sheet: {e}")))?;
    // The declared dimension is refused up front when it is beyond the limits.
    let declared = cells.dimensions();
    budget.cell(declared.end.0, declared.end.1)?;
    let (mut current, mut values): (Option<u32>, Vec<String>) = (None, vec![]);
    let mut count: u64 = 0;
    loop {
        let line = current.map_or(1, |r| r as usize + 1);
        budget.check(line)?;
        let cell = guarded(file, line, || cells.next_cell())?
            .map_err(|e| ImportError::new(file, line, "-", format!("unreadable sheet: {e}")))?;
        let Some(cell) = cell else { break };
        let (r, c) = cell.get_position();
        budget.cell(r, c)?;
        count += 1;
        if count > limits.cells {
            let msg = format!("the sheet has more than {} cells", limits.cells);
            return Err(exceeded(file, r as usize + 1, "-", LimitKind::Cells, limits.cells, msg));
        }
        if current != Some(r) {
            if let Some(prev) = current {
                if r < prev {
                    let msg = format!("row {} comes after row {}: the sheet's rows are out of order", r + 1, prev + 1);
                    return Err(ImportError::new(file, r as usize + 1, "-", msg));
                }
                row(prev as usize + 1, std::mem::take(&mut values))?;
            }
            current = Some(r);
        }
        let c = c as usize;
        if values.len() <= c {
            values.resize(c + 1, String::new());
        }
        if let Some(v) = values.get_mut(c) {
            *v = text(cell.get_value().clone());
        }
    }
    if let Some(prev) = current {
        row(prev as usize + 1, values)?;
    }
    Ok(())
}
