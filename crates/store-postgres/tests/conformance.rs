#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! The store conformance suite on PostgreSQL. Runs when `HYTE_TEST_POSTGRES_URL` is set
//! (`.ci/run` sets it); each test gets its own database, dropped afterwards.

use hyte_store_postgres::PgStore;
use rand::Rng;

struct Fresh {
    store: Option<PgStore>,
    admin_url: String,
    db: String,
}

impl std::ops::Deref for Fresh {
    type Target = PgStore;
    fn deref(&self) -> &PgStore {
        self.store.as_ref().unwrap()
    }
}

impl Drop for Fresh {
    fn drop(&mut self) {
        // The pool's connections belong to the test's runtime: just drop them, and let
        // `WITH (FORCE)` end them on the server. A separate thread may block on its own runtime.
        drop(self.store.take());
        let (url, db) = (self.admin_url.clone(), self.db.clone());
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            rt.block_on(async move {
                use sqlx::Connection;
                if let Ok(mut c) = sqlx::PgConnection::connect(&url).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)")).execute(&mut c).await;
                }
            });
        })
        .join()
        .unwrap();
    }
}

fn with_database(url: &str, db: &str) -> String {
    match url.rsplit_once('/') {
        Some((base, _)) => format!("{base}/{db}"),
        None => format!("{url}/{db}"),
    }
}

async fn fresh() -> Option<Fresh> {
    let Ok(admin_url) = std::env::var("HYTE_TEST_POSTGRES_URL") else {
        eprintln!("HYTE_TEST_POSTGRES_URL not set: skipping the PostgreSQL conformance test");
        return None;
    };
    let db = format!("hyte_test_{:016x}", rand::thread_rng().gen::<u64>());
    use sqlx::Connection;
    let mut c = sqlx::PgConnection::connect(&admin_url).await.expect("connect to HYTE_TEST_POSTGRES_URL");
    sqlx::query(&format!("CREATE DATABASE {db}")).execute(&mut c).await.unwrap();
    c.close().await.unwrap();
    let store = PgStore::connect(&with_database(&admin_url, &db)).await.unwrap();
    Some(Fresh { store: Some(store), admin_url, db })
}

hyte_store::conformance_tests!(fresh);

#[tokio::test]
async fn real_finnish_areas_load() {
    let Some(s) = fresh().await else { return };
    let data = hyte_seed::areas::load().unwrap();
    hyte_store::conformance::real_areas_import(&*s, &data).await;
}

#[tokio::test]
async fn sotkanet_imports() {
    let Some(s) = fresh().await else { return };
    hyte_seed::load_base(&*s).await.unwrap();
    hyte_import::checks::broken_files_write_nothing(&*s).await;
    hyte_import::checks::unknown_ids_are_reported(&*s).await;
    hyte_import::checks::real_sotkanet_files_import(&*s).await;
}

#[tokio::test]
async fn retired_org_kinds_migrate_on_connect() {
    use hyte_store::conformance::{retired_kinds_after, retired_kinds_before, SET_RAW_KIND};
    use sqlx::Connection;
    let Some(s) = fresh().await else { return };
    let url = with_database(&s.admin_url, &s.db);
    let mut raw = sqlx::PgConnection::connect(&url).await.unwrap();
    for (id, code) in retired_kinds_before(&*s).await {
        sqlx::query(SET_RAW_KIND).bind(code).bind(id).execute(&mut raw).await.unwrap();
    }
    raw.close().await.unwrap();
    retired_kinds_after(&PgStore::connect(&url).await.unwrap()).await;
}
