//! The regional well-being report of a wellbeing services county (or region): from the reports its
//! member municipalities have sent to it (exactly those: the version each sent last, with the plan
//! frozen in that version), the priorities they share (counted), their goals side by side, the
//! spread between the municipalities on the goals' indicators, the region's own plan, and the
//! summary of the year's HYTE negotiations with the municipalities. Visible to the members of the
//! region and of its municipalities.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fmt_num;
use crate::knowledge::visible::member_municipalities;
use crate::respond::render;
use crate::{knowledge, App};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use chrono::Datelike;
use hyte_domain::reports::{Report, ReportKind, ReportState};
use hyte_domain::support::negotiation::latest_sent;
use hyte_domain::{Area, ErrorCode, Organisation};
use std::collections::BTreeMap;

pub struct MunicipalityRow {
    pub name: String,
    pub report: Option<(String, String)>,
    pub goals: Vec<String>,
}

pub struct SharedPriority {
    pub title: String,
    pub count: usize,
    pub municipalities: String,
}

pub struct SpreadRow {
    pub indicator: String,
    pub href: String,
    pub year: String,
    pub range: String,
    pub municipalities: usize,
}

#[derive(Template)]
#[template(path = "reports/regional.html")]
struct RegionalPage {
    c: Ctx,
    org: Organisation,
    area: Area,
    rows: Vec<MunicipalityRow>,
    shared: Vec<SharedPriority>,
    spreads: Vec<SpreadRow>,
    /// The county's own indicator set that chose the spread's indicators: (link, name).
    set: Option<(String, String)>,
    own: Option<(String, String)>,
    own_priorities: Vec<String>,
    /// The year's HYTE negotiations with the municipalities.
    year: i32,
    lines: Vec<crate::support_views::SummaryLine>,
    /// The municipalities' HYTE coefficients side by side.
    coefficient: Option<hyte_report::Table>,
}

/// The organisation's latest approved or published term report.
async fn latest_term(app: &App, org_id: i64) -> Result<Option<Report>, AppError> {
    Ok(app
        .store
        .list_reports(org_id)
        .await?
        .into_iter()
        .find(|r| r.kind == ReportKind::Term && matches!(r.state, ReportState::Approved | ReportState::Published)))
}

/// Whether the viewer belongs to the county or to one of its municipalities.
fn may_see(c: &Ctx, region: &Organisation, municipalities: &[Organisation]) -> bool {
    c.membership(region.id).is_some() || municipalities.iter().any(|m| c.membership(m.id).is_some())
}

