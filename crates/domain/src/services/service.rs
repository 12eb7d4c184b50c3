//! The register of preventive and HYTE-relevant services (child health clinics, school health
//! care, lifestyle counselling, fall prevention, …): who produces each, whom it is for, its HYTE
//! tasks and quality criteria, its indicators, and how many clients of each group it reached.

use super::{LONG_MAX, TEXT_MAX};
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::population::{Groups, PopulationGroup};
use crate::Names;
use serde::{Deserialize, Serialize};

codes! {
    /// Who produces a service.
    pub enum Producer: "producer-" {
        Own = "own",
        Purchased = "purchased",
        Voucher = "voucher",
        Ngo = "ngo",
    }
}

/// How many clients of a group a service reached in a year, and the group's size where known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reach {
    pub group: PopulationGroup,
    pub year: i32,
    pub clients: i64,
    pub group_size: Option<i64>,
}

impl Reach {
    /// Clients per group member, in per cent (None without a group size).
    pub fn share(&self) -> Option<f64> {
        self.group_size.filter(|n| *n > 0).map(|n| 100.0 * self.clients as f64 / n as f64)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceInput {
    pub names: Names,
    pub description: Option<String>,
    pub producer: Producer,
    /// The provider (of the same county), for purchased, voucher and NGO services.
    pub provider_id: Option<i64>,
    /// The target population and client groups.
    pub groups: Groups,
    pub hyte_tasks: Option<String>,
    pub quality: Option<String>,
    /// Knowledge-base indicators that follow the service.
    pub indicators: Vec<i64>,
    pub reach: Vec<Reach>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub id: i64,
    pub org_id: i64,
    pub input: ServiceInput,
    pub version: i64,
}

/// The service form. `groups` and `indicators` repeat; reach rows are `reach_group`,
/// `reach_year`, `reach_clients`, `reach_size` (one row per form post, added to the others).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ServiceForm {
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub description: String,
    pub producer: String,
    pub provider_id: String,
    pub groups: Vec<String>,
    pub hyte_tasks: String,
    pub quality: String,
    pub indicators: String,
    pub reach: String,
    pub version: i64,
}

/// Parses reach lines `group;year;clients[;group size]`, one per line.
pub fn parse_reach(s: &str) -> Result<Vec<Reach>, ErrorCode> {
    let mut out = Vec::new();
    for line in s.lines().map(str::trim).filter(|l| !l.is_empty()).take(200) {
        let cells: Vec<&str> = line.split(';').map(str::trim).collect();
        let [group, year, clients, rest @ ..] = cells.as_slice() else {
            return Err(ErrorCode::InvalidInput);
        };
        let group = PopulationGroup::parse(group).ok_or(ErrorCode::InvalidInput)?;
        let year = year.parse().ok().filter(|y| (2000..=2100).contains(y)).ok_or(ErrorCode::YearInvalid)?;
        let count =
            |s: &str| s.replace(' ', "").parse::<i64>().ok().filter(|n| *n >= 0).ok_or(ErrorCode::NumberInvalid);
        let clients = count(clients)?;
        let group_size = match rest.first().filter(|s| !s.is_empty()) {
            Some(s) => Some(count(s)?),
            None => None,
        };
        out.push(Reach { group, year, clients, group_size });
    }
    Ok(out)
}

/// Parses a list of indicator ids separated by commas or spaces.
pub fn parse_ids(s: &str) -> Result<Vec<i64>, ErrorCode> {
    let mut ids: Vec<i64> = Vec::new();
    for part in s.split([',', ' ', ';', '\n']).map(str::trim).filter(|p| !p.is_empty()).take(50) {
        ids.push(part.parse().map_err(|_| ErrorCode::IndicatorInvalid)?);
    }
    ids.dedup();
    Ok(ids)
}

impl ServiceForm {
    /// The form from its posted pairs (`groups` repeats).
    pub fn from_pairs(pairs: &[(String, String)]) -> ServiceForm {
        let mut f = ServiceForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "name_fi" => f.name_fi = v,
                "name_sv" => f.name_sv = v,
                "name_en" => f.name_en = v,
                "description" => f.description = v,
                "producer" => f.producer = v,
                "provider_id" => f.provider_id = v,
                "groups" => f.groups.push(v),
                "hyte_tasks" => f.hyte_tasks = v,
                "quality" => f.quality = v,
                "indicators" => f.indicators = v,
                "reach" => f.reach = v,
                "version" => f.version = v.trim().parse().unwrap_or(0),
                _ => {}
            }
        }
        f
    }

    pub fn parse(&self) -> Result<ServiceInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let fi = errs.check("name_fi", required_text(&self.name_fi, TEXT_MAX));
        let sv = errs.check("name_sv", optional_text(&self.name_sv, TEXT_MAX));
        let en = errs.check("name_en", optional_text(&self.name_en, TEXT_MAX));
        let names = match (fi, sv, en) {
            (Some(fi), Some(sv), Some(en)) => Some(Names::new(fi, sv, en)),
            _ => None,
        };
        let description = errs.check("description", optional_text(&self.description, LONG_MAX));
        let producer = errs.check("producer", Producer::parse(&self.producer).ok_or(ErrorCode::Required));
        let provider_id = errs.check("provider_id", super::optional_id(&self.provider_id, ErrorCode::ReferenceInvalid));
        let groups =
            errs.check("groups", Groups::parse(self.groups.iter().map(String::as_str)).ok_or(ErrorCode::InvalidInput));
        let hyte_tasks = errs.check("hyte_tasks", optional_text(&self.hyte_tasks, LONG_MAX));
        let quality = errs.check("quality", optional_text(&self.quality, LONG_MAX));
        let indicators = errs.check("indicators", parse_ids(&self.indicators));
        let reach = errs.check("reach", parse_reach(&self.reach));
        if let (Some(Producer::Own), Some(Some(_))) = (producer, provider_id) {
            errs.add("provider_id", ErrorCode::ReferenceInvalid);
        }
        if !errs.0.is_empty() {
            return Err(errs);
        }
        match (names, description, producer, provider_id, groups, hyte_tasks, quality, indicators, reach) {
            (
                Some(names),
                Some(description),
                Some(producer),
                Some(provider_id),
                Some(groups),
                Some(hyte_tasks),
                Some(quality),
                Some(indicators),
                Some(reach),
            ) => Ok(ServiceInput {
                names,
                description,
                producer,
                provider_id,
                groups,
                hyte_tasks,
                quality,
                indicators,
                reach,
            }),
            _ => Err(errs),
        }
    }

    pub fn from_input(s: &ServiceInput, version: i64) -> ServiceForm {
        ServiceForm {
            name_fi: s.names.fi.clone(),
            name_sv: s.names.sv.clone().unwrap_or_default(),
            name_en: s.names.en.clone().unwrap_or_default(),
            description: s.description.clone().unwrap_or_default(),
            producer: s.producer.as_str().into(),
            provider_id: s.provider_id.map(|i| i.to_string()).unwrap_or_default(),
            groups: s.groups.iter().map(|g| g.as_str().to_string()).collect(),
            hyte_tasks: s.hyte_tasks.clone().unwrap_or_default(),
            quality: s.quality.clone().unwrap_or_default(),
            indicators: s.indicators.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", "),
            reach: s
                .reach
                .iter()
                .map(|r| {
                    let size = r.group_size.map(|n| format!(";{n}")).unwrap_or_default();
                    format!("{};{};{}{size}", r.group.as_str(), r.year, r.clients)
                })
                .collect::<Vec<_>>()
                .join("\n"),
            version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ServiceForm {
        ServiceForm {
            name_fi: "Kaatumisten ehkäisy".into(),
            producer: "purchased".into(),
            provider_id: "4".into(),
            groups: vec!["oldest_old".into(), "older_living_alone".into()],
            indicators: "3235, 4".into(),
            reach: "oldest_old;2025;410;25000\nolder_living_alone;2025;120\n".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_service_parses_with_groups_and_reach() {
        let s = form().parse().unwrap();
        assert!(s.groups.contains(PopulationGroup::OldestOld));
        assert_eq!(s.indicators, [3235, 4]);
        assert_eq!(s.reach[0].share().map(|v| (v * 10.0).round()), Some(16.0));
        assert_eq!(s.reach[1].share(), None);
        let back = ServiceForm::from_input(&s, 1).parse().unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn bad_fields_are_named() {
        let mut f = form();
        f.producer = "own".into(); // own services have no provider
        f.groups.push("martians".into());
        f.reach = "oldest_old;20x5;410".into();
        let fields: Vec<_> = f.parse().unwrap_err().0.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["groups", "reach", "provider_id"]);
    }
}
