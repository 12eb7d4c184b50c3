#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! Fuzzing the import parsers: Sotkanet's JSON (data, indicators, regions) and CSV (data, the
//! counties' ids), and the own-data template as CSV and XLSX (the workbook's bytes, its XML
//! parts, and workbooks of random zip entries). Inputs are the repository's real files, mutated.
//! No input may panic, take long or use much memory; an error names the file and a line; what
//! is accepted keeps the parser's promises. The harness is `crates/domain/tests/fuzz/harness.rs`;
//! the measured runs are in docs/security.md.

#[path = "../../domain/tests/fuzz/harness.rs"]
mod harness;

use harness::{run, text, Bounds, Mutator};
use hyte_import::own::{parse_any, OwnRow, COLUMNS};
use hyte_import::sotkanet::{self, DataRow};
use hyte_import::ImportError;
use rand::Rng;
use std::io::{Read, Write};
use std::path::Path;

/// Inputs per target in CI (a debug build): the whole file runs in a few seconds.
const CI: u64 = 3_000;

fn read(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// `n` records spread evenly over a JSON array, as a smaller JSON array.
fn json_sample(path: &str, n: usize) -> Vec<u8> {
    let all: Vec<serde_json::Value> = serde_json::from_slice(&read(path)).unwrap();
    let step = (all.len() / n).max(1);
    let some: Vec<_> = all.into_iter().step_by(step).take(n).collect();
    serde_json::to_vec_pretty(&some).unwrap()
}

/// The first `n` lines of a text file.
fn head(path: &str, n: usize) -> Vec<u8> {
    let t = String::from_utf8(read(path)).unwrap();
    t.lines().take(n).map(|l| format!("{l}\n")).collect::<String>().into_bytes()
}

fn mutate(m: &mut Mutator, seeds: &[Vec<u8>]) -> Vec<u8> {
    m.input(seeds)
}

/// A refusal names the file, a line and a field, and says something.
fn clear(e: &ImportError, file: &str) {
    assert!(e.line >= 1 && !e.field.is_empty() && !e.message.trim().is_empty(), "{e:?}");
    assert!(e.to_string().starts_with(file), "{e}");
}

fn check_rows(rows: &[DataRow]) {
    for r in rows {
        assert!((1900..=2100).contains(&r.year), "{r:?}");
        assert!(r.value.is_none_or(f64::is_finite) && r.absolute.is_none_or(f64::is_finite), "{r:?}");
    }
}

#[test]
fn sotkanet_data_json() {
    let corpus = vec![
        read("tests/data/data_127_2019_2023.json"),
        read("tests/data/data_5513_2023.json"),
        json_sample("tests/data/data_127_2009.json", 20),
    ];
    run("sotkanet_data_json", CI, corpus, Bounds::default(), mutate, |bytes| {
        match sotkanet::data_json("d.json", bytes) {
            Ok(rows) => {
                check_rows(&rows);
                true
            }
            Err(e) => {
                clear(&e, "d.json");
                false
            }
        }
    });
}

#[test]
fn sotkanet_data_csv() {
    let corpus = vec![
        head("tests/data/data_127_2009.csv", 40),
        head("../../data/sotkanet/data_2019_kunnat.csv", 40),
        head("../../data/sotkanet/data_683_2015_2023.csv", 40),
        b"indicator,region,year,gender,primary.value,absolute.value,indicator.title.fi\n5,2,2019,total,6.5,279,\"Toimeentulotuki, %\"\n".to_vec(),
    ];
    run("sotkanet_data_csv", CI, corpus, Bounds::default(), mutate, |bytes| {
        let t = text(bytes);
        match sotkanet::data_csv("d.csv", &t) {
            Ok(rows) => {
                check_rows(&rows);
                assert!(rows.iter().all(|r| !r.indicator.is_empty() && !r.region.is_empty()));
                assert!(rows.windows(2).all(|w| w[0].line < w[1].line), "lines in order");
                true
            }
            Err(e) => {
                clear(&e, "d.csv");
                false
            }
        }
    });
}

#[test]
fn sotkanet_indicators_and_regions() {
    let corpus = vec![
        json_sample("../../data/sotkanet/indicator_metadata_2025.json", 3),
        json_sample("../../data/sotkanet/indicators_2015.json", 8),
        read("../../data/sotkanet/indicators_2019_supplement.json"),
        read("tests/data/regions_5_kuntaa_2_maakuntaa.json"),
        json_sample("../../data/sotkanet/regions_2015.json", 25),
    ];
    run("sotkanet_indicators_and_regions", CI, corpus, Bounds::default(), mutate, |bytes| {
        let mut accepted = false;
        match sotkanet::indicators("i.json", bytes) {
            Ok(list) => {
                for i in &list {
                    assert!(!i.source_id.is_empty() && !i.title.fi.trim().is_empty() && (0..=6).contains(&i.decimals));
                }
                accepted = true;
            }
            Err(e) => clear(&e, "i.json"),
        }
        match sotkanet::regions("r.json", bytes) {
            Ok(list) => {
                assert!(list.iter().all(|r| !r.external_id.is_empty() && r.external_id != "null"));
                accepted = true;
            }
            Err(e) => clear(&e, "r.json"),
        }
        accepted
    });
}

#[test]
fn sotkanet_county_ids() {
    let corpus = vec![read("../../data/sotkanet/hyvinvointialueet.csv")];
    run("sotkanet_county_ids", CI, corpus, Bounds::default(), mutate, |bytes| {
        match sotkanet::county_ids("c.csv", &text(bytes)) {
            Ok(list) => {
                assert!(list.iter().all(|r| !r.external_id.is_empty() && r.area.is_some()));
                true
            }
            Err(e) => {
                clear(&e, "c.csv");
                false
            }
        }
    });
}

const OWN_ROWS: [&str; 3] = [
    "liikunta;Liikkuu riittävästi, %;percent;municipality;297;2024;female;13-15;54,2;271;500",
    "uinti;Osaa uida, %;percent;municipality;091;2025;total;;81.5;;",
    "kysely;Kyselyyn vastanneet;count;wellbeing_county;11;2023;male;;1200;;",
];

fn check_own(rows: &[OwnRow]) {
    for r in rows {
        assert!((1900..=2100).contains(&r.year) && !r.indicator_code.is_empty() && !r.title_fi.is_empty(), "{r:?}");
        assert!(r.title_fi.chars().count() <= hyte_import::own::CELL_MAX, "{r:?}");
        for v in [r.value, r.numerator, r.denominator].into_iter().flatten() {
            assert!(v.is_finite(), "{r:?}");
        }
    }
}

fn own(bytes: &[u8]) -> bool {
    match parse_any("oma.xlsx", bytes) {
        Ok(rows) => {
            check_own(&rows);
            true
        }
        Err(e) => {
            clear(&e, "oma.xlsx");
            false
        }
    }
}

#[test]
fn own_csv() {
    let semi = format!("{}\n{}\n", COLUMNS.join(";"), OWN_ROWS.join("\n"));
    let comma = format!("\u{feff}{}\r\n{}\r\n", COLUMNS.join(","), OWN_ROWS.join("\r\n").replace(';', ","));
    run("own_csv", CI, vec![semi.into_bytes(), comma.into_bytes()], Bounds::default(), mutate, own);
}

/// The template as a workbook: headers, the rows, numbers as numbers.
fn workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in COLUMNS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in OWN_ROWS.iter().enumerate() {
        for (c, v) in row.split(';').enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match v.replace(',', ".").parse::<f64>() {
                Ok(n) if c >= 5 => sheet.write_number(r, c, n).unwrap(),
                _ => sheet.write_string(r, c, v).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).unwrap();
            let mut data = vec![];
            e.read_to_end(&mut data).unwrap();
            (e.name().unwrap().to_string(), data)
        })
        .collect()
}

