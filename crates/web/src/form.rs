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
