//! Office Open XML (DOCX) that Word and LibreOffice open and edit: real heading styles (so the
//! navigation pane and the table of contents work), tables with header rows, a table-of-contents
//! field that the word processor fills in when the document is opened, and charts as PNG images
//! (DrawingML pictures in `word/media/`, with their text alternative as `descr`).

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

/// A chart as a picture of the package.
struct Image {
    png: Vec<u8>,
    /// Its size in EMU (English Metric Units, 914,400 an inch).
    cx: u64,
    cy: u64,
    title: String,
    alt: String,
}

/// The text width of the page (A4 less the margins), in EMU: 9,070 twips.
const TEXT_WIDTH_EMU: u64 = 9_070 * 635;

fn image_name(n: usize) -> String {
    format!("media/chart{n}.png")
}

fn image_rid(n: usize) -> String {
    format!("rIdChart{n}")
}

/// An inline picture in its own paragraph, with its caption above.
fn drawing(n: usize, img: &Image) -> String {
    let (cx, cy, rid) = (img.cx, img.cy, image_rid(n));
    let (name, alt) = (esc(&format!("chart{n}.png")), esc(&img.alt));
    let mut x = para("Caption", &run(&img.title, false, false));
    x.push_str(&format!(
        concat!(
            r#"<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>"#,
            r#"<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{n}" name="{name}" descr="{alt}"/>"#,
            r#"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>"#,
            r#"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>"#,
            r#"<pic:nvPicPr><pic:cNvPr id="{n}" name="{name}" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr>"#,
            r#"<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#,
            r#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>"#,
            r#"</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#
        ),
        cx = cx,
        cy = cy,
        n = n,
        name = name,
        alt = alt,
        rid = rid
    ));
    x
}

fn body(doc: &Document, images: &[Image]) -> String {
    let mut images = images.iter().enumerate();
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
        for _ in &s.charts {
            if let Some((i, img)) = images.next() {
                x.push_str(&drawing(i + 1, img));
            }
        }
    }
    if !doc.attribution.is_empty() {
        x.push_str(&para("", &run(&doc.attribution, false, true)));
    }
    x
}

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
const DRAWING_NS: &str = r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#;

fn document_xml(doc: &Document, images: &[Image]) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS} {DRAWING_NS}><w:body>{}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        body(doc, images)
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

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;
fn doc_rels(images: usize) -> String {
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
    );
    for n in 1..=images {
        x.push_str(&format!(
            r#"<Relationship Id="{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{}"/>"#,
            image_rid(n),
            image_name(n)
        ));
    }
    x.push_str("</Relationships>");
    x
}
const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:updateFields w:val="true"/></w:settings>"#;

fn core_xml(doc: &Document) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:language>{}</dc:language><dc:creator>Hyte</dc:creator></cp:coreProperties>"#,
        esc(&doc.title),
        esc(&doc.lang)
    )
}

/// The charts as pictures: PNG at three times their size (print quality), the text width wide.
fn images(doc: &Document) -> Result<Vec<Image>, String> {
    doc.sections
        .iter()
        .flat_map(|s| &s.charts)
        .map(|c| {
            let (png, w, h) = crate::png::render(&c.svg, 3.0)?;
            let cx = TEXT_WIDTH_EMU;
            let cy = (cx as f64 * f64::from(h) / f64::from(w.max(1.0))).round() as u64;
            Ok(Image { png, cx, cy, title: c.title.clone(), alt: c.alt.clone() })
        })
        .collect()
}

/// The document as a DOCX package.
pub fn render(doc: &Document) -> Result<Vec<u8>, String> {
    let images = images(doc)?;
    let zip_err = |e: zip::result::ZipError| e.to_string();
    let io_err = |e: std::io::Error| e.to_string();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, String); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES.into()),
        ("_rels/.rels", RELS.into()),
        ("docProps/core.xml", core_xml(doc)),
        ("word/_rels/document.xml.rels", doc_rels(images.len())),
        ("word/settings.xml", SETTINGS.into()),
        ("word/styles.xml", styles_xml(&doc.lang)),
        ("word/document.xml", document_xml(doc, &images)),
    ];
    for (name, body) in parts {
        zip.start_file(name, options).map_err(zip_err)?;
        zip.write_all(body.as_bytes()).map_err(io_err)?;
    }
    // PNG is compressed already.
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (i, img) in images.iter().enumerate() {
        zip.start_file(format!("word/{}", image_name(i + 1)), stored).map_err(zip_err)?;
        zip.write_all(&img.png).map_err(io_err)?;
    }
    Ok(zip.finish().map_err(zip_err)?.into_inner())
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
                blocks: hyte_domain::reports::markup::parse("Hyvä **vahva** & selvä.\n\n- yksi\n- kaksi"),
                tables: vec![Table {
                    caption: "Indikaattorit".into(),
                    headers: vec!["Indikaattori".into(), "Arvo".into()],
                    rows: vec![vec!["Väestö".into(), "122 594".into()]],
                }],
                charts: vec![crate::Chart {
                    title: "Väestö: Kuopio".into(),
                    alt: "Kuopio 122 594 & koko maa".into(),
                    svg: crate::pdf::tests::CHART.into(),
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
        // The chart: a PNG part, its relationship, and a drawing with its text alternative.
        let types = part(&bytes, "[Content_Types].xml");
        assert!(types.contains(r#"<Default Extension="png" ContentType="image/png"/>"#));
        let rels = part(&bytes, "word/_rels/document.xml.rels");
        assert!(rels.contains(r#"Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart1.png""#));
        assert!(xml.contains(r#"<a:blip r:embed="rIdChart1"/>"#) && xml.contains("<w:drawing><wp:inline"));
        assert!(xml.contains(r#"<wp:docPr id="1" name="chart1.png" descr="Kuopio 122 594 &amp; koko maa"/>"#));
        assert!(
            xml.contains(r#"<w:pStyle w:val="Caption"/></w:pPr><w:r><w:t xml:space="preserve">Väestö: Kuopio</w:t>"#)
        );
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut png = vec![];
        z.by_name("word/media/chart1.png").unwrap().read_to_end(&mut png).unwrap();
        assert!(png.starts_with(b"\x89PNG"), "the media part is a PNG");
        // Every part is well-formed XML.
        let names: Vec<String> =
            z.file_names().map(|n| n.unwrap().to_string()).filter(|n| !n.ends_with(".png")).collect();
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
