//! Real ids of Kuopio's demo objects, and the filling of a route pattern's `{placeholders}` with
//! them (by the literal segment before each placeholder).

use crate::helpers::*;
use hyte_store::{
    AssessmentStore, CooperationStore, ImportJobStore, OrgStore, PartnerStore, PlanStore, ReportStore, ServiceStore,
    UserStore,
};
use std::collections::HashMap;

/// Used where the demo has no such object: a missing id (the route then answers 404 or refuses).
pub const MISSING: i64 = 999_999;

/// Kuopio's object ids by the literal segment that precedes them in a URL.
pub struct Ids {
    pub org: i64,
    pub by_segment: HashMap<&'static str, i64>,
    /// Segments the demo has no object for (filled with `MISSING`).
    pub missing: Vec<&'static str>,
}

fn first<T>(v: &[T], f: impl Fn(&T) -> i64) -> Option<i64> {
    v.first().map(f)
}

impl Ids {
    pub async fn of_org(app: &TestApp, org_name: &str) -> Ids {
        let s = &app.store;
        let org = app.org_id(org_name).await;
        let mut m: Vec<(&'static str, Option<i64>)> = vec![("orgs", Some(org)), ("organisations", Some(org))];
        let members = s.org_members(org).await.unwrap();
        m.push(("users", members.iter().map(|x| x.user.id).max()));
        m.push(("sectors", first(&s.list_sectors(org).await.unwrap(), |x| x.id)));
        // A report with sections and a plan, preferring one that has both.
        let reports = s.list_reports(org).await.unwrap();
        let mut report = None;
        for r in &reports {
            let plan = s.plan(r.id).await.unwrap();
            if !plan.measures.is_empty() && !s.report_sections(r.id).await.unwrap().is_empty() {
                report = Some(r.id);
                break;
            }
        }
        let report = report.or(first(&reports, |x| x.id));
        m.push(("reports", report));
        if let Some(rid) = report {
            m.push(("sections", first(&s.report_sections(rid).await.unwrap(), |x| x.id)));
            m.push(("versions", first(&s.report_versions(rid).await.unwrap(), |x| i64::from(x.number))));
            m.push(("comments", first(&s.report_comments(rid).await.unwrap(), |x| x.id)));
            let plan = s.plan(rid).await.unwrap();
            m.push(("priorities", first(&plan.priorities, |x| x.id)));
            m.push(("goals", first(&plan.goals, |x| x.id)));
            m.push(("measures", first(&plan.measures, |x| x.id)));
        }
        let decisions = s.list_decisions(org).await.unwrap();
        let mut decision = None;
        for d in &decisions {
            if !s.decision_assessments(d.id).await.unwrap().is_empty() {
                decision = Some(d.id);
                break;
            }
        }
        let decision = decision.or(first(&decisions, |x| x.id));
        m.push(("decisions", decision));
        if let Some(did) = decision {
            m.push(("alternatives", first(&s.decision_alternatives(did).await.unwrap(), |x| x.id)));
            let assessments = s.decision_assessments(did).await.unwrap();
            let aid = first(&assessments, |x| x.id);
            m.push(("assessments", aid));
            if let Some(aid) = aid {
                m.push(("participants", first(&s.assessment_participants(aid).await.unwrap(), |x| x.id)));
            }
        }
        m.push(("rules", first(&s.assessment_rules(org).await.unwrap(), |x| x.id)));
        let templates = s.assessment_templates(org).await.unwrap();
        m.push(("templates", templates.iter().find(|t| t.org_id == org).or(templates.first()).map(|t| t.id)));
        let groups = s.list_groups(org).await.unwrap();
        let mut group = None;
        for g in &groups {
            if !s.group_meetings(g.id).await.unwrap().is_empty() {
                group = Some(g.id);
                break;
            }
        }
        let group = group.or(first(&groups, |x| x.id));
        m.push(("groups", group));
        if let Some(gid) = group {
            m.push(("members", first(&s.group_members(gid).await.unwrap(), |x| x.id)));
            m.push(("meetings", first(&s.group_meetings(gid).await.unwrap(), |x| x.id)));
            m.push(("agreements", first(&s.group_agreements(gid).await.unwrap(), |x| x.id)));
        }
        m.push(("contacts", first(&s.contact_pairs(org).await.unwrap(), |x| x.id)));
        m.push(("timeline", first(&s.tasks(org).await.unwrap(), |x| x.id)));
        m.push(("activities", first(&s.org_activities(org).await.unwrap(), |x| x.id)));
        m.push(("partners", first(&s.list_partners(org).await.unwrap(), |x| x.id)));
        let calls = s.org_calls(org).await.unwrap();
        let mut call = None;
        for c in &calls {
            if !s.call_applications(c.id).await.unwrap().is_empty() {
                call = Some(c.id);
                break;
            }
        }
        let call = call.or(first(&calls, |x| x.id));
        m.push(("grants", call));
        if let Some(cid) = call {
            m.push(("applications", first(&s.call_applications(cid).await.unwrap(), |x| x.id)));
        }
        m.push(("premises", first(&s.org_premises(org).await.unwrap(), |x| x.id)));
        m.push(("import", first(&s.list_import_jobs(org, 10).await.unwrap(), |x| x.id)));
        m.push(("services", first(&s.list_services(org).await.unwrap(), |x| x.id)));
        m.push(("providers", first(&s.list_providers(org).await.unwrap(), |x| x.id)));
        let contracts = s.list_contracts(org).await.unwrap();
        m.push(("contracts", first(&contracts, |x| x.id)));
        let criteria = match contracts.first() {
            Some(k) => s.get_contract(org, k.id).await.unwrap().map(|v| v.criteria).unwrap_or_default(),
            None => vec![],
        };
        m.push(("criteria", first(&criteria, |x| x.id)));
        m.push(("strategies", first(&s.list_strategies(org).await.unwrap(), |x| x.id)));
        m.push(("provider-contracts", first(&s.provider_contracts(org).await.unwrap(), |x| x.contract.id)));
        // The yearly negotiation (the demo's, with Kuopio), its first agenda item and action, and a report sent.
        let negotiations = hyte_store::NegotiationStore::negotiations(&**s, org).await.unwrap();
        m.push(("negotiations", first(&negotiations, |x| x.id)));
        m.push(("agenda", Some(0)));
        let actions = hyte_store::NegotiationStore::agreed_actions(&**s, org, None).await.unwrap();
        m.push(("actions", first(&actions, |x| x.id)));
        let sent = hyte_store::NegotiationStore::sent_reports(&**s, org).await.unwrap();
        m.push(("sent", first(&sent, |x| x.id)));
        m.push(("sent-reports", first(&sent, |x| x.id)));
        let (service, agreement, tracked, step) = interface_objects(app, org).await;
        m.push(("interface", Some(service)));
        m.push(("interface-agreements", Some(agreement)));
        m.push(("tracked", Some(tracked)));
        let public = hyte_store::InterfaceStore::published_chains(&**s).await.unwrap();
        m.push(("interface-services", public.first().map(|p| p.service.id)));
        m.push(("steps", Some(step)));
        m.push(("indicator-sets", Some(indicator_set(app, org).await)));
        // The HYTE coefficient: a model, and the demo's scenario of the organisation's own.
        let models = hyte_store::CoefficientStore::models(&**s).await.unwrap();
        m.push(("models", first(&models, |x| x.id)));
        m.push(("scenarios", first(&hyte_store::CoefficientStore::scenarios(&**s, org).await.unwrap(), |x| x.id)));
        // The good-practice library: a practice of the organisation's own (unpublished, so only it
        // reaches it), a published one for the public page, and its county's recommendation.
        m.push(("practices", Some(own_practice(app, org).await)));
        let published = hyte_store::PracticeStore::published_practices(&**s).await.unwrap();
        m.push(("public-practices", first(&published, |x| x.id)));
        let county = app.org_id("Pohjois-Savon hyvinvointialue").await;
        let recs = hyte_store::PracticeStore::recommendations(&**s, county).await.unwrap();
        m.push(("recommendations", first(&recs, |x| x.id)));
        // The support room: a survey sent to the organisation, and the county's plan that
        // concerns it (its first action and delivery).
        let support = hyte_store::SupportStore::support_for(&**s, org).await.unwrap();
        let surveys = hyte_store::SupportStore::list_surveys(&**s, org).await.unwrap();
        m.push(("support-surveys", first(&surveys, |x| x.id)));
        m.push(("support-plans", support.first().map(|v| v.plan.id)));
        m.push(("support-actions", support.first().and_then(|v| v.actions.first()).map(|a| a.id)));
        m.push(("support-deliveries", support.first().and_then(|v| v.deliveries.first()).map(|d| d.id)));
        let mut by_segment = HashMap::new();
        let mut missing = vec![];
        for (k, v) in m {
            match v {
                Some(id) => {
                    by_segment.insert(k, id);
                }
                None => {
                    missing.push(k);
                    by_segment.insert(k, MISSING);
                }
            }
        }
        Ids { org, by_segment, missing }
    }

    /// The route pattern with its placeholders filled: `{kind}/{code}` is Kuopio's municipality,
    /// `/lang/{code}` a language, `/duties/{key}` a duty, `/indicators/{id}` the first indicator,
    /// `/reports/{rid}` (public) a published report, `/regional/{id}` the county.
    pub fn fill(&self, pattern: &str, extra: &Extra) -> String {
        let mut out = String::new();
        let mut prev = "";
        let segments: Vec<&str> = pattern.split('/').collect();
        for (i, seg) in segments.iter().enumerate() {
            if i > 0 {
                out.push('/');
            }
            if seg.starts_with('{') {
                let value = match (prev, *seg) {
                    // An interface service's: its agreements, tracked indicators and a past year.
                    ("agreements", _) if pattern.starts_with("/orgs/{id}/agreements/") => {
                        self.by_segment["interface-agreements"].to_string()
                    }
                    ("indicators", _) if pattern.starts_with("/orgs/{id}/interface/") => {
                        self.by_segment["tracked"].to_string()
                    }
                    ("surveys" | "plans" | "actions" | "deliveries", _)
                        if pattern.starts_with("/orgs/{id}/support/") =>
                    {
                        self.by_segment[format!("support-{prev}").as_str()].to_string()
                    }
                    ("evaluation", _) => "2025".to_string(),
                    (_, "{kind}") => "municipality".to_string(),
                    ("lang", _) => "fi".to_string(),
                    (_, "{code}") => "297".to_string(),
                    ("duties", _) => extra.duty.clone(),
                    ("indicators", _) => extra.indicator.to_string(),
                    ("regional", _) => extra.county.to_string(),
                    ("invitations", _) => extra.county.to_string(),
                    ("reports", _) if !pattern.starts_with("/orgs/") => extra.published_report.to_string(),
                    ("rate", _) => self.by_segment["alternatives"].to_string(),
                    ("practices", _) if !pattern.starts_with("/orgs/") => {
                        self.by_segment["public-practices"].to_string()
                    }
                    (p, _) => self
                        .by_segment
                        .get(p)
                        .unwrap_or_else(|| panic!("no id for {{…}} after /{p}/ in {pattern}"))
                        .to_string(),
                };
                out.push_str(&value);
            } else {
                out.push_str(seg);
                prev = seg;
            }
        }
        out
    }
}

/// The organisation's own indicator set (made here when the demo gives it none).
async fn indicator_set(app: &TestApp, org: i64) -> i64 {
    use hyte_store::{IndicatorSetStore, IndicatorStore};
    if let Some((set, _)) = app.store.own_set(org).await.unwrap() {
        return set.id;
    }
    let diabetes = app.store.indicator_ids("sotkanet", None).await.unwrap()["683"].0;
    let input = hyte_domain::knowledge::indicator_set::SetInput {
        names: hyte_domain::Names::new("Oma kori", None, None),
        source: None,
        source_url: None,
        indicator_ids: vec![diabetes],
    };
    app.store.create_indicator_set(org, &input, hyte_store::Actor::SYSTEM).await.unwrap().id
}

/// An interface service that `org` leads with Siilinjärvi (so that neither the NGO nor Oulu, the
/// strangers of the IDOR tests, takes part), with a step of its own and a tracked indicator, and a
/// cooperation agreement of the two with its signed document. Made here, not taken from the demo
/// (whose services the NGO shares), so the rows do not depend on the demo's parties.
async fn interface_objects(app: &TestApp, org: i64) -> (i64, i64, i64, i64) {
    use hyte_domain::interface::{AgreementForm, DocumentFacts, InterfaceForm, StepForm, TrackedForm};
    use hyte_store::{Actor, IndicatorStore, InterfaceStore};
    let s = &app.store;
    let town = app.org_id("Siilinjärven kunta").await;
    let pair = |k: &str, v: String| (k.to_string(), v);
    let f = [
        pair("name_fi", "Kuopion ja Siilinjärven testiketju".into()),
        pair("kind", "service_chain".into()),
        pair("party_org", town.to_string()),
        pair("party_role", "partner".into()),
    ];
    let (input, parties) = InterfaceForm::from_pairs(&f).parse(org).unwrap();
    let service = s.create_interface(org, &input, &parties, Actor::SYSTEM).await.unwrap().id;
    let step = StepForm {
        org_id: org.to_string(),
        action_fi: "Ohjaus".into(),
        handoff: "referral".into(),
        ..Default::default()
    };
    let step = s.add_steps(org, service, &[step.parse(&[org]).unwrap()], Actor::SYSTEM).await.unwrap()[0].id;
    let diabetes = s.indicator_ids("sotkanet", None).await.unwrap()["683"].0;
    let f = TrackedForm {
        indicator_id: diabetes.to_string(),
        area_code: "297".into(),
        baseline_year: "2015".into(),
        baseline: "10".into(),
        target_year: "2030".into(),
        target: "9".into(),
    };
    let tracked = s.add_tracked(org, service, &f.parse().unwrap(), Actor::SYSTEM).await.unwrap().id;
    let f = AgreementForm {
        title: "Testisopimus".into(),
        service_ids: vec![service.to_string()],
        party_org: vec![org.to_string(), town.to_string()],
        party_obligations: vec!["Koordinointi".into(), "Ryhmät".into()],
        starts_on: "2026-01-01".into(),
        status: "signed".into(),
        ..Default::default()
    };
    let agreement = s.create_agreement(org, &f.parse(org).unwrap(), Actor::SYSTEM).await.unwrap();
    let pdf = b"%PDF-1.7\n%%EOF\n";
    let facts = DocumentFacts { filename: "sopimus.pdf".into(), size: pdf.len() as i64, sha256: "0".repeat(64) };
    s.attach_document(org, agreement.id, agreement.version, &facts, pdf, Actor::SYSTEM).await.unwrap();
    (service, agreement.id, tracked, step)
}

/// An unpublished good practice of `org`'s own.
async fn own_practice(app: &TestApp, org: i64) -> i64 {
    let form = hyte_domain::support::practice::PracticeForm {
        name_fi: "Oma käytäntö".into(),
        summary_fi: "Kuvaus.".into(),
        area: "culture".into(),
        evidence: "described".into(),
        ..Default::default()
    };
    let input = form.parse().unwrap();
    hyte_store::PracticeStore::create_practice(&*app.store, org, &input, hyte_store::Actor::SYSTEM).await.unwrap().id
}

/// Ids that are not one organisation's objects.
pub struct Extra {
    pub duty: String,
    pub indicator: i64,
    pub county: i64,
    pub published_report: i64,
}

impl Extra {
    pub async fn of(app: &TestApp, org: i64) -> Extra {
        use hyte_store::IndicatorStore;
        let s = &app.store;
        let _ = org;
        let duty = hyte_domain::cooperation::duties(hyte_domain::OrgKind::Municipality)[0].key.to_string();
        let filter = hyte_store::IndicatorFilter { limit: 1, ..Default::default() };
        let indicator = s.list_indicators(&filter).await.unwrap().0.first().map(|i| i.id).unwrap_or(MISSING);
        let county = app.org_id("Pohjois-Savon hyvinvointialue").await;
        let published_report = s.published_reports().await.unwrap().first().map(|r| r.id).unwrap_or(MISSING);
        Extra { duty, indicator, county, published_report }
    }
}
