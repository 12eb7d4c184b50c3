//! The practice store's SQL.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use async_trait::async_trait;

#[async_trait]
impl hyte_store::support::PracticeStore for crate::This {}
