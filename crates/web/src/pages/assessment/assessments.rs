//! One assessment of a proposal: the affected groups, the evidence from the knowledge base for
//! each of them, the alternatives rated side by side, who was heard, and completion.

use super::decisions::{can_edit, load, require_edit};
use super::group_name;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::format::fi_date;
use crate::format::signed;
use crate::knowledge::lines::{indicator_lines, IndicatorLine};
use crate::refusal::{answer, submit, Failure};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::assessment::{
    digest, Alternative, Assessment, AssessmentStatus, Citation, Decision, ParticipantInput, ParticipantKind, Rating,
};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::{Actor, StoreError};
use serde::Deserialize;
use std::collections::HashMap;

/// The assessment `aid` of the decision `did` of the organisation `id`.
pub(super) async fn load_all(app: &App, id: i64, did: i64, aid: i64) -> Result<(Decision, Assessment), AppError> {
    let d = load(app, id, did).await?;
    let a = app.store.get_assessment(aid).await?.filter(|a| a.decision_id == d.id);
    Ok((d, a.ok_or(AppError::new(ErrorCode::NotFound))?))
}

/// The Sotkanet indicators of a template group, as knowledge-base ids (`known`: Sotkanet id → id).
fn group_indicators(known: &HashMap<String, (i64, hyte_domain::ValueType)>, a: &Assessment, group: usize) -> Vec<i64> {
    let Some(g) = a.def.groups.get(group) else { return vec![] };
    g.indicators.iter().filter_map(|s| known.get(s).map(|v| v.0)).collect()
}

pub struct EvidenceGroup {
    pub index: usize,
    pub name: String,
    /// (cited, line)
    pub lines: Vec<(bool, IndicatorLine)>,
}

pub struct Cell {
    pub text: String,
    pub class: &'static str,
}

pub struct MatrixRow {
    pub area: String,
    pub group: String,
    pub cells: Vec<Cell>,
    pub notes: Vec<String>,
}

pub struct DigestView {
    pub name: String,
    pub positive: usize,
    pub negative: usize,
    pub balance: String,
}

pub struct ParticipantView {
    pub id: i64,
    pub kind: String,
    pub who: String,
    pub when: String,
    pub method: String,
    pub views: String,
}

#[derive(Template)]
#[template(path = "assessment/assessment.html")]
struct AssessmentPage {
    c: Ctx,
    org: Organisation,
    d: Decision,
    a: Assessment,
    name: String,
    status: String,
    can_edit: bool,
    /// (index, name, affected)
    groups: Vec<(usize, String, bool)>,
    evidence: Vec<EvidenceGroup>,
    alternatives: Vec<Alternative>,
    matrix: Vec<MatrixRow>,
    digests: Vec<DigestView>,
    participants: Vec<ParticipantView>,
    participant_fields: Vec<Field>,
    conclusion: String,
    scale_text: String,
    can_reopen: bool,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
    base: String,
}

fn cell_class(v: Option<i32>) -> &'static str {
    match v {
        Some(v) if v > 0 => "better",
        Some(v) if v < 0 => "worse",
        _ => "not-compared",
    }
}

