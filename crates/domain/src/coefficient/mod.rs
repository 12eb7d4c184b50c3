//! The HYTE coefficient (*hyte-kerroin*): the state's incentive for well-being and health promotion,
//! part of a municipality's state share (Act 618/2021) and of a wellbeing services county's funding
//! (Act 617/2021 §14). A [`model::Model`] is data (a TOML file per funding year and kind); the
//! [`compute`] engine scales each indicator to 0–100, weighs them into a total, ranks and prices it;
//! [`scenario`] describes a simulated change; [`teaviisari`] the process data it reads.

use crate::codes::codes;

pub mod compute;
#[cfg(test)]
mod compute_tests;
pub mod model;
pub mod scenario;
pub mod teaviisari;

pub use compute::{compute, simulate, Cell, Inputs, Results, Unit, UnitResult};
pub use model::{DataSource, EuroRule, Model, ModelError, ModelIndicator, Scale};
pub use scenario::{Change, ScenarioInput};
pub use teaviisari::{Sector, TeaRow};

codes! {
    /// Whose funding a model prices.
    pub enum ModelKind: "coefficient-kind-" {
        Municipality = "municipality",
        County = "county",
    }
}

impl ModelKind {
    /// The model that prices an organisation of `kind`: a municipality's (Helsinki too) or a
    /// county's; None for a partner, whose results and coefficient are not the state's concern.
    pub fn of(kind: crate::OrgKind) -> Option<ModelKind> {
        if kind.is_municipal() {
            Some(ModelKind::Municipality)
        } else if kind.is_county() {
            Some(ModelKind::County)
        } else {
            None
        }
    }
}

codes! {
    /// Process (TEAviisari: what the organisation does) or outcome (how residents fare).
    pub enum Group: "coefficient-group-" {
        Process = "process",
        Outcome = "outcome",
    }
}

codes! {
    /// Which way is better.
    pub enum Direction: "coefficient-direction-" {
        HigherBetter = "higher_better",
        LowerBetter = "lower_better",
    }
}

codes! {
    /// How sure the model is: the state's published model, an estimate from public sources, or
    /// an example for demonstration on real data.
    pub enum ModelStatus: "coefficient-status-" {
        Official = "official",
        Estimate = "estimate",
        Demo = "demo",
    }
}

/// Every translation key the room builds from a code.
pub fn translation_keys() -> Vec<String> {
    use crate::codes::keys;
    let mut k: Vec<String> = keys::<ModelKind>().collect();
    k.extend(keys::<Group>());
    k.extend(keys::<Direction>());
    k.extend(keys::<ModelStatus>());
    k.extend(keys::<Sector>());
    k.extend(keys::<model::ScaleKind>());
    k.extend(keys::<model::EuroKind>());
    k
}
