//! The support-needs survey of 2026 and the municipalities' answers.
use super::Orgs;
use anyhow::Result;
use hyte_store::Store;

pub async fn load(_store: &dyn Store, _orgs: Orgs, _today: chrono::NaiveDate) -> Result<()> {
    Ok(())
}
