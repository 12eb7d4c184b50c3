//! A chain's steps as the pages, the public view and the PDF show them: translated rows and the
//! diagram.

use crate::ctx::Ctx;
use hyte_domain::codes::Code;
use hyte_domain::interface::{may_edit_step, ChainStep, Handoff, InterfaceService};
use hyte_domain::Lang;
use std::collections::HashMap;

/// One step, translated.
pub struct StepRow {
    pub id: i64,
    pub version: i64,
    pub number: usize,
    pub org: String,
    pub unit: String,
    pub action: String,
    pub action_lang: &'static str,
    pub client: String,
    pub client_lang: &'static str,
    pub handoff: String,
    pub consent: bool,
    pub wait: String,
    /// The step page, when the viewing organisation may edit it.
    pub edit: Option<String>,
}

/// The rows of `steps`, in `lang`; `viewer` (an organisation taking part) decides the edit links.
pub fn rows(
    c: &Ctx,
    lang: Lang,
    service: &InterfaceService,
    steps: &[ChainStep],
    names: &HashMap<i64, String>,
    viewer: Option<i64>,
) -> Vec<StepRow> {
    let t = |k: &str| c.i18n.t(lang, k);
    steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let x = &s.input;
            StepRow {
                id: s.id,
                version: s.version,
                number: i + 1,
                org: names.get(&x.org_id).cloned().unwrap_or_default(),
                unit: x.unit.clone().unwrap_or_default(),
                action: x.action.get(lang).to_string(),
                action_lang: x.action.shown_lang(lang).code(),
                client: x.client.get(lang).to_string(),
                client_lang: x.client.shown_lang(lang).code(),
                handoff: if x.handoff == Handoff::None {
                    String::new()
                } else {
                    x.handoff.key().map(|k| t(&k)).unwrap_or_default()
                },
                consent: x.consent,
                wait: x
                    .wait_days
                    .map(|d| c.i18n.format(lang, "ifc-wait-days", &[("days", d.to_string())]))
                    .unwrap_or_default(),
                edit: viewer
                    .filter(|v| may_edit_step(service, *v, x.org_id))
                    .map(|v| format!("/orgs/{v}/interface/{}/steps/{}", service.id, s.id)),
            }
        })
        .collect()
}

/// The chain as a diagram (an accessible SVG: a title, a description and one box per step).
pub fn diagram(c: &Ctx, lang: Lang, id: &str, name: &str, steps: &[StepRow]) -> String {
    let t = |k: &str| c.i18n.t(lang, k);
    let boxes: Vec<super::diagram::DiagramStep> = steps
        .iter()
        .map(|s| super::diagram::DiagramStep {
            number: s.number as i64,
            org: s.org.clone(),
            unit: s.unit.clone(),
            action: s.action.clone(),
            client: s.client.clone(),
            handoff: s.handoff.clone(),
            consent: s.consent,
            wait: (!s.wait.is_empty()).then(|| c.i18n.format(lang, "ifc-diagram-wait", &[("wait", s.wait.clone())])),
        })
        .collect();
    let labels = super::diagram::DiagramLabels { client: t("ifc-diagram-client"), consent: t("ifc-consent") };
    let desc = c.i18n.format(lang, "ifc-diagram-desc", &[("count", steps.len().to_string())]);
    super::diagram::chain_svg(
        id,
        &c.i18n.format(lang, "ifc-diagram-name", &[("name", name.to_string())]),
        &desc,
        &boxes,
        &labels,
    )
}

/// The chain as a document for the PDF and DOCX exports, in `lang`.
pub async fn document(
    app: &crate::App,
    c: &Ctx,
    lang: Lang,
    service: &InterfaceService,
    steps: &[ChainStep],
) -> Result<hyte_report::Document, crate::error::AppError> {
    let t = |k: &str| c.i18n.t(lang, k);
    let names: HashMap<i64, String> =
        app.store.list_organisations().await?.into_iter().map(|o| (o.id, o.names.get(lang).to_string())).collect();
    let rows = rows(c, lang, service, steps, &names, None);
    let name = service.name(lang).to_string();
    let table = hyte_report::Table {
        caption: t("ifc-steps-caption"),
        headers: [
            "ifc-col-step",
            "field-step-org",
            "field-step-action-fi",
            "ifc-col-client",
            "field-step-handoff",
            "field-step-wait",
        ]
        .map(|k| if k == "field-step-action-fi" { t("ifc-col-action") } else { t(k) })
        .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                let org = if r.unit.is_empty() { r.org.clone() } else { format!("{}, {}", r.org, r.unit) };
                let consent = if r.consent { format!(" ({})", t("ifc-consent")) } else { String::new() };
                vec![
                    r.number.to_string(),
                    org,
                    r.action.clone(),
                    r.client.clone(),
                    format!("{}{consent}", r.handoff),
                    r.wait.clone(),
                ]
            })
            .collect(),
    };
    let svg = diagram(c, lang, "chain-export", &name, &rows);
    let charts = if svg.is_empty() {
        vec![]
    } else {
        vec![hyte_report::Chart {
            title: t("ifc-diagram-title"),
            alt: t("ifc-diagram-alt"),
            svg: crate::charts::standalone(&svg),
        }]
    };
    let parties = service
        .parties
        .iter()
        .map(|p| {
            format!(
                "{} ({})",
                names.get(&p.org_id).cloned().unwrap_or_default(),
                c.i18n.t(lang, &p.role.key().unwrap_or_default())
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut blocks = String::new();
    if let Some(d) = &service.input.description {
        blocks.push_str(d);
    }
    Ok(hyte_report::Document {
        lang: lang.code().into(),
        title: name,
        subtitle: c.i18n.t(lang, &service.input.kind.key().unwrap_or_default()),
        facts: vec![format!("{}: {parties}", t("ifc-col-parties"))],
        contents: t("report-contents"),
        sections: vec![hyte_report::Section {
            title: t("ifc-chain-title"),
            blocks: hyte_domain::reports::markup::parse(&blocks),
            tables: vec![table],
            charts,
        }],
        attribution: String::new(),
    })
}
