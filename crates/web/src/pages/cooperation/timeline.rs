//! The preparation timeline: tasks with start and end months, who is responsible, their status
//! and a link to what they produce; shown as a chart (server-side SVG) and a table. Seed 000's
//! preparation tasks can be added in one go from a chosen start month.

use crate::ctx::Ctx;
use crate::error::{status_of, AppError};
use crate::form::{summary, Field};
use crate::refusal;
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::cooperation::{preparation_tasks, Month, Task, TaskForm, TaskInput, TaskStatus};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::{Actor, StoreError};
use serde::Deserialize;

pub struct TaskView {
    pub id: i64,
    pub title: String,
    pub months: String,
    pub responsible: String,
    pub status: String,
    pub link: Option<String>,
    pub overdue: bool,
    pub href: String,
}

#[derive(Template)]
#[template(path = "cooperation/timeline.html")]
struct TimelinePage {
    c: Ctx,
    org: Organisation,
    tasks: Vec<TaskView>,
    chart: String,
    can_edit: bool,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    start: String,
}

fn status_options(c: &Ctx) -> Vec<(String, String)> {
    TaskStatus::ALL.iter().map(|s| (s.as_str().to_string(), c.code(*s))).collect()
}

fn task_fields(c: &Ctx, prefix: &str, f: &TaskForm, e: &FieldErrors) -> Vec<Field> {
    vec![
        Field::new(c, prefix, "title", "field-task-title", &f.title, e).required(),
        Field::new(c, prefix, "starts", "field-task-starts", &f.starts, e)
            .kind("month")
            .required()
            .hint(c.t("field-task-month-hint")),
        Field::new(c, prefix, "ends", "field-task-ends", &f.ends, e)
            .kind("month")
            .required()
            .hint(c.t("field-task-month-hint")),
        Field::new(c, prefix, "responsible", "field-task-responsible", &f.responsible, e),
        Field::new(c, prefix, "status", "field-task-status", &f.status, e).select(status_options(c)).required(),
        Field::new(c, prefix, "link", "field-task-link", &f.link, e).hint(c.t("field-task-link-hint")),
    ]
}

/// A bar per task over the months it runs, with today's month marked. Decorative for screen
/// readers: the table beside it has the same facts.
pub fn chart(tasks: &[Task], today: Month) -> String {
    let (Some(first), Some(last)) =
        (tasks.iter().map(|t| t.input.starts).min(), tasks.iter().map(|t| t.input.ends).max())
    else {
        return String::new();
    };
    let (from, to) = (first.index(), last.index().max(first.index()));
    let months = (to - from + 1) as f64;
    let (left, width, row) = (8.0, 640.0, 22.0);
    let x = |i: i32| left + (i - from) as f64 / months * width;
    let h = row * tasks.len() as f64 + 24.0;
    let mut svg = format!(
        "<svg class=\"timeline-chart\" viewBox=\"0 0 {} {h}\" role=\"img\" aria-hidden=\"true\" focusable=\"false\">",
        left * 2.0 + width
    );
    for i in from..=to {
        let m = Month::from_index(i);
        if m.month == 1 || i == from {
            svg.push_str(&format!("<text x=\"{:.1}\" y=\"12\" font-size=\"11\">{}</text>", x(i), m));
        }
    }
    for (n, t) in tasks.iter().enumerate() {
        let y = 18.0 + n as f64 * row;
        let class = match t.input.status {
            TaskStatus::Done => "done",
            TaskStatus::InProgress => "going",
            TaskStatus::Planned => "planned",
        };
        let w = (x(t.input.ends.index() + 1) - x(t.input.starts.index())).max(3.0);
        svg.push_str(&format!(
            "<rect class=\"bar-{class}\" x=\"{:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\" rx=\"3\"></rect>",
            x(t.input.starts.index()),
            row - 6.0
        ));
    }
    if (from..=to).contains(&today.index()) {
        let tx = x(today.index());
        svg.push_str(&format!("<line class=\"today\" x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"14\" y2=\"{h}\"></line>"));
    }
    svg.push_str("</svg>");
    svg
}

