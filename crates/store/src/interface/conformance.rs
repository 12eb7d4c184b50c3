//! Conformance of the interface services room: a service is seen by its parties only, a partner
//! edits its own steps, a lead changes parties and publishes, the division of work keeps its
//! versions, agreements and their documents stay with their parties, indicators are checked,
//! and concurrent edits conflict.
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::conformance::{indicator, one_wins, org, race, WRITERS};
use crate::*;
use hyte_domain::interface::{
    AgreementForm, DivisionOfWork, DocumentFacts, EvaluationForm, InterfaceForm, Party, PartyRole, Raci, StepForm,
    Task, TrackedForm,
};
use hyte_domain::{DisplayName, Email, ErrorCode, OrgKind, Role};

crate::conformance_cases!($ interface_cases, interface:
    a_service_is_seen_by_its_parties_only,
    partners_edit_their_own_steps_and_leads_the_chain,
    work_versions_and_agreements_stay_with_their_parties,
    indicators_are_checked_and_concurrent_edits_conflict,
);

struct Three {
    county: i64,
    town: i64,
    ngo: i64,
    outsider: i64,
}

async fn three(s: &dyn Store) -> Three {
    let county = org(s, OrgKind::WellbeingCounty, "Pohjois-Savon hyvinvointialue").await.id;
    let town = org(s, OrgKind::Municipality, "Siilinjärvi").await.id;
    let ngo = org(s, OrgKind::Ngo, "Savon Vertaistuki ry").await.id;
    let outsider = org(s, OrgKind::Municipality, "Jyväskylä").await.id;
    Three { county, town, ngo, outsider }
}

