//! The national indicator sets Hyte ships: THL's proposed minimum data content (*vähimmäistietosisältö*)
//! for municipal well-being reports and for regional (wellbeing services county) ones, loaded with
//! the base data so that every installation has them.
//!
//! What could be verified (searched 2025, public THL material):
//! - THL's page "Hyvinvointikertomusten vähimmäistietosisältö"
//!   (<https://thl.fi/aiheet/hyvinvoinnin-ja-terveyden-edistamisen-johtaminen/tieto-ja-toimintamallit/hyvinvointikertomusten-vahimmaistietosisalto>)
//!   says THL prepared separate minimum data contents for municipalities and for regions, that they
//!   are not yet binding, and that the proposal was given to the Ministry of Social Affairs and
//!   Health on 14 June 2023 for a decree under section 29 of the Act on organising social and health
//!   care, which may change it.
//! - THL's blog "Esittelyssä hyvinvointikertomuksen minimitietosisällöt"
//!   (<https://blogi.thl.fi/esittelyssa-hyvinvointikertomuksen-minimitietosisallot-kaytossanne-olkaa-hyva/>)
//!   says the proposal has 67 indicators for municipalities and 83 for regions.
//! - THL's page on the municipal report's data sources says most of the list's indicators are in
//!   Sotkanet, and that the list also has indicators of the municipality's sectors' actions and
//!   qualitative self-assessment items.
//!
//! What could not be verified: the lists themselves, indicator by indicator. The material reachable
//! when this was built gave the descriptions above but not the tables, so no indicator could be
//! mapped to a Sotkanet id with certainty. Following the rule "ship only what can be verified",
//! [`SHIPPED`] is empty: no national set is loaded, and the public list says so. To add a set, put
//! its verified Sotkanet ids here with the source text and address; `load` writes it (a new version
//! when it changes) and refuses an id that is not a national indicator of the catalogue.

use anyhow::{Context, Result};
use hyte_domain::knowledge::indicator_set::{SetInput, SetKind};
use hyte_domain::Names;
use hyte_import::sotkanet;
use hyte_store::{Actor, Store};

/// A national set as shipped: its kind, names (fi, sv, en), source text and address, and
/// Sotkanet ids.
pub struct Shipped {
    pub kind: SetKind,
    pub names: [&'static str; 3],
    pub source: &'static str,
    pub source_url: &'static str,
    pub sotkanet_ids: &'static [&'static str],
}

/// The national sets verified from public THL material (none yet: see the module's text).
pub const SHIPPED: &[Shipped] = &[];

/// Writes the shipped national sets (idempotent: an unchanged set keeps its version).
pub async fn load(store: &dyn Store) -> Result<()> {
    load_sets(store, SHIPPED).await
}

/// Writes `sets`, mapping their Sotkanet ids to the catalogue's indicators.
pub async fn load_sets(store: &dyn Store, sets: &[Shipped]) -> Result<()> {
    if sets.is_empty() {
        return Ok(());
    }
    let ids = store.indicator_ids(sotkanet::SOURCE, None).await?;
    for s in sets {
        let indicator_ids = s
            .sotkanet_ids
            .iter()
            .map(|i| ids.get(*i).map(|(id, _)| *id).with_context(|| format!("Sotkanet indicator {i} in the catalogue")))
            .collect::<Result<Vec<i64>>>()?;
        let [fi, sv, en] = s.names;
        let input = SetInput {
            names: Names::new(fi, Some(sv.into()), Some(en.into())),
            source: Some(s.source.into()),
            source_url: Some(s.source_url.into()),
            indicator_ids,
        };
        store.put_national_set(s.kind, &input, Actor::SYSTEM).await?;
    }
    Ok(())
}
