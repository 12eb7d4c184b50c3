//! What a new negotiation's agenda is prefilled from, gathered from the data as the county's
//! coordinator may see it: the municipality's latest plan (priorities, goals and their progress),
//! its goals' indicators against the county and the country (latest values of the knowledge base),
//! its latest staircase step, the county's contact-pair themes without a contact in it, and its
//! submitted support needs and the support delivered to it in the negotiation's year (the support
//! survey and plan). Key indicators: the county's own indicator set when it has one (else the
//! goals' indicators). The domain builds the items ([`prefilled_agenda`]).

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fmt_num;
use crate::{knowledge, App};
use hyte_domain::cooperation::steps;
use hyte_domain::reports::{Report, ReportKind, ReportState};
use hyte_domain::support::negotiation::{
    contact_gaps, delivery_fact, key_indicators, need_fact, AgendaFacts, GoalFact, IndicatorFact,
};
use hyte_domain::Organisation;
use std::collections::HashMap;

/// The municipality's plan of record: its latest approved or published term report, else its
/// latest term report.
pub async fn latest_plan_report(app: &App, org_id: i64) -> Result<Option<Report>, AppError> {
    let terms: Vec<Report> =
        app.store.list_reports(org_id).await?.into_iter().filter(|r| r.kind == ReportKind::Term).collect();
    let approved = terms.iter().find(|r| matches!(r.state, ReportState::Approved | ReportState::Published));
    Ok(approved.or(terms.first()).cloned())
}

pub async fn facts(
    app: &App,
    c: &Ctx,
    county: &Organisation,
    town: &Organisation,
    year: i32,
) -> Result<AgendaFacts, AppError> {
    let mut f = AgendaFacts::default();
    support(app, c, county, town, year, &mut f).await?;
    if let Some(report) = latest_plan_report(app, town.id).await? {
        let plan = app.store.plan(report.id).await?;
        f.plan = Some(report.title.clone());
        f.priorities = plan.priorities.iter().map(|p| p.title.clone()).collect();
        let set = app.store.own_set(county.id).await?.map(|(_, ids)| ids).unwrap_or_default();
        let ids = key_indicators(set, plan.goals.iter().flat_map(|g| g.targets.iter().map(|t| t.indicator_id)));
        let area = match town.area_id {
            Some(a) => app.store.get_area_by_id(a).await?,
            None => None,
        };
        let mut latest: HashMap<i64, (i32, f64)> = HashMap::new();
        if let (Some(area), false) = (area, ids.is_empty()) {
            let profile = knowledge::profile(&*app.store, c.audience(), area, &ids).await?;
            for row in &profile.rows {
                let d = row.indicator.decimals;
                let year = row.year.map(|y| format!(" ({y})")).unwrap_or_default();
                let v = |x: Option<f64>| x.map(|x| format!("{}{year}", fmt_num(c.lang, x, d)));
                if let (Some(y), Some(v)) = (row.year, row.value) {
                    latest.insert(row.indicator.id, (y, v));
                }
                f.indicators.push(IndicatorFact {
                    indicator: row.indicator.title(c.lang).to_string(),
                    municipality: v(row.value),
                    county: v(row.county.as_ref().map(|b| b.value)),
                    country: v(row.country.as_ref().map(|b| b.value)),
                });
            }
        }
        f.goals = plan
            .goals
            .iter()
            .map(|g| GoalFact {
                goal: g.title.clone(),
                progress: g.targets.iter().map(|t| c.code(t.progress(latest.get(&t.indicator_id).copied()))).collect(),
            })
            .collect();
    }
    if let Some(m) = app.store.maturity(town.id).await?.into_iter().next() {
        let words = usize::try_from(m.step - 1).ok().and_then(|i| steps().get(i).cloned());
        f.staircase = Some((m.year, m.step, words.map(|w| c.name(&w).to_string()).unwrap_or_default()));
    }
    if let Some(area) = town.area_id {
        let pairs = app.store.contact_pairs(county.id).await?;
        f.contact_gaps = contact_gaps(&pairs, area).into_iter().map(|t| c.code(t)).collect();
    }
    Ok(f)
}

/// The municipality's submitted needs (some or more) and the support delivered to it in `year`.
async fn support(
    app: &App,
    c: &Ctx,
    county: &Organisation,
    town: &Organisation,
    year: i32,
    f: &mut AgendaFacts,
) -> Result<(), AppError> {
    let needs = app.store.needs_of(county.id, town.id, year).await?;
    f.support_needs = needs.iter().filter_map(|n| need_fact(n, &c.code(n.area), &c.code(n.level))).collect();
    let plan = app.store.list_plans(county.id).await?.into_iter().find(|p| p.year == year);
    let actions = match plan {
        Some(p) => app.store.get_plan(county.id, p.id).await?.map(|v| v.actions).unwrap_or_default(),
        None => vec![],
    };
    for d in app.store.delivered_to(county.id, town.id, year).await? {
        let action = d.input.action_id.and_then(|id| actions.iter().find(|a| a.id == id));
        let what = action.map(|a| a.input.title.get(c.lang).to_string()).unwrap_or_else(|| c.t("support-no-action"));
        f.support_delivered.push(delivery_fact(&d, &what, &c.t("support-participants"), &c.t("support-feedback")));
    }
    Ok(())
}
