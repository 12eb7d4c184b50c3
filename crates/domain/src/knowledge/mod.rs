//! The knowledge base: areas and their population, indicators and their observations, the
//! statistics computed from them, and the imports that fill it.

pub mod area;
pub mod import_job;
pub mod indicator;
pub mod stats;
