//! What changed in the population's data: for an annual report, each indicator of its term
//! report (indicator sections and goals), the latest value against the one before it.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fmt_num;
use crate::App;
use hyte_domain::knowledge::stats::Polarity;
use hyte_domain::reports::{Plan, Section};
use hyte_domain::{Lang, Organisation, Sex};
use hyte_store::ObservationQuery;
use std::collections::BTreeMap;

pub struct ChangeLine {
    pub indicator: String,
    pub href: String,
    pub before: String,
    pub now: String,
    pub change: String,
    /// better / worse / similar / different (no direction), as CSS classes and text.
    pub class: &'static str,
    pub verdict: String,
}

/// Indicators of `sections` and `plan`, with their two latest values for the organisation's area.
pub async fn changes(
    app: &App,
    c: &Ctx,
    org: &Organisation,
    sections: &[Section],
    plan: &Plan,
    lang: Lang,
) -> Result<Vec<ChangeLine>, AppError> {
    let Some(area) = org.area_id else { return Ok(vec![]) };
    let mut ids: Vec<i64> = sections.iter().flat_map(|s| s.indicator_ids.iter().copied()).collect();
    ids.extend(plan.goals.iter().flat_map(|g| g.targets.iter().map(|t| t.indicator_id)));
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let q = ObservationQuery {
        indicator_ids: ids.clone(),
        area_ids: vec![area],
        sex: Some(Sex::Total),
        ..Default::default()
    };
    let mut series: BTreeMap<i64, BTreeMap<i32, f64>> = BTreeMap::new();
    for o in crate::knowledge::seen::observations(&*app.store, c.audience(), &q).await? {
        if let (Some(v), true) = (o.value, o.age_band.is_empty()) {
            series.entry(o.indicator_id).or_default().insert(o.year, v);
        }
    }
    let mut out = vec![];
    for ind in app.store.get_indicators(&ids).await? {
        let Some(points) = series.get(&ind.id) else { continue };
        let mut last = points.iter().rev();
        let (Some((&y1, &v1)), Some((&y0, &v0))) = (last.next(), last.next()) else { continue };
        let fmt = |v: f64| fmt_num(lang, v, ind.decimals);
        let diff = v1 - v0;
        let (class, key) = match (diff.partial_cmp(&0.0), ind.polarity) {
            (Some(std::cmp::Ordering::Equal), _) | (None, _) => ("similar", "change-same"),
            (Some(o), Polarity::HigherIsBetter) if o.is_gt() => ("better", "change-better"),
            (Some(o), Polarity::LowerIsBetter) if o.is_lt() => ("better", "change-better"),
            (Some(_), Polarity::NoDirection) => ("different", "change-no-direction"),
            _ => ("worse", "change-worse"),
        };
        out.push(ChangeLine {
            indicator: ind.title(lang).to_string(),
            href: format!("/indicators/{}", ind.id),
            before: format!("{} ({y0})", fmt(v0)),
            now: format!("{} ({y1})", fmt(v1)),
            change: if diff > 0.0 { format!("+{}", fmt(diff)) } else { fmt(diff) },
            class,
            verdict: c.t(key),
        });
    }
    Ok(out)
}
