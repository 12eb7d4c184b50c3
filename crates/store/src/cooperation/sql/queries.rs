//! The in-transaction queries that the cooperation store's methods share.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::{rule, Tx};

use hyte_domain::cooperation::{Group, Meeting, Responsibility, Task};
use hyte_domain::ErrorCode;
use hyte_store::cooperation::rows::{GroupRow, MeetingRow, TaskRow};
use hyte_store::Result;

pub(crate) const GROUP_COLS: &str = "id, org_id, kind, name, mandate, tasks, chair, version";
pub(crate) const MEMBER_COLS: &str = "id, group_id, person, org_name, org_kind, member_org_id, role";
pub(crate) const MEETING_COLS: &str = "id, group_id, held_on, agenda, minutes, version";
pub(crate) const AGREEMENT_COLS: &str = "id, group_id, meeting_id, what, who, due_on, done_on, version";
pub(crate) const CONTACT_COLS: &str = "id, org_id, theme, municipality_area_id, person, email, phone";
pub(crate) const MATURITY_COLS: &str = "org_id, year, step, justification, version";
pub(crate) const TASK_COLS: &str = "id, org_id, title, starts, ends, responsible, status, link, version";

pub(crate) async fn responsibility_in(tx: &mut Tx<'_>, org_id: i64) -> Result<Responsibility> {
    let row: Option<(Option<String>, Option<String>, i64)> =
        sqlx::query_as("SELECT person, body, version FROM hyte_responsibility WHERE org_id = $1")
            .bind(org_id)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(row.map(|(person, body, version)| Responsibility { person, body, version }).unwrap_or_default())
}

/// Moves the organisation's cooperation settings on from `version` (0: none yet).
pub(crate) async fn bump_responsibility(tx: &mut Tx<'_>, org_id: i64, version: i64) -> Result<()> {
    let n = if version == 0 {
        sqlx::query("INSERT INTO hyte_responsibility (org_id) VALUES ($1) ON CONFLICT DO NOTHING")
            .bind(org_id)
            .execute(&mut **tx)
            .await?
            .rows_affected()
    } else {
        sqlx::query("UPDATE hyte_responsibility SET version = version + 1 WHERE org_id = $1 AND version = $2")
            .bind(org_id)
            .bind(version)
            .execute(&mut **tx)
            .await?
            .rows_affected()
    };
    if n == 0 {
        return Err(rule(ErrorCode::EditConflict));
    }
    Ok(())
}

pub(crate) async fn group_in(tx: &mut Tx<'_>, id: i64) -> Result<Group> {
    let row: Option<GroupRow> = sqlx::query_as(&format!("SELECT {GROUP_COLS} FROM coop_groups WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

pub(crate) async fn meeting_in(tx: &mut Tx<'_>, id: i64) -> Result<Meeting> {
    let row: Option<MeetingRow> = sqlx::query_as(&format!("SELECT {MEETING_COLS} FROM group_meetings WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

pub(crate) async fn task_in(tx: &mut Tx<'_>, org_id: i64, id: i64) -> Result<Task> {
    let row: Option<TaskRow> =
        sqlx::query_as(&format!("SELECT {TASK_COLS} FROM timeline_tasks WHERE org_id = $1 AND id = $2"))
            .bind(org_id)
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}
