//! An organisation's default section structure for its new reports (coordinators and admins of
//! that organisation): rename, reorder (an order number per section, no JavaScript needed), add
//! and remove sections, or go back to THL's example structure. Reports already created keep
//! their own sections.

use crate::ctx::Ctx;
use crate::error::{status_of, AppError};
use crate::form::{summary, Field};
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::reports::{parse_structure, ExampleStructure, ReportStructure, SectionKind, StructureRow};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::{Actor, StoreError};

pub struct RowView {
    pub index: usize,
    pub legend: String,
    pub key: String,
    pub is_plan: bool,
    pub fields: Vec<Field>,
    pub removed: bool,
    pub blank: bool,
}

#[derive(Template)]
#[template(path = "reports/report_structure.html")]
struct StructurePage {
    c: Ctx,
    org: Organisation,
    rows: Vec<RowView>,
    version: i64,
    is_default: bool,
    /// Which of THL's example structures the organisation's kind starts from.
    example: String,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

fn page(
    c: Ctx,
    org: Organisation,
    rows: &[StructureRow],
    version: i64,
    is_default: bool,
    errors: &[FieldErrors],
    alert: Option<ErrorCode>,
) -> StructurePage {
    let mut rows = rows.to_vec();
    if rows.last().is_none_or(|r| !r.is_blank()) {
        rows.push(StructureRow {
            key: "custom".into(),
            kind: "narrative".into(),
            position: (rows.len() + 1).to_string(),
            ..Default::default()
        });
    }
    let kinds: Vec<(String, String)> =
        SectionKind::CHOOSABLE.iter().map(|k| (k.as_str().to_string(), c.code(*k))).collect();
    let none = FieldErrors::default();
    let last = rows.len() - 1;
    let views: Vec<RowView> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let e = errors.get(i).unwrap_or(&none);
            let prefix = format!("structure-{i}");
            let is_plan = r.key == "plan";
            let blank = i == last && r.is_blank();
            let title_fi = Field::new(&c, &prefix, "title_fi", "field-section-title-fi", &r.title_fi, e);
            let mut fields = vec![
                if blank { title_fi } else { title_fi.required() },
                Field::new(&c, &prefix, "title_sv", "field-section-title-sv", &r.title_sv, e),
            ];
            if !is_plan {
                fields.push(Field::new(&c, &prefix, "kind", "field-section-kind", &r.kind, e).select(kinds.clone()));
            }
            fields.push(
                Field::new(&c, &prefix, "position", "field-structure-position", &r.position, e)
                    .hint(c.t("field-structure-position-hint")),
            );
            RowView {
                index: i,
                legend: if blank {
                    c.t("structure-new")
                } else {
                    c.t2("structure-section-n", "n", i + 1, "title", r.title_fi.clone())
                },
                key: r.key.clone(),
                is_plan,
                fields,
                removed: r.remove,
                blank,
            }
        })
        .collect();
    let mut summary_rows = vec![];
    for v in &views {
        summary_rows
            .extend(summary(&v.fields).into_iter().map(|(id, label, m)| (id, format!("{}: {label}", v.legend), m)));
    }
    StructurePage {
        rows: views,
        version,
        is_default,
        example: c.code(ExampleStructure::of(org.kind)),
        errors: summary_rows,
        alert: alert.map(|a| c.err(a)),
        org,
        c,
    }
}

fn rows_of(s: &ReportStructure) -> Vec<StructureRow> {
    s.sections.iter().enumerate().map(|(i, x)| StructureRow::of(i + 1, x)).collect()
}

pub async fn show(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Coordinate).await?;
    let s = app.store.report_structure(id).await?;
    render(&page(c, org, &rows_of(&s), s.version, s.is_default(), &[], None))
}

/// The form as posted: `version`, then per row `key`, `title_fi`, `title_sv`, `kind` and
/// `position` in order, and one `remove` per row to remove.
fn rows_from(pairs: &[(String, String)]) -> Vec<StructureRow> {
    let all = |k: &str| pairs.iter().filter(|(n, _)| n == k).map(|(_, v)| v.clone()).collect::<Vec<_>>();
    let (keys, fi, sv, kinds, positions) = (all("key"), all("title_fi"), all("title_sv"), all("kind"), all("position"));
    let removed: Vec<usize> = all("remove").iter().filter_map(|v| v.parse().ok()).collect();
    let at = |v: &[String], i: usize| v.get(i).cloned().unwrap_or_default();
    (0..keys.len())
        .map(|i| StructureRow {
            key: at(&keys, i),
            kind: at(&kinds, i),
            title_fi: at(&fi, i),
            title_sv: at(&sv, i),
            position: at(&positions, i),
            remove: removed.contains(&i),
        })
        .collect()
}

pub async fn save(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let version: i64 = pairs.iter().find(|(n, _)| n == "version").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let reset = pairs.iter().any(|(n, _)| n == "reset");
    let rows = rows_from(&pairs);
    let sections = if reset {
        None
    } else {
        match parse_structure(&rows) {
            Ok(s) => Some(s),
            Err(errors) => {
                let p = page(c, org, &rows, version, version == 0, &errors, None);
                return render_status(status_of(ErrorCode::InvalidInput), &p);
            }
        }
    };
    match app.store.set_report_structure(id, version, sections.as_deref(), Actor::user(me.user_id)).await {
        Ok(_) => Ok(see_other(&format!("/orgs/{id}/report-structure"))),
        Err(StoreError::Rule(ErrorCode::EditConflict)) => {
            // Keep what the user typed; the form now edits the current structure.
            let now = app.store.report_structure(id).await?;
            let shown = if reset { rows_of(&now) } else { rows };
            let p = page(c, org, &shown, now.version, now.is_default(), &[], Some(ErrorCode::EditConflict));
            render_status(status_of(ErrorCode::EditConflict), &p)
        }
        Err(e) => Err(e.into()),
    }
}
