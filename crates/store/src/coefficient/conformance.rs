//! Conformance of the coefficient room: model versions, TEAviisari results written for the
//! organisation's own area only (all or none), scenarios reached by their organisation and
//! attached only to its own plan's goals, concurrent edits conflicting.
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::conformance::{assert_written, indicator, one_wins, org, race, sample_areas};
use crate::*;
use hyte_domain::coefficient::model::Model;
use hyte_domain::coefficient::scenario::{Change, ChangeKind, Outcome, ScenarioInput};
use hyte_domain::coefficient::{ModelKind, ModelStatus, Sector, TeaRow};
use hyte_domain::reports::{GoalForm, NewReport, PriorityInput};
use hyte_domain::{ErrorCode, Names, OrgKind};

crate::conformance_cases!($ coefficient_cases, coefficient:
    models_load_as_versions_and_the_newest_is_in_force,
    teaviisari_results_are_written_for_the_own_area_only_all_or_none,
    scenarios_are_their_organisations_and_attach_to_its_own_goals,
);

const MODEL: &str = "code = \"test-2025\"\nkind = \"municipality\"\nfunding_year = 2025\ndata_year = 2023\n\
status = \"estimate\"\nname_fi = \"Testi\"\n[euro]\nrule = \"per_resident\"\nprice_per_resident = 20.0\n\
[[indicator]]\ncode = \"lead\"\ngroup = \"process\"\nsource = \"teaviisari:leadership\"\nname_fi = \"Johto\"\n\
direction = \"higher_better\"\nweight = 1.0\nscale = \"as_is\"\n";

async fn load(s: &dyn Store, text: &str) -> ModelRecord {
    s.load_model(&Model::parse(text).unwrap(), text, Actor::SYSTEM).await.unwrap()
}

use crate::coefficient::ModelRecord;

async fn models_load_as_versions_and_the_newest_is_in_force(s: &dyn Store) {
    let first = load(s, MODEL).await;
    assert_eq!(
        (first.code.as_str(), first.version, first.kind, first.funding_year, first.status, first.text.as_str()),
        ("test-2025", 1, ModelKind::Municipality, 2025, ModelStatus::Estimate, MODEL)
    );
    assert_written(&first, s.model_record(first.id).await.unwrap(), &first);
    let corrected = MODEL.replace("weight = 1.0", "weight = 2.0");
    let second = load(s, &corrected).await;
    assert_eq!((second.version, second.text.as_str()), (2, corrected.as_str()));
    let county = load(
        s,
        &MODEL.replace("test-2025", "county-2026").replace("\"municipality\"", "\"county\"").replace("2025", "2026"),
    )
    .await;
    let codes: Vec<_> = s.models().await.unwrap().into_iter().map(|m| (m.code, m.version)).collect();
    assert_eq!(
        codes,
        vec![("test-2025".to_string(), 2), ("county-2026".to_string(), 1)],
        "newest versions, municipality first"
    );
    let versions: Vec<i64> = s.model_versions("test-2025").await.unwrap().iter().map(|m| m.version).collect();
    assert_eq!(versions, vec![2, 1]);
    assert_eq!(county.model().unwrap().kind, ModelKind::County);
    assert_eq!(s.model_record(9_999).await.unwrap(), None);
}

fn row(area: &str, sector: Sector, item: &str, score: f64) -> TeaRow {
    TeaRow { area: area.into(), sector, item: item.into(), year: 2024, score }
}

async fn municipality(s: &dyn Store, code: &str, fi: &str) -> hyte_domain::Organisation {
    let area = s.get_area("municipality", code).await.unwrap().unwrap();
    let new =
        NewOrganisation { kind: OrgKind::Municipality, names: Names::new(fi, None, None), area_id: Some(area.id) };
    s.create_organisation(&new, Actor::SYSTEM).await.unwrap()
}

