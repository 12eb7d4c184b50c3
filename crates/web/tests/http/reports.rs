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
    let (summary, population) = (&sections[0], &sections[2]);
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

    // Others: a viewer reads but does not edit; another organisation sees nothing.
    let viewer = app.other_browser();
    viewer.login("katselija@kuopio.example").await;
    assert!(!viewer.text(&report_path).await.contains("/sections/"));
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
    assert!(public.contains("Lähde: THL, Sotkanet.fi"), "attribution of the indicator data");
    let r = app.post(&state, &[("to", "new_version"), ("version", &version(&app).await)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let v = sections[0].version.to_string();
    let r = editor.post(&path(sections[0].id), &section_form("Tiivistelmä", "Versio kaksi.", "", &v)).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(app.text(&report_path).await.contains("Versio kaksi."));
    let public = anon.text(&format!("/reports/{rid}")).await;
    assert!(public.contains("pääosin hyvin") && !public.contains("Versio kaksi."));
    assert!(app.text(&format!("{report_path}/versions/1")).await.contains("pääosin hyvin"));

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