pub async fn page(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    c.require_user()?;
    let not_found = || AppError::new(ErrorCode::NotFound);
    let org = app.store.get_organisation(id).await?.ok_or_else(not_found)?;
    if !org.kind.is_county() {
        return Err(not_found());
    }
    let area = app.store.get_area_by_id(org.area_id.ok_or_else(not_found)?).await?.ok_or_else(not_found)?;
    let mut municipalities: Vec<(Area, Organisation)> = vec![];
    for a in &member_municipalities(&app, area.id).await? {
        for o in app.store.organisations_for_area(a.id).await? {
            if o.kind.is_municipal() {
                municipalities.push((a.clone(), o));
            }
        }
    }
    let orgs: Vec<Organisation> = municipalities.iter().map(|(_, o)| o.clone()).collect();
    if !may_see(&c, &org, &orgs) {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    let mut rows = vec![];
    let mut shared: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    let mut indicator_ids: Vec<i64> = vec![];
    // Exactly the reports sent to the county: the version each municipality sent last.
    let sent = app.store.sent_reports(org.id).await?;
    let latest = latest_sent(&sent);
    for (_, o) in &municipalities {
        let name = c.name(&o.names).to_string();
        let Some(s) = latest.get(&o.id) else {
            rows.push(MunicipalityRow { name, report: None, goals: vec![] });
            continue;
        };
        let Some(report) = app.store.get_report(s.report_id).await? else { continue };
        let version = app.store.report_versions(report.id).await?.into_iter().find(|v| v.number == s.content_version);
        let plan = match version {
            Some(v) => v.content.plan,
            None => app.store.plan(report.id).await?,
        };
        for p in &plan.priorities {
            let e = shared.entry(p.title.trim().to_lowercase()).or_insert_with(|| (p.title.clone(), vec![]));
            if !e.1.contains(&name) {
                e.1.push(name.clone());
            }
        }
        indicator_ids.extend(plan.goals.iter().flat_map(|g| g.targets.iter().map(|t| t.indicator_id)));
        let href = match report.published_version {
            Some(n) if n == s.content_version => format!("/reports/{}", report.id),
            _ if c.membership(o.id).is_some() => {
                format!("/orgs/{}/reports/{}/versions/{}", o.id, report.id, s.content_version)
            }
            _ => String::new(),
        };
        rows.push(MunicipalityRow {
            name,
            report: Some((s.report_title.clone(), href)),
            goals: plan.goals.iter().map(|g| g.title.clone()).collect(),
        });
    }
    let mut shared: Vec<SharedPriority> = shared
        .into_values()
        .map(|(title, names)| SharedPriority { title, count: names.len(), municipalities: names.join(", ") })
        .collect();
    shared.sort_by(|a, b| b.count.cmp(&a.count).then(a.title.cmp(&b.title)));
    indicator_ids.sort_unstable();
    indicator_ids.dedup();
    // The county's own indicator set, when it has one, chooses the indicators of the spread.
    let set = app.store.own_set(org.id).await?;
    if let Some((_, ids)) = &set {
        indicator_ids = ids.clone();
    }
    let set = set.map(|(s, _)| (format!("/indicator-sets/{}", s.id), c.name(&s.input.names).to_string()));
    let mut spreads = vec![];
    let mut indicators = app.store.get_indicators(&indicator_ids).await?;
    indicators.sort_by_key(|i| indicator_ids.iter().position(|x| *x == i.id));
    let orgs = crate::knowledge::visible::visible_orgs(&c);
    for ind in indicators.into_iter().filter(|i| i.org_id.is_none_or(|o| orgs.contains(&o))) {
        let across = knowledge::across(&*app.store, c.audience(), &ind, area.clone(), None).await?;
        let fmt = |v: f64| fmt_num(c.lang, v, ind.decimals);
        spreads.push(SpreadRow {
            indicator: ind.title(c.lang).to_string(),
            href: format!("/indicators/{}/across?parent={}/{}", ind.id, area.kind.as_str(), area.code),
            year: across.year.map(|y| y.to_string()).unwrap_or_default(),
            range: across.spread.map(|s| format!("{}–{}", fmt(s.min), fmt(s.max))).unwrap_or_default(),
            municipalities: across.rows.iter().filter(|r| r.value.is_some()).count(),
        });
    }
    let own_report = latest_term(&app, org.id).await?;
    let own_priorities = match &own_report {
        Some(r) => app.store.plan(r.id).await?.priorities.into_iter().map(|p| p.title).collect(),
        None => vec![],
    };
    let own = own_report.map(|r| (r.title.clone(), format!("/orgs/{}/reports/{}", org.id, r.id)));
    let year = crate::format::today().year();
    let link_org = c.membership(org.id).is_some().then_some(org.id);
    let lines = crate::support_views::summary_lines(&app, &c, &org, year, link_org).await?;
    let coefficient = super::coefficient_section::regional(&app, &c, &org).await?;
    render(&RegionalPage { c, org, area, rows, shared, spreads, set, own, own_priorities, year, lines, coefficient })
}

/// The regional report an organisation's members can open: its own (a county or Helsinki), or its
/// county's (a municipality).
pub async fn link_for(app: &App, org: &Organisation) -> Result<Option<String>, AppError> {
    match org.kind {
        k if k.is_county() => Ok(Some(format!("/regional/{}", org.id))),
        k if k.is_municipal() => {
            let Some(area) = org.area_id else { return Ok(None) };
            let year = app.store.area_years(area).await?.first().copied().unwrap_or(0);
            for parent in app.store.area_parents(area, year).await? {
                if parent.kind.as_str() != "wellbeing_county" {
                    continue;
                }
                if let Some(r) =
                    app.store.organisations_for_area(parent.id).await?.into_iter().find(|o| o.kind.is_county())
                {
                    return Ok(Some(format!("/regional/{}", r.id)));
                }
            }
            Ok(None)
        }
        _ => Ok(None),
    }
}
