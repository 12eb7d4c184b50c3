//! User-interface strings in Finnish, Swedish and English (Project Fluent).
//! Keys are checked by tests: every key exists in every language, and every key used in the
//! templates and code exists.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use hyte_domain::Lang;
use std::collections::BTreeSet;

/// The rooms whose strings have a file of their own in every language: `locales/<lang>/<room>.ftl`.
pub const ROOMS: [&str; 11] = [
    "shared",
    "knowledge",
    "reports",
    "assessment",
    "cooperation",
    "partners",
    "services",
    "interface",
    "support",
    "coefficient",
    "admin",
];

macro_rules! locale {
    ($lang:literal) => {
        [
            include_str!(concat!("../locales/", $lang, "/shared.ftl")),
            include_str!(concat!("../locales/", $lang, "/knowledge.ftl")),
            include_str!(concat!("../locales/", $lang, "/reports.ftl")),
            include_str!(concat!("../locales/", $lang, "/assessment.ftl")),
            include_str!(concat!("../locales/", $lang, "/cooperation.ftl")),
            include_str!(concat!("../locales/", $lang, "/partners.ftl")),
            include_str!(concat!("../locales/", $lang, "/services.ftl")),
            include_str!(concat!("../locales/", $lang, "/interface.ftl")),
            include_str!(concat!("../locales/", $lang, "/support.ftl")),
            include_str!(concat!("../locales/", $lang, "/coefficient.ftl")),
            include_str!(concat!("../locales/", $lang, "/admin.ftl")),
        ]
    };
}

/// Each language's Fluent sources, in the order of [`ROOMS`].
pub const SOURCES: [(Lang, [&str; 11]); 3] =
    [(Lang::Fi, locale!("fi")), (Lang::Sv, locale!("sv")), (Lang::En, locale!("en"))];

pub struct I18n {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

impl I18n {
    pub fn new() -> I18n {
        I18n { bundles: SOURCES.iter().map(|(lang, srcs)| (*lang, bundle(*lang, srcs))).collect() }
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        &self.bundles.iter().find(|(l, _)| *l == lang).expect("all languages loaded").1
    }

    /// The message `key` in `lang`, with arguments. A missing key shows as the key itself.
    pub fn format(&self, lang: Lang, key: &str, args: &[(&str, String)]) -> String {
        let b = self.bundle(lang);
        let Some(pattern) = b.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, lang = lang.code(), "missing translation");
            return key.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v.parse::<i64>() {
                Ok(n) => fargs.set(*k, FluentValue::from(n)),
                Err(_) => fargs.set(*k, FluentValue::from(v.clone())),
            }
        }
        let mut errors = vec![];
        let out = b.format_pattern(pattern, if args.is_empty() { None } else { Some(&fargs) }, &mut errors);
        out.into_owned()
    }

    pub fn t(&self, lang: Lang, key: &str) -> String {
        self.format(lang, key, &[])
    }

    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundle(lang).has_message(key)
    }
}

/// One language's bundle from its rooms' sources; a key defined in two rooms is an error.
fn bundle(lang: Lang, srcs: &[&str]) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("language id");
    let mut b = FluentBundle::new_concurrent(vec![id]);
    b.set_use_isolating(false);
    for (room, src) in ROOMS.iter().zip(srcs) {
        let res = FluentResource::try_new(src.to_string())
            .unwrap_or_else(|(_, errs)| panic!("locale {}/{room}.ftl does not parse: {errs:?}", lang.code()));
        if let Err(errs) = b.add_resource(res) {
            panic!("locale {}/{room}.ftl defines keys another room defines: {errs:?}", lang.code());
        }
    }
    b
}

/// A message in English, for the JSON API's error descriptions (no request language there).
pub fn english(key: &str) -> String {
    static EN: std::sync::LazyLock<FluentBundle<FluentResource>> = std::sync::LazyLock::new(|| {
        let (lang, srcs) = SOURCES.iter().find(|(l, _)| *l == Lang::En).expect("English is shipped");
        bundle(*lang, srcs)
    });
    let Some(pattern) = EN.get_message(key).and_then(|m| m.value()) else { return key.to_string() };
    EN.format_pattern(pattern, None, &mut vec![]).into_owned()
}

