//! Office Open XML (DOCX) that Word and LibreOffice open and edit: real heading styles (so the
//! navigation pane and the table of contents work), tables with header rows, a table-of-contents
//! field that the word processor fills in when the document is opened.

use crate::{Block, Document, Inline, Table};
use std::io::Write;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn run(text: &str, bold: bool, italic: bool) -> String {
    let mut props = String::new();
    if bold {
        props.push_str("<w:b/>");
    }
    if italic {
        props.push_str("<w:i/>");
    }
    let rpr = if props.is_empty() { String::new() } else { format!("<w:rPr>{props}</w:rPr>") };
    format!(r#"<w:r>{rpr}<w:t xml:space="preserve">{}</w:t></w:r>"#, esc(text))
}

fn runs(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) => run(t, false, false),
            Inline::Bold(t) => run(t, true, false),
            Inline::Italic(t) => run(t, false, true),
            Inline::LineBreak => "<w:r><w:br/></w:r>".into(),
        })
        .collect()
}

fn para(style: &str, content: &str) -> String {
    let ppr = if style.is_empty() { String::new() } else { format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#) };
    format!("<w:p>{ppr}{content}</w:p>")
}

fn table(t: &Table) -> String {
    let cell = |text: &str, header: bool| {
        format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>{}</w:tc>",
            para("", &run(text, header, false))
        )
    };
    let mut x = String::new();
    if !t.caption.is_empty() {
        x.push_str(&para("Caption", &run(&t.caption, false, false)));
    }
    x.push_str(
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="HyteTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblBorders><w:top w:val="single" w:sz="4" w:color="999999"/><w:bottom w:val="single" w:sz="4" w:color="999999"/><w:insideH w:val="single" w:sz="4" w:color="CCCCCC"/></w:tblBorders></w:tblPr>"#,
    );
    x.push_str(r#"<w:tr><w:trPr><w:tblHeader/></w:trPr>"#);
    for h in &t.headers {
        x.push_str(&cell(h, true));
    }
    x.push_str("</w:tr>");
    for r in &t.rows {
        x.push_str("<w:tr>");
        for c in r {
            x.push_str(&cell(c, false));
        }
        x.push_str("</w:tr>");
    }
    x.push_str("</w:tbl>");
    x.push_str(&para("", ""));
    x
}

fn body(doc: &Document) -> String {
    let mut x = String::new();
    x.push_str(&para("Title", &run(&doc.title, false, false)));
    if !doc.subtitle.is_empty() {
        x.push_str(&para("Subtitle", &run(&doc.subtitle, false, false)));
    }
    for f in &doc.facts {
        x.push_str(&para("", &run(f, false, false)));
    }
    // The table of contents: a field the word processor fills in on opening (updateFields).
    x.push_str(&para("TOCHeading", &run(&doc.contents, false, false)));
    x.push_str(concat!(
        r#"<w:p><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>"#,
        r#"<w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>…</w:t></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#
    ));
    for s in &doc.sections {
        x.push_str(&para("Heading1", &run(&s.title, false, false)));
        for b in &s.blocks {
            match b {
                Block::Heading(h) => x.push_str(&para("Heading2", &runs(h))),
                Block::Paragraph(p) => x.push_str(&para("", &runs(p))),
                Block::List { ordered, items } => {
                    for (n, i) in items.iter().enumerate() {
                        let mark = if *ordered { format!("{}. ", n + 1) } else { "• ".into() };
                        x.push_str(&para("ListParagraph", &(run(&mark, false, false) + &runs(i))));
                    }
                }
            }
        }
        for t in &s.tables {
            x.push_str(&table(t));
        }
    }
    if !doc.attribution.is_empty() {
        x.push_str(&para("", &run(&doc.attribution, false, true)));
    }
    x
}

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

fn document_xml(doc: &Document) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        body(doc)
    )
}

fn styles_xml(lang: &str) -> String {
    let lang = match lang {
        "sv" => "sv-FI",
        "en" => "en-GB",
        _ => "fi-FI",
    };
    let heading = |id: &str, name: &str, size: u32, level: u32| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="{level}"/></w:pPr><w:rPr><w:b/><w:color w:val="1E508A"/><w:sz w:val="{size}"/></w:rPr></w:style>"#
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:lang w:val="{lang}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:sz w:val="48"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="5F686D"/><w:sz w:val="28"/></w:rPr></w:style>{}{}<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:sz w:val="20"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:style><w:style w:type="table" w:styleId="HyteTable"><w:name w:val="Hyte Table"/><w:tblPr><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#,
        heading("Heading1", "heading 1", 32, 0),
        heading("Heading2", "heading 2", 26, 1),
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;
const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>"#;
const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:updateFields w:val="true"/></w:settings>"#;

fn core_xml(doc: &Document) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:language>{}</dc:language><dc:creator>Hyte</dc:creator></cp:coreProperties>"#,
        esc(&doc.title),
        esc(&doc.lang)
    )
}

/// The document as a DOCX package.
pub fn render(doc: &Document) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, String); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES.into()),
        ("_rels/.rels", RELS.into()),
        ("docProps/core.xml", core_xml(doc)),
        ("word/_rels/document.xml.rels", DOC_RELS.into()),
        ("word/settings.xml", SETTINGS.into()),
        ("word/styles.xml", styles_xml(&doc.lang)),
        ("word/document.xml", document_xml(doc)),
    ];
    for (name, body) in parts {
        zip.start_file(name, options)?;
        zip.write_all(body.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Section;
    use std::io::Read;

    fn part(bytes: &[u8], name: &str) -> String {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    #[test]
    fn a_package_with_headings_lists_and_tables() {
        let doc = Document {
            lang: "fi".into(),
            title: "Hyvinvointikertomus <2025>".into(),
            contents: "Sisältö".into(),
            sections: vec![Section {
                title: "Tiivistelmä".into(),
                blocks: hyte_domain::report::markup::parse("Hyvä **vahva** & selvä.\n\n- yksi\n- kaksi"),
                tables: vec![Table {
                    caption: "Indikaattorit".into(),
                    headers: vec!["Indikaattori".into(), "Arvo".into()],
                    rows: vec![vec!["Väestö".into(), "122 594".into()]],
                }],
            }],
            ..Default::default()
        };
        let bytes = render(&doc).unwrap();
        assert!(bytes.starts_with(b"PK"));
        let xml = part(&bytes, "word/document.xml");
        assert!(xml.contains("Hyvinvointikertomus &lt;2025&gt;"), "escaped");
        assert!(xml.contains(r#"<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Tiivistelmä</w:t>"#));
        assert!(
            xml.contains(r#"<w:rPr><w:b/></w:rPr><w:t xml:space="preserve">vahva</w:t>"#)
                && xml.contains("&amp; selvä.")
        );
        assert!(xml.contains("• ") && xml.contains("<w:tblHeader/>") && xml.contains("122 594"));
        assert!(xml.contains("TOC \\o"), "a table of contents field");
        assert!(part(&bytes, "word/styles.xml").contains(r#"<w:lang w:val="fi-FI"/>"#));
        assert!(part(&bytes, "[Content_Types].xml").contains("wordprocessingml.document.main+xml"));
        // Every part is well-formed XML.
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let names: Vec<String> = z.file_names().map(|n| n.unwrap().to_string()).collect();
        for name in names {
            let mut text = String::new();
            z.by_name(&name).unwrap().read_to_string(&mut text).unwrap();
            let mut reader = quick_xml::Reader::from_str(&text);
            loop {
                match reader.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(e) => panic!("{name}: {e}"),
                }
            }
        }
    }
}
