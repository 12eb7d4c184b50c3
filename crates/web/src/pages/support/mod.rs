//! The county's support to its municipalities (issue 14): the support-needs survey and its heat
//! map, the yearly support plan and the support delivered, the yearly HYTE negotiation with each
//! municipality, and the good-practice library (public search; adopting a practice into a plan).
//! A county sees its member municipalities only; a municipality sees what concerns it.

pub mod actions;
mod agenda;
pub mod answer;
pub mod heatmap;
pub mod negotiation;
pub mod negotiations;
pub mod plan;
pub mod practice_exchange;
pub mod practice_org;
pub mod practice_page;
pub mod practices;
pub mod received;
pub mod survey;

use crate::App;
use axum::Router;

pub fn routes() -> Router<App> {
    Router::new().merge(survey::routes()).merge(plan::routes()).merge(negotiations::routes()).merge(practices::routes())
}
