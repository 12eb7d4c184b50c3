//! Report exports: the shown version as DOCX (editable in Word and LibreOffice) or as a tagged
//! PDF (typst), in the report's language.

use super::view::{content_lang, SectionView};
use crate::ctx::Ctx;
use hyte_domain::reports::markup;
use hyte_report::{Chart, Document, Section, Table};

/// The document of a report's sections as shown (indicator and plan tables included).
pub fn document(
    c: &Ctx,
    report: &hyte_domain::reports::Report,
    title: &str,
    subtitle: &str,
    facts: Vec<String>,
    views: &[SectionView],
) -> Document {
    let lang = content_lang(c, report);
    let t = |key: &str| c.i18n.t(lang, key);
    let mut sections = vec![];
    for v in views {
        let mut tables = vec![];
        if !v.indicators.is_empty() {
            tables.push(Table {
                caption: v.title.clone(),
                headers: [
                    "col-indicator",
                    "col-year",
                    "col-value",
                    "col-county",
                    "col-country",
                    "col-vs-county",
                    "col-trend",
                    "col-by-sex",
                ]
                .map(t)
                .to_vec(),
                rows: v
                    .indicators
                    .iter()
                    .map(|i| {
                        vec![
                            format!("{}\n{}", i.title, i.sentence),
                            i.year.clone(),
                            i.value.clone(),
                            i.county.clone(),
                            i.country.clone(),
                            i.cmp.0.clone(),
                            i.trend.clone(),
                            i.sex.clone(),
                        ]
                    })
                    .collect(),
            });
        }
        if let Some(plan) = &v.plan {
            for p in &plan.priorities {
                for g in &p.goals {
                    tables.push(Table {
                        caption: format!("{}: {} – {}", t("plan-priority"), p.title, g.title),
                        headers: ["col-indicator", "col-baseline", "col-target", "col-latest", "col-progress"]
                            .map(t)
                            .to_vec(),
                        rows: g
                            .targets
                            .iter()
                            .map(|x| {
                                vec![
                                    x.indicator.clone(),
                                    x.baseline.clone(),
                                    x.target.clone(),
                                    x.latest.clone(),
                                    x.progress.clone(),
                                ]
                            })
                            .collect(),
                    });
                }
            }
            if !plan.measures.is_empty() {
                tables.push(Table {
                    caption: t("plan-measures"),
                    headers: [
                        "field-measure-title",
                        "field-measure-sector",
                        "field-measure-person",
                        "col-schedule",
                        "col-resources",
                        "field-measure-status",
                        "field-measure-goals",
                    ]
                    .map(t)
                    .to_vec(),
                    rows: plan
                        .measures
                        .iter()
                        .map(|m| {
                            vec![
                                m.title.clone(),
                                m.sector.clone(),
                                m.person.clone(),
                                m.schedule.clone(),
                                m.resources.clone(),
                                if m.comment.is_empty() {
                                    m.status.clone()
                                } else {
                                    format!("{}: {}", m.status, m.comment)
                                },
                                m.goals.clone(),
                            ]
                        })
                        .collect(),
                });
            }
        }
        tables.extend(v.tables.iter().cloned());
        let charts = v
            .indicators
            .iter()
            .filter_map(|i| i.chart.as_ref())
            .map(|ch| Chart { title: ch.title.clone(), alt: ch.desc.clone(), svg: crate::charts::standalone(&ch.svg) })
            .collect();
        sections.push(Section { title: v.title.clone(), blocks: markup::parse(&v.body), tables, charts });
    }
    Document {
        lang: lang.code().into(),
        title: title.into(),
        subtitle: subtitle.into(),
        facts,
        contents: t("report-contents"),
        sections,
        attribution: t("source-sotkanet"),
    }
}
