//! NGO partners: the NGO adds a peer-support group that a resident finds by searching in Swedish;
//! only the NGO's own members edit it; Kuopio opens a grant call, the NGO applies, Kuopio decides
//! a grant to it and the NGO reports its use; premises are listed publicly; the partner registry.

use crate::helpers::*;
use hyte_store::{AreaStore, AuditStore, PartnerStore};
use reqwest::StatusCode;

const NGO: &str = "Savon Vertaistuki ry (esimerkki)";
const KUOPIO: &str = "Kuopion kaupunki";

fn id_of(path: &str) -> i64 {
    path.rsplit('/').next().unwrap().parse().unwrap()
}

async fn kuopio_area(app: &TestApp) -> String {
    app.store.get_area("municipality", "297").await.unwrap().unwrap().id.to_string()
}

fn in_days(n: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(n)).to_string()
}

/// The widows' peer-support group, as the NGO's form posts it.
async fn widows_group(app: &TestApp, ngo: i64) -> reqwest::Response {
    let area = kuopio_area(app).await;
    app.post(
        &format!("/orgs/{ngo}/activities"),
        &[
            ("title_fi", "Vertaistukiryhmä leskille"),
            ("title_sv", "Kamratstödsgrupp för änkor och änklingar"),
            ("description_sv", "Vi träffas för att stödja varandra efter att ha förlorat en make eller maka."),
            ("kind", "peer_support"),
            ("theme", "mental_health"),
            ("target_group", "older_people"),
            ("age_min", "50"),
            ("area_id", &area),
            ("language", "fi"),
            ("language", "sv"),
            ("schedule", "Onsdagar kl. 13–15"),
            ("place", "Järjestötalo"),
            ("contact", "jarjesto@vertaistuki.example"),
            ("published", "1"),
        ],
    )
    .await
}

