//! A service chain as a server-side SVG: one numbered box per step (organisation and unit, what
//! happens, who the client is, the wait) and arrows labelled with the hand-off between them. Like
//! the charts it has a title and a description, the page shows the same facts in a table, and
//! `charts::standalone` makes it a document for the PDF.

use crate::charts::esc;
use std::fmt::Write;

/// A step as shown; the caller translates every text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DiagramStep {
    pub number: i64,
    pub org: String,
    pub unit: String,
    pub action: String,
    pub client: String,
    /// How the client moves on to the next step (not drawn after the last step).
    pub handoff: String,
    pub consent: bool,
    /// E.g. "Odotus noin 14 vrk".
    pub wait: Option<String>,
}

/// The diagram's own words, translated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DiagramLabels {
    /// Before the client, e.g. "Asiakas".
    pub client: String,
    /// The consent marker on an arrow, e.g. "Asiakkaan suostumus tarvitaan".
    pub consent: String,
}

const WIDTH: f64 = 640.0;
const MARGIN: f64 = 16.0;
const PAD: f64 = 12.0;
const BADGE_R: f64 = 15.0;
/// Where the text starts inside a box, from its left edge.
const TEXT_LEFT: f64 = 52.0;
const ARROW_GAP_MIN: f64 = 40.0;

/// A line class with its height and an average character width (px) that is generous enough
/// for the site's sans-serif and the documents' serif font.
#[derive(Clone, Copy)]
struct Style {
    class: &'static str,
    height: f64,
    char_w: f64,
}

const HEAD: Style = Style { class: "step-head", height: 18.0, char_w: 7.4 };
const ACTION: Style = Style { class: "step-action", height: 18.0, char_w: 6.8 };
const SMALL: Style = Style { class: "step-client", height: 16.0, char_w: 6.3 };
const WAIT: Style = Style { class: "step-wait", ..SMALL };
const FLOW: Style = Style { class: "flow-label", ..SMALL };
const CONSENT: Style = Style { class: "flow-consent", char_w: 6.8, ..SMALL };

impl Style {
    /// How many characters fit in `width`.
    fn chars(self, width: f64) -> usize {
        (width / self.char_w).floor().max(2.0) as usize
    }
}

/// Lines of text with their styles.
type Lines = Vec<(Style, String)>;

/// Wraps `text` into lines of at most `max` characters: at spaces, else after a hyphen or a
/// slash, and a word still too long is cut with a hyphen.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        for (i, piece) in word.split_inclusive(['-', '/']).enumerate() {
            let gap = usize::from(i == 0 && len > 0);
            let n = piece.chars().count();
            if len + gap + n <= max {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(piece);
                len += gap + n;
                continue;
            }
            if len > 0 {
                lines.push(std::mem::take(&mut line));
            }
            let mut chars: Vec<char> = piece.chars().collect();
            while chars.len() > max {
                let rest = chars.split_off(max - 1);
                lines.push(chars.into_iter().chain(['-']).collect());
                chars = rest;
            }
            len = chars.len();
            line = chars.into_iter().collect();
        }
    }
    if len > 0 {
        lines.push(line);
    }
    lines
}

/// The lines of a box, or of an arrow's label.
fn lines_of(parts: &[(Style, &str)], width: f64) -> Lines {
    parts.iter().flat_map(|(st, text)| wrap(text, st.chars(width)).into_iter().map(|l| (*st, l))).collect()
}

fn height_of(lines: &[(Style, String)]) -> f64 {
    lines.iter().map(|(st, _)| st.height).sum()
}

