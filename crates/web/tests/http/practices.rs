//! The good-practice library, end to end: the county describes and publishes a practice; a
//! logged-out visitor finds it in Finnish, Swedish and English by words and filters; Kuopio's
//! coordinator adopts it into a plan in one step (the measure shows in the plan, the public page
//! shows Kuopio as its user); Oulu cannot adopt into Kuopio's report; the library exports and
//! imports back; a bad import changes nothing.

use crate::helpers::*;
use hyte_store::PracticeStore;
use reqwest::StatusCode;

const COUNTY: &str = "Pohjois-Savon hyvinvointialue";

fn practice_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("name_fi", "Testikäytäntö tanssikoulu"),
        ("name_sv", "Testpraxis dansskola"),
        ("name_en", "Test practice dance school"),
        ("summary_fi", "Tanssia välitunneilla."),
        ("summary_sv", "Dans på rasterna."),
        ("summary_en", "Dancing during breaks."),
        ("target_groups", "children"),
        ("target_groups", "young_people"),
        ("area", "culture"),
        ("evidence", "evaluated_locally"),
        ("links", "https://example.org/tanssi"),
        ("contact", "hyte@pohjois-savo.example"),
    ]
}

async fn upload(who: &TestApp, path: &str, name: &str, bytes: Vec<u8>) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .part("file", reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()));
    let url = who.url(&format!("{path}?csrf={}", who.csrf().await));
    who.client.post(url).multipart(form).send().await.unwrap()
}

