//! Conformance of the negotiation store: a negotiation and a sent report are reached by the county
//! and by their municipality only, ids in inputs are checked, and concurrent edits conflict.
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::conformance::{one_wins, org, race, sample_areas, WRITERS};
use crate::*;
use hyte_domain::cooperation::AgreementInput;
use hyte_domain::reports::{Approval, NewReport, ReportState};
use hyte_domain::support::negotiation::{prefilled_agenda, AgendaFacts, AgendaItem, AgendaKind, NegotiationInput};
use hyte_domain::{ErrorCode, Names, OrgKind};

/// A county with two member municipalities, and a municipality of no county.
pub struct Region {
    pub county: i64,
    pub kuopio: i64,
    pub siilinjarvi: i64,
    pub outsider: i64,
}

pub async fn region(s: &dyn Store) -> Region {
    s.import_areas(&sample_areas()).await.unwrap();
    let area =
        |kind: &'static str, code: &'static str| async move { s.get_area(kind, code).await.unwrap().unwrap().id };
    let mk = |kind: OrgKind, fi: &'static str, area_id: Option<i64>| async move {
        let new = NewOrganisation { kind, names: Names::new(fi, None, None), area_id };
        s.create_organisation(&new, Actor::SYSTEM).await.unwrap().id
    };
    Region {
        county: mk(OrgKind::WellbeingCounty, "Pohjois-Savo", Some(area("wellbeing_county", "13").await)).await,
        kuopio: mk(OrgKind::Municipality, "Kuopio", Some(area("municipality", "297").await)).await,
        siilinjarvi: mk(OrgKind::Municipality, "Siilinjärvi", Some(area("municipality", "749").await)).await,
        outsider: org(s, OrgKind::Municipality, "Oulu").await.id,
    }
}

