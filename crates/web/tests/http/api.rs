use crate::helpers::*;
use reqwest::StatusCode;

#[tokio::test]
async fn errors_are_json_with_stable_codes() {
    let app = spawn().await;
    let r = app.get("/api/v1/areas/municipality/999").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let b: serde_json::Value = r.json().await.unwrap();
    assert_eq!(b["error"]["code"], "not_found");
    let b: serde_json::Value = app.get("/api/v1/me").await.json().await.unwrap();
    assert_eq!(b["error"]["code"], "not_logged_in");
}

#[tokio::test]
async fn organisations_and_sectors_through_the_api() {
    let app = spawn().await;
    let orgs: Vec<serde_json::Value> = app.get("/api/v1/organisations").await.json().await.unwrap();
    assert_eq!(orgs.len(), 7);
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let one: serde_json::Value = app.get(&format!("/api/v1/organisations/{kuopio}")).await.json().await.unwrap();
    assert_eq!(one["name"]["sv"], "Kuopio stad");
    assert_eq!(one["kind"], "municipality");

    app.login("admin@kuopio.example").await;
    let url = app.url(&format!("/api/v1/organisations/{kuopio}/sectors"));
    let csrf = app.csrf().await;
    let r = app
        .client
        .post(&url)
        .header("x-csrf-token", &csrf)
        .json(&serde_json::json!({"name_fi": "Kirjasto", "name_sv": "Bibliotek"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let s: serde_json::Value = r.json().await.unwrap();
    assert_eq!((s["name"]["sv"].as_str(), s["version"].as_i64()), (Some("Bibliotek"), Some(1)));
    let r = app
        .client
        .post(&url)
        .header("x-csrf-token", &csrf)
        .json(&serde_json::json!({"name_fi": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let b: serde_json::Value = r.json().await.unwrap();
    assert_eq!(b["error"]["fields"][0]["field"], "name_fi");
    assert_eq!(b["error"]["fields"][0]["code"], "required");
    let r = app
        .client
        .post(&url)
        .header("x-csrf-token", &csrf)
        .header("content-type", "application/json")
        .body("{")
        .send()
        .await
        .unwrap();
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["error"]["code"], "invalid_input");
    let sectors: Vec<serde_json::Value> =
        app.get(&format!("/api/v1/organisations/{kuopio}/sectors")).await.json().await.unwrap();
    assert!(sectors.iter().any(|s| s["name"]["fi"] == "Kirjasto"));
}

/// The OpenAPI document is generated from code; this snapshot shows every change to it in review.
/// Regenerate with `UPDATE_SNAPSHOTS=1 cargo test -p hyte-web --test http`.
#[tokio::test]
async fn openapi_document_matches_the_snapshot() {
    let app = spawn().await;
    let doc: serde_json::Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let pretty = serde_json::to_string_pretty(&doc).unwrap() + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/openapi.json");
    if std::env::var("UPDATE_SNAPSHOTS").is_ok() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &pretty).unwrap();
    }
    let expected = std::fs::read_to_string(&path).expect("snapshot exists (run with UPDATE_SNAPSHOTS=1)");
    assert_eq!(pretty, expected, "the API changed: review and update the snapshot");
    for p in ["/api/v1/areas", "/api/v1/areas/{kind}/{code}", "/api/v1/organisations", "/api/v1/me"] {
        assert!(doc["paths"].get(p).is_some(), "{p} documented");
    }
}
