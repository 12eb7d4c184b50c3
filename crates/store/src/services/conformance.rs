//! Conformance of the county's services room: records stay in their county, providers reach only
//! their own contracts, monitoring is reviewed, approved strategies are locked, feedback imports
//! all or nothing, and concurrent edits conflict.
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::conformance::{indicator, one_wins, org, race, WRITERS};
use crate::services::StrategyEdit;
use crate::*;
use hyte_domain::population::PopulationGroup;
use hyte_domain::services::{
    parse_approval, parse_report, ContractForm, CriterionForm, FeedbackRow, GoalForm, ParticipationForm, ProviderForm,
    ReportState, Review, ServiceForm, StrategyForm, StrategyState,
};
use hyte_domain::{ErrorCode, OrgKind};

crate::conformance_cases!($ services_cases, services:
    records_stay_in_their_county,
    providers_report_their_own_contracts_and_the_county_reviews,
    approved_strategies_are_locked_and_new_versions_copy_them,
    feedback_imports_all_or_nothing_and_participation_is_kept,
    concurrent_service_edits_conflict,
);

fn provider(name: &str, kind: &str, member: Option<i64>) -> ProviderForm {
    ProviderForm {
        name: name.into(),
        kind: kind.into(),
        member_org_id: member.map(|m| m.to_string()).unwrap_or_default(),
        ..Default::default()
    }
}

fn service(provider_id: Option<i64>, indicators: &str) -> ServiceForm {
    ServiceForm {
        name_fi: "Alkoholin mini-interventio".into(),
        name_sv: "Kort alkoholintervention".into(),
        producer: if provider_id.is_some() { "purchased" } else { "own" }.into(),
        provider_id: provider_id.map(|p| p.to_string()).unwrap_or_default(),
        groups: vec!["working_age".into(), "substance_use".into()],
        indicators: indicators.into(),
        reach: "working_age;2025;1200;150000".into(),
        ..Default::default()
    }
}

