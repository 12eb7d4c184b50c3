//! What Hyte ships to load: the real Finnish area classification with populations
//! (Statistics Finland, CC BY 4.0; see `data/README.md`) and the demo dataset.

pub mod areas;
pub mod coefficient;
pub mod demo;
pub mod demo_coefficient;
pub mod demo_cooperation;
pub mod demo_decisions;
pub mod demo_interface;
pub mod demo_partners;
pub mod demo_reports;
pub mod demo_services;
pub mod demo_support;
pub mod indicator_sets;
pub mod knowledge;

/// Loads the base data every installation has: the areas and the indicator catalogue.
pub async fn load_base(store: &dyn hyte_store::Store) -> anyhow::Result<()> {
    store.import_areas(&areas::load()?).await?;
    knowledge::load_catalogue(store).await?;
    indicator_sets::load(store).await?;
    coefficient::load(store).await
}
