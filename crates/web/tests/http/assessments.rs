//! Ex-ante impact assessment: a village school closure registered, flagged by the rules,
//! assessed with IVA and LAVA for two alternatives with the area's data beside them, the pupils
//! heard, summarised in Swedish, decided, followed up, and listed in the annual report.

use crate::helpers::*;
use hyte_store::{AssessmentStore, IndicatorStore, OrgStore};
use reqwest::StatusCode;

/// Table cells wrap: one space for any run of white space.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn id_of(path: &str) -> i64 {
    path.rsplit('/').next().unwrap().parse().unwrap()
}

async fn sector(app: &TestApp, org: i64, fi: &str) -> String {
    app.store.list_sectors(org).await.unwrap().into_iter().find(|s| s.names.fi == fi).unwrap().id.to_string()
}

/// Registers the village school proposal and returns its page's path.
async fn register_school(app: &TestApp, kuopio: i64) -> String {
    let education = sector(app, kuopio, "Sivistys ja koulutus").await;
    let r = app
        .post(
            &format!("/orgs/{kuopio}/decisions"),
            &[
                ("title", "Kyläkoulun lakkauttaminen"),
                ("description", "Pienen kyläkoulun oppilaat siirtyisivät keskustan kouluun."),
                ("body", "council"),
                ("decision_type", "service_network"),
                ("sector_id", &education),
                ("preparer", "Opetusjohtaja Liisa Laine"),
                ("planned_on", "2026-11-20"),
                ("euros", "180 000"),
                ("case_ref", "https://asiakirjat.kuopio.example/KUO-2026-88"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    location(&r)
}

#[tokio::test]
async fn a_village_school_closure_is_assessed_decided_followed_up_and_reported() {
    let app = spawn().await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    app.login("koordinaattori@kuopio.example").await;
    let bad = app
        .post(&format!("/orgs/{kuopio}/decisions"), &[("title", ""), ("body", "council"), ("planned_on", "31.2.2026")])
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.unwrap();
    assert!(html.contains(r#"id="new-title-error""#) && html.contains(r#"id="new-planned_on-error""#));
    assert_eq!(app.store.list_decisions(kuopio).await.unwrap().len(), 2, "only the demo's proposals");

    let path = register_school(&app, kuopio).await;
    let did = id_of(&path);
    // The rules say it needs an IVA and a LAVA, and neither is there.
    let list = app.text(&format!("/orgs/{kuopio}/decisions")).await;
    assert!(list.contains("Kyläkoulun lakkauttaminen") && list.contains("IVA – ihmisiin kohdistuvat vaikutukset"));
    assert!(list.contains("LAVA – lapsivaikutukset: <span class=\"sig worse\">aloittamatta</span>"), "{list}");
    let page = app.text(&path).await;
    assert!(page.contains("Organisaation säännöt vaativat") && page.contains("Nollavaihtoehto (ei muutosta)"));
    assert!(page.contains(r#"<a href="https://asiakirjat.kuopio.example/KUO-2026-88">"#), "the case-system link");
    let early = app.post(&format!("{path}/status"), &[("to", "assessed"), ("version", "1")]).await;
    assert_eq!(early.status(), StatusCode::CONFLICT);
    assert!(early.text().await.unwrap().contains("Säännöt vaativat arviointeja"));

    let templates = app.store.assessment_templates(kuopio).await.unwrap();
    let template = |key: &str| templates.iter().find(|t| t.key == key).unwrap().id.to_string();
    let alternatives = app.store.decision_alternatives(did).await.unwrap();
    let (zero, proposal) = (alternatives[0].id, alternatives[1].id);
    let r = app
        .post(&format!("{path}/alternatives/{proposal}"), &[("name", "Lakkautus ja koulukuljetus"), ("version", "1")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let ids = app.store.indicator_ids("sotkanet", None).await.unwrap();
    let families = ids["179"].0;

    for (key, groups) in [("iva", ["0", "2", "4"]), ("lava", ["1", "4", "5"])] {
        let r = app.post(&format!("{path}/assessments"), &[("template_id", &template(key))]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let a_path = location(&r);
        let aid = id_of(&a_path);
        let mut form: Vec<(&str, &str)> = groups.iter().map(|g| ("group", *g)).collect();
        form.push(("version", "1"));
        assert_eq!(app.post(&a_path, &form).await.status(), StatusCode::SEE_OTHER);
        // The area's data beside the assessment: families with children in Kuopio, 2019.
        let page = app.text(&a_path).await;
        assert!(page.contains("Lapsiperheet, % perheistä") && page.contains("2019"), "evidence for the groups");
        let r =
            app.post(&format!("{a_path}/cite"), &[("indicator_id", &families.to_string()), ("group", groups[1])]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let cited = app.store.assessment_citations(aid).await.unwrap();
        assert_eq!((cited.len(), cited[0].baseline_year), (1, Some(2019)), "the value when cited is kept");
        assert!(cited[0].baseline_value.is_some());

        // A rating outside the scale is refused, names the cell and saves nothing.
        let version = app.store.get_assessment(aid).await.unwrap().unwrap().version.to_string();
        let cell = format!("s-0-{}", groups[0]);
        let r = app.post(&format!("{a_path}/rate/{proposal}"), &[(cell.as_str(), "7"), ("version", &version)]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains(&format!("href=\"#{cell}\"")), "the error links to its cell");
        assert!(app.store.assessment_ratings(aid).await.unwrap().is_empty());
        for (alt, short, long, why) in [
            (zero, "0", "-1", "Pieni koulu jatkuu, oppilasmäärä laskee."),
            (proposal, "-2", "-1", "Koulumatka pitenee 14 km."),
        ] {
            let version = app.store.get_assessment(aid).await.unwrap().unwrap().version.to_string();
            let (s, l, j) = (format!("s-0-{}", groups[0]), format!("l-0-{}", groups[0]), format!("j-0-{}", groups[0]));
            let s2 = format!("s-1-{}", groups[1]);
            let form = [
                (s.as_str(), short),
                (l.as_str(), long),
                (j.as_str(), why),
                (s2.as_str(), "1"),
                ("version", version.as_str()),
            ];
            let r = app.post(&format!("{a_path}/rate/{alt}"), &form).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "{key} rated");
        }
        let page = app.text(&a_path).await;
        assert!(page.contains("−2 / −1") && page.contains("Koulumatka pitenee 14 km."), "side by side");
        let version = app.store.get_assessment(aid).await.unwrap().unwrap().version.to_string();
        let conclusion = "Lähikoulun lakkautus heikentää pienten oppilaiden arkea.";
        let mut form: Vec<(&str, &str)> = groups.iter().map(|g| ("group", *g)).collect();
        form.extend([("version", version.as_str()), ("conclusion", conclusion)]);
        assert_eq!(app.post(&a_path, &form).await.status(), StatusCode::SEE_OTHER);
        let version = app.store.get_assessment(aid).await.unwrap().unwrap().version.to_string();
        if key == "lava" {
            let r = app.post(&format!("{a_path}/status"), &[("to", "complete"), ("version", &version)]).await;
            assert_eq!(r.status(), StatusCode::CONFLICT);
            assert!(r.text().await.unwrap().contains("miten lapsia ja nuoria itseään kuultiin"));
            let heard = [
                ("kind", "children"),
                ("who", "Kyläkoulun oppilaat, luokat 3–6"),
                ("heard_on", "2026-10-05"),
                ("method", "Työpaja"),
                ("views", "Oppilaat pelkäävät pitkää bussimatkaa."),
            ];
            assert_eq!(app.post(&format!("{a_path}/participants"), &heard).await.status(), StatusCode::SEE_OTHER);
        }
        let r = app.post(&format!("{a_path}/status"), &[("to", "complete"), ("version", &version)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{key} complete");
    }

    // The Swedish summary for the decision proposal, and the exports.
    let summary = app.text(&format!("{path}/summary")).await;
    assert!(
        summary.contains("Konsekvenserna av förslaget ”Kyläkoulun lakkauttaminen” har bedömts i förväg"),
        "{summary}"
    );
    assert!(summary.contains("Barn (0–12 år) – välfärd och dess fördelning (−2, på kort sikt"), "{summary}");
    assert!(summary.contains("Kyläkoulun oppilaat, luokat 3–6 (barn och unga, työpaja, 5.10.2026)"), "{summary}");
    let docx = app.get(&format!("{path}/export?format=docx&lang=sv")).await;
    assert_eq!(docx.status(), StatusCode::OK);
    let xml = docx_text(&docx.bytes().await.unwrap());
    assert!(xml.contains("Sammanfattning av konsekvensbedömningen") && xml.contains("Lakkautus ja koulukuljetus"));
    let pdf = app.get(&format!("{path}/export?format=pdf&lang=sv")).await;
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let text = flat(&pdf_text(&pdf.bytes().await.unwrap()));
    assert!(text.contains("Kyläkoulun lakkauttaminen") && text.contains("Barnkonsekvensbedömning"), "{text}");
    assert!(text.contains("Koulumatka pitenee 14 km."), "{text}");

    // Both required assessments are complete: it can be decided straight away (the conformance
    // suite covers the explicit "assessed" step). The follow-up date has come, so the check opens.
    let d = app.store.get_decision(did).await.unwrap().unwrap();
    let decide = [
        ("to", "decided"),
        ("version", &d.version.to_string()),
        ("decided_on", "2026-11-20"),
        ("decision_ref", "KV 20.11.2026 § 88"),
        ("chosen_alternative", &zero.to_string()),
        ("follow_up_on", "2026-11-30"),
    ];
    let r = app.post(&format!("{path}/status"), &decide.map(|(k, v)| (k, v as &str))).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = app.text(&path).await;
    assert!(page.contains("KV 20.11.2026 § 88") && page.contains("Päätetty"));
    assert!(page.contains("Lapsiperheet, % perheistä") && page.contains("Ei uudempaa tietoa"), "then and now");
    let d = app.store.get_decision(did).await.unwrap().unwrap();
    let follow =
        [("to", "followed_up"), ("version", &d.version.to_string()), ("realised", "partly"), ("note", "Koulu jatkaa.")];
    let r = app.post(&format!("{path}/status"), &follow.map(|(k, v)| (k, v as &str))).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(app.text(&path).await.contains("Koulu jatkaa."));

    // The annual report 2026 lists it; the yearly share of assessed decisions is shown.
    let r = app
        .post(
            &format!("/orgs/{kuopio}/reports"),
            &[
                ("kind", "annual"),
                ("term", "2025–2029"),
                ("year", "2026"),
                ("languages", "fi"),
                ("title", "Vuosiraportti 2026"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let annual_path = location(&r);
    let annual = app.text(&annual_path).await;
    assert!(annual.contains("Vaikutusten arvioinnit 2026") && annual.contains("Kyläkoulun lakkauttaminen"), "{annual}");
    let docx = app.get(&format!("{annual_path}/export?format=docx")).await;
    let xml = docx_text(&docx.bytes().await.unwrap());
    assert!(xml.contains("Vaikutusten arvioinnit 2026") && xml.contains("Kyläkoulun lakkauttaminen"));
    let stats = app.text(&format!("/orgs/{kuopio}/decisions/stats?year=2026")).await;
    assert!(
        stats.contains("<th scope=\"row\">Valtuusto (kunta- tai aluevaltuusto)</th><td>1</td><td>1</td><td>100 %</td>"),
        "{stats}"
    );
    let stats = app.text(&format!("/orgs/{kuopio}/decisions/stats?year=2024")).await;
    assert!(stats.contains("Uimahallin aukioloaikojen muuttaminen"), "the demo's decision of 2024");
    let admin = app.other_browser();
    admin.login("admin@kuopio.example").await;
    let log = admin.text(&format!("/orgs/{kuopio}/audit")).await;
    assert!(
        log.contains("Päätös kirjattu")
            && log.contains("Kuuleminen kirjattu")
            && log.contains("Indikaattoriin viitattu")
    );
}

#[tokio::test]
async fn only_preparers_change_proposals_and_decided_ones_are_locked() {
    let app = spawn().await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let demo = app.store.list_decisions(kuopio).await.unwrap();
    let decided = demo.iter().find(|d| d.input.title.starts_with("Uimahallin")).unwrap();
    let library = demo.iter().find(|d| d.input.title.starts_with("Kirjastojen")).unwrap();

    let viewer = app.other_browser();
    viewer.login("katselija@kuopio.example").await;
    assert!(viewer
        .text(&format!("/orgs/{kuopio}/decisions"))
        .await
        .contains("Kirjastojen aukioloaikojen supistaminen"));
    let r = viewer.post(&format!("/orgs/{kuopio}/decisions"), &[("title", "x")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let outsider = app.other_browser();
    outsider.login("admin@oulu.example").await;
    assert_eq!(outsider.get(&format!("/orgs/{kuopio}/decisions/{}", library.id)).await.status(), StatusCode::FORBIDDEN);

    // An editor of education prepares education's proposals only.
    let editor = app.other_browser();
    editor.login("sivistys@kuopio.example").await;
    let path = register_school(&editor, kuopio).await;
    let lib_path = format!("/orgs/{kuopio}/decisions/{}", library.id);
    let r = editor.post(&format!("{lib_path}/alternatives"), &[("name", "Lauantait kiinni")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "another sector's proposal");
    let culture = sector(&app, kuopio, "Kulttuuri").await;
    let r = editor
        .post(
            &format!("/orgs/{kuopio}/decisions"),
            &[
                ("title", "Museo"),
                ("body", "board"),
                ("decision_type", "other"),
                ("sector_id", &culture),
                ("preparer", "x"),
                ("planned_on", "2027-01-01"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "not for another sector");
    // Nor can it move its own proposal to another sector, or to none, by editing it.
    let own = app.store.get_decision(id_of(&path)).await.unwrap().unwrap();
    let v = own.version.to_string();
    for elsewhere in [culture.as_str(), ""] {
        let mut moved = edit_fields(&own, &v);
        moved.push(("sector_id", elsewhere));
        let r = editor.post(&path, &moved).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "moved to {elsewhere:?}");
    }
    let kept = app.store.get_decision(own.id).await.unwrap().unwrap();
    assert_eq!((kept.input.sector_id, kept.version), (own.input.sector_id, own.version), "nothing written");

    // A stale edit keeps the typed text and overwrites nothing.
    let d = app.store.get_decision(id_of(&path)).await.unwrap().unwrap();
    let edit = |title: &'static str| {
        [
            ("title", title),
            ("body", "council"),
            ("decision_type", "service_network"),
            ("preparer", "Opetusjohtaja"),
            ("planned_on", "2026-11-20"),
        ]
    };
    let mut first = edit("Kyläkoulun lakkauttaminen 2027").to_vec();
    let v = d.version.to_string();
    let education = sector(&app, kuopio, "Sivistys ja koulutus").await;
    first.extend([("version", v.as_str()), ("sector_id", education.as_str())]);
    assert_eq!(editor.post(&path, &first).await.status(), StatusCode::SEE_OTHER);
    let mut second = edit("Toinen otsikko").to_vec();
    second.extend([("version", v.as_str()), ("sector_id", education.as_str())]);
    let r = editor.post(&path, &second).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert!(r.text().await.unwrap().contains("Toinen otsikko"), "the typed text is kept");
    assert_eq!(app.store.get_decision(d.id).await.unwrap().unwrap().input.title, "Kyläkoulun lakkauttaminen 2027");

    // A decided proposal and its assessment are locked.
    let coordinator = app.other_browser();
    coordinator.login("koordinaattori@kuopio.example").await;
    let hall = format!("/orgs/{kuopio}/decisions/{}", decided.id);
    let r = coordinator.post(&format!("{hall}/alternatives"), &[("name", "Uusi")]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert!(r.text().await.unwrap().contains("Ehdotuksesta on päätetty"));
    let a = &app.store.decision_assessments(decided.id).await.unwrap()[0];
    let r = coordinator
        .post(&format!("{hall}/assessments/{}/status", a.id), &[("to", "draft"), ("version", &a.version.to_string())])
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn templates_and_rules_are_edited_without_breaking_assessments() {
    let app = spawn().await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let editor = app.other_browser();
    editor.login("sivistys@kuopio.example").await;
    let settings = format!("/orgs/{kuopio}/assessment-settings");
    assert!(editor.text(&settings).await.contains("LAVA – lapsivaikutukset"));
    let iva = app.store.assessment_templates(kuopio).await.unwrap().into_iter().find(|t| t.key == "iva").unwrap();
    assert_eq!(editor.get(&format!("{settings}/templates/{}", iva.id)).await.status(), StatusCode::FORBIDDEN);

    app.login("koordinaattori@kuopio.example").await;
    let form = app.text(&format!("{settings}/templates/{}", iva.id)).await;
    assert!(form.contains("Terveys | Hälsa | Health"));
    let v = iva.version.to_string();
    let bad = [
        ("name_fi", "IVA"),
        ("areas", "Terveys | Hälsa | Health\n | x"),
        ("groups", "Lapset | Barn | Children | 179"),
        ("scale_min", "-2"),
        ("scale_max", "2"),
        ("version", v.as_str()),
    ];
    let r = app.post(&format!("{settings}/templates/{}", iva.id), &bad).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("Rivi 2: Kenttä on pakollinen."), "the bad line is named");
    let good = [
        ("name_fi", "IVA (lyhyt)"),
        ("areas", "Terveys | Hälsa | Health"),
        ("groups", "Lapset | Barn | Children | 179"),
        ("scale_min", "-3"),
        ("scale_max", "3"),
        ("version", v.as_str()),
    ];
    assert_eq!(app.post(&format!("{settings}/templates/{}", iva.id), &good).await.status(), StatusCode::SEE_OTHER);
    let stale = app.post(&format!("{settings}/templates/{}", iva.id), &good).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    // The demo's finished IVA keeps the template it was made with.
    let hall = app
        .store
        .list_decisions(kuopio)
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.input.title.starts_with("Uimahallin"))
        .unwrap();
    let a = &app.store.decision_assessments(hall.id).await.unwrap()[0];
    let page = app.text(&format!("/orgs/{kuopio}/decisions/{}/assessments/{}", hall.id, a.id)).await;
    assert!(page.contains("IVA – ihmisiin kohdistuvat vaikutukset") && page.contains("Palvelujen saavutettavuus"));
    assert!(page.contains("Osa ikääntyneiden aamuvuoroista poistuu."));

    // A rule needs a condition; a new rule flags committee decisions for an economic assessment.
    let r = app.post(&format!("{settings}/rules"), &[("template_key", "economic")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = app
        .post(
            &format!("{settings}/rules"),
            &[("template_key", "economic"), ("body", "committee"), ("min_euros", "30 000")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = app.text(&format!("/orgs/{kuopio}/decisions/{}", hall.id)).await;
    assert!(page.contains("Taloudelliset vaikutukset: <span class=\"sig worse\">aloittamatta</span>"), "{page}");
    let own = [
        ("name_fi", "Kulttuurivaikutukset"),
        ("name_sv", "Kulturkonsekvenser"),
        ("areas", "Kulttuuripalvelut | Kulturtjänster | Cultural services"),
        ("groups", "Asukkaat | Invånare | Residents | 127"),
        ("scale_min", "-2"),
        ("scale_max", "2"),
    ];
    let r = app.post(&format!("{settings}/templates"), &own).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(app.text(&settings).await.contains("Kulttuurivaikutukset"));
    let again = app.post(&format!("{settings}/templates"), &own).await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "the same name twice");
}

/// An edit of `d` that changes nothing but what the caller adds.
fn edit_fields<'a>(d: &'a hyte_domain::assessment::Decision, version: &'a str) -> Vec<(&'a str, &'a str)> {
    let i = &d.input;
    vec![
        ("title", i.title.as_str()),
        ("body", i.body.as_str()),
        ("decision_type", i.decision_type.as_str()),
        ("preparer", i.preparer.as_str()),
        ("planned_on", "2027-01-01"),
        ("version", version),
    ]
}
