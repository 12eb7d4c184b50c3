//! "Suggest": the indicators of the organisation's area that are significantly worse than the
//! county or the whole country, or worsening, as candidates for the plan's priorities.

use super::view::content_lang;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fmt_num;
use crate::knowledge::compare::cmp_class;
use crate::knowledge::lines::sentence;
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use hyte_domain::knowledge::stats::{Comparison, Trend};
use hyte_domain::reports::Report;
use hyte_domain::{Organisation, Permission};

/// At most this many indicators are examined.
pub const MAX_EXAMINED: usize = 300;

pub struct Candidate {
    pub title: String,
    pub href: String,
    pub year: String,
    pub value: String,
    pub vs_county: (String, &'static str),
    pub vs_country: (String, &'static str),
    pub trend: String,
    pub sentence: String,
}

#[derive(Template)]
#[template(path = "reports/suggest.html")]
struct SuggestPage {
    c: Ctx,
    org: Organisation,
    report: Report,
    candidates: Vec<Candidate>,
    examined: usize,
    can_shape: bool,
    has_area: bool,
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, rid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let report = super::report::load(&app, id, rid).await?;
    let lang = content_lang(&c, &report);
    let area = match org.area_id {
        Some(a) => app.store.get_area_by_id(a).await?,
        None => None,
    };
    let mut candidates = vec![];
    let mut examined = 0;
    if let Some(area) = &area {
        let mut ids = app.store.indicators_for_area(area.id).await?;
        // National indicators only: own data has no benchmark.
        let national: std::collections::HashSet<i64> =
            app.store.get_indicators(&ids).await?.into_iter().filter(|i| i.org_id.is_none()).map(|i| i.id).collect();
        ids.retain(|i| national.contains(i));
        ids.truncate(MAX_EXAMINED);
        examined = ids.len();
        let profile = app.profiles.profile(&*app.store, c.audience(), area.clone(), &ids).await?;
        for r in &profile.rows {
            let worse = r.vs_county == Comparison::Worse || r.vs_country == Comparison::Worse;
            if !(worse || r.trend == Trend::Worsening) {
                continue;
            }
            let fmt = |v: f64| fmt_num(c.lang, v, r.indicator.decimals);
            candidates.push(Candidate {
                title: r.indicator.title(lang).to_string(),
                href: format!("/indicators/{}/series/{}/{}", r.indicator.id, area.kind.as_str(), area.code),
                year: r.year.map(|y| y.to_string()).unwrap_or_default(),
                value: r.value.map(fmt).unwrap_or_else(|| c.t("value-missing")),
                vs_county: (c.code(r.vs_county), cmp_class(r.vs_county)),
                vs_country: (c.code(r.vs_country), cmp_class(r.vs_country)),
                trend: c.code(r.trend),
                sentence: sentence(&app, lang, r),
            });
        }
    }
    render(&SuggestPage {
        can_shape: c.can(id, Permission::Coordinate) && report.state.editable(),
        has_area: area.is_some(),
        candidates,
        examined,
        report,
        org,
        c,
    })
}
