//! The organisation's audit log (admins only).

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::pages::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use hyte_domain::{AuditEntry, Organisation, Permission};

/// Every action the store records; each has a translation `audit-<action with - for .>`.
pub const ACTIONS: [&str; 82] = [
    "organisation.create",
    "sector.create",
    "sector.update",
    "sector.delete",
    "user.create",
    "membership.create",
    "membership.update",
    "membership.delete",
    "indicator.update",
    "import.done",
    "import.failed",
    "report.create",
    "report.section_update",
    "report.state",
    "report.comment",
    "report.section_add",
    "report.section_delete",
    "report.comment_resolve",
    "plan.priority_create",
    "plan.goal_create",
    "plan.measure_create",
    "plan.measure_follow_up",
    "assessment.defaults",
    "template.create",
    "template.update",
    "rule.create",
    "rule.delete",
    "decision.create",
    "decision.update",
    "decision.preparing",
    "decision.assessed",
    "decision.decided",
    "decision.followed_up",
    "alternative.create",
    "alternative.update",
    "alternative.delete",
    "assessment.create",
    "assessment.update",
    "assessment.draft",
    "assessment.complete",
    "assessment.rate",
    "participant.create",
    "participant.delete",
    "assessment.cite",
    "assessment.uncite",
    "responsibility.update",
    "duty.update",
    "group.create",
    "group.update",
    "group.member_add",
    "group.member_remove",
    "meeting.create",
    "meeting.update",
    "agreement.create",
    "agreement.done",
    "agreement.reopen",
    "contact.set",
    "contact.remove",
    "maturity.save",
    "task.create",
    "task.update",
    "task.delete",
    "plan.priority_update",
    "plan.priority_delete",
    "plan.goal_update",
    "plan.goal_delete",
    "plan.measure_update",
    "plan.measure_delete",
    "report.structure_update",
    "partner.create",
    "partner.update",
    "partner.delete",
    "activity.create",
    "activity.update",
    "activity.delete",
    "grant_call.create",
    "grant_call.update",
    "grant.apply",
    "grant.decide",
    "grant.report",
    "premises.create",
    "premises.update",
];

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
            action: c.t(&format!("audit-{}", e.action.replace('.', "-"))),
            code: e.action.clone(),
            target: format!("{} {}", e.entity, e.entity_id),
            before: pretty(&e.before),
            after: pretty(&e.after),
        })
        .collect();
    render(&AuditPage { org, rows, c })
}
