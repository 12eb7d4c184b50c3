//! SQLite backend of the Hyte store: the embedded default.
//!
//! Compiled here from hyte-store (with `Db = sqlx::Sqlite`): `crates/store/src/sql.rs` and, through it,
//! every room's portable SQL (`crates/store/src/<room>/sql.rs` or `sql/*.rs`). Own to SQLite: the
//! migrations, the connection settings, the online backup and bulk loading in multi-row statements.

use hyte_domain::Observation;
use hyte_store::{Backend, BulkStore, Result};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

#[path = "../../store/src/sql.rs"]
mod sql;

/// The database and the store that the shared SQL in [`sql`] is compiled for.
type Db = sqlx::Sqlite;
type This = SqliteStore;
/// How every transaction begins (takes the write lock at once: see `sql::begin`).
const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";
const BACKEND: Backend = Backend::Sqlite;

pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if missing) and migrates the database at `url` (`sqlite://hyte.db`).
    pub async fn connect(url: &str) -> Result<SqliteStore> {
        let opts = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new().max_connections(4).connect_with(opts).await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        sql::admin_orgs::migrate_kinds(&pool).await?;
        Ok(SqliteStore { pool })
    }

    /// Writes a consistent copy of the live database to `dest` (`VACUUM INTO`), without
    /// stopping the server.
    pub async fn backup(&self, dest: &Path) -> Result<()> {
        sqlx::query("VACUUM INTO $1").bind(dest.to_string_lossy().into_owned()).execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Multi-row upserts, all batches in one transaction.
#[async_trait::async_trait]
impl BulkStore for SqliteStore {
    async fn import_observation_batches(
        &self,
        next: &mut (dyn FnMut() -> Option<Vec<Observation>> + Send),
    ) -> Result<u64> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let mut n = 0u64;
        while let Some(batch) = next() {
            sql::knowledge_indicators::write_observations(&mut tx, &batch).await?;
            n += batch.len() as u64;
        }
        sql::knowledge_indicators::bump_version(&mut tx).await?;
        tx.commit().await?;
        Ok(n)
    }
}
