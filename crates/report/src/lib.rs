//! A well-being report as a document: title, facts, sections of text blocks, tables and charts.
//! The web layer builds it from a report version (charts as standalone SVG, drawn by
//! `web/src/charts.rs`); this crate renders it: DOCX (charts as PNG images) and PDF (typst,
//! charts as vector images).

pub mod docx;
pub mod pdf;
pub mod png;

pub use hyte_domain::reports::markup::{Block, Inline};

#[derive(Debug, Clone, Default)]
pub struct Document {
    /// `fi` or `sv`: the language of the content.
    pub lang: String,
    pub title: String,
    pub subtitle: String,
    /// Lines under the title, e.g. the approval.
    pub facts: Vec<String>,
    /// The heading of the table of contents.
    pub contents: String,
    pub sections: Vec<Section>,
    /// Source attribution, last.
    pub attribution: String,
}

#[derive(Debug, Clone, Default)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
    pub tables: Vec<Table>,
    /// Shown after the tables.
    pub charts: Vec<Chart>,
}

/// A chart: its title (the caption), a text alternative with its numbers, and the chart as a
/// standalone SVG document (namespace, size and styles inside; text in Libertinus Serif).
#[derive(Debug, Clone, Default)]
pub struct Chart {
    pub title: String,
    pub alt: String,
    pub svg: String,
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}
