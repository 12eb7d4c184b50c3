//! The safe rich-text subset of report sections, parsed into blocks that every renderer (HTML,
//! DOCX, PDF) shows the same way. Blank lines separate paragraphs; `- ` starts a bulleted item,
//! `1. ` a numbered one; `### ` a subheading; `**bold**` and `*italic*` inline. No HTML.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Inline {
    Text(String),
    Bold(String),
    Italic(String),
    LineBreak,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Block {
    Heading(Vec<Inline>),
    Paragraph(Vec<Inline>),
    List { ordered: bool, items: Vec<Vec<Inline>> },
}

/// `**bold**` and `*italic*`; unmatched markers stay as text.
pub fn inline(s: &str) -> Vec<Inline> {
    let mut out = vec![];
    let mut rest = s;
    let mut text = String::new();
    while !rest.is_empty() {
        let marker = if rest.starts_with("**") {
            Some("**")
        } else if rest.starts_with('*') {
            Some("*")
        } else {
            None
        };
        if let Some(m) = marker {
            if let Some(end) = rest[m.len()..].find(m).filter(|e| *e > 0) {
                if !text.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut text)));
                }
                let inner = rest[m.len()..m.len() + end].to_string();
                out.push(if m == "**" { Inline::Bold(inner) } else { Inline::Italic(inner) });
                rest = &rest[m.len() * 2 + end..];
                continue;
            }
        }
        let ch = rest.chars().next().unwrap_or_default();
        text.push(ch);
        rest = &rest[ch.len_utf8()..];
    }
    if !text.is_empty() {
        out.push(Inline::Text(text));
    }
    out
}

fn numbered(line: &str) -> Option<&str> {
    let (n, rest) = line.split_once(". ")?;
    (!n.is_empty() && n.chars().all(|c| c.is_ascii_digit())).then_some(rest)
}

pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = vec![];
    for chunk in text.replace("\r\n", "\n").split("\n\n") {
        let mut para: Vec<Inline> = vec![];
        let mut list: Option<(bool, Vec<Vec<Inline>>)> = None;
        let flush_para = |blocks: &mut Vec<Block>, para: &mut Vec<Inline>| {
            if !para.is_empty() {
                blocks.push(Block::Paragraph(std::mem::take(para)));
            }
        };
        let flush_list = |blocks: &mut Vec<Block>, list: &mut Option<(bool, Vec<Vec<Inline>>)>| {
            if let Some((ordered, items)) = list.take() {
                blocks.push(Block::List { ordered, items });
            }
        };
        for line in chunk.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(h) = line.strip_prefix("### ") {
                flush_para(&mut blocks, &mut para);
                flush_list(&mut blocks, &mut list);
                blocks.push(Block::Heading(inline(h)));
            } else if let Some((ordered, item)) =
                line.strip_prefix("- ").map(|i| (false, i)).or_else(|| numbered(line).map(|i| (true, i)))
            {
                flush_para(&mut blocks, &mut para);
                if list.as_ref().is_some_and(|(o, _)| *o != ordered) {
                    flush_list(&mut blocks, &mut list);
                }
                list.get_or_insert((ordered, vec![])).1.push(inline(item));
            } else {
                flush_list(&mut blocks, &mut list);
                if !para.is_empty() {
                    para.push(Inline::LineBreak);
                }
                para.extend(inline(line));
            }
        }
        flush_para(&mut blocks, &mut para);
        flush_list(&mut blocks, &mut list);
    }
    blocks
}

/// The plain text of inline content.
pub fn plain(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) | Inline::Bold(t) | Inline::Italic(t) => t.as_str(),
            Inline::LineBreak => "\n",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_inlines() {
        let b = parse("Hyvä **vahva** ja *kevyt* a * b\nrivi\n\n### Otsikko\n- yksi\n2. kaksi");
        assert_eq!(
            b,
            vec![
                Block::Paragraph(vec![
                    Inline::Text("Hyvä ".into()),
                    Inline::Bold("vahva".into()),
                    Inline::Text(" ja ".into()),
                    Inline::Italic("kevyt".into()),
                    Inline::Text(" a * b".into()),
                    Inline::LineBreak,
                    Inline::Text("rivi".into()),
                ]),
                Block::Heading(vec![Inline::Text("Otsikko".into())]),
                Block::List { ordered: false, items: vec![vec![Inline::Text("yksi".into())]] },
                Block::List { ordered: true, items: vec![vec![Inline::Text("kaksi".into())]] },
            ]
        );
        assert!(parse("\n\n").is_empty());
    }
}
