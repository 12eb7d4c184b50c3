//! Conformance of the survey, the plan and its delivery: a county reaches its member
//! municipalities only, a municipality its own answers and the support that concerns it, answers
//! become read-only when submitted, and concurrent edits conflict.
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::conformance::{one_wins, org, race, sample_areas, WRITERS};
use crate::support::PlanView;
use crate::*;
use hyte_domain::support::plan::{Action, ActionForm, Delivery, DeliveryInput, Feedback, Plan, Resources};
use hyte_domain::support::survey::{
    default_questions, Answer, Contributor, Need, NeedLevel, Response, ResponseState, SectorAnswers, Survey,
    SurveyInput, SurveyState,
};
use hyte_domain::support::ContentArea;
use hyte_domain::{ErrorCode, Names, OrgKind};

pub(super) struct Region {
    pub county: i64,
    pub kuopio: i64,
    pub town: i64,
    /// A municipality outside the county.
    pub outsider: i64,
}

pub(super) async fn region(s: &dyn Store) -> Region {
    s.import_areas(&sample_areas()).await.unwrap();
    let area =
        |kind: &'static str, code: &'static str| async move { s.get_area(kind, code).await.unwrap().unwrap().id };
    let mk = |kind: OrgKind, fi: &'static str, area_id: Option<i64>| async move {
        let new = NewOrganisation { kind, names: Names::new(fi, None, None), area_id };
        s.create_organisation(&new, Actor::SYSTEM).await.unwrap().id
    };
    let county =
        mk(OrgKind::WellbeingCounty, "Pohjois-Savon hyvinvointialue", Some(area("wellbeing_county", "13").await)).await;
    let kuopio = mk(OrgKind::Municipality, "Kuopion kaupunki", Some(area("municipality", "297").await)).await;
    let town = mk(OrgKind::Municipality, "Siilinjärven kunta", Some(area("municipality", "749").await)).await;
    let outsider = org(s, OrgKind::Municipality, "Jyväskylä").await.id;
    Region { county, kuopio, town, outsider }
}

fn answers(sector_id: i64, level: NeedLevel, text: &str) -> SectorAnswers {
    SectorAnswers {
        sector_id,
        answers: vec![
            Answer { question: 1, level, text: Some(text.into()) },
            Answer { question: 2, level: NeedLevel::SomeNeed, text: None },
        ],
    }
}

