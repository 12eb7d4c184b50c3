//! The coordination of participation and volunteering in one municipality
//! (`/orgs/{id}/interface/coordination?area=297`): which kinds of activity the activity directory
//! has there, which are missing, and which organisations coordinate each (the leads of the
//! volunteering services that cover the municipality).

use super::{org_names, region_municipalities};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hyte_domain::interface::{coordination, InterfaceService};
use hyte_domain::partners::ActivityFilter;
use hyte_domain::{Organisation, Permission};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AreaQuery {
    area: String,
}

pub struct Row {
    pub kind: String,
    pub count: i64,
    pub missing: bool,
    pub coordinators: String,
    pub services: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "interface/coordination.html")]
struct CoordinationPage {
    c: Ctx,
    org: Organisation,
    areas: Vec<(String, String, bool)>,
    area_name: String,
    rows: Vec<Row>,
    missing: Vec<String>,
}

pub async fn page(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<AreaQuery>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let munis = region_municipalities(&app, &org).await?;
    let own = org.area_id.and_then(|a| munis.iter().find(|m| m.id == a));
    let chosen = munis.iter().find(|m| m.code == q.area).or(own).or(munis.first());
    let names = org_names(&app, &c).await?;
    // The services it takes part in, and every published one.
    let mut services: Vec<InterfaceService> = app.store.list_interfaces(id).await?;
    for p in app.store.published_chains().await? {
        if !services.iter().any(|s| s.id == p.service.id) {
            services.push(p.service);
        }
    }
    let mut rows = vec![];
    if let Some(area) = chosen {
        let filter = ActivityFilter { area_id: Some(area.id), ..Default::default() };
        let activities: Vec<_> =
            app.store.published_activities(&filter).await?.into_iter().map(|a| (a.input.kind, 1)).collect();
        for r in coordination(&area.code, &activities, &services) {
            let coordinators =
                r.lead_orgs().iter().filter_map(|o| names.get(o).cloned()).collect::<Vec<_>>().join(", ");
            let links = r
                .coordinators
                .iter()
                .filter_map(|x| services.iter().find(|s| s.id == x.service_id))
                .map(|s| {
                    let href = if s.role_of(id).is_some() {
                        format!("/orgs/{id}/interface/{}", s.id)
                    } else {
                        format!("/interface-services/{}", s.id)
                    };
                    (href, s.name(c.lang).to_string())
                })
                .collect();
            rows.push(Row { kind: c.code(r.kind), count: r.count, missing: r.missing, coordinators, services: links });
        }
    }
    let missing = rows.iter().filter(|r| r.missing).map(|r| r.kind.clone()).collect();
    let areas = munis
        .iter()
        .map(|m| (m.code.clone(), c.name(&m.names).to_string(), chosen.is_some_and(|x| x.id == m.id)))
        .collect();
    let area_name = chosen.map(|a| c.name(&a.names).to_string()).unwrap_or_default();
    render(&CoordinationPage { c, org, areas, area_name, rows, missing })
}
