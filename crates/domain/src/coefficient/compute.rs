//! The engine: every indicator's value scaled to 0–100 against the nation's values of the year,
//! weighed into a total, ranked in the nation and the county, and priced by the model's euro rule.
//! Missing values are missing (never zero): a total is over the indicators that have a value, and
//! its coverage says how much of the model's weight that is.

use super::model::{EuroRule, Model, Scale};
use super::scenario::{Change, ChangeKind};
use super::Direction;

/// An organisation the model prices: its area's code, its county's code, its residents.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub code: String,
    pub county: Option<String>,
    pub residents: Option<f64>,
}

/// One indicator's value for one unit: in the data year and, for a change, `years` earlier.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Cell {
    pub now: Option<f64>,
    pub then: Option<f64>,
}

/// What the engine reads: the units and, per indicator of the model (in its order), a cell per unit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Inputs {
    pub units: Vec<Unit>,
    pub cells: Vec<Vec<Cell>>,
}

impl Inputs {
    pub fn position(&self, code: &str) -> Option<usize> {
        self.units.iter().position(|u| u.code == code)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnitResult {
    /// Per indicator: the score 0–100, None when the value is missing.
    pub scores: Vec<Option<f64>>,
    /// Per indicator: its points in the total (weight × score / present weight).
    pub contributions: Vec<Option<f64>>,
    /// Per indicator: the euros more if it scored 100 (others unchanged); None when missing.
    pub gaps: Vec<Option<f64>>,
    pub total: Option<f64>,
    /// The share of the model's weight that has a value, 0–1.
    pub coverage: f64,
    /// 1 = the best; ties share a rank.
    pub rank: Option<usize>,
    pub county_rank: Option<usize>,
    pub euros: Option<f64>,
}

impl UnitResult {
    /// The points the total lacks from indicator `i` (weight × (100 − score) over the present weight).
    pub fn points_gap(&self, model: &Model, i: usize) -> Option<f64> {
        let present = self.present_weight(model);
        let (w, s) = (model.indicators.get(i)?.weight, (*self.scores.get(i)?)?);
        (present > 0.0).then(|| w * (100.0 - s) / present)
    }

    fn present_weight(&self, model: &Model) -> f64 {
        model.indicators.iter().zip(&self.scores).filter(|(_, s)| s.is_some()).map(|(i, _)| i.weight).sum()
    }

    /// The indicators that cost the most points, worst first (at most `n`; none at 100).
    pub fn weakest(&self, model: &Model, n: usize) -> Vec<usize> {
        let mut gaps: Vec<(usize, f64)> = (0..model.indicators.len())
            .filter_map(|i| self.points_gap(model, i).map(|g| (i, g)))
            .filter(|(_, g)| *g > 1e-9)
            .collect();
        gaps.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        gaps.into_iter().take(n).map(|(i, _)| i).collect()
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// In the order of [`Inputs::units`].
    pub units: Vec<UnitResult>,
    /// How many units have a total (the rank's denominator).
    pub ranked: usize,
    /// The resident-weighted mean total (the `relative` rule's divisor).
    pub mean: Option<f64>,
}

impl Results {
    /// How many units of `county` have a total.
    pub fn county_ranked(&self, inputs: &Inputs, county: &str) -> usize {
        inputs
            .units
            .iter()
            .zip(&self.units)
            .filter(|(u, r)| u.county.as_deref() == Some(county) && r.total.is_some())
            .count()
    }
}

/// The value an indicator is scaled on: the value, or for a change its improvement's raw change.
fn measure(scale: Scale, c: &Cell) -> Option<f64> {
    let v = match scale {
        Scale::Change(_) => c.now? - c.then?,
        _ => c.now?,
    };
    v.is_finite().then_some(v)
}

/// Higher is better after this: a lower-is-better value (or change) is negated.
fn oriented(direction: Direction, v: f64) -> f64 {
    match direction {
        Direction::HigherBetter => v,
        Direction::LowerBetter => -v,
    }
}

/// Every unit's score on one indicator.
fn scores(ind: &super::ModelIndicator, cells: &[Cell], n: usize) -> Vec<Option<f64>> {
    let values: Vec<Option<f64>> =
        (0..n).map(|u| cells.get(u).and_then(|c| measure(ind.scale, c)).map(|v| oriented(ind.direction, v))).collect();
    let (lo, hi) =
        values.iter().flatten().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let clamp = |s: f64| s.clamp(0.0, 100.0);
    values
        .iter()
        .map(|v| {
            let v = (*v)?;
            Some(match ind.scale {
                Scale::AsIs => clamp(match ind.direction {
                    Direction::HigherBetter => v,
                    Direction::LowerBetter => 100.0 + v,
                }),
                Scale::MinMax | Scale::Change(_) => {
                    if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
                        100.0
                    } else {
                        clamp((v - lo) / (hi - lo) * 100.0)
                    }
                }
                Scale::Target(t) => {
                    let t = oriented(ind.direction, t);
                    if v >= t {
                        100.0
                    } else if t - lo <= f64::EPSILON {
                        0.0
                    } else {
                        clamp((v - lo) / (t - lo) * 100.0)
                    }
                }
            })
        })
        .collect()
}

/// Competition ranks (1, 2, 2, 4) of the totals that exist, the highest first.
fn ranks(totals: &[Option<f64>]) -> Vec<Option<usize>> {
    totals
        .iter()
        .map(|t| {
            let t = (*t)?;
            Some(1 + totals.iter().flatten().filter(|o| **o > t + 1e-9).count())
        })
        .collect()
}

/// What prices a total: the rule and the nation's aggregate it needs.
struct Pricing {
    rule: EuroRule,
    /// Σ residents × total and Σ residents over the units that have both.
    weighted: f64,
    residents: f64,
}

impl Pricing {
    /// The euros of a unit with `residents` whose total is `total`, when its total was `old`
    /// (the aggregate adjusted for the change, everyone else unchanged).
    fn euros(&self, residents: f64, old: Option<f64>, total: f64) -> Option<f64> {
        let weighted = self.weighted - old.map_or(0.0, |o| residents * o) + residents * total;
        let people = self.residents + if old.is_some() { 0.0 } else { residents };
        match self.rule {
            EuroRule::PerResident(price) => Some(price * residents * total / 100.0),
            EuroRule::Relative(price) => {
                let mean = weighted / people;
                (mean > 0.0).then(|| price * residents * total / mean)
            }
            EuroRule::Pool(pool) => (weighted > 0.0).then(|| pool * residents * total / weighted),
        }
    }
}

/// Computes every unit's scores, total, ranks and euros.
pub fn compute(model: &Model, inputs: &Inputs) -> Results {
    let n = inputs.units.len();
    let empty = Vec::new();
    let per_indicator: Vec<Vec<Option<f64>>> = model
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| scores(ind, inputs.cells.get(i).unwrap_or(&empty), n))
        .collect();
    let all_weight = model.total_weight();
    let mut units: Vec<UnitResult> = (0..n)
        .map(|u| {
            let scores: Vec<Option<f64>> = per_indicator.iter().map(|s| s.get(u).copied().flatten()).collect();
            let present: f64 =
                model.indicators.iter().zip(&scores).filter(|(_, s)| s.is_some()).map(|(i, _)| i.weight).sum();
            let contributions: Vec<Option<f64>> =
                model.indicators.iter().zip(&scores).map(|(i, s)| s.map(|s| i.weight * s / present)).collect();
            let total = (present > 0.0).then(|| contributions.iter().flatten().sum());
            UnitResult { scores, contributions, total, coverage: present / all_weight, ..UnitResult::default() }
        })
        .collect();
    let totals: Vec<Option<f64>> = units.iter().map(|u| u.total).collect();
    for (u, r) in units.iter_mut().zip(ranks(&totals)) {
        u.rank = r;
    }
    let mut counties: Vec<&str> = inputs.units.iter().filter_map(|u| u.county.as_deref()).collect();
    counties.sort_unstable();
    counties.dedup();
    for county in counties {
        let members: Vec<usize> =
            (0..n).filter(|u| inputs.units.get(*u).and_then(|x| x.county.as_deref()) == Some(county)).collect();
        let local: Vec<Option<f64>> = members.iter().map(|u| totals.get(*u).copied().flatten()).collect();
        for (u, r) in members.iter().zip(ranks(&local)) {
            if let Some(x) = units.get_mut(*u) {
                x.county_rank = r;
            }
        }
    }
    let (weighted, residents) =
        inputs.units.iter().zip(&totals).fold((0.0, 0.0), |(w, p), (u, t)| match (u.residents, t) {
            (Some(r), Some(t)) => (w + r * t, p + r),
            _ => (w, p),
        });
    let pricing = Pricing { rule: model.euro, weighted, residents };
    for (unit, r) in inputs.units.iter().zip(units.iter_mut()) {
        let (Some(people), Some(total)) = (unit.residents, r.total) else { continue };
        r.euros = pricing.euros(people, Some(total), total);
        r.gaps = (0..model.indicators.len())
            .map(|i| {
                let gap = r.points_gap(model, i)?;
                Some(pricing.euros(people, Some(total), total + gap)? - r.euros?)
            })
            .collect();
    }
    let ranked = totals.iter().flatten().count();
    Results { units, ranked, mean: (residents > 0.0).then(|| weighted / residents) }
}

/// The inputs with `changes` applied to unit `unit`'s value in the data year: to every indicator
/// that reads the same source (a level and its change move together). A change of a missing value
/// leaves it missing.
pub fn simulate(model: &Model, inputs: &Inputs, unit: usize, changes: &[Change]) -> Inputs {
    let mut out = inputs.clone();
    for ch in changes {
        let Some((_, changed)) = model.indicator(&ch.indicator) else { continue };
        for (i, ind) in model.indicators.iter().enumerate() {
            if ind.source != changed.source {
                continue;
            }
            let Some(cell) = out.cells.get_mut(i).and_then(|c| c.get_mut(unit)) else { continue };
            cell.now = match ch.kind {
                ChangeKind::By(d) => cell.now.map(|v| v + d),
                ChangeKind::To(v) => Some(v),
            };
        }
    }
    out
}
