//! Form fields for the templates: label, value, error tied to the field, options.

use crate::ctx::Ctx;
use hyte_domain::FieldErrors;

pub struct Field {
    pub id: String,
    pub name: &'static str,
    pub label: String,
    pub value: String,
    /// `text`, `email`, `password` or `select`.
    pub kind: &'static str,
    pub autocomplete: &'static str,
    pub required: bool,
    pub hint: Option<String>,
    pub error: Option<String>,
    pub options: Vec<Choice>,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Field {
    /// A field named `name`; its id is `prefix-name`, unique on the page.
    pub fn new(c: &Ctx, prefix: &str, name: &'static str, label_key: &str, value: &str, errors: &FieldErrors) -> Field {
        Field {
            id: format!("{prefix}-{name}"),
            name,
            label: c.t(label_key),
            value: value.to_string(),
            kind: "text",
            autocomplete: "off",
            required: false,
            hint: None,
            error: errors.get(name).map(|code| c.err(code)),
            options: vec![],
        }
    }

    pub fn kind(mut self, kind: &'static str) -> Field {
        self.kind = kind;
        self
    }

    pub fn autocomplete(mut self, a: &'static str) -> Field {
        self.autocomplete = a;
        self
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn hint(mut self, h: String) -> Field {
        self.hint = Some(h);
        self
    }

    pub fn select(mut self, options: Vec<(String, String)>) -> Field {
        self.kind = "select";
        self.options =
            options.into_iter().map(|(value, label)| Choice { selected: value == self.value, value, label }).collect();
        self
    }

    /// `aria-describedby` ids: the hint and the error, when present.
    pub fn described_by(&self) -> String {
        let mut ids = vec![];
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        ids.join(" ")
    }
}

/// The error summary shown above a form that failed validation.
pub fn summary(fields: &[Field]) -> Vec<(String, String, String)> {
    fields.iter().filter_map(|f| f.error.as_ref().map(|e| (f.id.clone(), f.label.clone(), e.clone()))).collect()
}

/// Every organisation but `except`, as choices "name (kind)" by name, after a first empty choice
/// labelled by `empty_key` (the partner registry's and the providers' organisation choosers).
pub async fn org_choices(
    app: &crate::App,
    c: &Ctx,
    except: i64,
    empty_key: &str,
) -> Result<Vec<(String, String)>, crate::error::AppError> {
    let mut orgs: Vec<(String, String)> = app
        .store
        .list_organisations()
        .await?
        .into_iter()
        .filter(|o| o.id != except)
        .map(|o| (o.id.to_string(), format!("{} ({})", c.name(&o.names), c.org_kind(o.kind))))
        .collect();
    orgs.sort_by(|a, b| a.1.cmp(&b.1));
    orgs.insert(0, (String::new(), c.t(empty_key)));
    Ok(orgs)
}

/// The choices of a code enum, labelled by its translations; `empty` adds a first "none" choice.
pub fn choices<T: hyte_domain::codes::Code>(c: &Ctx, empty: Option<String>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = empty.into_iter().map(|e| (String::new(), e)).collect();
    out.extend(T::VARIANTS.iter().map(|v| (v.code().to_string(), c.code(*v))));
    out
}

/// One checkbox of a group choice.
pub struct GroupBox {
    pub code: &'static str,
    pub label: String,
    pub checked: bool,
}

/// The classification's groups as checkboxes, those in `on` checked.
pub fn group_boxes(c: &Ctx, on: &[String]) -> Vec<GroupBox> {
    hyte_domain::population::PopulationGroup::ALL
        .iter()
        .map(|g| GroupBox { code: g.as_str(), label: c.code(*g), checked: on.iter().any(|s| s == g.as_str()) })
        .collect()
}

/// Group names, joined.
pub fn group_names(c: &Ctx, groups: impl Iterator<Item = hyte_domain::population::PopulationGroup>) -> String {
    groups.map(|g| c.code(g)).collect::<Vec<_>>().join(", ")
}

/// A set of checkboxes sharing one name, as a fieldset (`shared/_checkset.html`).
pub struct CheckSet {
    pub id: String,
    pub name: &'static str,
    pub legend: String,
    pub boxes: Vec<Choice>,
    pub error: Option<String>,
}

impl CheckSet {
    /// `options` as (value, label), those in `on` checked.
    pub fn new(
        id: &str,
        name: &'static str,
        legend: String,
        options: Vec<(String, String)>,
        on: &[String],
    ) -> CheckSet {
        let boxes =
            options.into_iter().map(|(value, label)| Choice { selected: on.contains(&value), value, label }).collect();
        CheckSet { id: id.to_string(), name, legend, boxes, error: None }
    }

    /// The classification's population groups.
    pub fn groups(c: &Ctx, id: &str, name: &'static str, legend: String, on: &[String]) -> CheckSet {
        let options = hyte_domain::population::PopulationGroup::ALL
            .iter()
            .map(|g| (g.as_str().to_string(), c.code(*g)))
            .collect();
        CheckSet::new(id, name, legend, options, on)
    }

    pub fn error(mut self, e: &FieldErrors, c: &Ctx) -> CheckSet {
        self.error = e.0.iter().find(|x| x.field == self.name).map(|x| c.err(x.code));
        self
    }
}
