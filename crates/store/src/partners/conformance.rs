//! Conformance checks of [`crate::PartnerStore`] (part of the suite in [`crate::conformance`]).
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::conformance::{assert_written, one_wins, org, race, sample_areas, WRITERS};
use crate::*;
use chrono::NaiveDate;
use hyte_domain::partners::{
    Activity, ActivityFilter, ActivityForm, ActivityLang, ApplicationInput, ApplicationStatus, CallForm, CallInput,
    GrantApplication, GrantCall, GrantDecision, Partner, PartnerForm, PartnerInput, Premises, PremisesForm, Theme,
    UseReport,
};
use hyte_domain::{ErrorCode, OrgKind};

crate::conformance_cases!($ partners_cases, partners:
    partners_and_activities_are_versioned_and_audited,
    grants_are_applied_decided_and_reported,
    premises_are_offered_and_listed,
    concurrent_partner_and_call_edits_conflict_and_grants_keep_the_budget,
);

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn peer_group(area: i64) -> ActivityForm {
    ActivityForm {
        title_fi: "Vertaistukiryhmä omaishoitajille".into(),
        title_sv: "Kamratstödsgrupp för närståendevårdare".into(),
        kind: "peer_support".into(),
        theme: "carers".into(),
        target_group: "working_age".into(),
        age_min: "18".into(),
        area_id: area.to_string(),
        languages: vec!["fi".into(), "sv".into()],
        schedule: "Tiistaisin 17–19".into(),
        contact: "jussi@vertaistuki.example".into(),
        published: true,
        ..Default::default()
    }
}

