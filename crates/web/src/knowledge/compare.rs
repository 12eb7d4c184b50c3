//! How an area compares and trends, as CSS classes and message keys.

use hyte_domain::stats::{Comparison, Trend};

pub fn cmp_class(c: Comparison) -> &'static str {
    match c {
        Comparison::Better => "better",
        Comparison::Worse => "worse",
        Comparison::Similar => "similar",
        Comparison::Higher | Comparison::Lower => "different",
        Comparison::NotCompared => "not-compared",
    }
}

pub fn cmp_key(c: Comparison) -> String {
    let s = serde_json::to_value(c).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    format!("cmp-{s}")
}

pub fn trend_key(t: Trend) -> String {
    let s = serde_json::to_value(t).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    format!("trend-{s}")
}
