//! The 2026 support plan: four actions, two delivered with feedback.
use super::Orgs;
use anyhow::Result;
use hyte_store::Store;

pub async fn load(_store: &dyn Store, _orgs: Orgs, _today: chrono::NaiveDate) -> Result<()> {
    Ok(())
}
