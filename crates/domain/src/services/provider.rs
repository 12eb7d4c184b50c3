//! Service providers (*palveluntuottajat*) of a county: its own units, companies, NGOs,
//! foundations and cooperatives. A provider may be an organisation in Hyte with its own users,
//! who then report their contracts' monitoring themselves.

use super::TEXT_MAX;
use crate::codes::codes;
use crate::error::{required_text, ErrorCode, FieldErrors};
use serde::{Deserialize, Serialize};

codes! {
    pub enum ProviderKind: "provider-kind-" {
        OwnUnit = "own_unit",
        Company = "company",
        Ngo = "ngo",
        Foundation = "foundation",
        Cooperative = "cooperative",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderInput {
    pub name: String,
    pub kind: ProviderKind,
    /// The Finnish business id (*Y-tunnus*), e.g. `1234567-8`.
    pub business_id: Option<String>,
    /// The organisation in Hyte whose users report for the provider.
    pub member_org_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provider {
    pub id: i64,
    /// The county that buys from it.
    pub org_id: i64,
    pub input: ProviderInput,
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ProviderForm {
    pub name: String,
    pub kind: String,
    pub business_id: String,
    pub member_org_id: String,
    pub version: i64,
}

/// Checks a business id's form and check digit (*Y-tunnus*: seven digits, a dash, a check digit).
pub fn parse_business_id(s: &str) -> Result<Option<String>, ErrorCode> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let (body, check) = s.split_once('-').ok_or(ErrorCode::InvalidInput)?;
    let digits: Vec<u32> = body.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 7 || body.len() != 7 || check.len() != 1 {
        return Err(ErrorCode::InvalidInput);
    }
    let sum: u32 = digits.iter().zip([7, 9, 10, 5, 8, 4, 2]).map(|(d, w)| d * w).sum();
    let expected = match sum % 11 {
        0 => 0,
        1 => return Err(ErrorCode::InvalidInput),
        r => 11 - r,
    };
    if check.chars().next().and_then(|c| c.to_digit(10)) != Some(expected) {
        return Err(ErrorCode::InvalidInput);
    }
    Ok(Some(s.to_string()))
}

impl ProviderForm {
    pub fn parse(&self) -> Result<ProviderInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let name = errs.check("name", required_text(&self.name, TEXT_MAX));
        let kind = errs.check("kind", ProviderKind::parse(&self.kind).ok_or(ErrorCode::Required));
        let business_id = errs.check("business_id", parse_business_id(&self.business_id));
        let member = errs.check("member_org_id", super::optional_id(&self.member_org_id, ErrorCode::ReferenceInvalid));
        match (name, kind, business_id, member) {
            (Some(name), Some(kind), Some(business_id), Some(member_org_id)) => {
                Ok(ProviderInput { name, kind, business_id, member_org_id })
            }
            _ => Err(errs),
        }
    }

    pub fn from_input(p: &ProviderInput, version: i64) -> ProviderForm {
        ProviderForm {
            name: p.name.clone(),
            kind: p.kind.as_str().into(),
            business_id: p.business_id.clone().unwrap_or_default(),
            member_org_id: p.member_org_id.map(|i| i.to_string()).unwrap_or_default(),
            version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_ids_have_a_check_digit() {
        // Kela's business id.
        assert_eq!(parse_business_id("0246246-0"), Ok(Some("0246246-0".into())));
        assert_eq!(parse_business_id("0246246-1"), Err(ErrorCode::InvalidInput));
        assert_eq!(parse_business_id("246246-0"), Err(ErrorCode::InvalidInput));
        assert_eq!(parse_business_id(""), Ok(None));
    }

    #[test]
    fn forms_name_their_bad_fields() {
        let f =
            ProviderForm { name: " ".into(), kind: "charity".into(), member_org_id: "x".into(), ..Default::default() };
        let fields: Vec<_> = f.parse().unwrap_err().0.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "kind", "member_org_id"]);
        let ok = ProviderForm { name: "Terveyspalvelu Oy".into(), kind: "company".into(), ..Default::default() };
        assert_eq!(ok.parse().unwrap().kind, ProviderKind::Company);
    }
}
