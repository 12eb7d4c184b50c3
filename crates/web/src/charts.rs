//! Server-side SVG charts. Each has a title and a description (`role="img"`, `aria-labelledby`),
//! and every page that shows one also shows the same numbers in a table.

use std::fmt::Write;

pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A tiny line of the values over time (decorative: the table beside it has the numbers).
pub fn sparkline(series: &[(i32, f64)]) -> String {
    if series.len() < 2 {
        return String::new();
    }
    let (w, h) = (80.0, 20.0);
    let (min, max) = series.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), (_, v)| (a.min(*v), b.max(*v)));
    let (Some(first), Some(last)) = (series.first(), series.last()) else {
        return String::new();
    };
    let (y0, y1) = (first.0 as f64, last.0 as f64);
    let sx = |y: f64| {
        if y1 > y0 {
            (y - y0) / (y1 - y0) * (w - 4.0) + 2.0
        } else {
            w / 2.0
        }
    };
    let sy = |v: f64| {
        if max > min {
            h - 2.0 - (v - min) / (max - min) * (h - 4.0)
        } else {
            h / 2.0
        }
    };
    let pts: Vec<String> = series.iter().map(|(y, v)| format!("{:.1},{:.1}", sx(*y as f64), sy(*v))).collect();
    format!(
        r#"<svg class="sparkline" width="{w}" height="{h}" viewBox="0 0 {w} {h}" aria-hidden="true" focusable="false"><polyline fill="none" stroke="currentColor" stroke-width="1.5" points="{}"/></svg>"#,
        pts.join(" ")
    )
}

pub struct Bar {
    pub label: String,
    pub value: f64,
    pub ci: Option<(f64, f64)>,
    /// CSS class for the bar (e.g. `better`, `worse`, `similar`).
    pub class: &'static str,
}

pub struct RefLine {
    pub label: String,
    pub value: f64,
    pub class: &'static str,
}

fn nice_max(v: f64) -> f64 {
    if v <= 0.0 {
        return 1.0;
    }
    let mag = 10f64.powf(v.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if v <= m * mag {
            return m * mag;
        }
    }
    10.0 * mag
}

/// Horizontal bars with 95 % intervals and reference lines (e.g. the county and the country).
pub fn bar_chart(
    id: &str,
    title: &str,
    desc: &str,
    bars: &[Bar],
    refs: &[RefLine],
    fmt: &dyn Fn(f64) -> String,
) -> String {
    // Room for the longest label (about 6.5 px a character at 12 px), at least 170 px.
    let longest = bars.iter().map(|b| b.label.chars().count()).max().unwrap_or(0);
    let label_w = (longest as f64 * 6.5 + 12.0).max(170.0).round();
    let plot_w = 420.0;
    let row_h = 22.0;
    let top = 34.0;
    let h = top + row_h * bars.len() as f64 + 30.0;
    let w = label_w + plot_w + 70.0;
    let max = bars
        .iter()
        .map(|b| b.ci.map(|c| c.1).unwrap_or(b.value).max(b.value))
        .chain(refs.iter().map(|r| r.value))
        .fold(0.0, f64::max);
    let max = nice_max(max);
    let x = |v: f64| label_w + (v.max(0.0) / max) * plot_w;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" id="{id}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc" preserveAspectRatio="xMinYMin meet"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        esc(title),
        esc(desc)
    );
    for i in 0..=4 {
        let v = max * i as f64 / 4.0;
        let _ = write!(
            s,
            r#"<line class="grid" x1="{x:.1}" x2="{x:.1}" y1="{top}" y2="{y2:.1}"/><text class="tick" x="{x:.1}" y="{ty:.1}" text-anchor="middle">{}</text>"#,
            esc(&fmt(v)),
            x = x(v),
            y2 = h - 26.0,
            ty = h - 10.0
        );
    }
    for (i, b) in bars.iter().enumerate() {
        let y = top + row_h * i as f64;
        let _ = write!(
            s,
            r#"<text class="label" x="{lx:.1}" y="{ty:.1}" text-anchor="end">{}</text><rect class="bar {}" x="{label_w}" y="{by:.1}" width="{bw:.1}" height="{bh:.1}"/>"#,
            esc(&b.label),
            b.class,
            lx = label_w - 6.0,
            ty = y + row_h * 0.68,
            by = y + 3.0,
            bw = x(b.value) - label_w,
            bh = row_h - 6.0
        );
        if let Some((lo, hi)) = b.ci {
            let cy = y + row_h / 2.0;
            let _ = write!(
                s,
                r#"<path class="ci" d="M{x1:.1},{cy:.1}H{x2:.1}M{x1:.1},{a:.1}V{b:.1}M{x2:.1},{a:.1}V{b:.1}"/>"#,
                x1 = x(lo),
                x2 = x(hi),
                a = cy - 4.0,
                b = cy + 4.0
            );
        }
        let _ = write!(
            s,
            r#"<text class="value" x="{:.1}" y="{:.1}">{}</text>"#,
            x(b.ci.map(|c| c.1).unwrap_or(b.value).max(b.value)) + 4.0,
            y + row_h * 0.68,
            esc(&fmt(b.value))
        );
    }
    for (i, r) in refs.iter().enumerate() {
        let _ = write!(
            s,
            r#"<line class="ref {}" x1="{x:.1}" x2="{x:.1}" y1="{y1}" y2="{y2:.1}"/><text class="ref-label" x="{x:.1}" y="{ty}" text-anchor="middle">{}</text>"#,
            r.class,
            esc(&format!("{} {}", r.label, fmt(r.value))),
            x = x(r.value),
            y1 = top - 4.0,
            y2 = h - 26.0,
            ty = 12.0 + 13.0 * i as f64
        );
    }
    s.push_str("</svg>");
    s
}