async fn teaviisari_results_are_written_for_the_own_area_only_all_or_none(s: &dyn Store) {
    s.import_areas(&sample_areas()).await.unwrap();
    let kuopio = municipality(s, "297", "Kuopio").await;
    let mine = [row("297", Sector::Leadership, "Hyte-ryhmä", 100.0), row("297", Sector::Leadership, "Kertomus", 0.0)];
    assert_eq!(s.save_tea_rows(Some(kuopio.id), &mine, Actor::SYSTEM).await.unwrap(), 2);
    // A partner with Kuopio's area is not Kuopio: it may not write Kuopio's results.
    let area = s.get_area("municipality", "297").await.unwrap().unwrap();
    let ngo = NewOrganisation { kind: OrgKind::Ngo, names: Names::new("Yhdistys", None, None), area_id: Some(area.id) };
    let ngo = s.create_organisation(&ngo, Actor::SYSTEM).await.unwrap();
    let e = s.save_tea_rows(Some(ngo.id), &[row("297", Sector::Culture, "", 1.0)], Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::Forbidden);
    // A row of another municipality refuses the whole batch; so does an unknown area.
    let foreign = [row("297", Sector::Culture, "", 50.0), row("749", Sector::Culture, "", 50.0)];
    let e = s.save_tea_rows(Some(kuopio.id), &foreign, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::Forbidden);
    let e = s.save_tea_rows(None, &[row("999", Sector::Culture, "", 1.0)], Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    // The loader writes any area; a second write of the same key replaces the score.
    s.save_tea_rows(
        None,
        &[row("749", Sector::Culture, "", 40.0), row("13", Sector::CountyLeadership, "", 70.0)],
        Actor::SYSTEM,
    )
    .await
    .unwrap();
    s.save_tea_rows(Some(kuopio.id), &[row("297", Sector::Leadership, "Kertomus", 100.0)], Actor::SYSTEM)
        .await
        .unwrap();
    let all = s.tea_results(None, 2024, 2024).await.unwrap();
    let seen: Vec<_> =
        all.iter().map(|r| (r.row.area.as_str(), r.row.sector, r.row.item.as_str(), r.row.score)).collect();
    assert!(seen.contains(&("297", Sector::Leadership, "Kertomus", 100.0)));
    assert!(seen.contains(&("13", Sector::CountyLeadership, "", 70.0)));
    assert!(!seen.iter().any(|r| r.1 == Sector::Culture && r.0 == "297"), "the refused batch wrote nothing");
    assert_eq!(all.len(), 4);
    let people = s.residents("municipality", 2021).await.unwrap();
    let kuopio_area = kuopio.area_id.unwrap();
    assert_eq!(people, vec![(kuopio_area, 119_282.0)], "the latest up to the year, total only");
    let version = s.data_version().await.unwrap();
    s.save_tea_rows(None, &[row("749", Sector::Culture, "", 41.0)], Actor::SYSTEM).await.unwrap();
    assert!(s.data_version().await.unwrap() > version, "cached computations see the write");
    let own = s.tea_results(kuopio.area_id, 2020, 2030).await.unwrap();
    assert_eq!(own.len(), 2);
    assert!(s.tea_results(None, 2025, 2030).await.unwrap().is_empty());
}

async fn scenarios_are_their_organisations_and_attach_to_its_own_goals(s: &dyn Store) {
    let model = load(s, MODEL).await;
    let kuopio = org(s, OrgKind::Municipality, "Kuopio").await;
    let oulu = org(s, OrgKind::Municipality, "Oulu").await;
    let outcome = Outcome {
        total_before: Some(40.0),
        total_after: Some(60.0),
        euros_before: Some(1.0),
        euros_after: Some(2.0),
        ..Outcome::default()
    };
    let changes = vec![Change { indicator: "lead".into(), kind: ChangeKind::To(60.0) }];
    let input = ScenarioInput::parse("Johto kuntoon", changes, outcome).unwrap();
    let sc = s.save_scenario(kuopio.id, model.id, &input, Actor::SYSTEM).await.unwrap();
    assert_eq!((sc.org_id, sc.model_id, sc.goal_id, &sc.input, sc.version), (kuopio.id, model.id, None, &input, 1));
    assert_written(&sc, s.scenario(kuopio.id, sc.id).await.unwrap(), &sc);
    assert_eq!(s.scenario(oulu.id, sc.id).await.unwrap(), None, "another organisation's");
    assert!(s.scenarios(oulu.id).await.unwrap().is_empty());
    let e = s.save_scenario(kuopio.id, 9_999, &input, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);

    s.upsert_indicators(&[indicator("4404", "Tupakointi", "Rökning", false)]).await.unwrap();
    let ind = s.indicator_ids("sotkanet", None).await.unwrap()["4404"].0;
    let new = NewReport::parse("term", "2025–2029", "", &["fi"], "Hyvinvointikertomus", None).unwrap();
    let new = &new;
    let goal = |org_id: i64| async move {
        let r = s.create_report(org_id, new, Actor::SYSTEM).await.unwrap();
        let pr = s.add_priority(r.id, &PriorityInput::parse("Johto", "").unwrap(), Actor::SYSTEM).await.unwrap();
        let g = GoalForm {
            priority_id: pr.id.to_string(),
            title: "Tupakointi vähenee".into(),
            indicator_id: ind.to_string(),
            baseline_year: "2023".into(),
            baseline_value: "10".into(),
            target_year: "2029".into(),
            target_value: "8".into(),
        };
        (r.id, s.add_goal(r.id, &g.parse().unwrap(), Actor::SYSTEM).await.unwrap().id)
    };
    let (report, g) = goal(kuopio.id).await;
    let (_, foreign) = goal(oulu.id).await;
    let e = s.attach_scenario(kuopio.id, sc.id, 1, Some(foreign), Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound, "a goal of another organisation's plan");
    let e = s.attach_scenario(oulu.id, sc.id, 1, Some(g), Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound, "another organisation's scenario");
    let results = race(3, |_| s.attach_scenario(kuopio.id, sc.id, 1, Some(g), Actor::SYSTEM)).await;
    one_wins("attach", &results);
    let attached = s.scenario(kuopio.id, sc.id).await.unwrap().unwrap();
    assert_eq!((attached.goal_id, attached.version), (Some(g), 2));
    assert_eq!(s.goal_scenarios(kuopio.id, report).await.unwrap(), vec![attached.clone()]);
    assert!(s.goal_scenarios(oulu.id, report).await.unwrap().is_empty());
    let e = s.delete_scenario(kuopio.id, sc.id, 1, Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::EditConflict);
    s.delete_scenario(kuopio.id, sc.id, 2, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.scenario(kuopio.id, sc.id).await.unwrap(), None);
}
