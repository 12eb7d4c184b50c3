#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! The confidence limits against independently computed reference values (SciPy/statsmodels;
//! see tests/reference/README.md), to at least 6 significant digits.

use hyte_domain::knowledge::stats::{rate, wilson, Level};

fn close(a: f64, b: f64) -> bool {
    if b == 0.0 {
        a.abs() < 1e-9
    } else {
        ((a - b) / b).abs() < 5e-7
    }
}

#[test]
fn every_reference_row_matches() {
    let text = include_str!("reference/statistics.csv");
    let mut checked = 0;
    for (i, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let num = |k: usize| f[k].parse::<f64>().unwrap_or_else(|_| panic!("line {}: field {k}", i + 1));
        let (events, n, mult, value, lower, upper) = (num(1), num(2), num(3), num(5), num(6), num(7));
        let level = match f[4] {
            "95" => Level::P95,
            "99.8" => Level::P998,
            other => panic!("line {}: level {other}", i + 1),
        };
        let ci = match f[0] {
            "wilson_proportion" => wilson(events, n, mult, level),
            "exact_poisson_rate" => {
                assert!(events < 10.0);
                rate(events, n, mult, level)
            }
            "byar_rate" => {
                assert!(events >= 10.0);
                rate(events, n, mult, level)
            }
            m => panic!("line {}: method {m}", i + 1),
        }
        .unwrap();
        assert!(close(events / n * mult, value), "line {}: value", i + 1);
        assert!(close(ci.lower, lower), "line {}: lower {} vs {}", i + 1, ci.lower, lower);
        assert!(close(ci.upper, upper), "line {}: upper {} vs {}", i + 1, ci.upper, upper);
        checked += 1;
    }
    assert_eq!(checked, 42);
}
