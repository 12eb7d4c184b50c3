//! Conformance checks of [`crate::AssessmentStore`] (part of the suite in [`crate::conformance`]).
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::conformance::{assert_written, indicator, national_and_own_indicators, one_wins, org, race, WRITERS};
use crate::*;
use chrono::NaiveDate;
use hyte_domain::assessment::{Alternative, Assessment, Decision, Template};
use hyte_domain::assessment::{
    AlternativeInput, AssessmentStatus, Citation, DecisionForm, DecisionOutcome, DecisionStatus, FollowUp,
    ParticipantInput, Rating, RuleInput, TemplateForm,
};
use hyte_domain::{ErrorCode, OrgKind};

crate::conformance_cases!($ assessment_cases, assessment:
    assessment_defaults_rules_and_templates,
    decisions_are_assessed_decided_and_followed_up,
    assessments_are_locked_and_keep_their_template,
    citations_use_only_national_or_own_indicators,
    concurrent_decision_edits_conflict,
);

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn school_closure() -> DecisionForm {
    DecisionForm {
        title: "Kyläkoulun lakkauttaminen".into(),
        body: "council".into(),
        decision_type: "service_network".into(),
        preparer: "Opetusjohtaja".into(),
        planned_on: "2027-03-15".into(),
        ..Default::default()
    }
}

fn rating(alternative_id: i64, group: usize, v: i32) -> Rating {
    Rating {
        alternative_id,
        area: 0,
        group,
        short_term: Some(v),
        long_term: None,
        uncertain: false,
        justification: Some("Perustelu".into()),
    }
}

