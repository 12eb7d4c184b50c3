//! `hyte coefficient bench`: the speed of the coefficient on the national scale (see
//! docs/benchmarks.md). Synthetic values (seeded, not real figures) for every municipality of the
//! current division (and every county) under the shipped models: the whole nation computed, a
//! simulator answer, and the real path on the demo database (read from SQLite, then computed).
//! `--data-out` writes the synthetic dataset and Hyte's totals for `bench/coefficient_baseline.py`.

use anyhow::{Context, Result};
use hyte_domain::coefficient::model::{EuroRule, Model, Scale};
use hyte_domain::coefficient::scenario::{worth, Change, ChangeKind};
use hyte_domain::coefficient::{compute, Cell, Direction, Inputs, Unit};
use hyte_store::coefficient::gather;
use hyte_store::Store;
use rand::{Rng, SeedableRng};
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

fn percentiles(mut ms: Vec<f64>) -> (f64, f64) {
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| ms.get(((ms.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or(f64::NAN);
    (at(0.5), at(0.99))
}

fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let ms = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    percentiles(ms)
}

/// Seeded values for `units` under `model`: about 5 % missing, two years for a change.
fn synthetic(model: &Model, units: Vec<Unit>, seed: u64) -> Inputs {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let cells = model
        .indicators
        .iter()
        .map(|ind| {
            units
                .iter()
                .map(|_| {
                    let v = |rng: &mut rand::rngs::StdRng| match ind.scale {
                        Scale::AsIs => rng.gen_range(0.0..100.0),
                        _ => rng.gen_range(1.0..40.0),
                    };
                    let now = (rng.gen::<f64>() > 0.05).then(|| v(&mut rng));
                    let then = matches!(ind.scale, Scale::Change(_)).then(|| v(&mut rng));
                    Cell { now, then }
                })
                .collect()
        })
        .collect();
    Inputs { units, cells }
}

pub async fn run(store: &dyn Store, runs: usize, data_out: Option<&Path>) -> Result<String> {
    let mut out = String::new();
    let models: Vec<Model> = store.models().await?.iter().filter_map(|r| r.model().ok()).collect();
    let pick = |code: &str| models.iter().find(|m| m.code == code).cloned().with_context(|| format!("model {code}"));
    let municipal = pick("hyte-municipality-2025-estimate")?;
    let county = pick("hyte-county-2026-estimate")?;
    let (_, m_areas) = gather(store, &municipal, municipal.data_year).await?;
    let (_, c_areas) = gather(store, &county, county.data_year).await?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let unit = |code: &str, rng: &mut rand::rngs::StdRng| Unit {
        code: code.into(),
        county: Some(format!("{:02}", rng.gen_range(1..=21))),
        residents: Some(rng.gen_range(700.0..660_000.0f64).round()),
    };
    let m_units: Vec<Unit> = m_areas.iter().map(|a| unit(&a.code, &mut rng)).collect();
    let c_units: Vec<Unit> = c_areas.iter().map(|a| Unit { county: None, ..unit(&a.code, &mut rng) }).collect();
    let m_inputs = synthetic(&municipal, m_units, 1);
    let c_inputs = synthetic(&county, c_units, 2);
    let (mp50, mp99) = time(runs, || {
        std::hint::black_box(compute(&municipal, &m_inputs));
    });
    let (cp50, cp99) = time(runs, || {
        std::hint::black_box(compute(&county, &c_inputs));
    });
    let (bp50, bp99) = time(runs, || {
        std::hint::black_box((compute(&municipal, &m_inputs), compute(&county, &c_inputs)));
    });
    let before = compute(&municipal, &m_inputs);
    let first = municipal.indicators.first().context("an indicator")?;
    let change = [Change { indicator: first.code.clone(), kind: ChangeKind::To(90.0) }];
    let mut u = 0usize;
    let (sp50, sp99) = time(runs, || {
        u = (u + 37) % m_inputs.units.len();
        std::hint::black_box(worth(&municipal, &m_inputs, &before, u, &change));
    });
    let demo = models.iter().find(|m| m.code == "demo-municipality-2019").cloned();
    let real = match demo {
        Some(d) => {
            let mut ms = Vec::new();
            for _ in 0..runs.min(50) {
                let t = Instant::now();
                let (inputs, _) = gather(store, &d, d.data_year).await?;
                std::hint::black_box(compute(&d, &inputs));
                ms.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            Some(percentiles(ms))
        }
        None => None,
    };
    let _ = writeln!(
        out,
        "units: {} municipalities, {} counties; {runs} runs each",
        m_inputs.units.len(),
        c_inputs.units.len()
    );
    let _ = writeln!(
        out,
        "compute, municipalities ({} indicators): p50 {mp50:.3} ms, p99 {mp99:.3} ms",
        municipal.indicators.len()
    );
    let _ =
        writeln!(out, "compute, counties ({} indicators): p50 {cp50:.3} ms, p99 {cp99:.3} ms", county.indicators.len());
    let _ = writeln!(out, "compute, the whole nation (both): p50 {bp50:.3} ms, p99 {bp99:.3} ms");
    let _ = writeln!(out, "simulator answer (one change, everything recomputed): p50 {sp50:.3} ms, p99 {sp99:.3} ms");
    if let Some((p50, p99)) = real {
        let _ = writeln!(out, "demo model on the real data, read from the database and computed (uncached): p50 {p50:.1} ms, p99 {p99:.1} ms");
    }
    if let Some(dir) = data_out {
        write_data(dir, &municipal, &m_inputs, &before)?;
        let _ = writeln!(out, "dataset and totals written to {}", dir.display());
    }
    Ok(out)
}

/// The dataset and Hyte's totals for the baseline: `model.json`, `cells.csv`, `totals.csv`.
fn write_data(dir: &Path, model: &Model, inputs: &Inputs, results: &hyte_domain::coefficient::Results) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let indicators: Vec<serde_json::Value> = model
        .indicators
        .iter()
        .map(|i| {
            let (scale, param) = match i.scale {
                Scale::AsIs => ("as_is", 0.0),
                Scale::MinMax => ("min_max", 0.0),
                Scale::Target(t) => ("target", t),
                Scale::Change(n) => ("change", f64::from(n)),
            };
            serde_json::json!({"code": i.code, "weight": i.weight, "lower_better": i.direction == Direction::LowerBetter, "scale": scale, "param": param})
        })
        .collect();
    let pool = match model.euro {
        EuroRule::Pool(p) => p,
        _ => anyhow::bail!("the baseline prices a pool"),
    };
    std::fs::write(
        dir.join("model.json"),
        serde_json::to_vec_pretty(&serde_json::json!({"indicators": indicators, "pool": pool}))?,
    )?;
    let mut cells = String::from("indicator,unit,residents,now,then\n");
    for (i, col) in inputs.cells.iter().enumerate() {
        for (u, c) in col.iter().enumerate() {
            let n = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
            let people = inputs.units.get(u).and_then(|x| x.residents);
            let _ = writeln!(cells, "{i},{u},{},{},{}", n(people), n(c.now), n(c.then));
        }
    }
    std::fs::write(dir.join("cells.csv"), cells)?;
    let mut totals = String::from("unit,total,euros\n");
    for (u, r) in results.units.iter().enumerate() {
        let n = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        let _ = writeln!(totals, "{u},{},{}", n(r.total), n(r.euros));
    }
    std::fs::write(dir.join("totals.csv"), totals)?;
    Ok(())
}
