//! The impact assessments of a year: listed on the assessment figures page and in the annual report.

use crate::error::AppError;
use crate::format::fi_date;
use crate::App;
use hyte_domain::assessment::Assessment;
use hyte_domain::reports::markup;
use hyte_domain::Lang;

/// One assessment of the year, as listed in the figures and the annual report.
pub struct YearAssessment {
    pub decision: String,
    pub href: String,
    pub body: String,
    pub date: String,
    pub templates: String,
    pub status: String,
}

/// The assessments of proposals decided (or planned) in `year`, in `lang`.
pub async fn year_assessments(app: &App, lang: Lang, org_id: i64, year: i32) -> Result<Vec<YearAssessment>, AppError> {
    let decisions = app.store.list_decisions(org_id).await?;
    let all = app.store.org_assessments(org_id).await?;
    let t = |k: String| app.i18n.t(lang, &k);
    Ok(decisions
        .iter()
        .filter(|d| d.year() == year)
        .filter_map(|d| {
            let mine: Vec<&Assessment> = all.iter().filter(|a| a.decision_id == d.id).collect();
            if mine.is_empty() {
                return None;
            }
            Some(YearAssessment {
                decision: d.input.title.clone(),
                href: format!("/orgs/{org_id}/decisions/{}", d.id),
                body: t(d.input.body.translation_key()),
                date: fi_date(d.outcome.as_ref().map(|o| o.decided_on).unwrap_or(d.input.planned_on)),
                templates: mine.iter().map(|a| a.def.names.get(lang).to_string()).collect::<Vec<_>>().join(", "),
                status: t(d.status.translation_key()),
            })
        })
        .collect())
}

/// The year's assessments as a section of an annual report's export.
pub async fn year_section(app: &App, lang: Lang, org_id: i64, year: i32) -> Result<hyte_report::Section, AppError> {
    let t = |k: &str| app.i18n.t(lang, k);
    let list = year_assessments(app, lang, org_id, year).await?;
    let title = app.i18n.format(lang, "year-assessments", &[("year", year.to_string())]);
    let lead = if list.is_empty() { t("year-assessments-none") } else { t("year-assessments-lead") };
    Ok(hyte_report::Section {
        title: title.clone(),
        blocks: markup::parse(&lead),
        tables: vec![hyte_report::Table {
            caption: title,
            headers: ["col-decision", "field-decision-body", "col-date", "decision-assessments", "col-status"]
                .map(t)
                .to_vec(),
            rows: list.into_iter().map(|x| vec![x.decision, x.body, x.date, x.templates, x.status]).collect(),
        }],
        charts: vec![],
    })
}
