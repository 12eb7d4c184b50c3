#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! Fuzzing the domain's parsers: the report markup, the HTML-to-text of Sotkanet's texts, the
//! form fields (e-mail, council term, dates, months, numbers, euros, years, paths, languages) and
//! the report structure form. No input may panic; what is accepted keeps each parser's promise.
//! See `fuzz/harness.rs` for the mutations and the environment variables, docs/security.md for
//! the measured runs.

#[path = "fuzz/harness.rs"]
mod harness;

use harness::{run, text, Bounds, Mutator};
use hyte_domain::assessment::{parse_euros, DecisionOutcome, FollowUp, Scale};
use hyte_domain::cooperation::{Maturity, MeetingInput, Month};
use hyte_domain::knowledge::indicator::plain_text;
use hyte_domain::partners::{parse_languages, GrantDecision, UseReport};
use hyte_domain::reports::markup::{self, Block, Inline};
use hyte_domain::reports::{
    parse_comment, parse_date, parse_number, parse_structure, parse_year, CouncilTerm, ReportStructure, Resources,
    SectionKind, StructureRow,
};
use hyte_domain::{local_path, DisplayName, Email, ErrorCode, OrgKind, Password, Role};

/// Inputs per target in CI (a debug build): the whole file runs in a few seconds.
const CI: u64 = 20_000;

/// Inputs the fuzzing found to panic, kept so that they stay fixed.
#[test]
fn inputs_the_fuzzing_found() {
    // A TOML error without a message (a CR, then a malformed key) still says what is wrong.
    let e = hyte_domain::coefficient::model::Model::parse("\r<1e-400total-2147483648").unwrap_err();
    assert!(e.line >= 1 && !e.message.is_empty(), "{e:?}");
    // `start + 4` overflowed (a debug build panics; a release build wrapped to a negative end).
    assert_eq!(CouncilTerm::parse("2147483647"), Err(ErrorCode::TermInvalid));
    assert_eq!(CouncilTerm::parse("2000-2147483647"), Err(ErrorCode::TermInvalid));
}

fn seeds(items: &[&str]) -> Vec<Vec<u8>> {
    items.iter().map(|s| s.as_bytes().to_vec()).collect()
}

fn mutate(m: &mut Mutator, seeds: &[Vec<u8>]) -> Vec<u8> {
    m.input(seeds)
}

/// The characters of the text an inline holds.
fn inline_chars(i: &Inline) -> usize {
    match i {
        Inline::Text(t) | Inline::Bold(t) | Inline::Italic(t) => t.chars().count(),
        Inline::LineBreak => 0,
    }
}

fn check_inlines(items: &[Inline]) -> usize {
    for i in items {
        if let Inline::Text(t) | Inline::Bold(t) | Inline::Italic(t) = i {
            assert!(!t.contains('\n'), "an inline holds no line break: {t:?}");
        }
    }
    items.iter().map(inline_chars).sum()
}

#[test]
fn report_markup() {
    let mut corpus = seeds(&[
        "Hyvä **vahva** ja *kevyt* a * b\nrivi\n\n### Otsikko\n- yksi\n2. kaksi",
        "Kuopiolaiset voivat **hyvin**.\r\nToinen rivi.\r\n\r\n### Painopisteet\n- Liikunta\n- *Mielenterveys*\n\n1. Yksi\n2. Kaksi",
        "<script>alert(1)</script> **<b>x</b>** a * b",
        "***\n\n**a*b**c*\n- \n1.\n### ",
    ]);
    corpus.push(include_bytes!("../../seed/src/demo_reports.rs").to_vec());
    run("report_markup", CI, corpus, Bounds::default(), mutate, |bytes| {
        let input = text(bytes);
        let blocks = markup::parse(&input);
        let mut chars = 0;
        for b in &blocks {
            chars += match b {
                Block::Heading(h) | Block::Paragraph(h) => check_inlines(h),
                Block::List { items, .. } => {
                    assert!(!items.is_empty(), "a list has items");
                    items.iter().map(|i| check_inlines(i)).sum()
                }
            };
            if let Block::Heading(h) | Block::Paragraph(h) = b {
                let _ = markup::plain(h);
            }
        }
        // Markup only removes markers: the output never holds more text than the input.
        assert!(chars <= input.chars().count(), "{chars} characters out of {}", input.chars().count());
        !blocks.is_empty()
    });
}

