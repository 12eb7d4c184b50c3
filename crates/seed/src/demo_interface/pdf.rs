//! A minimal, valid one-page PDF written as bytes (PDF 1.4, Helvetica in WinAnsiEncoding, so
//! Finnish letters show): the demo's signed agreement is such a page, kept in the database like an
//! upload would be.

/// A one-page A4 PDF with `lines` of text from the top, the first one larger (a title).
pub fn one_page(lines: &[&str]) -> Vec<u8> {
    let mut content = Vec::new();
    content.extend_from_slice(b"BT\n/F1 15 Tf\n56 780 Td\n20 TL\n");
    for (i, line) in lines.iter().enumerate() {
        if i == 1 {
            content.extend_from_slice(b"/F1 11 Tf\n16 TL\n");
        }
        content.push(b'(');
        content.extend(literal(line));
        content.extend_from_slice(b") Tj T*\n");
    }
    content.extend_from_slice(b"ET\n");

    let objects: [Vec<u8>; 5] = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> \
          /Contents 5 0 R >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        [format!("<< /Length {} >>\nstream\n", content.len()).into_bytes(), content, b"\nendstream".to_vec()].concat(),
    ];
    // The second line's high bytes tell file tools the file is binary.
    let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (n, body) in (1..).zip(&objects) {
        offsets.push(pdf.len());
        pdf.extend(format!("{n} 0 obj\n").into_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for o in offsets {
        pdf.extend(format!("{o:010} 00000 n \n").into_bytes());
    }
    pdf.extend(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).into_bytes(),
    );
    pdf
}

/// `s` as the bytes of a PDF literal string in WinAnsiEncoding: `(`, `)` and `\` escaped, Latin-1
/// letters as they are, dashes and the euro sign at their WinAnsi places, anything else `?`.
fn literal(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for c in s.chars() {
        match c {
            '(' | ')' | '\\' => out.extend([b'\\', c as u8]),
            '–' => out.push(0x96),
            '—' => out.push(0x97),
            '€' => out.push(0x80),
            c if (' '..='~').contains(&c) || ('\u{a0}'..='\u{ff}').contains(&c) => out.push(c as u8),
            _ => out.push(b'?'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_a_pdf_whose_cross_reference_points_at_its_objects() {
        let pdf = one_page(&["Yhteistyösopimus (esimerkki)", "Voimassa 1.1.2025 – 30.4.2027"]);
        assert!(hyte_domain::interface::is_pdf(&pdf));
        assert!(pdf.ends_with(b"%%EOF\n"));
        let text = String::from_utf8_lossy(&pdf);
        let start: usize = text.rsplit("startxref\n").next().unwrap().lines().next().unwrap().parse().unwrap();
        assert!(pdf[start..].starts_with(b"xref\n0 6\n"));
        let table = String::from_utf8_lossy(&pdf[start..]).to_string();
        for (n, row) in table.lines().skip(3).take(5).enumerate() {
            let at: usize = row[..10].parse().unwrap();
            assert!(pdf[at..].starts_with(format!("{} 0 obj", n + 1).as_bytes()), "object {}", n + 1);
            assert_eq!(row.len() + 1, 20, "xref rows are 20 bytes");
        }
        // ö is one WinAnsi byte; the dash its WinAnsi place; parentheses escaped.
        assert!(pdf.windows(5).any(|w| w == b"ty\xf6so"));
        assert!(pdf.windows(3).any(|w| w == b" \x96 "));
        assert!(pdf.windows(13).any(|w| w == b"\\(esimerkki\\)"));
        let length: usize = text.split("/Length ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
        let stream = pdf.windows(7).position(|w| w == b"stream\n").unwrap() + 7;
        assert!(pdf[stream + length..].starts_with(b"\nendstream"));
    }
}
