//! What Hyte ships to load: the real Finnish area classification with populations
//! (Statistics Finland, CC BY 4.0; see `data/README.md`) and the demo dataset.

pub mod areas;
pub mod demo;
