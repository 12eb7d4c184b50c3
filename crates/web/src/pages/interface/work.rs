//! The division of work (*työnjako*) of one interface service (`/orgs/{id}/interface/{sid}/work`):
//! tasks × the service's parties, each cell responsible, takes part or is informed. The tasks
//! nobody leads are named in words; every save is a new version, and the history shows who changed
//! what. Any party's editor saves; the newest version seen travels in the form, so that a save on
//! top of someone else's is refused (`edit_conflict`) with the current state shown.

use super::{explains, org_names, party};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::choices;
use crate::form::Choice;
use crate::format::fi_datetime;
use crate::refusal::{answer, submit};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::interface::{DivisionOfWork, InterfaceService, Raci, WorkChange, WorkVersion};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;
use std::collections::HashMap;

/// Empty rows below the tasks, for adding new ones.
const NEW_ROWS: usize = 3;

/// A matrix row as typed: the task's name and each organisation's part (a `Raci` code).
type RowInput = (String, Vec<(i64, String)>);

pub struct Column {
    pub name: String,
}

pub struct CellView {
    pub id: String,
    pub name: String,
    /// The accessible name: the task and the organisation.
    pub label: String,
    /// The part's name, for reading (empty: no part).
    pub text: String,
    pub options: Vec<Choice>,
}

pub struct RowView {
    pub index: usize,
    pub task: String,
    pub cells: Vec<CellView>,
    /// The organisations responsible for it.
    pub leaders: String,
    /// A named task nobody is responsible for.
    pub unowned: bool,
}

pub struct VersionView {
    pub version: i64,
    pub who: String,
    pub when: String,
    pub changes: Vec<String>,
}

#[derive(Template)]
#[template(path = "interface/work.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    sid: i64,
    name: String,
    /// The service's tab this page is (`interface/_service_tabs.html`).
    tab: &'static str,
    columns: Vec<Column>,
    rows: Vec<RowView>,
    unowned: Vec<String>,
    versions: Vec<VersionView>,
    version: i64,
    can_edit: bool,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

fn stored_rows(work: &DivisionOfWork) -> Vec<RowInput> {
    work.tasks
        .iter()
        .map(|t| (t.name.clone(), t.cells.iter().map(|(o, r)| (*o, r.as_str().to_string())).collect()))
        .collect()
}

/// The rows of a posted matrix, in the order of their numbers (`task_<i>`, `cell_<i>_<org>`).
fn posted_rows(pairs: &[(String, String)]) -> Vec<RowInput> {
    let mut rows: Vec<(usize, RowInput)> =
        pairs.iter().filter_map(|(k, v)| Some((k.strip_prefix("task_")?.parse().ok()?, (v.clone(), vec![])))).collect();
    for (k, v) in pairs {
        let Some((i, org)) = k.strip_prefix("cell_").and_then(|r| r.split_once('_')) else { continue };
        let (Ok(i), Ok(org)) = (i.parse::<usize>(), org.parse::<i64>()) else { continue };
        if let Some((_, (_, cells))) = rows.iter_mut().find(|(n, _)| *n == i) {
            cells.push((org, v.clone()));
        }
    }
    rows.sort_by_key(|(n, _)| *n);
    rows.into_iter().map(|(_, r)| r).filter(|(name, _)| !name.trim().is_empty()).collect()
}

/// The matrix's rows with `NEW_ROWS` empty ones below, each cell a choice with an accessible name.
fn row_views(c: &Ctx, svc: &InterfaceService, names: &HashMap<i64, String>, rows: Vec<RowInput>) -> Vec<RowView> {
    let parts = choices::<Raci>(c, Some(c.t("ifc-work-part-none")));
    let blanks = std::iter::repeat_with(|| (String::new(), vec![])).take(NEW_ROWS);
    rows.into_iter()
        .chain(blanks)
        .enumerate()
        .map(|(index, (task, cells))| {
            let label = if task.is_empty() { c.t1("ifc-work-task-n", "n", index + 1) } else { task.clone() };
            let leads: Vec<String> = cells
                .iter()
                .filter(|(_, r)| r == Raci::Responsible.as_str())
                .filter_map(|(o, _)| names.get(o).cloned())
                .collect();
            let unowned = !task.is_empty() && leads.is_empty();
            let cells: Vec<CellView> = svc
                .parties
                .iter()
                .map(|p| {
                    let org = names.get(&p.org_id).cloned().unwrap_or_default();
                    let part = cells.iter().find(|(o, _)| *o == p.org_id).map(|(_, r)| r.as_str()).unwrap_or("");
                    let options: Vec<Choice> = parts
                        .iter()
                        .map(|(value, label)| Choice {
                            selected: value == part,
                            value: value.clone(),
                            label: label.clone(),
                        })
                        .collect();
                    CellView {
                        id: format!("cell-{index}-{}", p.org_id),
                        name: format!("cell_{index}_{}", p.org_id),
                        label: c.t2("ifc-work-cell", "task", &label, "org", org),
                        text: Raci::parse(part).map(|r| c.code(r)).unwrap_or_default(),
                        options,
                    }
                })
                .collect();
            RowView { index, task, cells, leaders: leads.join(", "), unowned }
        })
        .collect()
}

