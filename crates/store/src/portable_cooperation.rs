//! Portable SQL for cooperation ([`crate::cooperation::CooperationStore`]).

#[macro_export]
macro_rules! impl_cooperation_store {
    ($store:ty, $db:ty) => {
        const _: () = {
            use $crate::cooperation_rows::{AgreementRow, ContactRow, GroupRow, MaturityRow, MeetingRow, MemberRow, TaskRow};
            use $crate::rows::collect;
            use $crate::{Actor, Result};
            use ::async_trait::async_trait;
            use ::chrono::NaiveDate;
            use ::hyte_domain::cooperation::{
                Agreement, AgreementInput, ContactInput, ContactPair, ContactTheme, DutyOwners, Group, GroupInput,
                Maturity, Meeting, MeetingInput, Member, MemberInput, Responsibility, Task, TaskInput,
            };
            use ::hyte_domain::ErrorCode;
            use ::std::collections::HashMap;

            $crate::portable_helpers!($db);

            const GROUP_COLS: &str = "id, org_id, kind, name, mandate, tasks, chair, version";
            const MEMBER_COLS: &str = "id, group_id, person, org_name, org_kind, member_org_id, role";
            const MEETING_COLS: &str = "id, group_id, held_on, agenda, minutes, version";
            const AGREEMENT_COLS: &str = "id, group_id, meeting_id, what, who, due_on, done_on, version";
            const CONTACT_COLS: &str = "id, org_id, theme, municipality_area_id, person, email, phone";
            const MATURITY_COLS: &str = "org_id, year, step, justification, version";
            const TASK_COLS: &str = "id, org_id, title, starts, ends, responsible, status, link, version";

            async fn responsibility_in(tx: &mut Tx<'_>, org_id: i64) -> Result<Responsibility> {
                let row: Option<(Option<String>, Option<String>, i64)> =
                    ::sqlx::query_as("SELECT person, body, version FROM hyte_responsibility WHERE org_id = $1")
                        .bind(org_id)
                        .fetch_optional(&mut **tx)
                        .await?;
                Ok(row.map(|(person, body, version)| Responsibility { person, body, version }).unwrap_or_default())
            }

            /// Moves the organisation's cooperation settings on from `version` (0: none yet).
            async fn bump_responsibility(tx: &mut Tx<'_>, org_id: i64, version: i64) -> Result<()> {
                let n = if version == 0 {
                    ::sqlx::query("INSERT INTO hyte_responsibility (org_id) VALUES ($1) ON CONFLICT DO NOTHING")
                        .bind(org_id)
                        .execute(&mut **tx)
                        .await?
                        .rows_affected()
                } else {
                    ::sqlx::query(
                        "UPDATE hyte_responsibility SET version = version + 1 WHERE org_id = $1 AND version = $2",
                    )
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

            async fn group_in(tx: &mut Tx<'_>, id: i64) -> Result<Group> {
                let row: Option<GroupRow> = ::sqlx::query_as(&format!("SELECT {GROUP_COLS} FROM coop_groups WHERE id = $1"))
                    .bind(id)
                    .fetch_optional(&mut **tx)
                    .await?;
                row.ok_or(rule(ErrorCode::NotFound))?.try_into()
            }

            async fn meeting_in(tx: &mut Tx<'_>, id: i64) -> Result<Meeting> {
                let row: Option<MeetingRow> =
                    ::sqlx::query_as(&format!("SELECT {MEETING_COLS} FROM group_meetings WHERE id = $1"))
                        .bind(id)
                        .fetch_optional(&mut **tx)
                        .await?;
                row.ok_or(rule(ErrorCode::NotFound))?.try_into()
            }

            async fn task_in(tx: &mut Tx<'_>, org_id: i64, id: i64) -> Result<Task> {
                let row: Option<TaskRow> =
                    ::sqlx::query_as(&format!("SELECT {TASK_COLS} FROM timeline_tasks WHERE org_id = $1 AND id = $2"))
                        .bind(org_id)
                        .bind(id)
                        .fetch_optional(&mut **tx)
                        .await?;
                row.ok_or(rule(ErrorCode::NotFound))?.try_into()
            }

            #[async_trait]
            impl $crate::cooperation::CooperationStore for $store {
                async fn responsibility(&self, org_id: i64) -> Result<Responsibility> {
                    let mut tx = self.pool.begin().await?;
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
                    let mut tx = self.pool.begin().await?;
                    let before = responsibility_in(&mut tx, org_id).await?;
                    bump_responsibility(&mut tx, org_id, version).await?;
                    ::sqlx::query("UPDATE hyte_responsibility SET person = $1, body = $2 WHERE org_id = $3")
                        .bind(person)
                        .bind(body)
                        .bind(org_id)
                        .execute(&mut *tx)
                        .await?;
                    let after = responsibility_in(&mut tx, org_id).await?;
                    audit(&mut tx, actor, Some(org_id), "responsibility.update", "organisation", org_id.to_string(), json(&before), json(&after))
                        .await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn duty_owners(&self, org_id: i64) -> Result<HashMap<String, DutyOwners>> {
                    let rows: Vec<(String, i64, bool)> = ::sqlx::query_as(
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
                    let mut tx = self.pool.begin().await?;
                    bump_responsibility(&mut tx, org_id, version).await?;
                    ::sqlx::query("DELETE FROM duty_owners WHERE org_id = $1 AND duty_key = $2")
                        .bind(org_id)
                        .bind(duty_key)
                        .execute(&mut *tx)
                        .await?;
                    let all = owners.lead.iter().map(|s| (*s, true)).chain(owners.parts.iter().map(|s| (*s, false)));
                    for (sector, lead) in all {
                        ::sqlx::query(
                            "INSERT INTO duty_owners (org_id, duty_key, sector_id, lead) \
                             SELECT $1, $2, id, $4 FROM sectors WHERE org_id = $1 AND id = $3",
                        )
                        .bind(org_id)
                        .bind(duty_key)
                        .bind(sector)
                        .bind(lead)
                        .execute(&mut *tx)
                        .await?;
                    }
                    audit(&mut tx, actor, Some(org_id), "duty.update", "duty", duty_key.to_string(), None, json(owners)).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn list_groups(&self, org_id: i64) -> Result<Vec<Group>> {
                    let rows: Vec<GroupRow> =
                        ::sqlx::query_as(&format!("SELECT {GROUP_COLS} FROM coop_groups WHERE org_id = $1 ORDER BY id"))
                            .bind(org_id)
                            .fetch_all(&self.pool)
                            .await?;
                    collect(rows)
                }

                async fn get_group(&self, id: i64) -> Result<Option<Group>> {
                    let row: Option<GroupRow> =
                        ::sqlx::query_as(&format!("SELECT {GROUP_COLS} FROM coop_groups WHERE id = $1"))
                            .bind(id)
                            .fetch_optional(&self.pool)
                            .await?;
                    row.map(Group::try_from).transpose()
                }

                async fn create_group(&self, org_id: i64, g: &GroupInput, actor: Actor) -> Result<Group> {
                    let mut tx = self.pool.begin().await?;
                    let row: GroupRow = ::sqlx::query_as(&format!(
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
                    audit(&mut tx, actor, Some(org_id), "group.create", "group", group.id.to_string(), None, json(&group)).await?;
                    tx.commit().await?;
                    Ok(group)
                }

                async fn update_group(&self, id: i64, version: i64, g: &GroupInput, actor: Actor) -> Result<Group> {
                    let mut tx = self.pool.begin().await?;
                    let before = group_in(&mut tx, id).await?;
                    if before.version != version {
                        return Err(rule(ErrorCode::EditConflict));
                    }
                    let row: GroupRow = ::sqlx::query_as(&format!(
                        "UPDATE coop_groups SET kind = $1, name = $2, mandate = $3, tasks = $4, chair = $5, \
                         version = version + 1 WHERE id = $6 RETURNING {GROUP_COLS}"
                    ))
                    .bind(g.kind.as_str())
                    .bind(&g.name)
                    .bind(&g.mandate)
                    .bind(&g.tasks)
                    .bind(&g.chair)
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                    let after = Group::try_from(row)?;
                    audit(&mut tx, actor, Some(after.org_id), "group.update", "group", id.to_string(), json(&before), json(&after))
                        .await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn group_members(&self, group_id: i64) -> Result<Vec<Member>> {
                    let rows: Vec<MemberRow> =
                        ::sqlx::query_as(&format!("SELECT {MEMBER_COLS} FROM group_members WHERE group_id = $1 ORDER BY id"))
                            .bind(group_id)
                            .fetch_all(&self.pool)
                            .await?;
                    collect(rows)
                }

                async fn add_member(&self, group_id: i64, m: &MemberInput, actor: Actor) -> Result<Member> {
                    let mut tx = self.pool.begin().await?;
                    let g = group_in(&mut tx, group_id).await?;
                    let row: MemberRow = ::sqlx::query_as(&format!(
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
                    audit(&mut tx, actor, Some(g.org_id), "group.member_add", "group", group_id.to_string(), None, json(&member))
                        .await?;
                    tx.commit().await?;
                    Ok(member)
                }

                async fn remove_member(&self, group_id: i64, id: i64, actor: Actor) -> Result<()> {
                    let mut tx = self.pool.begin().await?;
                    let g = group_in(&mut tx, group_id).await?;
                    let row: Option<MemberRow> = ::sqlx::query_as(&format!(
                        "DELETE FROM group_members WHERE group_id = $1 AND id = $2 RETURNING {MEMBER_COLS}"
                    ))
                    .bind(group_id)
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let before = Member::try_from(row.ok_or(rule(ErrorCode::NotFound))?)?;
                    audit(&mut tx, actor, Some(g.org_id), "group.member_remove", "group", group_id.to_string(), json(&before), None)
                        .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn group_meetings(&self, group_id: i64) -> Result<Vec<Meeting>> {
                    let rows: Vec<MeetingRow> = ::sqlx::query_as(&format!(
                        "SELECT {MEETING_COLS} FROM group_meetings WHERE group_id = $1 ORDER BY held_on DESC, id DESC"
                    ))
                    .bind(group_id)
                    .fetch_all(&self.pool)
                    .await?;
                    collect(rows)
                }

                async fn get_meeting(&self, id: i64) -> Result<Option<Meeting>> {
                    let row: Option<MeetingRow> =
                        ::sqlx::query_as(&format!("SELECT {MEETING_COLS} FROM group_meetings WHERE id = $1"))
                            .bind(id)
                            .fetch_optional(&self.pool)
                            .await?;
                    row.map(Meeting::try_from).transpose()
                }

                async fn add_meeting(&self, group_id: i64, m: &MeetingInput, actor: Actor) -> Result<Meeting> {
                    let mut tx = self.pool.begin().await?;
                    let g = group_in(&mut tx, group_id).await?;
                    let row: MeetingRow = ::sqlx::query_as(&format!(
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
                    audit(&mut tx, actor, Some(g.org_id), "meeting.create", "meeting", meeting.id.to_string(), None, json(&meeting))
                        .await?;
                    tx.commit().await?;
                    Ok(meeting)
                }

                async fn update_meeting(&self, id: i64, version: i64, m: &MeetingInput, actor: Actor) -> Result<Meeting> {
                    let mut tx = self.pool.begin().await?;
                    let before = meeting_in(&mut tx, id).await?;
                    if before.version != version {
                        return Err(rule(ErrorCode::EditConflict));
                    }
                    let g = group_in(&mut tx, before.group_id).await?;
                    let row: MeetingRow = ::sqlx::query_as(&format!(
                        "UPDATE group_meetings SET held_on = $1, agenda = $2, minutes = $3, version = version + 1 \
                         WHERE id = $4 RETURNING {MEETING_COLS}"
                    ))
                    .bind(m.held_on.to_string())
                    .bind(&m.agenda)
                    .bind(&m.minutes)
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                    let after = Meeting::try_from(row)?;
                    audit(&mut tx, actor, Some(g.org_id), "meeting.update", "meeting", id.to_string(), json(&before), json(&after))
                        .await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn group_agreements(&self, group_id: i64) -> Result<Vec<Agreement>> {
                    let rows: Vec<AgreementRow> = ::sqlx::query_as(&format!(
                        "SELECT {AGREEMENT_COLS} FROM group_agreements WHERE group_id = $1 ORDER BY due_on, id"
                    ))
                    .bind(group_id)
                    .fetch_all(&self.pool)
                    .await?;
                    collect(rows)
                }

                async fn org_agreements(&self, org_id: i64) -> Result<Vec<Agreement>> {
                    let rows: Vec<AgreementRow> = ::sqlx::query_as(&format!(
                        "SELECT {AGREEMENT_COLS} FROM group_agreements \
                         WHERE group_id IN (SELECT id FROM coop_groups WHERE org_id = $1) ORDER BY due_on, id"
                    ))
                    .bind(org_id)
                    .fetch_all(&self.pool)
                    .await?;
                    collect(rows)
                }

                async fn add_agreement(&self, meeting_id: i64, a: &AgreementInput, actor: Actor) -> Result<Agreement> {
                    let mut tx = self.pool.begin().await?;
                    let m = meeting_in(&mut tx, meeting_id).await?;
                    let g = group_in(&mut tx, m.group_id).await?;
                    let row: AgreementRow = ::sqlx::query_as(&format!(
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
                    audit(&mut tx, actor, Some(g.org_id), "agreement.create", "agreement", added.id.to_string(), None, json(&added))
                        .await?;
                    tx.commit().await?;
                    Ok(added)
                }

                async fn set_agreement_done(
                    &self,
                    id: i64,
                    version: i64,
                    done_on: Option<NaiveDate>,
                    actor: Actor,
                ) -> Result<Agreement> {
                    let mut tx = self.pool.begin().await?;
                    let row: Option<AgreementRow> = ::sqlx::query_as(&format!(
                        "UPDATE group_agreements SET done_on = $1, version = version + 1 WHERE id = $2 AND version = $3 \
                         RETURNING {AGREEMENT_COLS}"
                    ))
                    .bind(done_on.map(|d| d.to_string()))
                    .bind(id)
                    .bind(version)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some(row) = row else {
                        let exists: Option<i64> = ::sqlx::query_scalar("SELECT id FROM group_agreements WHERE id = $1")
                            .bind(id)
                            .fetch_optional(&mut *tx)
                            .await?;
                        return Err(rule(if exists.is_some() { ErrorCode::EditConflict } else { ErrorCode::NotFound }));
                    };
                    let after = Agreement::try_from(row)?;
                    let g = group_in(&mut tx, after.group_id).await?;
                    let action = if done_on.is_some() { "agreement.done" } else { "agreement.reopen" };
                    audit(&mut tx, actor, Some(g.org_id), action, "agreement", id.to_string(), None, json(&after)).await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn contact_pairs(&self, org_id: i64) -> Result<Vec<ContactPair>> {
                    let rows: Vec<ContactRow> = ::sqlx::query_as(&format!(
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
                    let mut tx = self.pool.begin().await?;
                    let row: ContactRow = ::sqlx::query_as(&format!(
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
                    audit(&mut tx, actor, Some(org_id), "contact.set", "contact_pair", pair.id.to_string(), None, json(&pair))
                        .await?;
                    tx.commit().await?;
                    Ok(pair)
                }

                async fn remove_contact_pair(&self, org_id: i64, id: i64, actor: Actor) -> Result<()> {
                    let mut tx = self.pool.begin().await?;
                    let row: Option<ContactRow> = ::sqlx::query_as(&format!(
                        "DELETE FROM contact_pairs WHERE org_id = $1 AND id = $2 RETURNING {CONTACT_COLS}"
                    ))
                    .bind(org_id)
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let before = ContactPair::try_from(row.ok_or(rule(ErrorCode::NotFound))?)?;
                    audit(&mut tx, actor, Some(org_id), "contact.remove", "contact_pair", id.to_string(), json(&before), None)
                        .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn maturity(&self, org_id: i64) -> Result<Vec<Maturity>> {
                    let rows: Vec<MaturityRow> = ::sqlx::query_as(&format!(
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
                    let mut tx = self.pool.begin().await?;
                    let row: Option<MaturityRow> = if version == 0 {
                        ::sqlx::query_as(&format!(
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
                        ::sqlx::query_as(&format!(
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
                    audit(&mut tx, actor, Some(org_id), "maturity.save", "maturity", year.to_string(), None, json(&saved)).await?;
                    tx.commit().await?;
                    Ok(saved)
                }

                async fn tasks(&self, org_id: i64) -> Result<Vec<Task>> {
                    let rows: Vec<TaskRow> = ::sqlx::query_as(&format!(
                        "SELECT {TASK_COLS} FROM timeline_tasks WHERE org_id = $1 ORDER BY starts, ends, id"
                    ))
                    .bind(org_id)
                    .fetch_all(&self.pool)
                    .await?;
                    collect(rows)
                }

                async fn add_task(&self, org_id: i64, t: &TaskInput, actor: Actor) -> Result<Task> {
                    let mut tx = self.pool.begin().await?;
                    let row: TaskRow = ::sqlx::query_as(&format!(
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
                    audit(&mut tx, actor, Some(org_id), "task.create", "task", task.id.to_string(), None, json(&task)).await?;
                    tx.commit().await?;
                    Ok(task)
                }

                async fn update_task(&self, org_id: i64, id: i64, version: i64, t: &TaskInput, actor: Actor) -> Result<Task> {
                    let mut tx = self.pool.begin().await?;
                    let before = task_in(&mut tx, org_id, id).await?;
                    if before.version != version {
                        return Err(rule(ErrorCode::EditConflict));
                    }
                    let row: TaskRow = ::sqlx::query_as(&format!(
                        "UPDATE timeline_tasks SET title = $1, starts = $2, ends = $3, responsible = $4, status = $5, \
                         link = $6, version = version + 1 WHERE id = $7 RETURNING {TASK_COLS}"
                    ))
                    .bind(&t.title)
                    .bind(t.starts.iso())
                    .bind(t.ends.iso())
                    .bind(&t.responsible)
                    .bind(t.status.as_str())
                    .bind(&t.link)
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                    let after = Task::try_from(row)?;
                    audit(&mut tx, actor, Some(org_id), "task.update", "task", id.to_string(), json(&before), json(&after)).await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn delete_task(&self, org_id: i64, id: i64, version: i64, actor: Actor) -> Result<()> {
                    let mut tx = self.pool.begin().await?;
                    let before = task_in(&mut tx, org_id, id).await?;
                    if before.version != version {
                        return Err(rule(ErrorCode::EditConflict));
                    }
                    ::sqlx::query("DELETE FROM timeline_tasks WHERE id = $1").bind(id).execute(&mut *tx).await?;
                    audit(&mut tx, actor, Some(org_id), "task.delete", "task", id.to_string(), json(&before), None).await?;
                    tx.commit().await?;
                    Ok(())
                }
            }
        };
    };
}