async fn assessment_defaults_rules_and_templates(s: &dyn Store) {
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let templates = s.assessment_templates(o.id).await.unwrap();
    assert_eq!(
        templates.iter().map(|t| t.key.as_str()).collect::<Vec<_>>(),
        ["iva", "lava", "economic", "environmental", "organisational"]
    );
    assert_eq!(s.assessment_templates(o.id).await.unwrap().len(), 5, "defaults are created once");
    let rules = s.assessment_rules(o.id).await.unwrap();
    assert_eq!(rules.len(), 5);
    let d = school_closure().parse(&[]).unwrap();
    assert_eq!(hyte_domain::assessment::required_templates(&rules, &d), ["iva", "lava"]);

    let keys: Vec<String> = templates.iter().map(|t| t.key.clone()).collect();
    let r = RuleInput::parse("economic", "committee", "", "", "50 000", &keys, &[]).unwrap();
    let added = s.add_rule(o.id, &r, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.assessment_rules(o.id).await.unwrap().len(), 6);
    let other = org(s, OrgKind::Municipality, "Oulu").await;
    assert_eq!(s.delete_rule(other.id, added.id, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::NotFound);
    s.delete_rule(o.id, added.id, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.assessment_rules(o.id).await.unwrap().len(), 5);

    let own = TemplateForm {
        name_fi: "Kulttuurivaikutukset".into(),
        areas: "Kulttuuripalvelut | Kulturtjänster | Cultural services".into(),
        groups: "Asukkaat | Invånare | Residents | 127".into(),
        scale_min: "-3".into(),
        scale_max: "3".into(),
        ..Default::default()
    };
    let t = s.create_template(o.id, "kulttuuri", &own.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    assert_eq!(t.def.scale.max, 3);
    let dup = s.create_template(o.id, "kulttuuri", &t.def, Actor::SYSTEM).await;
    assert_eq!(dup.unwrap_err().code(), ErrorCode::NameTaken);
    let stale = s.update_template(o.id, t.id, t.version + 1, &t.def, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let log = s.audit_log(o.id, 50).await.unwrap();
    assert!(log.iter().any(|e| e.action == "template.create") && log.iter().any(|e| e.action == "rule.delete"));
}

async fn decisions_are_assessed_decided_and_followed_up(s: &dyn Store) {
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    s.upsert_indicators(&[indicator("179", "Lapsiperheet, % perheistä", "Barnfamiljer, %", false)]).await.unwrap();
    let ind = s.indicator_ids("sotkanet", None).await.unwrap()["179"].0;
    let d = s
        .create_decision(o.id, &school_closure().parse(&[]).unwrap(), "Nollavaihtoehto", "Ehdotus", Actor::SYSTEM)
        .await
        .unwrap();
    assert_eq!(d.status, DecisionStatus::Preparing);
    let alts = s.decision_alternatives(d.id).await.unwrap();
    assert_eq!((alts.len(), alts[0].is_zero, alts[1].is_zero), (2, true, false));
    assert_eq!(s.list_decisions(o.id).await.unwrap().len(), 1);

    // Required assessments are missing: neither assessed nor decided.
    let outcome =
        DecisionOutcome::parse("2027-03-15", "KV § 12", &alts[1].id.to_string(), "2028-03-15", &[alts[1].id]).unwrap();
    let early = s
        .set_decision_status(d.id, d.version, &DecisionStep::Decided(outcome.clone()), day("2027-03-15"), Actor::SYSTEM)
        .await;
    assert_eq!(early.unwrap_err().code(), ErrorCode::AssessmentMissing);
    let early = s.set_decision_status(d.id, d.version, &DecisionStep::Assessed, day("2027-03-01"), Actor::SYSTEM).await;
    assert_eq!(early.unwrap_err().code(), ErrorCode::AssessmentMissing);

    let templates = s.assessment_templates(o.id).await.unwrap();
    for key in ["iva", "lava"] {
        let t = templates.iter().find(|t| t.key == key).unwrap();
        let a = s.start_assessment(d.id, t.id, Actor::SYSTEM).await.unwrap();
        assert_eq!(s.start_assessment(d.id, t.id, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::NameTaken);
        let started = a.clone();
        let a = s
            .update_assessment(
                a.id,
                a.version,
                &[0, 4],
                Some("Lähikoulun säilyttäminen on lapsille parempi."),
                Actor::SYSTEM,
            )
            .await
            .unwrap();
        let expected = Assessment {
            groups: vec![0, 4],
            conclusion: Some("Lähikoulun säilyttäminen on lapsille parempi.".into()),
            version: started.version + 1,
            ..started.clone()
        };
        assert_written(&a, s.get_assessment(a.id).await.unwrap(), &expected);
        let stale = s.update_assessment(a.id, a.version - 1, &[0], None, Actor::SYSTEM).await;
        assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
        let a = s.save_ratings(a.id, a.version, alts[0].id, &[rating(alts[0].id, 0, 1)], Actor::SYSTEM).await.unwrap();
        let bad = s.save_ratings(a.id, a.version, alts[1].id, &[rating(alts[1].id, 0, 7)], Actor::SYSTEM).await;
        assert_eq!(bad.unwrap_err().code(), ErrorCode::InvalidInput, "outside the scale");
        let a = s
            .save_ratings(
                a.id,
                a.version,
                alts[1].id,
                &[rating(alts[1].id, 0, -2), rating(alts[1].id, 4, -1)],
                Actor::SYSTEM,
            )
            .await
            .unwrap();
        assert_eq!(s.assessment_ratings(a.id).await.unwrap().len(), 3);
        if key == "lava" {
            let not_heard = s.set_assessment_status(a.id, a.version, AssessmentStatus::Complete, Actor::SYSTEM).await;
            assert_eq!(not_heard.unwrap_err().code(), ErrorCode::ChildrenNotHeard);
            let p = ParticipantInput::parse(
                "children",
                "Kyläkoulun oppilaat 3–6 lk",
                "2027-02-10",
                "Työpaja",
                "Koulumatka huolettaa",
            )
            .unwrap();
            s.add_participant(a.id, &p, Actor::SYSTEM).await.unwrap();
            assert_eq!(s.assessment_participants(a.id).await.unwrap().len(), 1);
        }
        let cite = Citation {
            assessment_id: a.id,
            indicator_id: ind,
            group: Some(0),
            baseline_year: Some(2019),
            baseline_value: Some(40.5),
        };
        s.cite(&cite, Actor::SYSTEM).await.unwrap();
        s.cite(&Citation { baseline_value: Some(41.0), ..cite }, Actor::SYSTEM).await.unwrap();
        let cited = s.assessment_citations(a.id).await.unwrap();
        assert_eq!((cited.len(), cited[0].baseline_value), (1, Some(41.0)));
        let before_done = s.get_assessment(a.id).await.unwrap().unwrap();
        let done = s.set_assessment_status(a.id, a.version, AssessmentStatus::Complete, Actor::SYSTEM).await.unwrap();
        assert_eq!(done.status, AssessmentStatus::Complete);
        let expected =
            Assessment { status: AssessmentStatus::Complete, version: before_done.version + 1, ..before_done };
        assert_written(&done, s.get_assessment(a.id).await.unwrap(), &expected);
    }
    assert_eq!(s.org_assessments(o.id).await.unwrap().len(), 2);
    let d = s
        .set_decision_status(d.id, d.version, &DecisionStep::Assessed, day("2027-03-01"), Actor::SYSTEM)
        .await
        .unwrap();
    assert_eq!(d.status, DecisionStatus::Assessed);
    let (assessed, decided) = (d.clone(), outcome.clone());
    assert_eq!(s.get_decision(d.id).await.unwrap().as_ref(), Some(&d), "stored as returned");
    let d = s
        .set_decision_status(d.id, d.version, &DecisionStep::Decided(outcome.clone()), day("2027-03-15"), Actor::SYSTEM)
        .await
        .unwrap();
    assert_eq!((d.status, d.outcome.as_ref().unwrap().chosen_alternative), (DecisionStatus::Decided, Some(alts[1].id)));
    assert!(!d.follow_up_due(day("2028-03-14")) && d.follow_up_due(day("2028-03-15")));
    let expected = Decision {
        status: DecisionStatus::Decided,
        outcome: Some(decided.clone()),
        version: assessed.version + 1,
        ..assessed
    };
    assert_written(&d, s.get_decision(d.id).await.unwrap(), &expected);
    let f = FollowUp::parse("partly", "Koulukuljetukset järjestettiin.", day("2028-01-01")).unwrap();
    let (decided_d, followed) = (d.clone(), f.clone());
    let not_due = s
        .set_decision_status(d.id, d.version, &DecisionStep::FollowedUp(f.clone()), day("2028-01-01"), Actor::SYSTEM)
        .await;
    assert_eq!(not_due.unwrap_err().code(), ErrorCode::FollowUpNotDue);
    let d = s
        .set_decision_status(d.id, d.version, &DecisionStep::FollowedUp(f), day("2028-03-20"), Actor::SYSTEM)
        .await
        .unwrap();
    assert_eq!(d.status, DecisionStatus::FollowedUp);
    assert_eq!(d.follow_up.as_ref().unwrap().note, "Koulukuljetukset järjestettiin.");
    assert_eq!(d.outcome.as_ref().unwrap().decision_ref, "KV § 12");
    let expected = Decision {
        status: DecisionStatus::FollowedUp,
        follow_up: Some(followed.clone()),
        version: decided_d.version + 1,
        ..decided_d
    };
    assert_written(&d, s.get_decision(d.id).await.unwrap(), &expected);
    let log = s.audit_log(o.id, 100).await.unwrap();
    for action in
        ["decision.create", "assessment.rate", "assessment.complete", "decision.decided", "decision.followed_up"]
    {
        assert!(log.iter().any(|e| e.action == action), "{action} audited");
    }
}

async fn assessments_are_locked_and_keep_their_template(s: &dyn Store) {
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let form = DecisionForm { body: "committee".into(), decision_type: "fees".into(), ..school_closure() };
    let d = s.create_decision(o.id, &form.parse(&[]).unwrap(), "Nolla", "Ehdotus", Actor::SYSTEM).await.unwrap();
    let iva = s.assessment_templates(o.id).await.unwrap().into_iter().find(|t| t.key == "iva").unwrap();
    let a = s.start_assessment(d.id, iva.id, Actor::SYSTEM).await.unwrap();

    // Editing the template leaves the running assessment's copy alone.
    let mut def = iva.def.clone();
    def.areas.truncate(2);
    let edited = s.update_template(o.id, iva.id, iva.version, &def, Actor::SYSTEM).await.unwrap();
    assert_eq!(edited.def.areas.len(), 2);
    let stored = s.assessment_templates(o.id).await.unwrap().into_iter().find(|t| t.id == iva.id);
    assert_written(&edited, stored, &Template { def: def.clone(), version: iva.version + 1, ..iva.clone() });
    assert_eq!(s.get_assessment(a.id).await.unwrap().unwrap().def.areas.len(), iva.def.areas.len());

    let extra = s
        .add_alternative(d.id, &AlternativeInput::parse("Maksujen porrastus", "").unwrap(), Actor::SYSTEM)
        .await
        .unwrap();
    let alts = s.decision_alternatives(d.id).await.unwrap();
    assert_eq!(alts.len(), 3);
    let renamed = s
        .update_alternative(
            d.id,
            extra.id,
            extra.version,
            &AlternativeInput::parse("Porrastus", "").unwrap(),
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    let stored = s.decision_alternatives(d.id).await.unwrap().into_iter().find(|x| x.id == extra.id);
    let expected =
        Alternative { name: "Porrastus".into(), description: None, version: extra.version + 1, ..extra.clone() };
    assert_written(&renamed, stored, &expected);
    let stale = s
        .update_alternative(d.id, extra.id, extra.version, &AlternativeInput::parse("X", "").unwrap(), Actor::SYSTEM)
        .await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    assert_eq!(
        s.delete_alternative(d.id, alts[0].id, Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::InvalidInput,
        "the zero option stays"
    );
    let a = s.update_assessment(a.id, a.version, &[3], None, Actor::SYSTEM).await.unwrap();
    let a = s.save_ratings(a.id, a.version, renamed.id, &[rating(renamed.id, 3, 1)], Actor::SYSTEM).await.unwrap();
    s.delete_alternative(d.id, renamed.id, Actor::SYSTEM).await.unwrap();
    assert!(s.assessment_ratings(a.id).await.unwrap().is_empty(), "its ratings went with it");

    // No assessment is required: it can be decided straight away; then everything is locked.
    let outcome = DecisionOutcome::parse("2027-04-01", "Ltk § 3", "", "", &[]).unwrap();
    let d = s
        .set_decision_status(d.id, d.version, &DecisionStep::Decided(outcome), day("2027-04-01"), Actor::SYSTEM)
        .await
        .unwrap();
    let locked = s.update_decision(d.id, d.version, &form.parse(&[]).unwrap(), Actor::SYSTEM).await;
    assert_eq!(locked.unwrap_err().code(), ErrorCode::DecisionLocked);
    let locked = s.update_assessment(a.id, a.version, &[0], None, Actor::SYSTEM).await;
    assert_eq!(locked.unwrap_err().code(), ErrorCode::DecisionLocked);
    let locked = s.add_alternative(d.id, &AlternativeInput::parse("Y", "").unwrap(), Actor::SYSTEM).await;
    assert_eq!(locked.unwrap_err().code(), ErrorCode::DecisionLocked);
    let back = s.set_decision_status(d.id, d.version, &DecisionStep::Preparing, day("2027-04-02"), Actor::SYSTEM).await;
    assert_eq!(back.unwrap_err().code(), ErrorCode::StateTransitionInvalid);
}

/// An assessment cites national indicators and its organisation's own; another organisation's own
/// indicator (or an unknown id) is refused and nothing is written.
async fn citations_use_only_national_or_own_indicators(s: &dyn Store) {
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let other = org(s, OrgKind::Municipality, "Oulu").await;
    let (national, mine, theirs) = national_and_own_indicators(s, o.id, other.id).await;
    let form = school_closure().parse(&[]).unwrap();
    let d = s.create_decision(o.id, &form, "Nollavaihtoehto", "Ehdotus", Actor::SYSTEM).await.unwrap();
    let t = s.assessment_templates(o.id).await.unwrap().into_iter().find(|t| t.key == "iva").unwrap();
    let a = s.start_assessment(d.id, t.id, Actor::SYSTEM).await.unwrap();
    let audit_before = s.audit_log(o.id, 500).await.unwrap().len();
    let cite = |indicator_id: i64| Citation {
        assessment_id: a.id,
        indicator_id,
        group: Some(0),
        baseline_year: Some(2024),
        baseline_value: Some(12.0),
    };
    for id in [theirs, 999_999] {
        let e = s.cite(&cite(id), Actor::SYSTEM).await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::IndicatorInvalid, "citing {id}");
    }
    assert!(s.assessment_citations(a.id).await.unwrap().is_empty(), "a refused citation writes nothing");
    assert_eq!(s.audit_log(o.id, 500).await.unwrap().len(), audit_before, "nor its audit entry");
    s.cite(&cite(national), Actor::SYSTEM).await.unwrap();
    s.cite(&cite(mine), Actor::SYSTEM).await.unwrap();
    let cited: Vec<i64> = s.assessment_citations(a.id).await.unwrap().iter().map(|c| c.indicator_id).collect();
    assert_eq!(cited.len(), 2);
    assert!(cited.contains(&national) && cited.contains(&mine));
}

/// Parallel writers with the same version on a decision, its alternative and a template: exactly
/// one wins each race, the rest get `edit_conflict`.
async fn concurrent_decision_edits_conflict(s: &dyn Store) {
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let d = s.create_decision(o.id, &school_closure().parse(&[]).unwrap(), "Nolla", "Ehdotus", Actor::SYSTEM).await;
    let d = d.unwrap();
    let (id, version) = (d.id, d.version);
    let results = race(WRITERS, |i| {
        let form = DecisionForm { title: format!("Kyläkoulu {i}"), ..school_closure() };
        async move { s.update_decision(id, version, &form.parse(&[]).unwrap(), Actor::SYSTEM).await }
    })
    .await;
    one_wins("decision", &results);
    let d = s.get_decision(d.id).await.unwrap().unwrap();

    let alt = s.decision_alternatives(d.id).await.unwrap()[1].clone();
    let (alt_id, version) = (alt.id, alt.version);
    let results = race(WRITERS, |i| {
        let input = AlternativeInput::parse(&format!("Ehdotus {i}"), "").unwrap();
        async move { s.update_alternative(id, alt_id, version, &input, Actor::SYSTEM).await }
    })
    .await;
    one_wins("alternative", &results);

    let t = s.assessment_templates(o.id).await.unwrap()[0].clone();
    let (org_id, t_id, version) = (o.id, t.id, t.version);
    let results = race(WRITERS, |i| {
        let mut def = t.def.clone();
        def.areas.truncate(1 + i % 2);
        async move { s.update_template(org_id, t_id, version, &def, Actor::SYSTEM).await }
    })
    .await;
    one_wins("template", &results);
}
