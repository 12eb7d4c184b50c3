//! Indicator sets: the public list (`/indicator-sets`), a set's page with its indicators, source
//! and earlier versions (`/indicator-sets/{id}?version=n`), and an organisation's own set
//! (`/orgs/{id}/indicator-sets`: create it, from scratch or copied from a national set, and edit it,
//! each edit a new version). Only the owner's coordinators edit; the store refuses anyone else.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::format::fi_datetime;
use crate::knowledge::visible::visible_orgs;
use crate::refusal::{answer, submit};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::knowledge::indicator_set::{changes, IndicatorSet, SetForm};
use hyte_domain::{ErrorCode, FieldErrors, Indicator, Names, Organisation, Permission};
use hyte_store::Actor;
use serde::Deserialize;
use std::collections::HashMap;

/// A set as the list shows it.
pub struct SetRow {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub owner: String,
    pub version: i64,
    pub count: usize,
    pub source: String,
    pub source_url: String,
}

/// An indicator of a set: (link, title, Sotkanet or own id).
pub struct Item {
    pub href: String,
    pub title: String,
    pub source_id: String,
}

pub struct VersionRow {
    pub href: String,
    pub version: i64,
    pub who: String,
    pub when: String,
    pub count: usize,
    pub shown: bool,
}

async fn org_names(app: &App) -> Result<HashMap<i64, Names>, AppError> {
    Ok(app.store.list_organisations().await?.into_iter().map(|o| (o.id, o.names)).collect())
}

fn row(c: &Ctx, s: &IndicatorSet, names: &HashMap<i64, Names>) -> SetRow {
    SetRow {
        href: format!("/indicator-sets/{}", s.id),
        name: c.name(&s.input.names).to_string(),
        kind: c.code(s.kind),
        owner: s.org_id.and_then(|o| names.get(&o)).map(|n| c.name(n).to_string()).unwrap_or_else(|| "THL".into()),
        version: s.current,
        count: s.input.indicator_ids.len(),
        source: s.input.source.clone().unwrap_or_default(),
        source_url: s.input.source_url.clone().unwrap_or_default(),
    }
}

/// The indicators of `ids` the reader may see, in the set's order, and how many are hidden.
async fn items(app: &App, c: &Ctx, ids: &[i64]) -> Result<(Vec<Item>, usize), AppError> {
    let orgs = visible_orgs(c);
    let mut found: Vec<Indicator> = app.store.get_indicators(ids).await?;
    found.sort_by_key(|i| ids.iter().position(|x| *x == i.id));
    let shown: Vec<Item> = found
        .into_iter()
        .filter(|i| i.org_id.is_none_or(|o| orgs.contains(&o)))
        .map(|i| Item {
            href: format!("/indicators/{}", i.id),
            title: i.title(c.lang).to_string(),
            source_id: i.source_id,
        })
        .collect();
    let hidden = ids.len().saturating_sub(shown.len());
    Ok((shown, hidden))
}

#[derive(Template)]
#[template(path = "knowledge/indicator_sets.html")]
struct ListPage {
    c: Ctx,
    national: Vec<SetRow>,
    own: Vec<SetRow>,
}

