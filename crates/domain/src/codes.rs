//! Code enums: one list of variants with their stable snake_case codes, from which [`codes!`]
//! generates the enum, `ALL`, `as_str`, `parse`, `Display`, serde (as the code) and the
//! translation keys (`<prefix><code>`, a `.` in the code becoming `-`). The codes are stored in
//! databases and returned by the API: never change one.
//!
//! [`translation_keys`] lists every translation key the user interface builds from a code at
//! run time, from the capabilities' own lists.

use std::marker::PhantomData;

/// What [`codes!`] generates, for code that works with any code enum.
pub trait Code: Copy + PartialEq + 'static {
    /// Every variant, in declaration order.
    const VARIANTS: &'static [Self];
    /// Every code, in declaration order.
    const CODES: &'static [&'static str];
    /// The translation-key prefix (e.g. `role-`), if the codes are shown translated.
    const KEY_PREFIX: Option<&'static str>;

    fn code(self) -> &'static str;

    /// The variant whose code is exactly `s`.
    fn from_code(s: &str) -> Option<Self> {
        Self::VARIANTS.iter().copied().find(|v| v.code() == s)
    }

    /// The translation key ([`key_of`]); None without a prefix.
    fn key(self) -> Option<String> {
        Self::KEY_PREFIX.map(|p| key_of(p, self.code()))
    }
}

/// A code's translation key: `<prefix><code>`, a `.` in the code becoming `-`.
pub fn key_of(prefix: &str, code: &str) -> String {
    format!("{prefix}{}", code.replace('.', "-"))
}

/// Every translation key of a code enum, in declaration order.
pub fn keys<T: Code>() -> impl Iterator<Item = String> {
    T::VARIANTS.iter().filter_map(|v| v.key())
}

/// Every translation key the user interface builds from codes at run time (error codes, roles,
/// report states, audit actions, …): the test of the locale files checks each exists.
pub fn translation_keys() -> Vec<String> {
    let mut k: Vec<String> = keys::<crate::ErrorCode>().collect();
    k.extend(crate::admin::translation_keys());
    k.extend(crate::knowledge::translation_keys());
    k.extend(crate::reports::translation_keys());
    k.extend(crate::assessment::translation_keys());
    k.extend(crate::cooperation::translation_keys());
    k.extend(crate::partners::translation_keys());
    k.extend(crate::services::translation_keys());
    k.extend(crate::interface::translation_keys());
    k.extend(crate::support::translation_keys());
    k.extend(crate::coefficient::translation_keys());
    k
}

/// Deserialises a code enum from its code (serde's message for an unknown one).
pub fn deserialize<'de, D: serde::Deserializer<'de>, T: Code>(d: D) -> Result<T, D::Error> {
    struct Visit<T>(PhantomData<T>);
    impl<T: Code> serde::de::Visitor<'_> for Visit<T> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a code")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
            T::from_code(s).ok_or_else(|| E::unknown_variant(s, T::CODES))
        }
    }
    d.deserialize_str(Visit(PhantomData))
}

