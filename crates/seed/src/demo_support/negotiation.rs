//! The 2026 negotiation with Kuopio and the reports sent to the county.
use super::Orgs;
use anyhow::Result;
use hyte_store::Store;

pub async fn load(_store: &dyn Store, _orgs: Orgs, _today: chrono::NaiveDate) -> Result<()> {
    Ok(())
}
