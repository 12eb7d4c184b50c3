//! A county's contracts with providers (`/orgs/{id}/contracts`): terms, covered services, HYTE
//! tasks, quality criteria with their incentive and sanction rules, and the monitoring: each
//! period's value, fulfilment and euro effect, late reports, and the county's review.

use super::{choices, county, explains, num};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::format::{euros, fi_date, today};
use crate::knowledge::seen::yearly_values;
use crate::refusal::{answer, submit};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::services::{
    bonuses_and_sanctions, periods, ContractForm, ContractKind, CriterionForm, CriterionInput, Direction, Provider,
    ReportState, Review, Schedule, Service, Source,
};
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::services::ContractView;
use hyte_store::Actor;
use serde::Deserialize;

pub struct ContractRow {
    pub href: String,
    pub title: String,
    pub provider: String,
    pub term: String,
    pub annual: String,
}

#[derive(Template)]
#[template(path = "services/contracts.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    rows: Vec<ContractRow>,
    can_manage: bool,
    fields: Vec<Field>,
    services: Vec<(String, String, bool)>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

fn contract_fields(c: &Ctx, f: &ContractForm, e: &FieldErrors, providers: &[Provider]) -> Vec<Field> {
    let provider_choices = providers.iter().map(|p| (p.id.to_string(), p.input.name.clone())).collect();
    vec![
        Field::new(c, "contract", "title", "field-contract-title", &f.title, e).required(),
        Field::new(c, "contract", "kind", "field-contract-kind", &f.kind, e)
            .select(choices::<ContractKind>(c, None))
            .required(),
        Field::new(c, "contract", "provider_id", "field-contract-provider", &f.provider_id, e)
            .select(provider_choices)
            .required(),
        Field::new(c, "contract", "starts", "field-contract-starts", &f.starts, e).kind("date").required(),
        Field::new(c, "contract", "ends", "field-contract-ends", &f.ends, e).kind("date").required(),
        Field::new(c, "contract", "annual_euros", "field-contract-annual", &f.annual_euros, e).required(),
        Field::new(c, "contract", "hyte_share", "field-contract-share", &f.hyte_share, e)
            .hint(c.t("field-contract-share-hint")),
        Field::new(c, "contract", "hyte_tasks", "field-contract-tasks", &f.hyte_tasks, e)
            .kind("textarea")
            .hint(c.t("field-contract-tasks-hint")),
    ]
}

fn service_boxes(c: &Ctx, services: &[Service], on: &[String]) -> Vec<(String, String, bool)> {
    services
        .iter()
        .map(|s| (s.id.to_string(), c.name(&s.input.names).to_string(), on.contains(&s.id.to_string())))
        .collect()
}

async fn list_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    f: &ContractForm,
    e: &FieldErrors,
    alert: Option<ErrorCode>,
) -> Result<ListPage, AppError> {
    let providers = app.store.list_providers(org.id).await?;
    let name = |id: i64| providers.iter().find(|p| p.id == id).map(|p| p.input.name.clone()).unwrap_or_default();
    let rows = app
        .store
        .list_contracts(org.id)
        .await?
        .iter()
        .map(|k| ContractRow {
            href: format!("/orgs/{}/contracts/{}", org.id, k.id),
            title: k.input.title.clone(),
            provider: name(k.input.provider_id),
            term: format!("{}–{}", fi_date(k.input.starts), fi_date(k.input.ends)),
            annual: euros(c.lang, k.input.annual_euros),
        })
        .collect();
    let services = app.store.list_services(org.id).await?;
    let fields = contract_fields(&c, f, e, &providers);
    Ok(ListPage {
        can_manage: c.can(org.id, Permission::Coordinate),
        services: service_boxes(&c, &services, &f.service_ids),
        errors: summary(&fields),
        alert: alert.map(|a| c.err(a)),
        fields,
        rows,
        org,
        c,
    })
}

