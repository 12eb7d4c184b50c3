//! The automatic section of a county's annual and term reports on HYTE in its services: the
//! approved strategy goals and their progress, the contracts' monitoring (criteria met and missed,
//! bonuses and sanctions), client participation ("you said, we did") and the coverage gaps. Built
//! live from the services room's records with the domain's rules, in the report's language; shown
//! on the report's pages and in its exports.

use super::view::SectionView;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::{euros, fmt_num};
use crate::App;
use hyte_domain::codes::Code;
use hyte_domain::reports::{Report, SectionKind};
use hyte_domain::services::{bonuses_and_sanctions, coverage, periods, Outcome, StrategyState};
use hyte_domain::{Lang, Organisation};
use hyte_report::Table;
use std::collections::HashSet;

/// The years a report covers: its year, or its council term.
pub(super) fn years(report: &Report) -> (i32, i32) {
    report.year.map(|y| (y, y)).unwrap_or((report.term.start, report.term.end))
}

/// The section, for a county that keeps its services in Hyte; None otherwise.
pub async fn build(
    app: &App,
    c: &Ctx,
    org: &Organisation,
    report: &Report,
    lang: Lang,
) -> Result<Option<SectionView>, AppError> {
    if !org.kind.is_county() {
        return Ok(None);
    }
    let services = app.store.list_services(org.id).await?;
    let strategies = app.store.list_strategies(org.id).await?;
    let contracts = app.store.list_contracts(org.id).await?;
    if services.is_empty() && strategies.is_empty() && contracts.is_empty() {
        return Ok(None);
    }
    let t = |key: &str| c.i18n.t(lang, key);
    // A code's name in the report's language.
    let code = |key: Option<String>| key.map(|k| c.i18n.t(lang, &k)).unwrap_or_default();
    let (from, to) = years(report);
    let mut tables = vec![];

    // Approved strategy goals, without documents that a newer approved version replaced.
    let replaced: HashSet<i64> =
        strategies.iter().filter(|s| s.state == StrategyState::Approved).filter_map(|s| s.previous_id).collect();
    let mut goal_rows = vec![];
    for s in strategies.iter().filter(|s| s.state == StrategyState::Approved && !replaced.contains(&s.id)) {
        let ids: Vec<i64> = s.goals.iter().filter_map(|g| g.target.map(|t| t.indicator_id)).collect();
        let values = crate::knowledge::seen::yearly_values(app, c, org.area_id, ids).await?;
        let yv = |(y, v): (i32, f64)| format!("{} ({y})", fmt_num(lang, v, 1));
        for g in &s.goals {
            let latest = g.target.and_then(|t| crate::knowledge::seen::latest(&values, t.indicator_id));
            goal_rows.push(vec![
                s.input.title.clone(),
                g.title.clone(),
                g.target.map(|t| yv(t.baseline)).unwrap_or_default(),
                g.target.map(|t| yv(t.target)).unwrap_or_default(),
                latest.map(yv).unwrap_or_default(),
                g.target.map(|t| code(t.progress(latest).key())).unwrap_or_default(),
            ]);
        }
    }
    if !goal_rows.is_empty() {
        tables.push(Table {
            caption: t("rsvc-goals"),
            headers: [
                "field-strategy-title",
                "field-sgoal-title",
                "col-baseline",
                "col-target",
                "col-latest",
                "col-progress",
            ]
            .map(t)
            .to_vec(),
            rows: goal_rows,
        });
    }

    // Contracts: the periods of the report's years that count, as on the contract's page.
    let mut contract_rows = vec![];
    for k in &contracts {
        let Some(v) = app.store.get_contract(org.id, k.id).await? else { continue };
        let indicators = v.criteria.iter().filter_map(|x| x.input.indicator_id).collect();
        let values = crate::knowledge::seen::yearly_values(app, c, org.area_id, indicators).await?;
        let evaluations: Vec<_> = periods(&v.contract, &v.criteria, &v.reports, &values, crate::format::today())
            .into_iter()
            .filter(|x| x.counts() && (from..=to).contains(&x.period.year))
            .filter_map(|x| x.evaluation)
            .collect();
        let count = |o: Outcome| evaluations.iter().filter(|e| e.outcome == o).count();
        let (met, missed) = (count(Outcome::Met), count(Outcome::Missed));
        let (bonus, sanction) = bonuses_and_sanctions(evaluations.iter().map(|e| e.euros));
        contract_rows.push(vec![
            v.contract.input.title.clone(),
            v.provider.input.name.clone(),
            v.criteria.len().to_string(),
            met.to_string(),
            missed.to_string(),
            euros(lang, bonus),
            euros(lang, sanction),
        ]);
    }
    if !contract_rows.is_empty() {
        tables.push(Table {
            caption: t("rsvc-contracts"),
            headers: [
                "field-contract-title",
                "field-contract-provider",
                "criteria-title",
                "rsvc-met",
                "rsvc-missed",
                "whatif-bonus",
                "whatif-sanction",
            ]
            .map(t)
            .to_vec(),
            rows: contract_rows,
        });
    }

    // Client participation in the report's years, "you said, we did" first.
    let mut heard_rows = vec![];
    for s in &services {
        for p in app.store.service_participation(org.id, s.id).await? {
            let year = chrono::Datelike::year(&p.input.date);
            if (from..=to).contains(&year) {
                heard_rows.push(vec![
                    s.input.names.get(lang).to_string(),
                    format!("{} ({})", p.input.who, code(p.input.method.key())),
                    p.input.said.clone().unwrap_or_default(),
                    p.input.did.clone().unwrap_or_default(),
                ]);
            }
        }
    }
    if !heard_rows.is_empty() {
        tables.push(Table {
            caption: t("participation-title"),
            headers: ["rsvc-service", "field-heard-who", "field-heard-said", "field-heard-did"].map(t).to_vec(),
            rows: heard_rows,
        });
    }

    // The groups no service reaches.
    let gaps = coverage(&services).gaps;
    if !services.is_empty() {
        let rows = if gaps.is_empty() {
            vec![vec![t("coverage-no-gaps")]]
        } else {
            gaps.iter().map(|g| vec![code(g.key())]).collect()
        };
        tables.push(Table { caption: t("coverage-gaps"), headers: vec![t("coverage-group")], rows });
    }

    Ok(Some(SectionView::generated(
        "hyte-services",
        lang,
        t("rsvc-title"),
        t("rsvc-lead"),
        SectionKind::Narrative,
        tables,
    )))
}