fn form(t: &Three) -> InterfaceForm {
    let pairs: Vec<(String, String)> =
        [
            ("name_fi", "Liikuntaneuvonnan palveluketju"),
            ("name_sv", "Servicekedjan för motionsrådgivning"),
            ("kind", "service_chain"),
            ("areas", "749"),
            ("target_groups", "working_age"),
            ("vulnerable_groups", "long_term_unemployed"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .chain([t.town, t.ngo].iter().flat_map(|o| {
            [("party_org".to_string(), o.to_string()), ("party_role".to_string(), "partner".to_string())]
        }))
        .collect();
    InterfaceForm::from_pairs(&pairs)
}

async fn created(s: &dyn Store, t: &Three) -> hyte_domain::interface::InterfaceService {
    let (input, parties) = form(t).parse(t.county).unwrap();
    s.create_interface(t.county, &input, &parties, Actor::SYSTEM).await.unwrap()
}

fn step(org: i64, fi: &str) -> hyte_domain::interface::StepInput {
    let f =
        StepForm { org_id: org.to_string(), action_fi: fi.into(), handoff: "referral".into(), ..Default::default() };
    f.parse(&[org]).unwrap()
}

async fn a_service_is_seen_by_its_parties_only(s: &dyn Store) {
    let t = three(s).await;
    let svc = created(s, &t).await;
    assert_eq!(
        svc.parties,
        [
            Party { org_id: t.county, role: PartyRole::Lead },
            Party { org_id: t.town, role: PartyRole::Partner },
            Party { org_id: t.ngo, role: PartyRole::Partner }
        ]
    );
    assert!(!svc.published);
    assert_eq!(s.get_interface(t.town, svc.id).await.unwrap().as_ref(), Some(&svc));
    assert_eq!(s.list_interfaces(t.ngo).await.unwrap(), std::slice::from_ref(&svc));
    assert!(s.get_interface(t.outsider, svc.id).await.unwrap().is_none(), "an outsider does not see the draft");
    assert!(s.list_interfaces(t.outsider).await.unwrap().is_empty());
    assert_eq!(s.chain_steps(t.outsider, svc.id).await.unwrap_err().code(), ErrorCode::NotFound);
    assert!(s.published_chains().await.unwrap().is_empty());

    // A partner edits the details but not the parties; a lead changes them.
    let mut input = svc.input.clone();
    input.description = Some("Kunnan ja hyvinvointialueen yhteinen ketju".into());
    let v2 = s.update_interface(t.town, svc.id, svc.version, &input, None, Actor::SYSTEM).await.unwrap();
    assert_eq!((v2.version, v2.input.description.as_deref()), (2, input.description.as_deref()));
    let promoted = [Party { org_id: t.town, role: PartyRole::Lead }];
    let refused = s.update_interface(t.town, svc.id, v2.version, &input, Some(&promoted), Actor::SYSTEM).await;
    assert_eq!(refused.unwrap_err().code(), ErrorCode::Forbidden);
    let outsider = s.update_interface(t.outsider, svc.id, v2.version, &input, None, Actor::SYSTEM).await;
    assert_eq!(outsider.unwrap_err().code(), ErrorCode::NotFound);
    let stale = s.update_interface(t.county, svc.id, svc.version, &input, None, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);

    // A party that answers for a step stays; one without steps can leave; a lead remains.
    s.add_steps(t.county, svc.id, &[step(t.ngo, "Vertaisryhmä")], Actor::SYSTEM).await.unwrap();
    let without_ngo = [svc.parties[0], svc.parties[1]];
    let in_use = s.update_interface(t.county, svc.id, v2.version, &input, Some(&without_ngo), Actor::SYSTEM).await;
    assert_eq!(in_use.unwrap_err().code(), ErrorCode::PartyInUse);
    let no_lead = [Party { org_id: t.county, role: PartyRole::Partner }, svc.parties[2]];
    let headless = s.update_interface(t.county, svc.id, v2.version, &input, Some(&no_lead), Actor::SYSTEM).await;
    assert_eq!(headless.unwrap_err().code(), ErrorCode::LastLead);
    let fewer = [svc.parties[0], svc.parties[2]];
    let v3 = s.update_interface(t.county, svc.id, v2.version, &input, Some(&fewer), Actor::SYSTEM).await.unwrap();
    assert_eq!(v3.parties, fewer);
    assert!(s.get_interface(t.town, svc.id).await.unwrap().is_none(), "the town left");

    // Only a lead publishes; the public then finds it with its steps.
    let by_partner = s.publish_interface(t.ngo, svc.id, v3.version, true, Actor::SYSTEM).await;
    assert_eq!(by_partner.unwrap_err().code(), ErrorCode::Forbidden);
    let public = s.publish_interface(t.county, svc.id, v3.version, true, Actor::SYSTEM).await.unwrap();
    assert!(public.published);
    let chains = s.published_chains().await.unwrap();
    assert_eq!((chains.len(), &chains[0].service, chains[0].steps.len()), (1, &public, 1));
    assert_eq!(s.published_chain(svc.id).await.unwrap().unwrap().service, public);
    let audit = s.audit_log(t.county, 50).await.unwrap();
    for action in ["interface.create", "interface.update", "interface.publish", "chain_step.create"] {
        assert!(audit.iter().any(|e| e.action == action), "{action} audited");
    }
}

async fn partners_edit_their_own_steps_and_leads_the_chain(s: &dyn Store) {
    let t = three(s).await;
    let svc = created(s, &t).await;
    let added = s
        .add_steps(
            t.county,
            svc.id,
            &[step(t.county, "Terveysasema"), step(t.town, "Liikuntaneuvonta"), step(t.ngo, "Ryhmä")],
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    assert_eq!(added.iter().map(|s| s.position).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(added[1].input, step(t.town, "Liikuntaneuvonta"));
    let by_partner = s.add_steps(t.town, svc.id, &[step(t.town, "Oma")], Actor::SYSTEM).await;
    assert_eq!(by_partner.unwrap_err().code(), ErrorCode::Forbidden);
    let too_many = vec![step(t.county, "Vaihe"); 98];
    let long = s.add_steps(t.county, svc.id, &too_many, Actor::SYSTEM).await;
    assert_eq!(long.unwrap_err().code(), ErrorCode::TooLong, "a chain has at most 100 steps");
    let stranger = s.add_steps(t.county, svc.id, &[step(t.outsider, "Vieras")], Actor::SYSTEM).await;
    assert_eq!(stranger.unwrap_err().code(), ErrorCode::ReferenceInvalid);

    // The town edits its own step, not the NGO's, and cannot give its step away.
    let town_step = &added[1];
    let edited = s
        .update_step(
            t.town,
            town_step.id,
            town_step.version,
            &step(t.town, "Liikuntaneuvonta 1–3 kertaa"),
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    assert_eq!((edited.version, edited.input.action.fi.as_deref()), (2, Some("Liikuntaneuvonta 1–3 kertaa")));
    let theirs = s.update_step(t.town, added[2].id, added[2].version, &step(t.ngo, "x"), Actor::SYSTEM).await;
    assert_eq!(theirs.unwrap_err().code(), ErrorCode::Forbidden);
    let away = s.update_step(t.town, town_step.id, edited.version, &step(t.ngo, "x"), Actor::SYSTEM).await;
    assert_eq!(away.unwrap_err().code(), ErrorCode::Forbidden);
    let stale = s.update_step(t.town, town_step.id, town_step.version, &step(t.town, "y"), Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let outsider = s.update_step(t.outsider, town_step.id, edited.version, &step(t.outsider, "z"), Actor::SYSTEM).await;
    assert_eq!(outsider.unwrap_err().code(), ErrorCode::NotFound);
    // The lead reassigns and reorders; a partner cannot.
    let moved = s.move_step(t.county, added[2].id, true, Actor::SYSTEM).await.unwrap();
    assert_eq!(moved.iter().map(|s| s.id).collect::<Vec<_>>(), [added[0].id, added[2].id, added[1].id]);
    assert_eq!(s.move_step(t.ngo, added[2].id, true, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::Forbidden);
    let del = s.delete_step(t.town, added[0].id, added[0].version, Actor::SYSTEM).await;
    assert_eq!(del.unwrap_err().code(), ErrorCode::Forbidden);
    s.delete_step(t.county, added[0].id, added[0].version, Actor::SYSTEM).await.unwrap();
    let left = s.chain_steps(t.ngo, svc.id).await.unwrap();
    assert_eq!(left.iter().map(|s| s.id).collect::<Vec<_>>(), [added[2].id, added[1].id]);
    assert_eq!(left[1].input.action.fi.as_deref(), Some("Liikuntaneuvonta 1–3 kertaa"));
}

async fn work_versions_and_agreements_stay_with_their_parties(s: &dyn Store) {
    let t = three(s).await;
    let svc = created(s, &t).await;
    let user = s
        .create_user(
            &NewUser {
                email: Email::parse("koordinaattori@siilinjarvi.example").unwrap(),
                display_name: DisplayName::parse("Sanna Siilinjärvi").unwrap(),
                password_hash: "$argon2id$fake".into(),
            },
            Some((t.town, Role::Editor, None)),
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    let work = DivisionOfWork {
        tasks: vec![
            Task {
                name: "Asiakkaan ohjaus".into(),
                cells: vec![(t.county, Raci::Responsible), (t.town, Raci::Informed)],
            },
            Task { name: "Ryhmien ylläpito".into(), cells: vec![(t.ngo, Raci::TakesPart)] },
        ],
    };
    let v1 = s.save_division_of_work(t.town, svc.id, 0, &work, Actor::user(user.id)).await.unwrap();
    assert_eq!((v1.version, v1.changed_by.as_str(), &v1.work), (1, "Sanna Siilinjärvi", &work));
    let stale = s.save_division_of_work(t.county, svc.id, 0, &work, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let mut bad = work.clone();
    bad.tasks[0].cells.push((t.outsider, Raci::Informed));
    let stranger = s.save_division_of_work(t.county, svc.id, 1, &bad, Actor::SYSTEM).await;
    assert_eq!(stranger.unwrap_err().code(), ErrorCode::ReferenceInvalid);
    let mut next = work.clone();
    next.tasks[1].cells = vec![(t.ngo, Raci::Responsible)];
    s.save_division_of_work(t.county, svc.id, 1, &next, Actor::SYSTEM).await.unwrap();
    let versions = s.division_of_work(t.ngo, svc.id).await.unwrap();
    assert_eq!(versions.iter().map(|v| v.version).collect::<Vec<_>>(), [2, 1]);
    assert_eq!((&versions[0].work, &versions[1].work), (&next, &work));
    assert_eq!(s.division_of_work(t.outsider, svc.id).await.unwrap_err().code(), ErrorCode::NotFound);

    // An agreement between the county and the NGO on the service.
    let f = AgreementForm {
        title: "Yhteistyösopimus liikuntaketjusta".into(),
        service_ids: vec![svc.id.to_string()],
        party_org: vec![t.county.to_string(), t.ngo.to_string()],
        party_obligations: vec!["Liikuntaneuvonta".into(), "Vertaisryhmät".into()],
        party_contact: vec!["Hanna Hyte".into()],
        starts_on: "2026-01-01".into(),
        status: "signed".into(),
        renew_on: "2027-01-15".into(),
        ..Default::default()
    };
    let a = s.create_agreement(t.county, &f.parse(t.county).unwrap(), Actor::SYSTEM).await.unwrap();
    assert_eq!(a.input, f.parse(t.county).unwrap());
    assert_eq!(s.list_agreements(t.ngo).await.unwrap(), std::slice::from_ref(&a));
    assert!(s.get_agreement(t.town, a.id).await.unwrap().is_none(), "the town is not a party");
    let mut theirs = f.clone();
    theirs.party_org = vec![t.outsider.to_string(), t.county.to_string()];
    let foreign = s.create_agreement(t.outsider, &theirs.parse(t.outsider).unwrap(), Actor::SYSTEM).await;
    assert_eq!(foreign.unwrap_err().code(), ErrorCode::ReferenceInvalid, "not a party of the service");
    let pdf = b"%PDF-1.4\n% allekirjoitettu\n".to_vec();
    let facts = DocumentFacts { filename: "sopimus.pdf".into(), size: pdf.len() as i64, sha256: "ab12".into() };
    let signed = s.attach_document(t.ngo, a.id, a.version, &facts, &pdf, Actor::SYSTEM).await.unwrap();
    assert_eq!((signed.version, signed.document.as_ref()), (a.version + 1, Some(&facts)));
    assert_eq!(s.agreement_document(t.county, a.id).await.unwrap(), Some((facts.clone(), pdf.clone())));
    assert!(s.agreement_document(t.town, a.id).await.unwrap().is_none(), "only the parties download it");
    let zip = b"PK\x03\x04 not a pdf".to_vec();
    let wrong = DocumentFacts { size: zip.len() as i64, ..facts.clone() };
    let refused = s.attach_document(t.county, a.id, signed.version, &wrong, &zip, Actor::SYSTEM).await;
    assert_eq!(refused.unwrap_err().code(), ErrorCode::FileTypeInvalid);
    let stale = s.attach_document(t.county, a.id, a.version, &facts, &pdf, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let outsider = s.update_agreement(t.town, a.id, signed.version, &a.input, Actor::SYSTEM).await;
    assert_eq!(outsider.unwrap_err().code(), ErrorCode::NotFound);
}

async fn indicators_are_checked_and_concurrent_edits_conflict(s: &dyn Store) {
    let t = three(s).await;
    let svc = created(s, &t).await;
    s.upsert_indicators(&[indicator("3113", "Liikunta", "Motion", true)]).await.unwrap();
    let national = s.indicator_ids("sotkanet", None).await.unwrap()["3113"].0;
    let mut own = indicator("own-1", "Oma", "Egen", true);
    own.source = "own".into();
    own.org_id = Some(t.outsider);
    s.upsert_indicators(&[own]).await.unwrap();
    let private = s.indicator_ids("own", Some(t.outsider)).await.unwrap()["own-1"].0;
    let tracked = |id: i64| TrackedForm {
        indicator_id: id.to_string(),
        area_code: "749".into(),
        baseline_year: "2021".into(),
        baseline: "30".into(),
        target_year: "2027".into(),
        target: "36".into(),
    };
    let leak = s.add_tracked(t.town, svc.id, &tracked(private).parse().unwrap(), Actor::SYSTEM).await;
    assert_eq!(leak.unwrap_err().code(), ErrorCode::IndicatorInvalid);
    let added = s.add_tracked(t.town, svc.id, &tracked(national).parse().unwrap(), Actor::SYSTEM).await.unwrap();
    assert_eq!(s.tracked_indicators(t.ngo, svc.id).await.unwrap(), std::slice::from_ref(&added));
    let outsider = s.remove_tracked(t.outsider, svc.id, added.id, Actor::SYSTEM).await;
    assert_eq!(outsider.unwrap_err().code(), ErrorCode::NotFound);
    s.remove_tracked(t.county, svc.id, added.id, Actor::SYSTEM).await.unwrap();
    assert!(s.tracked_indicators(t.ngo, svc.id).await.unwrap().is_empty());

    // The year's evaluation: written together, concurrent first writes and edits conflict.
    let text = |i: usize| EvaluationForm { worked: format!("Kirjoittaja {i}"), ..Default::default() }.parse().unwrap();
    let results = race(WRITERS, |i| {
        let input = text(i);
        async move { s.save_evaluation(t.county, svc.id, 2025, 0, &input, Actor::SYSTEM).await }
    })
    .await;
    one_wins("first evaluation", &results);
    let e1 = s.evaluations(t.town, svc.id).await.unwrap().pop().unwrap();
    let e2 = s.save_evaluation(t.ngo, svc.id, 2025, e1.version, &text(99), Actor::SYSTEM).await.unwrap();
    assert_eq!((e2.contributors.as_slice(), e2.version), ([t.county, t.ngo].as_slice(), e1.version + 1));
    assert_eq!(s.evaluations(t.county, svc.id).await.unwrap(), std::slice::from_ref(&e2));
    let outsider = s.save_evaluation(t.outsider, svc.id, 2025, e2.version, &text(1), Actor::SYSTEM).await;
    assert_eq!(outsider.unwrap_err().code(), ErrorCode::NotFound);
    let results = race(WRITERS, |i| {
        let input = text(i);
        async move { s.save_evaluation(t.town, svc.id, 2025, e2.version, &input, Actor::SYSTEM).await }
    })
    .await;
    one_wins("evaluation", &results);
    let results = race(WRITERS, |i| {
        let work = DivisionOfWork { tasks: vec![Task { name: format!("Tehtävä {i}"), cells: vec![] }] };
        async move { s.save_division_of_work(t.ngo, svc.id, 0, &work, Actor::SYSTEM).await }
    })
    .await;
    one_wins("division of work", &results);
    let results = race(WRITERS, |i| {
        let mut input = svc.input.clone();
        input.description = Some(format!("Kirjoittaja {i}"));
        async move { s.update_interface(t.town, svc.id, svc.version, &input, None, Actor::SYSTEM).await }
    })
    .await;
    one_wins("service", &results);
}
