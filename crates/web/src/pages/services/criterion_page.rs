//! One quality criterion of a contract (`/orgs/{id}/contracts/{cid}/criteria/{kid}`): its
//! measure and rule, and what the rule, or an alternative one, would have paid on the last full
//! year's values ("what would it cost", before a contract is signed or renewed).

use super::contracts::{criterion_fields, rule_text};
use super::{county, explains};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::format::euros;
use crate::refusal::{answer, submit};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::services::{what_if, Criterion, CriterionForm, IncentiveRule, ReportState};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::services::ContractView;
use hyte_store::Actor;
use serde::Deserialize;

/// The query of the "what would it cost" view: an alternative rule.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct WhatIf {
    pub bonus_pct: String,
    pub sanction_pct: String,
    pub margin_pct: String,
    pub cap_euros: String,
}

impl WhatIf {
    /// The alternative rule, parsed as a criterion's rule is; None when none was asked or it is
    /// not valid.
    fn rule(&self) -> Option<IncentiveRule> {
        if self.bonus_pct.is_empty() && self.sanction_pct.is_empty() {
            return None;
        }
        IncentiveRule::parse(&self.bonus_pct, &self.sanction_pct, &self.margin_pct, &self.cap_euros).ok()
    }
}

/// A rule's sums over a year's values.
pub struct Cost {
    pub rule: String,
    pub bonus: String,
    pub sanction: String,
    pub net: String,
}

#[derive(Template)]
#[template(path = "services/criterion.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    v: ContractView,
    k: Criterion,
    can_manage: bool,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
    year: Option<i32>,
    costs: Vec<Cost>,
    alt: WhatIf,
    alt_invalid: bool,
}

async fn load(app: &App, id: i64, cid: i64, kid: i64) -> Result<(ContractView, Criterion), AppError> {
    let v = app.store.get_contract(id, cid).await?.ok_or(AppError::new(ErrorCode::NotFound))?;
    let k = v.criteria.iter().find(|k| k.id == kid).cloned().ok_or(AppError::new(ErrorCode::NotFound))?;
    Ok((v, k))
}

#[allow(clippy::too_many_arguments)]
async fn page_of(
    app: &App,
    c: Ctx,
    org: Organisation,
    v: ContractView,
    k: Criterion,
    failed: Option<(CriterionForm, FieldErrors)>,
    alert: Option<ErrorCode>,
    alt: WhatIf,
) -> Result<Page, AppError> {
    let (f, e) = failed.unwrap_or_else(|| (CriterionForm::from_input(&k.input, k.version), FieldErrors::default()));
    let fields = criterion_fields(&c, &f, &e);
    // The last year with reported or knowledge-base values for this criterion (returned reports
    // left out). Deliberately not limited to the contract's term: a rule can be tried on the
    // values of a year before the contract.
    let values: Vec<(i32, f64)> = match k.input.source {
        hyte_domain::services::Source::Provider => v
            .reports
            .iter()
            .filter(|r| r.criterion_id == k.id && r.state != ReportState::Returned)
            .filter_map(|r| r.period.get(..4).and_then(|y| y.parse().ok()).map(|y| (y, r.value)))
            .collect(),
        hyte_domain::services::Source::Indicator => {
            let ids = k.input.indicator_id.into_iter().collect();
            let known = crate::knowledge::seen::yearly_values(app, &c, org.area_id, ids).await?;
            known.into_iter().map(|((_, y), x)| (y, x)).collect()
        }
    };
    let year = values.iter().map(|(y, _)| *y).max();
    let last: Vec<f64> = values.iter().filter(|(y, _)| Some(*y) == year).map(|(_, x)| *x).collect();
    let cost = |rule: IncentiveRule| {
        let (b, s) = what_if(&k.input, rule, v.contract.input.annual_euros, &last);
        let shown = hyte_domain::services::CriterionInput { rule, ..k.input.clone() };
        Cost {
            rule: rule_text(&c, &shown),
            bonus: euros(c.lang, b),
            sanction: euros(c.lang, s),
            net: euros(c.lang, b + s),
        }
    };
    let mut costs = vec![cost(k.input.rule)];
    let alt_rule = alt.rule();
    if let Some(r) = alt_rule {
        costs.push(cost(r));
    }
    Ok(Page {
        can_manage: c.can(org.id, Permission::Coordinate),
        errors: summary(&fields),
        alert: alert.map(|a| c.err(a)),
        alt_invalid: alt_rule.is_none() && !(alt.bonus_pct.is_empty() && alt.sanction_pct.is_empty()),
        fields,
        year,
        costs,
        alt,
        k,
        v,
        org,
        c,
    })
}

pub async fn criterion(
    State(app): State<App>,
    c: Ctx,
    Path((id, cid, kid)): Path<(i64, i64, i64)>,
    Query(alt): Query<WhatIf>,
) -> Result<Response, AppError> {
    let (org, _) = county(&app, &c, id, Permission::View).await?;
    let (v, k) = load(&app, id, cid, kid).await?;
    render(&page_of(&app, c, org, v, k, None, None, alt).await?)
}

pub async fn update_criterion(
    State(app): State<App>,
    c: Ctx,
    Path((id, cid, kid)): Path<(i64, i64, i64)>,
    Form(f): Form<CriterionForm>,
) -> Result<Response, AppError> {
    let (org, me) = county(&app, &c, id, Permission::Coordinate).await?;
    let (v, k) = load(&app, id, cid, kid).await?;
    let outcome = submit(f.parse(), async |input| {
        app.store.update_criterion(id, kid, f.version, &input, Actor::user(me.user_id)).await
    })
    .await;
    let done = format!("/orgs/{id}/contracts/{cid}#criteria");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| page_of(&app, c, org, v, k, Some((f, r.errors)), r.alert, WhatIf::default()).await,
    )
    .await
}