/// Writes `lines` from `top` down, starting at `x`.
fn write_lines(s: &mut String, lines: &[(Style, String)], x: f64, top: f64) {
    let mut y = top;
    for (st, text) in lines {
        y += st.height;
        let _ = write!(s, r#"<text class="{}" x="{x:.1}" y="{:.1}">{}</text>"#, st.class, y - 5.0, esc(text));
    }
}

/// The chain as an SVG (`id` prefixes its title and description ids); empty without steps.
pub fn chain_svg(id: &str, title: &str, desc: &str, steps: &[DiagramStep], labels: &DiagramLabels) -> String {
    if steps.is_empty() {
        return String::new();
    }
    let box_x = MARGIN;
    let box_w = WIDTH - 2.0 * MARGIN;
    let text_x = box_x + TEXT_LEFT;
    let text_w = box_w - TEXT_LEFT - PAD;
    let arrow_x = box_x + PAD + BADGE_R - 1.0;
    let label_x = arrow_x + 14.0;
    let label_w = WIDTH - MARGIN - label_x;
    let n = steps.len();
    // Each step's box lines, and its arrow's label lines (none after the last step).
    let laid: Vec<(i64, Lines, Option<Lines>)> = steps
        .iter()
        .enumerate()
        .map(|(i, st)| {
            let head = match st.unit.trim() {
                "" => st.org.clone(),
                unit => format!("{} – {unit}", st.org),
            };
            let client = match st.client.trim() {
                "" => String::new(),
                c => format!("{}: {c}", labels.client),
            };
            let wait = st.wait.as_deref().unwrap_or("");
            let lines = lines_of(&[(HEAD, &head), (ACTION, &st.action), (SMALL, &client), (WAIT, wait)], text_w);
            let consent = if st.consent { labels.consent.as_str() } else { "" };
            let arrow = (i + 1 < n).then(|| lines_of(&[(FLOW, &st.handoff), (CONSENT, consent)], label_w));
            (st.number, lines, arrow)
        })
        .collect();
    let box_h = |lines: &[(Style, String)]| (height_of(lines) + 2.0 * PAD).max(2.0 * (PAD + BADGE_R));
    let gap_h = |lines: &[(Style, String)]| (height_of(lines) + 20.0).max(ARROW_GAP_MIN);
    let height = 2.0 * MARGIN + laid.iter().map(|(_, b, a)| box_h(b) + a.as_deref().map_or(0.0, gap_h)).sum::<f64>();
    let id = esc(id);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart chain" id="{id}" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{id}-title {id}-desc" preserveAspectRatio="xMinYMin meet"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        esc(title),
        esc(desc)
    );
    let mut top = MARGIN;
    for (number, lines, arrow) in &laid {
        let h = box_h(lines);
        let (cx, cy) = (box_x + PAD + BADGE_R, top + PAD + BADGE_R);
        let _ = write!(
            s,
            r#"<g class="chain-step"><rect class="step" x="{box_x}" y="{top:.1}" width="{box_w}" height="{h:.1}" rx="4"/><circle class="step-no" cx="{cx:.1}" cy="{cy:.1}" r="{BADGE_R}"/><text class="step-no-text" x="{cx:.1}" y="{:.1}" text-anchor="middle">{number}</text>"#,
            cy + 4.5,
        );
        write_lines(&mut s, lines, text_x, top + PAD);
        s.push_str("</g>");
        top += h;
        if let Some(label) = arrow {
            let end = top + gap_h(label);
            let _ = write!(
                s,
                r#"<path class="flow" d="M{arrow_x:.1},{top:.1}V{:.1}"/><path class="flow-head" d="M{:.1},{:.1}L{:.1},{:.1}L{arrow_x:.1},{:.1}Z"/>"#,
                end - 8.0,
                arrow_x - 5.0,
                end - 9.0,
                arrow_x + 5.0,
                end - 9.0,
                end - 1.0
            );
            write_lines(&mut s, label, label_x, top + 8.0);
            top = end;
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(number: i64, action: &str) -> DiagramStep {
        DiagramStep {
            number,
            org: "Pohjois-Savon hyvinvointialue".into(),
            unit: "Terveysasema".into(),
            action: action.into(),
            client: "Aikuinen, joka liikkuu liian vähän".into(),
            handoff: "Lähete".into(),
            consent: number == 1,
            wait: Some("Odotus noin 14 vrk".into()),
        }
    }

    fn labels() -> DiagramLabels {
        DiagramLabels { client: "Asiakas".into(), consent: "Suostumus tarvitaan".into() }
    }

    /// Every text element's class and content.
    fn texts(svg: &str) -> Vec<(&str, &str)> {
        svg.split("<text class=\"")
            .skip(1)
            .filter_map(|t| {
                let (class, rest) = t.split_once('"')?;
                let (_, rest) = rest.split_once('>')?;
                Some((class, rest.split_once("</text>")?.0))
            })
            .collect()
    }

    #[test]
    fn a_chain_is_labelled_escaped_and_has_a_box_per_step() {
        let steps = [
            step(1, "Liikuntaneuvonnan tarve <script>alert(1)</script> & lähete"),
            step(2, "Ryhmä"),
            step(3, "Seuranta"),
        ];
        let svg = chain_svg("chain-7", "Liikunnan <palveluketju>", "Kolme vaihetta", &steps, &labels());
        assert!(svg.starts_with(r#"<svg class="chart chain" id="chain-7" viewBox="0 0 640 "#), "{svg}");
        assert!(svg.contains(r#"role="img" aria-labelledby="chain-7-title chain-7-desc""#));
        assert!(svg.contains(r#"<title id="chain-7-title">Liikunnan &lt;palveluketju&gt;</title>"#));
        assert!(svg.contains(r#"<desc id="chain-7-desc">Kolme vaihetta</desc>"#));
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;") && svg.contains("&amp; lähete"));
        assert_eq!(svg.matches(r#"<rect class="step""#).count(), 3);
        assert_eq!(svg.matches(r#"class="flow-head""#).count(), 2);
        let t = texts(&svg);
        assert!(t.contains(&("step-head", "Pohjois-Savon hyvinvointialue – Terveysasema")));
        assert!(t.contains(&("step-client", "Asiakas: Aikuinen, joka liikkuu liian vähän")));
        assert!(t.contains(&("step-wait", "Odotus noin 14 vrk")));
        assert_eq!(t.iter().filter(|(c, _)| *c == "flow-consent").count(), 1);
        assert_eq!(t.iter().filter(|(c, _)| *c == "flow-label").count(), 2, "no arrow after the last step");
        let doc = crate::charts::standalone(&svg);
        assert!(doc.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="640" height=""#), "{doc}");
        assert!(doc.contains(".step-no-text") && doc.ends_with("</svg>"));
        assert_eq!(chain_svg("x", "T", "D", &[], &labels()), "");
    }

    #[test]
    fn long_text_wraps_within_the_box() {
        let long = "Työllisyyspalvelujen asiantuntija kartoittaa työnhakijan tilanteen ".repeat(4)
            + "Lasten-ja-nuorten-perhekeskustoiminnan-monialaisen-yhteistyöverkoston-kokous \
               Kuntoutuspsykoterapiapalveluohjausyhteistyöneuvottelukuntatyöskentelysuunnitelmaluonnos";
        let svg = chain_svg("c", "T", "D", &[step(1, &long)], &labels());
        let actions: Vec<&str> = texts(&svg).into_iter().filter(|(c, _)| *c == "step-action").map(|(_, t)| t).collect();
        assert!(actions.len() >= 5, "{actions:?}");
        let room = WIDTH - 2.0 * MARGIN - TEXT_LEFT - PAD;
        for line in &actions {
            assert!(line.chars().count() as f64 * ACTION.char_w <= room, "{line}");
        }
        let joined: String = actions.iter().map(|l| l.trim_end_matches('-')).collect();
        assert!(joined.contains("Kuntoutuspsykoterapia"));
        // The boxes grow with the text: the view box is taller than for a short step.
        let short = chain_svg("c", "T", "D", &[step(1, "Lyhyt")], &labels());
        let h = |s: &str| s.split("viewBox=\"0 0 640 ").nth(1).and_then(|r| r.split('"').next()).map(str::to_string);
        assert!(h(&svg).unwrap().parse::<f64>().unwrap() > h(&short).unwrap().parse::<f64>().unwrap());
    }

    #[test]
    fn words_break_at_spaces_then_hyphens_then_anywhere() {
        assert_eq!(wrap("  yksi kaksi   kolme ", 11), ["yksi kaksi", "kolme"]);
        assert_eq!(wrap("ohjaamo-toiminta alkaa", 10), ["ohjaamo-", "toiminta", "alkaa"]);
        assert_eq!(wrap("abcdefghijkl", 5), ["abcd-", "efgh-", "ijkl"]);
        assert_eq!(wrap("ab abcdefghijkl", 5), ["ab", "abcd-", "efgh-", "ijkl"]);
        assert!(wrap(" ", 5).is_empty());
        assert!(wrap(&"ä".repeat(50), 7).iter().all(|l| l.chars().count() <= 7));
    }
}