/// The charts' styles for documents outside the site (PDF, DOCX), where the stylesheet does not
/// apply: the same colours as `static/hyte.css`, the documents' font.
const EXPORT_STYLE: &str = "text { font-family: 'Libertinus Serif', serif; font-size: 12px; fill: #1f2a3c; } \
     .tick, .ref-label, .legend { font-size: 11px; fill: #5f686d; } .grid { stroke: #e3e6e8; stroke-width: 1; } \
     .bar { fill: #8fb4dc; } .bar.better { fill: #5cc4a8; } .bar.worse { fill: #e58a98; } \
     .bar.similar { fill: #e8d27a; } .bar.bench { fill: #c5ccd3; } \
     .ci { stroke: #1f2a3c; stroke-width: 1.2; fill: none; } \
     .ref { stroke-width: 2; stroke-dasharray: 5 3; } .ref.parent { stroke: #1e508a; } .ref.country { stroke: #1f2a3c; } \
     .line { fill: none; stroke-width: 2.5; } .line.total { stroke: #1e508a; } .dot.total { fill: #1e508a; } \
     .step { fill: #f5f7f8; stroke: #1e508a; stroke-width: 1.5; } .step-no { fill: #1e508a; } \
     .step-no-text { fill: #ffffff; font-weight: bold; font-size: 13px; } \
     .step-head { font-weight: bold; font-size: 13px; } .step-action { font-size: 13px; } \
     .step-client, .step-wait, .flow-label { font-size: 12px; fill: #5f686d; } \
     .flow-consent { font-size: 12px; font-weight: bold; } \
     .flow { stroke: #1f2a3c; stroke-width: 1.5; fill: none; } .flow-head { fill: #1f2a3c; }";