#[test]
fn sotkanet_html_to_text() {
    let mut corpus = seeds(&[
        "A.<br>B<p>C</p><ul><li>x</li><li>y &amp; z</li></ul>&nbsp;&lt;tag&gt;",
        "<p class=\"x\">Kuolleisuus / 100 000 asukasta</p><br/><br /><",
    ]);
    let meta = include_bytes!("../../../data/sotkanet/indicator_metadata_2025.json");
    corpus.push(meta[..meta.len().min(8_192)].to_vec());
    run("sotkanet_html_to_text", CI, corpus, Bounds::default(), mutate, |bytes| {
        let input = text(bytes);
        let out = plain_text(&input);
        assert!(out.len() <= input.len() + input.matches('>').count(), "the text does not grow");
        assert_eq!(out, out.trim(), "trimmed");
        !out.is_empty()
    });
}

#[test]
fn form_fields() {
    let corpus = seeds(&[
        "maija.meikalainen@kuopio.fi",
        "  Maija@Example.ORG ",
        "2025–2029",
        "2025-2029",
        "2022—2025",
        "2025",
        "2026-06-12",
        "12.6.2026",
        "2027-09",
        "9/2027",
        "12 500,50",
        "1.5",
        "250 000,00 €",
        "1990",
        "/areas?q=Hämeenlinna",
        "//evil.example",
        ",fi,sv,",
        "viewer",
        "coordinator",
        "pitkä salasana 2026",
        "Maija Meikäläinen",
    ]);
    run("form_fields", CI, corpus, Bounds::default(), mutate, |bytes| {
        let s = text(bytes);
        let mut accepted = false;
        if let Ok(e) = Email::parse(&s) {
            let e = e.as_str();
            assert!(e.len() <= 254 && e.contains('@') && e == e.trim() && e == e.to_lowercase(), "{e:?}");
            accepted = true;
        }
        if let Ok(t) = CouncilTerm::parse(&s) {
            assert!((3..=4).contains(&(t.end - t.start)) && (2000..=2100).contains(&t.start), "{t:?}");
            assert_eq!(CouncilTerm::parse(&t.to_string()), Ok(t), "a term reads back");
            accepted = true;
        }
        if let Ok(d) = parse_date(&s) {
            assert_eq!(parse_date(&d.to_string()), Ok(d), "a date reads back");
            accepted = true;
        }
        if let Ok(m) = Month::parse(&s) {
            assert!((2000..=2100).contains(&m.year) && (1..=12).contains(&m.month), "{m:?}");
            accepted = true;
        }
        if let Ok(Some(n)) = parse_number(&s) {
            assert!(n.is_finite() && n >= 0.0, "{n}");
            accepted = true;
        }
        if let Ok(Some(e)) = parse_euros(&s) {
            assert!(e >= 0, "{e}");
            accepted = true;
        }
        if let Ok(Some(y)) = parse_year(&s) {
            assert!((1990..=2100).contains(&y), "{y}");
            accepted = true;
        }
        if let Some(p) = local_path(&s) {
            assert!(p.starts_with('/') && !p.starts_with("//") && !p.starts_with("/\\"), "{p:?}");
            assert!(p.chars().all(|c| c.is_ascii_graphic()), "{p:?}");
            accepted = true;
        }
        if let Some(langs) = parse_languages(&s) {
            accepted |= !langs.is_empty();
        }
        accepted |= Role::parse(&s).is_ok() | DisplayName::parse(&s).is_ok() | parse_comment(&s).is_ok();
        if let Ok(p) = Password::parse(&s) {
            assert!((Password::MIN..=200).contains(&p.expose().chars().count()));
        }
        accepted
    });
}

/// Forms of several fields: the input's fields are separated by `|`.
#[test]
fn multi_field_forms() {
    let corpus = seeds(&[
        "2026|5|Vastuut nimetty",
        "12 500|1,5",
        "-2|2",
        "granted|250 000,00 €|12.6.2026|Kh 12.6.2026 § 5",
        "rejected||2026-06-12|§ 7",
        "2026-06-12|Esityslista|Muistio",
        "12.6.2026|§ 5|3|1.1.2027",
        "yes|Toteutui",
        "Käytetty kokonaan|1200",
    ]);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 12).unwrap();
    run("multi_field_forms", CI, corpus, Bounds::default(), mutate, move |bytes| {
        let s = text(bytes);
        let f: Vec<&str> = s.split('|').collect();
        let at = |i: usize| f.get(i).copied().unwrap_or("");
        let mut accepted = false;
        if let Ok((y, step, _)) = Maturity::parse(at(0), at(1), at(2)) {
            assert!((1990..=2100).contains(&y) && (1..=7).contains(&step));
            accepted = true;
        }
        if let Ok(r) = Resources::parse(at(0), at(1)) {
            assert!(r.euros.is_none_or(|e| e >= 0) && r.person_years.is_none_or(|p| p.is_finite() && p >= 0.0));
            accepted = true;
        }
        if let Ok(sc) = Scale::parse(at(0), at(1)) {
            assert!(sc.min < sc.max && sc.values().count() <= 11);
            accepted = true;
        }
        if let Ok(g) = GrantDecision::parse(at(0), at(1), at(2), at(3)) {
            assert!(g.euros_granted.is_none_or(|e| e > 0));
            accepted = true;
        }
        accepted |= MeetingInput::parse(at(0), at(1), at(2)).is_ok();
        accepted |= DecisionOutcome::parse(at(0), at(1), at(2), at(3), &[1, 2, 3]).is_ok();
        accepted |= FollowUp::parse(at(0), at(1), today).is_ok();
        accepted |= UseReport::parse(at(0), at(1), today).is_ok();
        accepted
    });
}

