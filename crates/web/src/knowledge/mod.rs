//! The knowledge base's computations for pages and the API: intervals for observations,
//! benchmark values (county, country), comparisons, trends and the area profile. Shared by the
//! rooms that show indicators (knowledge, reports, assessment) and the API.

pub mod compare;
pub mod inequality;
pub mod lines;
pub mod seen;
pub mod visible;

use crate::error::AppError;
use hyte_domain::knowledge::stats::{self, Comparison, Interval, Level, NoInterval, Point, Trend};
use hyte_domain::knowledge::Audience;
use hyte_domain::{Area, ErrorCode, Indicator, Observation, Sex, ValueType};
use hyte_store::{ObservationQuery, Store};
use serde::Serialize;
use std::collections::HashMap;

/// The 95 % interval of an observation, or why there is none.
pub fn interval(ind: &Indicator, o: &Observation, level: Level) -> Result<Interval, NoInterval> {
    let x = o.numerator.ok_or(NoInterval::NoNumerator)?;
    let n = o.denominator.filter(|n| *n > 0.0).ok_or(NoInterval::NoDenominator)?;
    match ind.value_type {
        ValueType::Percent => stats::wilson(x, n, 100.0, level),
        vt => match vt.multiplier() {
            Some(m) => stats::rate(x, n, m, level),
            None => Err(NoInterval::NoDenominator),
        },
    }
}

/// A value with where it came from.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Bench {
    pub value: f64,
    /// Summed from member municipalities (not published for the area).
    pub derived: bool,
}

