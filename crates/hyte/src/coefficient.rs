//! `hyte coefficient`: load a corrected model file (a new version of its code) and load
//! TEAviisari results for any area. A broken file names its line and writes nothing.

use anyhow::{Context, Result};
use hyte_domain::coefficient::model::{Model, MAX_MODEL_BYTES};
use hyte_store::{Actor, Store};
use std::path::Path;

pub async fn load_model(store: &dyn Store, file: &Path) -> Result<()> {
    let meta = std::fs::metadata(file).with_context(|| format!("reading {}", file.display()))?;
    anyhow::ensure!(meta.len() as usize <= MAX_MODEL_BYTES, "{}: larger than {MAX_MODEL_BYTES} bytes", file.display());
    let text = std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let model = Model::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let r = store.load_model(&model, &text, Actor::SYSTEM).await?;
    println!(
        "{}: model {} version {} loaded ({} indicators).",
        file.display(),
        r.code,
        r.version,
        model.indicators.len()
    );
    Ok(())
}

pub async fn load_teaviisari(store: &dyn Store, file: &Path) -> Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let name = file.display().to_string();
    let rows = hyte_import::teaviisari::parse(&name, &bytes)
        .map_err(|e| anyhow::anyhow!("{}: line {}, {}: {}", e.file, e.line, e.field, e.message))?;
    let n = store.save_tea_rows(None, &rows, Actor::SYSTEM).await?;
    println!("{name}: {n} TEAviisari results written.");
    Ok(())
}
