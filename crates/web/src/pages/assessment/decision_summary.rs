//! A proposal's assessment summary in Finnish and Swedish (to paste into the decision proposal),
//! its PDF/DOCX export, and the yearly share of assessed decisions per deciding body.

use super::decisions::load;
use super::group_name;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::format::fi_date;
use crate::format::signed;
use crate::respond::render;
use crate::year_assessments::year_assessments;
use crate::year_assessments::YearAssessment;
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hyte_domain::assessment::{
    digest, Alternative, Assessment, AssessmentStatus, DecidingBody, Decision, DecisionStatus, Impact, Participant,
    Rating,
};
use hyte_domain::reports::markup;
use hyte_domain::{ErrorCode, Lang, Organisation, Permission};
use serde::Deserialize;

/// Everything an assessment's summary and export need.
pub struct Assessed {
    pub a: Assessment,
    pub ratings: Vec<Rating>,
    pub participants: Vec<Participant>,
}

pub async fn assessed(app: &App, d: &Decision) -> Result<(Vec<Alternative>, Vec<Assessed>), AppError> {
    let alternatives = app.store.decision_alternatives(d.id).await?;
    let mut out = vec![];
    for a in app.store.decision_assessments(d.id).await? {
        let ratings = app.store.assessment_ratings(a.id).await?;
        let participants = app.store.assessment_participants(a.id).await?;
        out.push(Assessed { a, ratings, participants });
    }
    Ok((alternatives, out))
}

/// "Lapsen etu (YK:n …)" → "lapsen etu (YK:n …)": for a name inside a sentence.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
}

