#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! Crafted workbooks are refused quickly, with the row or column named, without allocating the
//! declared sheet (issue 16: a 1.6 KB file with cells A1 and XFD1048576 aborted the server).

use hyte_import::own::{parse_any, parse_xlsx_within, COLUMNS};
use hyte_import::xlsx::Limits;
use hyte_import::{ImportError, LimitKind};
use std::io::{Read, Write};
use std::time::{Duration, Instant};

/// The process's peak resident memory so far, in MiB (Linux).
fn peak_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap_or("VmHWM: 0 kB");
    line.split_whitespace().nth(1).and_then(|n| n.parse::<u64>().ok()).unwrap_or(0) / 1024
}

/// The template's header row and one good data row.
fn template(sheet: &mut rust_xlsxwriter::Worksheet) {
    for (c, h) in COLUMNS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let row = ["uinti", "Osaa uida, %", "percent", "municipality", "297", "2025", "total", "", "81.5"];
    for (c, v) in row.iter().enumerate() {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
}

/// Parses with the default limits, checking that it is refused quickly and in little memory.
fn refused(bytes: &[u8]) -> ImportError {
    let started = Instant::now();
    let e = parse_any("hyokkays.xlsx", bytes).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(10), "refused quickly, took {:?}", started.elapsed());
    assert!(peak_mib() < 512, "small memory: peak {} MiB", peak_mib());
    e
}

#[test]
fn a_cell_at_the_last_column_and_row_is_refused_with_its_column_named() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    template(sheet);
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    assert!(bytes.len() < 10_000, "a tiny file: {} bytes", bytes.len());
    let e = refused(&bytes);
    assert_eq!(e.limit.map(|l| (l.kind, l.max)), Some((LimitKind::Rows, 100_000)), "{e}");
    assert_eq!(e.line, 1_048_576);
    assert!(e.message.contains("row 1048576"), "{e}");

    // Within the rows, a far column is named.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    template(sheet);
    sheet.write_string(5, 16_383, "x").unwrap();
    let e = refused(&book.save_to_buffer().unwrap());
    assert_eq!(e.limit.map(|l| l.kind), Some(LimitKind::Columns), "{e}");
    assert_eq!((e.line, e.field.as_str()), (6, "XFD"));
    assert!(e.message.contains("column XFD"), "{e}");
}

/// Rewrites the workbook's zip with the first sheet's XML changed by `f`.
fn with_sheet(bytes: &[u8], f: impl Fn(String) -> String) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            text = f(text);
        }
        out.start_file(name, options).unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn good_book() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    template(book.add_worksheet());
    book.save_to_buffer().unwrap()
}

#[test]
fn a_declared_dimension_beyond_the_limits_is_refused_before_reading() {
    let bytes = with_sheet(&good_book(), |xml| {
        let start = xml.find("<dimension ref=\"").unwrap() + "<dimension ref=\"".len();
        let end = start + xml[start..].find('"').unwrap();
        format!("{}A1:XFD1048576{}", &xml[..start], &xml[end..])
    });
    assert!(bytes.len() < 10_000);
    let e = refused(&bytes);
    assert_eq!(e.limit.map(|l| l.kind), Some(LimitKind::Rows), "{e}");
    assert!(e.message.contains("row 1048576"));
}

#[test]
fn a_zip_bomb_is_refused_by_its_unpacked_size() {
    // 80 MiB of spaces inside the sheet's XML compress to a few hundred KB.
    let bomb =
        with_sheet(&good_book(), |xml| xml.replacen("<sheetData>", &format!("<sheetData>{}", " ".repeat(80 << 20)), 1));
    assert!(bomb.len() < 1 << 20, "a small file: {} bytes", bomb.len());
    let e = refused(&bomb);
    assert_eq!(e.limit.map(|l| (l.kind, l.max)), Some((LimitKind::Unpacked, 64)), "{e}");
    assert!(e.message.contains("64 MiB"), "{e}");
}

#[test]
fn cells_and_time_have_limits_too() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    template(sheet);
    for r in 2..40 {
        sheet.write_string(r, 0, "uinti").unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let few = Limits { cells: 15, ..Limits::default() };
    let e = parse_xlsx_within("x.xlsx", &bytes, &few).unwrap_err();
    assert_eq!(e.limit.map(|l| (l.kind, l.max)), Some((LimitKind::Cells, 15)), "{e}");
    let no_time = Limits { time: Duration::ZERO, ..Limits::default() };
    std::thread::sleep(Duration::from_millis(2));
    let e = parse_xlsx_within("x.xlsx", &bytes, &no_time).unwrap_err();
    assert_eq!(e.limit.map(|l| l.kind), Some(LimitKind::Time), "{e}");
    // Within the limits the same workbook reads (and row 3 lacks its fields).
    let e = parse_xlsx_within("x.xlsx", &bytes, &Limits::default()).unwrap_err();
    assert_eq!((e.line, e.field.as_str(), e.limit), (3, "value_type", None));
}
