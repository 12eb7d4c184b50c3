//! User-interface strings in Finnish, Swedish and English (Project Fluent).
//! Keys are checked by tests: every key exists in every language, and every key used in the
//! templates and code exists.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use hyte_domain::Lang;
use std::collections::BTreeSet;

pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::Fi, include_str!("../locales/fi.ftl")),
    (Lang::Sv, include_str!("../locales/sv.ftl")),
    (Lang::En, include_str!("../locales/en.ftl")),
];

pub struct I18n {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

impl I18n {
    pub fn new() -> I18n {
        let bundles = SOURCES
            .iter()
            .map(|(lang, src)| {
                let res = FluentResource::try_new(src.to_string())
                    .unwrap_or_else(|(_, errs)| panic!("locale {} does not parse: {errs:?}", lang.code()));
                let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("language id");
                let mut b = FluentBundle::new_concurrent(vec![id]);
                b.set_use_isolating(false);
                b.add_resource(res).expect("no duplicate keys");
                (*lang, b)
            })
            .collect();
        I18n { bundles }
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
    use hyte_domain::{ErrorCode, OrgKind, Role};

    #[test]
    fn every_language_has_every_key() {
        let fi = keys(SOURCES[0].1);
        assert!(fi.len() > 50);
        for (lang, src) in &SOURCES[1..] {
            let other = keys(src);
            let missing: Vec<_> = fi.difference(&other).collect();
            let extra: Vec<_> = other.difference(&fi).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            assert!(extra.is_empty(), "{} has keys Finnish lacks: {extra:?}", lang.code());
        }
    }

    /// Keys built at run time from domain enums.
    fn dynamic_keys() -> Vec<String> {
        let mut k: Vec<String> = ErrorCode::ALL.iter().map(|c| format!("error-{c}")).collect();
        k.extend(Role::ALL.iter().map(|r| format!("role-{}", r.as_str())));
        k.extend(OrgKind::ALL.iter().map(|o| format!("org-kind-{}", o.as_str())));
        k.extend(crate::pages::audit::ACTIONS.iter().map(|a| format!("audit-{}", a.replace('.', "-"))));
        k.extend(hyte_domain::ValueType::ALL.iter().map(|v| format!("value-type-{}", v.as_str())));
        for p in ["higher_is_better", "lower_is_better", "no_direction"] {
            k.push(format!("polarity-{p}"));
        }
        for c in ["better", "similar", "worse", "higher", "lower", "not_compared"] {
            k.push(format!("cmp-{c}"));
        }
        for t in ["improving", "worsening", "increasing", "decreasing", "no_significant_change", "cannot_be_calculated"]
        {
            k.push(format!("trend-{t}"));
        }
        k.extend(hyte_domain::report::ReportKind::ALL.iter().map(|r| format!("report-kind-{}", r.as_str())));
        k.extend(hyte_domain::report::ReportState::ALL.iter().map(|r| format!("report-state-{}", r.as_str())));
        k.extend(hyte_domain::report::MeasureStatus::ALL.iter().map(|m| format!("measure-status-{}", m.as_str())));
        k.extend(["on_track", "off_track", "no_data"].map(|p| format!("goal-progress-{p}")));
        k.extend(hyte_domain::JobState::ALL.iter().map(|s| format!("import-state-{}", s.as_str())));
        {
            use hyte_domain::assessment::*;
            k.extend(DecidingBody::ALL.iter().map(|b| format!("decision-body-{}", b.as_str())));
            k.extend(DecisionType::ALL.iter().map(|t| format!("decision-type-{}", t.as_str())));
            k.extend(DecisionStatus::ALL.iter().map(|s| format!("decision-status-{}", s.as_str())));
            k.extend(AssessmentStatus::ALL.iter().map(|s| format!("assessment-status-{}", s.as_str())));
            k.extend(ParticipantKind::ALL.iter().map(|p| format!("participant-{}", p.as_str())));
            k.extend(Realised::ALL.iter().map(|r| format!("realised-{}", r.as_str())));
            k.extend((0..3).map(|i| format!("rating-word-{i}")));
            k.extend(["missing", "draft", "complete"].map(|r| format!("requirement-{r}")));
            k.extend(["report-lang-fi", "report-lang-sv"].map(String::from));
        }
        {
            use hyte_domain::cooperation::*;
            k.extend(GroupKind::ALL.iter().map(|g| format!("group-kind-{}", g.as_str())));
            k.extend(MemberRole::ALL.iter().map(|r| format!("member-role-{}", r.as_str())));
            k.extend(ContactTheme::ALL.iter().map(|t| format!("contact-theme-{}", t.as_str())));
            k.extend(TaskStatus::ALL.iter().map(|t| format!("task-status-{}", t.as_str())));
        }
        {
            use hyte_domain::partners::*;
            k.extend(ActivityKind::ALL.iter().map(|x| format!("activity-kind-{}", x.as_str())));
            k.extend(Theme::ALL.iter().map(|x| format!("theme-{}", x.as_str())));
            k.extend(TargetGroup::ALL.iter().map(|x| format!("target-{}", x.as_str())));
            k.extend(ActivityLang::ALL.iter().map(|x| format!("activity-lang-{}", x.as_str())));
            k.extend(PartnerRole::ALL.iter().map(|x| format!("partner-role-{}", x.as_str())));
            k.extend(ApplicationStatus::ALL.iter().map(|x| format!("application-status-{}", x.as_str())));
        }
        k.extend(["indicator-description", "indicator-interpretation", "indicator-limits"].map(String::from));
        k
    }

    /// Keys written literally in templates and code: `.t("…")`, `.t1("…"`, `.t2("…"`.
    fn literal_keys() -> BTreeSet<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut found = BTreeSet::new();
        let mut files = vec![];
        for dir in ["templates", "src", "src/pages", "src/pages/partners", "src/api"] {
            for e in std::fs::read_dir(root.join(dir)).unwrap() {
                let p = e.unwrap().path();
                if p.is_file() {
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
        for key in used.iter().cloned().chain(dynamic_keys()) {
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
