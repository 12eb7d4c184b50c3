//! Writing parsed rows: resolve indicators and regions, check everything, then write once.

use crate::sotkanet::{DataRow, SOURCE};
use crate::{ImportError, Phase, Progress, Report};
use hyte_domain::knowledge::stats::suppress;
use hyte_domain::{Observation, ValueType};
use hyte_store::{Store, StoreError};
use std::collections::HashMap;

#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    #[error("{0}")]
    Input(#[from] ImportError),
    #[error("database: {0}")]
    Store(#[from] StoreError),
}

/// How an import job ended, as recorded: its state, the rows written, and the summary JSON (the
/// report when done, the error when failed; a database error is not shown, only logged).
pub fn job_outcome(outcome: &Result<Report, ImportFailure>) -> (hyte_domain::JobState, i64, String) {
    use hyte_domain::JobState;
    let (state, written, summary) = match outcome {
        Ok(report) => (JobState::Done, report.written as i64, serde_json::json!({ "report": report })),
        Err(ImportFailure::Input(e)) => (JobState::Failed, 0, serde_json::json!({ "error": e })),
        Err(ImportFailure::Store(_)) => {
            let e = ImportError::new("-", 0, "-", "database error; nothing was written");
            (JobState::Failed, 0, serde_json::json!({ "error": e }))
        }
    };
    (state, written, summary.to_string())
}

/// The denominator implied by a proportion or rate and its numerator (`n = x · scale / value`).
pub fn implied_denominator(value_type: ValueType, value: Option<f64>, numerator: Option<f64>) -> Option<f64> {
    let (m, v, x) = (value_type.multiplier()?, value?, numerator?);
    (v > 0.0 && x >= 0.0).then(|| x * m / v)
}

/// Builds an observation, deriving the denominator and the suppression flag.
pub fn observation(
    (indicator_id, value_type, area_id): (i64, ValueType, i64),
    row: (i32, hyte_domain::Sex, String),
    (value, numerator, denominator): (Option<f64>, Option<f64>, Option<f64>),
    report: &mut Report,
) -> Observation {
    let denominator = denominator.or_else(|| {
        let d = implied_denominator(value_type, value, numerator);
        if d.is_some() {
            report.derived_denominators += 1;
        }
        d
    });
    Observation {
        indicator_id,
        area_id,
        year: row.0,
        sex: row.1,
        age_band: row.2,
        value,
        numerator,
        denominator,
        suppressed: suppress(numerator),
    }
}

/// Keeps the last row of each key, counting the repeats.
pub fn dedupe(rows: Vec<Observation>, report: &mut Report) -> Vec<Observation> {
    let mut at: HashMap<(i64, i64, i32, &'static str, String), usize> = HashMap::new();
    let mut out: Vec<Observation> = Vec::with_capacity(rows.len());
    for o in rows {
        let key = (o.indicator_id, o.area_id, o.year, o.sex.as_str(), o.age_band.clone());
        match at.get(&key) {
            Some(&i) => {
                report.duplicates += 1;
                if let Some(slot) = out.get_mut(i) {
                    *slot = o;
                }
            }
            None => {
                at.insert(key, out.len());
                out.push(o);
            }
        }
    }
    out
}

/// Imports Sotkanet data rows. Rows naming unknown indicators or region ids, and rows for region
/// categories Hyte has no areas for, are not written but reported (with counts and first lines).
pub async fn sotkanet_data(store: &dyn Store, _file: &str, rows: &[DataRow]) -> Result<Report, ImportFailure> {
    let indicators = store.indicator_ids(SOURCE, None).await?;
    let regions = store.area_codes(SOURCE).await?;
    let mut report = Report::default();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let Some(&(indicator_id, value_type)) = indicators.get(&r.indicator) else {
            Report::unknown(&mut report.unknown_indicators, &r.indicator, r.line);
            continue;
        };
        let Some((category, area)) = regions.get(&r.region) else {
            Report::unknown(&mut report.unknown_regions, &r.region, r.line);
            continue;
        };
        let Some(area_id) = area else {
            *report.skipped_by_category.entry(category.clone()).or_default() += 1;
            continue;
        };
        out.push(observation(
            (indicator_id, value_type, *area_id),
            (r.year, r.sex, String::new()),
            (r.value, r.absolute, None),
            &mut report,
        ));
    }
    let out = dedupe(out, &mut report);
    report.written = store.import_observations(&out).await?;
    Ok(report)
}

/// Rows per batch of a bulk import.
pub const BATCH: usize = 50_000;

/// Imports a large Sotkanet CSV file without holding it parsed in memory: a first pass checks
/// every row (any error → nothing written), a second writes batches in one transaction.
pub async fn sotkanet_csv_bulk(store: &dyn Store, file: &str, text: &str) -> Result<Report, ImportFailure> {
    sotkanet_csv_with_progress(store, file, text, &Progress::default()).await
}

/// [`sotkanet_csv_bulk`], counting rows checked and written into `progress`.
pub async fn sotkanet_csv_with_progress(
    store: &dyn Store,
    file: &str,
    text: &str,
    progress: &Progress,
) -> Result<Report, ImportFailure> {
    use crate::sotkanet::csv_rows;
    progress.set_phase(Phase::Checking);
    let indicators = store.indicator_ids(SOURCE, None).await?;
    let regions = store.area_codes(SOURCE).await?;
    let mut report = Report::default();
    // Pass 1: parse and resolve everything, keep only the report.
    let mut total = 0u64;
    for r in csv_rows(file, text)? {
        let r = r?;
        total += 1;
        if total.is_multiple_of(4096) {
            progress.checked(4096);
        }
        if !indicators.contains_key(&r.indicator) {
            Report::unknown(&mut report.unknown_indicators, &r.indicator, r.line);
        } else {
            match regions.get(&r.region) {
                None => Report::unknown(&mut report.unknown_regions, &r.region, r.line),
                Some((category, None)) => *report.skipped_by_category.entry(category.clone()).or_default() += 1,
                Some(_) => {}
            }
        }
    }
    progress.checked(total % 4096);
    progress.set_total(total);
    progress.set_phase(Phase::Writing);
    // Pass 2: the same rows, as batches of observations.
    let mut rows = csv_rows(file, text)?.filter_map(Result::ok);
    let mut derived = 0u64;
    let mut next = || {
        let mut batch: Vec<Observation> = Vec::with_capacity(BATCH);
        let mut scratch = Report::default();
        for r in rows.by_ref() {
            let (Some(&(id, vt)), Some((_, Some(area)))) = (indicators.get(&r.indicator), regions.get(&r.region))
            else {
                continue;
            };
            batch.push(observation(
                (id, vt, *area),
                (r.year, r.sex, String::new()),
                (r.value, r.absolute, None),
                &mut scratch,
            ));
            if batch.len() == BATCH {
                break;
            }
        }
        derived += scratch.derived_denominators;
        progress.written(batch.len() as u64);
        let batch = dedupe(batch, &mut scratch);
        (!batch.is_empty()).then_some(batch)
    };
    report.written = store.import_observation_batches(&mut next).await?;
    report.derived_denominators = derived;
    progress.set_phase(Phase::Finished);
    Ok(report)
}
