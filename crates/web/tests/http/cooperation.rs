//! Cooperation: Pohjois-Savo sets up its cooperation pool with municipalities and NGOs, records a
//! meeting and two agreements, names contact pairs and sees the gaps, owns its duties, files its
//! staircase self-assessment for 2026 and plans its preparation timeline.

use crate::helpers::*;
use hyte_store::{AreaStore, CooperationStore, OrgStore};
use reqwest::StatusCode;

#[tokio::test]
async fn the_region_sets_up_its_cooperation_pool_contact_pairs_and_staircase() {
    let app = spawn().await;
    let region = app.org_id("Pohjois-Savon hyvinvointialue").await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let siilinjarvi = app.org_id("Siilinjärven kunta").await;
    let ngo = app.org_id("Savon Vertaistuki ry (esimerkki)").await;
    app.login("hyte@pohjois-savo.example").await;

    // The pool, with municipalities, an NGO and a parish.
    let bad = app.post(&format!("/orgs/{region}/groups"), &[("kind", "cooperation_pool"), ("name", "")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains(r#"id="new-name-error""#));
    let r = app
        .post(
            &format!("/orgs/{region}/groups"),
            &[
                ("kind", "cooperation_pool"),
                ("name", "Pohjois-Savon hyte-yhteistyöpooli"),
                ("mandate", "Aluehallitus 2.2.2026 § 14"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let group = location(&r);
    for (person, org, name, kind) in [
        ("Kalle Koskinen", kuopio.to_string(), "", ""),
        ("Sari Siilinjärvi", siilinjarvi.to_string(), "", ""),
        ("Jussi Järvinen", ngo.to_string(), "", ""),
        ("Kirsi Kirkko", String::new(), "Kuopion seurakuntayhtymä", "parish"),
    ] {
        let form = [
            ("person", person),
            ("member_org", org.as_str()),
            ("org_name", name),
            ("org_kind", kind),
            ("role", "member"),
        ];
        assert_eq!(app.post(&format!("{group}/members"), &form).await.status(), StatusCode::SEE_OTHER);
    }
    let r = app.post(&format!("{group}/members"), &[("person", "X"), ("role", "member")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "an organisation is named or picked");
    let page = app.text(&group).await;
    assert!(
        page.contains("Kuopion seurakuntayhtymä") && page.contains("Seurakunta") && page.contains("Järjestö"),
        "{page}"
    );

    // A meeting and two agreements, one of them done.
    let r = app
        .post(&format!("{group}/meetings"), &[("held_on", "2026-11-24"), ("agenda", "1. Painopisteet\n2. Vastinparit")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let meeting = location(&r);
    for (what, who, due) in [
        ("Yhteinen järjestöjen toimintakalenteri", "Savon Vertaistuki ry", "2027-01-31"),
        ("Vastinparit kaikkiin kuntiin", "Hyvinvointialue", "2026-12-20"),
    ] {
        let r = app.post(&format!("{meeting}/agreements"), &[("what", what), ("who", who), ("due_on", due)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let bad = app.post(&format!("{meeting}/agreements"), &[("what", "x"), ("who", "y"), ("due_on", "31.2.2027")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let agreements = app.store.org_agreements(region).await.unwrap();
    assert_eq!(agreements.len(), 2);
    let first = &agreements[0];
    let gid: i64 = group.rsplit('/').next().unwrap().parse().unwrap();
    let done = [("to", "done"), ("version", &first.version.to_string()), ("back", meeting.as_str())];
    let r = app.post(&format!("/orgs/{region}/groups/{gid}/agreements/{}/done", first.id), &done).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), meeting);
    assert!(app.store.org_agreements(region).await.unwrap()[0].done_on.is_some());
    let front = app.text(&format!("/orgs/{region}")).await;
    assert!(
        front.contains("Yhteinen järjestöjen toimintakalenteri (Savon Vertaistuki ry)"),
        "deadlines on the front page: {front}"
    );
    assert!(!front.contains("Vastinparit kaikkiin kuntiin"), "a done agreement is not a deadline");

    // Contact pairs for substance-abuse prevention in three municipalities; the rest are gaps.
    let areas = app.store.list_areas(Some("municipality")).await.unwrap();
    let area = |fi: &str| areas.iter().find(|a| a.names.fi == fi).unwrap().id.to_string();
    for (muni, person) in [("Kuopio", "Kaisa Kuopio"), ("Siilinjärvi", "Sami Siilinjärvi"), ("Iisalmi", "Iida Iisalmi")]
    {
        let muni = area(muni);
        let form = [("theme", "substance_prevention"), ("municipality", muni.as_str()), ("person", person)];
        assert_eq!(app.post(&format!("/orgs/{region}/contacts"), &form).await.status(), StatusCode::SEE_OTHER);
    }
    let bad = app
        .post(
            &format!("/orgs/{region}/contacts"),
            &[("theme", "substance_prevention"), ("municipality", &area("Oulu")), ("person", "x")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY, "only the region's municipalities");
    let page = app.text(&format!("/orgs/{region}/contacts")).await;
    assert!(page.contains("Iida Iisalmi") && page.contains("nimeämättä"));
    let county = app.store.get_organisation(region).await.unwrap().unwrap().area_id.unwrap();
    let year = app.store.area_years(county).await.unwrap()[0];
    let members = app.store.area_members(county, year).await.unwrap();
    let municipalities = members.iter().filter(|a| a.kind.as_str() == "municipality").count();
    let gaps = 6 * (municipalities + 1) - 3;
    assert!(page.contains(&format!("{gaps} yhteyshenkilöä on nimeämättä")), "{gaps} gaps: {page}");
    let mine = app.other_browser();
    mine.login("koordinaattori@kuopio.example").await;
    let theirs = mine.text(&format!("/orgs/{kuopio}/contacts")).await;
    assert!(theirs.contains("Kaisa Kuopio") && !theirs.contains("Iida Iisalmi"), "Kuopio sees its own contacts");
    let r = mine.post(&format!("/orgs/{region}/contacts"), &[("theme", "mental_health"), ("person", "x")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "another organisation");
    let r = mine.post(&format!("/orgs/{region}/groups"), &[("kind", "other"), ("name", "x")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // Duties (§7, with their section): the county names who leads the regional report; nobody's
    // duties are highlighted.
    let page = app.text(&format!("/orgs/{region}/cooperation")).await;
    assert!(page.contains("11 tehtävällä ei ole vastuutahoa"), "{page}");
    assert!(page.contains("(612/2021 7 §)") && !page.contains("Ehkäisevien palvelujen"), "the law in force");
    let sector = app.store.list_sectors(region).await.unwrap()[0].id.to_string();
    let v = app.store.responsibility(region).await.unwrap().version.to_string();
    let r = app
        .post(
            &format!("/orgs/{region}/cooperation/duties/regional_report"),
            &[("lead", sector.as_str()), ("version", v.as_str())],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(app.text(&format!("/orgs/{region}/cooperation")).await.contains("10 tehtävällä ei ole vastuutahoa"));
    let stale = app
        .post(
            &format!("/orgs/{region}/cooperation/duties/strategy"),
            &[("lead", sector.as_str()), ("version", v.as_str())],
        )
        .await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);

    // The staircase for 2026, beside 2025 and the municipalities' latest.
    let bad =
        app.post(&format!("/orgs/{region}/staircase"), &[("year", "2026"), ("step", "9"), ("justification", "")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let form = [
        ("year", "2026"),
        ("step", "4"),
        ("justification", "Tavoitteet ja toimenpiteet on kirjattu palvelustrategiaan."),
        ("version", "0"),
    ];
    assert_eq!(app.post(&format!("/orgs/{region}/staircase"), &form).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.post(&format!("/orgs/{region}/staircase"), &form).await.status(),
        StatusCode::CONFLICT,
        "filed once"
    );
    let page = app.text(&format!("/orgs/{region}/staircase")).await;
    assert!(page.contains("palvelustrategiaan") && page.contains("<td>3 / 7</td>"), "history: {page}");
    assert!(page.contains("Kuopion kaupunki</th><td>2025</td><td>5 / 7</td>"), "the municipalities compared: {page}");

    // The timeline: seed 000's preparation tasks, a bad month refused.
    let r = app.post(&format!("/orgs/{region}/timeline/preparation"), &[("start", "2026-12")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let tasks = app.store.tasks(region).await.unwrap();
    assert_eq!(tasks.len(), 10);
    assert_eq!(
        (tasks[0].input.starts.to_string(), tasks.last().unwrap().input.ends.to_string()),
        ("12/2026".into(), "5/2027".into())
    );
    let bad = app
        .post(
            &format!("/orgs/{region}/timeline"),
            &[("title", "x"), ("starts", "2027-13"), ("ends", "2027-01"), ("status", "planned")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = app.text(&format!("/orgs/{region}/timeline")).await;
    assert!(
        page.contains("<svg class=\"timeline-chart\"") && page.contains("Suunnitelma hyte-tehtävien valmistelusta")
    );
    assert!(
        app.text(&format!("/orgs/{region}")).await.contains("Suunnitelma hyte-tehtävien valmistelusta"),
        "due this month"
    );
}

#[tokio::test]
async fn groups_are_versioned_and_members_of_other_orgs_see_nothing() {
    let app = spawn().await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let g = app.store.list_groups(kuopio).await.unwrap().remove(0);
    let viewer = app.other_browser();
    viewer.login("katselija@kuopio.example").await;
    let page = viewer.text(&format!("/orgs/{kuopio}/groups/{}", g.id)).await;
    assert!(page.contains("Kuopion hyvinvointiryhmä") && page.contains("Itä-Suomen poliisilaitos"));
    assert!(!page.contains("member-person"), "no forms for a viewer");
    let r = viewer.post(&format!("/orgs/{kuopio}/groups/{}/meetings", g.id), &[("held_on", "2026-12-01")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let outsider = app.other_browser();
    outsider.login("admin@oulu.example").await;
    assert_eq!(outsider.get(&format!("/orgs/{kuopio}/groups/{}", g.id)).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(outsider.get(&format!("/orgs/{kuopio}/cooperation")).await.status(), StatusCode::FORBIDDEN);

    app.login("koordinaattori@kuopio.example").await;
    let v = g.version.to_string();
    let edit = |name: &'static str| [("kind", "welfare_group"), ("name", name), ("version", v.as_str())];
    assert_eq!(
        app.post(&format!("/orgs/{kuopio}/groups/{}", g.id), &edit("Hyvinvointiryhmä 2027")).await.status(),
        StatusCode::SEE_OTHER
    );
    let stale = app.post(&format!("/orgs/{kuopio}/groups/{}", g.id), &edit("Toinen nimi")).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert!(stale.text().await.unwrap().contains("Toinen nimi"), "the typed text is kept");
    // The demo's late agreement is on Kuopio's front page.
    let front = app.text(&format!("/orgs/{kuopio}")).await;
    assert!(front.contains("Nimeää ehkäisevän päihdetyön yhdyshenkilön") && front.contains("myöhässä"), "{front}");
}
