//! What other rooms show of interface services: a service's tracked indicators with their latest
//! values and progress (its monitoring page and the report's section), and an organisation's
//! agreement reminders (its front page).

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::{fi_date, fmt_num};
use crate::knowledge::seen::{latest, yearly_values};
use crate::App;
use hyte_domain::codes::Code;
use hyte_domain::reports::GoalProgress;
use hyte_domain::{Area, AreaKind, Lang};
use std::collections::HashMap;

/// A tracked indicator with its names and numbers in one language.
pub struct TrackedLine {
    pub id: i64,
    pub indicator: String,
    pub area: String,
    pub baseline: String,
    pub target: String,
    pub latest: String,
    pub progress: String,
    /// `better` on track, `worse` off track, empty without data (the text says it too).
    pub progress_class: &'static str,
}

/// The municipality or the county whose code a tracked indicator names.
async fn area_by_code(app: &App, code: &str) -> Result<Option<Area>, AppError> {
    for kind in [AreaKind::MUNICIPALITY, AreaKind::WELLBEING_COUNTY] {
        if let Some(a) = app.store.get_area(kind, code).await? {
            return Ok(Some(a));
        }
    }
    Ok(None)
}

/// An area's name and the yearly values of the indicators that follow it.
type AreaValues = (String, HashMap<(i64, i32), f64>);

/// The tracked indicators of service `sid` (as organisation `org_id` sees it) in `lang`, each
/// with the latest value of its area that `c`'s reader may see and the progress it makes.
pub async fn tracked_lines(
    app: &App,
    c: &Ctx,
    org_id: i64,
    sid: i64,
    lang: Lang,
) -> Result<Vec<TrackedLine>, AppError> {
    let tracked = app.store.tracked_indicators(org_id, sid).await?;
    let ids: Vec<i64> = tracked.iter().map(|t| t.input.target.indicator_id).collect();
    let titles: HashMap<i64, String> =
        app.store.get_indicators(&ids).await?.into_iter().map(|i| (i.id, i.title(lang).to_string())).collect();
    let mut areas: HashMap<String, AreaValues> = HashMap::new();
    for t in &tracked {
        let code = &t.input.area_code;
        if areas.contains_key(code) {
            continue;
        }
        let area = area_by_code(app, code).await?;
        let of_area: Vec<i64> =
            tracked.iter().filter(|x| &x.input.area_code == code).map(|x| x.input.target.indicator_id).collect();
        let values = yearly_values(app, c, area.as_ref().map(|a| a.id), of_area).await?;
        let name = area.map(|a| a.names.get(lang).to_string()).unwrap_or_else(|| code.clone());
        areas.insert(code.clone(), (name, values));
    }
    let yv = |(y, v): (i32, f64)| format!("{} ({y})", fmt_num(lang, v, 1));
    Ok(tracked
        .iter()
        .map(|t| {
            let (area, now) = match areas.get(&t.input.area_code) {
                Some((area, values)) => (area.clone(), latest(values, t.input.target.indicator_id)),
                None => (t.input.area_code.clone(), None),
            };
            let progress = t.progress(now);
            TrackedLine {
                id: t.id,
                indicator: titles.get(&t.input.target.indicator_id).cloned().unwrap_or_default(),
                area,
                baseline: yv(t.input.target.baseline),
                target: yv(t.input.target.target),
                latest: now.map(yv).unwrap_or_else(|| c.i18n.t(lang, "value-missing")),
                progress: progress.key().map(|k| c.i18n.t(lang, &k)).unwrap_or_default(),
                progress_class: match progress {
                    GoalProgress::OnTrack => "better",
                    GoalProgress::OffTrack => "worse",
                    GoalProgress::NoData => "",
                },
            }
        })
        .collect())
}

/// The organisation's agreements whose review or renewal date comes within the domain's
/// `REMINDER_DAYS` or has passed, soonest first: (what, when, overdue, link). Its front page
/// lists them.
pub async fn reminder_lines(app: &App, c: &Ctx, org_id: i64) -> Result<Vec<(String, String, bool, String)>, AppError> {
    let agreements = app.store.list_agreements(org_id).await?;
    Ok(hyte_domain::interface::reminders(&agreements, crate::format::today())
        .into_iter()
        .map(|r| {
            let what = c.t2("ifc-reminder", "title", &r.title, "kind", c.code(r.kind));
            (what, fi_date(r.date), r.overdue, format!("/orgs/{org_id}/agreements/{}", r.agreement_id))
        })
        .collect())
}

/// A municipality's name in the user's language by its code (the code itself when unknown): the
/// areas an interface service covers are kept as codes.
pub async fn municipality_name(app: &App, c: &Ctx, code: &str) -> Result<String, AppError> {
    let area = app.store.get_area("municipality", code).await?;
    Ok(area.map(|a| c.name(&a.names).to_string()).unwrap_or_else(|| code.to_string()))
}
