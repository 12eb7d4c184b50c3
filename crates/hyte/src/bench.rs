//! `hyte bench`: national-scale import and query speed on a fresh database (see
//! docs/benchmarks.md). The data comes from `bench/generate.py`.

use anyhow::{Context, Result};
use hyte_domain::knowledge::Audience;
use hyte_import::{apply, sotkanet};
use hyte_store::Store;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

pub struct BenchOptions {
    pub profiles: usize,
    pub across: usize,
    pub indicators: usize,
}

fn percentile(sorted_ms: &[f64], p: f64) -> f64 {
    let i = ((sorted_ms.len() as f64 - 1.0) * p).round() as usize;
    sorted_ms.get(i).copied().unwrap_or(f64::NAN)
}

/// Runs `f` on each item in turn: the median and 99th percentile in milliseconds.
async fn timed<T, F, Fut>(items: &[T], mut f: F) -> Result<(f64, f64)>
where
    F: FnMut(&T) -> Fut,
    Fut: std::future::Future<Output = Result<()>>,
{
    let mut ms = Vec::with_capacity(items.len());
    for item in items {
        let t = Instant::now();
        f(item).await?;
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    Ok((percentile(&ms, 0.5), percentile(&ms, 0.99)))
}

pub async fn run(store: Arc<dyn Store>, backend: &str, data: &Path, o: BenchOptions) -> Result<serde_json::Value> {
    hyte_seed::load_base(&*store).await?;
    let meta = std::fs::read(data.join("indicators.json")).context("indicators.json (run bench/generate.py)")?;
    let inds = sotkanet::indicators("indicators.json", &meta)?;
    store.upsert_indicators(&inds).await?;
    let text = std::fs::read_to_string(data.join("data.csv")).context("data.csv")?;
    eprintln!("importing {} MB into {backend}…", text.len() / 1_000_000);
    let t = Instant::now();
    let report = apply::sotkanet_csv_bulk(&*store, "data.csv", &text).await?;
    let import_s = t.elapsed().as_secs_f64();
    let rows = report.written + report.skipped();
    drop(text);
    eprintln!("imported {} observations in {import_s:.1} s", report.written);

    let ids = store.indicator_ids(sotkanet::SOURCE, None).await?;
    let mut bench_ids: Vec<i64> =
        inds.iter().filter_map(|i| ids.get(&i.source_id).map(|v| v.0)).take(o.indicators).collect();
    bench_ids.sort_unstable();
    let munis = store.list_areas(Some("municipality")).await?;
    let munis: Vec<_> = munis.into_iter().filter(|a| a.last_year == Some(2026)).collect();
    let counties = store.list_areas(Some("wellbeing_county")).await?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    let picks: Vec<_> =
        (0..o.profiles).map(|_| munis.choose(&mut rng).cloned()).collect::<Option<_>>().context("no municipalities")?;
    // Cold: computed from the database. Warm: the same areas again, from the profile cache
    // (which checks the data version in the database on every call).
    let cache = Arc::new(hyte_web::knowledge::ProfileCache::default());
    let profile_run = |cache: Option<Arc<hyte_web::knowledge::ProfileCache>>| {
        let (store, picks, ids) = (store.clone(), picks.clone(), bench_ids.clone());
        async move {
            timed(&picks, |a| {
                let (s, a, ids, cache) = (store.clone(), a.clone(), ids.clone(), cache.clone());
                async move {
                    let p = match cache {
                        Some(c) => c.profile(&*s, Audience::Public, a, &ids).await,
                        None => hyte_web::knowledge::profile(&*s, Audience::Public, a, &ids).await.map(Arc::new),
                    }
                    .map_err(|e| anyhow::anyhow!("{:?}", e.code))?;
                    anyhow::ensure!(p.rows.len() == ids.len());
                    Ok(())
                }
            })
            .await
        }
    };
    let (profile_p50, profile_p99) = profile_run(None).await?;
    profile_run(Some(cache.clone())).await?;
    let (warm_p50, warm_p99) = profile_run(Some(cache)).await?;
    let across_picks: Vec<_> = (0..o.across)
        .map(|_| Some((*bench_ids.choose(&mut rng)?, counties.choose(&mut rng)?.clone())))
        .collect::<Option<_>>()
        .context("no indicators or counties")?;
    let (across_p50, across_p99) = timed(&across_picks, |pick| {
        let (s, (ind, county)) = (store.clone(), pick.clone());
        async move {
            let ind = s.get_indicator(ind).await?.context("indicator")?;
            hyte_web::knowledge::across(&*s, Audience::Public, &ind, county, None)
                .await
                .map_err(|e| anyhow::anyhow!("{:?}", e.code))?;
            Ok(())
        }
    })
    .await?;
    Ok(serde_json::json!({
        "backend": backend,
        "rows": rows,
        "observations": report.written,
        "import_seconds": import_s,
        "import_rows_per_s": rows as f64 / import_s,
        "profile_indicators": bench_ids.len(),
        "profile_p50_ms": profile_p50,
        "profile_p99_ms": profile_p99,
        "profile_cached_p50_ms": warm_p50,
        "profile_cached_p99_ms": warm_p99,
        "across_p50_ms": across_p50,
        "across_p99_ms": across_p99,
    }))
}
