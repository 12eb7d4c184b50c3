//! What the reader may see of the knowledge base (own indicators are for their members only), and
//! which municipalities a county has.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::App;
use hyte_domain::{Area, ErrorCode, Indicator};

/// Own indicators are visible to their organisation's members only.
pub async fn visible_indicator(app: &App, c: &Ctx, id: i64) -> Result<Indicator, AppError> {
    let ind = app.store.get_indicator(id).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    match ind.org_id {
        Some(o) if c.membership(o).is_none() => Err(AppError::new(ErrorCode::NotFound)),
        _ => Ok(ind),
    }
}

pub fn visible_orgs(c: &Ctx) -> Vec<i64> {
    c.user.as_ref().map(|u| u.memberships.iter().map(|(m, _)| m.org_id).collect()).unwrap_or_default()
}

/// The municipalities of a county (or region) area in the newest classification year.
pub async fn member_municipalities(app: &App, area_id: i64) -> Result<Vec<Area>, AppError> {
    let year = app.store.area_years(area_id).await?.first().copied().unwrap_or(0);
    let members = app.store.area_members(area_id, year).await?;
    Ok(members.into_iter().filter(|a| a.kind.as_str() == "municipality").collect())
}

/// At most this many indicators in one profile.
pub const MAX_INDICATORS: usize = 100;

/// The indicator ids of the query, or every indicator with data for the area.
pub async fn chosen(app: &App, c: &Ctx, area_id: i64, spec: &str) -> Result<Vec<i64>, AppError> {
    let mut ids: Vec<i64> = spec.split(',').filter_map(|s| s.trim().parse().ok()).collect();
    if ids.is_empty() {
        ids = app.store.indicators_for_area(area_id).await?;
    }
    let orgs = visible_orgs(c);
    let visible: std::collections::HashSet<i64> = app
        .store
        .get_indicators(&ids)
        .await?
        .into_iter()
        .filter(|i| i.org_id.is_none_or(|o| orgs.contains(&o)))
        .map(|i| i.id)
        .collect();
    let out: Vec<i64> = ids.into_iter().filter(|id| visible.contains(id)).take(MAX_INDICATORS).collect();
    Ok(out)
}
