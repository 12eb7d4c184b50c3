//! Premises a municipality or region offers for NGOs' and residents' public-benefit use.

use super::{optional_id, optional_int, LONG_MAX, TEXT_MAX};
use crate::error::{optional_text, required_text, FieldErrors};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Premises {
    pub id: i64,
    pub org_id: i64,
    pub input: PremisesInput,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PremisesInput {
    pub name: String,
    pub address: String,
    /// The municipality (area id).
    pub area_id: Option<i64>,
    /// People it holds.
    pub capacity: Option<i32>,
    /// For whom and what: "registered associations' meetings and clubs, weekday evenings".
    pub available_for: String,
    pub booking_contact: String,
    /// The price as text; `None` is free of charge.
    pub price: Option<String>,
    pub published: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PremisesForm {
    pub name: String,
    pub address: String,
    pub area_id: String,
    pub capacity: String,
    pub available_for: String,
    pub booking_contact: String,
    pub price: String,
    pub published: String,
    pub version: i64,
}

impl PremisesForm {
    pub fn parse(&self, areas: &[i64]) -> Result<PremisesInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let name = errs.check("name", required_text(&self.name, TEXT_MAX));
        let address = errs.check("address", required_text(&self.address, TEXT_MAX));
        let area_id = errs.check("area_id", optional_id(&self.area_id, areas));
        let capacity = errs.check("capacity", optional_int(&self.capacity, 1, 100_000));
        let available_for = errs.check("available_for", required_text(&self.available_for, LONG_MAX));
        let booking_contact = errs.check("booking_contact", required_text(&self.booking_contact, TEXT_MAX));
        let price = errs.check("price", optional_text(&self.price, TEXT_MAX));
        match (name, address, area_id, capacity, available_for, booking_contact, price) {
            (
                Some(name),
                Some(address),
                Some(area_id),
                Some(capacity),
                Some(available_for),
                Some(booking_contact),
                Some(price),
            ) => Ok(PremisesInput {
                name,
                address,
                area_id,
                capacity,
                available_for,
                booking_contact,
                price,
                published: !self.published.is_empty(),
            }),
            _ => Err(errs),
        }
    }

    pub fn from_input(p: &PremisesInput, version: i64) -> PremisesForm {
        PremisesForm {
            name: p.name.clone(),
            address: p.address.clone(),
            area_id: p.area_id.map(|a| a.to_string()).unwrap_or_default(),
            capacity: p.capacity.map(|a| a.to_string()).unwrap_or_default(),
            available_for: p.available_for.clone(),
            booking_contact: p.booking_contact.clone(),
            price: p.price.clone().unwrap_or_default(),
            published: if p.published { "1".into() } else { String::new() },
            version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn premises_parse_with_field_errors() {
        let f = PremisesForm {
            name: "Kirjaston kokoushuone".into(),
            address: "Maaherrankatu 12, Kuopio".into(),
            area_id: "297".into(),
            capacity: "20".into(),
            available_for: "Yhdistysten kokoukset".into(),
            booking_contact: "tilat@kuopio.example".into(),
            published: "1".into(),
            ..Default::default()
        };
        let p = f.parse(&[297]).unwrap();
        assert_eq!((p.capacity, p.price.clone(), p.published), (Some(20), None, true));
        assert_eq!(PremisesForm::from_input(&p, 1).parse(&[297]).unwrap(), p);
        let bad = PremisesForm { capacity: "0".into(), name: "".into(), ..f };
        let e = bad.parse(&[297]).unwrap_err();
        assert_eq!((e.get("name"), e.get("capacity")), (Some(ErrorCode::Required), Some(ErrorCode::NumberInvalid)));
    }
}
