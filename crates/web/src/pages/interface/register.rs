//! The organisation's interface services (`/orgs/{id}/interface`): those it takes part in, with
//! their kind, its role and the other parties, and a form to start a new one (its organisation
//! leads it).

use super::{explains, org_names, region_municipalities};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{choices, summary, CheckSet, Field};
use crate::refusal::{answer, submit};
use crate::respond::{render, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::interface::{InterfaceForm, InterfaceKind, PartyRole};
use hyte_domain::partners::ActivityKind;
use hyte_domain::{ErrorCode, FieldErrors, Organisation, Permission};
use hyte_store::Actor;

pub struct Row {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub role: String,
    pub parties: String,
    pub published: bool,
}

/// One participant row of the form: its organisation and role choosers.
pub struct PartyFields {
    pub legend: String,
    pub org: Field,
    pub role: Field,
}

/// The service form's parts: its fields, its checkbox sets and (for a lead) its party rows.
pub struct FormParts {
    pub fields: Vec<Field>,
    pub sets: Vec<CheckSet>,
    pub parties: Vec<PartyFields>,
    pub errors: Vec<(String, String, String)>,
}

/// The form's parts from `f`; `parties` false leaves the participant rows out (a partner's form).
pub async fn form_parts(
    app: &App,
    c: &Ctx,
    org: &Organisation,
    f: &InterfaceForm,
    e: &FieldErrors,
    parties: bool,
) -> Result<FormParts, AppError> {
    let fields = vec![
        Field::new(c, "ifc", "name_fi", "field-ifc-name-fi", &f.name_fi, e).required(),
        Field::new(c, "ifc", "name_sv", "field-ifc-name-sv", &f.name_sv, e),
        Field::new(c, "ifc", "name_en", "field-ifc-name-en", &f.name_en, e),
        Field::new(c, "ifc", "kind", "field-ifc-kind", &f.kind, e).select(choices::<InterfaceKind>(c, None)).required(),
        Field::new(c, "ifc", "description", "field-ifc-description", &f.description, e).kind("textarea"),
    ];
    let mut munis: Vec<(String, String)> = region_municipalities(app, org)
        .await?
        .into_iter()
        .map(|a| (a.code.clone(), c.name(&a.names).to_string()))
        .collect();
    let unknown: Vec<String> = f.areas.iter().filter(|a| !munis.iter().any(|(m, _)| m == *a)).cloned().collect();
    munis.extend(unknown.into_iter().map(|code| (code.clone(), code)));
    let kinds = ActivityKind::ALL.iter().map(|k| (k.as_str().to_string(), c.code(*k))).collect();
    let sets = vec![
        CheckSet::new("ifc-areas", "areas", c.t("field-ifc-areas"), munis, &f.areas).error(e, c),
        CheckSet::groups(c, "ifc-target", "target_groups", c.t("field-ifc-target-groups"), &f.target_groups)
            .error(e, c),
        CheckSet::groups(
            c,
            "ifc-vulnerable",
            "vulnerable_groups",
            c.t("field-ifc-vulnerable-groups"),
            &f.vulnerable_groups,
        )
        .error(e, c),
        CheckSet::new("ifc-activity", "activity_kinds", c.t("field-ifc-activity-kinds"), kinds, &f.activity_kinds)
            .error(e, c),
    ];
    let mut rows = vec![];
    if parties {
        let orgs = crate::form::org_choices(app, c, org.id, "ifc-party-none").await?;
        let roles = choices::<PartyRole>(c, None);
        let existing = f.party_org.iter().zip(&f.party_role).filter(|(o, _)| o.trim() != org.id.to_string());
        let blanks = std::iter::repeat_n((&String::new(), &PartyRole::Partner.as_str().to_string()), 3)
            .map(|(o, r)| (o.clone(), r.clone()))
            .collect::<Vec<_>>();
        let all: Vec<(String, String)> = existing.map(|(o, r)| (o.clone(), r.clone())).chain(blanks).collect();
        for (i, (o, r)) in all.iter().enumerate() {
            let n = i + 1;
            let mut org_field =
                Field::new(c, &format!("party{n}"), "party_org", "field-ifc-party-org", o, e).select(orgs.clone());
            let role =
                Field::new(c, &format!("party{n}"), "party_role", "field-ifc-party-role", r, e).select(roles.clone());
            if n > 1 {
                org_field.error = None;
            }
            rows.push(PartyFields { legend: c.t1("ifc-party-legend", "n", n), org: org_field, role });
        }
    }
    let mut errors = summary(&fields);
    errors.extend(sets.iter().filter_map(|s| s.error.clone().map(|m| (s.id.clone(), s.legend.clone(), m))));
    errors.extend(
        rows.iter().take(1).flat_map(|r| r.org.error.clone().map(|m| (r.org.id.clone(), r.org.label.clone(), m))),
    );
    Ok(FormParts { fields, sets, parties: rows, errors })
}

#[derive(Template)]
#[template(path = "interface/list.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    rows: Vec<Row>,
    can_edit: bool,
    form: FormParts,
    alert: Option<String>,
}

async fn list_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    failed: Option<(InterfaceForm, FieldErrors)>,
    alert: Option<ErrorCode>,
) -> Result<ListPage, AppError> {
    let names = org_names(app, &c).await?;
    let name = |id: &i64| names.get(id).cloned().unwrap_or_default();
    let rows = app
        .store
        .list_interfaces(org.id)
        .await?
        .iter()
        .map(|s| Row {
            href: format!("/orgs/{}/interface/{}", org.id, s.id),
            name: s.name(c.lang).to_string(),
            kind: c.code(s.input.kind),
            role: s.role_of(org.id).map(|r| c.code(r)).unwrap_or_default(),
            parties: s
                .parties
                .iter()
                .filter(|p| p.org_id != org.id)
                .map(|p| name(&p.org_id))
                .collect::<Vec<_>>()
                .join(", "),
            published: s.published,
        })
        .collect();
    let (f, e) = failed.unwrap_or_else(|| {
        (
            InterfaceForm { kind: InterfaceKind::ServiceChain.as_str().into(), ..Default::default() },
            FieldErrors::default(),
        )
    });
    let form = form_parts(app, &c, &org, &f, &e, true).await?;
    Ok(ListPage { can_edit: c.can(org.id, Permission::Edit), rows, form, alert: alert.map(|a| c.err(a)), org, c })
}

pub async fn page(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    render(&list_page(&app, c, org, None, None).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    let f = InterfaceForm::from_pairs(&pairs);
    let outcome = submit(f.parse(id), async |(input, parties)| {
        app.store.create_interface(id, &input, &parties, Actor::user(me.user_id)).await
    })
    .await;
    answer(
        outcome,
        explains,
        |s| see_other(&format!("/orgs/{id}/interface/{}", s.id)),
        async |r| list_page(&app, c, org, Some((f, r.errors)), r.alert).await,
    )
    .await
}
