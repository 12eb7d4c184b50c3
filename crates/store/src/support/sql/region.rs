//! A county's member municipalities, read inside a transaction so that a write can check the
//! organisations it names.

use crate::sql::Tx;
use hyte_domain::Organisation;
use hyte_store::admin::rows::OrgRow;
use hyte_store::rows::collect;
use hyte_store::Result;

/// The municipal organisations whose area belongs to the county's area in the latest year of the
/// division, by name; empty when `county_org_id` is not a county with an area.
pub(crate) async fn member_orgs(tx: &mut Tx<'_>, county_org_id: i64) -> Result<Vec<Organisation>> {
    let rows: Vec<OrgRow> = sqlx::query_as(
        "SELECT o.id, o.kind, o.name_fi, o.name_sv, o.name_en, o.area_id \
         FROM organisations c \
         JOIN area_memberships m ON m.parent_id = c.area_id \
         JOIN areas a ON a.id = m.child_id AND a.kind = 'municipality' \
         JOIN organisations o ON o.area_id = a.id \
         WHERE c.id = $1 AND m.year = (SELECT MAX(year) FROM area_memberships WHERE parent_id = c.area_id) \
         ORDER BY o.name_fi, o.id",
    )
    .bind(county_org_id)
    .fetch_all(&mut **tx)
    .await?;
    let county: Option<OrgRow> =
        sqlx::query_as(&format!("SELECT {} FROM organisations WHERE id = $1", hyte_store::admin::rows::ORG_COLS))
            .bind(county_org_id)
            .fetch_optional(&mut **tx)
            .await?;
    let Some(county) = county else { return Ok(vec![]) };
    if !Organisation::try_from(county)?.kind.is_county() {
        return Ok(vec![]);
    }
    Ok(collect::<OrgRow, Organisation>(rows)?.into_iter().filter(|o| o.kind.is_municipal()).collect())
}

/// Whether `org_id` is one of the county's member municipalities.
pub(crate) async fn is_member(tx: &mut Tx<'_>, county_org_id: i64, org_id: i64) -> Result<bool> {
    Ok(member_orgs(tx, county_org_id).await?.iter().any(|o| o.id == org_id))
}
