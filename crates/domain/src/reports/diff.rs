//! The difference between two versions of a report, line by line (longest common subsequence).

use super::{Plan, Section};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Line {
    Same(String),
    Added(String),
    Removed(String),
}

/// Lines of `a` and `b` in order, each kept, added or removed.
#[allow(clippy::indexing_slicing)] // every index is below a.len() or b.len(), within the (len + 1)² table
pub fn lines(a: &str, b: &str) -> Vec<Line> {
    let a: Vec<&str> = a.lines().collect();
    let b: Vec<&str> = b.lines().collect();
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, vec![]);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push(Line::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(Line::Added(b[j].to_string()));
            j += 1;
        } else {
            out.push(Line::Removed(a[i].to_string()));
            i += 1;
        }
    }
    out
}

/// One section's changes between two versions (by section id; a section only on one side is
/// all added or all removed).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionDiff {
    pub title: String,
    pub title_before: Option<String>,
    pub lines: Vec<Line>,
}

impl SectionDiff {
    pub fn changed(&self) -> bool {
        self.title_before.is_some() || self.lines.iter().any(|l| !matches!(l, Line::Same(_)))
    }
}

fn section_text(s: &Section) -> String {
    let mut t = s.body_fi.clone();
    if !s.body_sv.is_empty() {
        t.push_str("\n\n");
        t.push_str(&s.body_sv);
    }
    if !s.indicator_ids.is_empty() {
        t.push_str(&format!("\n[{}]", s.indicator_ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ")));
    }
    t
}

/// The plan as lines, so that its changes show like text.
pub fn plan_text(p: &Plan) -> String {
    let mut out = vec![];
    for pr in &p.priorities {
        out.push(format!("# {}", pr.title));
        for g in p.goals_of(pr.id) {
            out.push(format!("## {}", g.title));
            for t in &g.targets {
                out.push(format!(
                    "   {}: {} ({}) → {} ({})",
                    t.indicator_id, t.baseline.1, t.baseline.0, t.target.1, t.target.0
                ));
            }
        }
    }
    for m in &p.measures {
        out.push(format!("- {}", m.input.title));
    }
    out.join("\n")
}

/// Section by section, in the order of the newer version.
pub fn sections(before: &[Section], after: &[Section]) -> Vec<SectionDiff> {
    let mut out: Vec<SectionDiff> = after
        .iter()
        .map(|s| {
            let old = before.iter().find(|b| b.id == s.id);
            SectionDiff {
                title: s.title.fi.clone(),
                title_before: old.filter(|o| o.title.fi != s.title.fi).map(|o| o.title.fi.clone()),
                lines: lines(&old.map(section_text).unwrap_or_default(), &section_text(s)),
            }
        })
        .collect();
    for b in before.iter().filter(|b| !after.iter().any(|s| s.id == b.id)) {
        out.push(SectionDiff { title: b.title.fi.clone(), title_before: None, lines: lines(&section_text(b), "") });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_order_and_mark_changes() {
        let d = lines("a\nb\nc\nd", "a\nc\nx\nd");
        assert_eq!(
            d,
            vec![
                Line::Same("a".into()),
                Line::Removed("b".into()),
                Line::Same("c".into()),
                Line::Added("x".into()),
                Line::Same("d".into())
            ]
        );
        assert_eq!(lines("", "uusi"), vec![Line::Added("uusi".into())]);
        assert!(lines("sama", "sama").iter().all(|l| matches!(l, Line::Same(_))));
    }
}
