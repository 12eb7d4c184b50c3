//! User-interface languages and names given in several languages.

use crate::codes::codes;
use serde::{Deserialize, Serialize};

codes! {
    /// A language of the user interface. Finnish is the default.
    #[derive(Default)]
    pub enum Lang; own parse {
        #[default]
        Fi = "fi",
        Sv = "sv",
        En = "en",
    }
}

impl Lang {
    /// The language code, e.g. `fi`.
    pub fn code(self) -> &'static str {
        self.as_str()
    }

    /// Parses a language code such as `sv` or `sv-FI`.
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        <Lang as crate::codes::Code>::from_code(&primary)
    }

    /// The first supported language of an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        header.split(',').filter_map(|part| Lang::parse(part.split(';').next().unwrap_or(""))).next()
    }
}

/// A name in Finnish with optional Swedish and English forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    pub fi: String,
    pub sv: Option<String>,
    pub en: Option<String>,
}

impl Names {
    pub fn new(fi: impl Into<String>, sv: Option<String>, en: Option<String>) -> Self {
        let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        Names { fi: fi.into(), sv: clean(sv), en: clean(en) }
    }

    /// The name in `lang`, falling back to Finnish where that form is missing.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fi => &self.fi,
            Lang::Sv => self.sv.as_deref().unwrap_or(&self.fi),
            Lang::En => self.en.as_deref().unwrap_or(&self.fi),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_language_tags() {
        crate::codes::assert_codes::<Lang>(&["fi", "sv", "en"]);
        assert_eq!(Lang::default(), Lang::Fi);
        assert_eq!(Lang::parse("sv-FI"), Some(Lang::Sv));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::from_accept_language("de-DE,sv;q=0.8,en;q=0.5"), Some(Lang::Sv));
    }

    #[test]
    fn names_fall_back_to_finnish() {
        let n = Names::new("Kuopio", Some(" ".into()), Some("Kuopio city".into()));
        assert_eq!(n.get(Lang::Sv), "Kuopio");
        assert_eq!(n.get(Lang::En), "Kuopio city");
    }
}
