//! The partner registry: which organisations a municipality or region works with, in what role,
//! and whom to contact.

use super::{optional_id, TEXT_MAX};
use crate::admin::user::Email;
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use serde::{Deserialize, Serialize};

codes! {
    /// What a partner does with the municipality or region.
    pub enum PartnerRole: "partner-role-" {
        /// Runs volunteer or peer activities.
        VolunteerActor = "volunteer_actor",
        /// Produces services under an agreement.
        ServiceProvider = "service_provider",
        Other = "other",
    }
}

/// One partner of a municipality or region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    pub id: i64,
    /// The municipality or region whose registry this is.
    pub org_id: i64,
    pub input: PartnerInput,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerInput {
    /// The partner organisation (an NGO, parish, company…).
    pub partner_org_id: i64,
    pub role: PartnerRole,
    pub contact_name: String,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PartnerForm {
    pub partner_org_id: String,
    pub role: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub note: String,
    pub version: i64,
}

/// An optional phone number: digits, spaces, `+`, `-`, `(`, `)`.
pub fn optional_phone(s: &str) -> Result<Option<String>, ErrorCode> {
    let t = optional_text(s, 40)?;
    match &t {
        Some(p) if !p.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c)) => Err(ErrorCode::NumberInvalid),
        _ => Ok(t),
    }
}

/// An optional e-mail address, normalised.
pub fn optional_email(s: &str) -> Result<Option<String>, ErrorCode> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    Email::parse(s).map(|e| Some(e.as_str().to_string()))
}

impl PartnerForm {
    /// Parses the form; `orgs` are the organisations that may be chosen as partners.
    pub fn parse(&self, orgs: &[i64]) -> Result<PartnerInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let partner = errs.check(
            "partner_org_id",
            optional_id(&self.partner_org_id, orgs).and_then(|o| o.ok_or(ErrorCode::Required)),
        );
        let role = errs.check("role", PartnerRole::parse(&self.role).ok_or(ErrorCode::Required));
        let contact_name = errs.check("contact_name", required_text(&self.contact_name, TEXT_MAX));
        let contact_email = errs.check("contact_email", optional_email(&self.contact_email));
        let contact_phone = errs.check("contact_phone", optional_phone(&self.contact_phone));
        let note = errs.check("note", optional_text(&self.note, super::LONG_MAX));
        match (partner, role, contact_name, contact_email, contact_phone, note) {
            (
                Some(partner_org_id),
                Some(role),
                Some(contact_name),
                Some(contact_email),
                Some(contact_phone),
                Some(note),
            ) => Ok(PartnerInput { partner_org_id, role, contact_name, contact_email, contact_phone, note }),
            _ => Err(errs),
        }
    }

    pub fn from_input(p: &PartnerInput, version: i64) -> PartnerForm {
        PartnerForm {
            partner_org_id: p.partner_org_id.to_string(),
            role: p.role.as_str().into(),
            contact_name: p.contact_name.clone(),
            contact_email: p.contact_email.clone().unwrap_or_default(),
            contact_phone: p.contact_phone.clone().unwrap_or_default(),
            note: p.note.clone().unwrap_or_default(),
            version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partners_parse_with_field_errors() {
        let f = PartnerForm {
            partner_org_id: "5".into(),
            role: "volunteer_actor".into(),
            contact_name: "Jussi Järvinen".into(),
            contact_email: " Jussi@Vertaistuki.example ".into(),
            contact_phone: "+358 40 123 4567".into(),
            ..Default::default()
        };
        let p = f.parse(&[5]).unwrap();
        assert_eq!(p.contact_email.as_deref(), Some("jussi@vertaistuki.example"));
        assert_eq!(PartnerForm::from_input(&p, 1).parse(&[5]).unwrap(), p);
        let bad =
            PartnerForm { partner_org_id: "6".into(), contact_email: "x".into(), contact_phone: "abc".into(), ..f };
        let fields: Vec<_> = bad.parse(&[5]).unwrap_err().0.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            [
                ("partner_org_id", ErrorCode::InvalidInput),
                ("contact_email", ErrorCode::EmailInvalid),
                ("contact_phone", ErrorCode::NumberInvalid)
            ]
        );
    }
}
