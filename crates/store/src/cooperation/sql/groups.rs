//! The portable SQL of cooperation groups: their members, meetings and agreements.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::cooperation_queries::*;
use crate::sql::{audit, json, rule, Audit};
use chrono::NaiveDate;
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::cooperation::{
    Agreement, AgreementInput, Group, GroupInput, Meeting, MeetingInput, Member, MemberInput,
};
use hyte_domain::ErrorCode;
use hyte_store::cooperation::rows::{AgreementRow, GroupRow, MeetingRow, MemberRow};
use hyte_store::{Actor, Result};

pub(crate) async fn create_group(this: &crate::This, org_id: i64, g: &GroupInput, actor: Actor) -> Result<Group> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let row: GroupRow = sqlx::query_as(&format!(
        "INSERT INTO coop_groups (org_id, kind, name, mandate, tasks, chair) VALUES ($1, $2, $3, $4, $5, $6) \
         RETURNING {GROUP_COLS}"
    ))
    .bind(org_id)
    .bind(g.kind.as_str())
    .bind(&g.name)
    .bind(&g.mandate)
    .bind(&g.tasks)
    .bind(&g.chair)
    .fetch_one(&mut *tx)
    .await?;
    let group = Group::try_from(row)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(org_id),
            action: AuditAction::GroupCreate,
            entity: "group",
            entity_id: group.id.to_string(),
            before: None,
            after: json(&group),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(group)
}

pub(crate) async fn update_group(
    this: &crate::This,
    id: i64,
    version: i64,
    g: &GroupInput,
    actor: Actor,
) -> Result<Group> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let before = group_in(&mut tx, id).await?;
    if before.version != version {
        return Err(rule(ErrorCode::EditConflict));
    }
    let row: Option<GroupRow> = sqlx::query_as(&format!(
        "UPDATE coop_groups SET kind = $1, name = $2, mandate = $3, tasks = $4, chair = $5, \
         version = version + 1 WHERE id = $6 AND version = $7 RETURNING {GROUP_COLS}"
    ))
    .bind(g.kind.as_str())
    .bind(&g.name)
    .bind(&g.mandate)
    .bind(&g.tasks)
    .bind(&g.chair)
    .bind(id)
    .bind(version)
    .fetch_optional(&mut *tx)
    .await?;
    let after = Group::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(after.org_id),
            action: AuditAction::GroupUpdate,
            entity: "group",
            entity_id: id.to_string(),
            before: json(&before),
            after: json(&after),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn add_member(this: &crate::This, group_id: i64, m: &MemberInput, actor: Actor) -> Result<Member> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let g = group_in(&mut tx, group_id).await?;
    let row: MemberRow = sqlx::query_as(&format!(
        "INSERT INTO group_members (group_id, person, org_name, org_kind, member_org_id, role) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING {MEMBER_COLS}"
    ))
    .bind(group_id)
    .bind(&m.person)
    .bind(&m.org_name)
    .bind(m.org_kind.as_str())
    .bind(m.member_org_id)
    .bind(m.role.as_str())
    .fetch_one(&mut *tx)
    .await?;
    let member = Member::try_from(row)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(g.org_id),
            action: AuditAction::GroupMemberAdd,
            entity: "group",
            entity_id: group_id.to_string(),
            before: None,
            after: json(&member),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(member)
}