async fn partners_and_activities_are_versioned_and_audited(s: &dyn Store) {
    s.import_areas(&sample_areas()).await.unwrap();
    let kuopio_area = s.get_area("municipality", "297").await.unwrap().unwrap().id;
    let kuopio = org(s, OrgKind::Municipality, "Kuopio").await;
    let ngo = org(s, OrgKind::Ngo, "Savon Vertaistuki ry").await;
    let other = org(s, OrgKind::Ngo, "Toinen ry").await;

    let p = s.add_partner(kuopio.id, &volunteer(ngo.id), Actor::SYSTEM).await.unwrap();
    let dup = s.add_partner(kuopio.id, &p.input, Actor::SYSTEM).await;
    assert_eq!(dup.unwrap_err().code(), ErrorCode::AlreadyPartner);
    let mut second = p.input.clone();
    second.partner_org_id = other.id;
    s.add_partner(kuopio.id, &second, Actor::SYSTEM).await.unwrap();
    let listed = s.list_partners(kuopio.id).await.unwrap();
    assert_eq!(listed.iter().map(|p| p.input.partner_org_id).collect::<Vec<_>>(), [ngo.id, other.id], "by name");
    let mut changed = p.input.clone();
    changed.contact_phone = Some("040 123".into());
    let p2 = s.update_partner(kuopio.id, p.id, p.version, &changed, Actor::SYSTEM).await.unwrap();
    let expected = Partner { input: changed.clone(), version: p.version + 1, ..p.clone() };
    assert_written(&p2, s.get_partner(kuopio.id, p.id).await.unwrap(), &expected);
    let stale = s.update_partner(kuopio.id, p.id, p.version, &changed, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    assert_eq!(s.get_partner(ngo.id, p.id).await.unwrap(), None, "another organisation's registry");
    assert_eq!(s.partnerships_of(ngo.id).await.unwrap().len(), 1);
    s.remove_partner(kuopio.id, listed[1].id, listed[1].version, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.list_partners(kuopio.id).await.unwrap().len(), 1);

    let a = s.create_activity(ngo.id, &peer_group(kuopio_area).parse(&[kuopio_area]).unwrap(), Actor::SYSTEM).await;
    let a = a.unwrap();
    assert_eq!(a.input.languages, [ActivityLang::Fi, ActivityLang::Sv]);
    assert_eq!(s.get_activity(a.id).await.unwrap().unwrap(), a, "stored as given");
    let hidden = ActivityForm { published: false, theme: "loneliness".into(), ..peer_group(kuopio_area) };
    s.create_activity(ngo.id, &hidden.parse(&[kuopio_area]).unwrap(), Actor::SYSTEM).await.unwrap();
    assert_eq!(s.org_activities(ngo.id).await.unwrap().len(), 2);
    let all = s.published_activities(&ActivityFilter::default()).await.unwrap();
    assert_eq!(all.iter().map(|x| x.id).collect::<Vec<_>>(), [a.id], "only the published one");
    let q = |theme, language, area_id| ActivityFilter { theme, language, area_id, target_group: None };
    assert_eq!(
        s.published_activities(&q(Some(Theme::Carers), Some(ActivityLang::Sv), Some(kuopio_area))).await.unwrap().len(),
        1
    );
    assert!(s.published_activities(&q(Some(Theme::Culture), None, None)).await.unwrap().is_empty());
    assert!(s.published_activities(&q(None, Some(ActivityLang::En), None)).await.unwrap().is_empty());
    assert!(s.published_activities(&q(None, None, Some(kuopio_area + 1000))).await.unwrap().is_empty());

    let mut edited = a.input.clone();
    edited.schedule = "Keskiviikkoisin".into();
    let a2 = s.update_activity(a.id, a.version, &edited, Actor::SYSTEM).await.unwrap();
    assert_written(
        &a2,
        s.get_activity(a.id).await.unwrap(),
        &Activity { input: edited, version: a.version + 1, ..a.clone() },
    );
    let stale = s.update_activity(a.id, a.version, &a.input, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    assert_eq!(s.delete_activity(a.id, a.version, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::EditConflict);
    s.delete_activity(a.id, a2.version, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.get_activity(a.id).await.unwrap(), None);

    let log = s.audit_log(kuopio.id, 50).await.unwrap();
    assert!(["partner.create", "partner.update", "partner.delete"].iter().all(|a| log.iter().any(|e| e.action == *a)));
    let log = s.audit_log(ngo.id, 50).await.unwrap();
    assert!(["activity.create", "activity.update", "activity.delete"]
        .iter()
        .all(|a| log.iter().any(|e| e.action == *a)));
    assert_eq!(log.iter().filter(|e| e.action == "activity.update").count(), 1, "the stale edit wrote nothing");
}

/// The NGO `ngo` as a volunteer actor with a named contact.
fn volunteer(ngo: i64) -> PartnerInput {
    let f = PartnerForm {
        partner_org_id: ngo.to_string(),
        role: "volunteer_actor".into(),
        contact_name: "Jussi Järvinen".into(),
        ..Default::default()
    };
    f.parse(&[ngo]).unwrap()
}

/// A call for 2027: 10 000 €, open until 31 January 2027.
fn call_2027() -> CallInput {
    let call = CallForm {
        title: "Järjestöavustukset 2027".into(),
        year: "2027".into(),
        total_euros: "10 000".into(),
        deadline: "2027-01-31".into(),
        ..Default::default()
    };
    call.parse().unwrap()
}

async fn grants_are_applied_decided_and_reported(s: &dyn Store) {
    let kuopio = org(s, OrgKind::Municipality, "Kuopio").await;
    let ngo = org(s, OrgKind::Ngo, "Savon Vertaistuki ry").await;
    let c = s.create_call(kuopio.id, &call_2027(), Actor::SYSTEM).await.unwrap();
    assert_eq!(s.org_calls(kuopio.id).await.unwrap().len(), 1);
    assert_eq!(s.open_calls(day("2027-01-31")).await.unwrap().len(), 1);
    assert!(s.open_calls(day("2027-02-01")).await.unwrap().is_empty());

    let input = ApplicationInput::parse("Vertaistukiryhmän tilavuokrat", "6 000").unwrap();
    let late = s.apply_for_grant(c.id, ngo.id, &input, day("2027-02-01"), Actor::SYSTEM).await;
    assert_eq!(late.unwrap_err().code(), ErrorCode::CallClosed);
    let a = s.apply_for_grant(c.id, ngo.id, &input, day("2027-01-15"), Actor::SYSTEM).await.unwrap();
    let twice = s.apply_for_grant(c.id, ngo.id, &input, day("2027-01-16"), Actor::SYSTEM).await;
    assert_eq!(twice.unwrap_err().code(), ErrorCode::AlreadyApplied, "one application per call");
    let other = org(s, OrgKind::Ngo, "Kuopion Liikunta ry").await;
    let b = s.apply_for_grant(c.id, other.id, &input, day("2027-01-16"), Actor::SYSTEM).await.unwrap();
    for (who, kind) in [("Siilinjärvi", OrgKind::Municipality), ("Pohjois-Savo", OrgKind::WellbeingCounty)] {
        let public = org(s, kind, who).await;
        let refused = s.apply_for_grant(c.id, public.id, &input, day("2027-01-16"), Actor::SYSTEM).await;
        assert_eq!(refused.unwrap_err().code(), ErrorCode::ApplicantNotAllowed, "{who}");
    }
    let own = s.apply_for_grant(c.id, kuopio.id, &input, day("2027-01-16"), Actor::SYSTEM).await;
    assert_eq!(own.unwrap_err().code(), ErrorCode::ApplicantNotAllowed, "not to its own call");
    assert_eq!((a.status, a.applied_on), (ApplicationStatus::Applied, day("2027-01-15")));
    assert_eq!(s.call_applications(c.id).await.unwrap().len(), 2);
    assert_eq!(s.org_applications(ngo.id).await.unwrap().len(), 1);

    let early = UseReport::parse("Ei vielä", "", day("2027-03-01")).unwrap();
    let r = s.report_grant_use(a.id, a.version, &early, Actor::SYSTEM).await;
    assert_eq!(r.unwrap_err().code(), ErrorCode::StateTransitionInvalid, "only a granted one is reported");
    let grant = GrantDecision::parse("granted", "6 000", "2027-02-15", "Hyvinvointilautakunta 15.2.2027 § 5").unwrap();
    let applied = a.clone();
    let a = s.decide_application(a.id, a.version, &grant, Actor::SYSTEM).await.unwrap();
    assert_eq!((a.status, a.granted()), (ApplicationStatus::Granted, 6000));
    let expected = GrantApplication {
        status: ApplicationStatus::Granted,
        decision: Some(grant.clone()),
        version: applied.version + 1,
        ..applied
    };
    assert_written(&a, s.get_application(a.id).await.unwrap(), &expected);
    let stale = s.decide_application(a.id, a.version - 1, &grant, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let over = s.decide_application(b.id, b.version, &grant, Actor::SYSTEM).await;
    assert_eq!(over.unwrap_err().code(), ErrorCode::BudgetExceeded, "6 000 + 6 000 > 10 000");
    let reject = GrantDecision::parse("rejected", "", "2027-02-15", "§ 5").unwrap();
    let b = s.decide_application(b.id, b.version, &reject, Actor::SYSTEM).await.unwrap();
    assert_eq!((b.status, b.granted()), (ApplicationStatus::Rejected, 0));
    assert_eq!(s.get_application(b.id).await.unwrap().as_ref(), Some(&b), "stored as returned");
    let again = s.decide_application(b.id, b.version, &grant, Actor::SYSTEM).await;
    assert_eq!(again.unwrap_err().code(), ErrorCode::StateTransitionInvalid);

    let report = UseReport::parse("Ryhmä kokoontui 20 kertaa.", "5 800", day("2027-12-01")).unwrap();
    let a = s.report_grant_use(a.id, a.version, &report, Actor::SYSTEM).await.unwrap();
    assert_eq!(a.status, ApplicationStatus::Reported);
    assert_eq!(a.report.as_ref().unwrap().euros_used, Some(5800));
    assert_eq!(a.decision.as_ref().unwrap().euros_granted, Some(6000), "the decision is kept");
    assert_eq!(s.get_application(a.id).await.unwrap().unwrap(), a);

    let mut smaller = c.input.clone();
    smaller.total_euros = 5000;
    let shrink = s.update_call(kuopio.id, c.id, c.version, &smaller, Actor::SYSTEM).await;
    assert_eq!(shrink.unwrap_err().code(), ErrorCode::BudgetExceeded);
    smaller.total_euros = 12_000;
    let c2 = s.update_call(kuopio.id, c.id, c.version, &smaller, Actor::SYSTEM).await.unwrap();
    let expected = GrantCall { input: smaller.clone(), version: c.version + 1, ..c.clone() };
    assert_written(&c2, s.get_call(c.id).await.unwrap(), &expected);
    let stale = s.update_call(kuopio.id, c.id, c.version, &smaller, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    assert_eq!(s.update_call(ngo.id, c.id, 2, &smaller, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::NotFound);

    for (org, expected) in [(kuopio.id, 5), (ngo.id, 3), (other.id, 2)] {
        let log = s.audit_log(org, 50).await.unwrap();
        let steps = log.iter().filter(|e| e.action.starts_with("grant.")).count();
        assert_eq!(steps, expected, "the granting side logs apply ×2, decide ×2 and report; each applicant its own");
    }
}

async fn premises_are_offered_and_listed(s: &dyn Store) {
    let kuopio = org(s, OrgKind::Municipality, "Kuopio").await;
    let f = PremisesForm {
        name: "Kirjaston kokoushuone".into(),
        address: "Maaherrankatu 12".into(),
        capacity: "20".into(),
        available_for: "Yhdistysten kokoukset".into(),
        booking_contact: "tilat@kuopio.example".into(),
        published: "1".into(),
        ..Default::default()
    };
    let p = s.create_premises(kuopio.id, &f.parse(&[]).unwrap(), Actor::SYSTEM).await.unwrap();
    let hidden = PremisesForm { name: "Varasto".into(), published: String::new(), ..f };
    s.create_premises(kuopio.id, &hidden.parse(&[]).unwrap(), Actor::SYSTEM).await.unwrap();
    assert_eq!(s.org_premises(kuopio.id).await.unwrap().len(), 2);
    assert_eq!(s.published_premises().await.unwrap().iter().map(|p| p.id).collect::<Vec<_>>(), [p.id]);
    let mut priced = p.input.clone();
    priced.price = Some("20 € / ilta".into());
    let p2 = s.update_premises(kuopio.id, p.id, p.version, &priced, Actor::SYSTEM).await.unwrap();
    assert_written(
        &p2,
        s.get_premises(p.id).await.unwrap(),
        &Premises { input: priced.clone(), version: p.version + 1, ..p.clone() },
    );
    let stale = s.update_premises(kuopio.id, p.id, p.version, &priced, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let log = s.audit_log(kuopio.id, 50).await.unwrap();
    assert_eq!(log.iter().filter(|e| e.action.starts_with("premises.")).count(), 3);
    assert_eq!(log.iter().filter(|e| e.action.starts_with("grant_call.")).count(), 0);
}

/// Parallel writers with the same version on a partner and a grant call: one wins each race. Then
/// eight applications of 2 000 € decided at once against a call of 10 000 €: five are granted, three
/// get `budget_exceeded` (the call's row is locked before the sum), the budget holds.
async fn concurrent_partner_and_call_edits_conflict_and_grants_keep_the_budget(s: &dyn Store) {
    let kuopio = org(s, OrgKind::Municipality, "Kuopio").await;
    let ngo = org(s, OrgKind::Ngo, "Savon Vertaistuki ry").await;
    let p = s.add_partner(kuopio.id, &volunteer(ngo.id), Actor::SYSTEM).await.unwrap();
    let (org_id, p_id, version) = (kuopio.id, p.id, p.version);
    let results = race(WRITERS, |i| {
        let mut input = p.input.clone();
        input.contact_name = format!("Yhteyshenkilö {i}");
        async move { s.update_partner(org_id, p_id, version, &input, Actor::SYSTEM).await }
    })
    .await;
    one_wins("partner", &results);

    let c = s.create_call(org_id, &call_2027(), Actor::SYSTEM).await.unwrap();
    let (c_id, version) = (c.id, c.version);
    let results = race(WRITERS, |i| {
        let mut input = c.input.clone();
        input.title = format!("Järjestöavustukset {i}");
        async move { s.update_call(org_id, c_id, version, &input, Actor::SYSTEM).await }
    })
    .await;
    one_wins("grant call", &results);

    let input = ApplicationInput::parse("Vertaistukiryhmän tilavuokrat", "2 000").unwrap();
    let mut applications = vec![];
    for i in 0..8 {
        // One application per call per applicant: eight NGOs apply.
        let applicant = if i == 0 { ngo.id } else { org(s, OrgKind::Ngo, &format!("Yhdistys {i} ry")).await.id };
        applications.push(s.apply_for_grant(c_id, applicant, &input, day("2027-01-15"), Actor::SYSTEM).await.unwrap());
    }
    let grant = GrantDecision::parse("granted", "2 000", "2027-02-15", "§ 5").unwrap();
    let results = race(applications.len(), |i| {
        let (id, version) = (applications[i].id, applications[i].version);
        let grant = grant.clone();
        async move { s.decide_application(id, version, &grant, Actor::SYSTEM).await }
    })
    .await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 5, "{results:?}");
    for lost in results.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(lost.code(), ErrorCode::BudgetExceeded, "{lost:?}");
    }
    let granted: i64 = s.call_applications(c_id).await.unwrap().iter().map(|a| a.granted()).sum();
    assert_eq!(granted, 10_000);
}
