//! Groups of an organisation (steering and welfare groups, the cooperation pool, advisory
//! councils): mandate, tasks and members; their meetings with agenda and minutes; and the
//! agreements made (who does what by when), tracked to done.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::form::{summary, Field};
use crate::format::{fi_date, today};
use crate::refusal::{self, answer, conflicts, no_rules, submit, Failure, Refusal};
use crate::respond::{render, render_status, see_other};
use crate::App;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use hyte_domain::cooperation::{
    AgreementInput, Group, GroupForm, GroupKind, Meeting, MeetingInput, MemberInput, MemberRole,
};
use hyte_domain::{ErrorCode, FieldErrors, OrgKind, Organisation, Permission};
use hyte_store::Actor;
use serde::Deserialize;

fn kind_options(c: &Ctx) -> Vec<(String, String)> {
    GroupKind::ALL.iter().map(|k| (k.as_str().to_string(), c.code(*k))).collect()
}

fn group_fields(c: &Ctx, prefix: &str, f: &GroupForm, e: &FieldErrors) -> Vec<Field> {
    vec![
        Field::new(c, prefix, "kind", "field-group-kind", &f.kind, e).select(kind_options(c)).required(),
        Field::new(c, prefix, "name", "field-group-name", &f.name, e).required(),
        Field::new(c, prefix, "mandate", "field-group-mandate", &f.mandate, e)
            .kind("textarea")
            .hint(c.t("field-group-mandate-hint")),
        Field::new(c, prefix, "tasks", "field-group-tasks", &f.tasks, e).kind("textarea"),
        Field::new(c, prefix, "chair", "field-group-chair", &f.chair, e),
    ]
}

pub struct GroupItem {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub members: usize,
    pub open: usize,
}

#[derive(Template)]
#[template(path = "cooperation/groups.html")]
struct ListPage {
    c: Ctx,
    org: Organisation,
    items: Vec<GroupItem>,
    can_edit: bool,
    fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
}

async fn list_page(app: &App, c: Ctx, org: Organisation, f: &GroupForm, e: &FieldErrors) -> Result<ListPage, AppError> {
    let agreements = app.store.org_agreements(org.id).await?;
    let mut items = vec![];
    for g in app.store.list_groups(org.id).await? {
        items.push(GroupItem {
            href: format!("/orgs/{}/groups/{}", org.id, g.id),
            kind: c.code(g.input.kind),
            members: app.store.group_members(g.id).await?.len(),
            open: agreements.iter().filter(|a| a.group_id == g.id && a.done_on.is_none()).count(),
            name: g.input.name,
        });
    }
    let fields = group_fields(&c, "new", f, e);
    Ok(ListPage { can_edit: c.can(org.id, Permission::Coordinate), errors: summary(&fields), fields, items, org, c })
}

pub async fn list(State(app): State<App>, c: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let f = GroupForm { kind: "welfare_group".into(), ..Default::default() };
    render(&list_page(&app, c, org, &f, &FieldErrors::default()).await?)
}

pub async fn create(
    State(app): State<App>,
    c: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<GroupForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    match f.parse() {
        Ok(input) => {
            let g = app.store.create_group(id, &input, Actor::user(me.user_id)).await?;
            Ok(see_other(&format!("/orgs/{id}/groups/{}", g.id)))
        }
        Err(e) => render_status(refusal::status(&e), &list_page(&app, c, org, &f, &e).await?),
    }
}

async fn load_group(app: &App, org_id: i64, gid: i64) -> Result<Group, AppError> {
    let g = app.store.get_group(gid).await?.filter(|g| g.org_id == org_id);
    g.ok_or(AppError::new(ErrorCode::NotFound))
}

pub struct MemberView {
    pub id: i64,
    pub person: String,
    pub org: String,
    pub kind: String,
    pub role: String,
    pub href: Option<String>,
}

pub struct AgreementView {
    pub id: i64,
    pub what: String,
    pub who: String,
    pub due: String,
    pub done: Option<String>,
    pub overdue: bool,
    pub version: i64,
    pub meeting_href: String,
}

