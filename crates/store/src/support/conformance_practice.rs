//! Conformance of the good-practice library: whole records, who reaches what, the one-transaction
//! adoption into a plan, imports, recommendations to member municipalities, edit conflicts.
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::conformance::{assert_written, indicator, one_wins, org, race, sample_areas};
use crate::support::MeasurePractice;
use crate::*;
use hyte_domain::reports::{GoalForm, NewReport, PriorityInput};
use hyte_domain::support::practice::{AdoptionInput, PracticeForm, PracticeInput, RecommendationInput};
use hyte_domain::support::ContentArea;
use hyte_domain::{ErrorCode, Lang, Names, OrgKind};

fn input(name: &str) -> PracticeInput {
    PracticeForm {
        name_fi: name.into(),
        name_sv: format!("{name} (sv)"),
        summary_fi: "Mitä se on.".into(),
        summary_en: "What it is.".into(),
        costs_fi: "Vähäiset.".into(),
        target_groups: vec!["children".into(), "families".into()],
        area: "physical_activity".into(),
        evidence: "evaluated_locally".into(),
        links: "https://example.org/practice".into(),
        contact: "hyte@example.org".into(),
        ..Default::default()
    }
    .parse()
    .unwrap()
}

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

pub(super) async fn practices_are_whole_records_reached_by_their_owner_or_when_published(s: &dyn Store) {
    let county = org(s, OrgKind::WellbeingCounty, "Pohjois-Savon hyvinvointialue").await;
    let other = org(s, OrgKind::Municipality, "Oulu").await;
    let p = s.create_practice(county.id, &input("Liikkuva koulu"), Actor::SYSTEM).await.unwrap();
    assert_eq!((p.org_id, p.published, p.version, &p.input), (county.id, false, 1, &input("Liikkuva koulu")));
    assert_written(&p, s.practice(county.id, p.id).await.unwrap(), &p);
    assert_eq!(s.practice(other.id, p.id).await.unwrap(), None, "unpublished: its owner only");
    assert_eq!(s.published_practice(p.id).await.unwrap(), None);
    assert!(s.published_practices().await.unwrap().is_empty());
    let e = s.update_practice(other.id, p.id, 1, &input("x"), Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound, "another organisation's practice");
    let e = s.publish_practice(other.id, p.id, 1, true, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);

    let edited = PracticeInput { evidence: hyte_domain::support::practice::EvidenceLevel::Described, ..input("LK") };
    let p2 = s.update_practice(county.id, p.id, 1, &edited, Actor::SYSTEM).await.unwrap();
    assert_eq!((p2.version, &p2.input), (2, &edited));
    let stale = s.update_practice(county.id, p.id, 1, &input("y"), Actor::SYSTEM).await.unwrap_err();
    assert_eq!(stale.code(), ErrorCode::EditConflict);
    let published = s.publish_practice(county.id, p.id, 2, true, Actor::SYSTEM).await.unwrap();
    assert_eq!((published.published, published.version), (true, 3));
    assert_written(&published, s.practice(other.id, p.id).await.unwrap(), &published);
    assert_written(&published, s.published_practice(p.id).await.unwrap(), &published);
    assert_eq!(s.published_practices().await.unwrap(), vec![published.clone()]);
    assert_eq!(s.org_practices(county.id).await.unwrap(), vec![published.clone()]);
    assert!(s.org_practices(other.id).await.unwrap().is_empty());

    // Concurrent edits from the same version: one wins, the others conflict.
    let results = race(4, |i| {
        let inp = input(&format!("Versio {i}"));
        async move { s.update_practice(county.id, p.id, 3, &inp, Actor::SYSTEM).await }
    })
    .await;
    one_wins("practice edit", &results);

    // An import: the importer's own, unpublished, its source kept (also through edits).
    let with_source = |n: &str| PracticeInput { source: Some("Keski-Suomen hyvinvointialue".into()), ..input(n) };
    let imported = s.import_practices(other.id, &[with_source("A"), with_source("B")], Actor::SYSTEM).await.unwrap();
    assert_eq!(imported.len(), 2);
    assert!(imported.iter().all(|p| p.org_id == other.id && !p.published));
    assert_eq!(imported[1].input, with_source("B"));
    assert_eq!(s.org_practices(other.id).await.unwrap(), imported);
    let edited = s.update_practice(other.id, imported[0].id, 1, &input("A2"), Actor::SYSTEM).await.unwrap();
    assert_eq!(edited.input.source.as_deref(), Some("Keski-Suomen hyvinvointialue"));
}