fn contract(provider_id: i64, services: &[i64]) -> ContractForm {
    ContractForm {
        title: "Päihdepalvelujen ostosopimus".into(),
        kind: "purchase".into(),
        provider_id: provider_id.to_string(),
        starts: "2025-01-01".into(),
        ends: "2026-12-31".into(),
        annual_euros: "400000".into(),
        hyte_share: "2".into(),
        hyte_tasks: "Mini-interventio jokaiselle 18+ asiakkaalle".into(),
        service_ids: services.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

fn criterion() -> CriterionForm {
    CriterionForm {
        name: "Mini-interventio 18+ asiakkaille".into(),
        unit: "%".into(),
        target: "80".into(),
        direction: "higher_better".into(),
        source: "provider".into(),
        schedule: "quarterly".into(),
        bonus_pct: "1".into(),
        sanction_pct: "0.5".into(),
        margin_pct: "10".into(),
        ..Default::default()
    }
}

async fn national_683(s: &dyn Store) -> i64 {
    s.upsert_indicators(&[indicator("683", "Diabetes", "Diabetes", true)]).await.unwrap();
    s.indicator_ids("sotkanet", None).await.unwrap()["683"].0
}

async fn records_stay_in_their_county(s: &dyn Store) {
    let county = org(s, OrgKind::WellbeingCounty, "Pohjois-Savon hyvinvointialue").await;
    let other = org(s, OrgKind::WellbeingCounty, "Keski-Suomen hyvinvointialue").await;
    let company = org(s, OrgKind::PrivateProvider, "Terveyspalvelu Oy").await;
    let p = s
        .create_provider(
            county.id,
            &provider("Terveyspalvelu Oy", "company", Some(company.id)).parse().unwrap(),
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    let theirs = s
        .create_provider(other.id, &provider("Muu Oy", "company", None).parse().unwrap(), Actor::SYSTEM)
        .await
        .unwrap();
    assert_eq!(s.list_providers(county.id).await.unwrap(), std::slice::from_ref(&p));

    // A service names a provider and indicators: only the county's own, and national ones.
    let national = national_683(s).await;
    let svc = s
        .create_service(county.id, &service(Some(p.id), &national.to_string()).parse().unwrap(), Actor::SYSTEM)
        .await
        .unwrap();
    assert_eq!(s.get_service(county.id, svc.id).await.unwrap().as_ref(), Some(&svc));
    assert_eq!(svc.input.reach[0].clients, 1200);
    assert!(s.get_service(other.id, svc.id).await.unwrap().is_none(), "another county does not see it");
    let foreign = s.create_service(county.id, &service(Some(theirs.id), "").parse().unwrap(), Actor::SYSTEM).await;
    assert_eq!(foreign.unwrap_err().code(), ErrorCode::ReferenceInvalid);
    let mut own_ind = indicator("own-1", "Oma", "Egen", true);
    own_ind.source = "own".into();
    own_ind.org_id = Some(other.id);
    s.upsert_indicators(&[own_ind]).await.unwrap();
    let private = s.indicator_ids("own", Some(other.id)).await.unwrap()["own-1"].0;
    let leak = s.create_service(county.id, &service(None, &private.to_string()).parse().unwrap(), Actor::SYSTEM).await;
    assert_eq!(leak.unwrap_err().code(), ErrorCode::IndicatorInvalid);

    // Contracts: the county's provider and services only; versioned.
    let c = s.create_contract(county.id, &contract(p.id, &[svc.id]).parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let bad = s.create_contract(county.id, &contract(theirs.id, &[]).parse().unwrap(), Actor::SYSTEM).await;
    assert_eq!(bad.unwrap_err().code(), ErrorCode::ReferenceInvalid);
    let bad = s.create_contract(other.id, &contract(theirs.id, &[svc.id]).parse().unwrap(), Actor::SYSTEM).await;
    assert_eq!(bad.unwrap_err().code(), ErrorCode::ReferenceInvalid);
    let mut changed = c.input.clone();
    changed.annual_euros = 420_000;
    let c2 = s.update_contract(county.id, c.id, c.version, &changed, Actor::SYSTEM).await.unwrap();
    assert_eq!((c2.version, c2.input.annual_euros), (c.version + 1, 420_000));
    let stale = s.update_contract(county.id, c.id, c.version, &changed, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let elsewhere = s.update_contract(other.id, c.id, c2.version, &changed, Actor::SYSTEM).await;
    assert_eq!(elsewhere.unwrap_err().code(), ErrorCode::NotFound);
    assert!(s.get_contract(other.id, c.id).await.unwrap().is_none());
    let view = s.get_contract(county.id, c.id).await.unwrap().unwrap();
    assert_eq!((view.contract, view.provider), (c2, p.clone()));

    // Criteria: an indicator criterion names a usable indicator.
    let mut f = criterion();
    f.source = "indicator".into();
    f.schedule = "yearly".into();
    f.indicator_id = private.to_string();
    let leak = s.add_criterion(county.id, c.id, &f.parse().unwrap(), Actor::SYSTEM).await;
    assert_eq!(leak.unwrap_err().code(), ErrorCode::IndicatorInvalid);
    let crit = s.add_criterion(county.id, c.id, &criterion().parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let elsewhere = s.update_criterion(other.id, crit.id, crit.version, &crit.input, Actor::SYSTEM).await;
    assert_eq!(elsewhere.unwrap_err().code(), ErrorCode::NotFound);
    let audit = s.audit_log(county.id, 50).await.unwrap();
    for action in ["provider.create", "service.create", "contract.create", "contract.update", "criterion.create"] {
        assert!(audit.iter().any(|e| e.action == action), "{action} audited");
    }
}

async fn providers_report_their_own_contracts_and_the_county_reviews(s: &dyn Store) {
    let county = org(s, OrgKind::WellbeingCounty, "Pohjois-Savon hyvinvointialue").await;
    let company = org(s, OrgKind::PrivateProvider, "Terveyspalvelu Oy").await;
    let ngo = org(s, OrgKind::Ngo, "Savon Vertaistuki ry").await;
    let p1 = s
        .create_provider(
            county.id,
            &provider("Terveyspalvelu Oy", "company", Some(company.id)).parse().unwrap(),
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    let p2 = s
        .create_provider(
            county.id,
            &provider("Savon Vertaistuki ry", "ngo", Some(ngo.id)).parse().unwrap(),
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    let c1 = s.create_contract(county.id, &contract(p1.id, &[]).parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let c2 = s.create_contract(county.id, &contract(p2.id, &[]).parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let k1 = s.add_criterion(county.id, c1.id, &criterion().parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let k2 = s.add_criterion(county.id, c2.id, &criterion().parse().unwrap(), Actor::SYSTEM).await.unwrap();

    // Each provider sees its own contract only.
    let mine = s.provider_contracts(company.id).await.unwrap();
    assert_eq!(mine.iter().map(|v| v.contract.id).collect::<Vec<_>>(), [c1.id]);
    assert!(s.provider_contract(company.id, c2.id).await.unwrap().is_none());
    assert!(s.provider_contracts(county.id).await.unwrap().is_empty());

    // Reporting: all or nothing, own criteria only.
    let q1 = parse_report(&k1, "2025-Q1", "82", "").unwrap();
    let theirs = parse_report(&k2, "2025-Q1", "50", "").unwrap();
    let refused = s.submit_reports(company.id, c1.id, &[q1.clone(), theirs.clone()], Actor::SYSTEM).await;
    assert_eq!(refused.unwrap_err().code(), ErrorCode::ReferenceInvalid);
    assert!(s.get_contract(county.id, c1.id).await.unwrap().unwrap().reports.is_empty(), "nothing written");
    let other = s.submit_reports(company.id, c2.id, std::slice::from_ref(&theirs), Actor::SYSTEM).await;
    assert_eq!(other.unwrap_err().code(), ErrorCode::NotFound);
    let q2 = parse_report(&k1, "2025-Q2", "60", "Henkilöstövaje").unwrap();
    let written = s.submit_reports(company.id, c1.id, &[q1, q2], Actor::SYSTEM).await.unwrap();
    assert_eq!(written.len(), 2);
    assert_eq!((written[1].state, written[1].comment.as_deref()), (ReportState::Submitted, Some("Henkilöstövaje")));

    // The county returns one with a reason and accepts the other; the provider corrects the returned one.
    let view = s.get_contract(county.id, c1.id).await.unwrap().unwrap();
    assert_eq!(view.reports, written);
    let back = Review::parse(false, "Luku ei täsmää asiakasjärjestelmään").unwrap();
    let returned = s.review_report(county.id, written[1].id, written[1].version, &back, Actor::SYSTEM).await.unwrap();
    assert_eq!(
        (returned.state, returned.review_comment.as_deref()),
        (ReportState::Returned, Some("Luku ei täsmää asiakasjärjestelmään"))
    );
    let ok = Review::parse(true, "").unwrap();
    let elsewhere = s.review_report(ngo.id, written[0].id, written[0].version, &ok, Actor::SYSTEM).await;
    assert_eq!(elsewhere.unwrap_err().code(), ErrorCode::NotFound);
    let accepted = s.review_report(county.id, written[0].id, written[0].version, &ok, Actor::SYSTEM).await.unwrap();
    assert_eq!(accepted.state, ReportState::Accepted);
    let twice = s.review_report(county.id, accepted.id, accepted.version, &ok, Actor::SYSTEM).await;
    assert_eq!(twice.unwrap_err().code(), ErrorCode::StateTransitionInvalid);
    let locked =
        s.submit_reports(company.id, c1.id, &[parse_report(&k1, "2025-Q1", "90", "").unwrap()], Actor::SYSTEM).await;
    assert_eq!(locked.unwrap_err().code(), ErrorCode::MonitoringLocked);
    let fixed = s
        .submit_reports(company.id, c1.id, &[parse_report(&k1, "2025-Q2", "71", "Korjattu").unwrap()], Actor::SYSTEM)
        .await
        .unwrap();
    assert_eq!(
        (fixed[0].id, fixed[0].state, fixed[0].value, fixed[0].review_comment.clone()),
        (written[1].id, ReportState::Submitted, 71.0, None)
    );
    let audit = s.audit_log(county.id, 50).await.unwrap();
    for action in ["monitoring.submit", "monitoring.return", "monitoring.accept"] {
        assert!(audit.iter().any(|e| e.action == action), "{action} audited");
    }

    // Two reviewers of one report: one wins.
    let results =
        race(WRITERS, |_| s.review_report(county.id, fixed[0].id, fixed[0].version, &ok, Actor::SYSTEM)).await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1, "{results:?}");
    for lost in results.iter().filter_map(|r| r.as_ref().err()) {
        assert!(matches!(lost.code(), ErrorCode::EditConflict | ErrorCode::StateTransitionInvalid), "{lost:?}");
    }
}

async fn approved_strategies_are_locked_and_new_versions_copy_them(s: &dyn Store) {
    use hyte_domain::reports::{GoalForm as PlanGoalForm, NewReport, PriorityInput};
    let county = org(s, OrgKind::WellbeingCounty, "Pohjois-Savon hyvinvointialue").await;
    let town = org(s, OrgKind::Municipality, "Kuopio").await;
    let plan_goal = |o: i64| async move {
        let new = NewReport::parse("term", "2022–2025", "", &["fi"], "Hyvinvointikertomus", None).unwrap();
        let r = s.create_report(o, &new, Actor::SYSTEM).await.unwrap();
        let p = s.add_priority(r.id, &PriorityInput::parse("Elintavat", "").unwrap(), Actor::SYSTEM).await.unwrap();
        let g = PlanGoalForm { priority_id: p.id.to_string(), title: "Diabetes vähenee".into(), ..Default::default() };
        s.add_goal(r.id, &g.parse().unwrap(), Actor::SYSTEM).await.unwrap().id
    };
    let ours = plan_goal(county.id).await;
    let theirs = plan_goal(town.id).await;
    let national = national_683(s).await;

    let form =
        StrategyForm { kind: "service_promise".into(), title: "Palvelulupaus 2025".into(), ..Default::default() };
    let d = s.create_strategy(county.id, &form.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    assert_eq!((d.state, d.goals.len()), (StrategyState::Draft, 0));
    let goal = |plan: i64| GoalForm {
        title: "Tyypin 2 diabetes vähenee".into(),
        measures: "Elintapaohjaus riskiryhmille".into(),
        indicator_id: national.to_string(),
        baseline_year: "2022".into(),
        baseline_value: "1.1".into(),
        target_year: "2025".into(),
        target_value: "0.9".into(),
        plan_goal_id: plan.to_string(),
        ..Default::default()
    };
    let foreign = s
        .edit_strategy(county.id, d.id, d.version, StrategyEdit::AddGoal(goal(theirs).parse().unwrap()), Actor::SYSTEM)
        .await;
    assert_eq!(foreign.unwrap_err().code(), ErrorCode::ReferenceInvalid);
    let d2 = s
        .edit_strategy(county.id, d.id, d.version, StrategyEdit::AddGoal(goal(ours).parse().unwrap()), Actor::SYSTEM)
        .await
        .unwrap();
    assert_eq!((d2.goals.len(), d2.goals[0].plan_goal_id), (1, Some(ours)));
    assert_eq!(s.get_strategy(county.id, d.id).await.unwrap().as_ref(), Some(&d2));
    assert!(s.get_strategy(town.id, d.id).await.unwrap().is_none());

    let approval = parse_approval("Aluevaltuusto", "2025-02-17").unwrap();
    let a = s.approve_strategy(county.id, d.id, d2.version, &approval, Actor::SYSTEM).await.unwrap();
    assert_eq!((a.state, a.approval.clone()), (StrategyState::Approved, Some(approval.clone())));
    let locked = s.edit_strategy(county.id, d.id, a.version, StrategyEdit::RemoveGoal(0), Actor::SYSTEM).await;
    assert_eq!(locked.unwrap_err().code(), ErrorCode::DocumentLocked);
    let again = s.approve_strategy(county.id, d.id, a.version, &approval, Actor::SYSTEM).await;
    assert_eq!(again.unwrap_err().code(), ErrorCode::DocumentLocked);
    let next = s.new_strategy_version(county.id, d.id, Actor::SYSTEM).await.unwrap();
    assert_eq!(
        (next.state, next.previous_id, next.goals.clone(), next.approval.clone()),
        (StrategyState::Draft, Some(d.id), a.goals.clone(), None)
    );
    let from_draft = s.new_strategy_version(county.id, next.id, Actor::SYSTEM).await;
    assert_eq!(from_draft.unwrap_err().code(), ErrorCode::StateTransitionInvalid);
    let listed = s.list_strategies(county.id).await.unwrap();
    assert_eq!(listed.iter().map(|x| x.id).collect::<Vec<_>>(), [next.id, d.id]);
}

async fn feedback_imports_all_or_nothing_and_participation_is_kept(s: &dyn Store) {
    let county = org(s, OrgKind::WellbeingCounty, "Pohjois-Savon hyvinvointialue").await;
    let other = org(s, OrgKind::WellbeingCounty, "Keski-Suomen hyvinvointialue").await;
    let ours = s.create_service(county.id, &service(None, "").parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let theirs = s.create_service(other.id, &service(None, "").parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let row = |service_id, count, group| FeedbackRow {
        service_id,
        period: "2025".into(),
        measure: "nps".into(),
        value: 42.0,
        count,
        group,
    };
    let mixed = [row(ours.id, 120, None), row(theirs.id, 30, None)];
    let refused = s.import_feedback(county.id, &mixed, Actor::SYSTEM).await;
    assert_eq!(refused.unwrap_err().code(), ErrorCode::ReferenceInvalid);
    assert!(s.org_feedback(county.id).await.unwrap().is_empty(), "nothing written");
    let rows = [row(ours.id, 120, None), row(ours.id, 3, Some(PopulationGroup::Immigrants))];
    assert_eq!(s.import_feedback(county.id, &rows, Actor::SYSTEM).await.unwrap(), 2);
    assert_eq!(s.org_feedback(county.id).await.unwrap(), rows);
    assert!(s.org_feedback(other.id).await.unwrap().is_empty());

    let heard = ParticipationForm {
        stage: "feedback".into(),
        method: "client_council".into(),
        who: "Vanhusneuvosto".into(),
        group_id: String::new(),
        date: "2025-05-12".into(),
        said: "Ryhmiä myös iltaisin".into(),
        did: "Iltaryhmä aloitettu syksyllä 2025".into(),
    };
    let p = s.add_participation(county.id, ours.id, &heard.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    // The group heard is one of the county's cooperation groups, never another organisation's.
    let council = hyte_domain::cooperation::GroupForm {
        kind: "advisory_council".into(),
        name: "Vanhusneuvosto".into(),
        ..Default::default()
    };
    let ours_g = s.create_group(county.id, &council.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let theirs_g = s.create_group(other.id, &council.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let mut via = heard.clone();
    via.group_id = theirs_g.id.to_string();
    let refused = s.add_participation(county.id, ours.id, &via.parse().unwrap(), Actor::SYSTEM).await;
    assert_eq!(refused.unwrap_err().code(), ErrorCode::ReferenceInvalid);
    via.group_id = ours_g.id.to_string();
    let p2 = s.add_participation(county.id, ours.id, &via.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    assert_eq!(p2.input.group_id, Some(ours_g.id));
    assert_eq!(s.service_participation(county.id, ours.id).await.unwrap(), [p, p2]);
    let elsewhere = s.add_participation(other.id, ours.id, &heard.parse().unwrap(), Actor::SYSTEM).await;
    assert_eq!(elsewhere.unwrap_err().code(), ErrorCode::NotFound);
    let peek = s.service_participation(other.id, ours.id).await;
    assert_eq!(peek.unwrap_err().code(), ErrorCode::NotFound);
}

async fn concurrent_service_edits_conflict(s: &dyn Store) {
    let county = org(s, OrgKind::WellbeingCounty, "Pohjois-Savon hyvinvointialue").await;
    let svc = s.create_service(county.id, &service(None, "").parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let results = race(WRITERS, |i| {
        let mut input = svc.input.clone();
        input.hyte_tasks = Some(format!("Kirjoittaja {i}"));
        async move { s.update_service(county.id, svc.id, svc.version, &input, Actor::SYSTEM).await }
    })
    .await;
    one_wins("service", &results);
    let form =
        StrategyForm { kind: "county_strategy".into(), title: "Hyvinvointialuestrategia".into(), ..Default::default() };
    let d = s.create_strategy(county.id, &form.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let results = race(WRITERS, |i| {
        let g = GoalForm { title: format!("Tavoite {i}"), ..Default::default() }.parse().unwrap();
        s.edit_strategy(county.id, d.id, d.version, StrategyEdit::AddGoal(g), Actor::SYSTEM)
    })
    .await;
    one_wins("strategy", &results);
    assert_eq!(s.get_strategy(county.id, d.id).await.unwrap().unwrap().goals.len(), 1, "no goal was lost or doubled");
}
