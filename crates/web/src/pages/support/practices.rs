//! The good-practice library: the public search (`/practices`, anonymous, published practices
//! only) by words in any language, content area, target group and evidence level, and a
//! practice's public page with the organisations that use it. The organisation's pages are in
//! [`super::practice_org`] (its practices, adoption, recommendations) and
//! [`super::practice_exchange`] (JSON export and import).

use super::{practice_exchange, practice_org};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use hyte_domain::population::PopulationGroup;
use hyte_domain::support::practice::{Adoption, EvidenceLevel, Practice, PracticeFilter};
use hyte_domain::support::ContentArea;
use hyte_domain::{ErrorCode, Lang, Names, Texts};
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/practices", get(search))
        .route("/practices/{pid}", get(page))
        .route("/orgs/{id}/practices", get(practice_org::list).post(practice_org::create))
        .route("/orgs/{id}/practices/export", get(practice_exchange::export))
        .route(
            "/orgs/{id}/practices/import",
            post(practice_exchange::import).layer(DefaultBodyLimit::max(practice_exchange::BODY_MAX)),
        )
        .route("/orgs/{id}/practices/recommendations", post(practice_org::recommend))
        .route("/orgs/{id}/practices/recommendations/{rid}/delete", post(practice_org::unrecommend))
        .route("/orgs/{id}/practices/{pid}", get(practice_org::page).post(practice_org::update))
        .route("/orgs/{id}/practices/{pid}/publish", post(practice_org::publish))
        .route("/orgs/{id}/practices/{pid}/adopt", post(practice_org::adopt))
}

/// The `lang` attribute of a name or text shown in a fallback language ("" when in `lang`).
fn lang_attr(shown: Lang, lang: Lang) -> &'static str {
    if shown == lang {
        ""
    } else {
        shown.code()
    }
}

fn name_lang(n: &Names, lang: Lang) -> Lang {
    match lang {
        Lang::Sv if n.sv.is_none() => Lang::Fi,
        Lang::En if n.en.is_none() => Lang::Fi,
        _ => lang,
    }
}

/// A text as a page shows it: the words and the `lang` of a fallback.
pub struct Shown {
    pub text: String,
    pub lang: &'static str,
}

fn shown(t: &Texts, lang: Lang) -> Shown {
    Shown { text: t.get(lang).to_string(), lang: lang_attr(t.shown_lang(lang), lang) }
}

/// A practice as the pages show it, in the user's language.
pub struct PracticeView {
    pub id: i64,
    pub name: String,
    pub name_lang: &'static str,
    pub summary: Shown,
    pub costs: Shown,
    pub results: Shown,
    pub area: String,
    pub evidence: String,
    pub groups: String,
    pub links: Vec<String>,
    pub contact: String,
    pub source: String,
    pub published: bool,
    pub version: i64,
}

impl PracticeView {
    pub fn of(c: &Ctx, p: &Practice) -> PracticeView {
        let i = &p.input;
        PracticeView {
            id: p.id,
            name: p.name(c.lang).to_string(),
            name_lang: lang_attr(name_lang(&i.name, c.lang), c.lang),
            summary: shown(&i.summary, c.lang),
            costs: shown(&i.costs, c.lang),
            results: shown(&i.results, c.lang),
            area: c.code(i.area),
            evidence: c.code(i.evidence),
            groups: crate::form::group_names(c, i.target_groups.iter()),
            links: i.links.iter().map(|l| l.as_str().to_string()).collect(),
            contact: i.contact.clone().unwrap_or_default(),
            source: i.source.clone().unwrap_or_default(),
            published: p.published,
            version: p.version,
        }
    }
}

/// An adopter as the pages show it.
pub struct AdopterRow {
    pub org: String,
    pub since: String,
    pub results: String,
}

/// Every organisation's name in the user's language, by id.
pub async fn org_names(app: &App, c: &Ctx) -> Result<HashMap<i64, String>, AppError> {
    Ok(app.store.list_organisations().await?.into_iter().map(|o| (o.id, c.name(&o.names).to_string())).collect())
}

pub fn adopter_rows(names: &HashMap<i64, String>, adoptions: &[Adoption]) -> Vec<AdopterRow> {
    adoptions
        .iter()
        .map(|a| AdopterRow {
            org: names.get(&a.org_id).cloned().unwrap_or_default(),
            since: crate::format::fi_date(a.since),
            results: a.results.clone().unwrap_or_default(),
        })
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchQuery {
    pub q: String,
    pub area: String,
    pub group: String,
    pub evidence: String,
}

/// A filter's choices: (value, label, selected), "any" first.
type Options = Vec<(String, String, bool)>;

fn options<T: hyte_domain::codes::Code>(c: &Ctx, any: &str, on: Option<T>) -> Options {
    let mut out = vec![(String::new(), c.t(any), on.is_none())];
    out.extend(T::VARIANTS.iter().map(|v| (v.code().to_string(), c.code(*v), on == Some(*v))));
    out
}

#[derive(Template)]
#[template(path = "support/practices_public.html")]
struct SearchPage {
    c: Ctx,
    q: String,
    areas: Options,
    groups: Options,
    evidence: Options,
    /// Each found practice and the organisation that describes it.
    cards: Vec<(PracticeView, String)>,
    searched: bool,
}

pub async fn search(State(app): State<App>, c: Ctx, Query(q): Query<SearchQuery>) -> Result<Response, AppError> {
    let filter = PracticeFilter {
        words: q.q.chars().take(200).collect(),
        area: ContentArea::parse(q.area.trim()),
        group: PopulationGroup::parse(q.group.trim()),
        evidence: EvidenceLevel::parse(q.evidence.trim()),
    };
    let names = org_names(&app, &c).await?;
    let found: Vec<Practice> =
        app.store.published_practices().await?.into_iter().filter(|p| p.matches(&filter)).collect();
    let page = SearchPage {
        areas: options(&c, "practices-any-area", filter.area),
        groups: options(&c, "practices-any-group", filter.group),
        evidence: options(&c, "practices-any-evidence", filter.evidence),
        cards: found
            .iter()
            .map(|p| (PracticeView::of(&c, p), names.get(&p.org_id).cloned().unwrap_or_default()))
            .collect(),
        searched: filter != PracticeFilter::default(),
        q: filter.words,
        c,
    };
    render(&page)
}

#[derive(Template)]
#[template(path = "support/practice_public.html")]
struct PublicPage {
    c: Ctx,
    v: PracticeView,
    owner: String,
    adopters: Vec<AdopterRow>,
    /// The user's organisations that may adopt it: (id, name).
    adopt_in: Vec<(i64, String)>,
}

pub async fn page(State(app): State<App>, c: Ctx, Path(pid): Path<i64>) -> Result<Response, AppError> {
    let p = app.store.published_practice(pid).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    let names = org_names(&app, &c).await?;
    let adoptions = app.store.practice_adoptions(None, pid).await?;
    let adopt_in = c
        .user
        .iter()
        .flat_map(|u| &u.memberships)
        .filter(|(m, _)| c.can(m.org_id, hyte_domain::Permission::Coordinate))
        .map(|(m, o)| (m.org_id, c.name(&o.names).to_string()))
        .collect();
    let page = PublicPage {
        v: PracticeView::of(&c, &p),
        owner: names.get(&p.org_id).cloned().unwrap_or_default(),
        adopters: adopter_rows(&names, &adoptions),
        adopt_in,
        c,
    };
    render(&page)
}