pub async fn list(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = county(&app, &c, id, Permission::View).await?;
    let f = ContractForm { kind: "purchase".into(), ..Default::default() };
    render(&list_page(&app, c, org, &f, &FieldErrors::default(), None).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = county(&app, &c, id, Permission::Coordinate).await?;
    let f = ContractForm::from_pairs(&pairs);
    let outcome =
        submit(f.parse(), async |input| app.store.create_contract(id, &input, Actor::user(me.user_id)).await).await;
    answer(
        outcome,
        explains,
        |k| see_other(&format!("/orgs/{id}/contracts/{}", k.id)),
        async |r| list_page(&app, c, org, &f, &r.errors, r.alert).await,
    )
    .await
}

/// One line of the monitoring table: a criterion in a period.
pub struct MonitoringLine {
    pub period: String,
    pub criterion: String,
    pub value: String,
    pub outcome: String,
    pub outcome_class: &'static str,
    pub effect: String,
    pub rule: String,
    pub state: String,
    pub comment: String,
    pub review_comment: String,
    pub late: bool,
    /// (report id, version) when the county can review it now.
    pub review: Option<(i64, i64)>,
}

pub struct CriterionRow {
    pub href: String,
    pub name: String,
    pub target: String,
    pub source: String,
    pub schedule: String,
    pub rule: String,
}

/// The words of a rule, e.g. "bonus 1 % when met; sanction 0.5 % when missed by more than 10 %; at most 5 000 € a period".
pub fn rule_text(c: &Ctx, k: &CriterionInput) -> String {
    let r = &k.rule;
    let mut s = c.t2("rule-text", "bonus", num(c, r.bonus_pct, 2), "sanction", num(c, r.sanction_pct, 2));
    s = format!("{s} {}", c.t1("rule-margin", "margin", num(c, r.margin_pct, 1)));
    if let Some(cap) = r.cap_euros {
        s = format!("{s} {}", c.t1("rule-cap", "cap", euros(c.lang, cap)));
    }
    s
}

fn target_text(c: &Ctx, k: &CriterionInput) -> String {
    let dir = match k.direction {
        Direction::HigherBetter => "≥",
        Direction::LowerBetter => "≤",
    };
    format!("{dir} {} {}", num(c, k.target, 2), k.unit)
}

/// The monitoring lines of a contract up to today, and the totals (bonuses, sanctions) of
/// accepted and submitted reports.
pub async fn monitoring(
    app: &App,
    c: &Ctx,
    org: &Organisation,
    v: &ContractView,
    reviewer: bool,
) -> Result<(Vec<MonitoringLine>, i64, i64), AppError> {
    let indicators = v.criteria.iter().filter_map(|k| k.input.indicator_id).collect();
    let values = yearly_values(app, c, org.area_id, indicators).await?;
    let now = today();
    let results = periods(&v.contract, &v.criteria, &v.reports, &values, now);
    let (bonus, sanction) =
        bonuses_and_sanctions(results.iter().filter(|x| x.counts()).filter_map(|x| x.evaluation.map(|e| e.euros)));
    let lines = results
        .iter()
        .map(|x| {
            let (k, report, eval) = (x.criterion, x.report, x.evaluation);
            MonitoringLine {
                period: x.period.code(),
                criterion: k.input.name.clone(),
                value: x.value.map(|v| format!("{} {}", num(c, v, 2), k.input.unit)).unwrap_or_default(),
                outcome: eval.map(|e| c.code(e.outcome)).unwrap_or_default(),
                outcome_class: match eval.map(|e| e.outcome) {
                    Some(hyte_domain::services::Outcome::Met) => "good",
                    Some(hyte_domain::services::Outcome::Missed) => "bad",
                    _ => "",
                },
                effect: eval
                    .map(|e| {
                        if e.capped {
                            format!("{} ({})", euros(c.lang, e.euros), c.t("rule-capped"))
                        } else {
                            euros(c.lang, e.euros)
                        }
                    })
                    .unwrap_or_default(),
                rule: rule_text(c, &k.input),
                state: match (k.input.source, report) {
                    (Source::Indicator, _) => c.t("monitoring-from-knowledge-base"),
                    (_, Some(r)) => c.code(r.state),
                    (_, None) => c.t("monitoring-missing"),
                },
                comment: report.and_then(|r| r.comment.clone()).unwrap_or_default(),
                review_comment: report.and_then(|r| r.review_comment.clone()).unwrap_or_default(),
                late: k.input.source == Source::Provider && report.is_none() && x.period.due() < now,
                review: report.filter(|r| reviewer && r.state == ReportState::Submitted).map(|r| (r.id, r.version)),
            }
        })
        .collect();
    Ok((lines, bonus, sanction))
}

#[derive(Template)]
#[template(path = "services/contract.html")]
struct Page {
    c: Ctx,
    org: Organisation,
    v: ContractView,
    can_manage: bool,
    fields: Vec<Field>,
    services: Vec<(String, String, bool)>,
    criteria: Vec<CriterionRow>,
    criterion_fields: Vec<Field>,
    lines: Vec<MonitoringLine>,
    bonus: String,
    sanction: String,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

#[derive(Default)]
struct Failed {
    contract: Option<(ContractForm, FieldErrors)>,
    criterion: Option<(CriterionForm, FieldErrors)>,
    alert: Option<ErrorCode>,
}

pub fn criterion_fields(c: &Ctx, f: &CriterionForm, e: &FieldErrors) -> Vec<Field> {
    vec![
        Field::new(c, "criterion", "name", "field-criterion-name", &f.name, e).required(),
        Field::new(c, "criterion", "unit", "field-criterion-unit", &f.unit, e).required(),
        Field::new(c, "criterion", "target", "field-criterion-target", &f.target, e).required(),
        Field::new(c, "criterion", "direction", "field-criterion-direction", &f.direction, e)
            .select(choices::<Direction>(c, None))
            .required(),
        Field::new(c, "criterion", "source", "field-criterion-source", &f.source, e)
            .select(choices::<Source>(c, None))
            .required(),
        Field::new(c, "criterion", "indicator_id", "field-criterion-indicator", &f.indicator_id, e)
            .hint(c.t("field-criterion-indicator-hint")),
        Field::new(c, "criterion", "schedule", "field-criterion-schedule", &f.schedule, e)
            .select(choices::<Schedule>(c, None))
            .required(),
        Field::new(c, "criterion", "bonus_pct", "field-criterion-bonus", &f.bonus_pct, e),
        Field::new(c, "criterion", "sanction_pct", "field-criterion-sanction", &f.sanction_pct, e),
        Field::new(c, "criterion", "margin_pct", "field-criterion-margin", &f.margin_pct, e)
            .hint(c.t("field-criterion-margin-hint")),
        Field::new(c, "criterion", "cap_euros", "field-criterion-cap", &f.cap_euros, e),
    ]
}

async fn load(app: &App, id: i64, cid: i64) -> Result<ContractView, AppError> {
    app.store.get_contract(id, cid).await?.ok_or(AppError::new(ErrorCode::NotFound))
}

async fn page_of(app: &App, c: Ctx, org: Organisation, v: ContractView, failed: Failed) -> Result<Page, AppError> {
    let providers = app.store.list_providers(org.id).await?;
    let services = app.store.list_services(org.id).await?;
    let (f, e) = failed
        .contract
        .unwrap_or_else(|| (ContractForm::from_input(&v.contract.input, v.contract.version), FieldErrors::default()));
    let fields = contract_fields(&c, &f, &e, &providers);
    let blank = CriterionForm {
        direction: "higher_better".into(),
        source: "provider".into(),
        schedule: "quarterly".into(),
        ..Default::default()
    };
    let (kf, ke) = failed.criterion.unwrap_or((blank, FieldErrors::default()));
    let criterion_fields = criterion_fields(&c, &kf, &ke);
    let can_manage = c.can(org.id, Permission::Coordinate);
    let (lines, bonus, sanction) = monitoring(app, &c, &org, &v, can_manage).await?;
    let criteria = v
        .criteria
        .iter()
        .map(|k| CriterionRow {
            href: format!("/orgs/{}/contracts/{}/criteria/{}", org.id, v.contract.id, k.id),
            name: k.input.name.clone(),
            target: target_text(&c, &k.input),
            source: c.code(k.input.source),
            schedule: c.code(k.input.schedule),
            rule: rule_text(&c, &k.input),
        })
        .collect();
    let mut errors = summary(&fields);
    errors.extend(summary(&criterion_fields));
    Ok(Page {
        services: service_boxes(&c, &services, &f.service_ids),
        bonus: euros(c.lang, bonus),
        sanction: euros(c.lang, sanction),
        alert: failed.alert.map(|a| c.err(a)),
        can_manage,
        errors,
        fields,
        criteria,
        criterion_fields,
        lines,
        v,
        org,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, cid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = county(&app, &c, id, Permission::View).await?;
    let v = load(&app, id, cid).await?;
    render(&page_of(&app, c, org, v, Failed::default()).await?)
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, cid)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = county(&app, &c, id, Permission::Coordinate).await?;
    let v = load(&app, id, cid).await?;
    let f = ContractForm::from_pairs(&pairs);
    let outcome = submit(f.parse(), async |input| {
        app.store.update_contract(id, cid, f.version, &input, Actor::user(me.user_id)).await
    })
    .await;
    let done = format!("/orgs/{id}/contracts/{cid}");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            page_of(&app, c, org, v, Failed { contract: Some((f, r.errors)), alert: r.alert, ..Default::default() })
                .await
        },
    )
    .await
}

pub async fn add_criterion(
    State(app): State<App>,
    c: Ctx,
    Path((id, cid)): Path<(i64, i64)>,
    Form(f): Form<CriterionForm>,
) -> Result<Response, AppError> {
    let (org, me) = county(&app, &c, id, Permission::Coordinate).await?;
    let v = load(&app, id, cid).await?;
    let outcome =
        submit(f.parse(), async |input| app.store.add_criterion(id, cid, &input, Actor::user(me.user_id)).await).await;
    let done = format!("/orgs/{id}/contracts/{cid}#criteria");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            page_of(&app, c, org, v, Failed { criterion: Some((f, r.errors)), alert: r.alert, ..Default::default() })
                .await
        },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReviewForm {
    decision: String,
    review_comment: String,
    version: i64,
}

pub async fn review(
    State(app): State<App>,
    c: Ctx,
    Path((id, cid, rid)): Path<(i64, i64, i64)>,
    Form(f): Form<ReviewForm>,
) -> Result<Response, AppError> {
    let (org, me) = county(&app, &c, id, Permission::Coordinate).await?;
    let v = load(&app, id, cid).await?;
    if !v.reports.iter().any(|r| r.id == rid) {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let parsed = Review::parse(f.decision == "accept", &f.review_comment);
    let outcome = submit(parsed, async |review| {
        app.store.review_report(id, rid, f.version, &review, Actor::user(me.user_id)).await
    })
    .await;
    let done = format!("/orgs/{id}/contracts/{cid}#monitoring");
    answer(
        outcome,
        explains,
        |_| see_other(&done),
        async |r| {
            let alert = r.alert.or_else(|| r.errors.0.first().map(|e| e.code));
            page_of(&app, c, org, v, Failed { alert, ..Default::default() }).await
        },
    )
    .await
}

pub use super::criterion_page::{criterion, update_criterion};
