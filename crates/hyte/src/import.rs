//! `hyte import …`: files into the knowledge base, with a report of what happened.

use anyhow::{bail, Context, Result};
use hyte_import::apply::ImportFailure;
use hyte_import::{apply, own, sotkanet, ImportError, Progress, Report};
use hyte_store::{Actor, Store};
use std::path::Path;

fn read(path: &Path) -> Result<(String, Vec<u8>)> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok((name, bytes))
}

pub fn print_report(file: &str, r: &Report) {
    println!("{file}: {} observations written", r.written);
    for (cat, n) in &r.skipped_by_category {
        println!("  {n} rows skipped: Hyte has no areas of Sotkanet category {cat}");
    }
    for (id, (n, line)) in &r.unknown_indicators {
        println!("  {n} rows skipped: unknown indicator {id} (first on line {line}); import its metadata first");
    }
    for (id, (n, line)) in &r.unknown_regions {
        println!("  {n} rows skipped: unknown Sotkanet region id {id} (first on line {line})");
    }
    if r.duplicates > 0 {
        println!("  {} repeated rows (the last one counts)", r.duplicates);
    }
}

pub async fn indicators(store: &dyn Store, files: &[std::path::PathBuf]) -> Result<()> {
    let mut all = vec![];
    for f in files {
        let (name, bytes) = read(f)?;
        all.extend(sotkanet::indicators(&name, &bytes)?);
    }
    let n = store.upsert_indicators(&all).await?;
    println!("{n} indicators imported");
    Ok(())
}

pub async fn regions(store: &dyn Store, file: &Path) -> Result<()> {
    let (name, bytes) = read(file)?;
    let regions = sotkanet::regions(&name, &bytes)?;
    let mapped = store.upsert_area_codes(sotkanet::SOURCE, &regions).await?;
    println!("{} regions recorded, {mapped} mapped to Hyte areas", regions.len());
    Ok(())
}

/// Parses Sotkanet data as JSON or CSV, by content.
pub fn parse_data(name: &str, bytes: &[u8]) -> Result<Vec<sotkanet::DataRow>> {
    let text = std::str::from_utf8(bytes).with_context(|| format!("{name} is not UTF-8"))?;
    Ok(if text.trim_start().starts_with(['[', '{']) {
        sotkanet::data_json(name, bytes)?
    } else {
        sotkanet::data_csv(name, text)?
    })
}

/// Sotkanet data, JSON parsed whole or CSV streamed, counting into `progress`.
async fn import_data(store: &dyn Store, name: &str, bytes: &[u8], progress: &Progress) -> Outcome {
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::new(name, 1, "-", "the file is not UTF-8 text"))?;
    if text.trim_start().starts_with(['[', '{']) {
        apply::sotkanet_data(store, name, &sotkanet::data_json(name, bytes)?).await
    } else {
        apply::sotkanet_csv_with_progress(store, name, text, progress).await
    }
}

type Outcome = Result<Report, ImportFailure>;

/// Runs `import`, printing its progress every half second while it writes; with `org`, records
/// it as an import job of that organisation (as a web upload is), so that an import cut off
/// (`kill -9`, a crash) shows failed after the next start of `hyte serve`.
async fn as_job(
    store: &dyn Store,
    org: Option<i64>,
    (name, kind): (&str, &str),
    progress: &Progress,
    import: impl std::future::Future<Output = Outcome>,
) -> Result<Report> {
    let job = match org {
        Some(org) => Some(store.start_import_job(org, name, kind, Actor::SYSTEM).await?),
        None => None,
    };
    if let Some(job) = &job {
        println!("{name}: import job {} started", job.id);
    }
    tokio::pin!(import);
    let mut tick = tokio::time::interval(std::time::Duration::from_millis(500));
    let outcome = loop {
        tokio::select! {
            outcome = &mut import => break outcome,
            _ = tick.tick() => {
                let p = progress.snapshot();
                if p.written > 0 {
                    println!("  {} of {} rows written", p.written, p.total);
                }
            }
        }
    };
    if let Some(job) = job {
        let (state, written, summary) = apply::job_outcome(&outcome);
        // A server started meanwhile may have failed the job already: the import's outcome stands.
        if let Err(e) = store.finish_import_job(job.id, state, written, &summary, Actor::SYSTEM).await {
            eprintln!("{name}: could not record the end of import job {}: {e}", job.id);
        }
    }
    Ok(outcome?)
}

pub async fn data(store: &dyn Store, org: Option<i64>, files: &[std::path::PathBuf]) -> Result<()> {
    for f in files {
        let (name, bytes) = read(f)?;
        let started = std::time::Instant::now();
        let progress = Progress::default();
        let import = import_data(store, &name, &bytes, &progress);
        let report = as_job(store, org, (&name, "sotkanet"), &progress, import).await?;
        print_report(&name, &report);
        let secs = started.elapsed().as_secs_f64();
        let rows = report.written + report.skipped();
        println!("  {rows} rows in {secs:.1} s ({:.0} rows/s)", rows as f64 / secs.max(1e-9));
    }
    Ok(())
}

pub async fn own_data(store: &dyn Store, org_id: i64, file: &Path) -> Result<()> {
    let Some(org) = store.get_organisation(org_id).await? else {
        bail!("no organisation {org_id}");
    };
    let (name, bytes) = read(file)?;
    let import = async {
        // Parsed on a blocking thread, off the runtime's (as the web upload does).
        let file = name.clone();
        let parsed = tokio::task::spawn_blocking(move || own::parse_any(&file, &bytes)).await;
        let rows = parsed.map_err(|_| ImportError::new(&name, 0, "-", "the file could not be read"))??;
        own::apply(store, org.id, &org.names.fi, &name, &rows).await
    };
    let report = as_job(store, Some(org.id), (&name, "own"), &Progress::default(), import).await?;
    print_report(&name, &report);
    Ok(())
}