fn structure_rows(s: &str) -> Vec<StructureRow> {
    s.lines()
        .map(|line| {
            let f: Vec<&str> = line.split('|').collect();
            let at = |i: usize| f.get(i).copied().unwrap_or("").to_string();
            StructureRow {
                key: at(0),
                kind: at(1),
                title_fi: at(2),
                title_sv: at(3),
                position: at(4),
                remove: !at(5).is_empty(),
            }
        })
        .collect()
}

#[test]
fn report_structure_form() {
    let mut corpus = vec![];
    for kind in [OrgKind::Municipality, OrgKind::WellbeingCounty] {
        let structure = ReportStructure::thl(kind);
        let rows = structure.sections.iter().enumerate().map(|(i, s)| StructureRow::of(i + 1, s));
        let lines: Vec<String> =
            rows.map(|r| format!("{}|{}|{}|{}|{}|{}", r.key, r.kind, r.title_fi, r.title_sv, r.position, "")).collect();
        corpus.push(lines.join("\n").into_bytes());
    }
    corpus.push(b"custom|narrative|Oma osio||2|\nplan|plan|Suunnitelma||1|x\ncustom|||||".to_vec());
    run("report_structure_form", CI, corpus, Bounds::default(), mutate, |bytes| {
        let rows = structure_rows(&text(bytes));
        match parse_structure(&rows) {
            Ok(sections) => {
                let plans = sections.iter().filter(|s| s.kind == SectionKind::Plan).count();
                assert_eq!(plans, 1, "exactly one plan section");
                assert!(sections.iter().all(|s| !s.title.fi.trim().is_empty()));
                true
            }
            Err(errs) => {
                assert!(errs.iter().any(|e| !e.is_empty()), "a refusal names a field");
                false
            }
        }
    });
}

/// The coefficient's model files: no input panics; a refusal names a line of the file; a model
/// that parses keeps its promises (positive finite weights, known sources) and computes on a small
/// dataset without a score outside 0–100.
#[test]
fn coefficient_model_files() {
    use hyte_domain::coefficient::model::Model;
    use hyte_domain::coefficient::{compute, Cell, Inputs, Unit};
    let corpus = seeds(&[
        include_str!("../../seed/models/municipality-2025.toml"),
        include_str!("../../seed/models/county-2026.toml"),
        include_str!("../../seed/models/demo-2019.toml"),
    ]);
    run("coefficient_model_files", CI / 4, corpus, Bounds::default(), mutate, |bytes| {
        let input = text(bytes);
        match Model::parse(&input) {
            Err(e) => {
                assert!(e.line >= 1 && e.line <= input.lines().count().max(1) + 1, "{e:?}");
                assert!(!e.message.trim().is_empty());
                false
            }
            Ok(m) => {
                assert!(!m.indicators.is_empty());
                assert!(m.indicators.iter().all(|i| i.weight.is_finite() && i.weight > 0.0));
                assert!(m.indicators.iter().all(|i| i.sources.iter().all(|s| m.sources.iter().any(|x| &x.id == s))));
                let units: Vec<Unit> = (0..3)
                    .map(|u| Unit { code: u.to_string(), county: Some("01".into()), residents: Some(1000.0) })
                    .collect();
                let cells = m
                    .indicators
                    .iter()
                    .map(|_| (0..3).map(|u| Cell { now: Some(f64::from(u) * 10.0), then: Some(5.0) }).collect())
                    .collect();
                let r = compute(&m, &Inputs { units, cells });
                for u in &r.units {
                    assert!(u.total.is_none_or(|t| (0.0..=100.0 + 1e-9).contains(&t)), "{u:?}");
                    assert!(u.scores.iter().flatten().all(|s| (0.0..=100.0).contains(s)));
                }
                true
            }
        }
    });
}
