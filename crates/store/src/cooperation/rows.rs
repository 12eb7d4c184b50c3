//! Rows of the cooperation tables and their conversion into domain types.

use crate::StoreError;
use chrono::NaiveDate;
use hyte_domain::cooperation::{
    Agreement, AgreementInput, ContactInput, ContactPair, ContactTheme, Group, GroupInput, GroupKind, Maturity,
    Meeting, MeetingInput, Member, MemberInput, MemberRole, Month, Task, TaskInput, TaskStatus,
};
use hyte_domain::OrgKind;

use crate::rows::corrupt;

fn date(what: &str, s: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| corrupt(what, s))
}

fn month(what: &str, s: &str) -> Result<Month, StoreError> {
    Month::parse(s).map_err(|_| corrupt(what, s))
}

#[derive(sqlx::FromRow)]
pub struct GroupRow {
    pub id: i64,
    pub org_id: i64,
    pub kind: String,
    pub name: String,
    pub mandate: Option<String>,
    pub tasks: Option<String>,
    pub chair: Option<String>,
    pub version: i64,
}

impl TryFrom<GroupRow> for Group {
    type Error = StoreError;
    fn try_from(r: GroupRow) -> Result<Group, StoreError> {
        Ok(Group {
            id: r.id,
            org_id: r.org_id,
            input: GroupInput {
                kind: GroupKind::parse(&r.kind).ok_or_else(|| corrupt("group kind", &r.kind))?,
                name: r.name,
                mandate: r.mandate,
                tasks: r.tasks,
                chair: r.chair,
            },
            version: r.version,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct MemberRow {
    pub id: i64,
    pub group_id: i64,
    pub person: String,
    pub org_name: String,
    pub org_kind: String,
    pub member_org_id: Option<i64>,
    pub role: String,
}

impl TryFrom<MemberRow> for Member {
    type Error = StoreError;
    fn try_from(r: MemberRow) -> Result<Member, StoreError> {
        Ok(Member {
            id: r.id,
            group_id: r.group_id,
            input: MemberInput {
                person: r.person,
                org_name: r.org_name,
                org_kind: OrgKind::parse(&r.org_kind).ok_or_else(|| corrupt("org kind", &r.org_kind))?,
                member_org_id: r.member_org_id,
                role: MemberRole::parse(&r.role).ok_or_else(|| corrupt("member role", &r.role))?,
            },
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct MeetingRow {
    pub id: i64,
    pub group_id: i64,
    pub held_on: String,
    pub agenda: Option<String>,
    pub minutes: Option<String>,
    pub version: i64,
}

impl TryFrom<MeetingRow> for Meeting {
    type Error = StoreError;
    fn try_from(r: MeetingRow) -> Result<Meeting, StoreError> {
        Ok(Meeting {
            id: r.id,
            group_id: r.group_id,
            input: MeetingInput { held_on: date("held_on", &r.held_on)?, agenda: r.agenda, minutes: r.minutes },
            version: r.version,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct AgreementRow {
    pub id: i64,
    pub group_id: i64,
    pub meeting_id: i64,
    pub what: String,
    pub who: String,
    pub due_on: String,
    pub done_on: Option<String>,
    pub version: i64,
}

impl TryFrom<AgreementRow> for Agreement {
    type Error = StoreError;
    fn try_from(r: AgreementRow) -> Result<Agreement, StoreError> {
        Ok(Agreement {
            id: r.id,
            group_id: r.group_id,
            meeting_id: r.meeting_id,
            input: AgreementInput { what: r.what, who: r.who, due_on: date("due_on", &r.due_on)? },
            done_on: r.done_on.map(|d| date("done_on", &d)).transpose()?,
            version: r.version,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct ContactRow {
    pub id: i64,
    pub org_id: i64,
    pub theme: String,
    pub municipality_area_id: i64,
    pub person: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl TryFrom<ContactRow> for ContactPair {
    type Error = StoreError;
    fn try_from(r: ContactRow) -> Result<ContactPair, StoreError> {
        Ok(ContactPair {
            id: r.id,
            org_id: r.org_id,
            theme: ContactTheme::parse(&r.theme).ok_or_else(|| corrupt("theme", &r.theme))?,
            municipality_area_id: (r.municipality_area_id != 0).then_some(r.municipality_area_id),
            input: ContactInput { person: r.person, email: r.email, phone: r.phone },
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct MaturityRow {
    pub org_id: i64,
    pub year: i32,
    pub step: i32,
    pub justification: String,
    pub version: i64,
}

impl From<MaturityRow> for Maturity {
    fn from(r: MaturityRow) -> Maturity {
        Maturity { org_id: r.org_id, year: r.year, step: r.step, justification: r.justification, version: r.version }
    }
}

#[derive(sqlx::FromRow)]
pub struct TaskRow {
    pub id: i64,
    pub org_id: i64,
    pub title: String,
    pub starts: String,
    pub ends: String,
    pub responsible: Option<String>,
    pub status: String,
    pub link: Option<String>,
    pub version: i64,
}

impl TryFrom<TaskRow> for Task {
    type Error = StoreError;
    fn try_from(r: TaskRow) -> Result<Task, StoreError> {
        Ok(Task {
            id: r.id,
            org_id: r.org_id,
            input: TaskInput {
                title: r.title,
                starts: month("starts", &r.starts)?,
                ends: month("ends", &r.ends)?,
                responsible: r.responsible,
                status: TaskStatus::parse(&r.status).ok_or_else(|| corrupt("task status", &r.status))?,
                link: r.link,
            },
            version: r.version,
        })
    }
}
