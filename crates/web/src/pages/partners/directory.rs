//! The public activity directory (`/activities`): residents, and the professionals who guide
//! clients, search published activities by words in Finnish, Swedish or English and filter by
//! theme, target group, municipality and language. A plain GET form; no login.

use super::{area_name, lang_codes, options, org_name, orgs_by_id, search_names, target_codes, theme_codes};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::respond::render;
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hyte_domain::partners::{Activity, ActivityFilter, ActivityLang, TargetGroup, Theme};
use hyte_domain::{Area, ErrorCode, Permission};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DirectoryQuery {
    pub q: String,
    pub theme: String,
    pub target: String,
    pub area: String,
    pub lang: String,
}

pub struct Card {
    pub href: String,
    pub title: String,
    pub title_lang: &'static str,
    pub organiser: String,
    pub kind: String,
    pub theme: String,
    pub target: String,
    pub ages: String,
    pub area: String,
    pub languages: String,
    pub schedule: String,
}

/// A select filter: (label key, name, options, chosen).
pub struct Filter {
    pub id: &'static str,
    pub name: &'static str,
    pub label: String,
    pub options: Vec<(String, String, bool)>,
}

#[derive(Template)]
#[template(path = "partners/directory.html")]
struct DirectoryPage {
    c: Ctx,
    q: String,
    filters: Vec<Filter>,
    cards: Vec<Card>,
    searched: bool,
}

fn languages(c: &Ctx, a: &Activity) -> String {
    a.input.languages.iter().map(|l| c.code(*l)).collect::<Vec<_>>().join(", ")
}

fn card(
    c: &Ctx,
    a: &Activity,
    areas: &[Area],
    orgs: &std::collections::HashMap<i64, hyte_domain::Organisation>,
) -> Card {
    let i = &a.input;
    Card {
        href: format!("/activities/{}", a.id),
        title: i.title.get(c.lang).to_string(),
        title_lang: i.title.shown_lang(c.lang).code(),
        organiser: org_name(c, orgs, a.org_id),
        kind: c.code(i.kind),
        theme: c.code(i.theme),
        target: c.code(i.target_group),
        ages: i.ages(),
        area: area_name(c, areas, i.area_id),
        languages: languages(c, a),
        schedule: i.schedule.clone(),
    }
}

pub async fn search(State(app): State<App>, c: Ctx, Query(q): Query<DirectoryQuery>) -> Result<Response, AppError> {
    // Unknown filter values are ignored: the form only offers valid ones.
    let filter = ActivityFilter {
        theme: Theme::parse(&q.theme),
        target_group: TargetGroup::parse(&q.target),
        area_id: q.area.trim().parse().ok(),
        language: ActivityLang::parse(&q.lang),
    };
    let found = app.store.published_activities(&filter).await?;
    let words: String = q.q.chars().take(200).collect();
    let found: Vec<&Activity> = {
        let names = search_names(&c);
        found.iter().filter(|a| a.input.matches(&words, &names)).collect()
    };
    let areas = super::municipalities(&app).await?;
    let orgs = orgs_by_id(&app).await?;
    // Municipalities to choose from: those with published activities.
    let used: std::collections::BTreeSet<i64> = app
        .store
        .published_activities(&ActivityFilter::default())
        .await?
        .iter()
        .filter_map(|a| a.input.area_id)
        .collect();
    let used_areas: Vec<Area> = areas.iter().filter(|a| used.contains(&a.id)).cloned().collect();
    let mark = |opts: Vec<(String, String)>, chosen: &str| -> Vec<(String, String, bool)> {
        opts.into_iter().map(|(v, l)| (v.clone(), l, v == chosen.trim())).collect()
    };
    let filters = vec![
        Filter {
            id: "f-theme",
            name: "theme",
            label: c.t("field-activity-theme"),
            options: mark(options(&c, "theme", &theme_codes(), Some(c.t("directory-any"))), &q.theme),
        },
        Filter {
            id: "f-target",
            name: "target",
            label: c.t("field-activity-target"),
            options: mark(options(&c, "target", &target_codes(), Some(c.t("directory-any"))), &q.target),
        },
        Filter {
            id: "f-area",
            name: "area",
            label: c.t("field-activity-area"),
            options: mark(super::area_options(&c, &used_areas, "directory-any"), &q.area),
        },
        Filter {
            id: "f-lang",
            name: "lang",
            label: c.t("field-activity-language"),
            options: mark(options(&c, "activity-lang", &lang_codes(), Some(c.t("directory-any"))), &q.lang),
        },
    ];
    let cards = found.iter().map(|a| card(&c, a, &areas, &orgs)).collect();
    let searched = !q.q.trim().is_empty() || filter != ActivityFilter::default();
    render(&DirectoryPage { q: words, filters, cards, searched, c })
}

#[derive(Template)]
#[template(path = "partners/activity_public.html")]
struct ActivityPage {
    c: Ctx,
    a: Activity,
    card: Card,
    description: String,
    description_lang: &'static str,
    place: String,
    contact: String,
    edit_href: Option<String>,
}

/// One activity's public page: published ones for everyone, drafts for the organisation's members.
pub async fn page(State(app): State<App>, c: Ctx, Path(aid): Path<i64>) -> Result<Response, AppError> {
    let a = app.store.get_activity(aid).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    let member = c.can(a.org_id, Permission::View);
    if !a.input.published && !member {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let areas = super::municipalities(&app).await?;
    let orgs = orgs_by_id(&app).await?;
    render(&ActivityPage {
        card: card(&c, &a, &areas, &orgs),
        description: a.input.description.get(c.lang).to_string(),
        description_lang: a.input.description.shown_lang(c.lang).code(),
        place: a.input.place.clone().unwrap_or_default(),
        contact: a.input.contact.clone(),
        edit_href: c.can(a.org_id, Permission::Edit).then(|| format!("/orgs/{}/activities/{}", a.org_id, a.id)),
        a,
        c,
    })
}