pub(super) async fn adopting_a_practice_makes_a_measure_and_an_adoption_in_one_transaction(s: &dyn Store) {
    let county = org(s, OrgKind::WellbeingCounty, "Pohjois-Savon hyvinvointialue").await;
    let kuopio = org(s, OrgKind::Municipality, "Kuopio").await;
    let oulu = org(s, OrgKind::Municipality, "Oulu").await;
    let p = s.create_practice(county.id, &input("Liikkuva koulu"), Actor::SYSTEM).await.unwrap();
    let draft = s.create_practice(county.id, &input("Luonnos"), Actor::SYSTEM).await.unwrap();
    let p = s.publish_practice(county.id, p.id, 1, true, Actor::SYSTEM).await.unwrap();
    s.upsert_indicators(&[indicator("4404", "Päivittäin tupakoivat, %", "Dagligrökare, %", false)]).await.unwrap();
    let ind = s.indicator_ids("sotkanet", None).await.unwrap()["4404"].0;
    let new = NewReport::parse("term", "2025–2029", "", &["fi"], "Hyvinvointikertomus", None).unwrap();
    let report = s.create_report(kuopio.id, &new, Actor::SYSTEM).await.unwrap();
    let theirs = s.create_report(oulu.id, &new, Actor::SYSTEM).await.unwrap();
    let goal = |r: i64| async move {
        let pr = s.add_priority(r, &PriorityInput::parse("Liike", "").unwrap(), Actor::SYSTEM).await.unwrap();
        let g = GoalForm {
            priority_id: pr.id.to_string(),
            title: "Liikkuminen lisääntyy".into(),
            indicator_id: ind.to_string(),
            baseline_year: "2024".into(),
            baseline_value: "10".into(),
            target_year: "2029".into(),
            target_value: "12".into(),
        };
        s.add_goal(r, &g.parse().unwrap(), Actor::SYSTEM).await.unwrap()
    };
    let g = goal(report.id).await;
    let foreign_goal = goal(theirs.id).await;
    let adopt = |report_id: i64, goal_id: Option<i64>| AdoptionInput {
        report_id,
        goal_id,
        since: date("2026-01-15"),
        results: Some("Välitunnit aktiivisempia.".into()),
        lang: Lang::Sv,
    };
    let nothing_written = || async {
        assert!(s.plan(report.id).await.unwrap().measures.is_empty(), "no measure");
        assert!(s.org_adoptions(kuopio.id).await.unwrap().is_empty(), "no adoption");
    };
    // Every id is checked: another's report, a goal of another report, an unpublished practice.
    for (pid, inp, what) in [
        (p.id, adopt(theirs.id, None), "another organisation's report"),
        (p.id, adopt(report.id, Some(foreign_goal.id)), "a goal of another report"),
        (draft.id, adopt(report.id, None), "another's unpublished practice"),
        (9_999, adopt(report.id, None), "no such practice"),
    ] {
        let e = s.adopt_practice(kuopio.id, pid, &inp, Actor::SYSTEM).await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::NotFound, "{what}");
        nothing_written().await;
    }
    assert!(s.plan(theirs.id).await.unwrap().measures.is_empty(), "nothing in the other plan either");

    let (a, m) = s.adopt_practice(kuopio.id, p.id, &adopt(report.id, Some(g.id)), Actor::SYSTEM).await.unwrap();
    assert_eq!(
        (m.report_id, m.input.title.as_str(), m.goal_ids.clone()),
        (report.id, "Liikkuva koulu (sv)", vec![g.id])
    );
    assert_eq!(m.input.description.as_deref(), Some("Mitä se on."), "no Swedish summary: the first that exists");
    assert_eq!(m.input.start_year, Some(2026));
    let expected = hyte_domain::support::practice::Adoption {
        id: a.id,
        practice_id: p.id,
        org_id: kuopio.id,
        measure_id: Some(m.id),
        report_id: Some(report.id),
        since: date("2026-01-15"),
        results: Some("Välitunnit aktiivisempia.".into()),
    };
    assert_eq!(a, expected);
    assert_eq!(s.plan(report.id).await.unwrap().measures, vec![m.clone()]);
    assert_eq!(s.org_adoptions(kuopio.id).await.unwrap(), vec![expected.clone()]);
    assert_eq!(s.practice_adoptions(None, p.id).await.unwrap(), vec![expected.clone()]);
    assert_eq!(s.practice_adoptions(None, draft.id).await.unwrap_err().code(), ErrorCode::NotFound);
    let linked = s.measure_practices(kuopio.id, report.id).await.unwrap();
    assert_eq!(
        linked,
        vec![MeasurePractice {
            measure_id: m.id,
            practice_id: p.id,
            name: p.input.name.clone(),
            published: true,
            owner_id: county.id
        }]
    );
    assert_eq!(s.measure_practices(oulu.id, report.id).await.unwrap_err().code(), ErrorCode::NotFound);
    // The measure removed from the plan: the adoption stays, unlinked.
    s.delete_measure(report.id, m.id, m.version, Actor::SYSTEM).await.unwrap();
    let left = s.org_adoptions(kuopio.id).await.unwrap();
    assert_eq!(left, vec![hyte_domain::support::practice::Adoption { measure_id: None, report_id: None, ..expected }]);
    assert!(s.measure_practices(kuopio.id, report.id).await.unwrap().is_empty());
    // Its own unpublished practice an organisation adopts too.
    let mine = s.create_practice(kuopio.id, &input("Oma"), Actor::SYSTEM).await.unwrap();
    s.adopt_practice(kuopio.id, mine.id, &adopt(report.id, None), Actor::SYSTEM).await.unwrap();
}

