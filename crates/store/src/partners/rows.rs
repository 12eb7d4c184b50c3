//! Rows of the partner tables and their conversion into domain types.

use crate::StoreError;
use chrono::NaiveDate;
use hyte_domain::partners::{
    parse_languages, Activity, ActivityInput, ActivityKind, ApplicationInput, ApplicationStatus, CallInput,
    GrantApplication, GrantCall, GrantDecision, Partner, PartnerInput, PartnerRole, Premises, PremisesInput,
    TargetGroup, Texts, Theme, UseReport,
};

use crate::rows::corrupt;

fn date(what: &str, s: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| corrupt(what, s))
}

pub const PARTNER_COLS: &str =
    "id, org_id, partner_org_id, role, contact_name, contact_email, contact_phone, note, version";

#[derive(sqlx::FromRow)]
pub struct PartnerRow {
    pub id: i64,
    pub org_id: i64,
    pub partner_org_id: i64,
    pub role: String,
    pub contact_name: String,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub note: Option<String>,
    pub version: i64,
}

impl TryFrom<PartnerRow> for Partner {
    type Error = StoreError;
    fn try_from(r: PartnerRow) -> Result<Partner, StoreError> {
        Ok(Partner {
            id: r.id,
            org_id: r.org_id,
            input: PartnerInput {
                partner_org_id: r.partner_org_id,
                role: PartnerRole::parse(&r.role).ok_or_else(|| corrupt("partner role", &r.role))?,
                contact_name: r.contact_name,
                contact_email: r.contact_email,
                contact_phone: r.contact_phone,
                note: r.note,
            },
            version: r.version,
        })
    }
}

pub const ACTIVITY_COLS: &str = "id, org_id, title_fi, title_sv, title_en, description_fi, description_sv, \
     description_en, kind, theme, target_group, age_min, age_max, area_id, languages, schedule, place, contact, \
     published, version";

#[derive(sqlx::FromRow)]
pub struct ActivityRow {
    pub id: i64,
    pub org_id: i64,
    pub title_fi: Option<String>,
    pub title_sv: Option<String>,
    pub title_en: Option<String>,
    pub description_fi: Option<String>,
    pub description_sv: Option<String>,
    pub description_en: Option<String>,
    pub kind: String,
    pub theme: String,
    pub target_group: String,
    pub age_min: Option<i32>,
    pub age_max: Option<i32>,
    pub area_id: Option<i64>,
    pub languages: String,
    pub schedule: String,
    pub place: Option<String>,
    pub contact: String,
    pub published: bool,
    pub version: i64,
}

impl TryFrom<ActivityRow> for Activity {
    type Error = StoreError;
    fn try_from(r: ActivityRow) -> Result<Activity, StoreError> {
        Ok(Activity {
            id: r.id,
            org_id: r.org_id,
            input: ActivityInput {
                title: Texts { fi: r.title_fi, sv: r.title_sv, en: r.title_en },
                description: Texts { fi: r.description_fi, sv: r.description_sv, en: r.description_en },
                kind: ActivityKind::parse(&r.kind).ok_or_else(|| corrupt("activity kind", &r.kind))?,
                theme: Theme::parse(&r.theme).ok_or_else(|| corrupt("theme", &r.theme))?,
                target_group: TargetGroup::parse(&r.target_group)
                    .ok_or_else(|| corrupt("target group", &r.target_group))?,
                age_min: r.age_min,
                age_max: r.age_max,
                area_id: r.area_id,
                languages: parse_languages(&r.languages).ok_or_else(|| corrupt("languages", &r.languages))?,
                schedule: r.schedule,
                place: r.place,
                contact: r.contact,
                published: r.published,
            },
            version: r.version,
        })
    }
}

pub const CALL_COLS: &str = "id, org_id, title, description, year, total_euros, deadline, version";

#[derive(sqlx::FromRow)]
pub struct CallRow {
    pub id: i64,
    pub org_id: i64,
    pub title: String,
    pub description: Option<String>,
    pub year: i32,
    pub total_euros: i64,
    pub deadline: String,
    pub version: i64,
}

impl TryFrom<CallRow> for GrantCall {
    type Error = StoreError;
    fn try_from(r: CallRow) -> Result<GrantCall, StoreError> {
        Ok(GrantCall {
            id: r.id,
            org_id: r.org_id,
            input: CallInput {
                title: r.title,
                description: r.description,
                year: r.year,
                total_euros: r.total_euros,
                deadline: date("deadline", &r.deadline)?,
            },
            version: r.version,
        })
    }
}

pub const APPLICATION_COLS: &str = "id, call_id, applicant_org_id, purpose, euros_applied, applied_on, status, \
     euros_granted, decided_on, decision_ref, report_text, euros_used, reported_on, version";

#[derive(sqlx::FromRow)]
pub struct ApplicationRow {
    pub id: i64,
    pub call_id: i64,
    pub applicant_org_id: i64,
    pub purpose: String,
    pub euros_applied: i64,
    pub applied_on: String,
    pub status: String,
    pub euros_granted: Option<i64>,
    pub decided_on: Option<String>,
    pub decision_ref: Option<String>,
    pub report_text: Option<String>,
    pub euros_used: Option<i64>,
    pub reported_on: Option<String>,
    pub version: i64,
}

impl TryFrom<ApplicationRow> for GrantApplication {
    type Error = StoreError;
    fn try_from(r: ApplicationRow) -> Result<GrantApplication, StoreError> {
        let decision = match (r.decided_on, r.decision_ref) {
            (Some(d), Some(decision_ref)) => Some(GrantDecision {
                euros_granted: r.euros_granted,
                decided_on: date("decided_on", &d)?,
                decision_ref,
            }),
            _ => None,
        };
        let report = match (r.report_text, r.reported_on) {
            (Some(text), Some(on)) => {
                Some(UseReport { text, euros_used: r.euros_used, reported_on: date("reported_on", &on)? })
            }
            _ => None,
        };
        Ok(GrantApplication {
            id: r.id,
            call_id: r.call_id,
            applicant_org_id: r.applicant_org_id,
            input: ApplicationInput { purpose: r.purpose, euros_applied: r.euros_applied },
            applied_on: date("applied_on", &r.applied_on)?,
            status: ApplicationStatus::parse(&r.status).ok_or_else(|| corrupt("application status", &r.status))?,
            decision,
            report,
            version: r.version,
        })
    }
}

pub const PREMISES_COLS: &str =
    "id, org_id, name, address, area_id, capacity, available_for, booking_contact, price, published, version";

#[derive(sqlx::FromRow)]
pub struct PremisesRow {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub address: String,
    pub area_id: Option<i64>,
    pub capacity: Option<i32>,
    pub available_for: String,
    pub booking_contact: String,
    pub price: Option<String>,
    pub published: bool,
    pub version: i64,
}

impl From<PremisesRow> for Premises {
    fn from(r: PremisesRow) -> Premises {
        Premises {
            id: r.id,
            org_id: r.org_id,
            input: PremisesInput {
                name: r.name,
                address: r.address,
                area_id: r.area_id,
                capacity: r.capacity,
                available_for: r.available_for,
                booking_contact: r.booking_contact,
                price: r.price,
                published: r.published,
            },
            version: r.version,
        }
    }
}
