#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! The demo holds issue 14's survey and plan (items 1–2), read back through the store (SQLite; the
//! store's conformance covers PostgreSQL): both municipalities answered, four actions, two
//! delivered with feedback, and the two needs without an action as gaps.

use chrono::Datelike;
use hyte_domain::support::plan::gaps;
use hyte_domain::support::survey::{heat_map, NeedLevel};
use hyte_domain::support::ContentArea;
use hyte_store::Store;

async fn org_id(store: &dyn Store, name_fi: &str) -> i64 {
    store.list_organisations().await.unwrap().into_iter().find(|o| o.names.fi == name_fi).unwrap().id
}

async fn the_demo_holds_the_survey_and_the_plan(store: &dyn Store) {
    hyte_seed::load_base(store).await.unwrap();
    hyte_seed::demo::load(store, &|p: &str| format!("test-hash:{p}")).await.unwrap();
    let year = chrono::Utc::now().date_naive().year();
    let county = org_id(store, "Pohjois-Savon hyvinvointialue").await;
    let kuopio = org_id(store, "Kuopion kaupunki").await;
    let town = org_id(store, "Siilinjärven kunta").await;
    let survey = store.list_surveys(county).await.unwrap().into_iter().find(|s| s.input.year == year).unwrap();
    assert_eq!(survey.sent_to, [kuopio, town]);
    let responses = store.survey_responses(county, survey.id).await.unwrap();
    assert_eq!(responses.len(), 2, "both answered and submitted");
    assert!(responses.iter().all(|r| r.sectors.len() >= 2), "several sectors each");
    let heat = heat_map(&survey, &responses);
    let mental = ContentArea::ALL.iter().position(|a| *a == ContentArea::MentalWellbeing).unwrap();
    assert_eq!(heat[1].cells[mental], Some(NeedLevel::Great));
    let plan = store.list_plans(county).await.unwrap().into_iter().find(|p| p.year == year).unwrap();
    let view = store.get_plan(county, plan.id).await.unwrap().unwrap();
    assert_eq!(view.actions.len(), 4);
    assert_eq!(view.deliveries.len(), 2);
    assert!(view.deliveries.iter().all(|d| d.feedback.is_some()));
    let needs = vec![
        (kuopio, store.needs_of(county, kuopio, year).await.unwrap()),
        (town, store.needs_of(county, town, year).await.unwrap()),
    ];
    let g: Vec<(i64, ContentArea)> = gaps(&needs, &view.actions).iter().map(|g| (g.org_id, g.area)).collect();
    assert_eq!(g, [(kuopio, ContentArea::ImpactAssessment), (town, ContentArea::MentalWellbeing)]);
    assert_eq!(store.delivered_to(county, kuopio, year).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_support_survey_demo_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("demo.db").display());
    let store = hyte_store_sqlite::SqliteStore::connect(&url).await.unwrap();
    the_demo_holds_the_survey_and_the_plan(&store).await;
    store.close().await;
}