/// A change between two versions, in words.
fn change_text(c: &Ctx, names: &HashMap<i64, String>, change: &WorkChange) -> String {
    let part = |r: &Option<Raci>| r.map(|r| c.code(r)).unwrap_or_else(|| c.t("ifc-work-part-none"));
    match change {
        WorkChange::Added(task) => c.t1("ifc-work-change-added", "task", task),
        WorkChange::Removed(task) => c.t1("ifc-work-change-removed", "task", task),
        WorkChange::Part { task, org_id, from, to } => c.i18n.format(
            c.lang,
            "ifc-work-change-part",
            &[
                ("task", task.clone()),
                ("org", names.get(org_id).cloned().unwrap_or_default()),
                ("from", part(from)),
                ("to", part(to)),
            ],
        ),
    }
}

/// The history, newest first, each version with its changes from the one before.
fn version_views(c: &Ctx, names: &HashMap<i64, String>, versions: &[WorkVersion]) -> Vec<VersionView> {
    let none = DivisionOfWork::default();
    versions
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let before = versions.get(i + 1).map(|b| &b.work).unwrap_or(&none);
            VersionView {
                version: v.version,
                who: v.changed_by.clone(),
                when: fi_datetime(v.changed_at),
                changes: v.work.changes_from(before).iter().map(|ch| change_text(c, names, ch)).collect(),
            }
        })
        .collect()
}

/// What a refused save shows: the typed rows and why (form errors), or the current state and an
/// alert (a store refusal).
#[derive(Default)]
struct Failed {
    rows: Option<(Vec<RowInput>, FieldErrors)>,
    alert: Option<ErrorCode>,
}

async fn page_of(
    app: &App,
    c: Ctx,
    org: Organisation,
    svc: InterfaceService,
    failed: Failed,
) -> Result<Page, AppError> {
    let names = org_names(app, &c).await?;
    let versions = app.store.division_of_work(org.id, svc.id).await?;
    let newest = versions.first().map(|v| v.work.clone()).unwrap_or_default();
    let (rows, errs) = failed.rows.unwrap_or_else(|| (stored_rows(&newest), FieldErrors::default()));
    let errors = errs
        .0
        .iter()
        .map(|e| {
            let says = match e.code {
                ErrorCode::NameTaken => c.t("ifc-work-task-twice"),
                ErrorCode::ReferenceInvalid => c.t("ifc-work-party-invalid"),
                code => c.err(code),
            };
            ("task-0".to_string(), c.t("ifc-work-tasks"), says)
        })
        .collect();
    Ok(Page {
        sid: svc.id,
        name: svc.name(c.lang).to_string(),
        tab: "work",
        columns: svc
            .parties
            .iter()
            .map(|p| Column { name: names.get(&p.org_id).cloned().unwrap_or_default() })
            .collect(),
        rows: row_views(&c, &svc, &names, rows),
        unowned: newest.unowned().into_iter().map(String::from).collect(),
        version: versions.first().map(|v| v.version).unwrap_or(0),
        versions: version_views(&c, &names, &versions),
        can_edit: c.can(org.id, Permission::Edit),
        alert: failed.alert.map(|a| c.err(a)),
        errors,
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, sid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _, svc) = party(&app, &c, id, sid, Permission::View).await?;
    render(&page_of(&app, c, org, svc, Failed::default()).await?)
}

pub async fn save(
    State(app): State<App>,
    c: Ctx,
    Path((id, sid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me, svc) = party(&app, &c, id, sid, Permission::Edit).await?;
    let version = pairs.iter().find(|(k, _)| k == "version").and_then(|(_, v)| v.trim().parse().ok()).unwrap_or(0);
    let parties: Vec<i64> = svc.parties.iter().map(|p| p.org_id).collect();
    let outcome = submit(DivisionOfWork::from_form(&pairs, &parties), async |work| {
        app.store.save_division_of_work(id, sid, version, &work, Actor::user(me.user_id)).await
    })
    .await;
    let done = format!("/orgs/{id}/interface/{sid}/work#work-history");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            let rows = (r.alert.is_none()).then(|| (posted_rows(&pairs), r.errors));
            page_of(&app, c, org, svc, Failed { rows, alert: r.alert }).await
        },
    )
    .await
}
