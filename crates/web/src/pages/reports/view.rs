//! How a report's sections are shown: narrative text in the report's language, and indicator
//! sections rendered live from the knowledge base with a generated sentence per indicator.

use super::richtext;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::knowledge::lines::indicator_lines;
use crate::knowledge::lines::IndicatorLine;
use crate::App;
use hyte_domain::reports::{Report, Section, SectionKind};
use hyte_domain::{Lang, Organisation};

pub struct SectionView {
    pub id: i64,
    /// The content's language code.
    pub lang: &'static str,
    pub anchor: String,
    pub title: String,
    pub kind: SectionKind,
    /// The text as written (the markup), for exports.
    pub body: String,
    pub html: String,
    pub indicators: Vec<IndicatorLine>,
    /// Whether any indicator has a chart.
    pub has_charts: bool,
    pub edit: Option<String>,
    /// The plan, in a plan section.
    pub plan: Option<super::plan_view::PlanView>,
    /// The plan's own page (for members, on the live report).
    pub plan_href: Option<String>,
    /// Review comments (on the live report, for members).
    pub comments: Vec<CommentView>,
    /// Where a new comment is posted, when comments are open.
    pub comment_action: Option<String>,
    /// Tables of a generated section (e.g. HYTE in the county's services).
    pub tables: Vec<hyte_report::Table>,
}

impl SectionView {
    /// A section built from the records of another room, not written: a lead and tables.
    pub fn generated(
        key: &str,
        lang: Lang,
        title: String,
        lead: String,
        kind: SectionKind,
        tables: Vec<hyte_report::Table>,
    ) -> SectionView {
        SectionView {
            id: 0,
            lang: lang.code(),
            anchor: format!("section-{key}"),
            title,
            kind,
            html: richtext::render(&lead, 3),
            body: lead,
            indicators: vec![],
            has_charts: false,
            edit: None,
            plan: None,
            plan_href: None,
            comments: vec![],
            comment_action: None,
            tables,
        }
    }
}

pub struct CommentView {
    pub author: String,
    pub when: String,
    pub body: String,
    pub resolved: bool,
    /// Where resolving it is posted, for editors.
    pub resolve_action: Option<String>,
}

/// The language a report is shown in: the reader's, when the report is written in it.
pub fn content_lang(c: &Ctx, report: &Report) -> Lang {
    if report.languages.contains(&c.lang) {
        c.lang
    } else {
        report.languages.first().copied().unwrap_or(Lang::Fi)
    }
}

/// Views of `sections`; `edit` gives each section's edit link when the viewer may edit.
pub async fn sections(
    app: &App,
    c: &Ctx,
    org: &Organisation,
    report: &Report,
    sections: &[Section],
    plan: &hyte_domain::reports::Plan,
    edit: Option<&(dyn Fn(&Section) -> String + Sync)>,
) -> Result<Vec<SectionView>, AppError> {
    let lang = content_lang(c, report);
    let area = match org.area_id {
        Some(a) => app.store.get_area_by_id(a).await?,
        None => None,
    };
    let mut out = vec![];
    for s in sections {
        let body = if lang == Lang::Sv && !s.body_sv.is_empty() { &s.body_sv } else { &s.body_fi };
        let indicators = match (s.kind, &area) {
            (SectionKind::Indicators, Some(area)) => {
                indicator_lines(app, c, area, &s.indicator_ids, lang, s.title.get(lang), Some(s.id)).await?
            }
            _ => vec![],
        };
        out.push(SectionView {
            id: s.id,
            lang: lang.code(),
            anchor: format!("section-{}", s.position),
            title: s.title.get(lang).to_string(),
            kind: s.kind,
            body: body.clone(),
            html: richtext::render(body, 3),
            has_charts: indicators.iter().any(|i| i.chart.is_some()),
            indicators,
            edit: edit.map(|f| f(s)),
            plan: match s.kind {
                SectionKind::Plan => Some(super::plan_view::build(app, c, org, plan, lang).await?),
                _ => None,
            },
            plan_href: None,
            comments: vec![],
            comment_action: None,
            tables: vec![],
        });
    }
    out.extend(super::services_section::build(app, c, org, report, lang).await?);
    out.extend(super::interface_section::build(app, c, org, report, lang).await?);
    Ok(out)
}
