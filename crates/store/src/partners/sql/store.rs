//! The portable SQL of NGO partners: the store's methods.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::partners_queries::*;
use crate::sql::{audit, is_unique, json, rule, Audit};
use async_trait::async_trait;
use chrono::NaiveDate;
use hyte_domain::admin::audit::AuditAction;
use hyte_domain::partners::{
    languages_text, Activity, ActivityFilter, ActivityInput, ApplicationInput, CallInput, GrantApplication, GrantCall,
    GrantDecision, Partner, PartnerInput, Premises, PremisesInput, UseReport,
};
use hyte_domain::ErrorCode;
use hyte_store::partners::rows::{
    ActivityRow, ApplicationRow, CallRow, PartnerRow, PremisesRow, ACTIVITY_COLS, APPLICATION_COLS, CALL_COLS,
    PARTNER_COLS, PREMISES_COLS,
};
use hyte_store::rows::collect;
use hyte_store::{Actor, Result};

#[async_trait]
impl hyte_store::partners::PartnerStore for crate::This {
    async fn list_partners(&self, org_id: i64) -> Result<Vec<Partner>> {
        let rows: Vec<PartnerRow> = sqlx::query_as(&format!(
            "SELECT {PARTNER_COLS} FROM partners WHERE org_id = $1 \
             ORDER BY (SELECT name_fi FROM organisations WHERE id = partner_org_id), id"
        ))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn get_partner(&self, org_id: i64, id: i64) -> Result<Option<Partner>> {
        let row: Option<PartnerRow> =
            sqlx::query_as(&format!("SELECT {PARTNER_COLS} FROM partners WHERE org_id = $1 AND id = $2"))
                .bind(org_id)
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(Partner::try_from).transpose()
    }

    async fn add_partner(&self, org_id: i64, p: &PartnerInput, actor: Actor) -> Result<Partner> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        org_exists(&mut tx, org_id).await?;
        org_exists(&mut tx, p.partner_org_id).await?;
        if p.partner_org_id == org_id {
            return Err(rule(ErrorCode::InvalidInput));
        }
        let row: PartnerRow = sqlx::query_as(&format!(
            "INSERT INTO partners (org_id, partner_org_id, role, contact_name, contact_email, contact_phone, note) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {PARTNER_COLS}"
        ))
        .bind(org_id)
        .bind(p.partner_org_id)
        .bind(p.role.as_str())
        .bind(&p.contact_name)
        .bind(&p.contact_email)
        .bind(&p.contact_phone)
        .bind(&p.note)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| if is_unique(&e) { rule(ErrorCode::AlreadyPartner) } else { e.into() })?;
        let added = Partner::try_from(row)?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::PartnerCreate,
                entity: "partner",
                entity_id: added.id.to_string(),
                before: None,
                after: json(&added),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(added)
    }

    async fn update_partner(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        p: &PartnerInput,
        actor: Actor,
    ) -> Result<Partner> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before = partner_in(&mut tx, org_id, id).await?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        // The partner organisation itself stays: remove and add to change it.
        let row: Option<PartnerRow> = sqlx::query_as(&format!(
            "UPDATE partners SET role = $1, contact_name = $2, contact_email = $3, contact_phone = $4, note = $5, \
             version = version + 1 WHERE id = $6 AND version = $7 RETURNING {PARTNER_COLS}"
        ))
        .bind(p.role.as_str())
        .bind(&p.contact_name)
        .bind(&p.contact_email)
        .bind(&p.contact_phone)
        .bind(&p.note)
        .bind(id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?;
        let after = Partner::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::PartnerUpdate,
                entity: "partner",
                entity_id: id.to_string(),
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn remove_partner(&self, org_id: i64, id: i64, version: i64, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before = partner_in(&mut tx, org_id, id).await?;
        let n = sqlx::query("DELETE FROM partners WHERE id = $1 AND version = $2")
            .bind(id)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n != 1 {
            return Err(rule(ErrorCode::EditConflict));
        }
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::PartnerDelete,
                entity: "partner",
                entity_id: id.to_string(),
                before: json(&before),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn partnerships_of(&self, partner_org_id: i64) -> Result<Vec<Partner>> {
        let rows: Vec<PartnerRow> =
            sqlx::query_as(&format!("SELECT {PARTNER_COLS} FROM partners WHERE partner_org_id = $1 ORDER BY id"))
                .bind(partner_org_id)
                .fetch_all(&self.pool)
                .await?;
        collect(rows)
    }

    async fn create_activity(&self, org_id: i64, a: &ActivityInput, actor: Actor) -> Result<Activity> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        org_exists(&mut tx, org_id).await?;
        let row: ActivityRow = sqlx::query_as(&format!(
            "INSERT INTO activities (org_id, title_fi, title_sv, title_en, description_fi, description_sv, \
             description_en, kind, theme, target_group, age_min, age_max, area_id, languages, schedule, place, \
             contact, published, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) \
             RETURNING {ACTIVITY_COLS}"
        ))
        .bind(org_id)
        .bind(&a.title.fi)
        .bind(&a.title.sv)
        .bind(&a.title.en)
        .bind(&a.description.fi)
        .bind(&a.description.sv)
        .bind(&a.description.en)
        .bind(a.kind.as_str())
        .bind(a.theme.as_str())
        .bind(a.target_group.as_str())
        .bind(a.age_min)
        .bind(a.age_max)
        .bind(a.area_id)
        .bind(languages_text(&a.languages))
        .bind(&a.schedule)
        .bind(&a.place)
        .bind(&a.contact)
        .bind(a.published)
        .bind(chrono::Utc::now())
        .fetch_one(&mut *tx)
        .await?;
        let added = Activity::try_from(row)?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::ActivityCreate,
                entity: "activity",
                entity_id: added.id.to_string(),
                before: None,
                after: json(&added),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(added)
    }

    async fn get_activity(&self, id: i64) -> Result<Option<Activity>> {
        let row: Option<ActivityRow> = sqlx::query_as(&format!("SELECT {ACTIVITY_COLS} FROM activities WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(Activity::try_from).transpose()
    }

    async fn org_activities(&self, org_id: i64) -> Result<Vec<Activity>> {
        let rows: Vec<ActivityRow> =
            sqlx::query_as(&format!("SELECT {ACTIVITY_COLS} FROM activities WHERE org_id = $1 ORDER BY id DESC"))
                .bind(org_id)
                .fetch_all(&self.pool)
                .await?;
        collect(rows)
    }

    async fn update_activity(&self, id: i64, version: i64, a: &ActivityInput, actor: Actor) -> Result<Activity> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before = activity_in(&mut tx, id).await?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        let row: Option<ActivityRow> = sqlx::query_as(&format!(
            "UPDATE activities SET title_fi = $1, title_sv = $2, title_en = $3, description_fi = $4, \
             description_sv = $5, description_en = $6, kind = $7, theme = $8, target_group = $9, age_min = $10, \
             age_max = $11, area_id = $12, languages = $13, schedule = $14, place = $15, contact = $16, \
             published = $17, version = version + 1 WHERE id = $18 AND version = $19 RETURNING {ACTIVITY_COLS}"
        ))
        .bind(&a.title.fi)
        .bind(&a.title.sv)
        .bind(&a.title.en)
        .bind(&a.description.fi)
        .bind(&a.description.sv)
        .bind(&a.description.en)
        .bind(a.kind.as_str())
        .bind(a.theme.as_str())
        .bind(a.target_group.as_str())
        .bind(a.age_min)
        .bind(a.age_max)
        .bind(a.area_id)
        .bind(languages_text(&a.languages))
        .bind(&a.schedule)
        .bind(&a.place)
        .bind(&a.contact)
        .bind(a.published)
        .bind(id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?;
        let after = Activity::try_from(row.ok_or(rule(ErrorCode::EditConflict))?)?;
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(after.org_id),
                action: AuditAction::ActivityUpdate,
                entity: "activity",
                entity_id: id.to_string(),
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn delete_activity(&self, id: i64, version: i64, actor: Actor) -> Result<()> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before = activity_in(&mut tx, id).await?;
        let n = sqlx::query("DELETE FROM activities WHERE id = $1 AND version = $2")
            .bind(id)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n != 1 {
            return Err(rule(ErrorCode::EditConflict));
        }
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(before.org_id),
                action: AuditAction::ActivityDelete,
                entity: "activity",
                entity_id: id.to_string(),
                before: json(&before),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn published_activities(&self, f: &ActivityFilter) -> Result<Vec<Activity>> {
        let rows: Vec<ActivityRow> = sqlx::query_as(&format!(
            "SELECT {ACTIVITY_COLS} FROM activities WHERE published = $1 \
             AND ($2 IS NULL OR theme = $2) AND ($3 IS NULL OR target_group = $3) \
             AND ($4 IS NULL OR area_id = $4) AND ($5 IS NULL OR languages LIKE $5) ORDER BY id DESC"
        ))
        .bind(true)
        .bind(f.theme.map(|t| t.as_str()))
        .bind(f.target_group.map(|t| t.as_str()))
        .bind(f.area_id)
        .bind(f.language.map(|l| format!("%,{},%", l.as_str())))
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn create_call(&self, org_id: i64, c: &CallInput, actor: Actor) -> Result<GrantCall> {
        crate::sql::partners_grants::create_call(self, org_id, c, actor).await
    }

    async fn update_call(&self, org_id: i64, id: i64, version: i64, c: &CallInput, actor: Actor) -> Result<GrantCall> {
        crate::sql::partners_grants::update_call(self, org_id, id, version, c, actor).await
    }

    async fn get_call(&self, id: i64) -> Result<Option<GrantCall>> {
        let row: Option<CallRow> = sqlx::query_as(&format!("SELECT {CALL_COLS} FROM grant_calls WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(GrantCall::try_from).transpose()
    }

    async fn org_calls(&self, org_id: i64) -> Result<Vec<GrantCall>> {
        let rows: Vec<CallRow> = sqlx::query_as(&format!(
            "SELECT {CALL_COLS} FROM grant_calls WHERE org_id = $1 ORDER BY year DESC, deadline DESC, id DESC"
        ))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn open_calls(&self, today: NaiveDate) -> Result<Vec<GrantCall>> {
        let rows: Vec<CallRow> =
            sqlx::query_as(&format!("SELECT {CALL_COLS} FROM grant_calls WHERE deadline >= $1 ORDER BY deadline, id"))
                .bind(today.to_string())
                .fetch_all(&self.pool)
                .await?;
        collect(rows)
    }

    async fn apply_for_grant(
        &self,
        call_id: i64,
        applicant_org_id: i64,
        input: &ApplicationInput,
        today: NaiveDate,
        actor: Actor,
    ) -> Result<GrantApplication> {
        crate::sql::partners_grants::apply_for_grant(self, call_id, applicant_org_id, input, today, actor).await
    }

    async fn get_application(&self, id: i64) -> Result<Option<GrantApplication>> {
        let row: Option<ApplicationRow> =
            sqlx::query_as(&format!("SELECT {APPLICATION_COLS} FROM grant_applications WHERE id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(GrantApplication::try_from).transpose()
    }

    async fn call_applications(&self, call_id: i64) -> Result<Vec<GrantApplication>> {
        let rows: Vec<ApplicationRow> = sqlx::query_as(&format!(
            "SELECT {APPLICATION_COLS} FROM grant_applications WHERE call_id = $1 ORDER BY id"
        ))
        .bind(call_id)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn org_applications(&self, applicant_org_id: i64) -> Result<Vec<GrantApplication>> {
        let rows: Vec<ApplicationRow> = sqlx::query_as(&format!(
            "SELECT {APPLICATION_COLS} FROM grant_applications WHERE applicant_org_id = $1 ORDER BY id DESC"
        ))
        .bind(applicant_org_id)
        .fetch_all(&self.pool)
        .await?;
        collect(rows)
    }

    async fn decide_application(
        &self,
        id: i64,
        version: i64,
        d: &GrantDecision,
        actor: Actor,
    ) -> Result<GrantApplication> {
        crate::sql::partners_grants::decide_application(self, id, version, d, actor).await
    }

    async fn report_grant_use(&self, id: i64, version: i64, r: &UseReport, actor: Actor) -> Result<GrantApplication> {
        crate::sql::partners_grants::report_grant_use(self, id, version, r, actor).await
    }

    async fn create_premises(&self, org_id: i64, p: &PremisesInput, actor: Actor) -> Result<Premises> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        org_exists(&mut tx, org_id).await?;
        let row: PremisesRow = sqlx::query_as(&format!(
            "INSERT INTO premises (org_id, name, address, area_id, capacity, available_for, booking_contact, \
             price, published) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {PREMISES_COLS}"
        ))
        .bind(org_id)
        .bind(&p.name)
        .bind(&p.address)
        .bind(p.area_id)
        .bind(p.capacity)
        .bind(&p.available_for)
        .bind(&p.booking_contact)
        .bind(&p.price)
        .bind(p.published)
        .fetch_one(&mut *tx)
        .await?;
        let added = Premises::from(row);
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::PremisesCreate,
                entity: "premises",
                entity_id: added.id.to_string(),
                before: None,
                after: json(&added),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(added)
    }

    async fn update_premises(
        &self,
        org_id: i64,
        id: i64,
        version: i64,
        p: &PremisesInput,
        actor: Actor,
    ) -> Result<Premises> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let before = premises_in(&mut tx, org_id, id).await?;
        if before.version != version {
            return Err(rule(ErrorCode::EditConflict));
        }
        let row: Option<PremisesRow> = sqlx::query_as(&format!(
            "UPDATE premises SET name = $1, address = $2, area_id = $3, capacity = $4, available_for = $5, \
             booking_contact = $6, price = $7, published = $8, version = version + 1 \
             WHERE id = $9 AND version = $10 RETURNING {PREMISES_COLS}"
        ))
        .bind(&p.name)
        .bind(&p.address)
        .bind(p.area_id)
        .bind(p.capacity)
        .bind(&p.available_for)
        .bind(&p.booking_contact)
        .bind(&p.price)
        .bind(p.published)
        .bind(id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?;
        let after = Premises::from(row.ok_or(rule(ErrorCode::EditConflict))?);
        audit(
            &mut tx,
            actor,
            Audit {
                org_id: Some(org_id),
                action: AuditAction::PremisesUpdate,
                entity: "premises",
                entity_id: id.to_string(),
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn get_premises(&self, id: i64) -> Result<Option<Premises>> {
        let row: Option<PremisesRow> = sqlx::query_as(&format!("SELECT {PREMISES_COLS} FROM premises WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(Premises::from))
    }

    async fn org_premises(&self, org_id: i64) -> Result<Vec<Premises>> {
        let rows: Vec<PremisesRow> =
            sqlx::query_as(&format!("SELECT {PREMISES_COLS} FROM premises WHERE org_id = $1 ORDER BY name, id"))
                .bind(org_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(Premises::from).collect())
    }

    async fn published_premises(&self) -> Result<Vec<Premises>> {
        let rows: Vec<PremisesRow> =
            sqlx::query_as(&format!("SELECT {PREMISES_COLS} FROM premises WHERE published = $1 ORDER BY name, id"))
                .bind(true)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(Premises::from).collect())
    }
}
