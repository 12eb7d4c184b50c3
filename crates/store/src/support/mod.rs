//! The county's support to its municipalities: the support-needs survey, the support plan and its
//! delivery ([`SupportStore`]), the yearly HYTE negotiation ([`NegotiationStore`]) and the
//! good-practice library ([`PracticeStore`]). A county reaches only its own member municipalities
//! (the municipal organisations whose area belongs to the county's area in the latest division);
//! a municipality reaches only what concerns it. Every id in an input is checked in the write's
//! transaction (`not_found` for an id the acting organisation may not reach).

#[cfg(feature = "testing")]
pub mod conformance;
mod negotiation;
mod practice;
mod survey;

pub use negotiation::*;
pub use practice::*;
pub use survey::*;
