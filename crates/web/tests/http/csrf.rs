//! CSRF tokens are bound to the session: they change at login and logout, a token from before
//! login or from another session is refused, and a second login in the same browser ends the
//! first session.

use crate::helpers::*;
use reqwest::StatusCode;

/// Posts a harmless form (an empty login form) with `token` as the CSRF field: 422 (the form's
/// errors) once the token passes, 403 if it does not.
async fn post_with(app: &TestApp, token: &str) -> StatusCode {
    let form = [("csrf", token), ("email", ""), ("password", ""), ("next", "/")];
    app.client.post(app.url("/login")).form(&form).send().await.unwrap().status()
}

#[tokio::test]
async fn tokens_are_bound_to_the_session_and_rotate_at_login_and_logout() {
    let app = spawn().await;
    let anonymous = app.csrf().await;
    assert_eq!(post_with(&app, &anonymous).await, StatusCode::UNPROCESSABLE_ENTITY, "works before login");
    app.login("koordinaattori@kuopio.example").await;
    let first = app.csrf().await;
    assert_ne!(first, anonymous, "rotated at login");
    assert_eq!(post_with(&app, &anonymous).await, StatusCode::FORBIDDEN, "the token from before login is refused");
    assert_eq!(post_with(&app, &first).await, StatusCode::UNPROCESSABLE_ENTITY);
    let page = app.text("/").await;
    assert!(
        page.contains("Kalle Koskinen") && page.contains(&format!("value=\"{first}\"")),
        "forms carry the session's token"
    );

    // Another user logs in in the same browser: the first session ends and its token goes with it.
    let first_session = app.cookie("hyte_session").unwrap();
    app.login("admin@oulu.example").await;
    let second = app.csrf().await;
    assert_ne!(second, first);
    assert_eq!(post_with(&app, &first).await, StatusCode::FORBIDDEN, "another session's token is refused");
    let stale = app.other_browser();
    stale.jar.add_cookie_str(&format!("hyte_session={first_session}; Path=/"), &app.base.parse().unwrap());
    assert!(!stale.text("/").await.contains("Kalle Koskinen"), "the first session no longer logs anyone in");

    // Logout rotates the token again.
    let r = app.post("/logout", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let after = app.csrf().await;
    assert!(after != second && after != first, "rotated at logout");
    assert_eq!(post_with(&app, &second).await, StatusCode::FORBIDDEN);
    assert_eq!(post_with(&app, &after).await, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn logged_in_pages_are_not_stored_by_caches() {
    let app = spawn().await;
    let anonymous = app.get("/").await;
    assert!(anonymous.headers().get("cache-control").is_none_or(|v| v != "no-store"));
    app.login("koordinaattori@kuopio.example").await;
    for path in ["/", "/org"] {
        let r = app.get(path).await;
        assert_eq!(r.headers().get("cache-control").unwrap(), "no-store", "{path}");
    }
}
