//! How an area compares, as CSS classes (the message keys come from the domain's codes).

use hyte_domain::knowledge::stats::Comparison;

pub fn cmp_class(c: Comparison) -> &'static str {
    match c {
        Comparison::Better => "better",
        Comparison::Worse => "worse",
        Comparison::Similar => "similar",
        Comparison::Higher | Comparison::Lower => "different",
        Comparison::NotCompared => "not-compared",
    }
}
