//! Ex-ante impact assessment of decisions (*päätösten vaikutusten ennakkoarviointi*, EVA / IVA /
//! LAVA; Act 612/2021 §6–7): the decisions register, the rules that say which proposals need an
//! assessment, the templates (impact areas × population groups), and the assessments themselves.
//! Pure types and rules.

mod decision;
mod rating;
mod rules;
mod summary;
mod template;

/// The enum-of-codes macro, for the other capabilities' domain types.
pub(crate) use decision::code_enum;
pub use decision::*;
pub use rating::*;
pub use rules::*;
pub use summary::*;
pub use template::*;

/// Longest title or name in the assessment forms.
pub(crate) const TEXT_MAX: usize = 200;
/// Longest free text (descriptions, justifications, views heard).
pub(crate) const LONG_MAX: usize = 4_000;
