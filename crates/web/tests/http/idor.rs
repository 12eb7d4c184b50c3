//! Insecure direct object references: Kuopio's object ids under another organisation's URLs,
//! under Kuopio's own URLs as a stranger, and another organisation's ids in Kuopio's form fields.
//! Every route of [`crate::authz_table::MATRIX`] with an object id is tried.

use crate::authz_ids::{Extra, Ids};
use crate::authz_table::MATRIX;
use crate::helpers::*;
use hyte_store::{CooperationStore, OrgStore, ReportStore};
use reqwest::StatusCode;

/// An organisation's users' audit entries and a few listings, to prove nothing changed (the
/// system's lazy defaults, e.g. `assessment.defaults` on a first visit, are not a user's change).
async fn snapshot(app: &TestApp, org: i64) -> String {
    use hyte_store::AuditStore;
    let audit =
        app.store.audit_log(org, 10_000).await.unwrap().into_iter().filter(|e| e.actor_user_id.is_some()).count();
    let reports = app.store.list_reports(org).await.unwrap();
    let sectors = app.store.list_sectors(org).await.unwrap();
    format!("{audit} {reports:?} {sectors:?}")
}

async fn strangers_are_refused(email: &str, own_org: &str) {
    let app = spawn().await;
    app.login(email).await;
    let ids = Ids::of_org(&app, "Kuopion kaupunki").await;
    let extra = Extra::of(&app, ids.org).await;
    let own = app.org_id(own_org).await;
    let (kuopio_before, own_before) = (snapshot(&app, ids.org).await, snapshot(&app, own).await);
    let mut wrong = vec![];
    let mut tried = 0;
    for (method, pattern, _) in MATRIX {
        // Routes with an object id below the organisation's (a duty's `{key}` is the law's, not
        // an object).
        if !pattern.starts_with("/orgs/{id}/") || pattern.matches('{').count() < 2 || pattern.contains("{key}") {
            continue;
        }
        let kuopios = ids.fill(pattern, &extra);
        let under_own = kuopios.replacen(&format!("/orgs/{}/", ids.org), &format!("/orgs/{own}/"), 1);
        // By design an open grant call is shown to every organisation under its own URL, to apply
        // for it (with only the caller's own applications).
        let open_call = *method == "GET" && pattern == &"/orgs/{id}/grants/{cid}";
        for (url, stranger_url) in [(under_own, true), (kuopios, false)] {
            if open_call && stranger_url {
                assert_eq!(app.get(&url).await.status(), StatusCode::OK, "{url}: the open call");
                continue;
            }
            tried += 1;
            let status =
                if *method == "GET" { app.get(&url).await.status() } else { app.post(&url, &[]).await.status() };
            // An empty form may fail validation (422) before the object is looked up; nothing
            // else but a refusal or a missing object is allowed, and nothing may change.
            let allowed = [StatusCode::FORBIDDEN, StatusCode::NOT_FOUND];
            if !(allowed.contains(&status) || (*method == "POST" && status == StatusCode::UNPROCESSABLE_ENTITY)) {
                wrong.push(format!("{method} {url} ({pattern}) as {email}: {status}"));
            }
        }
    }
    assert!(tried > 150, "{tried} requests");
    assert!(wrong.is_empty(), "Kuopio's objects reached by a stranger:\n{}", wrong.join("\n"));
    assert_eq!(snapshot(&app, ids.org).await, kuopio_before, "nothing of Kuopio's changed");
    let last = {
        use hyte_store::AuditStore;
        app.store.audit_log(own, 1).await.unwrap()
    };
    assert_eq!(snapshot(&app, own).await, own_before, "nothing of {own_org}'s changed: {last:?}");
}

#[tokio::test]
async fn kuopios_ids_under_oulus_urls_and_kuopios_are_refused_to_oulu() {
    strangers_are_refused("admin@oulu.example", "Oulun kaupunki").await;
}

#[tokio::test]
async fn kuopios_ids_under_the_ngos_urls_and_kuopios_are_refused_to_the_ngo() {
    strangers_are_refused("jarjesto@vertaistuki.example", "Savon Vertaistuki ry (esimerkki)").await;
}

#[tokio::test]
async fn oulus_ids_in_kuopios_forms_are_never_stored() {
    let app = spawn().await;
    app.login("admin@kuopio.example").await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let oulu = app.org_id("Oulun kaupunki").await;
    let oulu_sector = app.store.list_sectors(oulu).await.unwrap()[0].id.to_string();
    let before = snapshot(&app, kuopio).await;
    let duties_before = app.store.duty_owners(kuopio).await.unwrap();
    let v = app.store.responsibility(kuopio).await.unwrap().version.to_string();
    let duty = hyte_domain::cooperation::duties(hyte_domain::OrgKind::Municipality)[0].key;
    let forms: Vec<(String, Vec<(&str, &str)>)> = vec![
        (
            format!("/orgs/{kuopio}/decisions"),
            vec![
                ("title", "Vieras toimiala"),
                ("body", "council"),
                ("decision_type", "service_network"),
                ("sector_id", &oulu_sector),
                ("preparer", "X"),
                ("planned_on", "2026-11-20"),
            ],
        ),
        (format!("/orgs/{kuopio}/cooperation/duties/{duty}"), vec![("lead", &oulu_sector), ("version", &v)]),
        (format!("/orgs/{kuopio}/cooperation/duties/{duty}"), vec![("part", &oulu_sector), ("version", &v)]),
        (
            format!("/orgs/{kuopio}/users"),
            vec![
                ("email", "vieras@example.fi"),
                ("display_name", "Vieras"),
                ("role", "editor"),
                ("sector", &oulu_sector),
                ("password", "long enough password"),
            ],
        ),
    ];
    for (path, form) in &forms {
        let r = app.post(path, form).await;
        let s = r.status();
        assert!(s.is_client_error(), "POST {path} with Oulu's sector {oulu_sector}: {s}");
    }
    assert_eq!(snapshot(&app, kuopio).await, before, "nothing stored");
    assert_eq!(app.store.duty_owners(kuopio).await.unwrap(), duties_before, "no foreign duty owner");
}