/// Declares a code enum. Forms:
///
/// ```ignore
/// codes! { pub enum NoInterval { NoNumerator = "no_numerator", … } }         // not translated
/// codes! { pub enum Role: "role-" { Viewer = "viewer", … } }                  // keys role-viewer, …
/// codes! { pub enum ErrorCode: "error-"; http_status -> u16 { NotFound = "not_found" => 404, … } }
/// codes! { pub enum Lang; own parse { Fi = "fi", … } }                        // writes its own `parse`
/// ```
///
/// `parse` (generated unless `own parse`) trims its input and finds the code: `Option<Self>`.
macro_rules! codes {
    (@enum $(#[$m:meta])* $vis:vis enum $name:ident ($($prefix:literal)?) {
        $($(#[$vm:meta])* $v:ident = $s:literal),+
    }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name { $($(#[$vm])* $v),+ }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: [$name; [$($s),+].len()] = [$($name::$v),+];

            /// The stable code.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }
        }

        impl $crate::codes::Code for $name {
            const VARIANTS: &'static [$name] = &$name::ALL;
            const CODES: &'static [&'static str] = &[$($s),+];
            const KEY_PREFIX: Option<&'static str> = $crate::codes::codes!(@prefix $($prefix)?);

            fn code(self) -> &'static str {
                self.as_str()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::codes::deserialize(d)
            }
        }

        $(
            impl $name {
                /// `<prefix><code>` (a `.` in the code becomes `-`), e.g. `role-viewer`.
                pub fn translation_key(self) -> String {
                    $crate::codes::key_of($prefix, self.as_str())
                }
            }
        )?
    };
    (@prefix) => { None };
    (@prefix $prefix:literal) => { Some($prefix) };
    (@parse $name:ident) => {
        impl $name {
            /// The variant whose code is `s` (trimmed).
            pub fn parse(s: &str) -> Option<$name> {
                <$name as $crate::codes::Code>::from_code(s.trim())
            }
        }
    };
    // With per-variant data, e.g. an error code's HTTP status.
    ($(#[$m:meta])* $vis:vis enum $name:ident: $prefix:literal; $f:ident -> $t:ty {
        $($(#[$vm:meta])* $v:ident = $s:literal => $x:expr),+ $(,)?
    }) => {
        $crate::codes::codes!(@enum $(#[$m])* $vis enum $name ($prefix) { $($(#[$vm])* $v = $s),+ });
        $crate::codes::codes!(@parse $name);
        impl $name {
            pub fn $f(self) -> $t {
                match self { $($name::$v => $x),+ }
            }
        }
    };
    // With its own `parse`.
    ($(#[$m:meta])* $vis:vis enum $name:ident $(: $prefix:literal)?; own parse {
        $($(#[$vm:meta])* $v:ident = $s:literal),+ $(,)?
    }) => {
        $crate::codes::codes!(@enum $(#[$m])* $vis enum $name ($($prefix)?) { $($(#[$vm])* $v = $s),+ });
    };
    ($(#[$m:meta])* $vis:vis enum $name:ident $(: $prefix:literal)? {
        $($(#[$vm:meta])* $v:ident = $s:literal),+ $(,)?
    }) => {
        $crate::codes::codes!(@enum $(#[$m])* $vis enum $name ($($prefix)?) { $($(#[$vm])* $v = $s),+ });
        $crate::codes::codes!(@parse $name);
    };
}
pub(crate) use codes;

/// Checks a code enum: `ALL` ↔ `as_str` ↔ parse round trips, unique snake_case codes (a `.`
/// allowed for audit actions), and the translation keys.
#[cfg(test)]
pub(crate) fn assert_codes<T: Code + std::fmt::Debug + std::fmt::Display + serde::Serialize>(expected: &[&str]) {
    let codes: Vec<&str> = T::VARIANTS.iter().map(|v| v.code()).collect();
    assert_eq!(codes, expected, "codes of {}", std::any::type_name::<T>());
    assert_eq!(T::CODES, expected);
    for v in T::VARIANTS {
        assert_eq!(T::from_code(v.code()), Some(*v));
        assert_eq!(v.to_string(), v.code());
        assert!(v.code().chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'));
        if let Some(p) = T::KEY_PREFIX {
            assert!(v.key().is_some_and(|k| k.starts_with(p) && !k.contains('.')));
        }
    }
    let mut unique = codes.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), codes.len(), "duplicate codes");
    assert_eq!(T::from_code("no such code"), None);
}

#[cfg(test)]
mod tests {
    use super::*;

    codes! {
        /// A test enum.
        pub enum Colour: "colour-" {
            Red = "red",
            /// With a doc comment.
            DarkBlue = "dark_blue",
        }
    }

    #[derive(serde::Deserialize, serde::Serialize, Debug, PartialEq)]
    struct Paint {
        colour: Colour,
    }

    #[test]
    fn the_macro_generates_codes_keys_and_serde() {
        assert_codes::<Colour>(&["red", "dark_blue"]);
        assert_eq!(Colour::parse(" dark_blue "), Some(Colour::DarkBlue));
        assert_eq!(Colour::DarkBlue.translation_key(), "colour-dark_blue");
        assert_eq!(keys::<Colour>().collect::<Vec<_>>(), ["colour-red", "colour-dark_blue"]);
        let p = Paint { colour: Colour::DarkBlue };
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"{"colour":"dark_blue"}"#);
        assert_eq!(serde_json::from_str::<Paint>(&json).unwrap(), p);
        let e = serde_json::from_str::<Paint>(r#"{"colour":"green"}"#).unwrap_err().to_string();
        assert!(e.starts_with("unknown variant `green`, expected `red` or `dark_blue`"), "{e}");
    }

    #[test]
    fn translation_keys_are_unique() {
        let k = translation_keys();
        let mut unique = k.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), k.len());
        for family in ["error-not_found", "role-viewer", "audit-sector-create", "section-kind-narrative"] {
            assert!(k.iter().any(|x| x == family), "{family}");
        }
    }
}
