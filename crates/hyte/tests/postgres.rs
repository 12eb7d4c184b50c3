#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! The web application on PostgreSQL: log in, change data, read it back (runs when
//! `HYTE_TEST_POSTGRES_URL` is set; `.ci/run` sets it). The same flows on SQLite are in
//! `crates/web/tests/http`.

use hyte_store::OrgStore;
use hyte_store_postgres::PgStore;
use rand::Rng;
use sqlx::Connection;
use std::sync::Arc;

#[tokio::test]
async fn the_app_works_on_postgres() {
    let Ok(admin_url) = std::env::var("HYTE_TEST_POSTGRES_URL") else {
        eprintln!("HYTE_TEST_POSTGRES_URL not set: skipping");
        return;
    };
    let db = format!("hyte_web_{:016x}", rand::thread_rng().gen::<u64>());
    let mut admin = sqlx::PgConnection::connect(&admin_url).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {db}")).execute(&mut admin).await.unwrap();
    let url = format!("{}/{db}", admin_url.rsplit_once('/').unwrap().0);

    let store = Arc::new(PgStore::connect(&url).await.unwrap());
    hyte_seed::load_base(&*store).await.unwrap();
    hyte_seed::demo::load(&*store, &hyte_web::auth::hash_password).await.unwrap();
    let kuopio =
        store.list_organisations().await.unwrap().into_iter().find(|o| o.names.fi == "Kuopion kaupunki").unwrap().id;
    let app = hyte_web::app_state(store.clone(), hyte_web::WebConfig::default());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(hyte_web::serve(app, listener, std::future::pending()));

    let client =
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let page = client.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
    let csrf = page.split(r#"name="csrf" value=""#).nth(1).unwrap().split('"').next().unwrap().to_string();
    let r = client
        .post(format!("{base}/login"))
        .form(&[
            ("email", "admin@kuopio.example"),
            ("password", hyte_seed::demo::PASSWORD),
            ("next", "/"),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    // The token is bound to the session: a new one after login.
    let page = client.get(format!("{base}/orgs/{kuopio}/sectors")).send().await.unwrap().text().await.unwrap();
    let csrf = page.split(r#"name="csrf" value=""#).nth(1).unwrap().split('"').next().unwrap().to_string();
    let r = client
        .post(format!("{base}/orgs/{kuopio}/sectors"))
        .form(&[("name_fi", "Kirjastot"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let audit = client.get(format!("{base}/orgs/{kuopio}/audit")).send().await.unwrap().text().await.unwrap();
    assert!(audit.contains("Kirjastot") && audit.contains("admin@kuopio.example"));
    let area = client.get(format!("{base}/areas/municipality/297")).send().await.unwrap().text().await.unwrap();
    assert!(area.contains("122\u{a0}594"));
    let me: serde_json::Value = client.get(format!("{base}/api/v1/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["email"], "admin@kuopio.example");
    assert_eq!(client.get(format!("{base}/readyz")).send().await.unwrap().text().await.unwrap(), "ready");

    store.close().await;
    sqlx::query(&format!("DROP DATABASE {db} WITH (FORCE)")).execute(&mut admin).await.unwrap();
}
