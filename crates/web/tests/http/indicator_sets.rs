//! Indicator sets, end to end: Kuopio creates its own set and edits it (version 2, version 1 still
//! readable), a stale edit conflicts, another organisation cannot edit it, an indicator Kuopio may
//! not use is refused; the public list shows a national set with its source; an area profile and
//! the county's regional report follow a set (the demo's Pohjois-Savo set, in two versions).

use crate::helpers::*;
use hyte_domain::knowledge::indicator_set::{SetInput, SetKind};
use hyte_domain::Names;
use hyte_store::{Actor, IndicatorSetStore, IndicatorStore};
use reqwest::StatusCode;

async fn sotkanet(app: &TestApp, id: &str) -> i64 {
    app.store.indicator_ids("sotkanet", None).await.unwrap()[id].0
}

#[tokio::test]
async fn a_municipality_keeps_versions_of_its_own_set_and_no_one_else_edits_it() {
    let app = spawn().await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let oulu = app.org_id("Oulun kaupunki").await;
    let (diabetes, assistance, gini) =
        (sotkanet(&app, "683").await, sotkanet(&app, "5").await, sotkanet(&app, "3126").await);
    app.login("koordinaattori@kuopio.example").await;
    let page = app.text(&format!("/orgs/{kuopio}/indicator-sets")).await;
    assert!(page.contains("Luo oma kori"), "no set yet: the create form");

    // A form that does not parse changes nothing and says why.
    let r = app.post(&format!("/orgs/{kuopio}/indicator-sets"), &[("name_fi", ""), ("add", "683x")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(app.store.own_set(kuopio).await.unwrap().is_none());

    let (d, a) = (diabetes.to_string(), assistance.to_string());
    let add = format!("{d}, {a}");
    let r = app
        .post(
            &format!("/orgs/{kuopio}/indicator-sets"),
            &[("name_fi", "Kuopion kori"), ("name_en", "Kuopio set"), ("add", &add)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (set, ids) = app.store.own_set(kuopio).await.unwrap().unwrap();
    assert_eq!((set.version, ids), (1, vec![diabetes, assistance]));
    assert_eq!(location(&r), format!("/indicator-sets/{}", set.id));

    // Edit: drop one, add one; version 2.
    let path = format!("/orgs/{kuopio}/indicator-sets/{}", set.id);
    let g = gini.to_string();
    let edit = [("name_fi", "Kuopion kori"), ("keep", d.as_str()), ("add", g.as_str()), ("version", "1")];
    assert_eq!(app.post(&path, &edit).await.status(), StatusCode::SEE_OTHER);
    let (v2, ids) = app.store.own_set(kuopio).await.unwrap().unwrap();
    assert_eq!((v2.version, ids), (2, vec![diabetes, gini]));
    let public = app.text(&format!("/indicator-sets/{}", set.id)).await;
    assert!(public.contains("Gini-kerroin") && public.contains(&format!("/indicators/{gini}")));
    assert!(public.contains("1 lisätty, 1 poistettu"), "the changes from version 1");
    let old = app.text(&format!("/indicator-sets/{}?version=1", set.id)).await;
    assert!(old.contains("aiempi versio 1") && old.contains(&format!("/indicators/{assistance}")));
    assert!(!old.contains("Gini-kerroin"), "version 1 as it was");

    // A stale edit conflicts and changes nothing.
    let r = app.post(&path, &edit).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert_eq!(app.store.own_set(kuopio).await.unwrap().unwrap().0.version, 2);

    // An indicator Kuopio may not use: Oulu's own.
    let own = hyte_store::NewIndicator {
        source: "own".into(),
        source_id: "oulu-1".into(),
        org_id: Some(oulu),
        title: Names::new("Oulun oma kysely", None, None),
        texts: hyte_domain::IndicatorTexts::default(),
        value_type: hyte_domain::ValueType::Percent,
        decimals: 1,
        polarity: hyte_domain::knowledge::stats::Polarity::NoDirection,
        producer: None,
        attribution: "Oulu".into(),
        themes: vec![],
        data_updated: None,
        complete: true,
    };
    app.store.upsert_indicators(&[own]).await.unwrap();
    let theirs = app.store.indicator_ids("own", Some(oulu)).await.unwrap()["oulu-1"].0.to_string();
    let bad = [("name_fi", "Kuopion kori"), ("keep", d.as_str()), ("add", theirs.as_str()), ("version", "2")];
    let r = app.post(&path, &bad).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.store.own_set(kuopio).await.unwrap().unwrap().0.version, 2);

    // A viewer of Kuopio may read but not edit.
    let viewer = app.other_browser();
    viewer.login("katselija@kuopio.example").await;
    assert!(!viewer.text(&format!("/orgs/{kuopio}/indicator-sets")).await.contains("Tallenna uusi versio"));
    assert_eq!(
        viewer.post(&path, &[("name_fi", "X"), ("keep", d.as_str()), ("version", "2")]).await.status(),
        StatusCode::FORBIDDEN
    );

    // Another organisation: not through Kuopio's page, nor through its own.
    let other = app.other_browser();
    other.login("admin@oulu.example").await;
    let r = other.post(&path, &[("name_fi", "X"), ("keep", d.as_str()), ("version", "2")]).await;
    assert!(matches!(r.status(), StatusCode::NOT_FOUND | StatusCode::FORBIDDEN), "{}", r.status());
    let r = other
        .post(
            &format!("/orgs/{oulu}/indicator-sets/{}", set.id),
            &[("name_fi", "X"), ("keep", d.as_str()), ("version", "2")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.store.own_set(kuopio).await.unwrap().unwrap().0.version, 2, "unchanged");
}

#[tokio::test]
async fn the_public_list_profiles_and_the_regional_report_follow_sets() {
    let app = spawn().await;
    let county = app.org_id("Pohjois-Savon hyvinvointialue").await;
    // The demo: Pohjois-Savo's own set in two versions.
    let (set, ids) = app.store.own_set(county).await.unwrap().expect("the demo's set");
    assert_eq!(set.version, 2);
    assert_eq!(app.store.indicator_set_versions(set.id).await.unwrap().len(), 2);
    assert!(ids.contains(&sotkanet(&app, "3126").await));

    // A national set as the loader writes one (a test fixture: Hyte ships none it could not verify).
    let input = SetInput {
        names: Names::new("Testikori (kansallinen)", Some("Testkorg".into()), Some("Test set".into())),
        source: Some("Testin lähdeteksti".into()),
        source_url: Some("https://thl.fi/test-source".into()),
        indicator_ids: vec![sotkanet(&app, "683").await],
    };
    app.store.put_national_set(SetKind::Municipal, &input, Actor::SYSTEM).await.unwrap();
    let list = app.text("/indicator-sets").await;
    assert!(list.contains("Testikori (kansallinen)") && list.contains("https://thl.fi/test-source"));
    assert!(list.contains("Testin lähdeteksti") && list.contains("Pohjois-Savon hyvinvoinnin seurantakori"));
    let swede = app.other_browser();
    swede.get("/lang/sv?next=/").await;
    assert!(swede.text("/indicator-sets").await.contains("Indikatorkorgar"));

    // An area profile with the set shows the set's indicators and no others.
    let all = app.text("/areas/municipality/297/profile").await;
    assert!(all.contains("Elatussuhde"), "without a set: every indicator with data");
    let profile = app.text(&format!("/areas/municipality/297/profile?set={}", set.id)).await;
    assert!(profile.contains("Gini-kerroin") && profile.contains("Erityiskorvattaviin"));
    assert!(!profile.contains("Elatussuhde"), "only the set's indicators");
    assert!(profile.contains(&format!("/indicator-sets/{}", set.id)));
    assert_eq!(app.get("/areas/municipality/297/profile?set=999999").await.status(), StatusCode::NOT_FOUND);

    // The county's regional report spreads its own set's indicators.
    app.login("hyte@pohjois-savo.example").await;
    let regional = app.text(&format!("/regional/{county}")).await;
    assert!(regional.contains("Gini-kerroin") && regional.contains(&format!("/indicator-sets/{}", set.id)));
    let org = app.text(&format!("/orgs/{county}/indicator-sets")).await;
    assert!(org.contains("Tallenna uusi versio") && org.contains("Pohjois-Savon hyvinvoinnin seurantakori"));
}
