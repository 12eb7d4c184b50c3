//! An area's indicators as lines of a page or a download: the value against the county and the
//! country, the trend, a chart and a generated sentence. Reports and assessments show them.

use super::compare::cmp_class;
use super::seen::value_text;
use super::ProfileRow;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fmt_num;
use crate::App;
use hyte_domain::knowledge::stats::Trend;
use hyte_domain::{Area, Lang};

pub struct IndicatorLine {
    /// The indicator's id in the knowledge base.
    pub id: i64,
    pub title: String,
    pub href: String,
    pub year: String,
    pub value: String,
    pub county: String,
    pub country: String,
    pub cmp: (String, &'static str),
    pub trend: String,
    /// The trend as a small chart (decorative: the table has the numbers).
    pub spark: String,
    /// Women and men, where the data has them.
    pub sex: String,
    /// The area against the county and the country, as a chart.
    pub chart: Option<IndicatorChart>,
    /// A plain-language summary in the report's language, e.g. "Significantly worse than the
    /// county; improving since 2019."
    pub sentence: String,
    /// The same as numbers and codes, for downloads.
    pub data: IndicatorData,
}

/// An indicator's chart: bars of the area (with its 95 % interval), the county and the country.
pub struct IndicatorChart {
    pub title: String,
    /// What it shows, with the numbers (the chart's description and the exports' alt text).
    pub desc: String,
    pub svg: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct IndicatorData {
    pub section: String,
    pub indicator: String,
    pub source: String,
    pub source_id: String,
    pub year: Option<i32>,
    pub value: Option<f64>,
    pub county: Option<f64>,
    pub country: Option<f64>,
    pub vs_county: String,
    pub trend: String,
}

fn enum_str<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The generated sentence for one indicator of an area.
pub fn sentence(app: &App, lang: Lang, r: &ProfileRow) -> String {
    let n = hyte_domain::knowledge::stats::TREND_POINTS;
    let since =
        r.series.len().checked_sub(n).and_then(|i| r.series.get(i)).map(|p| p.0.to_string()).unwrap_or_default();
    let trend = match r.trend {
        Trend::CannotBeCalculated => "none".to_string(),
        t => enum_str(t),
    };
    app.i18n.format(lang, "report-sentence", &[("county", enum_str(r.vs_county)), ("trend", trend), ("since", since)])
}

/// The chart of one indicator row: the area (with its 95 % interval), the county and the
/// country, in the report's language; none for counts, nor without a county or country value.
fn chart(
    app: &App,
    lang: Lang,
    id: String,
    profile: &crate::knowledge::Profile,
    r: &ProfileRow,
) -> Option<IndicatorChart> {
    use crate::charts::{bar_chart, Bar};
    // Counts (e.g. the population) are not comparable between areas of different sizes.
    if r.indicator.value_type == hyte_domain::ValueType::Count {
        return None;
    }
    let value = r.value?;
    let fmt = |v: f64| fmt_num(lang, v, r.indicator.decimals);
    let name = |a: &Option<hyte_domain::Area>, fallback: &str| {
        a.as_ref().map(|a| a.names.get(lang).to_string()).unwrap_or_else(|| app.i18n.t(lang, fallback))
    };
    let own = profile.area.names.get(lang).to_string();
    let mut bars =
        vec![Bar { label: own.clone(), value, ci: r.ci.map(|i| (i.lower, i.upper)), class: cmp_class(r.vs_county) }];
    let mut parts = vec![match r.ci {
        Some(i) => app.i18n.format(
            lang,
            "report-chart-value-ci",
            &[("area", own.clone()), ("value", fmt(value)), ("lower", fmt(i.lower)), ("upper", fmt(i.upper))],
        ),
        None => format!("{own} {}", fmt(value)),
    }];
    for (bench, label) in
        [(r.county, name(&profile.county, "col-county")), (r.country, name(&profile.country, "country-short"))]
    {
        if let Some(b) = bench {
            parts.push(format!("{label} {}", fmt(b.value)));
            bars.push(Bar { label, value: b.value, ci: None, class: "bench" });
        }
    }
    if bars.len() == 1 {
        return None; // nothing to compare with
    }
    let year = r.year.map(|y| format!(" {y}")).unwrap_or_default();
    let title = format!("{}{year}", r.indicator.title(lang));
    let desc = app.i18n.format(lang, "report-chart-desc", &[("values", parts.join("; "))]);
    let svg = bar_chart(&id, &title, &desc, &bars, &[], &fmt);
    Some(IndicatorChart { title, desc, svg })
}

/// The live lines of `ids` for `area`, in `lang` (`section` names them in downloads); with a
/// chart each when `charts` gives the section id that keeps the charts' ids unique on the page.
pub async fn indicator_lines(
    app: &App,
    c: &Ctx,
    area: &Area,
    ids: &[i64],
    lang: Lang,
    section: &str,
    charts: Option<i64>,
) -> Result<Vec<IndicatorLine>, AppError> {
    let mut indicators = vec![];
    if ids.is_empty() {
        return Ok(indicators);
    }
    let profile = app.profiles.profile(&*app.store, c.audience(), area.clone(), ids).await?;
    {
        for r in &profile.rows {
            let fmt = |v: f64| fmt_num(lang, v, r.indicator.decimals);
            let bench = |b: Option<crate::knowledge::Bench>| b.map(|b| fmt(b.value)).unwrap_or_default();
            indicators.push(IndicatorLine {
                id: r.indicator.id,
                title: r.indicator.title(lang).to_string(),
                href: format!("/indicators/{}/series/{}/{}", r.indicator.id, area.kind.as_str(), area.code),
                year: r.year.map(|y| y.to_string()).unwrap_or_default(),
                value: value_text(c, r.value, r.suppressed, fmt),
                county: bench(r.county),
                country: bench(r.country),
                cmp: (c.code(r.vs_county), cmp_class(r.vs_county)),
                trend: c.code(r.trend),
                spark: crate::charts::sparkline(&r.series),
                sex: r
                    .by_sex
                    .as_ref()
                    .map(|x| {
                        let (female, male) = (
                            value_text(c, x.female, x.female_suppressed, fmt),
                            value_text(c, x.male, x.male_suppressed, fmt),
                        );
                        c.t2("sex-values", "female", female, "male", male)
                    })
                    .unwrap_or_default(),
                chart: match charts {
                    Some(sid) => chart(app, lang, format!("chart-{sid}-{}", r.indicator.id), &profile, r),
                    _ => None,
                },
                sentence: sentence(app, lang, r),
                data: IndicatorData {
                    section: section.to_string(),
                    indicator: r.indicator.title(lang).to_string(),
                    source: r.indicator.source.clone(),
                    source_id: r.indicator.source_id.clone(),
                    year: r.year,
                    value: r.value,
                    county: r.county.map(|b| b.value),
                    country: r.country.map(|b| b.value),
                    vs_county: enum_str(r.vs_county),
                    trend: enum_str(r.trend),
                },
            });
        }
    }
    Ok(indicators)
}
