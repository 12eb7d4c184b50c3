//! The portable SQL of well-being reports: sections, workflow, comments, versions, structure.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::{audit, is_unique, json, rule, usable_indicators, Audit, Tx};
use hyte_domain::admin::audit::AuditAction;

use async_trait::async_trait;
use hyte_domain::reports::{
    Approval, Comment, NewReport, Report, ReportState, ReportStructure, ReportVersion, Section, SectionEdit,
    SectionKind, StructureSection,
};
use hyte_domain::ErrorCode;
use hyte_store::reports::rows::{
    ids_to_text, languages_to_text, CommentRow, ReportRow, SectionRow, VersionRow, COMMENT_SELECT, REPORT_COLS,
    SECTION_COLS, VERSION_COLS,
};
use hyte_store::rows::collect;
use hyte_store::{Actor, Result};

/// The report, its row locked first: its state can't move on (approval) under a section edit.
async fn load_locked(tx: &mut Tx<'_>, id: i64) -> Result<Report> {
    crate::sql::lock_row(tx, "UPDATE reports SET version = version WHERE id = $1", id).await?;
    load(tx, id).await
}

pub(crate) async fn load(tx: &mut Tx<'_>, id: i64) -> Result<Report> {
    let row: Option<ReportRow> = sqlx::query_as(&format!("SELECT {REPORT_COLS} FROM reports WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    row.ok_or(rule(ErrorCode::NotFound))?.try_into()
}

pub(crate) async fn sections(tx: &mut Tx<'_>, report_id: i64) -> Result<Vec<Section>> {
    let rows: Vec<SectionRow> = sqlx::query_as(&format!(
        "SELECT {SECTION_COLS} FROM report_sections WHERE report_id = $1 ORDER BY position, id"
    ))
    .bind(report_id)
    .fetch_all(&mut **tx)
    .await?;
    collect(rows)
}

async fn comment_by_id(tx: &mut Tx<'_>, id: i64) -> Result<Comment> {
    let row: CommentRow =
        sqlx::query_as(&format!("{COMMENT_SELECT} WHERE c.id = $1")).bind(id).fetch_one(&mut **tx).await?;
    Ok(Comment::from(row))
}

/// THL's example structure for the organisation's kind (municipal or regional).
async fn thl(tx: &mut Tx<'_>, org_id: i64) -> Result<ReportStructure> {
    let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM organisations WHERE id = $1")
        .bind(org_id)
        .fetch_optional(&mut **tx)
        .await?;
    let kind = kind.as_deref().and_then(hyte_domain::OrgKind::parse).unwrap_or(hyte_domain::OrgKind::Municipality);
    Ok(ReportStructure::thl(kind))
}

async fn structure(tx: &mut Tx<'_>, org_id: i64) -> Result<ReportStructure> {
    let row: Option<(String, i64)> =
        sqlx::query_as("SELECT sections_json, version FROM org_report_structures WHERE org_id = $1")
            .bind(org_id)
            .fetch_optional(&mut **tx)
            .await?;
    match row {
        None => thl(tx, org_id).await,
        Some((text, version)) => {
            let sections: Vec<StructureSection> = serde_json::from_str(&text).map_err(|_| {
                hyte_store::StoreError::Database(sqlx::Error::Decode(
                    format!("invalid report structure in database: {text:?}").into(),
                ))
            })?;
            Ok(ReportStructure { sections, version })
        }
    }
}

pub(crate) fn state_json(r: &Report) -> Option<String> {
    json(&serde_json::json!({
        "state": r.state, "content_version": r.content_version,
        "published_version": r.published_version, "approval": r.approval,
    }))
}

#[async_trait]
impl hyte_store::reports::ReportStore for crate::This {
    async fn create_report(&self, org_id: i64, r: &NewReport, actor: Actor) -> Result<Report> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let row: ReportRow = sqlx::query_as(&format!(
            "INSERT INTO reports (org_id, kind, term_start, term_end, year, languages, title, state, \
             based_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $9) RETURNING {REPORT_COLS}"
        ))
        .bind(org_id)
        .bind(r.kind.as_str())
        .bind(r.term.start)
        .bind(r.term.end)
        .bind(r.year.unwrap_or(0))
        .bind(languages_to_text(&r.languages))
        .bind(&r.title)
        .bind(r.based_on)
        .bind(chrono::Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| if is_unique(&e) { rule(ErrorCode::NameTaken) } else { e.into() })?;
        let report = Report::try_from(row)?;
        for (i, s) in structure(&mut tx, org_id).await?.sections.iter().enumerate() {
            sqlx::query(
                "INSERT INTO report_sections (report_id, position, key, kind, title_fi, title_sv, title_en) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(report.id)
            .bind(i as i32 + 1)
            .bind(&s.key)
            .bind(s.kind.as_str())
            .bind(&s.title.fi)
            .bind(&s.title.sv)
            .bind(&s.title.en)
            .execute(&mut *tx)
            .await?;
        }
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::ReportCreate,
                entity: "report",
                entity_id: report.id.to_string(),
                before: None,
                after: json(&report),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(report)
    }

    async fn report_structure(&self, org_id: i64) -> Result<ReportStructure> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let s = structure(&mut tx, org_id).await?;
        tx.commit().await?;
        Ok(s)
    }

    async fn set_report_structure(
        &self,
        org_id: i64,
        version: i64,
        sections: Option<&[StructureSection]>,
        actor: Actor,
    ) -> Result<ReportStructure> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before = structure(&mut tx, org_id).await?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        let after = match sections {
            None => {
                let n = sqlx::query("DELETE FROM org_report_structures WHERE org_id = $1 AND version = $2")
                    .bind(org_id)
                    .bind(version)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if version != 0 {
                    crate::sql::written(n)?;
                }
                thl(&mut tx, org_id).await?
            }
            Some(sections) => {
                let text = json(&sections).unwrap_or_default();
                let done = if version == 0 {
                    sqlx::query(
                        "INSERT INTO org_report_structures (org_id, sections_json, updated_at, version)                                      VALUES ($1, $2, $3, 1) ON CONFLICT DO NOTHING",
                    )
                    .bind(org_id)
                    .bind(&text)
                    .bind(chrono::Utc::now())
                    .execute(&mut *tx)
                    .await?
                } else {
                    sqlx::query(
                        "UPDATE org_report_structures SET sections_json = $1, updated_at = $2,                                      version = version + 1 WHERE org_id = $3 AND version = $4",
                    )
                    .bind(&text)
                    .bind(chrono::Utc::now())
                    .bind(org_id)
                    .bind(version)
                    .execute(&mut *tx)
                    .await?
                };
                if done.rows_affected() == 0 {
                    return Err(rule(ErrorCode::EditConflict));
                }
                ReportStructure { sections: sections.to_vec(), version: version + 1 }
            }
        };
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::ReportStructureUpdate,
                entity: "report_structure",
                entity_id: org_id.to_string(),
                before: json(&before.sections),
                after: json(&after.sections),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn get_report(&self, id: i64) -> Result<Option<Report>> {
        let row: Option<ReportRow> = sqlx::query_as(&format!("SELECT {REPORT_COLS} FROM reports WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(Report::try_from).transpose()
    }

    async fn list_reports(&self, org_id: i64) -> Result<Vec<Report>> {
        let rows: Vec<ReportRow> = sqlx::query_as(&format!(
            "SELECT {REPORT_COLS} FROM reports WHERE org_id = $1 ORDER BY term_start DESC, year DESC, id DESC"
        ))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn published_reports(&self) -> Result<Vec<Report>> {
        let rows: Vec<ReportRow> = sqlx::query_as(&format!(
            "SELECT {REPORT_COLS} FROM reports WHERE published_version IS NOT NULL \
             ORDER BY term_start DESC, year DESC, id DESC"
        ))
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn report_sections(&self, report_id: i64) -> Result<Vec<Section>> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let s = sections(&mut tx, report_id).await?;
        tx.commit().await?;
        Ok(s)
    }

    async fn update_section(
        &self,
        report_id: i64,
        section_id: i64,
        version: i64,
        edit: &SectionEdit,
        actor: Actor,
    ) -> Result<Section> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let report = load_locked(&mut tx, report_id).await?;
        if !report.state.editable() {
            return Err(rule(ErrorCode::ReportLocked));
        }
        let before = sections(&mut tx, report_id).await?.into_iter().find(|s| s.id == section_id);
        let before = before.ok_or(rule(ErrorCode::NotFound))?;
        usable_indicators(&mut tx, report.org_id, &edit.indicator_ids).await?;
        let row: Option<SectionRow> = sqlx::query_as(&format!(
            "UPDATE report_sections SET title_fi = $1, title_sv = $2, title_en = $3, body_fi = $4, \
             body_sv = $5, indicator_ids = $6, version = version + 1 \
             WHERE id = $7 AND report_id = $8 AND version = $9 RETURNING {SECTION_COLS}"
        ))
        .bind(&edit.title.fi)
        .bind(&edit.title.sv)
        .bind(&edit.title.en)
        .bind(&edit.body_fi)
        .bind(&edit.body_sv)
        .bind(ids_to_text(&edit.indicator_ids))
        .bind(section_id)
        .bind(report_id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?;
        let after = Section::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
        let target = format!("{report_id}/{section_id}");
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(report.org_id),
                action: AuditAction::ReportSectionUpdate,
                entity: "report_section",
                entity_id: target,
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn add_section(
        &self,
        report_id: i64,
        title: &hyte_domain::Names,
        kind: SectionKind,
        actor: Actor,
    ) -> Result<Section> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let report = load_locked(&mut tx, report_id).await?;
        if !report.state.editable() {
            return Err(rule(ErrorCode::ReportLocked));
        }
        let position: i32 = sqlx::query_scalar(
            "SELECT CAST(COALESCE(MAX(position), 0) + 1 AS INTEGER) FROM report_sections WHERE report_id = $1",
        )
        .bind(report_id)
        .fetch_one(&mut *tx)
        .await?;
        let row: SectionRow = sqlx::query_as(&format!(
            "INSERT INTO report_sections (report_id, position, key, kind, title_fi, title_sv, title_en) \
             VALUES ($1, $2, 'custom', $3, $4, $5, $6) RETURNING {SECTION_COLS}"
        ))
        .bind(report_id)
        .bind(position)
        .bind(kind.as_str())
        .bind(&title.fi)
        .bind(&title.sv)
        .bind(&title.en)
        .fetch_one(&mut *tx)
        .await?;
        let section = Section::try_from(row)?;
        let target = format!("{report_id}/{}", section.id);
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(report.org_id),
                action: AuditAction::ReportSectionAdd,
                entity: "report_section",
                entity_id: target,
                before: None,
                after: json(&section),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(section)
    }

    async fn delete_section(&self, report_id: i64, section_id: i64, version: i64, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let report = load_locked(&mut tx, report_id).await?;
        if !report.state.editable() {
            return Err(rule(ErrorCode::ReportLocked));
        }
        let before = sections(&mut tx, report_id).await?.into_iter().find(|s| s.id == section_id);
        let before = before.ok_or(rule(ErrorCode::NotFound))?;
        // Refuse a stale removal before writing anything, so a refused one never holds the write lock.
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        sqlx::query("DELETE FROM report_comments WHERE section_id = $1 AND report_id = $2")
            .bind(section_id)
            .bind(report_id)
            .execute(&mut *tx)
            .await?;
        let done = sqlx::query("DELETE FROM report_sections WHERE id = $1 AND report_id = $2 AND version = $3")
            .bind(section_id)
            .bind(report_id)
            .bind(version)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(rule(ErrorCode::EditConflict));
        }
        let target = format!("{report_id}/{section_id}");
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(report.org_id),
                action: AuditAction::ReportSectionDelete,
                entity: "report_section",
                entity_id: target,
                before: json(&before),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn set_report_state(
        &self,
        id: i64,
        version: i64,
        to: ReportState,
        approval: Option<&Approval>,
        actor: Actor,
    ) -> Result<Report> {
        self.move_report(id, version, to, approval, None, actor).await
    }

    async fn approve_report(
        &self,
        id: i64,
        version: i64,
        approval: &Approval,
        generated: &[hyte_domain::reports::FrozenSection],
        actor: Actor,
    ) -> Result<Report> {
        self.move_report(id, version, ReportState::Approved, Some(approval), Some(generated), actor).await
    }

    async fn start_new_version(&self, id: i64, version: i64, actor: Actor) -> Result<Report> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before = load(&mut tx, id).await?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        if before.state.editable() {
            return Err(rule(ErrorCode::StateTransitionInvalid));
        }
        let row: Option<ReportRow> = sqlx::query_as(&format!(
            "UPDATE reports SET state = 'draft', content_version = content_version + 1, approval_body = NULL, \
             approval_date = NULL, approval_ref = NULL, version = version + 1 \
             WHERE id = $1 AND version = $2 RETURNING {REPORT_COLS}"
        ))
        .bind(id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?;
        let after = Report::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(after.org_id),
                action: AuditAction::ReportState,
                entity: "report",
                entity_id: id.to_string(),
                before: state_json(&before),
                after: state_json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn add_comment(&self, report_id: i64, section_id: i64, body: &str, actor: Actor) -> Result<Comment> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let report = load_locked(&mut tx, report_id).await?;
        if !report.state.editable() {
            return Err(rule(ErrorCode::ReportLocked));
        }
        if !sections(&mut tx, report_id).await?.iter().any(|s| s.id == section_id) {
            return Err(rule(ErrorCode::NotFound));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO report_comments (report_id, section_id, user_id, body, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(report_id)
        .bind(section_id)
        .bind(actor.user_id)
        .bind(body)
        .bind(chrono::Utc::now())
        .fetch_one(&mut *tx)
        .await?;
        let comment = comment_by_id(&mut tx, id).await?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(report.org_id),
                action: AuditAction::ReportComment,
                entity: "report_comment",
                entity_id: id.to_string(),
                before: None,
                after: json(&comment),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(comment)
    }

    async fn report_comments(&self, report_id: i64) -> Result<Vec<Comment>> {
        let rows: Vec<CommentRow> = sqlx::query_as(&format!("{COMMENT_SELECT} WHERE c.report_id = $1 ORDER BY c.id"))
            .bind(report_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(Comment::from).collect())
    }

    async fn resolve_comment(&self, report_id: i64, comment_id: i64, actor: Actor) -> Result<Comment> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let report = load(&mut tx, report_id).await?;
        let done = sqlx::query("UPDATE report_comments SET resolved = TRUE WHERE id = $1 AND report_id = $2")
            .bind(comment_id)
            .bind(report_id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(rule(ErrorCode::NotFound));
        }
        let comment = comment_by_id(&mut tx, comment_id).await?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(report.org_id),
                action: AuditAction::ReportCommentResolve,
                entity: "report_comment",
                entity_id: comment_id.to_string(),
                before: None,
                after: json(&comment),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(comment)
    }

    async fn report_versions(&self, report_id: i64) -> Result<Vec<ReportVersion>> {
        let rows: Vec<VersionRow> =
            sqlx::query_as(&format!("SELECT {VERSION_COLS} FROM report_versions WHERE report_id = $1 ORDER BY number"))
                .bind(report_id)
                .fetch_all(&self.pool)
                .await?;
        collect(rows)
    }
}
