//! An organisation's own indicators are private: another organisation's coordinator cannot put
//! one into a report section, a plan goal's target or an assessment citation by its id (issue 16).

use crate::helpers::*;
use hyte_domain::knowledge::stats::Polarity;
use hyte_domain::{IndicatorTexts, Names, ValueType};
use hyte_store::{AssessmentStore, IndicatorStore, NewIndicator, PlanStore, ReportStore};
use reqwest::StatusCode;

/// Oulu's own (private) indicator: its id.
async fn oulu_private_indicator(app: &TestApp) -> i64 {
    let oulu = app.org_id("Oulun kaupunki").await;
    let own = NewIndicator {
        source: "own".into(),
        source_id: "salainen-1".into(),
        org_id: Some(oulu),
        title: Names::new("Oulun salainen kysely", None, None),
        texts: IndicatorTexts::default(),
        value_type: ValueType::Percent,
        decimals: 1,
        polarity: Polarity::NoDirection,
        producer: None,
        attribution: "Oulu".into(),
        themes: vec![],
        data_updated: None,
        complete: true,
    };
    app.store.upsert_indicators(&[own]).await.unwrap();
    app.store.indicator_ids("own", Some(oulu)).await.unwrap()["salainen-1"].0
}

const REFUSED: &str = "Valitse indikaattori listasta";

#[tokio::test]
async fn a_kuopio_coordinator_cannot_use_another_organisations_private_indicator() {
    let app = spawn().await;
    let secret = oulu_private_indicator(&app).await;
    let national = app.store.indicator_ids("sotkanet", None).await.unwrap()["127"].0;
    let (report_path, rid) = kuopio_term_report(&app).await;
    let kuopio = app.org_id("Kuopion kaupunki").await;

    // A report section: neither typed into the form nor added through the chooser.
    let section = app.store.report_sections(rid).await.unwrap().into_iter().find(|s| s.key == "population").unwrap();
    let edit = format!("{report_path}/sections/{}", section.id);
    let v = section.version.to_string();
    let typed = |ids: String| {
        vec![
            ("title_fi", "Väestö".to_string()),
            ("body_fi", "Teksti.".to_string()),
            ("indicator_ids", ids),
            ("version", v.clone()),
        ]
    };
    let form = typed(format!("{national}, {secret}"));
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = app.post(&edit, &form).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains(REFUSED) && page.contains(r#"id="section-indicator_ids-error""#), "{page}");
    assert!(!page.contains("Oulun salainen kysely"), "its title is not shown");
    let (s_national, s_secret) = (national.to_string(), secret.to_string());
    let r = app.post(&format!("{edit}/indicators"), &[("version", &v), ("add", &s_secret)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "the chooser skips it");
    let stored = app.store.report_sections(rid).await.unwrap().into_iter().find(|s| s.id == section.id).unwrap();
    assert!(stored.indicator_ids.is_empty(), "nothing of it is written");
    assert!(!app.text(&format!("{edit}?q=salainen")).await.contains("Oulun salainen kysely"), "nor listed");
    let form = typed(s_national.clone());
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut form = form;
    let next = stored.version.to_string();
    form.retain(|(k, _)| *k != "version");
    form.push(("version", &next));
    assert_eq!(app.post(&edit, &form).await.status(), StatusCode::SEE_OTHER, "a national indicator is kept");
    let stored = app.store.report_sections(rid).await.unwrap().into_iter().find(|s| s.id == section.id).unwrap();
    assert_eq!(stored.indicator_ids, vec![national]);

    // A plan goal's target.
    let plan = format!("{report_path}/plan");
    app.post(&format!("{plan}/priorities"), &[("title", "Liikkuminen")]).await;
    let pid = app.store.plan(rid).await.unwrap().priorities[0].id.to_string();
    let goal = |ind: &str| {
        vec![
            ("priority_id", pid.clone()),
            ("title", "Väestö kasvaa".to_string()),
            ("indicator_id", ind.to_string()),
            ("baseline_year", "2018".to_string()),
            ("baseline_value", "118664".to_string()),
            ("target_year", "2026".to_string()),
            ("target_value", "122000".to_string()),
        ]
    };
    let post_goal = |f: Vec<(&'static str, String)>| {
        let (app, plan) = (&app, plan.clone());
        async move {
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post(&format!("{plan}/goals"), &f).await
        }
    };
    let r = post_goal(goal(&s_secret)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains(REFUSED));
    assert!(app.store.plan(rid).await.unwrap().goals.is_empty(), "no goal on Oulu's indicator");
    assert_eq!(post_goal(goal(&s_national)).await.status(), StatusCode::SEE_OTHER);
    let g = app.store.plan(rid).await.unwrap().goals[0].clone();
    assert_eq!(g.targets[0].indicator_id, national);
    let mut edited = goal(&s_secret);
    edited.push(("version", g.version.to_string()));
    let f: Vec<(&str, &str)> = edited.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = app.post(&format!("{plan}/goals/{}/edit", g.id), &f).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "nor edited onto it");
    assert!(r.text().await.unwrap().contains(REFUSED));
    assert_eq!(app.store.plan(rid).await.unwrap().goals[0], g);

    // An assessment citation.
    let r = app
        .post(
            &format!("/orgs/{kuopio}/decisions"),
            &[
                ("title", "Kyläkoulun lakkauttaminen"),
                ("body", "council"),
                ("decision_type", "service_network"),
                ("preparer", "Opetusjohtaja"),
                ("planned_on", "2026-11-20"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let path = location(&r);
    let template = app.store.assessment_templates(kuopio).await.unwrap().into_iter().find(|t| t.key == "iva").unwrap();
    let r = app.post(&format!("{path}/assessments"), &[("template_id", &template.id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let a_path = location(&r);
    let aid: i64 = a_path.rsplit('/').next().unwrap().parse().unwrap();
    let r = app.post(&format!("{a_path}/cite"), &[("indicator_id", &s_secret), ("group", "0")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains(REFUSED));
    assert!(app.store.assessment_citations(aid).await.unwrap().is_empty(), "no citation of Oulu's indicator");
    let r = app.post(&format!("{a_path}/cite"), &[("indicator_id", &s_national), ("group", "0")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "a national indicator is cited");
    assert_eq!(app.store.assessment_citations(aid).await.unwrap()[0].indicator_id, national);
}
