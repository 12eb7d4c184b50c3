//! Small-number suppression, applied once. Every observation the web layer shows, charts,
//! aggregates, exports or answers comes through [`observations`]: an observation hidden from the
//! audience (see [`hyte_domain::knowledge::hidden`]) arrives with its value, numerator and
//! denominator blanked (so no interval either), keeping only its `suppressed` flag. Views then
//! need no check of their own: what they get is what the reader may see.

use crate::ctx::Ctx;
use crate::error::AppError;
use hyte_domain::knowledge::Audience;
use hyte_domain::Observation;
use hyte_store::{ObservationQuery, Store};

/// `o` as `audience` may see it: the numbers of a hidden observation are blanked.
pub fn as_seen(mut o: Observation, audience: Audience) -> Observation {
    if o.hidden_from(audience) {
        o.value = None;
        o.numerator = None;
        o.denominator = None;
    }
    o
}

/// The observations of `q` as `audience` may see them (see [`as_seen`]). The web layer's only way
/// to the store's observations.
pub async fn observations(
    store: &dyn Store,
    audience: Audience,
    q: &ObservationQuery,
) -> Result<Vec<Observation>, AppError> {
    Ok(store.observations(q).await?.into_iter().map(|o| as_seen(o, audience)).collect())
}

/// How a value reads: the number; "suppressed" where it was blanked for the reader; or "missing".
pub fn value_text(c: &Ctx, value: Option<f64>, suppressed: bool, fmt: impl Fn(f64) -> String) -> String {
    match value {
        Some(v) => fmt(v),
        None if suppressed => c.t("value-suppressed"),
        None => c.t("value-missing"),
    }
}

/// The yearly values (all ages, both sexes) of `indicators` in `area`, as `audience` may see them:
/// (indicator, year) → value. Goal progress and contract criteria read their numbers here.
pub async fn yearly_values(
    app: &crate::App,
    c: &crate::ctx::Ctx,
    area: Option<i64>,
    indicators: Vec<i64>,
) -> Result<std::collections::HashMap<(i64, i32), f64>, crate::error::AppError> {
    let mut out = std::collections::HashMap::new();
    let Some(area) = area else { return Ok(out) };
    if indicators.is_empty() {
        return Ok(out);
    }
    let q = hyte_store::ObservationQuery {
        indicator_ids: indicators,
        area_ids: vec![area],
        sex: Some(hyte_domain::Sex::Total),
        ..Default::default()
    };
    for o in observations(&*app.store, c.audience(), &q).await? {
        if let (Some(v), true) = (o.value, o.age_band.is_empty()) {
            out.insert((o.indicator_id, o.year), v);
        }
    }
    Ok(out)
}

/// The latest (year, value) of `indicator` among values as [`yearly_values`] gives them.
pub fn latest(values: &std::collections::HashMap<(i64, i32), f64>, indicator: i64) -> Option<(i32, f64)> {
    values.iter().filter(|((i, _), _)| *i == indicator).map(|((_, y), v)| (*y, *v)).max_by_key(|(y, _)| *y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyte_domain::Sex;

    #[test]
    fn hidden_observations_lose_their_numbers_for_the_public_only() {
        let o = Observation {
            indicator_id: 1,
            area_id: 1,
            year: 2017,
            sex: Sex::Male,
            age_band: String::new(),
            value: Some(3.0),
            numerator: Some(3.0),
            denominator: Some(1000.0),
            suppressed: true,
        };
        let public = as_seen(o.clone(), Audience::Public);
        assert_eq!((public.value, public.numerator, public.denominator), (None, None, None));
        assert!(public.suppressed);
        assert_eq!(as_seen(o.clone(), Audience::Member), o);
        let shown = Observation { suppressed: false, ..o };
        assert_eq!(as_seen(shown.clone(), Audience::Public), shown);
    }

    /// The mechanism holds only if nothing else in the web layer reads observations from the store.
    #[test]
    fn every_observation_of_the_web_layer_comes_through_here() {
        fn scan(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("src dir").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    scan(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("knowledge/seen.rs") {
                    let text = std::fs::read_to_string(&path).expect("source file");
                    if text.contains(".observations(") {
                        found.push(path.display().to_string());
                    }
                }
            }
        }
        let mut found = vec![];
        scan(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut found);
        assert!(found.is_empty(), "read observations through knowledge::seen::observations: {found:?}");
    }
}
