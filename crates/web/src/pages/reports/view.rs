//! How a report's sections are shown: narrative text in the report's language, and indicator
//! sections rendered live from the knowledge base with a generated sentence per indicator.

use super::richtext;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::knowledge::lines::indicator_lines;
use crate::knowledge::lines::IndicatorLine;
use crate::App;
use hyte_domain::reports::{FrozenSection, FrozenTable, Report, Section, SectionKind};
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

/// What a report view shows: its sections, its plan and where its generated sections come from.
#[derive(Clone, Copy)]
pub struct Content<'a> {
    pub sections: &'a [Section],
    pub plan: &'a hyte_domain::reports::Plan,
    pub generated: Generated<'a>,
}

impl<'a> Content<'a> {
    /// The working version: the records as they are now.
    pub fn live(sections: &'a [Section], plan: &'a hyte_domain::reports::Plan) -> Content<'a> {
        Content { sections, plan, generated: Generated::Live }
    }

    /// An approved version, as frozen.
    pub fn frozen(snapshot: &'a hyte_domain::reports::Snapshot) -> Content<'a> {
        Content { sections: &snapshot.sections, plan: &snapshot.plan, generated: Generated::of(snapshot) }
    }
}

/// Views of a report's content; `edit` gives each section's edit link when the viewer may edit.
pub async fn sections(
    app: &App,
    c: &Ctx,
    org: &Organisation,
    report: &Report,
    content: Content<'_>,
    edit: Option<&(dyn Fn(&Section) -> String + Sync)>,
) -> Result<Vec<SectionView>, AppError> {
    let Content { sections, plan, generated } = content;
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
    match generated {
        Generated::Live => out.extend(live_generated(app, c, org, report, lang).await?),
        Generated::Frozen(frozen) => {
            let label = c.i18n.t(lang, "report-frozen-figures");
            out.extend(frozen.iter().filter(|f| f.lang == lang).map(|f| {
                let tables = f
                    .tables
                    .iter()
                    .map(|t| hyte_report::Table {
                        caption: t.caption.clone(),
                        headers: t.headers.clone(),
                        rows: t.rows.clone(),
                    })
                    .collect();
                SectionView::generated(
                    &f.key,
                    lang,
                    f.title.clone(),
                    format!("{}\n\n{label}", f.lead),
                    SectionKind::Narrative,
                    tables,
                )
            }));
        }
    }
    Ok(out)
}

/// Where a report's generated sections (the county's services, interface services) come from:
/// the records as they are now, or a version's figures at approval.
#[derive(Clone, Copy)]
pub enum Generated<'a> {
    Live,
    Frozen(&'a [FrozenSection]),
}

impl<'a> Generated<'a> {
    /// A version's: frozen when it kept them, live for one approved before they were kept.
    pub fn of(content: &'a hyte_domain::reports::Snapshot) -> Generated<'a> {
        content.generated.as_deref().map_or(Generated::Live, Generated::Frozen)
    }
}

async fn live_generated(
    app: &App,
    c: &Ctx,
    org: &Organisation,
    report: &Report,
    lang: Lang,
) -> Result<Vec<SectionView>, AppError> {
    let mut out = vec![];
    out.extend(super::services_section::build(app, c, org, report, lang).await?);
    out.extend(super::interface_section::build(app, c, org, report, lang).await?);
    out.extend(super::coefficient_section::build(app, c, org, report, lang).await?);
    Ok(out)
}

/// The generated sections as they stand now, in each of the report's languages: what an
/// approval keeps with the version.
pub async fn freeze(app: &App, c: &Ctx, org: &Organisation, report: &Report) -> Result<Vec<FrozenSection>, AppError> {
    let mut out = vec![];
    for &lang in &report.languages {
        for v in live_generated(app, c, org, report, lang).await? {
            out.push(FrozenSection {
                key: v.anchor.trim_start_matches("section-").to_string(),
                lang,
                title: v.title,
                lead: v.body,
                tables: v
                    .tables
                    .into_iter()
                    .map(|t| FrozenTable { caption: t.caption, headers: t.headers, rows: t.rows })
                    .collect(),
            });
        }
    }
    Ok(out)
}
