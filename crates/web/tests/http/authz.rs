//! Every write route is authorised by role **and** organisation.

use crate::helpers::*;
use hyte_store::OrgStore;
use reqwest::StatusCode;

/// (path, form) of every state-changing page route of organisation `org`.
async fn write_routes(app: &TestApp, org: i64, member_email: &str) -> Vec<(String, Vec<(&'static str, String)>)> {
    let uid = app.user_id(member_email).await;
    let sector = app.store.list_sectors(org).await.unwrap()[0].clone();
    let sid = sector.id;
    let v = sector.version.to_string();
    vec![
        (
            format!("/orgs/{org}/users"),
            vec![
                ("email", "new.person@example.fi".into()),
                ("display_name", "New Person".into()),
                ("role", "viewer".into()),
                ("sector", "".into()),
                ("password", "long enough password".into()),
            ],
        ),
        (
            format!("/orgs/{org}/users/{uid}"),
            vec![("role", "viewer".into()), ("sector", "".into()), ("version", "1".into())],
        ),
        (format!("/orgs/{org}/users/{uid}/remove"), vec![("version", "1".into())]),
        (format!("/orgs/{org}/sectors"), vec![("name_fi", "Uusi ala".into())]),
        (format!("/orgs/{org}/sectors/{sid}"), vec![("name_fi", "Muutettu".into()), ("version", v.clone())]),
        (format!("/orgs/{org}/sectors/{sid}/delete"), vec![("version", v)]),
    ]
}

async fn assert_all_refused(app: &TestApp, org: i64, member_email: &str, expected: StatusCode) {
    let audit_before = app.audit_len(org).await;
    let sectors_before = app.store.list_sectors(org).await.unwrap();
    for (path, form) in write_routes(app, org, member_email).await {
        let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = app.post(&path, &fields).await;
        assert_eq!(r.status(), expected, "POST {path}");
    }
    let r = app
        .client
        .post(app.url(&format!("/api/v1/organisations/{org}/sectors")))
        .header("x-csrf-token", app.csrf().await)
        .json(&serde_json::json!({"name_fi": "API-ala"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), expected, "API POST sectors");
    let body: serde_json::Value = r.json().await.unwrap();
    let code = if expected == StatusCode::UNAUTHORIZED { "not_logged_in" } else { "forbidden" };
    assert_eq!(body["error"]["code"], code);
    assert_eq!(app.audit_len(org).await, audit_before, "nothing was written");
    assert_eq!(app.store.list_sectors(org).await.unwrap(), sectors_before);
}

#[tokio::test]
async fn a_kuopio_admin_cannot_touch_oulu() {
    let app = spawn().await;
    app.login("admin@kuopio.example").await;
    let oulu = app.org_id("Oulun kaupunki").await;
    assert_all_refused(&app, oulu, "admin@oulu.example", StatusCode::FORBIDDEN).await;
    // Reading Oulu's internal pages is refused too.
    for p in ["", "/users", "/sectors", "/audit"] {
        assert_eq!(app.get(&format!("/orgs/{oulu}{p}")).await.status(), StatusCode::FORBIDDEN, "GET /orgs/{oulu}{p}");
    }
    assert_eq!(app.get(&format!("/api/v1/organisations/{oulu}/sectors")).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_kuopio_coordinator_cannot_administer_kuopio() {
    let app = spawn().await;
    app.login("koordinaattori@kuopio.example").await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    assert_all_refused(&app, kuopio, "katselija@kuopio.example", StatusCode::FORBIDDEN).await;
    // The coordinator still sees the organisation.
    assert_eq!(app.get(&format!("/orgs/{kuopio}")).await.status(), StatusCode::OK);
    assert_eq!(app.get(&format!("/orgs/{kuopio}/users")).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn editors_and_viewers_cannot_administer() {
    let app = spawn().await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    for email in ["sivistys@kuopio.example", "katselija@kuopio.example"] {
        let b = app.other_browser();
        b.login(email).await;
        assert_all_refused(&b, kuopio, "koordinaattori@kuopio.example", StatusCode::FORBIDDEN).await;
    }
}

#[tokio::test]
async fn anonymous_visitors_cannot_write_or_read_internal_pages() {
    let app = spawn().await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    assert_all_refused(&app, kuopio, "admin@kuopio.example", StatusCode::UNAUTHORIZED).await;
    let r = app.get(&format!("/orgs/{kuopio}/users")).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), format!("/login?next=%2Forgs%2F{kuopio}%2Fusers"));
    assert_eq!(location(&app.get("/org").await), "/login?next=%2Forg");
    // Public pages stay public.
    for p in ["/", "/areas", "/areas/municipality/297", "/accessibility", "/login"] {
        assert_eq!(app.get(p).await.status(), StatusCode::OK, "{p}");
    }
}
