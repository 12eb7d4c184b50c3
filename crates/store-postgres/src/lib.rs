//! PostgreSQL backend of the Hyte store: the production database.
//!
//! Compiled here from hyte-store (with `Db = sqlx::Postgres`): `crates/store/src/sql.rs` and, through it,
//! every room's portable SQL (`crates/store/src/<room>/sql.rs` or `sql/*.rs`). Own to PostgreSQL: the
//! migrations, the connection settings, `admin_sql`, and bulk loading through `COPY`.

use hyte_domain::Observation;
use hyte_store::{Backend, BulkStore, Result};
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use std::time::Duration;

#[path = "../../store/src/sql.rs"]
mod sql;

/// The database and the store that the shared SQL in [`sql`] is compiled for.
type Db = sqlx::Postgres;
type This = PgStore;
/// How every transaction begins (row locks and version checks serialise writers).
const BEGIN_WRITE: &str = "BEGIN";
const BACKEND: Backend = Backend::Postgres;

pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// Connects to `url` (`postgres://…`) and runs the migrations.
    pub async fn connect(url: &str) -> Result<PgStore> {
        let pool =
            PgPoolOptions::new().max_connections(10).acquire_timeout(Duration::from_secs(10)).connect(url).await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        sql::admin_orgs::migrate_kinds(&pool).await?;
        Ok(PgStore { pool })
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Runs one statement outside any transaction (e.g. CREATE/DROP DATABASE) on `url`.
pub async fn admin_sql(url: &str, sql: &str) -> Result<()> {
    use sqlx::Connection;
    let mut c = sqlx::PgConnection::connect(url).await?;
    sqlx::query(sql).execute(&mut c).await?;
    c.close().await?;
    Ok(())
}

/// `COPY` into a staging table, then one upsert per batch, all in one transaction.
#[async_trait::async_trait]
impl BulkStore for PgStore {
    async fn import_observation_batches(
        &self,
        next: &mut (dyn FnMut() -> Option<Vec<Observation>> + Send),
    ) -> Result<u64> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        sqlx::query(
            "CREATE TEMPORARY TABLE staging_observations (LIKE observations INCLUDING DEFAULTS) ON COMMIT DROP",
        )
        .execute(&mut *tx)
        .await?;
        let mut n = 0u64;
        while let Some(batch) = next() {
            let mut text = String::with_capacity(batch.len() * 48);
            for o in &batch {
                use std::fmt::Write;
                let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_else(|| "\\N".into());
                let _ = writeln!(
                    text,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    o.indicator_id,
                    o.area_id,
                    o.sex.as_str(),
                    copy_escape(&o.age_band),
                    o.year,
                    num(o.value),
                    num(o.numerator),
                    num(o.denominator),
                    if o.suppressed { "t" } else { "f" }
                );
            }
            let mut copy = tx
                .copy_in_raw(
                    "COPY staging_observations (indicator_id, area_id, sex, age_band, year, value, numerator, denominator, \
                     suppressed) FROM STDIN",
                )
                .await?;
            copy.send(text.into_bytes()).await?;
            copy.finish().await?;
            sqlx::query(
                "INSERT INTO observations SELECT * FROM staging_observations \
                 ON CONFLICT (indicator_id, area_id, sex, age_band, year) DO UPDATE SET value = excluded.value, \
                 numerator = excluded.numerator, denominator = excluded.denominator, suppressed = excluded.suppressed",
            )
            .execute(&mut *tx)
            .await?;
            sqlx::query("TRUNCATE staging_observations").execute(&mut *tx).await?;
            n += batch.len() as u64;
        }
        sqlx::query("UPDATE data_version SET version = version + 1 WHERE id = 1").execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(n)
    }
}

/// Escapes a text value for COPY's text format.
fn copy_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n").replace('\r', "\\r")
}
