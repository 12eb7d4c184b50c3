//! The engine against an independent hand calculation on a small made-up dataset (test data,
//! not real figures): scaling, weights, direction, missing values, ties, ranks and euros.

use super::model::Model;
use super::scenario::{Change, ChangeKind};
use super::*;

const MODEL: &str = r#"
code = "test"
kind = "municipality"
funding_year = 2025
data_year = 2023
status = "estimate"
name_fi = "Testimalli"

[euro]
rule = "per_resident"
price_per_resident = 20.0

[[source]]
id = "law"
title = "Laki"
url = "https://example.org/law"

[[indicator]]
code = "lead"
group = "process"
source = "teaviisari:leadership"
name_fi = "Kuntajohto"
direction = "higher_better"
weight = 2.0
scale = "as_is"
sources = ["law"]

[[indicator]]
code = "smoke"
group = "outcome"
source = "sotkanet:4404"
name_fi = "Tupakointi"
direction = "lower_better"
weight = 1.0
scale = "min_max"

[[indicator]]
code = "move"
group = "outcome"
source = "sotkanet:9999"
name_fi = "Liikunta"
direction = "higher_better"
weight = 1.0
scale = "target"
target = 50.0
"#;

fn cell(v: Option<f64>) -> Cell {
    Cell { now: v, then: None }
}

fn unit(code: &str, county: &str, residents: f64) -> Unit {
    Unit { code: code.into(), county: Some(county.into()), residents: Some(residents) }
}