async fn page_of(
    app: &App,
    c: Ctx,
    org: Organisation,
    d: Decision,
    a: Assessment,
    pf: (&ParticipantForm, &FieldErrors),
    alert: Option<ErrorCode>,
) -> Result<AssessmentPage, AppError> {
    let alternatives = app.store.decision_alternatives(d.id).await?;
    let ratings = app.store.assessment_ratings(a.id).await?;
    let cited: Vec<i64> = app.store.assessment_citations(a.id).await?.iter().map(|x| x.indicator_id).collect();
    let area = match org.area_id {
        Some(id) => app.store.get_area_by_id(id).await?,
        None => None,
    };
    let known = app.store.indicator_ids("sotkanet", None).await?;
    let mut evidence = vec![];
    for &g in &a.groups {
        let ids = group_indicators(&known, &a, g);
        let name = group_name(&a.def, g, c.lang).to_string();
        let lines = match &area {
            Some(area) => indicator_lines(app, &c, area, &ids, c.lang, &name, None).await?,
            None => vec![],
        };
        let lines = lines.into_iter().map(|l| (cited.contains(&l.id), l)).collect();
        evidence.push(EvidenceGroup { index: g, name, lines });
    }
    let by_cell: HashMap<(i64, usize, usize), &Rating> =
        ratings.iter().map(|r| ((r.alternative_id, r.area, r.group), r)).collect();
    let mut matrix = vec![];
    for (ai, area_names) in a.def.areas.iter().enumerate() {
        for &g in &a.groups {
            let cells: Vec<Cell> = alternatives
                .iter()
                .map(|alt| match by_cell.get(&(alt.id, ai, g)) {
                    Some(r) if r.is_rated() => {
                        let s = r.short_term.map(signed).unwrap_or_else(|| "–".into());
                        let l = r.long_term.map(signed).unwrap_or_else(|| "–".into());
                        let q =
                            if r.uncertain { format!(" ({})", c.t("rating-uncertain-short")) } else { String::new() };
                        Cell { text: format!("{s} / {l}{q}"), class: cell_class(r.long_term.or(r.short_term)) }
                    }
                    _ => Cell { text: String::new(), class: "not-compared" },
                })
                .collect();
            let notes: Vec<String> = alternatives
                .iter()
                .filter_map(|alt| {
                    let r = by_cell.get(&(alt.id, ai, g))?;
                    r.justification.as_ref().map(|j| format!("{}: {j}", alt.name))
                })
                .collect();
            if cells.iter().any(|x| !x.text.is_empty()) || !notes.is_empty() {
                matrix.push(MatrixRow {
                    area: c.name(area_names).to_string(),
                    group: group_name(&a.def, g, c.lang).to_string(),
                    cells,
                    notes,
                });
            }
        }
    }
    let digests = digest(&a, &alternatives, &ratings)
        .iter()
        .zip(&alternatives)
        .map(|(x, alt)| DigestView {
            name: alt.name.clone(),
            positive: x.positive.len(),
            negative: x.negative.len(),
            balance: signed(x.balance),
        })
        .collect();
    let participants = app
        .store
        .assessment_participants(a.id)
        .await?
        .into_iter()
        .map(|p| ParticipantView {
            id: p.id,
            kind: c.code(p.input.kind),
            who: p.input.who,
            when: fi_date(p.input.heard_on),
            method: p.input.method,
            views: p.input.views.unwrap_or_default(),
        })
        .collect();
    let (f, e) = pf;
    let kinds = ParticipantKind::ALL.iter().map(|k| (k.as_str().to_string(), c.code(*k))).collect();
    let participant_fields = vec![
        Field::new(&c, "heard", "kind", "field-participant-kind", &f.kind, e).select(kinds).required(),
        Field::new(&c, "heard", "who", "field-participant-who", &f.who, e)
            .required()
            .hint(c.t("field-participant-who-hint")),
        Field::new(&c, "heard", "heard_on", "field-participant-date", &f.heard_on, e).kind("date").required(),
        Field::new(&c, "heard", "method", "field-participant-method", &f.method, e)
            .required()
            .hint(c.t("field-participant-method-hint")),
        Field::new(&c, "heard", "views", "field-participant-views", &f.views, e).kind("textarea"),
    ];
    Ok(AssessmentPage {
        name: c.name(&a.def.names).to_string(),
        status: c.code(a.status),
        can_edit: can_edit(&c, org.id, &d) && d.status.editable() && a.status == AssessmentStatus::Draft,
        can_reopen: can_edit(&c, org.id, &d) && d.status.editable() && a.status == AssessmentStatus::Complete,
        scale_text: a.def.scale.values().map(signed).collect::<Vec<_>>().join(", "),
        groups: a
            .def
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| (i, c.name(&g.names).to_string(), a.groups.contains(&i)))
            .collect(),
        conclusion: a.conclusion.clone().unwrap_or_default(),
        errors: summary(&participant_fields),
        participant_fields,
        evidence,
        alternatives,
        matrix,
        digests,
        participants,
        alert: alert.map(|x| c.err(x)),
        base: format!("/orgs/{}/decisions/{}/assessments/{}", org.id, d.id, a.id),
        org,
        d,
        a,
        c,
    })
}

