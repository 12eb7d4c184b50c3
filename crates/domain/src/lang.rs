//! User-interface languages and names given in several languages.

use crate::codes::codes;
use crate::error::{optional_text, ErrorCode};
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

/// A text in Finnish, Swedish and/or English; at least one of them is given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    pub fi: Option<String>,
    pub sv: Option<String>,
    pub en: Option<String>,
}

impl Texts {
    /// Parses the three forms (`values`, in `fields`); an error names its field.
    pub fn parse(values: [&str; 3], fields: [&'static str; 3], max: usize) -> Result<Texts, (&'static str, ErrorCode)> {
        let [fi, sv, en] = values;
        let [fi_field, sv_field, en_field] = fields;
        let text = |s: &str, field: &'static str| optional_text(s, max).map_err(|e| (field, e));
        Ok(Texts { fi: text(fi, fi_field)?, sv: text(sv, sv_field)?, en: text(en, en_field)? })
    }

    pub fn is_empty(&self) -> bool {
        self.fi.is_none() && self.sv.is_none() && self.en.is_none()
    }

    /// The text in `lang`, else in Finnish, Swedish or English, whichever exists.
    pub fn get(&self, lang: Lang) -> &str {
        let own = match lang {
            Lang::Fi => &self.fi,
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        };
        own.as_deref().or(self.fi.as_deref()).or(self.sv.as_deref()).or(self.en.as_deref()).unwrap_or("")
    }

    /// The language of what [`Texts::get`] shows (for the `lang` attribute of a fallback).
    pub fn shown_lang(&self, lang: Lang) -> Lang {
        if self.has(lang) {
            lang
        } else {
            [Lang::Fi, Lang::Sv, Lang::En].into_iter().find(|l| self.has(*l)).unwrap_or(lang)
        }
    }

    /// Whether the text exists in `lang` itself (not a fallback).
    pub fn has(&self, lang: Lang) -> bool {
        match lang {
            Lang::Fi => self.fi.is_some(),
            Lang::Sv => self.sv.is_some(),
            Lang::En => self.en.is_some(),
        }
    }

    pub fn all(&self) -> impl Iterator<Item = &str> {
        [&self.fi, &self.sv, &self.en].into_iter().filter_map(|s| s.as_deref())
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