/// Four units: A and B in county X, C and D in county Y.
fn inputs() -> Inputs {
    Inputs {
        units: vec![unit("A", "X", 1000.0), unit("B", "X", 2000.0), unit("C", "Y", 500.0), unit("D", "Y", 100.0)],
        cells: vec![
            vec![cell(Some(80.0)), cell(Some(40.0)), cell(Some(80.0)), cell(None)],
            vec![cell(Some(10.0)), cell(Some(20.0)), cell(Some(10.0)), cell(Some(30.0))],
            vec![cell(Some(60.0)), cell(Some(30.0)), cell(Some(60.0)), cell(Some(10.0))],
        ],
    }
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("a value");
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[test]
fn scores_totals_ranks_and_euros_match_a_hand_calculation() {
    let model = Model::parse(MODEL).unwrap();
    let r = compute(&model, &inputs());
    // smoke, lower better, min 10 max 30: A 100, B 50, C 100, D 0.
    // move, target 50, worst 10: A 100 (above target), B (30-10)/(50-10) = 50, C 100, D 0.
    // lead as is: A 80, B 40, C 80, D missing.
    let a = &r.units[0];
    close(a.scores[0], 80.0);
    close(a.scores[1], 100.0);
    close(a.scores[2], 100.0);
    close(a.total, (2.0 * 80.0 + 100.0 + 100.0) / 4.0); // 90
    close(r.units[1].total, (2.0 * 40.0 + 50.0 + 50.0) / 4.0); // 45
                                                               // D lacks leadership: the total is over the present weight (2), coverage 2/4.
    assert_eq!(r.units[3].scores[0], None);
    close(r.units[3].total, 0.0);
    assert!((r.units[3].coverage - 0.5).abs() < 1e-12);
    // A and C tie at 90: both first, B third, D fourth; counties rank within themselves.
    let ranks: Vec<_> = r.units.iter().map(|u| u.rank).collect();
    assert_eq!(ranks, vec![Some(1), Some(3), Some(1), Some(4)]);
    let local: Vec<_> = r.units.iter().map(|u| u.county_rank).collect();
    assert_eq!(local, vec![Some(1), Some(2), Some(1), Some(2)]);
    assert_eq!(r.ranked, 4);
    // Euros: 20 € × residents × total / 100.
    close(a.euros, 20.0 * 1000.0 * 0.90);
    close(r.units[1].euros, 20.0 * 2000.0 * 0.45);
    // Contributions add up to the total; A's leadership gives 2 × 80 / 4 = 40 points.
    close(a.contributions[0], 40.0);
    close(Some(r.units[1].contributions.iter().flatten().sum()), 45.0);
    // B's weakest: leadership lacks 2 × 60 / 4 = 30 points (600 €/1000 residents × 2), then 12.5 each.
    assert_eq!(r.units[1].weakest(&model, 3), vec![0, 1, 2]);
    close(r.units[1].gaps[0], 20.0 * 2000.0 * 0.30);
    close(r.units[1].gaps[1], 20.0 * 2000.0 * 0.125);
    // A missing value has no gap; D's smoking costs all its 50 points.
    assert_eq!(r.units[3].gaps[0], None);
    close(r.units[3].gaps[1], 20.0 * 100.0 * 0.5);
}

#[test]
fn a_relative_or_pool_rule_shares_by_residents_and_total() {
    let text = MODEL
        .replace("rule = \"per_resident\"", "rule = \"pool\"\npool_euros = 1000.0")
        .replace("price_per_resident = 20.0\n", "");
    let model = Model::parse(&text).unwrap();
    let r = compute(&model, &inputs());
    // Σ residents × total = 1000×90 + 2000×45 + 500×90 + 100×0 = 225 000.
    close(r.units[0].euros, 1000.0 * 90_000.0 / 225_000.0);
    close(r.units[3].euros, 0.0);
    let sum: f64 = r.units.iter().filter_map(|u| u.euros).sum();
    assert!((sum - 1000.0).abs() < 1e-9);
    let rel = Model::parse(&MODEL.replace("rule = \"per_resident\"", "rule = \"relative\"")).unwrap();
    let r = compute(&rel, &inputs());
    // Mean = 225 000 / 3 600 = 62.5; A gets 20 × 1000 × 90 / 62.5.
    close(r.mean, 62.5);
    close(r.units[0].euros, 20.0 * 1000.0 * 90.0 / 62.5);
}

#[test]
fn a_change_is_scaled_on_the_improvement_and_equal_values_all_score_100() {
    let text = MODEL.replace("scale = \"min_max\"", "scale = \"change\"\nyears = 4");
    let model = Model::parse(&text).unwrap();
    let mut i = inputs();
    // Smoking fell 4 points in A, 1 in B, rose 2 in C, C has no baseline in D.
    i.cells[1] = vec![
        Cell { now: Some(10.0), then: Some(14.0) },
        Cell { now: Some(20.0), then: Some(21.0) },
        Cell { now: Some(10.0), then: Some(8.0) },
        Cell { now: Some(30.0), then: None },
    ];
    let r = compute(&model, &i);
    close(r.units[0].scores[1], 100.0);
    close(r.units[1].scores[1], 50.0); // improvement 1 on −2..4
    close(r.units[2].scores[1], 0.0);
    assert_eq!(r.units[3].scores[1], None);
    let flat =
        Inputs { cells: vec![vec![cell(Some(5.0)); 4], vec![cell(Some(5.0)); 4], vec![cell(None); 4]], ..inputs() };
    let r = compute(&Model::parse(MODEL).unwrap(), &flat);
    close(r.units[2].scores[1], 100.0);
    assert!(r.units.iter().all(|u| u.rank == Some(1)));
}

#[test]
fn the_simulator_changes_one_units_values_and_everything_is_recomputed() {
    let model = Model::parse(MODEL).unwrap();
    let base = inputs();
    let changes = [
        Change { indicator: "lead".into(), kind: ChangeKind::To(100.0) },
        Change { indicator: "smoke".into(), kind: ChangeKind::By(-10.0) },
    ];
    let after = compute(&model, &simulate(&model, &base, 1, &changes));
    // B: leadership 100, smoking 10 (the best, 100), moving 50 → (200 + 100 + 50) / 4.
    close(after.units[1].total, 87.5);
    assert_eq!(after.units[1].rank, Some(3));
    close(after.units[1].euros, 20.0 * 2000.0 * 0.875);
    // A change of a missing value leaves it missing.
    let d =
        compute(&model, &simulate(&model, &base, 3, &[Change { indicator: "lead".into(), kind: ChangeKind::By(5.0) }]));
    assert_eq!(d.units[3].scores[0], None);
}

#[test]
fn a_broken_model_is_refused_naming_its_line() {
    let line = |text: &str| Model::parse(text).unwrap_err().line;
    // A syntax error on line 3.
    assert_eq!(line("code = \"x\"\nkind = \"municipality\"\nfunding_year = = 1\n"), 3);
    // A weight of zero in the second indicator (its table starts on line 37).
    let bad = MODEL.replacen("weight = 1.0", "weight = 0", 1);
    let at = MODEL.lines().position(|l| l.contains("code = \"smoke\"")).unwrap();
    assert_eq!(line(&bad), at);
    // An unknown direction is a type error on its own line.
    let bad = MODEL.replace("direction = \"lower_better\"", "direction = \"down\"");
    let at = MODEL.lines().position(|l| l.contains("\"lower_better\"")).unwrap() + 1;
    assert_eq!(line(&bad), at);
    // A source id no [[source]] has; a target scale without a target.
    assert!(Model::parse(&MODEL.replace("sources = [\"law\"]", "sources = [\"nope\"]"))
        .unwrap_err()
        .message
        .contains("nope"));
    assert!(Model::parse(&MODEL.replace("target = 50.0\n", "")).is_err());
    assert!(Model::parse(&MODEL.replace("teaviisari:leadership", "teaviisari:golf")).is_err());
    assert!(Model::parse(MODEL).is_ok());
}

#[test]
fn a_change_parses_from_a_form_row() {
    let model = Model::parse(MODEL).unwrap();
    assert_eq!(Change::parse(&model, "smoke", "by", "−2,5").unwrap().unwrap().kind, ChangeKind::By(-2.5));
    assert_eq!(Change::parse(&model, "lead", "to", "80").unwrap().unwrap().kind, ChangeKind::To(80.0));
    assert_eq!(Change::parse(&model, "lead", "to", " ").unwrap(), None);
    assert!(Change::parse(&model, "nope", "by", "1").is_err());
    assert!(Change::parse(&model, "lead", "by", "1e300").is_err());
    assert!(Change::parse(&model, "lead", "times", "2").is_err());
}

#[test]
fn a_change_moves_every_indicator_that_reads_the_same_source() {
    // A level and its change over four years, both from Sotkanet 4404.
    let text = MODEL
        .replace("source = \"sotkanet:9999\"", "source = \"sotkanet:4404\"")
        .replace("scale = \"target\"\ntarget = 50.0", "scale = \"change\"\nyears = 4");
    let model = Model::parse(&text).unwrap();
    let mut i = inputs();
    i.cells[2] = i.cells[1].iter().map(|c| Cell { now: c.now, then: Some(20.0) }).collect();
    let moved = simulate(&model, &i, 1, &[Change { indicator: "smoke".into(), kind: ChangeKind::By(-5.0) }]);
    assert_eq!((moved.cells[1][1].now, moved.cells[2][1].now), (Some(15.0), Some(15.0)));
    assert_eq!(moved.cells[2][1].then, Some(20.0), "the baseline year stays");
    assert_eq!(moved.cells[1][0], i.cells[1][0], "other units stay");
}
