//! The support store's SQL: the survey, the plan and its delivery.
//! Compiled inside each backend crate, not in hyte-store: see `crates/store/src/sql.rs`.

use crate::sql::support_region as region;
use async_trait::async_trait;
use hyte_domain::Organisation;
use hyte_store::Result;

#[async_trait]
impl hyte_store::support::SupportStore for crate::This {
    async fn member_orgs(&self, county_org_id: i64) -> Result<Vec<Organisation>> {
        let mut tx = crate::sql::begin(&self.pool).await?;
        let orgs = region::member_orgs(&mut tx, county_org_id).await?;
        tx.commit().await?;
        Ok(orgs)
    }
}