pub(super) async fn a_county_recommends_practices_to_its_member_municipalities(s: &dyn Store) {
    s.import_areas(&sample_areas()).await.unwrap();
    let area =
        |kind: &'static str, code: &'static str| async move { s.get_area(kind, code).await.unwrap().unwrap().id };
    let mk = |kind: OrgKind, fi: &'static str, area_id: Option<i64>| async move {
        let new = NewOrganisation { kind, names: Names::new(fi, None, None), area_id };
        s.create_organisation(&new, Actor::SYSTEM).await.unwrap()
    };
    let county = mk(OrgKind::WellbeingCounty, "Pohjois-Savo", Some(area("wellbeing_county", "13").await)).await;
    let kuopio = mk(OrgKind::Municipality, "Kuopio", Some(area("municipality", "297").await)).await;
    let siilinjarvi = mk(OrgKind::Municipality, "Siilinjärvi", Some(area("municipality", "749").await)).await;
    let oulu = org(s, OrgKind::Municipality, "Oulu").await;
    let p = s.create_practice(county.id, &input("Neuvokas perhe"), Actor::SYSTEM).await.unwrap();
    let rec = |practice_id: i64, municipality_id: Option<i64>| RecommendationInput {
        year: 2026,
        area: ContentArea::Nutrition,
        practice_id,
        municipality_id,
        note: Some("Ylipaino lisääntynyt".into()),
    };
    let e = s.recommend_practice(county.id, &rec(p.id, None), Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound, "an unpublished practice is not recommended");
    let p = s.publish_practice(county.id, p.id, 1, true, Actor::SYSTEM).await.unwrap();
    let e = s.recommend_practice(kuopio.id, &rec(p.id, None), Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::Forbidden, "a municipality does not recommend");
    let e = s.recommend_practice(county.id, &rec(p.id, Some(oulu.id)), Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound, "not a member municipality");
    let all = s.recommend_practice(county.id, &rec(p.id, None), Actor::SYSTEM).await.unwrap();
    let one = s.recommend_practice(county.id, &rec(p.id, Some(siilinjarvi.id)), Actor::SYSTEM).await.unwrap();
    assert_eq!((all.county_id, &all.input), (county.id, &rec(p.id, None)));
    assert_eq!(s.recommendations(county.id).await.unwrap(), vec![all.clone(), one.clone()]);
    assert_eq!(s.recommendations(kuopio.id).await.unwrap(), vec![all.clone()]);
    assert_eq!(s.recommendations(siilinjarvi.id).await.unwrap(), vec![all.clone(), one.clone()]);
    assert!(s.recommendations(oulu.id).await.unwrap().is_empty(), "not the county's member");
    let e = s.delete_recommendation(kuopio.id, one.id, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
    s.delete_recommendation(county.id, one.id, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.recommendations(siilinjarvi.id).await.unwrap(), vec![all]);
}
