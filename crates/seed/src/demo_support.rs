//! Demo of the county's support to its municipalities (issue 14): Pohjois-Savo surveys Kuopio and
//! Siilinjärvi, plans and delivers its support for 2026, negotiates with Kuopio, receives Kuopio's
//! report (Siilinjärvi's is still missing), and keeps a library of good practices, one of which
//! Siilinjärvi has adopted into its plan. See the submodules. The people, texts and scores are
//! fictional; indicator values come from the knowledge base (real, see `data/README.md`).

pub mod indicator_sets;
pub mod negotiation;
pub mod plan;
pub mod practices;
pub mod survey;

use anyhow::Result;
use hyte_store::Store;

/// The organisations the demo's support concerns.
#[derive(Debug, Clone, Copy)]
pub struct Orgs {
    pub county: i64,
    pub kuopio: i64,
    pub siilinjarvi: i64,
}

/// Loads the support demo; `today` dates what happens "this year".
pub async fn load(store: &dyn Store, orgs: Orgs, today: chrono::NaiveDate) -> Result<()> {
    survey::load(store, orgs, today).await?;
    plan::load(store, orgs, today).await?;
    practices::load(store, orgs, today).await?;
    // The negotiation's agenda reads the county's indicator set, the survey and the plan.
    indicator_sets::load(store, orgs, today).await?;
    negotiation::load(store, orgs, today).await?;
    Ok(())
}
