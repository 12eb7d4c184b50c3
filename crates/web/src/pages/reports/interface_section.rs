//! The automatic section of a report on the interface services its organisation takes part in
//! (a county's regional report, and a municipality's too): each service with its kind and
//! parties, the tracked indicators with baseline, target, latest value and progress (as on the
//! service's monitoring page), and the key texts of the latest evaluation within the report's
//! years. Built live, in the report's language; shown on the report's pages and in its exports.

use super::services_section::years;
use super::view::SectionView;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::interface_views::tracked_lines;
use crate::App;
use hyte_domain::codes::Code;
use hyte_domain::reports::{Report, SectionKind};
use hyte_domain::{Lang, Organisation};
use hyte_report::Table;
use std::collections::HashMap;

/// The section, when the organisation takes part in interface services; None otherwise.
pub async fn build(
    app: &App,
    c: &Ctx,
    org: &Organisation,
    report: &Report,
    lang: Lang,
) -> Result<Option<SectionView>, AppError> {
    let services = app.store.list_interfaces(org.id).await?;
    if services.is_empty() {
        return Ok(None);
    }
    let t = |key: &str| c.i18n.t(lang, key);
    let code = |key: Option<String>| key.map(|k| c.i18n.t(lang, &k)).unwrap_or_default();
    let names: HashMap<i64, String> =
        app.store.list_organisations().await?.into_iter().map(|o| (o.id, o.names.get(lang).to_string())).collect();
    let (_, to) = years(report);
    let (mut service_rows, mut indicator_rows, mut evaluation_rows) = (vec![], vec![], vec![]);
    for s in &services {
        let name = s.name(lang).to_string();
        let parties: Vec<String> = s
            .parties
            .iter()
            .map(|p| format!("{} ({})", names.get(&p.org_id).cloned().unwrap_or_default(), code(p.role.key())))
            .collect();
        service_rows.push(vec![name.clone(), code(s.input.kind.key()), parties.join(", ")]);
        for l in tracked_lines(app, c, org.id, s.id, lang).await? {
            indicator_rows.push(vec![name.clone(), l.indicator, l.area, l.baseline, l.target, l.latest, l.progress]);
        }
        // Newest first: the latest within the report's years.
        if let Some(e) = app.store.evaluations(org.id, s.id).await?.into_iter().find(|e| e.year <= to) {
            let text = |v: &Option<String>| v.clone().unwrap_or_default();
            let i = &e.input;
            evaluation_rows.push(vec![
                name.clone(),
                e.year.to_string(),
                text(&i.worked),
                text(&i.gaps),
                text(&i.client_feedback),
                text(&i.changes),
            ]);
        }
    }
    let mut tables = vec![Table {
        caption: t("rifc-services"),
        headers: ["rifc-service", "rifc-kind", "rifc-parties"].map(t).to_vec(),
        rows: service_rows,
    }];
    if !indicator_rows.is_empty() {
        tables.push(Table {
            caption: t("rifc-indicators"),
            headers: [
                "rifc-service",
                "field-ifc-tracked-indicator",
                "field-ifc-tracked-area",
                "col-baseline",
                "col-target",
                "col-latest",
                "col-progress",
            ]
            .map(t)
            .to_vec(),
            rows: indicator_rows,
        });
    }
    if !evaluation_rows.is_empty() {
        tables.push(Table {
            caption: t("rifc-evaluations"),
            headers: [
                "rifc-service",
                "rifc-year",
                "field-ifc-eval-worked",
                "field-ifc-eval-gaps",
                "field-ifc-eval-feedback",
                "field-ifc-eval-changes",
            ]
            .map(t)
            .to_vec(),
            rows: evaluation_rows,
        });
    }
    Ok(Some(SectionView::generated(
        "interface-services",
        lang,
        t("rifc-title"),
        t("rifc-lead"),
        SectionKind::Narrative,
        tables,
    )))
}
