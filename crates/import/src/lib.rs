//! Imports into the knowledge base. Parsing is separate from writing: a file is parsed and
//! checked whole (errors name the file, line and field), and only then written in one
//! transaction, so a broken file writes nothing.

pub mod apply;
#[cfg(feature = "testing")]
pub mod checks;
mod csvutil;
pub mod own;
pub mod progress;
pub mod sotkanet;
pub mod table;
pub mod teaviisari;
pub mod xlsx;

pub use progress::{Phase, Progress, Snapshot};

use std::collections::BTreeMap;

/// What is wrong with an input file, and where.
#[derive(Debug, Clone, PartialEq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[error("{file}, line {line}, field {field}: {message}")]
pub struct ImportError {
    pub file: String,
    /// 1-based line (for JSON: the 1-based position of the record in the array).
    pub line: usize,
    pub field: String,
    pub message: String,
    /// Set when the file was refused for exceeding a limit, so that the UI can say which one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<Limit>,
}

/// A limit an input file exceeded, and its maximum (in the kind's unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Limit {
    pub kind: LimitKind,
    pub max: u64,
}

/// The limits on an uploaded workbook (see [`xlsx::Limits`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitKind {
    Rows,
    Columns,
    Cells,
    /// Unpacked size, in MiB.
    Unpacked,
    Entries,
    /// Seconds.
    Time,
}

impl LimitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LimitKind::Rows => "rows",
            LimitKind::Columns => "columns",
            LimitKind::Cells => "cells",
            LimitKind::Unpacked => "unpacked",
            LimitKind::Entries => "entries",
            LimitKind::Time => "time",
        }
    }
}

impl ImportError {
    pub fn new(file: &str, line: usize, field: &str, message: impl Into<String>) -> ImportError {
        ImportError { file: file.into(), line, field: field.into(), message: message.into(), limit: None }
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Report {
    /// Observations written (inserted or updated).
    pub written: u64,
    /// Rows for regions of categories Hyte has no areas for (e.g. SEUTUKUNTA), by category.
    pub skipped_by_category: BTreeMap<String, u64>,
    /// Rows naming an indicator Hyte does not have: id → (rows, first line). Not written.
    pub unknown_indicators: BTreeMap<String, (u64, usize)>,
    /// Rows naming a region id Hyte does not know: id → (rows, first line). Not written.
    pub unknown_regions: BTreeMap<String, (u64, usize)>,
    /// Rows that repeated an earlier row's key (the last one wins).
    pub duplicates: u64,
    /// Rows whose denominator was derived from value and absolute value.
    pub derived_denominators: u64,
}

impl Report {
    /// Rows not written: other region categories and unknown ids.
    pub fn skipped(&self) -> u64 {
        self.skipped_by_category.values().sum::<u64>()
            + self.unknown_indicators.values().map(|v| v.0).sum::<u64>()
            + self.unknown_regions.values().map(|v| v.0).sum::<u64>()
    }

    pub(crate) fn unknown(map: &mut BTreeMap<String, (u64, usize)>, id: &str, line: usize) {
        map.entry(id.to_string()).or_insert((0, line)).0 += 1;
    }
}