pub async fn page(
    State(app): State<App>,
    c: Ctx,
    Path((id, did, aid)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let (d, a) = load_all(&app, id, did, aid).await?;
    let f = ParticipantForm {
        kind: if a.def.child_hearing { "children".into() } else { "expert".into() },
        ..Default::default()
    };
    render(&page_of(&app, c, org, d, a, (&f, &FieldErrors::default()), None).await?)
}

/// Every store rule the assessment page explains (all but a missing or forbidden item).
pub(super) fn explains(code: ErrorCode) -> bool {
    !matches!(code, ErrorCode::NotFound | ErrorCode::Forbidden)
}

/// After a post: back to the assessment (at `anchor`), or its page again with the refusal; a
/// participant whose form did not parse stays in its form.
async fn reply<T>(
    app: &App,
    c: Ctx,
    org: Organisation,
    ids: (i64, i64),
    outcome: Result<T, Failure>,
    anchor: &str,
    typed: Option<ParticipantForm>,
) -> Result<Response, AppError> {
    let done = format!("/orgs/{}/decisions/{}/assessments/{}{anchor}", org.id, ids.0, ids.1);
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            let (d, a) = load_all(app, org.id, ids.0, ids.1).await?;
            let f = typed.filter(|_| r.alert.is_none()).unwrap_or_default();
            page_of(app, c, org, d, a, (&f, &r.errors), r.alert).await
        },
    )
    .await
}

/// Sets the affected groups and the conclusion.
pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, did, aid)): Path<(i64, i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Edit).await?;
    let (d, _) = load_all(&app, id, did, aid).await?;
    let me = require_edit(&c, id, &d)?;
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.trim().to_string()).unwrap_or_default();
    let version: i64 = get("version").parse().unwrap_or(0);
    let groups: Vec<usize> = pairs.iter().filter(|(n, _)| n == "group").filter_map(|(_, v)| v.parse().ok()).collect();
    let conclusion = match hyte_domain::error::optional_text(&get("conclusion"), 4_000) {
        Ok(t) => t,
        Err(code) => return reply::<()>(&app, c, org, (did, aid), Err(StoreError::Rule(code).into()), "", None).await,
    };
    let outcome =
        app.store.update_assessment(aid, version, &groups, conclusion.as_deref(), Actor::user(me.user_id)).await;
    reply(&app, c, org, (did, aid), outcome.map_err(Failure::from), "", None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    to: String,
    version: i64,
}

pub async fn set_status(
    State(app): State<App>,
    c: Ctx,
    Path((id, did, aid)): Path<(i64, i64, i64)>,
    Form(f): Form<StatusForm>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Edit).await?;
    let (d, _) = load_all(&app, id, did, aid).await?;
    let me = require_edit(&c, id, &d)?;
    let to = AssessmentStatus::parse(&f.to).ok_or(AppError::new(ErrorCode::InvalidInput))?;
    let outcome = app.store.set_assessment_status(aid, f.version, to, Actor::user(me.user_id)).await;
    reply(&app, c, org, (did, aid), outcome.map_err(Failure::from), "", None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ParticipantForm {
    kind: String,
    who: String,
    heard_on: String,
    method: String,
    views: String,
}

pub async fn add_participant(
    State(app): State<App>,
    c: Ctx,
    Path((id, did, aid)): Path<(i64, i64, i64)>,
    Form(f): Form<ParticipantForm>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Edit).await?;
    let (d, _) = load_all(&app, id, did, aid).await?;
    let me = require_edit(&c, id, &d)?;
    let outcome = submit(ParticipantInput::parse(&f.kind, &f.who, &f.heard_on, &f.method, &f.views), async |p| {
        app.store.add_participant(aid, &p, Actor::user(me.user_id)).await
    })
    .await;
    reply(&app, c, org, (did, aid), outcome, "#heard", Some(f)).await
}