fn impacts(app: &App, lang: Lang, a: &Assessment, list: &[Impact]) -> String {
    list.iter()
        .map(|i| {
            let when = app.i18n.t(lang, if i.long_term { "summary-long-term" } else { "summary-short-term" });
            let unsure =
                if i.uncertain { format!(", {}", app.i18n.t(lang, "summary-uncertain")) } else { String::new() };
            format!(
                "{} – {} ({}, {when}{unsure})",
                group_name(&a.def, i.group, lang),
                lower_first(a.def.areas.get(i.area).map(|n| n.get(lang)).unwrap_or_default()),
                signed(i.rating)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The summary in `lang`, as paragraphs of plain text.
pub fn summary_text(
    app: &App,
    lang: Lang,
    d: &Decision,
    alternatives: &[Alternative],
    all: &[Assessed],
) -> Vec<String> {
    let t = |k: &str| app.i18n.t(lang, k);
    let f = |k: &str, args: &[(&str, String)]| app.i18n.format(lang, k, args);
    let mut out = vec![];
    let names: Vec<&str> = all.iter().map(|x| x.a.def.names.get(lang)).collect();
    if names.is_empty() {
        out.push(f("summary-none", &[("title", d.input.title.clone())]));
        return out;
    }
    out.push(f("summary-intro", &[("title", d.input.title.clone()), ("templates", names.join(", "))]));
    let alt_names: Vec<String> = alternatives
        .iter()
        .map(|a| {
            let zero = t("summary-zero");
            if a.is_zero && !a.name.to_lowercase().contains(&zero) {
                format!("{} ({zero})", a.name)
            } else {
                a.name.clone()
            }
        })
        .collect();
    out.push(f("summary-alternatives", &[("list", alt_names.join(", "))]));
    for x in all {
        let mut p = vec![format!("{}:", x.a.def.names.get(lang))];
        let groups: Vec<&str> = x.a.groups.iter().map(|g| group_name(&x.a.def, *g, lang)).collect();
        p.push(f("summary-groups", &[("list", groups.join(", "))]));
        for (dg, alt) in digest(&x.a, alternatives, &x.ratings).iter().zip(alternatives) {
            let mut parts = vec![];
            if !dg.positive.is_empty() {
                parts.push(f("summary-positive", &[("list", impacts(app, lang, &x.a, &dg.positive))]));
            }
            if !dg.negative.is_empty() {
                parts.push(f("summary-negative", &[("list", impacts(app, lang, &x.a, &dg.negative))]));
            }
            if parts.is_empty() {
                parts.push(t("summary-no-impacts"));
            }
            p.push(format!("{}: {}.", alt.name, parts.join("; ").trim_end_matches('.')));
        }
        if !x.participants.is_empty() {
            let heard: Vec<String> = x
                .participants
                .iter()
                .map(|h| {
                    let kind = t(&h.input.kind.translation_key()).to_lowercase();
                    format!(
                        "{} ({kind}, {}, {})",
                        h.input.who,
                        h.input.method.to_lowercase(),
                        fi_date(h.input.heard_on)
                    )
                })
                .collect();
            p.push(f("summary-heard", &[("list", heard.join("; "))]));
        }
        if let Some(c) = &x.a.conclusion {
            p.push(f("summary-conclusion", &[("text", c.clone())]));
        }
        out.push(p.join(" "));
    }
    if let Some(o) = &d.outcome {
        if let Some(on) = o.follow_up_on {
            out.push(f("summary-follow-up", &[("date", fi_date(on))]));
        }
    }
    out
}

#[derive(Template)]
#[template(path = "assessment/decision_summary.html")]
struct SummaryPage {
    c: Ctx,
    org: Organisation,
    d: Decision,
    /// (language code, language name, text)
    texts: Vec<(&'static str, String, String)>,
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, did)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let d = load(&app, id, did).await?;
    let (alternatives, all) = assessed(&app, &d).await?;
    let texts = [Lang::Fi, Lang::Sv]
        .into_iter()
        .map(|l| {
            (
                l.code(),
                c.t(&format!("report-lang-{}", l.code())),
                summary_text(&app, l, &d, &alternatives, &all).join("\n\n"),
            )
        })
        .collect();
    render(&SummaryPage { c, org, d, texts })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ExportQuery {
    format: String,
    lang: String,
}

/// The summary and every assessment's ratings, hearings and evidence, as PDF or DOCX.
pub async fn export(
    State(app): State<App>,
    c: Ctx,
    Path((id, did)): Path<(i64, i64)>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    if !matches!(q.format.as_str(), "docx" | "pdf") {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let lang = Lang::parse(&q.lang).unwrap_or(c.lang);
    let d = load(&app, id, did).await?;
    let (alternatives, all) = assessed(&app, &d).await?;
    let t = |k: &str| app.i18n.t(lang, k);
    let mut sections = vec![hyte_report::Section {
        title: t("summary-title"),
        blocks: markup::parse(&summary_text(&app, lang, &d, &alternatives, &all).join("\n\n")),
        tables: vec![],
        charts: vec![],
    }];
    for x in &all {
        let mut headers = vec![t("col-impact-area"), t("col-population-group")];
        headers.extend(alternatives.iter().map(|a| a.name.clone()));
        headers.push(t("col-justification"));
        let mut rows = vec![];
        for (ai, area) in x.a.def.areas.iter().enumerate() {
            for &g in &x.a.groups {
                let cells: Vec<Option<&Rating>> = alternatives
                    .iter()
                    .map(|alt| x.ratings.iter().find(|r| r.alternative_id == alt.id && r.area == ai && r.group == g))
                    .collect();
                if cells.iter().all(|r| r.is_none()) {
                    continue;
                }
                let mut row = vec![area.get(lang).to_string(), group_name(&x.a.def, g, lang).to_string()];
                let dash = || "–".to_string();
                row.extend(cells.iter().map(|r| match r {
                    Some(r) => format!(
                        "{} / {}{}",
                        r.short_term.map(signed).unwrap_or_else(dash),
                        r.long_term.map(signed).unwrap_or_else(dash),
                        if r.uncertain { " (?)" } else { "" }
                    ),
                    None => String::new(),
                }));
                let notes: Vec<String> = cells
                    .iter()
                    .zip(&alternatives)
                    .filter_map(|(r, alt)| {
                        r.and_then(|r| r.justification.as_ref()).map(|j| format!("{}: {j}", alt.name))
                    })
                    .collect();
                row.push(notes.join("\n"));
                rows.push(row);
            }
        }
        let mut tables = vec![hyte_report::Table { caption: t("export-ratings-caption"), headers, rows }];
        if !x.participants.is_empty() {
            tables.push(hyte_report::Table {
                caption: t("heard-title"),
                headers: [
                    "field-participant-kind",
                    "field-participant-who",
                    "field-participant-date",
                    "field-participant-method",
                    "field-participant-views",
                ]
                .map(t)
                .to_vec(),
                rows: x
                    .participants
                    .iter()
                    .map(|p| {
                        vec![
                            t(&p.input.kind.translation_key()),
                            p.input.who.clone(),
                            fi_date(p.input.heard_on),
                            p.input.method.clone(),
                            p.input.views.clone().unwrap_or_default(),
                        ]
                    })
                    .collect(),
            });
        }
        let blocks = markup::parse(&format!(
            "{}: {}",
            t("export-rating-scale"),
            x.a.def.scale.values().map(signed).collect::<Vec<_>>().join(", ")
        ));
        sections.push(hyte_report::Section {
            title: x.a.def.names.get(lang).to_string(),
            blocks,
            tables,
            charts: vec![],
        });
    }
    let facts = vec![
        format!("{}: {}", t("field-decision-body"), t(&d.input.body.translation_key())),
        format!("{}: {}", t("field-decision-planned"), fi_date(d.input.planned_on)),
        format!("{}: {}", t("col-status"), t(&d.status.translation_key())),
    ];
    let doc = hyte_report::Document {
        lang: lang.code().into(),
        title: d.input.title.clone(),
        subtitle: format!("{} – {}", t("assessment-export-title"), org.names.get(lang)),
        facts,
        contents: t("report-contents"),
        sections,
        attribution: t("source-sotkanet"),
    };
    crate::download::document(doc, &format!("hyte-assessment-{did}-{}", lang.code()), &q.format).await
}

// ---- the yearly figures -----------------------------------------------------------------------

pub struct BodyShare {
    pub body: String,
    pub decided: usize,
    pub assessed: usize,
    pub share: String,
}

fn is_assessed(all: &[Assessment], d: &Decision) -> bool {
    all.iter().any(|a| a.decision_id == d.id && a.status == AssessmentStatus::Complete)
}

/// The decisions made in `year` and which of them were assessed, per body (and in total).
pub fn shares(c: &Ctx, decisions: &[Decision], all: &[Assessment], year: i32) -> Vec<BodyShare> {
    let decided: Vec<&Decision> = decisions
        .iter()
        .filter(|d| matches!(d.status, DecisionStatus::Decided | DecisionStatus::FollowedUp) && d.year() == year)
        .collect();
    let share = |n: usize, of: usize| {
        if of == 0 {
            "–".to_string()
        } else {
            format!("{} %", crate::format::fmt_num(c.lang, 100.0 * n as f64 / of as f64, 0))
        }
    };
    let mut out: Vec<BodyShare> = DecidingBody::ALL
        .iter()
        .filter_map(|b| {
            let mine: Vec<&&Decision> = decided.iter().filter(|d| d.input.body == *b).collect();
            if mine.is_empty() {
                return None;
            }
            let n = mine.iter().filter(|d| is_assessed(all, d)).count();
            Some(BodyShare { body: c.code(*b), decided: mine.len(), assessed: n, share: share(n, mine.len()) })
        })
        .collect();
    let n = decided.iter().filter(|d| is_assessed(all, d)).count();
    out.push(BodyShare {
        body: c.t("stats-total"),
        decided: decided.len(),
        assessed: n,
        share: share(n, decided.len()),
    });
    out
}

#[derive(Template)]
#[template(path = "assessment/decision_stats.html")]
struct StatsPage {
    c: Ctx,
    org: Organisation,
    year: i32,
    years: Vec<i32>,
    shares: Vec<BodyShare>,
    list: Vec<YearAssessment>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct YearQuery {
    year: Option<i32>,
}

pub async fn stats(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<YearQuery>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let decisions = app.store.list_decisions(id).await?;
    let all = app.store.org_assessments(id).await?;
    let mut years: Vec<i32> = decisions.iter().map(|d| d.year()).collect();
    let this_year = crate::format::today().format("%Y").to_string().parse().unwrap_or(2026);
    years.push(this_year);
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let year = q.year.filter(|y| (2000..=2100).contains(y)).unwrap_or(this_year);
    let shares = shares(&c, &decisions, &all, year);
    let list = year_assessments(&app, c.lang, id, year).await?;
    render(&StatsPage { c, org, year, years, shares, list })
}
