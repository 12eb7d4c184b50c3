//! The slope index of inequality (SII) between areas ranked by deprivation, and the relative
//! index (RII). As PHE's `phe_sii`: each area's rank is the midpoint of its population's
//! cumulative share when areas are ordered from the least to the most deprived; the value is
//! regressed on that rank with population weights. SII is the fitted difference between the
//! most (rank 1) and the least deprived end (rank 0); RII the ratio of those two fitted values.
//! The interval uses the regression's standard error and Student's t with n − 2 degrees of
//! freedom (PHE simulates it instead; both are about the uncertainty of the slope).

use super::{student_t, Interval, Level};
use serde::{Deserialize, Serialize};

/// Fewer areas than this: no slope index.
pub const MIN_AREAS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SiiArea {
    pub value: f64,
    /// Higher is more deprived (e.g. the low-income rate).
    pub deprivation: f64,
    pub population: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Sii {
    /// Fitted value at the most deprived end minus at the least deprived end.
    pub sii: f64,
    pub ci: Interval,
    /// Fitted value at the most deprived end / at the least deprived end (None when ≤ 0).
    pub rii: Option<f64>,
    /// The interval excludes zero.
    pub significant: bool,
    pub areas: usize,
}

pub fn slope_index(areas: &[SiiArea], level: Level) -> Option<Sii> {
    let mut a: Vec<SiiArea> = areas
        .iter()
        .copied()
        .filter(|x| x.population > 0.0 && x.value.is_finite() && x.deprivation.is_finite())
        .collect();
    if a.len() < MIN_AREAS {
        return None;
    }
    a.sort_by(|x, y| x.deprivation.total_cmp(&y.deprivation));
    let total: f64 = a.iter().map(|x| x.population).sum();
    let mut before = 0.0;
    let ranks: Vec<f64> = a
        .iter()
        .map(|x| {
            let r = (before + x.population / 2.0) / total;
            before += x.population;
            r
        })
        .collect();
    // Weights normalised to mean 1, so the residual variance is on the values' scale.
    let n = a.len() as f64;
    let w: Vec<f64> = a.iter().map(|x| x.population * n / total).collect();
    let mx = ranks.iter().zip(&w).map(|(r, w)| r * w).sum::<f64>() / n;
    let my = a.iter().zip(&w).map(|(x, w)| x.value * w).sum::<f64>() / n;
    let sxx: f64 = ranks.iter().zip(&w).map(|(r, w)| w * (r - mx).powi(2)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let sxy: f64 = ranks.iter().zip(a.iter().zip(&w)).map(|(r, (x, w))| w * (r - mx) * (x.value - my)).sum();
    let slope = sxy / sxx;
    let intercept = my - slope * mx;
    let rss: f64 =
        ranks.iter().zip(a.iter().zip(&w)).map(|(r, (x, w))| w * (x.value - intercept - slope * r).powi(2)).sum();
    let se = (rss / (n - 2.0) / sxx).sqrt();
    let t = student_t::quantile(1.0 - level.alpha() / 2.0, n - 2.0);
    let ci = Interval { lower: slope - t * se, upper: slope + t * se };
    let (low_end, high_end) = (intercept, intercept + slope);
    Some(Sii {
        sii: slope,
        ci,
        rii: (low_end > 0.0 && high_end > 0.0).then(|| high_end / low_end),
        significant: ci.lower > 0.0 || ci.upper < 0.0,
        areas: a.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(value: f64, deprivation: f64, population: f64) -> SiiArea {
        SiiArea { value, deprivation, population }
    }

    #[test]
    fn a_straight_line_gives_its_slope() {
        // Equal populations of 100: ranks 0.1, 0.3, 0.5, 0.7, 0.9; value = 10 + 5 · rank.
        let areas: Vec<SiiArea> = (0..5).map(|i| area(10.0 + 5.0 * (0.1 + 0.2 * i as f64), i as f64, 100.0)).collect();
        let s = slope_index(&areas, Level::P95).unwrap();
        assert!((s.sii - 5.0).abs() < 1e-9 && (s.rii.unwrap() - 1.5).abs() < 1e-9);
        assert!(s.significant && (s.ci.upper - s.ci.lower).abs() < 1e-6, "a perfect fit has no uncertainty");
        // The order comes from deprivation, not from the input order.
        let mut reversed = areas.clone();
        reversed.reverse();
        assert_eq!(slope_index(&reversed, Level::P95).unwrap().sii, s.sii);
    }

    const SII: f64 = 5.770_924_538_024_237;
    const LOWER: f64 = 3.139_464_190_497_203;
    const UPPER: f64 = 8.402_384_885_551_271;
    const RII: f64 = 1.676_718_788_287_086_6;

    #[test]
    fn unequal_populations_against_an_independent_computation() {
        // Computed independently with numpy (weighted least squares, `np.polyfit` with √w) and
        // scipy.stats.t.ppf(0.975, 4): see docs/statistics.md.
        let areas = [
            area(12.0, 9.5, 120_000.0),
            area(10.5, 7.0, 20_000.0),
            area(14.0, 12.0, 5_000.0),
            area(9.0, 6.0, 40_000.0),
            area(15.5, 14.0, 8_000.0),
            area(11.0, 11.0, 3_000.0),
        ];
        let s = slope_index(&areas, Level::P95).unwrap();
        assert_eq!(s.areas, 6);
        assert!((s.sii - SII).abs() < 1e-6, "{s:?}");
        assert!((s.ci.lower - LOWER).abs() < 1e-4 && (s.ci.upper - UPPER).abs() < 1e-4, "{s:?}");
        assert!((s.rii.unwrap() - RII).abs() < 1e-6, "{s:?}");
    }

    #[test]
    fn too_few_areas_or_no_population() {
        let areas: Vec<SiiArea> = (0..4).map(|i| area(i as f64, i as f64, 10.0)).collect();
        assert_eq!(slope_index(&areas, Level::P95), None);
        let mut five = areas.clone();
        five.push(area(1.0, 9.0, 0.0));
        assert_eq!(slope_index(&five, Level::P95), None, "an area without population does not count");
    }
}
