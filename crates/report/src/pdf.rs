//! PDF through typst (as a library): tagged (PDF/UA-style structure for screen readers), A4, a
//! table of contents, page numbers, headings, tables and charts (SVG images given to typst as
//! virtual files, with their text alternative). All user text enters the typst source as
//! string literals, never as markup, so nothing a user writes is interpreted.

use crate::{Block, Document, Inline, Table};
use std::sync::OnceLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The fonts shipped in `typst-assets` (Libertinus Serif, New Computer Modern, DejaVu Sans Mono).
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    library: LazyHash<Library>,
}

fn fonts() -> &'static Fonts {
    static F: OnceLock<Fonts> = OnceLock::new();
    F.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data))).collect();
        let book = FontBook::from_fonts(&fonts);
        Fonts { book: LazyHash::new(book), fonts, library: LazyHash::new(Library::default()) }
    })
}

/// The report's source and its charts (`chart-1.svg`, …) as virtual files.
struct OneFile {
    source: Source,
    files: Vec<(FileId, Bytes)>,
}

fn chart_path(n: usize) -> String {
    format!("chart-{n}.svg")
}

impl World for OneFile {
    fn library(&self) -> &LazyHash<Library> {
        &fonts().library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }
    fn main(&self) -> FileId {
        self.source.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.source.id() {
            Ok(self.source.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        match self.files.iter().find(|(f, _)| *f == id) {
            Some((_, bytes)) => Ok(bytes.clone()),
            None => Err(FileError::NotFound(id.vpath().as_rootless_path().into())),
        }
    }
    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        None
    }
}

/// A typst string literal.
fn lit(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn inlines(items: &[Inline]) -> String {
    items
        .iter()
        .map(|i| match i {
            Inline::Text(t) => format!("#{}", lit(t)),
            Inline::Bold(t) => format!("#strong({})", lit(t)),
            Inline::Italic(t) => format!("#emph({})", lit(t)),
            Inline::LineBreak => "#linebreak()".into(),
        })
        .collect()
}

fn table(t: &Table) -> String {
    let n = t.headers.len().max(1);
    let header: Vec<String> = t.headers.iter().map(|h| format!("strong({})", lit(h))).collect();
    let cells: Vec<String> = t.rows.iter().flat_map(|r| r.iter().map(|c| lit(c))).collect();
    format!(
        "#figure(kind: table, caption: {}, table(columns: {n}, align: left, stroke: 0.5pt + luma(180), inset: 4pt, table.header({}), {}))\n",
        lit(&t.caption),
        header.join(", "),
        cells.join(", ")
    )
}

/// The typst source of a document.
pub fn source(doc: &Document) -> String {
    let mut s = String::new();
    s.push_str(&format!("#set document(title: {})\n", lit(&doc.title)));
    s.push_str(&format!("#set text(lang: {}, font: \"Libertinus Serif\", size: 10.5pt)\n", lit(&doc.lang)));
    s.push_str("#set page(paper: \"a4\", margin: 2.2cm, numbering: \"1 / 1\")\n");
    s.push_str(
        "#set par(justify: false)\n#show heading.where(level: 1): set text(size: 15pt, fill: rgb(\"#1e508a\"))\n",
    );
    s.push_str("#show figure.where(kind: table): set figure.caption(position: top)\n#show figure: set block(breakable: true)\n");
    let mut chart = 0;
    s.push_str(&format!("#title({})\n", lit(&doc.title)));
    if !doc.subtitle.is_empty() {
        s.push_str(&format!("#text(size: 13pt, fill: luma(90))[#{}]\n\n", lit(&doc.subtitle)));
    }
    for f in &doc.facts {
        s.push_str(&format!("#{}\n\n", lit(f)));
    }
    s.push_str(&format!("#outline(title: {}, depth: 2)\n#pagebreak()\n", lit(&doc.contents)));
    for sec in &doc.sections {
        s.push_str(&format!("#heading(level: 1, {})\n", lit(&sec.title)));
        for b in &sec.blocks {
            match b {
                Block::Heading(h) => s.push_str(&format!("#heading(level: 2)[{}]\n", inlines(h))),
                Block::Paragraph(p) => s.push_str(&format!("#par[{}]\n", inlines(p))),
                Block::List { ordered, items } => {
                    let f = if *ordered { "enum" } else { "list" };
                    let items: Vec<String> = items.iter().map(|i| format!("[{}]", inlines(i))).collect();
                    s.push_str(&format!("#{f}({})\n", items.join(", ")));
                }
            }
        }
        for t in &sec.tables {
            s.push_str(&table(t));
        }
        for c in &sec.charts {
            chart += 1;
            s.push_str(&format!(
                "#figure(image({}, alt: {}, width: 100%), caption: {})\n",
                lit(&chart_path(chart)),
                lit(&c.alt),
                lit(&c.title)
            ));
        }
    }
    if !doc.attribution.is_empty() {
        s.push_str(&format!("#v(1em)\n#emph({})\n", lit(&doc.attribution)));
    }
    s
}

/// The document as a tagged PDF.
pub fn render(doc: &Document) -> Result<Vec<u8>, String> {
    let charts = doc.sections.iter().flat_map(|s| &s.charts);
    let files = charts
        .enumerate()
        .map(|(i, c)| (FileId::new(None, VirtualPath::new(chart_path(i + 1))), Bytes::new(c.svg.clone().into_bytes())))
        .collect();
    let world = OneFile { source: Source::new(FileId::new(None, VirtualPath::new("report.typ")), source(doc)), files };
    let compiled = typst::compile::<PagedDocument>(&world).output.map_err(|e| format!("{e:?}"))?;
    typst_pdf::pdf(&compiled, &typst_pdf::PdfOptions::default()).map_err(|e| format!("{e:?}"))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::Section;
    use std::process::Command;

    fn tool(name: &str, args: &[&str], pdf: &[u8]) -> String {
        let dir = std::env::temp_dir().join(format!("hyte-pdf-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("r.pdf");
        std::fs::write(&file, pdf).unwrap();
        let mut cmd = Command::new(name);
        cmd.args(args).arg(&file);
        if name == "pdftotext" {
            cmd.arg("-");
        }
        let out = cmd
            .output()
            .unwrap_or_else(|_| panic!("`{name}` is needed (apt-get install poppler-utils; .ci/run installs it)"));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A standalone chart as `web/src/charts.rs` makes them for documents.
    pub const CHART: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" viewBox="0 0 300 80"><style>text { font-family: 'Libertinus Serif'; font-size: 12px; fill: #1f2a3c; } .bar { fill: #8fb4dc; }</style><rect class="bar" x="80" y="10" width="150" height="16"/><text x="74" y="22" text-anchor="end">Kuopio</text><text x="236" y="22">Pylväsmerkintä 10,6</text></svg>"##;

    #[test]
    fn a_tagged_pdf_with_contents_text_and_tables() {
        let doc = Document {
            lang: "fi".into(),
            title: "Hyvinvointikertomus 2025–2029".into(),
            subtitle: "Kuopion kaupunki".into(),
            facts: vec!["Hyväksytty: Kaupunginvaltuusto, 15.6.2026, KV § 45".into()],
            contents: "Sisältö".into(),
            sections: vec![
                Section {
                    title: "Tiivistelmä".into(),
                    blocks: hyte_domain::reports::markup::parse(
                        "Kuopiolaiset voivat **pääosin hyvin** \"#\" [ei] $koodia$.\n\n- Liikunta\n- Mielenterveys",
                    ),
                    tables: vec![],
                    charts: vec![],
                },
                Section {
                    title: "Väestön hyvinvointi".into(),
                    blocks: vec![],
                    tables: vec![Table {
                        caption: "Indikaattorit".into(),
                        headers: vec!["Indikaattori".into(), "Arvo".into()],
                        rows: vec![vec!["Toimeentulotukea saaneet".into(), "10,6".into()]],
                    }],
                    charts: vec![crate::Chart {
                        title: "Toimeentulotuki: Kuopio, maakunta ja koko maa".into(),
                        alt: "Kuopio 10,6; Pohjois-Savo 9,5; koko maa 9,0".into(),
                        svg: CHART.into(),
                    }],
                },
            ],
            attribution: "Lähde: THL, Sotkanet.fi".into(),
        };
        let pdf = render(&doc).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        let text = tool("pdftotext", &["-layout"], &pdf);
        for needle in [
            "Hyvinvointikertomus 2025–2029",
            "Sisältö",
            "Tiivistelmä",
            "pääosin hyvin",
            "\"#\" [ei] $koodia$",
            "Toimeentulotukea saaneet",
            "10,6",
            "Lähde: THL",
            "Toimeentulotuki: Kuopio, maakunta ja koko maa",
            "Pylväsmerkintä 10,6",
        ] {
            assert!(text.contains(needle), "{needle} in:\n{text}");
        }
        let info = tool("pdfinfo", &[], &pdf);
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(info.contains("Pages:           2"), "title and contents, then the sections: {info}");
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(compact.contains("1/2") && compact.contains("2/2"), "page numbers: {text}");
    }
}