impl Default for I18n {
    fn default() -> Self {
        I18n::new()
    }
}

/// The message ids defined in one Fluent source.
pub fn keys(src: &str) -> BTreeSet<String> {
    let res = fluent_syntax::parser::parse(src).expect("locale parses");
    res.body
        .iter()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyte_domain::ErrorCode;

    #[test]
    fn every_language_has_every_key_in_the_same_room() {
        let (_, fi) = &SOURCES[0];
        assert!(fi.iter().map(|src| keys(src).len()).sum::<usize>() > 50);
        for (lang, srcs) in &SOURCES[1..] {
            for ((room, fi_src), src) in ROOMS.iter().zip(fi).zip(srcs) {
                let (fi, other) = (keys(fi_src), keys(src));
                let missing: Vec<_> = fi.difference(&other).collect();
                let extra: Vec<_> = other.difference(&fi).collect();
                assert!(missing.is_empty(), "{}/{room}.ftl lacks {missing:?}", lang.code());
                assert!(extra.is_empty(), "{}/{room}.ftl has keys fi/{room}.ftl lacks: {extra:?}", lang.code());
            }
        }
    }

    #[test]
    fn no_key_is_defined_in_two_rooms() {
        let mut seen = std::collections::BTreeMap::new();
        for (room, src) in ROOMS.iter().zip(&SOURCES[0].1) {
            for k in keys(src) {
                if let Some(other) = seen.insert(k.clone(), *room) {
                    panic!("{k} is in both {other}.ftl and {room}.ftl");
                }
            }
        }
    }

    #[test]
    fn api_errors_are_described_in_english() {
        assert_eq!(english("error-not_found"), "The page or item was not found.");
        for code in ErrorCode::ALL {
            assert_ne!(english(&format!("error-{code}")), format!("error-{code}"), "{code}");
        }
    }

    /// Keys written literally in templates and code: `.t("…")`, `.t1("…"`, `.t2("…"`.
    fn literal_keys() -> BTreeSet<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut found = BTreeSet::new();
        let mut files = vec![];
        let mut dirs = vec![root.join("templates"), root.join("src")];
        while let Some(dir) = dirs.pop() {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    dirs.push(p);
                } else {
                    files.push(p);
                }
            }
        }
        for p in files {
            let text = std::fs::read_to_string(&p).unwrap();
            for marker in [".t(\"", ".t1(\"", ".t2(\""] {
                for part in text.split(marker).skip(1) {
                    let key = part.split('"').next().unwrap();
                    if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                        found.insert(key.to_string());
                    }
                }
            }
            // Form labels (`"field-…"`) and table headers (`"col-…"`) are passed as plain strings.
            let is_rust = p.extension().is_some_and(|e| e == "rs");
            for prefix in ["field-", "col-"] {
                let skip = if is_rust { 1 } else { usize::MAX };
                for part in text.split(&format!("\"{prefix}")).skip(skip) {
                    let rest = part.split('"').next().unwrap();
                    if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                        found.insert(format!("{prefix}{rest}"));
                    }
                }
            }
        }
        found
    }

    #[test]
    fn every_used_key_exists_in_every_language() {
        let i = I18n::new();
        let used = literal_keys();
        assert!(used.len() > 40, "the scan finds the keys in use ({})", used.len());
        for key in used.iter().cloned().chain(hyte_domain::codes::translation_keys()) {
            for lang in Lang::ALL {
                assert!(i.has(lang, &key), "{} lacks {key}", lang.code());
            }
        }
    }

    #[test]
    fn arguments_are_substituted() {
        let i = I18n::new();
        assert_eq!(i.format(Lang::En, "areas-count", &[("count", "309".into())]), "309 areas");
        assert_eq!(i.format(Lang::Fi, "areas-count", &[("count", "1".into())]), "1 alue");
        assert_eq!(i.t(Lang::Sv, "no-such-key"), "no-such-key");
    }
}
