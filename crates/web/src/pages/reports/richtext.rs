//! The safe rich-text subset of report sections as HTML (the parsing is in
//! `hyte_domain::reports::markup`). Everything users write is escaped.

use hyte_domain::reports::markup::{self, Block, Inline};

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn inlines(items: &[Inline]) -> String {
    items
        .iter()
        .map(|i| match i {
            Inline::Text(t) => escape(t),
            Inline::Bold(t) => format!("<strong>{}</strong>", escape(t)),
            Inline::Italic(t) => format!("<em>{}</em>", escape(t)),
            Inline::LineBreak => "<br>".into(),
        })
        .collect()
}

/// Renders the subset as HTML; `heading` is the level of `### ` lines (e.g. 3 below an h2).
pub fn render(text: &str, heading: u8) -> String {
    let mut html = String::new();
    for b in markup::parse(text) {
        match b {
            Block::Heading(h) => html.push_str(&format!("<h{heading}>{}</h{heading}>", inlines(&h))),
            Block::Paragraph(p) => html.push_str(&format!("<p>{}</p>", inlines(&p))),
            Block::List { ordered, items } => {
                let tag = if ordered { "ol" } else { "ul" };
                html.push_str(&format!("<{tag}>"));
                for i in items {
                    html.push_str(&format!("<li>{}</li>", inlines(&i)));
                }
                html.push_str(&format!("</{tag}>"));
            }
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn paragraphs_lists_headings_and_emphasis() {
        let text = "Kuopiolaiset voivat **hyvin**.\nToinen rivi.\n\n### Painopisteet\n- Liikunta\n- *Mielenterveys*\n\n1. Yksi\n2. Kaksi";
        assert_eq!(
            render(text, 3),
            "<p>Kuopiolaiset voivat <strong>hyvin</strong>.<br>Toinen rivi.</p><h3>Painopisteet</h3>\
             <ul><li>Liikunta</li><li><em>Mielenterveys</em></li></ul><ol><li>Yksi</li><li>Kaksi</li></ol>"
        );
    }

    #[test]
    fn html_is_never_passed_through() {
        let html = render("<script>alert(1)</script> **<b>x</b>** a * b", 3);
        assert_eq!(html, "<p>&lt;script&gt;alert(1)&lt;/script&gt; <strong>&lt;b&gt;x&lt;/b&gt;</strong> a * b</p>");
        assert_eq!(render("<img src=x onerror=alert(1)>", 3), "<p>&lt;img src=x onerror=alert(1)&gt;</p>");
        assert_eq!(render("\n\n", 3), "");
    }
}