pub async fn delete_participant(
    State(app): State<App>,
    c: Ctx,
    Path((id, did, aid, pid)): Path<(i64, i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Edit).await?;
    let (d, _) = load_all(&app, id, did, aid).await?;
    let me = require_edit(&c, id, &d)?;
    let outcome = app.store.delete_participant(aid, pid, Actor::user(me.user_id)).await;
    reply(&app, c, org, (did, aid), outcome.map_err(Failure::from), "#heard", None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CiteForm {
    indicator_id: i64,
    group: String,
    remove: String,
}

/// Cites an indicator for a group, recording its current value as the follow-up's baseline.
pub async fn cite(
    State(app): State<App>,
    c: Ctx,
    Path((id, did, aid)): Path<(i64, i64, i64)>,
    Form(f): Form<CiteForm>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Edit).await?;
    let (d, a) = load_all(&app, id, did, aid).await?;
    let me = require_edit(&c, id, &d)?;
    let actor = Actor::user(me.user_id);
    let result = if !f.remove.is_empty() {
        app.store.uncite(aid, f.indicator_id, actor).await
    } else {
        let group = f.group.parse::<usize>().ok().filter(|g| a.groups.contains(g));
        let area = match org.area_id {
            Some(x) => app.store.get_area_by_id(x).await?,
            None => None,
        };
        let area = area.ok_or(AppError::new(ErrorCode::InvalidInput))?;
        let lines = indicator_lines(&app, &c, &area, &[f.indicator_id], c.lang, "", None).await?;
        let line = lines.first().ok_or(AppError::new(ErrorCode::NotFound))?;
        let citation = Citation {
            assessment_id: aid,
            indicator_id: f.indicator_id,
            group,
            baseline_year: line.data.year,
            baseline_value: line.data.value,
        };
        app.store.cite(&citation, actor).await
    };
    reply(&app, c, org, (did, aid), result.map_err(Failure::from), "#evidence", None).await
}

// ---- the follow-up ----------------------------------------------------------------------------

pub struct FollowUpLine {
    pub indicator: String,
    pub href: String,
    pub baseline: String,
    pub now: String,
    pub change: String,
}

/// The indicators cited in `assessments`: their value when cited, now, and the change.
pub async fn follow_up_lines(
    app: &App,
    c: &Ctx,
    org: &Organisation,
    assessments: &[Assessment],
) -> Result<Vec<FollowUpLine>, AppError> {
    let mut cited: Vec<Citation> = vec![];
    for a in assessments {
        for x in app.store.assessment_citations(a.id).await? {
            if !cited.iter().any(|y| y.indicator_id == x.indicator_id) {
                cited.push(x);
            }
        }
    }
    let area = match org.area_id {
        Some(a) => app.store.get_area_by_id(a).await?,
        None => None,
    };
    let (Some(area), false) = (area, cited.is_empty()) else { return Ok(vec![]) };
    let ids: Vec<i64> = cited.iter().map(|x| x.indicator_id).collect();
    let lines = indicator_lines(app, c, &area, &ids, c.lang, "", None).await?;
    let fmt = |y: Option<i32>, v: Option<f64>| match (y, v) {
        (Some(y), Some(v)) => format!("{} ({y})", crate::format::fmt_num(c.lang, v, 1)),
        _ => c.t("value-missing"),
    };
    Ok(lines
        .into_iter()
        .filter_map(|l| Some((cited.iter().find(|x| x.indicator_id == l.id)?, l)))
        .map(|(x, l)| FollowUpLine {
            baseline: fmt(x.baseline_year, x.baseline_value),
            now: fmt(l.data.year, l.data.value),
            change: match (x.baseline_value, l.data.value, x.baseline_year, l.data.year) {
                (Some(b), Some(n), Some(by), Some(ny)) if ny > by => {
                    let d = n - b;
                    let s = crate::format::fmt_num(c.lang, d.abs(), 1);
                    if d > 0.0 {
                        format!("+{s}")
                    } else if d < 0.0 {
                        format!("−{s}")
                    } else {
                        s
                    }
                }
                _ => c.t("follow-up-no-newer-data"),
            },
            indicator: l.title,
            href: l.href,
        })
        .collect())
}
