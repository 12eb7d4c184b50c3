//! The portable SQL of sessions, login attempts and the audit log.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use hyte_domain::admin::login;
use hyte_domain::{AuditEntry, User};
use hyte_store::admin::rows;
use hyte_store::{LoginGate, Result};

#[async_trait]
impl hyte_store::SessionStore for crate::This {
    async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        now: DateTime<Utc>,
        expires: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(token_hash)
            .bind(user_id)
            .bind(now)
            .bind(expires)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn session_user(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<User>> {
        let row: Option<rows::UserRow> = sqlx::query_as(
            "SELECT u.id, u.email, u.display_name FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        row.map(User::try_from).transpose()
    }

    async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&self.pool).await?;
        Ok(())
    }

    async fn delete_expired_sessions(&self, now: DateTime<Utc>) -> Result<u64> {
        Ok(sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }

    async fn begin_login_attempt(&self, email: &str, ip: &str, now: DateTime<Utc>) -> Result<LoginGate> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        // Account first, then address: every attempt locks in the same order.
        for key in [format!("account:{email}"), format!("address:{ip}")] {
            sqlx::query(
                "INSERT INTO login_throttle (key, at) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET at = excluded.at",
            )
            .bind(key)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        let since = now - Duration::minutes(login::WINDOW_MINUTES);
        let account: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM login_attempts WHERE email = $1 AND at > $2 AND success = $3")
                .bind(email)
                .bind(since)
                .bind(false)
                .fetch_one(&mut *tx)
                .await?;
        // The failure whose ageing out lets the account try again (the limit-th newest).
        let limit_reached: Option<DateTime<Utc>> = sqlx::query_scalar(
            "SELECT at FROM login_attempts WHERE email = $1 AND at > $2 AND success = $3 \
             ORDER BY at DESC LIMIT 1 OFFSET $4",
        )
        .bind(email)
        .bind(since)
        .bind(false)
        .bind(login::ACCOUNT_LIMIT - 1)
        .fetch_optional(&mut *tx)
        .await?;
        let address: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM login_attempts WHERE ip = $1 AND at > $2 AND success = $3")
                .bind(ip)
                .bind(since)
                .bind(false)
                .fetch_one(&mut *tx)
                .await?;
        let last: Option<DateTime<Utc>> = sqlx::query_scalar(
            "SELECT at FROM login_attempts WHERE ip = $1 AND at > $2 AND success = $3 ORDER BY at DESC LIMIT 1",
        )
        .bind(ip)
        .bind(since)
        .bind(false)
        .fetch_optional(&mut *tx)
        .await?;
        let recent = login::Recent {
            account,
            since_account_limit_reached: limit_reached.map(|at| (now - at).num_seconds()),
            address,
            since_last_address_failure: last.map(|at| (now - at).num_seconds().max(0)),
        };
        let gate = match login::verdict(&recent) {
            login::Verdict::Wait { seconds } => LoginGate::Wait { seconds },
            login::Verdict::Check => {
                let attempt_id: i64 = sqlx::query_scalar(
                    "INSERT INTO login_attempts (email, ip, success, at) VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(email)
                .bind(ip)
                .bind(false)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                LoginGate::Check { attempt_id }
            }
        };
        tx.commit().await?;
        Ok(gate)
    }

    async fn login_succeeded(&self, attempt_id: i64) -> Result<()> {
        sqlx::query("UPDATE login_attempts SET success = $1 WHERE id = $2")
            .bind(true)
            .bind(attempt_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn delete_old_login_attempts(&self, before: DateTime<Utc>) -> Result<u64> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let n = sqlx::query("DELETE FROM login_attempts WHERE at < $1").bind(before).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM login_throttle WHERE at < $1").bind(before).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(n.rows_affected())
    }
}

const AUDIT_SELECT: &str = "SELECT l.id, l.at, l.actor_user_id, u.email AS actor_email, l.org_id, l.action, \
     l.entity, l.entity_id, l.before_json, l.after_json FROM audit_log l LEFT JOIN users u ON u.id = l.actor_user_id";

#[async_trait]
impl hyte_store::AuditStore for crate::This {
    async fn audit_log(&self, org_id: i64, limit: i64) -> Result<Vec<AuditEntry>> {
        let rows: Vec<rows::AuditRow> =
            sqlx::query_as(&format!("{AUDIT_SELECT} WHERE l.org_id = $1 ORDER BY l.id DESC LIMIT $2"))
                .bind(org_id)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(AuditEntry::from).collect())
    }

    async fn instance_audit_log(&self, limit: i64) -> Result<Vec<AuditEntry>> {
        let rows: Vec<rows::AuditRow> =
            sqlx::query_as(&format!("{AUDIT_SELECT} WHERE l.org_id IS NULL ORDER BY l.id DESC LIMIT $1"))
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(AuditEntry::from).collect())
    }
}
