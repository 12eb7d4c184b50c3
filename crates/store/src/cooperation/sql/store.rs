//! The portable SQL of cooperation: responsibilities, groups, meetings, agreements, contacts,
//! the staircase and the timeline.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::{audit, json, rule, Audit};
use hyte_domain::admin::audit::AuditAction;

use crate::sql::cooperation_queries::*;
use async_trait::async_trait;
use chrono::NaiveDate;
use hyte_domain::cooperation::{
    Agreement, AgreementInput, ContactInput, ContactPair, ContactTheme, DutyOwners, Group, GroupInput, Maturity,
    Meeting, MeetingInput, Member, MemberInput, Responsibility, Task, TaskInput,
};
use hyte_domain::ErrorCode;
use hyte_store::cooperation::rows::{AgreementRow, ContactRow, GroupRow, MaturityRow, MeetingRow, MemberRow, TaskRow};
use hyte_store::rows::collect;
use hyte_store::{Actor, Result};
use std::collections::HashMap;

#[async_trait]
impl hyte_store::cooperation::CooperationStore for crate::This {
    async fn responsibility(&self, org_id: i64) -> Result<Responsibility> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let r = responsibility_in(&mut tx, org_id).await?;
        tx.commit().await?;
        Ok(r)
    }

    async fn set_responsibility(
        &self,
        org_id: i64,
        version: i64,
        person: Option<&str>,
        body: Option<&str>,
        actor: Actor,
    ) -> Result<Responsibility> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before = responsibility_in(&mut tx, org_id).await?;
        bump_responsibility(&mut tx, org_id, version).await?;
        sqlx::query("UPDATE hyte_responsibility SET person = $1, body = $2 WHERE org_id = $3")
            .bind(person)
            .bind(body)
            .bind(org_id)
            .execute(&mut *tx)
            .await?;
        let after = responsibility_in(&mut tx, org_id).await?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::ResponsibilityUpdate,
                entity: "organisation",
                entity_id: org_id.to_string(),
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn duty_owners(&self, org_id: i64) -> Result<HashMap<String, DutyOwners>> {
        let rows: Vec<(String, i64, bool)> = sqlx::query_as(
            "SELECT duty_key, sector_id, lead FROM duty_owners WHERE org_id = $1 ORDER BY duty_key, sector_id",
        )
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        let mut out: HashMap<String, DutyOwners> = HashMap::new();
        for (key, sector, lead) in rows {
            let o = out.entry(key).or_default();
            if lead {
                o.lead = Some(sector);
            } else {
                o.parts.push(sector);
            }
        }
        Ok(out)
    }

    async fn set_duty_owners(
        &self,
        org_id: i64,
        version: i64,
        duty_key: &str,
        owners: &DutyOwners,
        actor: Actor,
    ) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        bump_responsibility(&mut tx, org_id, version).await?;
        sqlx::query("DELETE FROM duty_owners WHERE org_id = $1 AND duty_key = $2")
            .bind(org_id)
            .bind(duty_key)
            .execute(&mut *tx)
            .await?;
        let all = owners.lead.iter().map(|s| (*s, true)).chain(owners.parts.iter().map(|s| (*s, false)));
        for (sector, lead) in all {
            // The sector is the organisation's, locked against a concurrent deletion.
            crate::sql::use_sector(&mut tx, org_id, Some(sector)).await?;
            sqlx::query("INSERT INTO duty_owners (org_id, duty_key, sector_id, lead) VALUES ($1, $2, $3, $4)")
                .bind(org_id)
                .bind(duty_key)
                .bind(sector)
                .bind(lead)
                .execute(&mut *tx)
                .await?;
        }
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::DutyUpdate,
                entity: "duty",
                entity_id: duty_key.to_string(),
                before: None,
                after: json(owners),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn list_groups(&self, org_id: i64) -> Result<Vec<Group>> {
        let rows: Vec<GroupRow> =
            sqlx::query_as(&format!("SELECT {GROUP_COLS} FROM coop_groups WHERE org_id = $1 ORDER BY id"))
                .bind(org_id)
                .fetch_all(&self.pool)
                .await?;
        collect(rows)
    }

    async fn get_group(&self, id: i64) -> Result<Option<Group>> {
        let row: Option<GroupRow> = sqlx::query_as(&format!("SELECT {GROUP_COLS} FROM coop_groups WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(Group::try_from).transpose()
    }

    async fn create_group(&self, org_id: i64, g: &GroupInput, actor: Actor) -> Result<Group> {
        crate::sql::cooperation_groups::create_group(self, org_id, g, actor).await
    }

    async fn update_group(&self, id: i64, version: i64, g: &GroupInput, actor: Actor) -> Result<Group> {
        crate::sql::cooperation_groups::update_group(self, id, version, g, actor).await
    }

    async fn group_members(&self, group_id: i64) -> Result<Vec<Member>> {
        let rows: Vec<MemberRow> =
            sqlx::query_as(&format!("SELECT {MEMBER_COLS} FROM group_members WHERE group_id = $1 ORDER BY id"))
                .bind(group_id)
                .fetch_all(&self.pool)
                .await?;
        collect(rows)
    }

    async fn add_member(&self, group_id: i64, m: &MemberInput, actor: Actor) -> Result<Member> {
        crate::sql::cooperation_groups::add_member(self, group_id, m, actor).await
    }

    async fn remove_member(&self, group_id: i64, id: i64, actor: Actor) -> Result<()> {
        crate::sql::cooperation_groups::remove_member(self, group_id, id, actor).await
    }

    async fn group_meetings(&self, group_id: i64) -> Result<Vec<Meeting>> {
        let rows: Vec<MeetingRow> = sqlx::query_as(&format!(
            "SELECT {MEETING_COLS} FROM group_meetings WHERE group_id = $1 ORDER BY held_on DESC, id DESC"
        ))
        .bind(group_id)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn get_meeting(&self, id: i64) -> Result<Option<Meeting>> {
        let row: Option<MeetingRow> =
            sqlx::query_as(&format!("SELECT {MEETING_COLS} FROM group_meetings WHERE id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(Meeting::try_from).transpose()
    }

    async fn add_meeting(&self, group_id: i64, m: &MeetingInput, actor: Actor) -> Result<Meeting> {
        crate::sql::cooperation_groups::add_meeting(self, group_id, m, actor).await
    }

    async fn update_meeting(&self, id: i64, version: i64, m: &MeetingInput, actor: Actor) -> Result<Meeting> {
        crate::sql::cooperation_groups::update_meeting(self, id, version, m, actor).await
    }

    async fn group_agreements(&self, group_id: i64) -> Result<Vec<Agreement>> {
        let rows: Vec<AgreementRow> = sqlx::query_as(&format!(
            "SELECT {AGREEMENT_COLS} FROM group_agreements WHERE group_id = $1 ORDER BY due_on, id"
        ))
        .bind(group_id)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn org_agreements(&self, org_id: i64) -> Result<Vec<Agreement>> {
        let rows: Vec<AgreementRow> = sqlx::query_as(&format!(
            "SELECT {AGREEMENT_COLS} FROM group_agreements \
             WHERE group_id IN (SELECT id FROM coop_groups WHERE org_id = $1) ORDER BY due_on, id"
        ))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn add_agreement(&self, meeting_id: i64, a: &AgreementInput, actor: Actor) -> Result<Agreement> {
        crate::sql::cooperation_groups::add_agreement(self, meeting_id, a, actor).await
    }

    async fn set_agreement_done(
        &self,
        id: i64,
        version: i64,
        done_on: Option<NaiveDate>,
        actor: Actor,
    ) -> Result<Agreement> {
        crate::sql::cooperation_groups::set_agreement_done(self, id, version, done_on, actor).await
    }

    async fn contact_pairs(&self, org_id: i64) -> Result<Vec<ContactPair>> {
        let rows: Vec<ContactRow> = sqlx::query_as(&format!(
            "SELECT {CONTACT_COLS} FROM contact_pairs WHERE org_id = $1 ORDER BY theme, municipality_area_id"
        ))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn set_contact_pair(
        &self,
        org_id: i64,
        theme: ContactTheme,
        municipality_area_id: Option<i64>,
        c: &ContactInput,
        actor: Actor,
    ) -> Result<ContactPair> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let row: ContactRow = sqlx::query_as(&format!(
            "INSERT INTO contact_pairs (org_id, theme, municipality_area_id, person, email, phone) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (org_id, theme, municipality_area_id) \
             DO UPDATE SET person = excluded.person, email = excluded.email, phone = excluded.phone \
             RETURNING {CONTACT_COLS}"
        ))
        .bind(org_id)
        .bind(theme.as_str())
        .bind(municipality_area_id.unwrap_or(0))
        .bind(&c.person)
        .bind(&c.email)
        .bind(&c.phone)
        .fetch_one(&mut *tx)
        .await?;
        let pair = ContactPair::try_from(row)?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::ContactSet,
                entity: "contact_pair",
                entity_id: pair.id.to_string(),
                before: None,
                after: json(&pair),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(pair)
    }

    async fn remove_contact_pair(&self, org_id: i64, id: i64, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let row: Option<ContactRow> = sqlx::query_as(&format!(
            "DELETE FROM contact_pairs WHERE org_id = $1 AND id = $2 RETURNING {CONTACT_COLS}"
        ))
        .bind(org_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let before = ContactPair::try_from(row.ok_or(rule(ErrorCode::NotFound))?)?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::ContactRemove,
                entity: "contact_pair",
                entity_id: id.to_string(),
                before: json(&before),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn maturity(&self, org_id: i64) -> Result<Vec<Maturity>> {
        let rows: Vec<MaturityRow> = sqlx::query_as(&format!(
            "SELECT {MATURITY_COLS} FROM maturity_assessments WHERE org_id = $1 ORDER BY year DESC"
        ))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Maturity::from).collect())
    }

    async fn save_maturity(
        &self,
        org_id: i64,
        year: i32,
        version: i64,
        step: i32,
        justification: &str,
        actor: Actor,
    ) -> Result<Maturity> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let row: Option<MaturityRow> = if version == 0 {
            sqlx::query_as(&format!(
                "INSERT INTO maturity_assessments (org_id, year, step, justification) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (org_id, year) DO NOTHING RETURNING {MATURITY_COLS}"
            ))
            .bind(org_id)
            .bind(year)
            .bind(step)
            .bind(justification)
            .fetch_optional(&mut *tx)
            .await?
        } else {
            sqlx::query_as(&format!(
                "UPDATE maturity_assessments SET step = $1, justification = $2, version = version + 1 \
                 WHERE org_id = $3 AND year = $4 AND version = $5 RETURNING {MATURITY_COLS}"
            ))
            .bind(step)
            .bind(justification)
            .bind(org_id)
            .bind(year)
            .bind(version)
            .fetch_optional(&mut *tx)
            .await?
        };
        let saved = Maturity::from(row.ok_or(rule(ErrorCode::EditConflict))?);
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::MaturitySave,
                entity: "maturity",
                entity_id: year.to_string(),
                before: None,
                after: json(&saved),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(saved)
    }

    async fn tasks(&self, org_id: i64) -> Result<Vec<Task>> {
        let rows: Vec<TaskRow> = sqlx::query_as(&format!(
            "SELECT {TASK_COLS} FROM timeline_tasks WHERE org_id = $1 ORDER BY starts, ends, id"
        ))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn add_task(&self, org_id: i64, t: &TaskInput, actor: Actor) -> Result<Task> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let row: TaskRow = sqlx::query_as(&format!(
            "INSERT INTO timeline_tasks (org_id, title, starts, ends, responsible, status, link) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {TASK_COLS}"
        ))
        .bind(org_id)
        .bind(&t.title)
        .bind(t.starts.iso())
        .bind(t.ends.iso())
        .bind(&t.responsible)
        .bind(t.status.as_str())
        .bind(&t.link)
        .fetch_one(&mut *tx)
        .await?;
        let task = Task::try_from(row)?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::TaskCreate,
                entity: "task",
                entity_id: task.id.to_string(),
                before: None,
                after: json(&task),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(task)
    }

    async fn update_task(&self, org_id: i64, id: i64, version: i64, t: &TaskInput, actor: Actor) -> Result<Task> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before = task_in(&mut tx, org_id, id).await?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        let row: Option<TaskRow> = sqlx::query_as(&format!(
            "UPDATE timeline_tasks SET title = $1, starts = $2, ends = $3, responsible = $4, status = $5, \
             link = $6, version = version + 1 WHERE id = $7 AND version = $8 RETURNING {TASK_COLS}"
        ))
        .bind(&t.title)
        .bind(t.starts.iso())
        .bind(t.ends.iso())
        .bind(&t.responsible)
        .bind(t.status.as_str())
        .bind(&t.link)
        .bind(id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?;
        let after = Task::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::TaskUpdate,
                entity: "task",
                entity_id: id.to_string(),
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn delete_task(&self, org_id: i64, id: i64, version: i64, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before = task_in(&mut tx, org_id, id).await?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        crate::sql::versioned(&mut tx, "DELETE FROM timeline_tasks WHERE id = $1 AND version = $2", id, version)
            .await?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::TaskDelete,
                entity: "task",
                entity_id: id.to_string(),
                before: json(&before),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