#[tokio::test]
async fn a_published_practice_is_found_adopted_into_a_plan_and_shared_as_json() {
    let app = spawn().await;
    let county = app.org_id(COUNTY).await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let oulu_id = app.org_id("Oulun kaupunki").await;
    app.login("hyte@pohjois-savo.example").await;

    // A bad form names its fields and writes nothing.
    let before = app.store.org_practices(county).await.unwrap().len();
    let r = app.post(&format!("/orgs/{county}/practices"), &[("name_fi", ""), ("links", "javascript:x")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("pr-name_fi-error") && page.contains("pr-links-error"), "{page}");
    assert_eq!(app.store.org_practices(county).await.unwrap().len(), before);

    let r = app.post(&format!("/orgs/{county}/practices"), &practice_form()).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let path = location(&r);
    let pid: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let visitor = app.other_browser();
    assert_eq!(visitor.get(&format!("/practices/{pid}")).await.status(), StatusCode::NOT_FOUND, "not yet published");
    assert!(!visitor.text("/practices?q=tanssikoulu").await.contains("Testikäytäntö"));
    let r = app.post(&format!("{path}/publish"), &[("version", "1"), ("published", "true")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // Anonymous search: words in each language, and the filters.
    for (lang, words, name) in [
        ("fi", "tanssia välitunneilla", "Testikäytäntö tanssikoulu"),
        ("sv", "dansskola", "Testpraxis dansskola"),
        ("en", "dancing BREAKS", "Test practice dance school"),
    ] {
        visitor.get(&format!("/lang/{lang}?next=/")).await;
        let found =
            visitor.text(&format!("/practices?q={words}&area=culture&group=children&evidence=evaluated_locally")).await;
        assert!(found.contains(name), "{lang}: {found}");
        let page = visitor.text(&format!("/practices/{pid}")).await;
        assert!(page.contains(name) && page.contains("https://example.org/tanssi"), "{page}");
    }
    for filter in ["area=nutrition", "group=older_people", "evidence=described", "q=tanssikoulu+golf"] {
        assert!(!visitor.text(&format!("/practices?{filter}")).await.contains("dance school"), "{filter}");
    }

    // Kuopio's coordinator adopts it into the plan of a report: the measure, linked both ways.
    let (report_path, rid) = kuopio_term_report(&app).await;
    let adopt = format!("/orgs/{kuopio}/practices/{pid}/adopt");
    let page = app.text(&format!("/orgs/{kuopio}/practices/{pid}")).await;
    assert!(page.contains("adopt-report_id"), "{page}");
    let r =
        app.post(&adopt, &[("report_id", &rid.to_string()), ("since", "2026-02-01"), ("results", "Hyvä alku")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(location(&r).starts_with(&format!("{report_path}/plan#measure-")), "{}", location(&r));
    let plan = app.text(&format!("{report_path}/plan")).await;
    assert!(plan.contains("Testikäytäntö tanssikoulu") && plan.contains(&format!("/practices/{pid}")), "{plan}");
    visitor.get("/lang/fi?next=/").await;
    let public = visitor.text(&format!("/practices/{pid}")).await;
    assert!(
        public.contains("Kuopion kaupunki") && public.contains("1.2.2026") && public.contains("Hyvä alku"),
        "{public}"
    );
    let mine = app.text(&format!("/orgs/{kuopio}/practices")).await;
    assert!(mine.contains(&format!("/orgs/{kuopio}/reports/{rid}/plan#measure-")), "{mine}");

    // Oulu cannot adopt into Kuopio's report, nor see Kuopio's practice pages.
    let oulu = app.other_browser();
    oulu.login("admin@oulu.example").await;
    let r = oulu
        .post(
            &format!("/orgs/{oulu_id}/practices/{pid}/adopt"),
            &[("report_id", &rid.to_string()), ("since", "2026-02-01")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(oulu.get(&format!("/orgs/{kuopio}/practices")).await.status(), StatusCode::FORBIDDEN);
    let plan_after = app.text(&format!("{report_path}/plan")).await;
    assert_eq!(
        plan_after.matches("Testikäytäntö tanssikoulu").count(),
        plan.matches("Testikäytäntö tanssikoulu").count()
    );

    // Export, then import back into Oulu's library: the same practices, Oulu's own, unpublished.
    app.login("hyte@pohjois-savo.example").await;
    let r = app.get(&format!("/orgs/{county}/practices/export")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-disposition"].to_str().unwrap().contains(".json"));
    let bytes = r.bytes().await.unwrap().to_vec();
    let file: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!((file["format"].as_str(), file["version"].as_i64()), (Some("hyte-practices"), Some(1)));
    let exported = app.store.org_practices(county).await.unwrap();
    let r = upload(&oulu, &format!("/orgs/{oulu_id}/practices/import"), "ps.json", bytes.clone()).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let imported = app.store.org_practices(oulu_id).await.unwrap();
    assert_eq!(imported.len(), exported.len());
    for (a, b) in exported.iter().zip(&imported) {
        assert_eq!((b.org_id, b.published), (oulu_id, false));
        assert_eq!(b.input.source.as_deref(), Some(COUNTY));
        assert_eq!(hyte_domain::support::practice::PracticeInput { source: None, ..b.input.clone() }, a.input);
    }

    // A bad item refuses the whole file, naming the item and field; nothing changes.
    let mut bad = file.clone();
    bad["practices"][1]["links"] = serde_json::json!(["ftp://example.org"]);
    let audit = app.audit_len(oulu_id).await;
    let r = upload(&oulu, &format!("/orgs/{oulu_id}/practices/import"), "bad.json", serde_json::to_vec(&bad).unwrap())
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("Käytäntö 2, links"), "{page}");
    let r = upload(&oulu, &format!("/orgs/{oulu_id}/practices/import"), "x.json", b"{not json".to_vec()).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.store.org_practices(oulu_id).await.unwrap().len(), imported.len());
    assert_eq!(app.audit_len(oulu_id).await, audit);
}

#[tokio::test]
async fn the_demo_library_shows_siilinjarvi_as_a_user_and_the_county_recommendations() {
    let app = spawn().await;
    let county = app.org_id(COUNTY).await;
    let list = app.text("/practices").await;
    for name in ["Liikkuva koulu", "Voimaa vanhuuteen", "Pakka-toimintamalli", "Lapset puheeksi", "Neuvokas perhe"] {
        assert!(list.contains(name), "{name}");
    }
    let p = app.store.published_practices().await.unwrap().into_iter().find(|p| p.input.name.fi == "Liikkuva koulu");
    let page = app.text(&format!("/practices/{}", p.unwrap().id)).await;
    assert!(page.contains("Siilinjärven kunta"), "{page}");
    app.login("hyte@pohjois-savo.example").await;
    let own = app.text(&format!("/orgs/{county}/practices")).await;
    assert!(own.contains("Neuvokas perhe") && own.contains("id=\"recommend\""), "{own}");
}
