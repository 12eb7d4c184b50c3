//! SQLite backend of the Hyte store: the embedded default.

use hyte_store::{Backend, Result};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

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

hyte_store::impl_portable_store!(SqliteStore, sqlx::Sqlite, Backend::Sqlite, portable_bulk);