pub(super) async fn a_survey_reaches_member_municipalities_only(s: &dyn Store) {
    let r = region(s).await;
    let input = SurveyInput { year: 2026, questions: default_questions() };
    let refused = s.create_survey(r.kuopio, &input, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Forbidden, "a municipality does not survey");
    let draft = s.create_survey(r.county, &input, Actor::SYSTEM).await.unwrap();
    let expected = Survey {
        id: draft.id,
        county_org_id: r.county,
        input: input.clone(),
        state: SurveyState::Draft,
        sent_to: vec![],
        sent_at: None,
        version: 1,
    };
    crate::conformance::assert_written(&draft, s.get_survey(r.county, draft.id).await.unwrap(), &expected);
    assert_eq!(s.create_survey(r.county, &input, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::YearInvalid);
    assert_eq!(s.get_survey(r.kuopio, draft.id).await.unwrap(), None, "a draft stays the county's");
    let mut fewer = input.clone();
    fewer.questions.truncate(3);
    let edited = s.update_survey(r.county, draft.id, 1, &fewer, Actor::SYSTEM).await.unwrap();
    assert_eq!(edited, Survey { input: fewer.clone(), version: 2, ..expected.clone() });
    let stale = s.update_survey(r.county, draft.id, 1, &input, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(stale.code(), ErrorCode::EditConflict);
    let outside = s.send_survey(r.county, draft.id, 2, &[r.kuopio, r.outsider], Actor::SYSTEM).await.unwrap_err();
    assert_eq!(outside.code(), ErrorCode::ReferenceInvalid, "only member municipalities");
    let sent = s.send_survey(r.county, draft.id, 2, &[r.kuopio, r.town], Actor::SYSTEM).await.unwrap();
    let expected = Survey {
        state: SurveyState::Sent,
        sent_to: vec![r.kuopio, r.town],
        sent_at: sent.sent_at,
        version: 3,
        ..edited.clone()
    };
    assert!(sent.sent_at.is_some());
    crate::conformance::assert_written(&sent, s.get_survey(r.kuopio, draft.id).await.unwrap(), &expected);
    assert_eq!(s.list_surveys(r.town).await.unwrap(), std::slice::from_ref(&expected));
    let again = s.update_survey(r.county, draft.id, 3, &fewer, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(again.code(), ErrorCode::StateTransitionInvalid, "sent questions stay");

    // The outsider reaches nothing of it.
    assert_eq!(s.get_survey(r.outsider, sent.id).await.unwrap(), None);
    assert!(s.list_surveys(r.outsider).await.unwrap().is_empty());
    assert_eq!(s.own_response(r.outsider, sent.id).await.unwrap_err().code(), ErrorCode::NotFound);
    let sector = |o: i64| async move { s.list_sectors(o).await.unwrap() };
    let outsider_sector = sector(r.outsider).await[0].id;
    let foreign = answers(outsider_sector, NeedLevel::Great, "x");
    let write = s.save_answers(r.outsider, sent.id, 0, &foreign, "X", Actor::SYSTEM);
    assert_eq!(write.await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(s.needs_of(r.county, r.outsider, 2026).await.unwrap_err().code(), ErrorCode::NotFound);

    // Kuopio's sectors answer; a sector of another organisation is refused.
    let ks = sector(r.kuopio).await;
    let (a, b) = (ks[0].id, ks[1].id);
    let theirs = s.save_answers(r.kuopio, sent.id, 0, &foreign, "X", Actor::SYSTEM);
    assert_eq!(theirs.await.unwrap_err().code(), ErrorCode::SectorInvalid);
    let bad_question =
        SectorAnswers { sector_id: a, answers: vec![Answer { question: 99, level: NeedLevel::Great, text: None }] };
    let q = s.save_answers(r.kuopio, sent.id, 0, &bad_question, "X", Actor::SYSTEM).await.unwrap_err();
    assert_eq!(q.code(), ErrorCode::InvalidInput);
    let first = s
        .save_answers(
            r.kuopio,
            sent.id,
            0,
            &answers(a, NeedLevel::Considerable, "Liikuntaneuvonta"),
            "Anna",
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    let second = s
        .save_answers(r.kuopio, sent.id, 1, &answers(b, NeedLevel::Great, "Koulut"), "Pekka", Actor::SYSTEM)
        .await
        .unwrap();
    let contributor = |c: &Contributor, name: &str, sector_id: i64| Contributor {
        name: name.into(),
        sector_id,
        user_id: None,
        at: c.at,
    };
    let expected = Response {
        id: first.id,
        survey_id: sent.id,
        org_id: r.kuopio,
        state: ResponseState::Draft,
        sectors: vec![answers(a, NeedLevel::Considerable, "Liikuntaneuvonta"), answers(b, NeedLevel::Great, "Koulut")],
        contributors: vec![
            contributor(&second.contributors[0], "Anna", a),
            contributor(&second.contributors[1], "Pekka", b),
        ],
        submitted_at: None,
        submitted_by: None,
        version: 2,
    };
    crate::conformance::assert_written(&second, s.own_response(r.kuopio, sent.id).await.unwrap(), &expected);
    assert!(s.survey_responses(r.county, sent.id).await.unwrap().is_empty(), "the county sees submitted answers only");
    assert!(s.needs_of(r.county, r.kuopio, 2026).await.unwrap().is_empty());
    assert_eq!(s.survey_responses(r.kuopio, sent.id).await.unwrap_err().code(), ErrorCode::NotFound);
    let stale = s.submit_response(r.kuopio, sent.id, 1, "Anna", Actor::SYSTEM).await.unwrap_err();
    assert_eq!(stale.code(), ErrorCode::EditConflict);
    let submitted = s.submit_response(r.kuopio, sent.id, 2, "Anna", Actor::SYSTEM).await.unwrap();
    let expected = Response {
        state: ResponseState::Submitted,
        submitted_at: submitted.submitted_at,
        submitted_by: Some("Anna".into()),
        version: 3,
        ..expected
    };
    crate::conformance::assert_written(&submitted, s.own_response(r.kuopio, sent.id).await.unwrap(), &expected);
    let none = answers(a, NeedLevel::NoNeed, "");
    let late = s.save_answers(r.kuopio, sent.id, 3, &none, "Anna", Actor::SYSTEM);
    assert_eq!(late.await.unwrap_err().code(), ErrorCode::StateTransitionInvalid, "submitted answers are read-only");
    assert_eq!(s.survey_responses(r.county, sent.id).await.unwrap(), std::slice::from_ref(&expected));
    let survey_now = s.get_survey(r.kuopio, sent.id).await.unwrap().unwrap();
    assert_eq!(s.response_history(r.kuopio).await.unwrap(), [(survey_now, expected.clone())]);
    assert!(s.response_history(r.town).await.unwrap().is_empty());
    let needs = s.needs_of(r.county, r.kuopio, 2026).await.unwrap();
    assert_eq!(
        needs,
        [
            Need {
                area: ContentArea::PhysicalActivity,
                level: NeedLevel::Great,
                texts: vec!["Liikuntaneuvonta".into(), "Koulut".into()]
            },
            Need { area: ContentArea::Nutrition, level: NeedLevel::SomeNeed, texts: vec![] },
        ]
    );
    assert!(s.needs_of(r.county, r.kuopio, 2025).await.unwrap().is_empty());
    assert!(s.needs_of(r.county, r.town, 2026).await.unwrap().is_empty());
}

fn action_input(targets: &[i64], area: &str, pd: &str) -> hyte_domain::support::plan::ActionInput {
    ActionForm {
        kind: "training".into(),
        area: area.into(),
        title_fi: "Liikuntaneuvonnan koulutus".into(),
        title_en: "Training in exercise counselling".into(),
        targets: targets.iter().map(|t| t.to_string()).collect(),
        expert: "Asiantuntija A".into(),
        person_days: pd.into(),
        euros: "1200".into(),
        ..Default::default()
    }
    .parse()
    .unwrap()
}

pub(super) async fn a_plan_and_its_delivery_reach_their_municipalities(s: &dyn Store) {
    let r = region(s).await;
    assert_eq!(s.create_plan(r.kuopio, 2026, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::Forbidden);
    let plan = s.create_plan(r.county, 2026, Actor::SYSTEM).await.unwrap();
    assert_eq!(plan, Plan { id: plan.id, county_org_id: r.county, year: 2026, version: 1 });
    assert_eq!(s.create_plan(r.county, 2026, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::YearInvalid);
    assert_eq!(s.list_plans(r.county).await.unwrap(), std::slice::from_ref(&plan));
    assert_eq!(s.get_plan(r.kuopio, plan.id).await.unwrap(), None, "a plan is its county's");

    let outsider_action = action_input(&[r.outsider], "nutrition", "1");
    let outside = s.add_action(r.county, plan.id, &outsider_action, Actor::SYSTEM);
    assert_eq!(outside.await.unwrap_err().code(), ErrorCode::ReferenceInvalid);
    let input = action_input(&[r.kuopio, r.town], "physical_activity", "2,5");
    let action = s.add_action(r.county, plan.id, &input, Actor::SYSTEM).await.unwrap();
    assert_eq!(action, Action { id: action.id, plan_id: plan.id, input: input.clone(), version: 1 });
    let narrower = action_input(&[r.kuopio], "physical_activity", "3");
    let action = s.update_action(r.county, action.id, 1, &narrower, Actor::SYSTEM).await.unwrap();
    assert_eq!(action, Action { input: narrower.clone(), version: 2, ..action.clone() });
    let stale = s.update_action(r.county, action.id, 1, &input, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(stale.code(), ErrorCode::EditConflict);
    let foreign = s.update_action(r.kuopio, action.id, 2, &input, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(foreign.code(), ErrorCode::NotFound);
    let extra = s.add_action(r.county, plan.id, &action_input(&[r.town], "culture", ""), Actor::SYSTEM).await.unwrap();

    let ks = s.list_sectors(r.kuopio).await.unwrap();
    let delivery = DeliveryInput {
        date: chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
        org_id: r.kuopio,
        action_id: Some(action.id),
        sector_ids: vec![ks[0].id, ks[1].id],
        participants: 14,
        resources: Resources { person_days: 1.5, euros: 400.0 },
    };
    let town_sector =
        DeliveryInput { sector_ids: vec![s.list_sectors(r.town).await.unwrap()[0].id], ..delivery.clone() };
    let refused = s.record_delivery(r.county, plan.id, &town_sector, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(refused.code(), ErrorCode::ReferenceInvalid, "the sectors are the receiving municipality's");
    let to_outsider = DeliveryInput { org_id: r.outsider, sector_ids: vec![], ..delivery.clone() };
    let refused = s.record_delivery(r.county, plan.id, &to_outsider, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(refused.code(), ErrorCode::ReferenceInvalid);
    let d = s.record_delivery(r.county, plan.id, &delivery, Actor::SYSTEM).await.unwrap();
    assert_eq!(d, Delivery { id: d.id, plan_id: plan.id, input: delivery.clone(), feedback: None, version: 1 });

    // Feedback: only the receiving municipality gives it.
    let theirs = s.give_feedback(r.town, d.id, 1, 4, None, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(theirs.code(), ErrorCode::NotFound);
    let bad = s.give_feedback(r.kuopio, d.id, 1, 6, None, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(bad.code(), ErrorCode::NumberInvalid);
    let fed = s.give_feedback(r.kuopio, d.id, 1, 5, Some(" Hyödyllinen "), Actor::SYSTEM).await.unwrap();
    let feedback = Feedback {
        score: 5,
        comment: Some("Hyödyllinen".into()),
        given_by: None,
        given_at: fed.feedback.as_ref().unwrap().given_at,
    };
    let expected = Delivery { feedback: Some(feedback), version: 2, ..d.clone() };
    assert_eq!(fed, expected);
    let stale = s.give_feedback(r.kuopio, d.id, 1, 3, None, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(stale.code(), ErrorCode::EditConflict);

    let view = s.get_plan(r.county, plan.id).await.unwrap().unwrap();
    assert_eq!(
        view,
        PlanView {
            plan: plan.clone(),
            actions: vec![action.clone(), extra.clone()],
            deliveries: vec![expected.clone()]
        }
    );
    assert_eq!(
        s.support_for(r.kuopio).await.unwrap(),
        [PlanView { plan: plan.clone(), actions: vec![action.clone()], deliveries: vec![expected.clone()] }]
    );
    assert_eq!(
        s.support_for(r.town).await.unwrap(),
        [PlanView { plan: plan.clone(), actions: vec![extra.clone()], deliveries: vec![] }]
    );
    assert!(s.support_for(r.outsider).await.unwrap().is_empty());
    assert_eq!(s.delivered_to(r.county, r.kuopio, 2026).await.unwrap(), std::slice::from_ref(&expected));
    assert!(s.delivered_to(r.county, r.kuopio, 2025).await.unwrap().is_empty());
    assert_eq!(s.delivered_to(r.county, r.outsider, 2026).await.unwrap_err().code(), ErrorCode::NotFound);

    // A delivery recorded by mistake: another organisation cannot delete it, a stale version is
    // refused; deleted, it is gone with its feedback.
    let wrong = s.record_delivery(r.county, plan.id, &delivery, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.delete_delivery(r.kuopio, wrong.id, 1, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(
        s.delete_delivery(r.county, wrong.id, 2, Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::EditConflict
    );
    s.delete_delivery(r.county, wrong.id, 1, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.delivered_to(r.county, r.kuopio, 2026).await.unwrap(), std::slice::from_ref(&expected));

    // Removing an action keeps its deliveries, untied.
    assert_eq!(
        s.delete_action(r.county, action.id, 1, Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::EditConflict
    );
    s.delete_action(r.county, action.id, 2, Actor::SYSTEM).await.unwrap();
    let view = s.get_plan(r.county, plan.id).await.unwrap().unwrap();
    assert_eq!(view.actions, [extra]);
    assert_eq!(view.deliveries[0].input, DeliveryInput { action_id: None, ..delivery });
}

pub(super) async fn concurrent_answers_and_actions_conflict(s: &dyn Store) {
    let r = region(s).await;
    let input = SurveyInput { year: 2026, questions: default_questions() };
    let survey = s.create_survey(r.county, &input, Actor::SYSTEM).await.unwrap();
    s.send_survey(r.county, survey.id, 1, &[r.kuopio], Actor::SYSTEM).await.unwrap();
    let sector = s.list_sectors(r.kuopio).await.unwrap()[0].id;
    let results = race(WRITERS, |i| {
        let a = answers(sector, NeedLevel::Great, &format!("Kirjoittaja {i}"));
        async move { s.save_answers(r.kuopio, survey.id, 0, &a, "K", Actor::SYSTEM).await }
    })
    .await;
    one_wins("first answers", &results);
    let v = s.own_response(r.kuopio, survey.id).await.unwrap().unwrap().version;
    let results = race(WRITERS, |i| {
        let a = answers(sector, NeedLevel::SomeNeed, &format!("Kirjoittaja {i}"));
        async move { s.save_answers(r.kuopio, survey.id, v, &a, "K", Actor::SYSTEM).await }
    })
    .await;
    one_wins("answers", &results);
    let plan = s.create_plan(r.county, 2026, Actor::SYSTEM).await.unwrap();
    let action =
        s.add_action(r.county, plan.id, &action_input(&[r.kuopio], "culture", "1"), Actor::SYSTEM).await.unwrap();
    let results = race(WRITERS, |i| {
        let input = action_input(&[r.kuopio], "culture", &i.to_string());
        async move { s.update_action(r.county, action.id, 1, &input, Actor::SYSTEM).await }
    })
    .await;
    one_wins("action", &results);
}
