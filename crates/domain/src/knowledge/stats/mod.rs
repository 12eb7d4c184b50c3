//! Indicator statistics, after the formulas of PHEindicatormethods and Fingertips:
//! confidence intervals (Wilson score for proportions; Byar's method, exact Poisson below 10
//! events, for rates), comparison with a benchmark, trend over the last points, inequality
//! between sexes and between areas, and small-number suppression. Pure functions, no IO.

pub mod sii;
pub mod student_t;

pub use sii::{slope_index, Sii, SiiArea};

use crate::codes::codes;
use serde::{Deserialize, Serialize};

/// Two-sided confidence level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Level {
    /// 95 %.
    P95,
    /// 99.8 %.
    P998,
}

impl Level {
    /// The standard normal quantile at 1 − α/2.
    pub fn z(self) -> f64 {
        match self {
            Level::P95 => 1.959_963_984_540_054,
            Level::P998 => 3.090_232_306_167_813_5,
        }
    }

    pub fn alpha(self) -> f64 {
        match self {
            Level::P95 => 0.05,
            Level::P998 => 0.002,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub lower: f64,
    pub upper: f64,
}

codes! {
    /// Why no interval could be computed.
    pub enum NoInterval {
        /// The numerator (event count) is not known.
        NoNumerator = "no_numerator",
        /// The denominator (population) is not known or is zero.
        NoDenominator = "no_denominator",
        /// Invalid counts (negative, or more events than people for a proportion).
        InvalidCounts = "invalid_counts",
    }
}

/// Wilson score interval for `events` out of `n`, on the scale of `multiplier` (100 for percent).
pub fn wilson(events: f64, n: f64, multiplier: f64, level: Level) -> Result<Interval, NoInterval> {
    if n <= 0.0 {
        return Err(NoInterval::NoDenominator);
    }
    if events < 0.0 || events > n {
        return Err(NoInterval::InvalidCounts);
    }
    let z = level.z();
    let p = events / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = p + z2 / (2.0 * n);
    let margin = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Ok(Interval {
        lower: ((centre - margin) / denom).max(0.0) * multiplier,
        upper: ((centre + margin) / denom).min(1.0) * multiplier,
    })
}

/// Poisson P(X ≤ k) for mean `mu`.
fn poisson_cdf(k: u32, mu: f64) -> f64 {
    let mut term = (-mu).exp();
    let mut sum = term;
    for i in 1..=k {
        term *= mu / i as f64;
        sum += term;
    }
    sum
}

/// Solves `f(mu) = target` for a decreasing `f` by bisection.
fn solve_decreasing(f: impl Fn(f64) -> f64, target: f64, mut lo: f64, mut hi: f64) -> f64 {
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if f(mid) > target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Exact Poisson limits on the event count (equal to chi2.ppf(α/2, 2x)/2 and
/// chi2.ppf(1 − α/2, 2x + 2)/2).
pub fn exact_poisson_count(events: u32, level: Level) -> Interval {
    let a = level.alpha() / 2.0;
    let x = events;
    let hi_bound = 10.0 * (x as f64 + 10.0);
    let upper = solve_decreasing(|mu| poisson_cdf(x, mu), a, 0.0, hi_bound);
    let lower = if x == 0 { 0.0 } else { solve_decreasing(|mu| -(1.0 - poisson_cdf(x - 1, mu)), -a, 0.0, hi_bound) };
    Interval { lower, upper }
}

/// Byar's approximation of the Poisson limits on the event count.
pub fn byar_count(events: f64, level: Level) -> Interval {
    let z = level.z();
    let x = events;
    let lower = x * (1.0 - 1.0 / (9.0 * x) - z / (3.0 * x.sqrt())).powi(3);
    let x1 = x + 1.0;
    let upper = x1 * (1.0 - 1.0 / (9.0 * x1) + z / (3.0 * x1.sqrt())).powi(3);
    Interval { lower, upper }
}

/// Interval for a rate (`events` per `n` × `multiplier`, e.g. per 100 000): exact Poisson below
/// 10 events, Byar's method from 10 up.
pub fn rate(events: f64, n: f64, multiplier: f64, level: Level) -> Result<Interval, NoInterval> {
    if n <= 0.0 {
        return Err(NoInterval::NoDenominator);
    }
    if events < 0.0 {
        return Err(NoInterval::InvalidCounts);
    }
    let count =
        if events < 10.0 { exact_poisson_count(events.round() as u32, level) } else { byar_count(events, level) };
    Ok(Interval { lower: count.lower / n * multiplier, upper: count.upper / n * multiplier })
}

codes! {
    /// Which way is good for an indicator.
    pub enum Polarity: "polarity-" {
        HigherIsBetter = "higher_is_better",
        LowerIsBetter = "lower_is_better",
        NoDirection = "no_direction",
    }
}

codes! {
    /// An area compared with a benchmark value (its county, the whole country).
    pub enum Comparison: "cmp-" {
        Better = "better",
        Similar = "similar",
        Worse = "worse",
        /// Significantly different, for an indicator with no direction.
        Higher = "higher",
        Lower = "lower",
        /// No interval (or no benchmark): not compared.
        NotCompared = "not_compared",
    }
}

/// Fingertips' method: the area's interval against the benchmark's value.
pub fn compare(interval: Option<Interval>, benchmark: Option<f64>, polarity: Polarity) -> Comparison {
    let (Some(ci), Some(b)) = (interval, benchmark) else {
        return Comparison::NotCompared;
    };
    let higher = ci.lower > b;
    let lower = ci.upper < b;
    match (higher, lower, polarity) {
        (false, false, _) => Comparison::Similar,
        (true, _, Polarity::HigherIsBetter) | (_, true, Polarity::LowerIsBetter) => Comparison::Better,
        (true, _, Polarity::LowerIsBetter) | (_, true, Polarity::HigherIsBetter) => Comparison::Worse,
        (true, _, Polarity::NoDirection) => Comparison::Higher,
        (_, true, Polarity::NoDirection) => Comparison::Lower,
    }
}

/// One point of a time series with its counts (for proportions) or its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub year: i32,
    pub value: f64,
    pub events: Option<f64>,
    pub denominator: Option<f64>,
    /// Standard error on the value's scale, when known (e.g. from an interval).
    pub se: Option<f64>,
}

codes! {
    /// The direction of the last points.
    pub enum Trend: "trend-" {
        Improving = "improving",
        Worsening = "worsening",
        /// Significant change for an indicator with no direction.
        Increasing = "increasing",
        Decreasing = "decreasing",
        NoSignificantChange = "no_significant_change",
        /// Fewer than 5 points, or no counts or standard errors.
        CannotBeCalculated = "cannot_be_calculated",
    }
}

/// How many of the latest points the trend uses (as Fingertips).
pub const TREND_POINTS: usize = 5;

/// The trend of the last five points: the χ² test for trend in proportions when counts are
/// known, otherwise a weighted least-squares slope (weights 1/SE²), tested at `level`.
pub fn trend(points: &[Point], polarity: Polarity, level: Level) -> Trend {
    let mut pts: Vec<Point> = points.to_vec();
    pts.sort_by_key(|p| p.year);
    let pts = pts.get(pts.len().saturating_sub(TREND_POINTS)..).unwrap_or_default();
    if pts.len() < TREND_POINTS {
        return Trend::CannotBeCalculated;
    }
    let stat = chi2_trend(pts).or_else(|| wls_trend(pts));
    let Some((z, slope)) = stat else {
        return Trend::CannotBeCalculated;
    };
    if z.abs() < level.z() {
        return Trend::NoSignificantChange;
    }
    match (slope > 0.0, polarity) {
        (true, Polarity::HigherIsBetter) | (false, Polarity::LowerIsBetter) => Trend::Improving,
        (false, Polarity::HigherIsBetter) | (true, Polarity::LowerIsBetter) => Trend::Worsening,
        (true, Polarity::NoDirection) => Trend::Increasing,
        (false, Polarity::NoDirection) => Trend::Decreasing,
    }
}

/// χ² test for trend in proportions (Armitage): returns (signed √χ², direction of change).
fn chi2_trend(pts: &[Point]) -> Option<(f64, f64)> {
    let counts: Option<Vec<(f64, f64, f64)>> =
        pts.iter().map(|p| Some((p.year as f64, p.events?, p.denominator.filter(|n| *n > 0.0)?))).collect();
    let counts = counts?;
    if counts.iter().any(|(_, x, n)| x > n) {
        return None;
    }
    let (sx, sn): (f64, f64) = counts.iter().fold((0.0, 0.0), |(a, b), (_, x, n)| (a + x, b + n));
    let pbar = sx / sn;
    if pbar <= 0.0 || pbar >= 1.0 {
        return None;
    }
    let snt: f64 = counts.iter().map(|(t, _, n)| n * t).sum();
    let snt2: f64 = counts.iter().map(|(t, _, n)| n * t * t).sum();
    let sxt: f64 = counts.iter().map(|(t, x, _)| x * t).sum();
    let t_stat = sxt - pbar * snt;
    let var = pbar * (1.0 - pbar) * (snt2 - snt * snt / sn);
    (var > 0.0).then(|| (t_stat / var.sqrt(), t_stat))
}

/// Weighted least-squares slope of value on year: returns (slope / SE(slope), slope).
fn wls_trend(pts: &[Point]) -> Option<(f64, f64)> {
    let w: Option<Vec<f64>> = pts.iter().map(|p| p.se.filter(|s| *s > 0.0).map(|s| 1.0 / (s * s))).collect();
    let w = w?;
    let sw: f64 = w.iter().sum();
    let mt = pts.iter().zip(&w).map(|(p, w)| w * p.year as f64).sum::<f64>() / sw;
    let my = pts.iter().zip(&w).map(|(p, w)| w * p.value).sum::<f64>() / sw;
    let sxx: f64 = pts.iter().zip(&w).map(|(p, w)| w * (p.year as f64 - mt).powi(2)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let slope = pts.iter().zip(&w).map(|(p, w)| w * (p.year as f64 - mt) * (p.value - my)).sum::<f64>() / sxx;
    let se = (1.0 / sxx).sqrt();
    Some((slope / se, slope))
}

/// Standard error from a 95 % interval (symmetric approximation).
pub fn se_from_interval(ci: Interval) -> f64 {
    (ci.upper - ci.lower) / (2.0 * Level::P95.z())
}

/// Difference between two groups (e.g. men − women).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    pub absolute: f64,
    /// a / b; None when b is zero.
    pub ratio: Option<f64>,
    /// Whether the difference is significant at the level used (None without intervals).
    pub significant: Option<bool>,
}

/// The gap between two groups' values, tested with a z-test on SEs derived from 95 % intervals.
pub fn gap(a: f64, a_ci: Option<Interval>, b: f64, b_ci: Option<Interval>, level: Level) -> Gap {
    let significant = match (a_ci, b_ci) {
        (Some(x), Some(y)) => {
            let se = (se_from_interval(x).powi(2) + se_from_interval(y).powi(2)).sqrt();
            Some(se > 0.0 && ((a - b) / se).abs() > level.z())
        }
        _ => None,
    };
    Gap { absolute: a - b, ratio: (b != 0.0).then(|| a / b), significant }
}

/// Inequality between areas (e.g. the municipalities of a county).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    pub min: f64,
    pub max: f64,
    pub range: f64,
    /// max / min; None when min is zero.
    pub ratio: Option<f64>,
}

pub fn spread(values: &[f64]) -> Option<Spread> {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (!values.is_empty()).then(|| Spread { min, max, range: max - min, ratio: (min != 0.0).then(|| max / min) })
}

/// Counts below this are not shown in public views.
pub const SMALL_NUMBER: f64 = 5.0;

/// Whether a value resting on `events` must be suppressed in public views.
pub fn suppress(events: Option<f64>) -> bool {
    events.is_some_and(|x| x > 0.0 && x < SMALL_NUMBER)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(year: i32, x: f64, n: f64) -> Point {
        Point { year, value: x / n * 100.0, events: Some(x), denominator: Some(n), se: None }
    }

    #[test]
    fn codes_are_pinned() {
        use crate::codes::assert_codes;
        assert_codes::<NoInterval>(&["no_numerator", "no_denominator", "invalid_counts"]);
        assert_codes::<Polarity>(&["higher_is_better", "lower_is_better", "no_direction"]);
        assert_codes::<Comparison>(&["better", "similar", "worse", "higher", "lower", "not_compared"]);
        assert_codes::<Trend>(&[
            "improving",
            "worsening",
            "increasing",
            "decreasing",
            "no_significant_change",
            "cannot_be_calculated",
        ]);
    }

    #[test]
    fn comparison_follows_polarity() {
        let ci = Some(Interval { lower: 12.0, upper: 15.0 });
        assert_eq!(compare(ci, Some(10.0), Polarity::LowerIsBetter), Comparison::Worse);
        assert_eq!(compare(ci, Some(10.0), Polarity::HigherIsBetter), Comparison::Better);
        assert_eq!(compare(ci, Some(16.0), Polarity::HigherIsBetter), Comparison::Worse);
        assert_eq!(compare(ci, Some(13.0), Polarity::HigherIsBetter), Comparison::Similar);
        assert_eq!(compare(ci, Some(10.0), Polarity::NoDirection), Comparison::Higher);
        assert_eq!(compare(None, Some(10.0), Polarity::NoDirection), Comparison::NotCompared);
        assert_eq!(compare(ci, None, Polarity::NoDirection), Comparison::NotCompared);
    }

    #[test]
    fn trends_need_five_points_and_follow_polarity() {
        let rising: Vec<Point> = (0..5).map(|i| p(2019 + i, 100.0 + 40.0 * i as f64, 1000.0)).collect();
        assert_eq!(trend(&rising, Polarity::LowerIsBetter, Level::P95), Trend::Worsening);
        assert_eq!(trend(&rising, Polarity::HigherIsBetter, Level::P95), Trend::Improving);
        assert_eq!(trend(&rising[..4], Polarity::HigherIsBetter, Level::P95), Trend::CannotBeCalculated);
        let flat: Vec<Point> =
            (0..5).map(|i| p(2019 + i, 100.0 + [0.0, 3.0, -2.0, 1.0, 0.0][i as usize], 1000.0)).collect();
        assert_eq!(trend(&flat, Polarity::HigherIsBetter, Level::P95), Trend::NoSignificantChange);
        // Without counts, standard errors are used.
        let by_se: Vec<Point> = (0..5)
            .map(|i| Point {
                year: 2019 + i,
                value: 50.0 - 3.0 * i as f64,
                events: None,
                denominator: None,
                se: Some(1.0),
            })
            .collect();
        assert_eq!(trend(&by_se, Polarity::LowerIsBetter, Level::P95), Trend::Improving);
        let no_info: Vec<Point> = by_se.iter().map(|p| Point { se: None, ..*p }).collect();
        assert_eq!(trend(&no_info, Polarity::LowerIsBetter, Level::P95), Trend::CannotBeCalculated);
    }

    #[test]
    fn chi2_trend_matches_a_hand_computation() {
        // x = 10, 20, 30, 40, 50 of n = 1000 each at t = 1..5:
        // pbar = 0.03, T = Σxt − pbar Σnt = 550 − 0.03·15000 = 100,
        // Var = 0.03·0.97·(55000 − 15000²/5000) = 291, z = 100/√291.
        let pts: Vec<Point> = (1..=5).map(|t| p(t, 10.0 * t as f64, 1000.0)).collect();
        let (z, _) = chi2_trend(&pts).unwrap();
        assert!((z - 100.0 / 291f64.sqrt()).abs() < 1e-9);
    }

    #[test]
    fn gaps_and_spreads() {
        let g = gap(
            30.0,
            Some(Interval { lower: 28.0, upper: 32.0 }),
            20.0,
            Some(Interval { lower: 18.0, upper: 22.0 }),
            Level::P95,
        );
        assert_eq!((g.absolute, g.ratio, g.significant), (10.0, Some(1.5), Some(true)));
        let g = gap(
            21.0,
            Some(Interval { lower: 18.0, upper: 24.0 }),
            20.0,
            Some(Interval { lower: 17.0, upper: 23.0 }),
            Level::P95,
        );
        assert_eq!(g.significant, Some(false));
        assert_eq!(gap(1.0, None, 0.0, None, Level::P95).ratio, None);
        let s = spread(&[4.0, 10.0, 8.0]).unwrap();
        assert_eq!((s.min, s.max, s.range, s.ratio), (4.0, 10.0, 6.0, Some(2.5)));
        assert!(spread(&[]).is_none());
    }

    #[test]
    fn small_numbers_are_suppressed() {
        assert!(suppress(Some(4.0)));
        assert!(!suppress(Some(5.0)));
        assert!(!suppress(Some(0.0)));
        assert!(!suppress(None));
    }

    #[test]
    fn intervals_say_why_they_are_missing() {
        assert_eq!(wilson(1.0, 0.0, 100.0, Level::P95), Err(NoInterval::NoDenominator));
        assert_eq!(wilson(11.0, 10.0, 100.0, Level::P95), Err(NoInterval::InvalidCounts));
        assert_eq!(rate(-1.0, 10.0, 1000.0, Level::P95), Err(NoInterval::InvalidCounts));
    }
}
