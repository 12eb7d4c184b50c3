use crate::helpers::*;
use reqwest::StatusCode;

#[tokio::test]
async fn login_and_logout() {
    let app = spawn().await;
    assert_eq!(app.get("/api/v1/me").await.status(), StatusCode::UNAUTHORIZED);
    let r =
        app.post("/login", &[("email", "admin@kuopio.example"), ("password", "wrong password"), ("next", "/")]).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let body = r.text().await.unwrap();
    assert!(body.contains("Sähköpostiosoite tai salasana on väärä"), "a clear message");
    assert!(app.cookie("hyte_session").is_none());

    let r =
        app.post("/login", &[("email", " Admin@Kuopio.example "), ("password", PASSWORD), ("next", "/areas")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/areas");
    let set = r.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_string()).collect::<Vec<_>>();
    let session = set.iter().find(|c| c.starts_with("hyte_session=")).unwrap();
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"), "{session}");

    let me: serde_json::Value = app.get("/api/v1/me").await.json().await.unwrap();
    assert_eq!(me["email"], "admin@kuopio.example");
    assert_eq!(me["memberships"][0]["role"], "admin");

    assert_eq!(app.post("/logout", &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get("/api/v1/me").await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn login_form_errors_are_tied_to_fields() {
    let app = spawn().await;
    let r = app.post("/login", &[("email", ""), ("password", ""), ("next", "/")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = r.text().await.unwrap();
    assert!(body.contains(r#"id="login-email-error""#));
    assert!(body.contains(r#"aria-describedby="login-email-error""#));
    assert!(body.contains(r#"aria-invalid="true""#));
    assert!(body.contains(r##"href="#login-email""##), "the error summary links to the field");
}

#[tokio::test]
async fn external_redirects_after_login_are_refused() {
    let app = spawn().await;
    let r = app
        .post("/login", &[("email", "admin@kuopio.example"), ("password", PASSWORD), ("next", "//evil.example/")])
        .await;
    assert_eq!(location(&r), "/");
    // A tab or backslash (which browsers drop or read as `/`) and CR/LF/NUL never leave the site or fail.
    for next in ["/%09/evil.example", "/%5Cevil.example", "/a%0D%0ASet-Cookie:%20x=1", "/a%00"] {
        let r = app.get(&format!("/lang/sv?next={next}")).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{next}");
        assert_eq!(location(&r), "/", "{next}");
    }
}

#[tokio::test]
async fn repeated_failures_are_rate_limited() {
    let app = spawn().await;
    let first_failure = std::time::Instant::now();
    for _ in 0..5 {
        let r = app
            .post("/login", &[("email", "admin@oulu.example"), ("password", "not the password"), ("next", "/")])
            .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    // Even the right password is refused now, with a clear message.
    let r = app.post("/login", &[("email", "admin@oulu.example"), ("password", PASSWORD), ("next", "/")]).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    // Retry-After tells the whole rest of the 15-minute window that began with the first failure
    // (the exact remainder is checked on both backends in the store's conformance suite).
    let retry: u64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    let left = 900 - first_failure.elapsed().as_secs();
    assert!((left..=900).contains(&retry), "Retry-After {retry}, {left} s left of the window");
    assert!(r.text().await.unwrap().contains("Liian monta yritystä"));
    // Other accounts are not locked by it.
    app.login("admin@kuopio.example").await;
}

/// Sixteen wrong passwords for one account at once: the attempt is counted before the password is
/// checked, in one transaction, so at most five are checked (401) and the rest wait (429). Those
/// failures, all from one address, don't lock another account out from it.
#[tokio::test]
async fn parallel_failures_are_counted_before_the_check() {
    let app = spawn().await;
    let csrf = app.csrf().await;
    let mut attempts = tokio::task::JoinSet::new();
    for _ in 0..16 {
        let fields = [
            ("email", "admin@oulu.example".to_string()),
            ("password", "not the password".to_string()),
            ("next", "/".to_string()),
            ("csrf", csrf.clone()),
        ];
        let request = app.client.post(app.url("/login")).form(&fields);
        attempts.spawn(async move { request.send().await.unwrap().status() });
    }
    let statuses: Vec<StatusCode> = attempts.join_all().await;
    let checked = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    assert!(checked <= 5, "at most the limit are checked: {statuses:?}");
    assert!(statuses.iter().all(|s| matches!(*s, StatusCode::UNAUTHORIZED | StatusCode::TOO_MANY_REQUESTS)));
    assert_eq!(checked + statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count(), 16);
    // The same address, another account: not locked out.
    app.login("admin@kuopio.example").await;
}

#[tokio::test]
async fn forms_without_a_csrf_token_are_refused() {
    let app = spawn().await;
    app.login("admin@kuopio.example").await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let before = app.audit_len(kuopio).await;
    let path = format!("/orgs/{kuopio}/sectors");
    let r = app.post_without_csrf(&path, &[("name_fi", "Kirjasto")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(r.text().await.unwrap().contains("tarkiste"), "a translated page");
    let r = app
        .post_without_csrf(&path, &[("name_fi", "Kirjasto"), ("csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")])
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // The API needs the header.
    let r = app
        .client
        .post(app.url(&format!("/api/v1/organisations/{kuopio}/sectors")))
        .json(&serde_json::json!({"name_fi": "Kirjasto"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "csrf_invalid");
    assert_eq!(app.audit_len(kuopio).await, before, "nothing changed");
    // Logout is a write too.
    assert_eq!(app.post_without_csrf("/logout", &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.get("/api/v1/me").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn sessions_live_in_the_database() {
    let app = spawn().await;
    app.login("admin@kuopio.example").await;
    // A second server on the same database accepts the session.
    let second = hyte_web::app_state(app.store.clone(), hyte_web::WebConfig::default());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(hyte_web::serve(second, listener, std::future::pending()));
    let token = app.cookie("hyte_session").unwrap();
    let r = reqwest::Client::new()
        .get(format!("{base}/api/v1/me"))
        .header("cookie", format!("hyte_session={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn security_headers_are_set() {
    let app = spawn().await;
    let r = app.get("/").await;
    let csp = r.headers().get("content-security-policy").unwrap().to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(r.headers().get("x-content-type-options").unwrap(), "nosniff");
    let csrf = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("hyte_csrf="))
        .unwrap()
        .to_string();
    assert!(csrf.contains("HttpOnly") && csrf.contains("SameSite"));
    assert_eq!(app.text("/healthz").await, "ok");
    assert_eq!(app.text("/readyz").await, "ready");
}
