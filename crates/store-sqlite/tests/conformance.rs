#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! The store conformance suite on SQLite (always runs).

use hyte_store::AreaStore;
use hyte_store_sqlite::SqliteStore;

/// A migrated store in its own temporary directory, removed at the end of the test.
struct Fresh {
    store: SqliteStore,
    dir: tempfile::TempDir,
}

impl std::ops::Deref for Fresh {
    type Target = SqliteStore;
    fn deref(&self) -> &SqliteStore {
        &self.store
    }
}

async fn fresh() -> Option<Fresh> {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    Some(Fresh { store: SqliteStore::connect(&url).await.unwrap(), dir })
}

hyte_store::conformance_tests!(fresh);

#[tokio::test]
async fn real_finnish_areas_load() {
    let s = fresh().await.unwrap();
    let data = hyte_seed::areas::load().unwrap();
    hyte_store::conformance::real_areas_import(&*s, &data).await;
}

#[tokio::test]
async fn online_backup_is_a_usable_database() {
    let s = fresh().await.unwrap();
    s.import_areas(&hyte_store::conformance::sample_areas()).await.unwrap();
    let dest = s.dir.path().join("backup.db");
    s.backup(&dest).await.unwrap();
    let copy = SqliteStore::connect(&format!("sqlite://{}", dest.display())).await.unwrap();
    assert_eq!(copy.list_areas(None).await.unwrap().len(), 5);
}

#[tokio::test]
async fn sotkanet_imports() {
    let s = fresh().await.unwrap();
    hyte_seed::load_base(&*s).await.unwrap();
    hyte_import::checks::broken_files_write_nothing(&*s).await;
    hyte_import::checks::unknown_ids_are_reported(&*s).await;
    hyte_import::checks::real_sotkanet_files_import(&*s).await;
}

#[tokio::test]
async fn retired_org_kinds_migrate_on_connect() {
    use hyte_store::conformance::{retired_kinds_after, retired_kinds_before, SET_RAW_KIND};
    use sqlx::Connection;
    let s = fresh().await.unwrap();
    let url = format!("sqlite://{}", s.dir.path().join("test.db").display());
    let mut raw = sqlx::SqliteConnection::connect(&url).await.unwrap();
    for (id, code) in retired_kinds_before(&*s).await {
        sqlx::query(SET_RAW_KIND).bind(code).bind(id).execute(&mut raw).await.unwrap();
    }
    raw.close().await.unwrap();
    s.close().await;
    retired_kinds_after(&SqliteStore::connect(&url).await.unwrap()).await;
}
