//! The safe rich-text subset of report sections: people write plain text, never HTML.
//! Blank lines separate paragraphs; lines starting with `- ` make a bulleted list, `1. ` a
//! numbered one; a line starting with `### ` is a subheading; `**bold**` and `*italic*` inline.
//! Everything else is escaped.

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

/// `**bold**` and `*italic*`, on escaped text; unmatched markers stay as they are.
fn inline(s: &str) -> String {
    let mut out = escape(s);
    for (marker, tag) in [("**", "strong"), ("*", "em")] {
        let mut done = String::new();
        let mut rest = out.as_str();
        while let Some(start) = rest.find(marker) {
            let after = &rest[start + marker.len()..];
            match after.find(marker) {
                Some(end) if end > 0 => {
                    done.push_str(&rest[..start]);
                    done.push_str(&format!("<{tag}>{}</{tag}>", &after[..end]));
                    rest = &after[end + marker.len()..];
                }
                _ => break,
            }
        }
        done.push_str(rest);
        out = done;
    }
    out
}

fn numbered(line: &str) -> Option<&str> {
    let (n, rest) = line.split_once(". ")?;
    (!n.is_empty() && n.chars().all(|c| c.is_ascii_digit())).then_some(rest)
}

/// Renders the subset as HTML. `heading` is the level used for `### ` lines (e.g. 3 below a
/// section's h2).
pub fn render(text: &str, heading: u8) -> String {
    let mut html = String::new();
    for block in text.replace("\r\n", "\n").split("\n\n") {
        let lines: Vec<&str> = block.lines().map(str::trim_end).filter(|l| !l.trim().is_empty()).collect();
        if lines.is_empty() {
            continue;
        }
        let mut para: Vec<String> = vec![];
        let mut list: Option<(&str, Vec<String>)> = None;
        let flush_para = |html: &mut String, para: &mut Vec<String>| {
            if !para.is_empty() {
                html.push_str(&format!("<p>{}</p>", para.join("<br>")));
                para.clear();
            }
        };
        let flush_list = |html: &mut String, list: &mut Option<(&str, Vec<String>)>| {
            if let Some((tag, items)) = list.take() {
                html.push_str(&format!("<{tag}>"));
                for i in items {
                    html.push_str(&format!("<li>{i}</li>"));
                }
                html.push_str(&format!("</{tag}>"));
            }
        };
        for line in lines {
            let t = line.trim_start();
            if let Some(h) = t.strip_prefix("### ") {
                flush_para(&mut html, &mut para);
                flush_list(&mut html, &mut list);
                html.push_str(&format!("<h{heading}>{}</h{heading}>", inline(h)));
            } else if let Some((tag, item)) =
                t.strip_prefix("- ").map(|i| ("ul", i)).or_else(|| numbered(t).map(|i| ("ol", i)))
            {
                flush_para(&mut html, &mut para);
                if list.as_ref().is_some_and(|(l, _)| *l != tag) {
                    flush_list(&mut html, &mut list);
                }
                list.get_or_insert((tag, vec![])).1.push(inline(item));
            } else {
                flush_list(&mut html, &mut list);
                para.push(inline(t));
            }
        }
        flush_para(&mut html, &mut para);
        flush_list(&mut html, &mut list);
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
