//! A well-being report as a document: title, facts, sections of text blocks and tables. The web
//! layer builds it from a report version; this crate renders it (DOCX now; PDF next).

pub mod docx;
pub mod pdf;

pub use hyte_domain::report::markup::{Block, Inline};

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
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}