pub async fn list(State(app): State<App>, c: Ctx) -> Result<Response, AppError> {
    let names = org_names(&app).await?;
    let sets = app.store.list_indicator_sets().await?;
    let (national, own): (Vec<_>, Vec<_>) = sets.iter().partition(|s| s.org_id.is_none());
    let national = national.into_iter().map(|s| row(&c, s, &names)).collect();
    let own = own.into_iter().map(|s| row(&c, s, &names)).collect();
    render(&ListPage { c, national, own })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VersionQuery {
    version: String,
}

#[derive(Template)]
#[template(path = "knowledge/indicator_set.html")]
struct SetPage {
    c: Ctx,
    set: SetRow,
    current: bool,
    version: i64,
    who: String,
    when: String,
    items: Vec<Item>,
    hidden: usize,
    added: usize,
    removed: usize,
    versions: Vec<VersionRow>,
    /// An area profile with this set: (link, area name).
    profile: Option<(String, String)>,
    edit: Option<String>,
}

pub async fn detail(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<VersionQuery>,
) -> Result<Response, AppError> {
    let version = match q.version.trim() {
        "" => None,
        v => Some(v.parse::<i64>().map_err(|_| AppError::new(ErrorCode::NotFound))?),
    };
    let set = app.store.get_indicator_set(id, version).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    let names = org_names(&app).await?;
    let all = app.store.indicator_set_versions(id).await?;
    let previous = all.iter().find(|v| v.version == set.version - 1);
    let (added, removed) = previous
        .map(|p| changes(&p.input.indicator_ids, &set.input.indicator_ids))
        .map(|(a, r)| (a.len(), r.len()))
        .unwrap_or((0, 0));
    let versions = all
        .iter()
        .map(|v| VersionRow {
            href: format!("/indicator-sets/{id}?version={}", v.version),
            version: v.version,
            who: v.changed_by_name.clone().unwrap_or_else(|| c.t("indset-system")),
            when: fi_datetime(v.changed_at),
            count: v.input.indicator_ids.len(),
            shown: v.version == set.version,
        })
        .collect();
    let (items, hidden) = items(&app, &c, &set.input.indicator_ids).await?;
    let area = match set.org_id {
        Some(o) => match app.store.get_organisation(o).await?.and_then(|o| o.area_id) {
            Some(a) => app.store.get_area_by_id(a).await?,
            None => None,
        },
        None => app.store.get_area("country", "FI").await?,
    };
    let profile =
        area.map(|a| (format!("/areas/{}/{}/profile?set={id}", a.kind.as_str(), a.code), c.name(&a.names).to_string()));
    let edit = set.org_id.filter(|o| c.can(*o, Permission::Coordinate)).map(|o| format!("/orgs/{o}/indicator-sets"));
    render(&SetPage {
        set: row(&c, &set, &names),
        current: set.is_current(),
        version: set.version,
        who: set.changed_by_name.clone().unwrap_or_else(|| c.t("indset-system")),
        when: fi_datetime(set.changed_at),
        items,
        hidden,
        added,
        removed,
        versions,
        profile,
        edit,
        c,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FromQuery {
    from: String,
}

/// A kept indicator's checkbox.
pub struct Keep {
    pub id: String,
    pub value: String,
    pub title: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "knowledge/indicator_set_org.html")]
struct OrgPage {
    c: Ctx,
    org: Organisation,
    own: Option<SetRow>,
    own_items: Vec<Item>,
    can_edit: bool,
    /// The form posts here: create, or a new version of the own set.
    action: String,
    version: i64,
    fields: Vec<Field>,
    add: Vec<Field>,
    keep: Vec<Keep>,
    copies: Vec<(String, String)>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

async fn org_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    form: Option<(&SetForm, &FieldErrors, Option<ErrorCode>)>,
    from: Option<i64>,
) -> Result<OrgPage, AppError> {
    let names = org_names(app).await?;
    let own = app.store.own_set(org.id).await?.map(|(s, _)| s);
    let mut start = match (&own, from) {
        (Some(s), _) => SetForm { version: s.current, ..SetForm::of(&s.input) },
        (None, Some(f)) => match app.store.get_indicator_set(f, None).await? {
            Some(s) => SetForm {
                name_fi: String::new(),
                name_sv: String::new(),
                name_en: String::new(),
                source: c.t1("indset-copied-from", "name", c.name(&s.input.names)),
                ..SetForm::of(&s.input)
            },
            None => SetForm::default(),
        },
        (None, None) => SetForm::default(),
    };
    let none = FieldErrors::default();
    let (errors, alert) = match form {
        Some((f, e, a)) => {
            start = f.clone();
            (e, a)
        }
        None => (&none, None),
    };
    let f = &start;
    let fields = vec![
        Field::new(&c, "indset", "name_fi", "indset-name-fi", &f.name_fi, errors).required(),
        Field::new(&c, "indset", "name_sv", "indset-name-sv", &f.name_sv, errors),
        Field::new(&c, "indset", "name_en", "indset-name-en", &f.name_en, errors),
        Field::new(&c, "indset", "source", "indset-source", &f.source, errors).kind("textarea"),
        Field::new(&c, "indset", "source_url", "indset-source-url", &f.source_url, errors).kind("url"),
    ];
    let add = Field::new(&c, "indset", "add", "indset-add", &f.add, errors).hint(c.t("indset-add-hint"));
    let keep_ids: Vec<i64> = f.keep.iter().filter_map(|k| k.trim().parse().ok()).collect();
    let mut kept: Vec<Indicator> = app.store.get_indicators(&keep_ids).await?;
    kept.sort_by_key(|i| keep_ids.iter().position(|x| *x == i.id));
    let orgs = visible_orgs(&c);
    let keep = kept
        .into_iter()
        .filter(|i| i.org_id.is_none_or(|o| orgs.contains(&o)))
        .map(|i| Keep {
            id: format!("indset-keep-{}", i.id),
            value: i.id.to_string(),
            title: format!("{} ({})", i.title(c.lang), i.source_id),
            checked: true,
        })
        .collect();
    let mut all = summary(&fields);
    all.extend(summary(std::slice::from_ref(&add)));
    let add = vec![add];
    let (own_row, own_items) = match &own {
        Some(s) => (Some(row(&c, s, &names)), items(app, &c, &s.input.indicator_ids).await?.0),
        None => (None, vec![]),
    };
    let copies = app
        .store
        .list_indicator_sets()
        .await?
        .into_iter()
        .filter(|s| s.org_id.is_none())
        .map(|s| (format!("/orgs/{}/indicator-sets?from={}", org.id, s.id), c.name(&s.input.names).to_string()))
        .collect();
    let action = match &own {
        Some(s) => format!("/orgs/{}/indicator-sets/{}", org.id, s.id),
        None => format!("/orgs/{}/indicator-sets", org.id),
    };
    Ok(OrgPage {
        can_edit: c.can(org.id, Permission::Coordinate),
        own: own_row,
        own_items,
        action,
        version: f.version,
        fields,
        add,
        keep,
        copies,
        errors: all,
        alert: alert.map(|a| c.err(a)),
        org,
        c,
    })
}

pub async fn org(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<FromQuery>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let from = q.from.trim().parse().ok();
    render(&org_page(&app, c, org, None, from).await?)
}

fn explains(code: ErrorCode) -> bool {
    matches!(code, ErrorCode::EditConflict | ErrorCode::IndicatorInvalid)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let f = SetForm::from_pairs(&pairs);
    let outcome =
        submit(f.parse(), async |input| app.store.create_indicator_set(id, &input, Actor::user(me.user_id)).await)
            .await;
    answer(
        outcome,
        explains,
        |s| see_other(&format!("/indicator-sets/{}", s.id)),
        async |r| org_page(&app, c, org, Some((&f, &r.errors, r.alert)), None).await,
    )
    .await
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, set)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let f = SetForm::from_pairs(&pairs);
    let actor = Actor::user(me.user_id);
    let outcome =
        submit(f.parse(), async |input| app.store.update_indicator_set(id, set, f.version, &input, actor).await).await;
    answer(
        outcome,
        explains,
        |s| see_other(&format!("/indicator-sets/{}", s.id)),
        async |r| org_page(&app, c, org, Some((&f, &r.errors, r.alert)), None).await,
    )
    .await
}