/// The value of `ind` for `area` in `year`: the published one, or else the aggregate of the
/// municipalities in `members` (Σ numerators / Σ denominators for proportions and rates, Σ
/// values for counts).
pub fn benchmark(ind: &Indicator, own: Option<&Observation>, members: &[&Observation]) -> Option<Bench> {
    if let Some(v) = own.and_then(|o| o.value) {
        return Some(Bench { value: v, derived: false });
    }
    if members.is_empty() {
        return None;
    }
    match ind.value_type {
        ValueType::Count => Some(Bench { value: members.iter().filter_map(|o| o.value).sum(), derived: true }),
        vt => {
            let m = vt.multiplier()?;
            let pairs: Vec<(f64, f64)> = members.iter().filter_map(|o| Some((o.numerator?, o.denominator?))).collect();
            let (x, n) = pairs.iter().fold((0.0, 0.0), |(a, b), (x, n)| (a + x, b + n));
            (n > 0.0).then_some(Bench { value: x / n * m, derived: true })
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SexValues {
    pub male: Option<f64>,
    pub female: Option<f64>,
    /// Too few events: the value is blanked for readers it is hidden from.
    pub male_suppressed: bool,
    pub female_suppressed: bool,
    pub gap: Option<stats::Gap>,
}

/// One indicator of an area profile.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileRow {
    pub indicator: Indicator,
    pub year: Option<i32>,
    pub value: Option<f64>,
    pub ci: Option<Interval>,
    pub no_ci: Option<NoInterval>,
    pub suppressed: bool,
    pub county: Option<Bench>,
    pub country: Option<Bench>,
    pub vs_county: Comparison,
    pub vs_country: Comparison,
    pub vs_county_998: Comparison,
    pub vs_country_998: Comparison,
    pub trend: Trend,
    /// (year, value) of the area, oldest first.
    pub series: Vec<(i32, f64)>,
    pub by_sex: Option<SexValues>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    pub area: Area,
    pub county: Option<Area>,
    pub country: Option<Area>,
    pub rows: Vec<ProfileRow>,
}

fn point(ind: &Indicator, o: &Observation) -> Option<Point> {
    let value = o.value?;
    // Counts vary as Poisson counts: SE = √count.
    let se = match ind.value_type {
        ValueType::Count if value > 0.0 => Some(value.sqrt()),
        _ => interval(ind, o, Level::P95).ok().map(stats::se_from_interval),
    };
    Some(Point {
        year: o.year,
        value,
        events: o.numerator.filter(|_| ind.value_type == ValueType::Percent),
        denominator: o.denominator,
        se,
    })
}

/// The area profile: for each indicator, the latest value with its interval, the county and
/// country values with significance, the trend and the split by sex. Three kinds of query, each
/// narrow: totals of the area, its county and the country (all years); women and men of the
/// area in the latest years; and, only where a benchmark is not published, the member
/// municipalities' totals in that year. Every number is as `audience` may see it
/// ([`seen::observations`]): a value hidden from it is in no row, series, split or benchmark.
pub async fn profile(
    store: &dyn Store,
    audience: Audience,
    area: Area,
    indicator_ids: &[i64],
) -> Result<Profile, AppError> {
    let years = store.area_years(area.id).await?;
    let class_year = years.first().copied().unwrap_or(0);
    let parents = store.area_parents(area.id, class_year).await?;
    let county = parents.iter().find(|a| a.kind.as_str() == "wellbeing_county").cloned();
    let country = store.get_area("country", "FI").await?.filter(|c| c.id != area.id);
    let mut indicators = store.get_indicators(indicator_ids).await?;
    indicators.sort_by_key(|i| indicator_ids.iter().position(|id| *id == i.id));
    let mut area_ids = vec![area.id];
    area_ids.extend(county.iter().map(|c| c.id));
    area_ids.extend(country.iter().map(|c| c.id));
    let totals = seen::observations(
        store,
        audience,
        &ObservationQuery {
            indicator_ids: indicator_ids.to_vec(),
            area_ids,
            sex: Some(Sex::Total),
            ..Default::default()
        },
    )
    .await?;
    // (indicator, area) → totals, oldest first.
    let mut series: HashMap<(i64, i64), Vec<&Observation>> = HashMap::new();
    for o in totals.iter().filter(|o| o.age_band.is_empty()) {
        series.entry((o.indicator_id, o.area_id)).or_default().push(o);
    }
    let at = |ind: i64, area_id: i64, year: i32| {
        series.get(&(ind, area_id)).and_then(|v| v.iter().copied().find(|o| o.year == year))
    };
    let latest: HashMap<i64, &Observation> = indicators
        .iter()
        .filter_map(|i| {
            Some((
                i.id,
                series
                    .get(&(i.id, area.id))?
                    .iter()
                    .copied()
                    .filter(|o| o.value.is_some() || o.suppressed)
                    .max_by_key(|o| o.year)?,
            ))
        })
        .collect();

    // Women and men, in the latest years only.
    let (lo, hi) = latest.values().fold((i32::MAX, i32::MIN), |(a, b), o| (a.min(o.year), b.max(o.year)));
    let sexes = if latest.is_empty() {
        vec![]
    } else {
        seen::observations(
            store,
            audience,
            &ObservationQuery {
                indicator_ids: indicator_ids.to_vec(),
                area_ids: vec![area.id],
                years: Some((lo, hi)),
                sex: None,
            },
        )
        .await?
    };
    let sex_at = |ind: i64, year: i32, sex: Sex| {
        sexes.iter().find(|o| o.indicator_id == ind && o.year == year && o.sex == sex && o.age_band.is_empty())
    };

    // Member totals where a benchmark is not published, one query per (scope, year).
    let unpublished = |scope: &Option<Area>| -> Vec<(i64, i32)> {
        let Some(a) = scope else { return vec![] };
        latest
            .iter()
            .filter(|(ind, o)| at(**ind, a.id, o.year).and_then(|b| b.value).is_none())
            .map(|(ind, o)| (*ind, o.year))
            .collect()
    };
    let (need_county, need_country) = (unpublished(&county), unpublished(&country));
    let mut county_members: Vec<i64> = vec![];
    if let (Some(c), false) = (&county, need_county.is_empty()) {
        county_members = store.area_members(c.id, class_year).await?.iter().map(|a| a.id).collect();
    }
    let all_municipalities: Vec<i64> = if need_country.is_empty() {
        vec![]
    } else {
        store.list_areas(Some("municipality")).await?.iter().map(|a| a.id).collect()
    };
    let mut member_totals: HashMap<(bool, i64), Vec<Observation>> = HashMap::new();
    for (is_country, needs, members) in
        [(false, &need_county, &county_members), (true, &need_country, &all_municipalities)]
    {
        let mut by_year: HashMap<i32, Vec<i64>> = HashMap::new();
        for (ind, y) in needs.iter() {
            by_year.entry(*y).or_default().push(*ind);
        }
        for (y, inds) in by_year {
            let q = ObservationQuery {
                indicator_ids: inds,
                area_ids: members.clone(),
                years: Some((y, y)),
                sex: Some(Sex::Total),
            };
            for o in seen::observations(store, audience, &q).await?.into_iter().filter(|o| o.age_band.is_empty()) {
                member_totals.entry((is_country, o.indicator_id)).or_default().push(o);
            }
        }
    }

    let mut rows = vec![];
    for ind in indicators {
        let latest_o = latest.get(&ind.id).copied();
        let year = latest_o.map(|o| o.year);
        let bench = |scope: &Option<Area>, is_country: bool| {
            let a = scope.as_ref()?;
            let y = year?;
            let members: Vec<&Observation> =
                member_totals.get(&(is_country, ind.id)).map(|v| v.iter().collect()).unwrap_or_default();
            benchmark(&ind, at(ind.id, a.id, y), &members)
        };
        let county_b = bench(&county, false);
        let country_b = bench(&country, true);
        let ci95 = latest_o.map(|o| interval(&ind, o, Level::P95));
        let ci998 = latest_o.and_then(|o| interval(&ind, o, Level::P998).ok());
        let ci = ci95.and_then(|r| r.ok());
        let cmp = |ci: Option<Interval>, b: Option<Bench>| stats::compare(ci, b.map(|b| b.value), ind.polarity);
        let own_series: Vec<&Observation> = series.get(&(ind.id, area.id)).cloned().unwrap_or_default();
        let points: Vec<Point> = own_series.iter().filter_map(|o| point(&ind, o)).collect();
        let by_sex = year.and_then(|y| {
            let (m, f) = (sex_at(ind.id, y, Sex::Male), sex_at(ind.id, y, Sex::Female));
            if m.is_none() && f.is_none() {
                return None;
            }
            let gap = match (m.and_then(|o| o.value), f.and_then(|o| o.value)) {
                (Some(mv), Some(fv)) => Some(stats::gap(
                    mv,
                    m.and_then(|o| interval(&ind, o, Level::P95).ok()),
                    fv,
                    f.and_then(|o| interval(&ind, o, Level::P95).ok()),
                    Level::P95,
                )),
                _ => None,
            };
            Some(SexValues {
                male: m.and_then(|o| o.value),
                female: f.and_then(|o| o.value),
                male_suppressed: m.is_some_and(|o| o.suppressed),
                female_suppressed: f.is_some_and(|o| o.suppressed),
                gap,
            })
        });
        rows.push(ProfileRow {
            year,
            value: latest_o.and_then(|o| o.value),
            ci,
            no_ci: ci95.and_then(|r| r.err()),
            suppressed: latest_o.is_some_and(|o| o.suppressed),
            vs_county: cmp(ci, county_b),
            vs_country: cmp(ci, country_b),
            vs_county_998: cmp(ci998, county_b),
            vs_country_998: cmp(ci998, country_b),
            trend: stats::trend(&points, ind.polarity, Level::P95),
            series: own_series.iter().filter_map(|o| Some((o.year, o.value?))).collect(),
            county: county_b,
            country: country_b,
            by_sex,
            indicator: ind,
        });
    }
    Ok(Profile { area, county, country, rows })
}

/// One municipality's value for the "indicator across areas" view.
#[derive(Debug, Clone, Serialize)]
pub struct AcrossRow {
    pub area: Area,
    pub value: Option<f64>,
    pub ci: Option<Interval>,
    pub suppressed: bool,
    pub vs_parent: Comparison,
}

#[derive(Debug, Clone, Serialize)]
pub struct Across {
    pub parent: Area,
    pub year: Option<i32>,
    pub years: Vec<i32>,
    pub parent_value: Option<Bench>,
    pub country_value: Option<Bench>,
    /// Sorted by value, highest first; areas without a value last.
    pub rows: Vec<AcrossRow>,
    pub spread: Option<stats::Spread>,
    /// The slope index of inequality, where it applies.
    pub sii: Option<inequality::AreaSii>,
}

/// An indicator across the member municipalities of `parent` (e.g. a county), in `year`
/// (default: the latest with data), as `audience` may see it ([`seen::observations`]).
pub async fn across(
    store: &dyn Store,
    audience: Audience,
    ind: &Indicator,
    parent: Area,
    year: Option<i32>,
) -> Result<Across, AppError> {
    let class_years = store.area_years(parent.id).await?;
    let class_year = class_years.first().copied().ok_or(AppError::new(ErrorCode::NotFound))?;
    let members: Vec<Area> = store
        .area_members(parent.id, class_year)
        .await?
        .into_iter()
        .filter(|a| a.kind.as_str() == "municipality")
        .collect();
    let country = store.get_area("country", "FI").await?;
    let mut ids: Vec<i64> = members.iter().map(|a| a.id).collect();
    ids.push(parent.id);
    ids.extend(country.iter().map(|c| c.id));
    let obs = seen::observations(
        store,
        audience,
        &ObservationQuery { indicator_ids: vec![ind.id], area_ids: ids, sex: Some(Sex::Total), ..Default::default() },
    )
    .await?;
    let obs: Vec<&Observation> = obs.iter().filter(|o| o.age_band.is_empty()).collect();
    let mut years: Vec<i32> = obs.iter().filter(|o| o.value.is_some()).map(|o| o.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let year = year.filter(|y| years.contains(y)).or(years.first().copied());
    let in_year: Vec<&Observation> = obs.iter().copied().filter(|o| Some(o.year) == year).collect();
    let member_obs: Vec<&Observation> =
        in_year.iter().copied().filter(|o| members.iter().any(|m| m.id == o.area_id)).collect();
    let parent_value = benchmark(ind, in_year.iter().copied().find(|o| o.area_id == parent.id), &member_obs);
    let country_value =
        country.as_ref().and_then(|c| benchmark(ind, in_year.iter().copied().find(|o| o.area_id == c.id), &[]));
    let by_area: HashMap<i64, &Observation> = member_obs.iter().map(|o| (o.area_id, *o)).collect();
    let mut rows: Vec<AcrossRow> = members
        .into_iter()
        .map(|area| {
            let o = by_area.get(&area.id);
            let ci = o.and_then(|o| interval(ind, o, Level::P95).ok());
            AcrossRow {
                value: o.and_then(|o| o.value),
                suppressed: o.is_some_and(|o| o.suppressed),
                vs_parent: stats::compare(ci, parent_value.map(|b| b.value), ind.polarity),
                ci,
                area,
            }
        })
        .collect();
    rows.sort_by(|a, b| match (a.value, b.value) {
        (Some(x), Some(y)) => y.partial_cmp(&x).unwrap_or(std::cmp::Ordering::Equal),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.area.names.fi.cmp(&b.area.names.fi),
    });
    let values: Vec<f64> = rows.iter().filter_map(|r| r.value).collect();
    let by_area: Vec<(i64, f64)> = rows.iter().filter_map(|r| Some((r.area.id, r.value?))).collect();
    let sii = match year {
        Some(y) => inequality::slope_index(store, audience, ind, &by_area, y).await?,
        None => None,
    };
    Ok(Across { parent, year, years, parent_value, country_value, spread: stats::spread(&values), sii, rows })
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyte_domain::knowledge::stats::Polarity;
    use hyte_domain::{IndicatorTexts, Names};

    fn ind(vt: ValueType) -> Indicator {
        Indicator {
            id: 1,
            source: "sotkanet".into(),
            source_id: "1".into(),
            org_id: None,
            title: Names::new("x", None, None),
            texts: IndicatorTexts::default(),
            value_type: vt,
            decimals: 1,
            polarity: Polarity::LowerIsBetter,
            producer: None,
            attribution: String::new(),
            themes: vec![],
            data_updated: None,
            version: 1,
        }
    }

    fn obs(value: Option<f64>, x: Option<f64>, n: Option<f64>) -> Observation {
        Observation {
            indicator_id: 1,
            area_id: 1,
            year: 2020,
            sex: Sex::Total,
            age_band: String::new(),
            value,
            numerator: x,
            denominator: n,
            suppressed: false,
        }
    }

    #[test]
    fn benchmarks_prefer_published_values_and_aggregate_otherwise() {
        let i = ind(ValueType::Percent);
        let a = obs(Some(10.0), Some(10.0), Some(100.0));
        let b = obs(Some(30.0), Some(90.0), Some(300.0));
        let published = obs(Some(12.0), None, None);
        assert_eq!(benchmark(&i, Some(&published), &[&a, &b]).unwrap().value, 12.0);
        let agg = benchmark(&i, None, &[&a, &b]).unwrap();
        assert!(agg.derived && (agg.value - 25.0).abs() < 1e-9, "100 of 400 = 25 %");
        assert!(benchmark(&ind(ValueType::Index), None, &[&a]).is_none(), "indices do not add up");
        assert_eq!(benchmark(&ind(ValueType::Count), None, &[&a, &b]).unwrap().value, 40.0);
    }

    #[test]
    fn intervals_need_counts() {
        let i = ind(ValueType::Per1000);
        assert_eq!(interval(&i, &obs(Some(5.0), None, Some(1000.0)), Level::P95), Err(NoInterval::NoNumerator));
        assert_eq!(interval(&i, &obs(Some(5.0), Some(5.0), None), Level::P95), Err(NoInterval::NoDenominator));
        assert!(interval(&i, &obs(Some(5.0), Some(5.0), Some(1000.0)), Level::P95).is_ok());
    }
}

/// (area, indicators, audience) of a cached profile.
type ProfileKey = (i64, Vec<i64>, Audience);

/// Computed area profiles, kept until the data changes (the store's data version, which every
/// import bumps, so several app servers stay correct). Bounded: when full, it starts over.
#[derive(Default)]
pub struct ProfileCache {
    inner: std::sync::Mutex<HashMap<ProfileKey, (i64, std::sync::Arc<Profile>)>>,
}

impl ProfileCache {
    pub const CAPACITY: usize = 2_000;

    pub async fn profile(
        &self,
        store: &dyn Store,
        audience: Audience,
        area: Area,
        indicator_ids: &[i64],
    ) -> Result<std::sync::Arc<Profile>, AppError> {
        let version = store.data_version().await?;
        let key = (area.id, indicator_ids.to_vec(), audience);
        if let Some((v, p)) = self.inner.lock().expect("cache lock").get(&key) {
            if *v == version {
                return Ok(p.clone());
            }
        }
        let p = std::sync::Arc::new(profile(store, audience, area, indicator_ids).await?);
        let mut map = self.inner.lock().expect("cache lock");
        if map.len() >= Self::CAPACITY {
            map.clear();
        }
        map.insert(key, (version, p.clone()));
        Ok(p)
    }
}