pub(crate) async fn remove_member(this: &crate::This, group_id: i64, id: i64, actor: Actor) -> Result<()> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let g = group_in(&mut tx, group_id).await?;
    let row: Option<MemberRow> =
        sqlx::query_as(&format!("DELETE FROM group_members WHERE group_id = $1 AND id = $2 RETURNING {MEMBER_COLS}"))
            .bind(group_id)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let before = Member::try_from(row.ok_or(rule(ErrorCode::NotFound))?)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(g.org_id),
            action: AuditAction::GroupMemberRemove,
            entity: "group",
            entity_id: group_id.to_string(),
            before: json(&before),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn add_meeting(this: &crate::This, group_id: i64, m: &MeetingInput, actor: Actor) -> Result<Meeting> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let g = group_in(&mut tx, group_id).await?;
    let row: MeetingRow = sqlx::query_as(&format!(
        "INSERT INTO group_meetings (group_id, held_on, agenda, minutes) VALUES ($1, $2, $3, $4) \
         RETURNING {MEETING_COLS}"
    ))
    .bind(group_id)
    .bind(m.held_on.to_string())
    .bind(&m.agenda)
    .bind(&m.minutes)
    .fetch_one(&mut *tx)
    .await?;
    let meeting = Meeting::try_from(row)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(g.org_id),
            action: AuditAction::MeetingCreate,
            entity: "meeting",
            entity_id: meeting.id.to_string(),
            before: None,
            after: json(&meeting),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(meeting)
}

pub(crate) async fn update_meeting(
    this: &crate::This,
    id: i64,
    version: i64,
    m: &MeetingInput,
    actor: Actor,
) -> Result<Meeting> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let before = meeting_in(&mut tx, id).await?;
    if before.version != version {
        return Err(rule(ErrorCode::EditConflict));
    }
    let g = group_in(&mut tx, before.group_id).await?;
    let row: Option<MeetingRow> = sqlx::query_as(&format!(
        "UPDATE group_meetings SET held_on = $1, agenda = $2, minutes = $3, version = version + 1 \
         WHERE id = $4 AND version = $5 RETURNING {MEETING_COLS}"
    ))
    .bind(m.held_on.to_string())
    .bind(&m.agenda)
    .bind(&m.minutes)
    .bind(id)
    .bind(version)
    .fetch_optional(&mut *tx)
    .await?;
    let after = Meeting::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(g.org_id),
            action: AuditAction::MeetingUpdate,
            entity: "meeting",
            entity_id: id.to_string(),
            before: json(&before),
            after: json(&after),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

pub(crate) async fn add_agreement(
    this: &crate::This,
    meeting_id: i64,
    a: &AgreementInput,
    actor: Actor,
) -> Result<Agreement> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let m = meeting_in(&mut tx, meeting_id).await?;
    let g = group_in(&mut tx, m.group_id).await?;
    let row: AgreementRow = sqlx::query_as(&format!(
        "INSERT INTO group_agreements (group_id, meeting_id, what, who, due_on) VALUES ($1, $2, $3, $4, $5) \
         RETURNING {AGREEMENT_COLS}"
    ))
    .bind(g.id)
    .bind(meeting_id)
    .bind(&a.what)
    .bind(&a.who)
    .bind(a.due_on.to_string())
    .fetch_one(&mut *tx)
    .await?;
    let added = Agreement::try_from(row)?;
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(g.org_id),
            action: AuditAction::AgreementCreate,
            entity: "agreement",
            entity_id: added.id.to_string(),
            before: None,
            after: json(&added),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(added)
}

pub(crate) async fn set_agreement_done(
    this: &crate::This,
    id: i64,
    version: i64,
    done_on: Option<NaiveDate>,
    actor: Actor,
) -> Result<Agreement> {
    let mut tx = crate::sql::begin(&this.pool).await?;
    let row: Option<AgreementRow> = sqlx::query_as(&format!(
        "UPDATE group_agreements SET done_on = $1, version = version + 1 WHERE id = $2 AND version = $3 \
         RETURNING {AGREEMENT_COLS}"
    ))
    .bind(done_on.map(|d| d.to_string()))
    .bind(id)
    .bind(version)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM group_agreements WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        return Err(rule(if exists.is_some() { ErrorCode::EditConflict } else { ErrorCode::NotFound }));
    };
    let after = Agreement::try_from(row)?;
    let g = group_in(&mut tx, after.group_id).await?;
    let action = if done_on.is_some() { AuditAction::AgreementDone } else { AuditAction::AgreementReopen };
    audit(
        &mut tx,
        actor,
        Audit {
            org_id: Some(g.org_id),
            action,
            entity: "agreement",
            entity_id: id.to_string(),
            before: None,
            after: json(&after),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}
