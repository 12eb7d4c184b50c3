//! Interface services, end to end: the county starts a chain with Kuopio, Siilinjärvi and an NGO,
//! gives steps to each; each partner edits only its own steps; an outsider sees nothing of the
//! draft; the chain exports as PDF; once published, a logged-out visitor finds it in Swedish.

use crate::helpers::*;
use hyte_domain::Role;
use hyte_store::{Actor, InterfaceStore, NewUser, UserStore};
use reqwest::StatusCode;

const COUNTY: &str = "Pohjois-Savon hyvinvointialue";
const NGO: &str = "Savon Vertaistuki ry (esimerkki)";
const NAME_SV: &str = "Testkedjan för motionsrådgivning";

fn id_of(path: &str) -> i64 {
    path.rsplit('/').next().unwrap().split('#').next().unwrap().parse().unwrap()
}

/// A user of Siilinjärvi (the demo has none).
async fn siilinjarvi_user(app: &TestApp, town: i64) {
    let user = NewUser {
        email: hyte_domain::Email::parse("hyte@siilinjarvi.example").unwrap(),
        display_name: hyte_domain::DisplayName::parse("Siiri Siilinjärvi").unwrap(),
        password_hash: hyte_web::auth::hash_password(PASSWORD),
    };
    app.store.create_user(&user, Some((town, Role::Editor, None)), Actor::SYSTEM).await.unwrap();
}

fn step<'a>(org: &'a str, fi: &'a str, sv: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("org_id", org), ("action_fi", fi), ("action_sv", sv), ("handoff", "referral"), ("wait_days", "14")]
}

