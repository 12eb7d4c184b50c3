use crate::helpers::*;
use reqwest::StatusCode;
use std::collections::BTreeSet;

#[tokio::test]
async fn areas_api_returns_every_municipality_in_the_data() {
    let app = spawn().await;
    let expected: BTreeSet<String> = hyte_seed::areas::load()
        .unwrap()
        .areas
        .into_iter()
        .filter(|a| a.kind == "municipality")
        .map(|a| a.code)
        .collect();
    assert!(expected.len() >= 308);
    let got: Vec<serde_json::Value> = app.get("/api/v1/areas?kind=municipality").await.json().await.unwrap();
    let codes: BTreeSet<String> = got.iter().map(|a| a["code"].as_str().unwrap().to_string()).collect();
    assert_eq!(codes, expected);
    let all: Vec<serde_json::Value> = app.get("/api/v1/areas").await.json().await.unwrap();
    let counties = all.iter().filter(|a| a["kind"] == "wellbeing_county").count();
    assert_eq!(counties, 23, "21 counties, Helsinki and Åland");
}

#[tokio::test]
async fn kuopio_belongs_to_north_savo_with_its_population() {
    let app = spawn().await;
    let k: serde_json::Value = app.get("/api/v1/areas/municipality/297").await.json().await.unwrap();
    assert_eq!(k["area"]["name"]["fi"], "Kuopio");
    assert_eq!(k["year"], 2026);
    let parents: Vec<&str> = k["parents"].as_array().unwrap().iter().map(|p| p["code"].as_str().unwrap()).collect();
    assert_eq!(parents, ["13", "11"], "county, then region");
    let pop = k["population"].as_array().unwrap();
    assert!(pop.iter().any(|p| p["year"] == 2022 && p["sex"] == "total" && p["population"] == 122594));

    let county: serde_json::Value = app.get("/api/v1/areas/wellbeing_county/13?year=2024").await.json().await.unwrap();
    let members: Vec<&str> =
        county["members"].as_array().unwrap().iter().map(|m| m["name"]["fi"].as_str().unwrap()).collect();
    assert!(members.contains(&"Kuopio") && members.contains(&"Siilinjärvi"));
    assert_eq!(members.len(), 19);

    let page = app.text("/areas/municipality/297").await;
    assert!(page.contains("Pohjois-Savon hyvinvointialue") && page.contains("122\u{a0}594"));
    assert!(page.contains("Kuopion kaupunki"), "the organisation of the area");
}

#[tokio::test]
async fn area_list_searches_in_every_language() {
    let app = spawn().await;
    let page = app.text("/areas?q=uleåborg").await;
    assert!(page.contains("/areas/municipality/564"));
    let page = app.text("/areas?kind=wellbeing_county").await;
    assert!(page.contains("23 aluetta"));
    let r = app.get("/areas/municipality/999").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(r.text().await.unwrap().contains("ei löytynyt"));
}