#[derive(Template)]
#[template(path = "cooperation/group.html")]
struct GroupPage {
    c: Ctx,
    org: Organisation,
    g: Group,
    kind: String,
    members: Vec<MemberView>,
    meetings: Vec<(String, String)>,
    agreements: Vec<AgreementView>,
    can_edit: bool,
    can_mark: bool,
    group_fields: Vec<Field>,
    member_fields: Vec<Field>,
    meeting_fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MemberForm {
    person: String,
    member_org: String,
    org_name: String,
    org_kind: String,
    role: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MeetingForm {
    held_on: String,
    agenda: String,
    minutes: String,
    version: i64,
}

#[derive(Default)]
struct Failed {
    group: Option<(GroupForm, FieldErrors)>,
    member: Option<(MemberForm, FieldErrors)>,
    meeting: Option<(MeetingForm, FieldErrors)>,
    alert: Option<ErrorCode>,
}

pub fn agreement_views(c: &Ctx, org_id: i64, list: Vec<hyte_domain::cooperation::Agreement>) -> Vec<AgreementView> {
    let today = today();
    list.into_iter()
        .map(|a| {
            let overdue = a.overdue(today);
            let due = fi_date(a.input.due_on);
            AgreementView {
                id: a.id,
                due: if overdue { format!("{due} ({})", c.t("agreement-overdue")) } else { due },
                overdue,
                done: a.done_on.map(fi_date),
                version: a.version,
                meeting_href: format!("/orgs/{org_id}/groups/{}/meetings/{}", a.group_id, a.meeting_id),
                what: a.input.what,
                who: a.input.who,
            }
        })
        .collect()
}

async fn org_choices(app: &App) -> Result<Vec<(i64, String, OrgKind)>, AppError> {
    Ok(app.store.list_organisations().await?.into_iter().map(|o| (o.id, o.names.fi.clone(), o.kind)).collect())
}

async fn group_page(app: &App, c: Ctx, org: Organisation, g: Group, failed: Failed) -> Result<GroupPage, AppError> {
    let members = app
        .store
        .group_members(g.id)
        .await?
        .into_iter()
        .map(|m| MemberView {
            id: m.id,
            kind: c.org_kind(m.input.org_kind),
            role: c.code(m.input.role),
            href: m.input.member_org_id.filter(|o| c.membership(*o).is_some()).map(|o| format!("/orgs/{o}")),
            person: m.input.person,
            org: m.input.org_name,
        })
        .collect();
    let meetings = app
        .store
        .group_meetings(g.id)
        .await?
        .into_iter()
        .map(|m| (format!("/orgs/{}/groups/{}/meetings/{}", org.id, g.id, m.id), fi_date(m.input.held_on)))
        .collect();
    let agreements = agreement_views(&c, org.id, app.store.group_agreements(g.id).await?);
    let empty = FieldErrors::default();
    let (gf, ge) = failed.group.unwrap_or_else(|| (GroupForm::from_input(&g.input, g.version), empty.clone()));
    let group_fields = group_fields(&c, "edit", &gf, &ge);
    let (mf, me) =
        failed.member.unwrap_or_else(|| (MemberForm { role: "member".into(), ..Default::default() }, empty.clone()));
    let mut orgs = vec![(String::new(), c.t("member-org-other"))];
    orgs.extend(org_choices(app).await?.into_iter().map(|(id, name, _)| (id.to_string(), name)));
    let mut kinds = vec![(String::new(), c.t("member-org-kind-pick"))];
    kinds.extend(OrgKind::ALL.iter().map(|k| (k.as_str().to_string(), c.org_kind(*k))));
    let roles = MemberRole::ALL.iter().map(|r| (r.as_str().to_string(), c.code(*r))).collect();
    let member_fields = vec![
        Field::new(&c, "member", "person", "field-member-person", &mf.person, &me).required(),
        Field::new(&c, "member", "member_org", "field-member-org", &mf.member_org, &me).select(orgs),
        Field::new(&c, "member", "org_name", "field-member-org-name", &mf.org_name, &me)
            .hint(c.t("field-member-org-name-hint")),
        Field::new(&c, "member", "org_kind", "field-member-org-kind", &mf.org_kind, &me).select(kinds),
        Field::new(&c, "member", "role", "field-member-role", &mf.role, &me).select(roles).required(),
    ];
    let (tf, te) = failed.meeting.unwrap_or_default();
    let meeting_fields = vec![
        Field::new(&c, "meeting", "held_on", "field-meeting-date", &tf.held_on, &te).kind("date").required(),
        Field::new(&c, "meeting", "agenda", "field-meeting-agenda", &tf.agenda, &te).kind("textarea"),
    ];
    let mut errors = summary(&group_fields);
    errors.extend(summary(&member_fields));
    errors.extend(summary(&meeting_fields));
    Ok(GroupPage {
        kind: c.code(g.input.kind),
        can_edit: c.can(org.id, Permission::Coordinate),
        can_mark: c.can(org.id, Permission::Edit),
        alert: failed.alert.map(|a| c.err(a)),
        errors,
        group_fields,
        member_fields,
        meeting_fields,
        members,
        meetings,
        agreements,
        org,
        g,
        c,
    })
}

pub async fn page(State(app): State<App>, c: Ctx, Path((id, gid)): Path<(i64, i64)>) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let g = load_group(&app, id, gid).await?;
    render(&group_page(&app, c, org, g, Failed::default()).await?)
}

/// After a post on a group's page: to `done` when it went through, else the page again with the
/// refusal (`failed` puts what was typed back into its form).
#[allow(clippy::too_many_arguments)] // one answer for every post of the page
async fn reply<T>(
    app: &App,
    c: Ctx,
    org: Organisation,
    gid: i64,
    outcome: Result<T, Failure>,
    explains: fn(ErrorCode) -> bool,
    done: impl FnOnce(T) -> String,
    failed: impl FnOnce(Refusal) -> Failed,
) -> Result<Response, AppError> {
    answer(
        outcome,
        explains,
        |v| see_other(&done(v)),
        async |r| {
            let g = load_group(app, org.id, gid).await?;
            group_page(app, c, org, g, failed(r)).await
        },
    )
    .await
}

pub async fn update(
    State(app): State<App>,
    c: Ctx,
    Path((id, gid)): Path<(i64, i64)>,
    Form(f): Form<GroupForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    load_group(&app, id, gid).await?;
    let outcome =
        submit(f.parse(), async |input| app.store.update_group(gid, f.version, &input, Actor::user(me.user_id)).await)
            .await;
    let done = |_| format!("/orgs/{id}/groups/{gid}");
    reply(&app, c, org, gid, outcome, conflicts, done, |r| Failed {
        group: Some((f, r.errors)),
        alert: r.alert,
        ..Default::default()
    })
    .await
}

pub async fn add_member(
    State(app): State<App>,
    c: Ctx,
    Path((id, gid)): Path<(i64, i64)>,
    Form(f): Form<MemberForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    load_group(&app, id, gid).await?;
    let orgs = org_choices(&app).await?;
    let parsed = MemberInput::parse(&f.person, &f.member_org, &f.org_name, &f.org_kind, &f.role, &orgs);
    let outcome = submit(parsed, async |m| app.store.add_member(gid, &m, Actor::user(me.user_id)).await).await;
    let done = |_| format!("/orgs/{id}/groups/{gid}#members");
    reply(&app, c, org, gid, outcome, no_rules, done, |r| Failed { member: Some((f, r.errors)), ..Default::default() })
        .await
}

pub async fn remove_member(
    State(app): State<App>,
    c: Ctx,
    Path((id, gid, mid)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (_, me) = c.org(&app, id, Permission::Coordinate).await?;
    load_group(&app, id, gid).await?;
    app.store.remove_member(gid, mid, Actor::user(me.user_id)).await?;
    Ok(see_other(&format!("/orgs/{id}/groups/{gid}#members")))
}

pub async fn add_meeting(
    State(app): State<App>,
    c: Ctx,
    Path((id, gid)): Path<(i64, i64)>,
    Form(f): Form<MeetingForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    load_group(&app, id, gid).await?;
    let parsed = MeetingInput::parse(&f.held_on, &f.agenda, &f.minutes);
    let outcome = submit(parsed, async |m| app.store.add_meeting(gid, &m, Actor::user(me.user_id)).await).await;
    let done = |m: Meeting| format!("/orgs/{id}/groups/{gid}/meetings/{}", m.id);
    reply(&app, c, org, gid, outcome, no_rules, done, |r| Failed { meeting: Some((f, r.errors)), ..Default::default() })
        .await
}

// ---- a meeting -------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "cooperation/meeting.html")]
struct MeetingPage {
    c: Ctx,
    org: Organisation,
    g: Group,
    m: Meeting,
    date: String,
    agreements: Vec<AgreementView>,
    can_edit: bool,
    can_mark: bool,
    meeting_fields: Vec<Field>,
    agreement_fields: Vec<Field>,
    errors: Vec<(String, String, String)>,
    alert: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AgreementForm {
    what: String,
    who: String,
    due_on: String,
}

async fn meeting_page(
    app: &App,
    c: Ctx,
    org: Organisation,
    (g, m): (Group, Meeting),
    meeting: Option<(&MeetingForm, &FieldErrors)>,
    agreement: Option<(&AgreementForm, &FieldErrors)>,
    alert: Option<ErrorCode>,
) -> Result<MeetingPage, AppError> {
    let all = app.store.group_agreements(g.id).await?;
    let mine = all.into_iter().filter(|a| a.meeting_id == m.id).collect();
    let agreements = agreement_views(&c, org.id, mine);
    let empty = FieldErrors::default();
    let current = MeetingForm {
        held_on: m.input.held_on.to_string(),
        agenda: m.input.agenda.clone().unwrap_or_default(),
        minutes: m.input.minutes.clone().unwrap_or_default(),
        version: m.version,
    };
    let (mf, me) = meeting.unwrap_or((&current, &empty));
    let meeting_fields = vec![
        Field::new(&c, "meeting", "held_on", "field-meeting-date", &mf.held_on, me).kind("date").required(),
        Field::new(&c, "meeting", "agenda", "field-meeting-agenda", &mf.agenda, me).kind("textarea"),
        Field::new(&c, "meeting", "minutes", "field-meeting-minutes", &mf.minutes, me).kind("textarea"),
    ];
    let blank = AgreementForm::default();
    let (af, ae) = agreement.unwrap_or((&blank, &empty));
    let agreement_fields = vec![
        Field::new(&c, "agreement", "what", "field-agreement-what", &af.what, ae).required(),
        Field::new(&c, "agreement", "who", "field-agreement-who", &af.who, ae)
            .required()
            .hint(c.t("field-agreement-who-hint")),
        Field::new(&c, "agreement", "due_on", "field-agreement-due", &af.due_on, ae).kind("date").required(),
    ];
    let mut errors = summary(&meeting_fields);
    errors.extend(summary(&agreement_fields));
    Ok(MeetingPage {
        date: fi_date(m.input.held_on),
        can_edit: c.can(org.id, Permission::Coordinate),
        can_mark: c.can(org.id, Permission::Edit),
        alert: alert.map(|a| c.err(a)),
        errors,
        meeting_fields,
        agreement_fields,
        agreements,
        org,
        g,
        m,
        c,
    })
}

async fn load_meeting(app: &App, org_id: i64, gid: i64, mid: i64) -> Result<(Group, Meeting), AppError> {
    let g = load_group(app, org_id, gid).await?;
    let m = app.store.get_meeting(mid).await?.filter(|m| m.group_id == g.id);
    Ok((g, m.ok_or(AppError::new(ErrorCode::NotFound))?))
}

pub async fn meeting(
    State(app): State<App>,
    c: Ctx,
    Path((id, gid, mid)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let (org, _) = c.org(&app, id, Permission::View).await?;
    let gm = load_meeting(&app, id, gid, mid).await?;
    render(&meeting_page(&app, c, org, gm, None, None, None).await?)
}

pub async fn update_meeting(
    State(app): State<App>,
    c: Ctx,
    Path((id, gid, mid)): Path<(i64, i64, i64)>,
    Form(f): Form<MeetingForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let gm = load_meeting(&app, id, gid, mid).await?;
    let parsed = MeetingInput::parse(&f.held_on, &f.agenda, &f.minutes);
    let outcome =
        submit(parsed, async |input| app.store.update_meeting(mid, f.version, &input, Actor::user(me.user_id)).await)
            .await;
    let done = format!("/orgs/{id}/groups/{gid}/meetings/{mid}");
    answer(
        outcome,
        conflicts,
        |_| see_other(&done),
        async |r| {
            // After a conflict the form keeps what was typed, against the current version.
            let gm = if r.alert.is_some() { load_meeting(&app, id, gid, mid).await? } else { gm };
            let f = MeetingForm { version: if r.alert.is_some() { gm.1.version } else { f.version }, ..f };
            meeting_page(&app, c, org, gm, Some((&f, &r.errors)), None, r.alert).await
        },
    )
    .await
}

pub async fn add_agreement(
    State(app): State<App>,
    c: Ctx,
    Path((id, gid, mid)): Path<(i64, i64, i64)>,
    Form(f): Form<AgreementForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Coordinate).await?;
    let gm = load_meeting(&app, id, gid, mid).await?;
    let parsed = AgreementInput::parse(&f.what, &f.who, &f.due_on);
    let outcome = submit(parsed, async |a| app.store.add_agreement(mid, &a, Actor::user(me.user_id)).await).await;
    let done = format!("/orgs/{id}/groups/{gid}/meetings/{mid}#agreements");
    answer(
        outcome,
        no_rules,
        |_| see_other(&done),
        async |r| meeting_page(&app, c, org, gm, None, Some((&f, &r.errors)), None).await,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneForm {
    version: i64,
    /// `done` or `reopen`.
    to: String,
    back: String,
}

/// Marks an agreement done (members who edit), or not done again.
pub async fn mark_agreement(
    State(app): State<App>,
    c: Ctx,
    Path((id, gid, aid)): Path<(i64, i64, i64)>,
    Form(f): Form<DoneForm>,
) -> Result<Response, AppError> {
    let (org, me) = c.org(&app, id, Permission::Edit).await?;
    load_group(&app, id, gid).await?;
    if !app.store.group_agreements(gid).await?.iter().any(|a| a.id == aid) {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let done_on = (f.to == "done").then(today);
    let outcome = app.store.set_agreement_done(aid, f.version, done_on, Actor::user(me.user_id)).await;
    let done = |_| crate::ctx::safe_next(Some(&f.back));
    reply(&app, c, org, gid, outcome.map_err(Failure::from), conflicts, done, |r| Failed {
        alert: r.alert,
        ..Default::default()
    })
    .await
}
