//! The HYTE coefficient models Hyte ships (`crates/seed/models/`, sources in
//! `docs/coefficient.md`): each is loaded once, when no version of its code exists, so a model an
//! administrator has since corrected (`hyte coefficient load FILE`) stays in force.

use anyhow::{Context, Result};
use hyte_domain::coefficient::model::Model;
use hyte_store::{Actor, Store};

/// The shipped models: (file name, text).
pub const MODELS: [(&str, &str); 2] = [
    ("municipality-2025.toml", include_str!("../models/municipality-2025.toml")),
    ("county-2026.toml", include_str!("../models/county-2026.toml")),
];

/// The demo's example model on real Sotkanet data (not the state's).
pub const DEMO_MODEL: &str = include_str!("../models/demo-2019.toml");

/// Loads `text` as a model unless its code already has a version; returns the model.
pub async fn load_once(store: &dyn Store, file: &str, text: &str) -> Result<Model> {
    let model = Model::parse(text).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
    if store.model_versions(&model.code).await?.is_empty() {
        store.load_model(&model, text, Actor::SYSTEM).await.with_context(|| format!("loading {file}"))?;
    }
    Ok(model)
}

/// Loads every shipped model not loaded yet.
pub async fn load(store: &dyn Store) -> Result<()> {
    for (file, text) in MODELS {
        load_once(store, file, text).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_shipped_models_parse() {
        for (file, text) in super::MODELS.iter().chain([("demo-2019.toml", super::DEMO_MODEL)].iter()) {
            let m = hyte_domain::coefficient::model::Model::parse(text).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(!m.indicators.is_empty(), "{file}");
            assert!(m.indicators.iter().all(|i| i.sources.iter().all(|s| m.sources.iter().any(|x| &x.id == s))));
        }
    }
}
