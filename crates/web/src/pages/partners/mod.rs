//! NGO partners (issue 6): the partner registry of a municipality or region, the activity
//! directory (managed by the organisations that run the activities, searched publicly), grants to
//! NGOs (calls, applications, decisions, reports of use) and premises offered for public-benefit use.

pub mod activities;
pub mod directory;
pub mod grants;
pub mod premises;
pub mod registry;

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::App;
use hyte_domain::partners::{ActivityKind, ActivityLang, ApplicationStatus, PartnerRole, TargetGroup, Theme};
use hyte_domain::{Area, ErrorCode, Lang, Organisation};
use hyte_store::StoreError;
use std::collections::HashMap;

/// The choices of a code enum, labelled `<prefix>-<code>`; `empty` adds a first "none" choice.
pub fn options(c: &Ctx, prefix: &str, codes: &[&'static str], empty: Option<String>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = empty.into_iter().map(|e| (String::new(), e)).collect();
    out.extend(codes.iter().map(|code| (code.to_string(), c.t(&format!("{prefix}-{code}")))));
    out
}

pub fn kind_codes() -> Vec<&'static str> {
    ActivityKind::ALL.iter().map(|k| k.as_str()).collect()
}
pub fn theme_codes() -> Vec<&'static str> {
    Theme::ALL.iter().map(|k| k.as_str()).collect()
}
pub fn target_codes() -> Vec<&'static str> {
    TargetGroup::ALL.iter().map(|k| k.as_str()).collect()
}
pub fn lang_codes() -> Vec<&'static str> {
    ActivityLang::ALL.iter().map(|k| k.as_str()).collect()
}
pub fn role_codes() -> Vec<&'static str> {
    PartnerRole::ALL.iter().map(|k| k.as_str()).collect()
}

pub fn status_label(c: &Ctx, s: ApplicationStatus) -> String {
    c.t(&format!("application-status-{}", s.as_str()))
}

/// Every municipality, by id (for names and the area choices).
pub async fn municipalities(app: &App) -> Result<Vec<Area>, AppError> {
    Ok(app.store.list_areas(Some("municipality")).await?)
}

pub fn area_options(c: &Ctx, areas: &[Area], empty_key: &str) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), c.t(empty_key))];
    let mut named: Vec<(String, String)> =
        areas.iter().map(|a| (a.id.to_string(), c.name(&a.names).to_string())).collect();
    named.sort_by(|a, b| a.1.cmp(&b.1));
    out.extend(named);
    out
}

pub fn area_name(c: &Ctx, areas: &[Area], id: Option<i64>) -> String {
    id.and_then(|id| areas.iter().find(|a| a.id == id)).map(|a| c.name(&a.names).to_string()).unwrap_or_default()
}

/// Every organisation by id.
pub async fn orgs_by_id(app: &App) -> Result<HashMap<i64, Organisation>, AppError> {
    Ok(app.store.list_organisations().await?.into_iter().map(|o| (o.id, o)).collect())
}

pub fn org_name(c: &Ctx, orgs: &HashMap<i64, Organisation>, id: i64) -> String {
    orgs.get(&id).map(|o| c.name(&o.names).to_string()).unwrap_or_default()
}

/// Euros as Finns write them: 10 000 €.
pub fn euros(c: &Ctx, v: i64) -> String {
    format!("{}\u{a0}€", super::indicators::fmt_num(c.lang, v as f64, 0))
}

/// A store refusal that the page explains (conflicts, closed calls, budgets), or the error.
pub fn explained(e: StoreError) -> Result<ErrorCode, AppError> {
    match e {
        StoreError::Rule(
            code @ (ErrorCode::EditConflict
            | ErrorCode::AlreadyPartner
            | ErrorCode::CallClosed
            | ErrorCode::BudgetExceeded
            | ErrorCode::StateTransitionInvalid),
        ) => Ok(code),
        e => Err(e.into()),
    }
}

/// The names of a theme and an activity kind in all three languages, for the word search.
pub fn search_names(c: &Ctx) -> impl Fn(Theme, ActivityKind) -> Vec<String> + '_ {
    move |t: Theme, k: ActivityKind| {
        Lang::ALL
            .iter()
            .flat_map(|l| {
                [c.i18n.t(*l, &format!("theme-{}", t.as_str())), c.i18n.t(*l, &format!("activity-kind-{}", k.as_str()))]
            })
            .collect()
    }
}