/// A chart of this module as a standalone SVG document, for the report exports: the SVG
/// namespace, a size in pixels (its view box) and the styles inside.
pub fn standalone(svg: &str) -> String {
    let Some(rest) = svg.strip_prefix("<svg ") else {
        return svg.to_string();
    };
    let size = rest
        .split_once("viewBox=\"")
        .and_then(|(_, v)| v.split_once('"'))
        .map(|(v, _)| v.split(' ').skip(2).collect::<Vec<_>>())
        .and_then(|v| match v.as_slice() {
            [w, h] => Some(format!(r#" width="{w}" height="{h}""#)),
            _ => None,
        })
        .unwrap_or_default();
    let Some((attrs, body)) = rest.split_once('>') else {
        return svg.to_string();
    };
    format!(r#"<svg xmlns="http://www.w3.org/2000/svg"{size} {attrs}><style>{EXPORT_STYLE}</style>{body}"#)
}

pub struct Series {
    pub label: String,
    pub class: &'static str,
    pub points: Vec<(i32, f64)>,
}

/// Lines over years, one per group (e.g. total, women, men), with a legend.
pub fn line_chart(id: &str, title: &str, desc: &str, series: &[Series], fmt: &dyn Fn(f64) -> String) -> String {
    let (left, right, top, bottom) = (70.0, 20.0, 30.0, 40.0);
    let (w, h) = (640.0, 300.0);
    let all: Vec<(i32, f64)> = series.iter().flat_map(|s| s.points.iter().copied()).collect();
    if all.is_empty() {
        return String::new();
    }
    let (y0, y1) = all.iter().fold((i32::MAX, i32::MIN), |(a, b), (y, _)| (a.min(*y), b.max(*y)));
    let vmax = nice_max(all.iter().map(|p| p.1).fold(0.0, f64::max));
    let vmin = 0.0;
    let sx = |y: i32| {
        if y1 > y0 {
            left + (y - y0) as f64 / (y1 - y0) as f64 * (w - left - right)
        } else {
            (w + left - right) / 2.0
        }
    };
    let sy = |v: f64| top + (1.0 - (v - vmin) / (vmax - vmin)) * (h - top - bottom);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" id="{id}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        esc(title),
        esc(desc)
    );
    for i in 0..=4 {
        let v = vmin + (vmax - vmin) * i as f64 / 4.0;
        let _ = write!(
            s,
            r#"<line class="grid" x1="{left}" x2="{x2}" y1="{y:.1}" y2="{y:.1}"/><text class="tick" x="{tx}" y="{ty:.1}" text-anchor="end">{}</text>"#,
            esc(&fmt(v)),
            x2 = w - right,
            y = sy(v),
            tx = left - 6.0,
            ty = sy(v) + 4.0
        );
    }
    let step = ((y1 - y0) / 6).max(1);
    let mut y = y0;
    while y <= y1 {
        let _ = write!(
            s,
            r#"<text class="tick" x="{:.1}" y="{}" text-anchor="middle">{y}</text>"#,
            sx(y),
            h - bottom + 18.0
        );
        y += step;
    }
    for (i, se) in series.iter().enumerate() {
        let pts: Vec<String> = se.points.iter().map(|(y, v)| format!("{:.1},{:.1}", sx(*y), sy(*v))).collect();
        if pts.len() > 1 {
            let _ = write!(s, r#"<polyline class="line {}" points="{}"/>"#, se.class, pts.join(" "));
        }
        for (y, v) in &se.points {
            let _ = write!(s, r#"<circle class="dot {}" cx="{:.1}" cy="{:.1}" r="3"/>"#, se.class, sx(*y), sy(*v));
        }
        let lx = left + 150.0 * i as f64;
        let _ = write!(
            s,
            r#"<line class="line {}" x1="{lx}" x2="{}" y1="12" y2="12"/><text class="legend" x="{}" y="16">{}</text>"#,
            se.class,
            lx + 20.0,
            lx + 26.0,
            esc(&se.label)
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_labelled_and_escaped() {
        let bars = [Bar { label: "A & B".into(), value: 10.0, ci: Some((8.0, 12.0)), class: "similar" }];
        let svg = bar_chart(
            "c",
            "Title <x>",
            "Desc",
            &bars,
            &[RefLine { label: "Maa".into(), value: 9.0, class: "country" }],
            &|v| format!("{v:.1}"),
        );
        assert!(svg.contains(r#"role="img""#) && svg.contains("<title id=\"c-title\">Title &lt;x&gt;</title>"));
        assert!(svg.contains("A &amp; B") && svg.contains(r#"class="ci""#) && svg.contains("Maa 9.0"));
        let line = line_chart(
            "l",
            "T",
            "D",
            &[Series { label: "Yht.".into(), class: "total", points: vec![(2019, 1.0), (2020, 2.0)] }],
            &|v| format!("{v}"),
        );
        assert!(line.contains("<polyline") && line.contains("2019"));
        assert_eq!(sparkline(&[(2019, 1.0)]), "");
        let doc = standalone(&svg);
        assert!(
            doc.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="660" height="86" class="chart""#),
            "{doc}"
        );
        assert!(doc.contains("<style>text { font-family: 'Libertinus Serif'") && doc.ends_with("</svg>"));
        assert!(sparkline(&[(2019, 1.0), (2020, 3.0)]).contains("polyline"));
    }
}