pub async fn negotiations_are_reached_by_the_county_and_the_municipality(s: &dyn Store) {
    let r = region(s).await;
    let input = NegotiationInput::parse("2026-03-12", "Kuopion kaupungintalo", "Anna, Pekka", "").unwrap();
    let facts = AgendaFacts { priorities: vec!["Liikkuminen".into()], ..Default::default() };
    let agenda = prefilled_agenda(&facts);
    let n = s.create_negotiation(r.county, r.kuopio, &input, &agenda, Actor::SYSTEM).await.unwrap();
    // The whole record comes back, to both sides.
    assert_eq!((n.county_org_id, n.org_id, n.year, n.version), (r.county, r.kuopio, 2026, 1));
    assert_eq!((&n.input, &n.agenda), (&input, &agenda));
    assert_eq!(s.negotiation(r.kuopio, n.id).await.unwrap().as_ref(), Some(&n));
    assert_eq!(s.negotiations(r.county).await.unwrap(), std::slice::from_ref(&n));
    assert_eq!(s.negotiations(r.kuopio).await.unwrap(), std::slice::from_ref(&n));
    // Others do not reach it.
    assert_eq!(s.negotiation(r.siilinjarvi, n.id).await.unwrap(), None);
    assert_eq!(s.negotiation(r.outsider, n.id).await.unwrap(), None);
    assert!(s.negotiations(r.outsider).await.unwrap().is_empty());
    // A municipality outside the county, or one opening a negotiation itself, is refused; one a year.
    let foreign = s.create_negotiation(r.county, r.outsider, &input, &agenda, Actor::SYSTEM).await;
    assert_eq!(foreign.unwrap_err().code(), ErrorCode::NotFound);
    let by_town = s.create_negotiation(r.kuopio, r.siilinjarvi, &input, &agenda, Actor::SYSTEM).await;
    assert_eq!(by_town.unwrap_err().code(), ErrorCode::NotFound);
    let twice = s.create_negotiation(r.county, r.kuopio, &input, &agenda, Actor::SYSTEM).await;
    assert_eq!(twice.unwrap_err().code(), ErrorCode::NameTaken);
    let too_long = vec![agenda[0].clone(); 31];
    let refused = s.create_negotiation(r.county, r.siilinjarvi, &input, &too_long, Actor::SYSTEM).await;
    assert_eq!(refused.unwrap_err().code(), ErrorCode::InvalidInput);

    // Either side edits; a stale version conflicts; outsiders get not_found.
    let mut edited = agenda.clone();
    edited.push(AgendaItem::parse(AgendaKind::Own, "Hyvinvointikertomuksen aikataulu", "Syksy").unwrap());
    let minutes = NegotiationInput { minutes: Some("Sovittiin".into()), ..input.clone() };
    let n2 = s.update_negotiation(r.kuopio, n.id, n.version, &minutes, &edited, Actor::SYSTEM).await.unwrap();
    assert_eq!((n2.version, &n2.agenda, &n2.input), (2, &edited, &minutes));
    let stale = s.update_negotiation(r.county, n.id, n.version, &minutes, &agenda, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let outsider = s.update_negotiation(r.siilinjarvi, n.id, n2.version, &minutes, &agenda, Actor::SYSTEM).await;
    assert_eq!(outsider.unwrap_err().code(), ErrorCode::NotFound);
    let results = race(WRITERS, |i| {
        let input = NegotiationInput { minutes: Some(format!("Kirjoittaja {i}")), ..input.clone() };
        let agenda = agenda.clone();
        async move { s.update_negotiation(r.county, n.id, n2.version, &input, &agenda, Actor::SYSTEM).await }
    })
    .await;
    one_wins("negotiation", &results);

    // Agreed actions: cooperation agreements, tracked to done.
    let what = AgreementInput::parse("Nimetään väkivallan ehkäisyn yhdyshenkilö", "Kuopio", "2026-05-31").unwrap();
    let a = s.add_agreed_action(r.county, n.id, &what, Actor::SYSTEM).await.unwrap();
    assert_eq!((a.negotiation_id, &a.input, a.done_on, a.version), (n.id, &what, None, 1));
    let refused = s.add_agreed_action(r.siilinjarvi, n.id, &what, Actor::SYSTEM).await;
    assert_eq!(refused.unwrap_err().code(), ErrorCode::NotFound);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 5, 2);
    let done = s.set_agreed_action_done(r.kuopio, a.id, a.version, day, Actor::SYSTEM).await.unwrap();
    assert_eq!((done.done_on, done.version), (day, 2));
    let stale = s.set_agreed_action_done(r.county, a.id, a.version, None, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let outsider = s.set_agreed_action_done(r.outsider, a.id, done.version, None, Actor::SYSTEM).await;
    assert_eq!(outsider.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(s.agreed_actions(r.county, Some(n.id)).await.unwrap(), std::slice::from_ref(&done));
    assert_eq!(s.agreed_actions(r.kuopio, None).await.unwrap(), std::slice::from_ref(&done));
    assert!(s.agreed_actions(r.siilinjarvi, None).await.unwrap().is_empty());
    assert!(s.agreed_actions(r.outsider, Some(n.id)).await.unwrap().is_empty());
    let results =
        race(
            WRITERS,
            |_| async move { s.set_agreed_action_done(r.county, a.id, done.version, None, Actor::SYSTEM).await },
        )
        .await;
    one_wins("agreed action", &results);
}

pub async fn a_municipality_sends_its_approved_report_to_its_county(s: &dyn Store) {
    let r = region(s).await;
    assert_eq!(s.county_of(r.kuopio).await.unwrap().map(|o| o.id), Some(r.county));
    assert_eq!(s.county_of(r.outsider).await.unwrap(), None);
    assert_eq!(s.county_of(r.county).await.unwrap(), None);
    let new = NewReport::parse("term", "2025–2029", "", &["fi"], "Hyvinvointikertomus 2025–2029", None).unwrap();
    let report = s.create_report(r.kuopio, &new, Actor::SYSTEM).await.unwrap();
    let draft = s.send_report(r.kuopio, report.id, Actor::SYSTEM).await;
    assert_eq!(draft.unwrap_err().code(), ErrorCode::StateTransitionInvalid, "a draft is not sent");
    let report =
        s.set_report_state(report.id, report.version, ReportState::InReview, None, Actor::SYSTEM).await.unwrap();
    let a = Approval::parse("Valtuusto", "1.6.2026", "§ 1").unwrap();
    let report =
        s.set_report_state(report.id, report.version, ReportState::Approved, Some(&a), Actor::SYSTEM).await.unwrap();
    // Not the sender's report; a municipality of no county.
    let foreign = s.send_report(r.siilinjarvi, report.id, Actor::SYSTEM).await;
    assert_eq!(foreign.unwrap_err().code(), ErrorCode::NotFound);
    let theirs = s.create_report(r.outsider, &new, Actor::SYSTEM).await.unwrap();
    let theirs =
        s.set_report_state(theirs.id, theirs.version, ReportState::InReview, None, Actor::SYSTEM).await.unwrap();
    let theirs =
        s.set_report_state(theirs.id, theirs.version, ReportState::Approved, Some(&a), Actor::SYSTEM).await.unwrap();
    assert_eq!(s.send_report(r.outsider, theirs.id, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(s.send_report(r.kuopio, 9_999, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::NotFound);

    let sent = s.send_report(r.kuopio, report.id, Actor::SYSTEM).await.unwrap();
    assert_eq!(
        (sent.report_id, sent.org_id, sent.county_org_id, sent.content_version, sent.version),
        (report.id, r.kuopio, r.county, 1, 1)
    );
    assert_eq!(
        (sent.report_title.as_str(), sent.acknowledged_at, sent.feedback.as_deref()),
        (report.title.as_str(), None, None)
    );
    let again = s.send_report(r.kuopio, report.id, Actor::SYSTEM).await;
    assert_eq!(again.unwrap_err().code(), ErrorCode::StateTransitionInvalid, "a version is sent once");
    assert_eq!(s.sent_reports(r.county).await.unwrap(), std::slice::from_ref(&sent));
    assert_eq!(s.sent_reports(r.kuopio).await.unwrap(), std::slice::from_ref(&sent));
    assert!(s.sent_reports(r.siilinjarvi).await.unwrap().is_empty());

    // Only the county acknowledges and writes feedback; versioned.
    let by_sender = s.acknowledge_sent(r.kuopio, sent.id, sent.version, Actor::SYSTEM).await;
    assert_eq!(by_sender.unwrap_err().code(), ErrorCode::NotFound);
    let ack = s.acknowledge_sent(r.county, sent.id, sent.version, Actor::SYSTEM).await.unwrap();
    assert!(ack.acknowledged_at.is_some());
    assert_eq!(ack.version, 2);
    let stale = s.sent_feedback(r.county, sent.id, sent.version, Some("Hyvä"), Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let fb = s.sent_feedback(r.county, sent.id, ack.version, Some("Selkeä kertomus"), Actor::SYSTEM).await.unwrap();
    assert_eq!(
        (fb.feedback.as_deref(), fb.acknowledged_at, fb.version),
        (Some("Selkeä kertomus"), ack.acknowledged_at, 3)
    );
    let outsider = s.sent_feedback(r.outsider, sent.id, fb.version, None, Actor::SYSTEM).await;
    assert_eq!(outsider.unwrap_err().code(), ErrorCode::NotFound);
    let too_long = "x".repeat(8_001);
    let refused = s.sent_feedback(r.county, sent.id, fb.version, Some(&too_long), Actor::SYSTEM).await;
    assert_eq!(refused.unwrap_err().code(), ErrorCode::TooLong);
    assert_eq!(s.sent_reports(r.kuopio).await.unwrap(), std::slice::from_ref(&fb));
    let results = race(WRITERS, |i| {
        let text = format!("Palaute {i}");
        async move { s.sent_feedback(r.county, sent.id, fb.version, Some(&text), Actor::SYSTEM).await }
    })
    .await;
    one_wins("sent report feedback", &results);
}
