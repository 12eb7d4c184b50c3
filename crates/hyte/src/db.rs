//! Opening the configured backend.

use anyhow::{Context, Result};
use hyte_store::Store;
use hyte_store_postgres::PgStore;
use hyte_store_sqlite::SqliteStore;
use std::sync::Arc;

pub enum Db {
    Sqlite(Arc<SqliteStore>),
    Postgres(Arc<PgStore>),
}

impl Db {
    /// Connects and runs the backend's migrations.
    pub async fn open(url: &str) -> Result<Db> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Db::Postgres(Arc::new(PgStore::connect(url).await.context("connecting to PostgreSQL")?)))
        } else if url.starts_with("sqlite:") {
            Ok(Db::Sqlite(Arc::new(SqliteStore::connect(url).await.with_context(|| format!("opening {url}"))?)))
        } else {
            anyhow::bail!("unsupported database URL {url:?}: use sqlite://FILE or postgres://…")
        }
    }

    pub fn store(&self) -> Arc<dyn Store> {
        match self {
            Db::Sqlite(s) => s.clone(),
            Db::Postgres(s) => s.clone(),
        }
    }
}