#[tokio::test]
async fn parties_share_a_chain_and_the_public_finds_it_in_swedish() {
    let app = spawn().await;
    let county = app.org_id(COUNTY).await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let town = app.org_id("Siilinjärven kunta").await;
    let ngo = app.org_id(NGO).await;
    let oulu = app.org_id("Oulun kaupunki").await;
    siilinjarvi_user(&app, town).await;
    app.login("hyte@pohjois-savo.example").await;

    // A bad form names its fields and writes nothing.
    let before = app.store.list_interfaces(county).await.unwrap().len();
    let r = app.post(&format!("/orgs/{county}/interface"), &[("kind", "teleport")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("ifc-name_fi-error") && page.contains("ifc-kind-error"), "{page}");
    assert_eq!(app.store.list_interfaces(county).await.unwrap().len(), before);

    let (k, t, n) = (kuopio.to_string(), town.to_string(), ngo.to_string());
    let r = app
        .post(
            &format!("/orgs/{county}/interface"),
            &[
                ("name_fi", "Testiketju liikuntaneuvontaan"),
                ("name_sv", NAME_SV),
                ("kind", "service_chain"),
                ("areas", "297"),
                ("areas", "749"),
                ("target_groups", "working_age"),
                ("vulnerable_groups", "long_term_unemployed"),
                ("party_org", &k),
                ("party_role", "partner"),
                ("party_org", &t),
                ("party_role", "partner"),
                ("party_org", &n),
                ("party_role", "partner"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let sid = id_of(&location(&r));
    let base = format!("/orgs/{county}/interface/{sid}");
    let c = county.to_string();
    for (org, fi, sv) in [
        (&c, "Terveysasema tunnistaa liikuntaneuvonnan tarpeen", "Hälsostationen känner igen behovet"),
        (&k, "Kuopion liikuntaneuvoja tapaa asiakkaan", "Kuopios motionsrådgivare träffar klienten"),
        (&t, "Siilinjärven liikuntaryhmä", "Siilinjärvis motionsgrupp"),
        (&n, "Vertaisryhmä jatkaa liikkumista", "Kamratgruppen fortsätter motionen"),
    ] {
        let r = app.post(&format!("{base}/steps"), &step(org, fi, sv)).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{fi}");
    }
    let steps = app.store.chain_steps(county, sid).await.unwrap();
    assert_eq!(steps.len(), 4);
    let page = app.text(&base).await;
    assert!(page.contains("Kuopion liikuntaneuvoja tapaa asiakkaan"), "{page}");

    // Kuopio edits its own step, not Siilinjärvi's; Siilinjärvi edits its own.
    let kuopio_app = app.other_browser();
    kuopio_app.login("koordinaattori@kuopio.example").await;
    let own = format!("/orgs/{kuopio}/interface/{sid}/steps/{}", steps[1].id);
    assert_eq!(kuopio_app.get(&own).await.status(), StatusCode::OK);
    let mut edit = step(&k, "Liikuntaneuvonta 1–3 tapaamista", "Motionsrådgivning 1–3 träffar");
    let v = steps[1].version.to_string();
    edit.push(("version", &v));
    assert_eq!(kuopio_app.post(&own, &edit).await.status(), StatusCode::SEE_OTHER);
    let theirs = format!("/orgs/{kuopio}/interface/{sid}/steps/{}", steps[2].id);
    assert_eq!(kuopio_app.get(&theirs).await.status(), StatusCode::FORBIDDEN);
    let mut grab = step(&t, "Kuopio kirjoittaa tähän", "x");
    let v2 = steps[2].version.to_string();
    grab.push(("version", &v2));
    assert_eq!(kuopio_app.post(&theirs, &grab).await.status(), StatusCode::FORBIDDEN);
    let away = [("org_id", t.as_str()), ("action_fi", "Annetaan pois"), ("handoff", "referral"), ("version", "2")];
    assert_eq!(kuopio_app.post(&own, &away).await.status(), StatusCode::FORBIDDEN, "a partner keeps its step");
    let town_app = app.other_browser();
    town_app.login("hyte@siilinjarvi.example").await;
    let mut mine = step(&t, "Siilinjärven liikuntaryhmät kahdesti viikossa", "Motionsgrupper två gånger i veckan");
    mine.push(("version", &v2));
    let r = town_app.post(&format!("/orgs/{town}/interface/{sid}/steps/{}", steps[2].id), &mine).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let now = app.store.chain_steps(county, sid).await.unwrap();
    assert_eq!(now[1].input.action.fi.as_deref(), Some("Liikuntaneuvonta 1–3 tapaamista"));
    assert_eq!(now[2].input.action.fi.as_deref(), Some("Siilinjärven liikuntaryhmät kahdesti viikossa"));
    let publish = [("version", "1"), ("published", "true")];
    let r = kuopio_app.post(&format!("/orgs/{kuopio}/interface/{sid}/publish"), &publish).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "a partner does not publish");

    // An outsider sees nothing of the draft; nor does the public.
    let oulu_app = app.other_browser();
    oulu_app.login("admin@oulu.example").await;
    assert_eq!(oulu_app.get(&format!("/orgs/{oulu}/interface/{sid}")).await.status(), StatusCode::NOT_FOUND);
    assert!(!oulu_app.text(&format!("/orgs/{oulu}/interface")).await.contains("Testiketju"));
    assert_eq!(oulu_app.get(&base).await.status(), StatusCode::FORBIDDEN);
    let visitor = app.other_browser();
    assert_eq!(visitor.get(&format!("/interface-services/{sid}")).await.status(), StatusCode::NOT_FOUND);
    assert!(!visitor.text("/interface-services?q=motionsr%C3%A5dgivning").await.contains(NAME_SV));

    // The chain as PDF, in Swedish.
    let r = app.get(&format!("{base}/export?format=pdf&lang=sv")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let text = pdf_text(&r.bytes().await.unwrap());
    assert!(text.contains("Hälsostationen") && text.contains("Motionsrådgivning"), "{text}");

    // The county publishes; a logged-out visitor finds it by Swedish words and a municipality.
    let svc = app.store.get_interface(county, sid).await.unwrap().unwrap();
    let v = svc.version.to_string();
    let r = app.post(&format!("{base}/publish"), &[("version", &v), ("published", "true")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    visitor.get("/lang/sv?next=/").await;
    let found = visitor.text("/interface-services?q=kamratgruppen&area=749").await;
    assert!(found.contains(NAME_SV), "{found}");
    assert!(!visitor.text("/interface-services?q=kamratgruppen&area=564").await.contains(NAME_SV));
    let public = visitor.text(&format!("/interface-services/{sid}")).await;
    assert!(public.contains("Kamratgruppen fortsätter motionen") && public.contains(NAME_SV), "{public}");
    assert!(!public.contains("/steps/"), "no edit links in public");
    assert!(public.contains("<svg") && public.contains("role=\"img\"") && public.contains("Servicekedja:"), "{public}");
}

#[tokio::test]
async fn a_ready_chain_gives_its_steps_to_the_parties() {
    let app = spawn().await;
    let county = app.org_id(COUNTY).await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    app.login("hyte@pohjois-savo.example").await;
    let k = kuopio.to_string();
    let r = app
        .post(
            &format!("/orgs/{county}/interface"),
            &[
                ("name_fi", "Tupakoinnin lopettamisen tuki"),
                ("kind", "service_chain"),
                ("party_org", &k),
                ("party_role", "partner"),
            ],
        )
        .await;
    let sid = id_of(&location(&r));
    let r = app.post(&format!("/orgs/{county}/interface/{sid}/template"), &[("template", "quit_smoking")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let steps = app.store.chain_steps(county, sid).await.unwrap();
    assert!(steps.len() >= 4, "{steps:?}");
    assert!(steps.iter().all(|s| s.input.org_id == county || s.input.org_id == kuopio));
    let bad = app.post(&format!("/orgs/{county}/interface/{sid}/template"), &[("template", "nope")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.store.chain_steps(county, sid).await.unwrap().len(), steps.len(), "nothing added");
}

#[tokio::test]
async fn the_coordination_view_shows_missing_kinds_and_who_coordinates() {
    use hyte_domain::interface::InterfaceForm;
    let app = spawn().await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let ngo = app.org_id(NGO).await;
    let pairs: Vec<(String, String)> = [
        ("name_fi", "Vapaaehtoistoiminnan koordinointi (testi)"),
        ("kind", "volunteering"),
        ("areas", "297"),
        ("activity_kinds", "mentoring"),
        ("party_org", &ngo.to_string()),
        ("party_role", "lead"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let (input, parties) = InterfaceForm::from_pairs(&pairs).parse(kuopio).unwrap();
    app.store.create_interface(kuopio, &input, &parties, Actor::SYSTEM).await.unwrap();
    app.login("koordinaattori@kuopio.example").await;
    let page = app.text(&format!("/orgs/{kuopio}/interface/coordination?area=297")).await;
    let table = page.split("<tbody>").nth(1).unwrap_or_default();
    let row = table.split("<tr").find(|r| r.contains("Mentorointi")).unwrap_or_default();
    assert!(row.contains("Savon Vertaistuki ry") && row.contains("Kuopion kaupunki"), "{row}");
    assert!(page.contains("Puuttuvat toimintamuodot"), "{page}");
    assert!(page.contains("Kielipesät"), "a missing kind is named");
}

#[tokio::test]
async fn a_published_report_keeps_its_interface_figures_while_the_live_one_moves_on() {
    use hyte_domain::interface::InterfaceForm;
    use hyte_store::ReportStore;
    let app = spawn().await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let (path, rid) = kuopio_term_report(&app).await;
    let live = app.text(&path).await;
    assert!(live.contains("Liikuntaneuvonnan palveluketju"), "the demo's chain is in the interface section");
    let state = format!("{path}/state");
    let version = || async { app.store.get_report(rid).await.unwrap().unwrap().version.to_string() };
    let v = version().await;
    assert_eq!(app.post(&state, &[("to", "in_review"), ("version", &v)]).await.status(), StatusCode::SEE_OTHER);
    let v = version().await;
    let approve = [
        ("to", "approved"),
        ("body", "Kaupunginvaltuusto"),
        ("date", "2026-06-15"),
        ("decision_ref", "KV 15.6.2026 § 45"),
        ("version", &v),
    ];
    assert_eq!(app.post(&state, &approve).await.status(), StatusCode::SEE_OTHER);
    let v = version().await;
    assert_eq!(app.post(&state, &[("to", "published"), ("version", &v)]).await.status(), StatusCode::SEE_OTHER);

    // After publishing, Kuopio joins a new interface service.
    let pairs: Vec<(String, String)> = [("name_fi", "Uusi ohjaamoyhteistyö (testi)"), ("kind", "multi_sector")]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let (input, parties) = InterfaceForm::from_pairs(&pairs).parse(kuopio).unwrap();
    app.store.create_interface(kuopio, &input, &parties, Actor::SYSTEM).await.unwrap();
    let public = app.other_browser().text(&format!("/reports/{rid}")).await;
    assert!(public.contains("Liikuntaneuvonnan palveluketju"), "the approved figures are kept");
    assert!(!public.contains("Uusi ohjaamoyhteistyö"), "the published report does not change silently");
    assert!(public.contains("hyväksymishetkeltä"), "and says its figures are as approved: {public}");
    let version_page = app.text(&format!("{path}/versions/1")).await;
    assert!(!version_page.contains("Uusi ohjaamoyhteistyö"));
    let v = version().await;
    assert_eq!(app.post(&state, &[("to", "new_version"), ("version", &v)]).await.status(), StatusCode::SEE_OTHER);
    assert!(app.text(&path).await.contains("Uusi ohjaamoyhteistyö"), "the working version shows the current figures");
}
