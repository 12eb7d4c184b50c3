//! The well-being report: created, written, reviewed, approved (frozen), published, versioned.

use crate::helpers::*;
use hyte_store::{IndicatorStore, ReportStore};
use reqwest::StatusCode;

fn section_form<'a>(title: &'a str, body: &'a str, ids: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("title_fi", title), ("body_fi", body), ("indicator_ids", ids), ("version", version)]
}

#[tokio::test]
async fn a_term_report_goes_from_draft_to_a_published_version() {
    let app = spawn().await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    app.login("koordinaattori@kuopio.example").await;
    let r = app
        .post(
            &format!("/orgs/{kuopio}/reports"),
            &[("kind", "term"), ("term", "2025–2029"), ("languages", "fi"), ("title", "Hyvinvointikertomus 2025–2029")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let report_path = location(&r);
    let rid: i64 = report_path.rsplit('/').next().unwrap().parse().unwrap();
    let page = app.text(&report_path).await;
    assert!(page.contains("Tiivistelmä") && page.contains("Hyvinvointisuunnitelma") && page.contains("Luonnos"));
    let again = app
        .post(
            &format!("/orgs/{kuopio}/reports"),
            &[("kind", "term"), ("term", "2025"), ("languages", "fi"), ("title", "x")],
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "one report per term");
    assert!(again.text().await.unwrap().contains(r#"id="new-term-error""#), "the error is tied to the term field");

    // An editor writes the summary and picks indicators for the population section.
    let editor = app.other_browser();
    editor.login("sivistys@kuopio.example").await;
    let sections = app.store.report_sections(rid).await.unwrap();
    let population = sections.iter().find(|s| s.key == "population").unwrap();
    let summary = &sections[0];
    let ids = app.store.indicator_ids("sotkanet", None).await.unwrap();
    let chosen = format!("{}, {}", ids["5"].0, ids["127"].0);
    let path = |s: i64| format!("{report_path}/sections/{s}");
    let v = summary.version.to_string();
    let text = "Kuopiolaiset voivat **pääosin hyvin**.\n\n- Liikunta\n- Mielenterveys\n\n<script>alert(1)</script>";
    let r = editor.post(&path(summary.id), &section_form("Tiivistelmä", text, "", &v)).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let stale = editor.post(&path(summary.id), &section_form("Tiivistelmä", "Toinen teksti", "", &v)).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT, "a stale form does not overwrite");
    assert!(stale.text().await.unwrap().contains("Toinen teksti"), "the user's text is kept");
    let v = population.version.to_string();
    let r = editor.post(&path(population.id), &section_form(&population.title.fi, "", &chosen, &v)).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = app.text(&report_path).await;
    assert!(page.contains("<strong>pääosin hyvin</strong>") && page.contains("<li>Mielenterveys</li>"));
    assert!(page.contains("&lt;script&gt;") && !page.contains("<script>alert"), "no HTML from users");
    assert!(page.contains("Merkitsevästi huonompi kuin hyvinvointialueella"), "a generated sentence per indicator");

    // The coordinator adds a section of the organisation's own.
    let r = app.post(&format!("{report_path}/sections"), &[("title", "Lapsivaikutukset"), ("kind", "narrative")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(app.text(&report_path).await.contains("Lapsivaikutukset"));
    let added = app.store.report_sections(rid).await.unwrap().into_iter().find(|s| s.key == "custom").unwrap();
    let v = added.version.to_string();
    let del = format!("{report_path}/sections/{}/delete", added.id);
    assert_eq!(editor.post(&del, &[("version", &v)]).await.status(), StatusCode::FORBIDDEN, "editors do not remove");
    assert_eq!(app.post(&del, &[("version", &v)]).await.status(), StatusCode::SEE_OTHER);

    // Others: a viewer reads but does not edit; another organisation sees nothing.
    let viewer = app.other_browser();
    viewer.login("katselija@kuopio.example").await;
    assert!(!viewer.text(&report_path).await.contains(&format!("/sections/{}\"", summary.id)), "no edit links");
    let v = summary.version.to_string();
    assert_eq!(viewer.post(&path(summary.id), &section_form("x", "x", "", &v)).await.status(), StatusCode::FORBIDDEN);
    let oulu = app.other_browser();
    oulu.login("admin@oulu.example").await;
    assert_eq!(oulu.get(&report_path).await.status(), StatusCode::FORBIDDEN);
    let state = format!("{report_path}/state");
    assert_eq!(editor.post(&state, &[("to", "in_review"), ("version", "1")]).await.status(), StatusCode::FORBIDDEN);

    // The workflow: no shortcuts, the approval needs its decision, and it freezes the text.
    let version = |app: &TestApp| {
        let store = app.store.clone();
        async move { store.get_report(rid).await.unwrap().unwrap().version.to_string() }
    };
    let r = app.post(&state, &[("to", "published"), ("version", &version(&app).await)]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let r = app.post(&state, &[("to", "in_review"), ("version", &version(&app).await)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // In review, the welfare group comments on sections; an editor marks comments resolved.
    let comment = format!("{report_path}/sections/{}/comments", summary.id);
    let r = viewer.post(&comment, &[("body", "Lisätkää ikääntyneiden näkökulma.")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(viewer.post(&comment, &[("body", " ")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = app.text(&report_path).await;
    assert!(page.contains("Lisätkää ikääntyneiden näkökulma.") && page.contains("Veikko Virtanen"));
    let cid = app.store.report_comments(rid).await.unwrap()[0].id;
    let resolve = format!("{report_path}/comments/{cid}/resolve");
    assert_eq!(viewer.post(&resolve, &[]).await.status(), StatusCode::FORBIDDEN, "viewers do not resolve");
    assert_eq!(editor.post(&resolve, &[]).await.status(), StatusCode::SEE_OTHER);
    assert!(app.store.report_comments(rid).await.unwrap()[0].resolved);
    let r = app.post(&state, &[("to", "approved"), ("version", &version(&app).await), ("date", "31.2.2026")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains(r#"id="approve-body-error""#) && page.contains(r#"id="approve-date-error""#));
    let approval = [("body", "Kaupunginvaltuusto"), ("date", "2026-06-15"), ("decision_ref", "KV 15.6.2026 § 45")];
    let mut form = vec![("to", "approved")];
    form.extend(approval);
    let v = version(&app).await;
    form.push(("version", &v));
    assert_eq!(app.post(&state, &form).await.status(), StatusCode::SEE_OTHER);
    let sections = app.store.report_sections(rid).await.unwrap();
    let v = sections[0].version.to_string();
    let locked = editor.post(&path(sections[0].id), &section_form("Tiivistelmä", "Muutos", "", &v)).await;
    assert_eq!(locked.status(), StatusCode::CONFLICT, "nobody edits an approved version");
    assert_eq!(viewer.post(&comment, &[("body", "Myöhässä")]).await.status(), StatusCode::CONFLICT);
    let anon = app.other_browser();
    assert_eq!(
        anon.get(&format!("/reports/{rid}")).await.status(),
        StatusCode::NOT_FOUND,
        "not public before publishing"
    );
    let r = app.post(&state, &[("to", "published"), ("version", &version(&app).await)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // Public, without login; a new version leaves the published one as it was.
    assert!(anon.text("/reports").await.contains("Hyvinvointikertomus 2025–2029"));
    let public = anon.text(&format!("/reports/{rid}")).await;
    assert!(public.contains("<strong>pääosin hyvin</strong>") && public.contains("KV 15.6.2026 § 45"));
    // A chart per indicator: titled, described with its numbers, beside the table.
    let chart_title = "Toimeentulotukea saaneet 25 - 64-vuotiaat, % vastaavanikäisestä väestöstä";
    let chart_label = "Pohjois-Savo";
    assert!(public.contains(r#"<figure class="chart-figure"><svg class="chart" id="chart-"#), "charts on the page");
    assert!(
        public.contains(&format!("{chart_title} 2019</title>"))
            && public.contains("Pylväät alueesta, hyvinvointialueesta ja koko maasta: Kuopio 10,6")
    );
    assert!(public.contains("Lähde: THL, Sotkanet.fi"), "attribution of the indicator data");
    // DOCX: a real package with the text, the headings and the indicator table.
    let docx = anon.get(&format!("/reports/{rid}/export?format=docx")).await;
    assert_eq!(
        docx.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    let docx_bytes = docx.bytes().await.unwrap();
    let xml = docx_text(&docx_bytes);
    assert!(xml.contains(r#"<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Tiivistelmä</w:t>"#));
    assert!(xml.contains(">pääosin hyvin</w:t>") && xml.contains("Merkitsevästi huonompi kuin hyvinvointialueella"));
    assert!(xml.contains("KV 15.6.2026 § 45") && !xml.contains("<script>"));
    // The indicators' charts: a picture part, its relationship and a drawing with its text alternative.
    let package = zip_part_names(&docx_bytes);
    assert!(package.contains(&"word/media/chart1.png".to_string()));
    assert!(!package.contains(&"word/media/chart2.png".to_string()), "no chart of a count (the population)");
    let rels = zip_part(&docx_bytes, "word/_rels/document.xml.rels");
    assert!(rels.contains(r#"Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart1.png""#));
    assert!(
        xml.contains(r#"<a:blip r:embed="rIdChart1"/>"#)
            && xml.contains("descr=\"Pylväät alueesta, hyvinvointialueesta ja koko maasta: Kuopio ")
    );
    let pdf = anon.get(&format!("/reports/{rid}/export?format=pdf")).await;
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let pdf = pdf.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF"), "the PDF itself is checked in hyte-report");
    let text = pdf_text(&pdf);
    assert!(text.contains(&format!("{chart_title} 2019")), "the chart's caption: {text}");
    assert!(text.contains(chart_label), "the chart's own labels are drawn: {text}");
    let csv = anon.get(&format!("/reports/{rid}/data?format=csv")).await.text().await.unwrap();
    assert!(
        csv.contains("Toimeentulotukea saaneet 25 - 64-vuotiaat") && csv.contains(";sotkanet:5;2019;10.6;9.5"),
        "{csv}"
    );
    let json: serde_json::Value = anon.get(&format!("/reports/{rid}/data?format=json")).await.json().await.unwrap();
    assert_eq!(
        (json["version"].as_i64(), json["approval"]["decision_ref"].as_str()),
        (Some(1), Some("KV 15.6.2026 § 45"))
    );
    assert_eq!(json["indicators"].as_array().unwrap().len(), 2);
    let r = app.post(&state, &[("to", "new_version"), ("version", &version(&app).await)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let v = sections[0].version.to_string();
    let r = editor.post(&path(sections[0].id), &section_form("Tiivistelmä", "Versio kaksi.", "", &v)).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(app.text(&report_path).await.contains("Versio kaksi."));
    let public = anon.text(&format!("/reports/{rid}")).await;
    assert!(public.contains("pääosin hyvin") && !public.contains("Versio kaksi."));
    assert!(app.text(&format!("{report_path}/versions/1")).await.contains("pääosin hyvin"));
    let diff = app.text(&format!("{report_path}/diff?from=1")).await;
    assert!(diff.contains("1 osiota muuttunut"), "only the summary changed");
    assert!(diff.contains("Poistettu: </span>Kuopiolaiset voivat **pääosin hyvin**.</del>"));
    assert!(diff.contains("Lisätty: </span>Versio kaksi.</ins>"));

    // The annual report follows up the term report.
    let r = app
        .post(
            &format!("/orgs/{kuopio}/reports"),
            &[
                ("kind", "annual"),
                ("term", "2025–2029"),
                ("year", "2026"),
                ("languages", "fi,sv"),
                ("title", "Vuosiraportti 2026"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let annual: i64 = location(&r).rsplit('/').next().unwrap().parse().unwrap();
    assert_eq!(app.store.get_report(annual).await.unwrap().unwrap().based_on, Some(rid));
    let admin = app.other_browser();
    admin.login("admin@kuopio.example").await;
    let audit = admin.text(&format!("/orgs/{kuopio}/audit")).await;
    assert!(audit.contains("Raportin käsittelyvaihe muuttui") && audit.contains("Raportin osiota muokattiin"));
}

#[tokio::test]
async fn the_plan_has_goals_with_targets_and_measures_followed_up_by_their_sectors() {
    use hyte_store::{OrgStore, PlanStore};
    let app = spawn().await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    app.login("koordinaattori@kuopio.example").await;
    let r = app
        .post(
            &format!("/orgs/{kuopio}/reports"),
            &[("kind", "term"), ("term", "2025–2029"), ("languages", "fi"), ("title", "Hyvinvointikertomus 2025–2029")],
        )
        .await;
    let report_path = location(&r);
    let rid: i64 = report_path.rsplit('/').next().unwrap().parse().unwrap();
    let plan_path = format!("{report_path}/plan");
    // The system suggests candidates: social assistance is significantly worse than the county.
    let suggest = app.text(&format!("{report_path}/suggest")).await;
    assert!(suggest.contains("Toimeentulotukea saaneet 25 - 64-vuotiaat") && suggest.contains("Lisää painopisteeksi"));
    assert!(!suggest.contains(">Väestö 31.12.<"), "population has no direction: not a candidate");
    for title in ["Lasten ja nuorten hyvinvointi", "Liikkuminen", "Osallisuus"] {
        let r = app.post(&format!("{plan_path}/priorities"), &[("title", title)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let plan = app.store.plan(rid).await.unwrap();
    let pid = |i: usize| plan.priorities[i].id.to_string();
    let population = app.store.indicator_ids("sotkanet", None).await.unwrap()["127"].0.to_string();
    // Kuopio had 118,664 inhabitants in 2018 and 122,594 in 2022 (demo data).
    let goals = [
        (pid(0), "Väestö kasvaa", population.as_str(), "2018", "118664", "2026", "122000"),
        (pid(1), "Väestö kasvaa nopeasti", population.as_str(), "2018", "118664", "2022", "130000"),
        (pid(2), "Järjestöt mukana päätöksenteossa", "", "", "", "", ""),
    ];
    for (p, title, ind, by, bv, ty, tv) in goals {
        let form = [
            ("priority_id", p.as_str()),
            ("title", title),
            ("indicator_id", ind),
            ("baseline_year", by),
            ("baseline_value", bv),
            ("target_year", ty),
            ("target_value", tv),
        ];
        assert_eq!(app.post(&format!("{plan_path}/goals"), &form).await.status(), StatusCode::SEE_OTHER, "{title}");
    }
    let bad = app
        .post(
            &format!("{plan_path}/goals"),
            &[("priority_id", &pid(0)), ("title", "x"), ("indicator_id", &population), ("baseline_year", "2020")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains(r#"id="goal-target_value-error""#), "errors tied to the goal form");

    let sectors = app.store.list_sectors(kuopio).await.unwrap();
    let sector = |name: &str| sectors.iter().find(|s| s.names.fi == name).unwrap().id.to_string();
    let goals = app.store.plan(rid).await.unwrap().goals;
    let measures = [
        ("Liikuntaneuvonta kouluissa", sector("Sivistys ja koulutus"), goals[0].id),
        ("Harrastamisen Suomen malli", sector("Sivistys ja koulutus"), goals[0].id),
        ("Lähiliikuntapaikat", sector("Tekninen ja ympäristö"), goals[1].id),
        ("Kulttuurikummit", sector("Kulttuuri"), goals[0].id),
        ("Järjestöjen kumppanuuspöytä", sector("Kulttuuri"), goals[2].id),
    ];
    for (title, s, g) in &measures {
        let g = g.to_string();
        let form =
            [("title", *title), ("sector_id", s.as_str()), ("euros", "10 000"), ("start_year", "2026"), ("goal", &g)];
        assert_eq!(app.post(&format!("{plan_path}/measures"), &form).await.status(), StatusCode::SEE_OTHER, "{title}");
    }
    let plan = app.store.plan(rid).await.unwrap();
    assert_eq!((plan.goals.len(), plan.measures.len()), (3, 5));
    let page = app.text(&plan_path).await;
    assert!(page.contains("Etenee tavoitteeseen") && page.contains("Jäljessä tavoitteesta"), "progress computed");
    assert!(page.contains("10\u{a0}000 €") && page.contains("Tekninen ja ympäristö"));

    // The education editor follows up education's measures only.
    let editor = app.other_browser();
    editor.login("sivistys@kuopio.example").await;
    let own = &plan.measures[0];
    let other = &plan.measures[2];
    let page = editor.text(&plan_path).await;
    assert!(
        page.contains(&format!("/plan/measures/{}", own.id))
            && !page.contains(&format!("/plan/measures/{}\"", other.id))
    );
    let v = own.version.to_string();
    let r = editor
        .post(
            &format!("{plan_path}/measures/{}", own.id),
            &[("status", "in_progress"), ("comment", "Kolme koulua mukana"), ("version", &v)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let v = other.version.to_string();
    let r = editor.post(&format!("{plan_path}/measures/{}", other.id), &[("status", "done"), ("version", &v)]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "another sector's measure");
    assert_eq!(
        editor.post(&format!("{plan_path}/priorities"), &[("title", "x")]).await.status(),
        StatusCode::FORBIDDEN
    );

    // The report shows the plan; approval freezes it; the annual report follows it up.
    assert!(app.text(&report_path).await.contains("Liikuntaneuvonta kouluissa"));
    let state = format!("{report_path}/state");
    let version = |store: std::sync::Arc<hyte_store_sqlite::SqliteStore>| async move {
        store.get_report(rid).await.unwrap().unwrap().version.to_string()
    };
    app.post(&state, &[("to", "in_review"), ("version", &version(app.store.clone()).await)]).await;
    let v = version(app.store.clone()).await;
    let r = app
        .post(
            &state,
            &[
                ("to", "approved"),
                ("version", &v),
                ("body", "Kaupunginvaltuusto"),
                ("date", "15.6.2026"),
                ("decision_ref", "§ 45"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = app.post(&format!("{plan_path}/priorities"), &[("title", "Myöhässä")]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT, "the approved plan is frozen");
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
    let annual = app.text(&location(&r)).await;
    assert!(annual.contains("Kolme koulua mukana") && annual.contains("Käynnissä"), "the sectors' follow-up");
    assert!(annual.contains("Etenee tavoitteeseen"), "goal progress in the annual report");
    // Population, a goal indicator: its latest year (2022 in the demo data) against the one before.
    let changes = &annual[annual.find("Muutokset väestön tiedoissa").expect("what changed")..];
    assert!(
        changes.contains("Väestö 31.12.") && changes.contains("(2022)") && changes.contains("Muuttunut (ei suuntaa)")
    );
    let docx = app.get(&format!("{}/export?format=docx", location(&r))).await;
    let xml = docx_text(&docx.bytes().await.unwrap());
    assert!(xml.contains("Liikuntaneuvonta kouluissa") && xml.contains("Kolme koulua mukana"), "the plan's tables");
}

#[tokio::test]
async fn the_regional_report_counts_the_municipalities_shared_priorities() {
    let app = spawn().await;
    let region = app.org_id("Pohjois-Savon hyvinvointialue").await;
    let path = format!("/regional/{region}");
    app.login("hyte@pohjois-savo.example").await;
    // The regional report uses exactly the reports sent: Siilinjärvi (no user in the demo) sends
    // its approved one now.
    let town = app.org_id("Siilinjärven kunta").await;
    let reports = app.store.list_reports(town).await.unwrap();
    let approved = reports.iter().find(|r| r.state == hyte_domain::reports::ReportState::Approved).expect("approved");
    hyte_store::NegotiationStore::send_report(&*app.store, town, approved.id, hyte_store::Actor::SYSTEM).await.unwrap();
    let page = app.text(&path).await;
    // Kuopio and Siilinjärvi (demo reports 2021–2025) share "Liikkumisen lisääminen".
    let row = &page[page.find("<th scope=\"row\">Liikkumisen lisääminen</th>").expect("shared priority")..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains(">2<") && row.contains("Kuopion kaupunki, Siilinjärven kunta"), "{row}");
    assert!(page.contains("Yksinäisyyden kokemus vähenee"), "goals side by side");
    assert!(page.contains("diabeteksen vuoksi"), "the spread of the goals' indicators between the municipalities");
    let kuopio = app.other_browser();
    kuopio.login("koordinaattori@kuopio.example").await;
    let k = app.org_id("Kuopion kaupunki").await;
    assert!(kuopio.text(&format!("/orgs/{k}/reports")).await.contains(&path), "municipalities reach it");
    assert_eq!(kuopio.get(&path).await.status(), StatusCode::OK);
    let oulu = app.other_browser();
    oulu.login("admin@oulu.example").await;
    assert_eq!(oulu.get(&path).await.status(), StatusCode::FORBIDDEN, "another county's municipality");
}