fn rezip(entries: &[(String, Vec<u8>)], stored: bool) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if stored { zip::CompressionMethod::Stored } else { zip::CompressionMethod::Deflated };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    let mut names = std::collections::HashSet::new();
    for (name, data) in entries.iter().filter(|e| names.insert(e.0.clone())) {
        out.start_file(name.as_str(), options).unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Workbooks the fuzzing found to abort or panic, kept so that they stay refused.
#[test]
fn inputs_the_fuzzing_found() {
    let with = |part: &str, from: &str, to: &str| {
        let mut parts = unzip(&workbook());
        let p = parts.iter_mut().find(|p| p.0 == part).unwrap();
        let xml = String::from_utf8(p.1.clone()).unwrap();
        assert!(xml.contains(from), "{xml}");
        p.1 = xml.replacen(from, to, 1).into_bytes();
        rezip(&parts, false)
    };
    // calamine reserved room for `uniqueCount` strings: 96 GiB, and the process aborted.
    let e =
        parse_any("x.xlsx", &with("xl/sharedStrings.xml", "uniqueCount=\"", "uniqueCount=\"4294967296")).unwrap_err();
    assert_eq!(e.limit.map(|l| l.kind), Some(hyte_import::LimitKind::Cells), "{e}");
    // calamine's row number overflowed: a panic with overflow checks on (debug), refused as not a
    // workbook; without them (release) the number wraps and the row limit refuses it.
    let e = parse_any("x.xlsx", &with("xl/worksheets/sheet1.xml", "r=\"A2\"", "r=\"A99999999999\"")).unwrap_err();
    assert!(e.message.starts_with("not an XLSX workbook") || e.limit.is_some(), "{e}");
}

#[test]
fn own_xlsx_bytes() {
    run("own_xlsx_bytes", CI, vec![workbook()], Bounds::default(), mutate, own);
}

#[test]
fn own_xlsx_parts() {
    let parts = unzip(&workbook());
    run(
        "own_xlsx_parts",
        CI,
        vec![],
        Bounds::default(),
        move |m: &mut Mutator, _: &[Vec<u8>]| {
            let mut entries = parts.clone();
            // Mostly the sheet or the shared strings; sometimes any part.
            for _ in 0..m.rng().gen_range(1..3) {
                let name = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", ""][m.rng().gen_range(0..3)];
                let i = entries.iter().position(|e| e.0 == name).unwrap_or_else(|| m.rng().gen_range(0..entries.len()));
                let data = m.mutate(&entries[i].1);
                entries[i].1 = data;
            }
            let stored = m.rng().gen();
            rezip(&entries, stored)
        },
        own,
    );
}

/// Workbooks of random zip entries (some named as a workbook's parts) are refused.
#[test]
fn own_xlsx_random_entries() {
    const NAMES: [&str; 8] = [
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/worksheets/sheet1.xml",
        "xl/sharedStrings.xml",
        "xl/styles.xml",
        "docProps/app.xml",
    ];
    let make = |m: &mut Mutator, _: &[Vec<u8>]| {
        let n = m.rng().gen_range(0..10);
        let entries: Vec<(String, Vec<u8>)> = (0..n)
            .map(|_| {
                let name = match m.rng().gen_range(0..10) {
                    0 => text(&m.random_bytes(12)),
                    i => NAMES[i % NAMES.len()].to_string(),
                };
                let data = match m.rng().gen_range(0..8) {
                    // Much of one byte: small packed, large unpacked.
                    0 => vec![b'<'; m.rng().gen_range(0..256 << 10)],
                    _ => m.random_bytes(2048),
                };
                (name, data)
            })
            .collect();
        let stored = m.rng().gen();
        rezip(&entries, stored)
    };
    run("own_xlsx_random_entries", CI / 10, vec![], Bounds::default(), make, |bytes| {
        let r = parse_any("satunnainen.xlsx", bytes);
        assert!(r.is_err(), "random entries are refused");
        if let Err(e) = r {
            clear(&e, "satunnainen.xlsx");
        }
        false
    });
}

/// The TEAviisari template: a refusal names the file and a line; accepted rows are in range.
#[test]
fn teaviisari_csv() {
    let corpus = vec![
        b"area;sector;item;year;score\n297;leadership;Hyte-ryhm\xc3\xa4;2023;100\n297;culture;;2023;62,5\n".to_vec(),
        b"area,sector,item,year,score\n13,county_leadership,,2024,70\n749,basic_education,\"a;b\",2024,0\n".to_vec(),
    ];
    run("teaviisari_csv", CI, corpus, Bounds::default(), mutate, |bytes| {
        match hyte_import::teaviisari::parse("tea.csv", bytes) {
            Err(e) => {
                clear(&e, "tea.csv");
                false
            }
            Ok(rows) => {
                for r in &rows {
                    assert!((0.0..=100.0).contains(&r.score) && (2000..=2100).contains(&r.year), "{r:?}");
                    assert!(r.area.len() <= 3 && r.item.chars().count() <= 200, "{r:?}");
                }
                !rows.is_empty()
            }
        }
    });
}
