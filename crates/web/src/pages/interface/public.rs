//! The public's view of published service chains (`/interface-services`): a resident or a
//! professional finds "what happens next" for a situation by words (in Finnish, Swedish or
//! English) and municipality, and reads the chain as a diagram and a table. No login.

use super::chain::{diagram, rows, StepRow};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hyte_domain::ErrorCode;
use hyte_store::interface::PublicChain;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchQuery {
    pub q: String,
    pub area: String,
}

pub struct Card {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub areas: String,
    pub first: String,
    pub steps: usize,
}

#[derive(Template)]
#[template(path = "interface/public_search.html")]
struct SearchPage {
    c: Ctx,
    q: String,
    areas: Vec<(String, String, bool)>,
    cards: Vec<Card>,
    searched: bool,
}

/// Area names by code, for the codes the chains cover.
async fn area_names(app: &App, c: &Ctx, chains: &[PublicChain]) -> Result<HashMap<String, String>, AppError> {
    let mut out = HashMap::new();
    for code in chains.iter().flat_map(|p| &p.service.input.areas) {
        if !out.contains_key(code) {
            out.insert(code.clone(), crate::interface_views::municipality_name(app, c, code).await?);
        }
    }
    Ok(out)
}

/// Every text of a chain's steps, in every language, for the word search.
fn step_texts(p: &PublicChain) -> Vec<&str> {
    p.steps
        .iter()
        .flat_map(|s| s.input.action.all().chain(s.input.client.all()).chain(s.input.unit.as_deref()))
        .collect()
}

pub async fn search(State(app): State<App>, c: Ctx, Query(q): Query<SearchQuery>) -> Result<Response, AppError> {
    let chains = app.store.published_chains().await?;
    let names = area_names(&app, &c, &chains).await?;
    let area = Some(q.area.trim()).filter(|a| !a.is_empty());
    let query: String = q.q.chars().take(200).collect();
    let cards = chains
        .iter()
        .filter(|p| p.service.matches(&query, area, &step_texts(p)))
        .map(|p| Card {
            href: format!("/interface-services/{}", p.service.id),
            name: p.service.name(c.lang).to_string(),
            kind: c.code(p.service.input.kind),
            areas: p.service.input.areas.iter().filter_map(|a| names.get(a).cloned()).collect::<Vec<_>>().join(", "),
            first: p.steps.first().map(|s| s.input.action.get(c.lang).to_string()).unwrap_or_default(),
            steps: p.steps.len(),
        })
        .collect();
    let mut areas: Vec<(String, String, bool)> = names
        .into_iter()
        .map(|(code, name)| (area == Some(code.as_str()), code, name))
        .map(|(on, k, n)| (k, n, on))
        .collect();
    areas.sort_by(|a, b| a.1.cmp(&b.1));
    areas.insert(0, (String::new(), c.t("ifc-public-any-area"), area.is_none()));
    let page = SearchPage { searched: !query.trim().is_empty() || area.is_some(), q: query, areas, cards, c };
    render(&page)
}

#[derive(Template)]
#[template(path = "interface/public_chain.html")]
struct ChainPage {
    c: Ctx,
    name: String,
    description: Option<String>,
    facts: Vec<(String, String)>,
    steps: Vec<StepRow>,
    diagram: String,
    can_edit: bool,
    is_lead: bool,
    base: String,
}

pub async fn page(State(app): State<App>, c: Ctx, Path(sid): Path<i64>) -> Result<Response, AppError> {
    let p = app.store.published_chain(sid).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    let orgs: HashMap<i64, String> =
        app.store.list_organisations().await?.into_iter().map(|o| (o.id, c.name(&o.names).to_string())).collect();
    let areas = area_names(&app, &c, std::slice::from_ref(&p)).await?;
    let steps = rows(&c, c.lang, &p.service, &p.steps, &orgs, None);
    let name = p.service.name(c.lang).to_string();
    let i = &p.service.input;
    let facts = vec![
        (c.t("field-ifc-kind"), c.code(i.kind)),
        (c.t("field-ifc-areas"), i.areas.iter().filter_map(|a| areas.get(a).cloned()).collect::<Vec<_>>().join(", ")),
        (c.t("field-ifc-target-groups"), crate::form::group_names(&c, i.target_groups.iter())),
        (c.t("field-ifc-vulnerable-groups"), crate::form::group_names(&c, i.vulnerable_groups.iter())),
        (
            c.t("ifc-col-parties"),
            p.service.parties.iter().filter_map(|x| orgs.get(&x.org_id).cloned()).collect::<Vec<_>>().join(", "),
        ),
    ];
    let page = ChainPage {
        diagram: diagram(&c, c.lang, "public-chain", &name, &steps),
        description: i.description.clone(),
        name,
        facts,
        steps,
        can_edit: false,
        is_lead: false,
        base: String::new(),
        c,
    };
    render(&page)
}
