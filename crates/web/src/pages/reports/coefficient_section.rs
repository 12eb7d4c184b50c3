//! The automatic HYTE-coefficient section of an annual report: the organisation's standing under
//! the first model with its data (total, coverage, ranks, estimated euros, each indicator's score
//! and worth, the weakest indicators), and for a county its municipalities side by side. Built
//! live in the report's language, shown on the report's pages and in its exports, kept with a
//! version at approval.

use super::view::SectionView;
use crate::coefficient_views::{eur, members, points, rank, standing, Computed};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fmt_num;
use crate::App;
use hyte_domain::coefficient::ModelKind;
use hyte_domain::reports::{Report, ReportKind, SectionKind};
use hyte_domain::{Lang, Organisation};
use hyte_report::Table;

/// The organisation's own indicators' table and the lead.
fn own(c: &Ctx, lang: Lang, d: &Computed, unit: usize) -> (String, Table) {
    let t = |key: &str| c.i18n.t(lang, key);
    let r = d.results.units.get(unit).cloned().unwrap_or_default();
    let county = d.inputs.units.get(unit).and_then(|u| u.county.clone());
    let county_of = county.map(|k| d.results.county_ranked(&d.inputs, &k)).unwrap_or(0);
    let weakest: Vec<String> = r
        .weakest(&d.model, 3)
        .into_iter()
        .filter_map(|i| d.model.indicators.get(i))
        .map(|i| i.names.get(lang).to_string())
        .collect();
    let args = [
        ("model", d.model.names.get(lang).to_string()),
        ("status", t(&d.model.status.translation_key())),
        ("year", d.year.to_string()),
        ("total", points(lang, r.total)),
        ("coverage", fmt_num(lang, r.coverage * 100.0, 0)),
        ("rank", rank(r.rank, d.results.ranked)),
        ("county_rank", rank(r.county_rank, county_of)),
        ("euros", eur(lang, r.euros)),
        ("weakest", weakest.join("; ")),
    ];
    let lead = c.i18n.format(lang, "rcoef-lead", &args);
    let total = d.model.total_weight();
    let rows = d
        .model
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            vec![
                ind.names.get(lang).to_string(),
                points(lang, r.scores.get(i).copied().flatten()),
                format!("{} %", fmt_num(lang, ind.weight / total * 100.0, 1)),
                points(lang, r.contributions.get(i).copied().flatten()),
                eur(lang, r.gaps.get(i).copied().flatten()),
            ]
        })
        .collect();
    let headers = [
        "coefficient-col-indicator",
        "coefficient-col-score",
        "coefficient-col-weight",
        "coefficient-col-contribution",
        "coefficient-col-gap",
    ]
    .map(t)
    .to_vec();
    (lead, Table { caption: t("coefficient-indicators"), headers, rows })
}

/// The county's municipalities under a municipal model.
async fn municipalities(app: &App, c: &Ctx, lang: Lang, org: &Organisation) -> Result<Option<Table>, AppError> {
    let t = |key: &str| c.i18n.t(lang, key);
    let Some(area) = org.area_id else { return Ok(None) };
    let Some(area) = app.store.get_area_by_id(area).await? else { return Ok(None) };
    let Some((d, units)) = members(app, &area.code).await? else { return Ok(None) };
    let of = d.results.county_ranked(&d.inputs, &area.code);
    let rows = units
        .iter()
        .filter_map(|u| {
            let (a, r) = (d.areas.get(*u)?, d.results.units.get(*u)?);
            Some(vec![
                a.names.get(lang).to_string(),
                points(lang, r.total),
                rank(r.rank, d.results.ranked),
                rank(r.county_rank, of),
                eur(lang, r.euros),
            ])
        })
        .collect();
    let headers = [
        "coefficient-col-municipality",
        "coefficient-total",
        "coefficient-rank",
        "coefficient-county-rank",
        "coefficient-euros",
    ]
    .map(t)
    .to_vec();
    let caption = format!("{} – {}", t("coefficient-municipalities"), d.model.names.get(lang));
    Ok(Some(Table { caption, headers, rows }))
}

/// The section of an annual report, when a model has the organisation's data.
pub async fn build(
    app: &App,
    c: &Ctx,
    org: &Organisation,
    report: &Report,
    lang: Lang,
) -> Result<Option<SectionView>, AppError> {
    if report.kind != ReportKind::Annual {
        return Ok(None);
    }
    let Some(kind) = ModelKind::of(org.kind) else { return Ok(None) };
    let mut tables = vec![];
    let mut lead = c.i18n.t(lang, "rcoef-none");
    if let Some((d, unit)) = standing(app, kind, org.area_id).await? {
        let (l, table) = own(c, lang, &d, unit);
        lead = l;
        tables.push(table);
    }
    if kind == ModelKind::County {
        tables.extend(municipalities(app, c, lang, org).await?);
    }
    if tables.is_empty() {
        return Ok(None);
    }
    let lead = format!("{lead}\n\n{}", c.i18n.t(lang, "rcoef-note"));
    Ok(Some(SectionView::generated(
        "hyte-coefficient",
        lang,
        c.i18n.t(lang, "coefficient-title"),
        lead,
        SectionKind::Narrative,
        tables,
    )))
}

/// The county's municipalities for the regional report: (caption, headers, rows).
pub async fn regional(app: &App, c: &Ctx, org: &Organisation) -> Result<Option<Table>, AppError> {
    municipalities(app, c, c.lang, org).await
}