async fn timeline_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &TaskForm,
    e: &FieldErrors,
) -> Result<TimelinePage, AppError> {
    let tasks = app.store.tasks(org.id).await?;
    let today = crate::format::today();
    let views = tasks
        .iter()
        .map(|t| TaskView {
            id: t.id,
            title: t.input.title.clone(),
            months: format!("{} – {}", t.input.starts, t.input.ends),
            responsible: t.input.responsible.clone().unwrap_or_default(),
            status: c.code(t.input.status),
            link: t.input.link.clone(),
            overdue: t.overdue(today),
            href: format!("/orgs/{}/timeline/{}", org.id, t.id),
        })
        .collect();
    let fields = task_fields(&c, "task", f, e);
    Ok(TimelinePage {
        chart: chart(&tasks, Month::of(today)),
        can_edit: c.can(org.id, Permission::Coordinate),
        errors: summary(&fields),
        fields,
        tasks: views,
        start: Month::of(today).iso(),
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let f = TaskForm { status: "planned".into(), ..Default::default() };
    render(&timeline_page(&app, c, org, &f, &FieldErrors::default()).await?)
}

pub async fn add(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<TaskForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    match f.parse() {
        Ok(t) => {
            app.store.add_task(id, &t, Actor::user(me.user_id)).await?;
            Ok(see_other(&format!("/orgs/{id}/timeline")))
        }
        Err(e) => render_status(refusal::status(&e), &timeline_page(&app, c, org, &f, &e).await?),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PreparationForm {
    start: String,
}

/// Adds seed 000's preparation tasks from the chosen start month.
pub async fn add_preparation(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<PreparationForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let start = match Month::parse(&f.start) {
        Ok(m) => m,
        Err(code) => {
            let page = timeline_page(&app, c, org, &TaskForm::default(), &FieldErrors::default()).await?;
            return render_status(status_of(code), &page);
        }
    };
    let lang = c.lang;
    for (offset, months, names) in preparation_tasks() {
        let t = TaskInput {
            title: names.get(lang).to_string(),
            starts: start.plus(offset),
            ends: start.plus(offset + months - 1),
            responsible: None,
            status: TaskStatus::Planned,
            link: None,
        };
        app.store.add_task(id, &t, Actor::user(me.user_id)).await?;
    }
    Ok(see_other(&format!("/orgs/{id}/timeline")))
}

#[derive(Template)]
#[template(path = "cooperation/task_edit.html")]
struct EditPage {
    c: Ctx,
    org: Organisation,
    task: Task,
    fields: Vec<Field>,
    version: i64,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

async fn task_of(app: &App, org_id: i64, tid: i64) -> Result<Task, AppError> {
    let t = app.store.tasks(org_id).await?.into_iter().find(|t| t.id == tid);
    t.ok_or(AppError::new(ErrorCode::NotFound))
}

fn edit_page(
    c: Ctx,
    org: Organisation,
    task: Task,
    f: &TaskForm,
    e: &FieldErrors,
    alert: Option<ErrorCode>,
) -> EditPage {
    let fields = task_fields(&c, "edit", f, e);
    EditPage { errors: summary(&fields), fields, version: f.version, alert: alert.map(|a| c.err(a)), task, org, c }
}

pub async fn edit(State(app): State<App>, c: Ctx, Path((id, tid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Coordinate).await?;
    let task = task_of(&app, id, tid).await?;
    let f = TaskForm::from_input(&task.input, task.version);
    render(&edit_page(c, org, task, &f, &FieldErrors::default(), None))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EditForm {
    title: String,
    starts: String,
    ends: String,
    responsible: String,
    status: String,
    link: String,
    version: i64,
    delete: String,
}

impl EditForm {
    fn task(&self) -> TaskForm {
        TaskForm {
            title: self.title.clone(),
            starts: self.starts.clone(),
            ends: self.ends.clone(),
            responsible: self.responsible.clone(),
            status: self.status.clone(),
            link: self.link.clone(),
            version: self.version,
        }
    }
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, tid)): Path<(i64, i64)>,
    Form(f): Form<EditForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let task = task_of(&app, id, tid).await?;
    let actor = Actor::user(me.user_id);
    let form = f.task();
    let result = if !f.delete.is_empty() {
        app.store.delete_task(id, tid, f.version, actor).await
    } else {
        match form.parse() {
            Ok(input) => app.store.update_task(id, tid, f.version, &input, actor).await.map(|_| ()),
            Err(e) => return render_status(refusal::status(&e), &edit_page(c, org, task, &form, &e, None)),
        }
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/orgs/{id}/timeline"))),
        Err(StoreError::Rule(ErrorCode::EditConflict)) => {
            let form = TaskForm { version: task.version, ..form };
            let page = edit_page(c, org, task, &form, &FieldErrors::default(), Some(ErrorCode::EditConflict));
            render_status(status_of(ErrorCode::EditConflict), &page)
        }
        Err(e) => Err(e.into()),
    }
}
