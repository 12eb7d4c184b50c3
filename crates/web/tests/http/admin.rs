//! An admin manages users and sectors of their own organisation; every change is audited.

use crate::helpers::*;
use hyte_store::{OrgStore, UserStore};
use reqwest::StatusCode;

#[tokio::test]
async fn admin_adds_a_user_and_a_sector_and_sees_them_in_the_audit_log() {
    let app = spawn().await;
    app.login("admin@kuopio.example").await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let liikunta =
        app.store.list_sectors(kuopio).await.unwrap().into_iter().find(|s| s.names.fi == "Liikunta").unwrap();

    let r = app
        .post(
            &format!("/orgs/{kuopio}/users"),
            &[
                ("email", "Liisa.Laine@Kuopio.example"),
                ("display_name", "Liisa Laine"),
                ("role", "editor"),
                ("sector", &liikunta.id.to_string()),
                ("password", "liisan salasana"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let users = app.text(&format!("/orgs/{kuopio}/users")).await;
    assert!(users.contains("Kutsutut") && users.contains("liisa.laine@kuopio.example"), "invited, not yet a member");

    let r = app
        .post(
            &format!("/orgs/{kuopio}/sectors"),
            &[("name_fi", "Kirjastot"), ("name_sv", "Bibliotek"), ("name_en", "")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(app.text(&format!("/orgs/{kuopio}/sectors")).await.contains("Bibliotek"));

    let audit = app.text(&format!("/orgs/{kuopio}/audit")).await;
    assert!(audit.contains("Hallinnonala lisättiin") && audit.contains("Kirjastot"));
    assert!(audit.contains("Käyttäjä kutsuttiin organisaatioon"));
    assert!(audit.contains("admin@kuopio.example"), "who did it");

    // The new user logs in, meets the invitation first, accepts, and sees the organisation.
    let liisa = app.other_browser();
    let r = liisa
        .post("/login", &[("email", "liisa.laine@kuopio.example"), ("password", "liisan salasana"), ("next", "/org")])
        .await;
    assert_eq!(location(&r), "/invitations");
    assert_eq!(liisa.get(&format!("/orgs/{kuopio}")).await.status(), StatusCode::FORBIDDEN, "not yet a member");
    let page = liisa.text("/invitations").await;
    assert!(page.contains("Kuopion kaupunki kutsuu sinut rooliin Muokkaaja"), "{page}");
    let r = liisa.post(&format!("/invitations/{kuopio}"), &[("answer", "accept")]).await;
    assert_eq!(location(&r), format!("/orgs/{kuopio}"));
    assert!(liisa.text(&format!("/orgs/{kuopio}")).await.contains("Muokkaaja"));
    assert!(app.text(&format!("/orgs/{kuopio}/audit")).await.contains("Käyttäjä lisättiin organisaatioon"));
}

#[tokio::test]
async fn an_existing_user_joins_a_second_organisation_only_by_accepting() {
    let app = spawn().await;
    app.login("hyte@pohjois-savo.example").await;
    let county = app.org_id("Pohjois-Savon hyvinvointialue").await;
    let form = |email: &'static str| {
        [
            ("email", email),
            ("display_name", "Nimi"),
            ("password", "joku pitkä lause"),
            ("role", "viewer"),
            ("sector", ""),
        ]
    };
    // An address with an account and one without get the same answer: the admin cannot probe.
    let existing = app.post(&format!("/orgs/{county}/users"), &form("koordinaattori@kuopio.example")).await;
    let new = app.post(&format!("/orgs/{county}/users"), &form("uusi.henkilo@example.fi")).await;
    assert_eq!((existing.status(), location(&existing)), (new.status(), location(&new)));
    let uid = app.user_id("koordinaattori@kuopio.example").await;
    assert_eq!(app.store.user_memberships(uid).await.unwrap().len(), 1, "no membership without consent");
    let without_name =
        app.post(&format!("/orgs/{county}/users"), &[("email", "admin@oulu.example"), ("role", "viewer")]).await;
    assert_eq!(without_name.status(), StatusCode::UNPROCESSABLE_ENTITY, "the same fields for every address");

    let kalle = app.other_browser();
    kalle.login("koordinaattori@kuopio.example").await;
    assert!(kalle.text("/").await.contains("Kutsut (1)"), "the invitation is reachable from every page");
    let r = kalle.post(&format!("/invitations/{county}"), &[("answer", "accept")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.store.user_memberships(uid).await.unwrap().len(), 2);
    // Inviting a member again is a clear error on the e-mail field.
    let r = app.post(&format!("/orgs/{county}/users"), &form("koordinaattori@kuopio.example")).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert!(r.text().await.unwrap().contains("Käyttäjä kuuluu jo organisaatioon"));
    // Nobody answers another person's invitation: the answer is the logged-in user's own.
    let r = kalle.post(&format!("/invitations/{county}"), &[("answer", "accept")]).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_input_is_explained_next_to_the_field_and_changes_nothing() {
    let app = spawn().await;
    app.login("admin@kuopio.example").await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let before = app.audit_len(kuopio).await;
    let r = app
        .post(
            &format!("/orgs/{kuopio}/users"),
            &[
                ("email", "not-an-email"),
                ("display_name", ""),
                ("role", "root"),
                ("sector", "999999"),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = r.text().await.unwrap();
    for (field, message) in [
        ("email", "Anna sähköpostiosoite muodossa"),
        ("role", "Valitse rooli listasta"),
        ("sector", "Valitse organisaation hallinnonala"),
        ("display_name", "Kenttä on pakollinen"),
        ("password", "Salasana on liian lyhyt"),
    ] {
        assert!(body.contains(&format!(r#"id="add-{field}-error""#)), "error for {field}");
        assert!(body.contains(message), "{message}");
    }
    assert!(body.contains(r#"value="not-an-email""#), "what the user typed is kept");
    let r = app.post(&format!("/orgs/{kuopio}/sectors"), &[("name_fi", "  ")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = app.post(&format!("/orgs/{kuopio}/sectors"), &[("name_fi", "liikunta")]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert!(r.text().await.unwrap().contains("Nimi on jo käytössä"));
    assert_eq!(app.audit_len(kuopio).await, before);
}

#[tokio::test]
async fn concurrent_edits_do_not_overwrite_each_other() {
    let app = spawn().await;
    app.login("admin@kuopio.example").await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let sector = app.store.list_sectors(kuopio).await.unwrap().into_iter().find(|s| s.names.fi == "Nuoriso").unwrap();
    let path = format!("/orgs/{kuopio}/sectors/{}", sector.id);
    // Both editors opened the form at version 1.
    let page = app.text(&path).await;
    assert!(page.contains(r#"name="version" value="1""#));
    let first = app.post(&path, &[("name_fi", "Nuorisopalvelut"), ("version", "1")]).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let second = app.post(&path, &[("name_fi", "Nuoret"), ("version", "1")]).await;
    assert_eq!(second.status(), StatusCode::CONFLICT);
    let body = second.text().await.unwrap();
    assert!(body.contains("Joku muu muutti"));
    assert!(body.contains(r#"name="version" value="2""#), "the form now edits the current version");
    assert_eq!(app.store.get_sector(kuopio, sector.id).await.unwrap().unwrap().names.fi, "Nuorisopalvelut");
}

#[tokio::test]
async fn roles_change_and_the_last_admin_stays() {
    let app = spawn().await;
    app.login("admin@kuopio.example").await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let me = app.user_id("admin@kuopio.example").await;
    let r =
        app.post(&format!("/orgs/{kuopio}/users/{me}"), &[("role", "viewer"), ("sector", ""), ("version", "1")]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert!(r.text().await.unwrap().contains("vähintään yksi pääkäyttäjä"));
    let viewer = app.user_id("katselija@kuopio.example").await;
    let r = app
        .post(&format!("/orgs/{kuopio}/users/{viewer}"), &[("role", "editor"), ("sector", ""), ("version", "1")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = app.post(&format!("/orgs/{kuopio}/users/{viewer}/remove"), &[("version", "2")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(app.store.user_memberships(viewer).await.unwrap().is_empty());
    let audit = app.text(&format!("/orgs/{kuopio}/audit")).await;
    assert!(audit.contains("Käyttäjä poistettiin organisaatiosta"));
}
