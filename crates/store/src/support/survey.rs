//! The support-needs survey, the support plan and the log of support delivered.

use crate::Result;
use async_trait::async_trait;
use hyte_domain::Organisation;

#[async_trait]
pub trait SupportStore: Send + Sync {
    /// The municipal organisations (municipalities, Helsinki) whose area belongs to the county's
    /// area in the latest year of the division, by name; empty when `county_org_id` is not a
    /// county with an area.
    async fn member_orgs(&self, county_org_id: i64) -> Result<Vec<Organisation>>;
}
