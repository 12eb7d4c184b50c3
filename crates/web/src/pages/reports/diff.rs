//! The difference between two versions of a report: an approved version against a later one or
//! against the current text.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hyte_domain::reports::diff::{self, Line, SectionDiff};
use hyte_domain::reports::{Plan, Report, Section};
use hyte_domain::{ErrorCode, Organisation, Permission};

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct DiffQuery {
    /// An approved version's number (default: the latest).
    from: String,
    /// A later version's number, or empty for the current text.
    to: String,
}

#[derive(Template)]
#[template(path = "reports/report_diff.html")]
struct DiffPage {
    c: Ctx,
    org: Organisation,
    report: Report,
    /// (value, label, selected) of the version choices.
    from_options: Vec<(String, String, bool)>,
    to_options: Vec<(String, String, bool)>,
    changed: Vec<SectionDiff>,
    plan: Vec<Line>,
    unchanged: usize,
}

pub async fn page(
    State(app): State<App>,
    c: Ctx,
    Path((id, rid)): Path<(i64, i64)>,
    Query(q): Query<DiffQuery>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let not_found = || AppError::new(ErrorCode::NotFound);
    let report = super::report::load(&app, id, rid).await?;
    let versions = app.store.report_versions(rid).await?;
    let latest = versions.last().ok_or_else(not_found)?.number;
    let from_n: i32 = q.from.parse().unwrap_or(latest);
    let from = versions.iter().find(|v| v.number == from_n).ok_or_else(not_found)?;
    let (to_sections, to_plan): (Vec<Section>, Plan) = match q.to.parse::<i32>() {
        Ok(n) => {
            let v = versions.iter().find(|v| v.number == n).ok_or_else(not_found)?;
            (v.content.sections.clone(), v.content.plan.clone())
        }
        Err(_) => (app.store.report_sections(rid).await?, app.store.plan(rid).await?),
    };
    let all = diff::sections(&from.content.sections, &to_sections);
    let unchanged = all.iter().filter(|d| !d.changed()).count();
    let changed = all.into_iter().filter(SectionDiff::changed).collect();
    let plan = diff::lines(&diff::plan_text(&from.content.plan), &diff::plan_text(&to_plan));
    let plan = if plan.iter().all(|l| matches!(l, Line::Same(_))) { vec![] } else { plan };
    let label = |n: i32| c.t1("report-version", "number", n);
    let from_options = versions.iter().map(|v| (v.number.to_string(), label(v.number), v.number == from_n)).collect();
    let mut to_options = vec![(String::new(), c.t("diff-current"), q.to.parse::<i32>().is_err())];
    to_options.extend(versions.iter().map(|v| (v.number.to_string(), label(v.number), q.to == v.number.to_string())));
    render(&DiffPage { c, org, report, from_options, to_options, changed, plan, unchanged })
}
