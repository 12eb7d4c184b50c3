//! Areas: the whole country, wellbeing services counties, regions and municipalities.
//! Kinds are data (rows in `area_kinds`), not enum variants, so that future reforms fit.

use crate::codes::codes;
use crate::lang::{Lang, Names};
use serde::{Deserialize, Serialize};

/// An area kind code such as `municipality` or `wellbeing_county`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AreaKind(String);

impl AreaKind {
    pub const COUNTRY: &'static str = "country";
    pub const WELLBEING_COUNTY: &'static str = "wellbeing_county";
    pub const REGION: &'static str = "region";
    pub const MUNICIPALITY: &'static str = "municipality";

    /// A kind code is 2–40 characters of `a-z` and `_`.
    pub fn parse(s: &str) -> Option<AreaKind> {
        let ok = (2..=40).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
        ok.then(|| AreaKind(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

codes! {
    /// Sex as a population-group dimension.
    pub enum Sex {
        Total = "total",
        Male = "male",
        Female = "female",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub id: i64,
    pub kind: AreaKind,
    /// The official Statistics Finland code (`297` Kuopio, `12` a county, `FI` the country).
    pub code: String,
    pub names: Names,
    /// First and last year the area appears in the classification data.
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
}

impl Area {
    pub fn name(&self, lang: Lang) -> &str {
        self.names.get(lang)
    }
}

/// An area as it is being imported (no id yet).
#[derive(Debug, Clone, PartialEq)]
pub struct AreaRef {
    pub kind: AreaKind,
    pub code: String,
}

/// Population of one area, year and sex.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PopulationRow {
    pub year: i32,
    pub sex: Sex,
    pub population: i64,
    /// True when summed from member municipalities rather than published for the area.
    pub derived: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_codes() {
        assert!(AreaKind::parse("wellbeing_county").is_some());
        assert!(AreaKind::parse("Kunta").is_none());
        assert!(AreaKind::parse("x").is_none());
        assert_eq!(Sex::parse("female"), Some(Sex::Female));
        crate::codes::assert_codes::<Sex>(&["total", "male", "female"]);
    }
}
