//! How a plan is shown: priorities → goals with their indicators' progress → measures.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fmt_num;
use crate::App;
use hyte_domain::reports::{GoalProgress, Measure, Plan};
use hyte_domain::{Lang, Organisation, Sector, Sex};
use hyte_store::ObservationQuery;
use std::collections::HashMap;

pub struct TargetView {
    pub indicator: String,
    pub href: String,
    pub baseline: String,
    pub target: String,
    pub latest: String,
    pub progress: String,
    pub class: &'static str,
}

pub struct GoalView {
    pub id: i64,
    pub title: String,
    pub targets: Vec<TargetView>,
    /// What reaching it is worth in the HYTE coefficient: (scenario page, text), for members only.
    pub worth: Vec<(String, String)>,
}

pub struct MeasureView {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub sector: String,
    pub person: String,
    pub schedule: String,
    pub resources: String,
    pub status: String,
    pub status_code: &'static str,
    pub comment: String,
    pub goals: String,
    pub version: i64,
    /// The viewer may record this measure's follow-up (its sector, or a coordinator).
    pub can_follow_up: bool,
    /// The good practice it was adopted from: (its page, "Good practice: name").
    pub practice: Option<(String, String)>,
}

pub struct PriorityView {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub goals: Vec<GoalView>,
}

pub struct PlanView {
    pub priorities: Vec<PriorityView>,
    pub measures: Vec<MeasureView>,
}

fn progress_class(p: GoalProgress) -> &'static str {
    match p {
        GoalProgress::OnTrack => "better",
        GoalProgress::OffTrack => "worse",
        GoalProgress::NoData => "not-compared",
    }
}

/// Whether the viewer may record the follow-up of `m` (the domain's sector-editor rule).
pub fn can_follow_up(c: &Ctx, org_id: i64, m: &Measure) -> bool {
    c.membership(org_id).is_some_and(|me| me.may_edit_sector_item(m.input.sector_id))
}

pub async fn build(app: &App, c: &Ctx, org: &Organisation, plan: &Plan, lang: Lang) -> Result<PlanView, AppError> {
    let sectors: HashMap<i64, Sector> = app.store.list_sectors(org.id).await?.into_iter().map(|s| (s.id, s)).collect();
    let ids: Vec<i64> = plan.goals.iter().flat_map(|g| g.targets.iter().map(|t| t.indicator_id)).collect();
    let indicators: HashMap<i64, hyte_domain::Indicator> =
        app.store.get_indicators(&ids).await?.into_iter().map(|i| (i.id, i)).collect();
    // The latest value of each goal indicator for the organisation's area.
    let mut latest: HashMap<i64, (i32, f64)> = HashMap::new();
    if let (Some(area), false) = (org.area_id, ids.is_empty()) {
        let q = ObservationQuery {
            indicator_ids: ids.clone(),
            area_ids: vec![area],
            sex: Some(Sex::Total),
            ..Default::default()
        };
        for o in crate::knowledge::seen::observations(&*app.store, c.audience(), &q).await? {
            if let (Some(v), true) = (o.value, o.age_band.is_empty()) {
                let e = latest.entry(o.indicator_id).or_insert((o.year, v));
                if o.year >= e.0 {
                    *e = (o.year, v);
                }
            }
        }
    }
    let goal_title: HashMap<i64, String> = plan.goals.iter().map(|g| (g.id, g.title.clone())).collect();
    let practices: HashMap<i64, (String, String)> = match plan.measures.first() {
        None => HashMap::new(),
        Some(m) => match app.store.measure_practices(org.id, m.report_id).await {
            Ok(list) => list
                .into_iter()
                .map(|p| {
                    let href = if p.published {
                        format!("/practices/{}", p.practice_id)
                    } else {
                        format!("/orgs/{}/practices/{}", p.owner_id, p.practice_id)
                    };
                    (p.measure_id, (href, c.t1("practice-measure-from", "name", p.name.get(lang))))
                })
                .collect(),
            Err(e) if e.code() == hyte_domain::ErrorCode::NotFound => HashMap::new(),
            Err(e) => return Err(e.into()),
        },
    };
    let mut worth: HashMap<i64, Vec<(String, String)>> = HashMap::new();
    if let (Some(g), true) = (plan.goals.first(), c.can(org.id, hyte_domain::Permission::View)) {
        for sc in app.store.goal_scenarios(org.id, g.report_id).await? {
            let euros = sc.input.outcome.euro_change().map(|v| {
                let e = crate::format::euros(lang, v.round() as i64).replace('-', "−");
                if v > 0.5 {
                    format!("+{e}")
                } else {
                    e
                }
            });
            let text =
                c.t2("coefficient-goal-worth", "euros", euros.unwrap_or_else(|| "–".into()), "name", &sc.input.name);
            let href = format!("/orgs/{}/coefficient/scenarios/{}", org.id, sc.id);
            worth.entry(sc.goal_id.unwrap_or_default()).or_default().push((href, text));
        }
    }
    let priorities = plan
        .priorities
        .iter()
        .map(|p| PriorityView {
            id: p.id,
            title: p.title.clone(),
            description: p.description.clone().unwrap_or_default(),
            goals: plan
                .goals_of(p.id)
                .map(|g| GoalView {
                    id: g.id,
                    title: g.title.clone(),
                    worth: worth.get(&g.id).cloned().unwrap_or_default(),
                    targets: g
                        .targets
                        .iter()
                        .map(|t| {
                            let ind = indicators.get(&t.indicator_id);
                            let d = ind.map(|i| i.decimals).unwrap_or(1);
                            let yv = |(y, v): (i32, f64)| format!("{} ({y})", fmt_num(lang, v, d));
                            let now = latest.get(&t.indicator_id).copied();
                            let progress = t.progress(now);
                            TargetView {
                                indicator: ind
                                    .map(|i| i.title(lang).to_string())
                                    .unwrap_or_else(|| t.indicator_id.to_string()),
                                href: format!("/indicators/{}", t.indicator_id),
                                baseline: yv(t.baseline),
                                target: yv(t.target),
                                latest: now.map(yv).unwrap_or_else(|| c.t("value-missing")),
                                progress: c.code(progress),
                                class: progress_class(progress),
                            }
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let measures = plan
        .measures
        .iter()
        .map(|m| {
            let i = &m.input;
            let mut res = vec![];
            if let Some(e) = i.resources.euros {
                res.push(format!("{} €", crate::format::fmt_int(lang, e)));
            }
            if let Some(py) = i.resources.person_years {
                res.push(c.t1("measure-person-years", "count", fmt_num(lang, py, 1)));
            }
            MeasureView {
                id: m.id,
                title: i.title.clone(),
                description: i.description.clone().unwrap_or_default(),
                sector: i
                    .sector_id
                    .and_then(|s| sectors.get(&s))
                    .map(|s| c.name(&s.names).to_string())
                    .unwrap_or_default(),
                person: i.responsible_person.clone().unwrap_or_default(),
                schedule: match (i.start_year, i.end_year) {
                    (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
                    (Some(a), _) | (None, Some(a)) => a.to_string(),
                    _ => String::new(),
                },
                resources: res.join(", "),
                status: c.code(i.status),
                status_code: i.status.as_str(),
                comment: m.comment.clone().unwrap_or_default(),
                goals: m.goal_ids.iter().filter_map(|g| goal_title.get(g).cloned()).collect::<Vec<_>>().join("; "),
                version: m.version,
                can_follow_up: can_follow_up(c, org.id, m),
                practice: practices.get(&m.id).cloned(),
            }
        })
        .collect();
    Ok(PlanView { priorities, measures })
}