#[tokio::test]
async fn an_ngo_adds_a_peer_support_group_that_a_resident_finds_in_swedish() {
    let app = spawn().await;
    let ngo = app.org_id(NGO).await;
    app.login("jarjesto@vertaistuki.example").await;
    let before = app.store.org_activities(ngo).await.unwrap().len();
    let audit = app.audit_len(ngo).await;

    // Bad input: field errors tied to the fields, nothing written.
    let bad = app
        .post(
            &format!("/orgs/{ngo}/activities"),
            &[("title_fi", ""), ("kind", "peer_support"), ("theme", "carers"), ("age_min", "200"), ("schedule", "")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.unwrap();
    for id in ["new-title_fi-error", "new-age_min-error", "new-schedule-error", "new-languages-error"] {
        assert!(html.contains(&format!(r#"id="{id}""#)), "{id}");
    }
    assert!(html.contains("error-summary") && html.contains(r##"href="#new-languages""##));
    assert_eq!(app.store.org_activities(ngo).await.unwrap().len(), before);
    assert_eq!(app.audit_len(ngo).await, audit);

    let r = widows_group(&app, ngo).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let aid = id_of(&location(&r));
    let own = app.text(&format!("/orgs/{ngo}/activities")).await;
    assert!(own.contains("Vertaistukiryhmä leskille"));
    assert_eq!(app.audit_len(ngo).await, audit + 1);

    // An anonymous resident searches in Swedish, with filters; the directory is in the main navigation.
    let resident = app.other_browser();
    let front = resident.text("/").await;
    assert!(front.contains(r#"href="/activities""#));
    let area = kuopio_area(&app).await;
    let found = resident.text(&format!("/activities?q=kamratst%C3%B6d&lang=sv&area={area}")).await;
    assert!(found.contains(&format!(r#"href="/activities/{aid}""#)), "{found}");
    assert!(
        found.contains("Kamratstödsgrupp för närståendevårdare") || found.contains("Vertaistukiryhmä omaishoitajille"),
        "the demo group too"
    );
    let narrow = resident.text("/activities?q=KAMRATST%C3%96D+%C3%A4nk").await;
    assert!(narrow.contains(&format!("/activities/{aid}")) && !narrow.contains("omaishoitajille"));
    let other_theme = resident.text("/activities?q=kamratst%C3%B6d&theme=culture").await;
    assert!(!other_theme.contains(&format!("/activities/{aid}")));
    let english = resident.text("/activities?q=kamratst%C3%B6d&lang=en").await;
    assert!(!english.contains(&format!("/activities/{aid}")), "held in Finnish and Swedish only");
    // Theme names count as words too, in any language.
    let by_theme = resident.text("/activities?q=psykisk").await;
    assert!(by_theme.contains(&format!("/activities/{aid}")));

    // The activity's page, in Swedish.
    resident.get("/lang/sv?next=/").await;
    let page = resident.text(&format!("/activities/{aid}")).await;
    assert!(page.contains("Kamratstödsgrupp för änkor och änklingar") && page.contains("Onsdagar kl. 13–15"));
    assert!(page.contains("Vi träffas för att stödja"), "{page}");
    assert!(page.contains("Savolax kamratstöd rf"));

    // Unpublished: gone from the directory and its page.
    let a = app.store.get_activity(aid).await.unwrap().unwrap();
    let mut hidden = a.input.clone();
    hidden.published = false;
    app.store.update_activity(aid, a.version, &hidden, hyte_store::Actor::SYSTEM).await.unwrap();
    assert_eq!(resident.get(&format!("/activities/{aid}")).await.status(), StatusCode::NOT_FOUND);
    assert!(!resident.text("/activities?q=kamratst%C3%B6d").await.contains(&format!("/activities/{aid}")));
    assert_eq!(app.get(&format!("/activities/{aid}")).await.status(), StatusCode::OK, "its members still see it");
}

#[tokio::test]
async fn only_the_ngos_own_members_edit_its_activities() {
    let app = spawn().await;
    let (ngo, kuopio) = (app.org_id(NGO).await, app.org_id(KUOPIO).await);
    app.login("jarjesto@vertaistuki.example").await;
    let aid = id_of(&location(&widows_group(&app, ngo).await));
    let path = format!("/orgs/{ngo}/activities/{aid}");
    let edit = |title: &'static str, version: &'static str| {
        vec![
            ("title_fi", title),
            ("kind", "peer_support"),
            ("theme", "mental_health"),
            ("target_group", "older_people"),
            ("language", "fi"),
            ("schedule", "Keskiviikkoisin"),
            ("contact", "jarjesto@vertaistuki.example"),
            ("published", "1"),
            ("version", version),
        ]
    };
    let audit = app.audit_len(ngo).await;

    for email in ["admin@oulu.example", "katselija@kuopio.example", "admin@kuopio.example"] {
        let other = app.other_browser();
        other.login(email).await;
        assert_eq!(other.get(&path).await.status(), StatusCode::FORBIDDEN, "{email} opens the edit page");
        let r = other.post(&path, &edit("Kaapattu", "1")).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{email}");
        assert_eq!(other.post(&format!("{path}/delete"), &[("version", "1")]).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            other.post(&format!("/orgs/{ngo}/activities"), &edit("Uusi", "0")).await.status(),
            StatusCode::FORBIDDEN
        );
    }
    // Kuopio's admin cannot reach it through Kuopio either.
    let admin = app.other_browser();
    admin.login("admin@kuopio.example").await;
    let r = admin.post(&format!("/orgs/{kuopio}/activities/{aid}"), &edit("Kaapattu", "1")).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let a = app.store.get_activity(aid).await.unwrap().unwrap();
    assert_eq!((a.input.title.fi.as_deref(), a.version), (Some("Vertaistukiryhmä leskille"), 1));

    // The NGO's own member edits; a stale version is refused with 409 and writes nothing.
    assert_eq!(app.post(&path, &edit("Leskien vertaisryhmä", "1")).await.status(), StatusCode::SEE_OTHER);
    let stale = app.post(&path, &edit("Vanha muokkaus", "1")).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert!(stale.text().await.unwrap().contains("Vanha muokkaus"), "the typed values are kept");
    let a = app.store.get_activity(aid).await.unwrap().unwrap();
    assert_eq!((a.input.title.fi.as_deref(), a.version), (Some("Leskien vertaisryhmä"), 2));
    assert_eq!(app.audit_len(ngo).await, audit + 1);
    let log = app.store.audit_log(ngo, 5).await.unwrap();
    assert_eq!(log[0].action, "activity.update");
}

#[tokio::test]
async fn kuopio_grants_the_ngo_and_the_ngo_reports_its_use() {
    let app = spawn().await;
    let (ngo, kuopio) = (app.org_id(NGO).await, app.org_id(KUOPIO).await);
    app.login("koordinaattori@kuopio.example").await;
    let bad = app.post(&format!("/orgs/{kuopio}/grants"), &[("title", ""), ("year", "27"), ("total_euros", "x")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let deadline = in_days(30);
    let r = app
        .post(
            &format!("/orgs/{kuopio}/grants"),
            &[
                ("title", "Vertaistuen avustukset"),
                ("year", "2027"),
                ("total_euros", "10 000"),
                ("deadline", &deadline),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let cid = id_of(&location(&r));
    assert_eq!(app.store.org_calls(kuopio).await.unwrap().len(), 2, "the demo call and this one");

    // The NGO finds the open call on its grants page and applies.
    let ngo_user = app.other_browser();
    ngo_user.login("jarjesto@vertaistuki.example").await;
    let grants = ngo_user.text(&format!("/orgs/{ngo}/grants")).await;
    assert!(grants.contains(&format!(r#"href="/orgs/{ngo}/grants/{cid}""#)), "{grants}");
    let call_path = format!("/orgs/{ngo}/grants/{cid}");
    let bad = ngo_user.post(&format!("{call_path}/apply"), &[("purpose", ""), ("euros_applied", "0")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains(r#"id="apply-purpose-error""#));
    assert!(app.store.call_applications(cid).await.unwrap().is_empty());
    let r = ngo_user
        .post(
            &format!("{call_path}/apply"),
            &[("purpose", "Leskien vertaisryhmän tilat ja kahvitus"), ("euros_applied", "4 000")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let application = app.store.call_applications(cid).await.unwrap().remove(0);
    assert_eq!((application.applicant_org_id, application.input.euros_applied), (ngo, 4000));

    // Only Kuopio's coordinators decide.
    let decide = format!("/orgs/{kuopio}/grants/{cid}/applications/{}/decide", application.id);
    let form = [
        ("outcome", "granted"),
        ("euros_granted", "3 000"),
        ("decided_on", "2027-02-15"),
        ("decision_ref", "Hyvinvointilautakunta 15.2.2027 § 5"),
        ("version", "1"),
    ];
    let viewer = app.other_browser();
    viewer.login("katselija@kuopio.example").await;
    assert_eq!(viewer.post(&decide, &form).await.status(), StatusCode::FORBIDDEN);
    let own_decide = format!("/orgs/{ngo}/grants/{cid}/applications/{}/decide", application.id);
    assert_eq!(ngo_user.post(&own_decide, &form).await.status(), StatusCode::FORBIDDEN, "the NGO cannot grant itself");
    let mut over = form;
    over[1] = ("euros_granted", "20 000");
    let r = app.post(&decide, &over).await;
    assert_eq!(r.status(), StatusCode::CONFLICT, "over the call's total");
    let page = app.text(&format!("/orgs/{kuopio}/grants/{cid}")).await;
    assert!(page.contains("Leskien vertaisryhmän tilat") && page.contains(NGO));
    assert_eq!(app.post(&decide, &form).await.status(), StatusCode::SEE_OTHER);
    let decided = app.store.get_application(application.id).await.unwrap().unwrap();
    assert_eq!(decided.granted(), 3000);
    let page = app.text(&format!("/orgs/{kuopio}/grants/{cid}")).await;
    assert!(page.contains("3\u{a0}000\u{a0}€") && page.contains("Myönnetty"), "{page}");

    // The NGO reports the use.
    let report = format!("{call_path}/applications/{}/report", application.id);
    let bad = ngo_user.post(&report, &[("report_text", " "), ("version", "2")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = ngo_user
        .post(
            &report,
            &[
                ("report_text", "Ryhmä kokoontui 18 kertaa, 12 osallistujaa."),
                ("euros_used", "2 900"),
                ("version", "2"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let stale = ngo_user.post(&report, &[("report_text", "Uudelleen"), ("version", "2")]).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let page = app.text(&format!("/orgs/{kuopio}/grants/{cid}")).await;
    assert!(page.contains("Ryhmä kokoontui 18 kertaa") && page.contains("2\u{a0}900\u{a0}€"));

    for org in [kuopio, ngo] {
        let log = app.store.audit_log(org, 50).await.unwrap();
        for action in ["grant.apply", "grant.decide", "grant.report"] {
            assert!(log.iter().any(|e| e.action == action), "{action} in {org}'s log");
        }
    }
    let audit = viewer.text(&format!("/orgs/{kuopio}/grants/{cid}")).await;
    assert!(!audit.contains("/decide\""), "a viewer gets no decision form");
}

#[tokio::test]
async fn premises_are_listed_publicly_and_the_registry_is_kept() {
    let app = spawn().await;
    let (ngo, kuopio) = (app.org_id(NGO).await, app.org_id(KUOPIO).await);
    let resident = app.other_browser();
    let public = resident.text("/premises").await;
    assert!(public.contains("Kirjaston kokoushuone Väinö") && public.contains("Maksuton"), "the demo premises");

    app.login("koordinaattori@kuopio.example").await;
    let bad = app.post(&format!("/orgs/{kuopio}/premises"), &[("name", ""), ("capacity", "-3")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains(r#"id="new-capacity-error""#));
    assert_eq!(app.store.org_premises(kuopio).await.unwrap().len(), 1);
    let r = app
        .post(
            &format!("/orgs/{kuopio}/premises"),
            &[
                ("name", "Nuorisotalon sali"),
                ("address", "Puijonkatu 1"),
                ("capacity", "60"),
                ("available_for", "Nuorten ryhmät viikonloppuisin"),
                ("booking_contact", "nuoriso@kuopio.example"),
                ("price", "20 € / kerta"),
                ("published", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let public = resident.text("/premises").await;
    assert!(public.contains("Nuorisotalon sali") && public.contains("20 € / kerta") && public.contains("60 henkeä"));
    let oulu = app.other_browser();
    oulu.login("admin@oulu.example").await;
    let r = oulu.post(&format!("/orgs/{kuopio}/premises"), &[("name", "x")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // The registry: the demo NGO is Kuopio's partner; adding it again is refused.
    let registry = app.text(&format!("/orgs/{kuopio}/partners")).await;
    assert!(registry.contains(NGO) && registry.contains("Vapaaehtoistoimija"));
    let again = app
        .post(
            &format!("/orgs/{kuopio}/partners"),
            &[("partner_org_id", &ngo.to_string()), ("role", "service_provider"), ("contact_name", "Jussi")],
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let p = app.store.list_partners(kuopio).await.unwrap().remove(0);
    let path = format!("/orgs/{kuopio}/partners/{}", p.id);
    let form = |v: &'static str| {
        vec![
            ("role", "service_provider"),
            ("contact_name", "Jussi Järvinen"),
            ("contact_email", "jussi@vertaistuki.example"),
            ("version", v),
        ]
    };
    assert_eq!(app.post(&path, &form("1")).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.post(&path, &form("1")).await.status(), StatusCode::CONFLICT);
    let viewer = app.other_browser();
    viewer.login("katselija@kuopio.example").await;
    assert_eq!(viewer.post(&path, &form("2")).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.store.get_partner(kuopio, p.id).await.unwrap().unwrap().input.role.as_str(), "service_provider");
}
