//! The organisation's audit log (admins only).

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use hyte_domain::{AuditEntry, Organisation, Permission};

pub struct Row {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub code: String,
    pub target: String,
    pub before: String,
    pub after: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    c: Ctx,
    org: Organisation,
    rows: Vec<Row>,
}

fn pretty(json: &Option<String>) -> String {
    json.as_deref()
        .and_then(|j| serde_json::from_str::<serde_json::Value>(j).ok())
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_default()
}

pub async fn page(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::Administer).await?;
    let entries: Vec<AuditEntry> = app.store.audit_log(id, 500).await?;
    let rows = entries
        .iter()
        .map(|e| Row {
            at: e.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            actor: e.actor_email.clone().unwrap_or_else(|| c.t("audit-system")),
            action: e.audit_action().map(|a| c.code(a)).unwrap_or_else(|| e.action.clone()),
            code: e.action.clone(),
            target: format!("{} {}", e.entity, e.entity_id),
            before: pretty(&e.before),
            after: pretty(&e.after),
        })
        .collect();
    render(&AuditPage { org, rows, c })
}
