use crate::helpers::*;
use reqwest::StatusCode;

#[tokio::test]
async fn the_language_switch_keeps_the_page() {
    let app = spawn().await;
    let fi = app.text("/areas").await;
    assert!(fi.contains(r#"<html lang="fi">"#) && fi.contains("Alueet"));
    let r = app.get("/lang/sv?next=%2Fareas%3Fkind%3Dregion").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/areas?kind=region");
    let sv = app.text("/areas?kind=region").await;
    assert!(sv.contains(r#"<html lang="sv">"#) && sv.contains("Områden"));
    assert!(sv.contains("Norra Savolax"), "area names in Swedish");
    app.get("/lang/en?next=/").await;
    assert!(app.text("/areas/municipality/564").await.contains(r#"<html lang="en">"#));
    assert_eq!(app.get("/lang/de?next=/").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn organisation_names_follow_the_language() {
    let app = spawn().await;
    app.login("admin@kuopio.example").await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    app.get("/lang/sv?next=/").await;
    let page = app.text(&format!("/orgs/{kuopio}")).await;
    assert!(page.contains("Kuopio stad") && page.contains("Huvudanvändare"));
    assert!(page.contains("Bildning och utbildning"), "sector names in Swedish");
}

#[tokio::test]
async fn accept_language_is_used_before_a_choice_is_made() {
    let app = spawn().await;
    let r = app.client.get(app.url("/")).header("accept-language", "en-GB,en;q=0.9").send().await.unwrap();
    assert!(r.text().await.unwrap().contains(r#"<html lang="en">"#));
}
