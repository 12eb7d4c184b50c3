//! An organisation's default structure of new reports.

use crate::helpers::*;
use hyte_domain::reports::ReportStructure;
use hyte_store::ReportStore;
use reqwest::StatusCode;

/// The structure form with its rows as (key, title_fi, kind, position).
fn form<'a>(
    version: &'a str,
    rows: &[(&'a str, &'a str, &'a str, &'a str)],
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![("version", version)];
    for (key, fi, kind, pos) in rows {
        f.extend([("key", *key), ("title_fi", *fi), ("title_sv", ""), ("kind", *kind), ("position", *pos)]);
    }
    f.extend_from_slice(extra);
    f
}

#[tokio::test]
async fn coordinators_shape_the_default_structure_of_their_new_reports() {
    let app = spawn().await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let path = format!("/orgs/{kuopio}/report-structure");
    app.login("koordinaattori@kuopio.example").await;
    assert!(app.text(&format!("/orgs/{kuopio}/reports")).await.contains(&path), "reached from the reports");
    let page = app.text(&path).await;
    let example = "THL:n esimerkkirakennetta (kunnan hyvinvointikertomus ja -suunnitelma)";
    assert!(page.contains(example) && page.contains(r#"value="Tiivistelmä""#));
    assert!(page.contains(r#"id="structure-9-title_fi""#), "an empty row for a new section");

    // Summary removed, a section of their own first, conclusions before strengths.
    let thl = ReportStructure::thl(hyte_domain::OrgKind::Municipality);
    let t = |k: &str| thl.sections.iter().find(|s| s.key == k).unwrap().title.fi.as_str();
    let rows = [
        ("summary", t("summary"), "narrative", "1"),
        ("background", t("background"), "narrative", "2"),
        ("population", t("population"), "indicators", "3"),
        ("inequality", t("inequality"), "indicators", "4"),
        ("strengths", t("strengths"), "narrative", "6"),
        ("conclusions", "Yhteenveto ja johtopäätökset", "narrative", "5"),
        ("plan", t("plan"), "plan", "7"),
        ("annexes", t("annexes"), "narrative", "8"),
        ("custom", "Lapsivaikutusten arviointi", "narrative", "0"),
    ];
    let bad = app
        .post(
            &path,
            &form("0", &rows[..], &[("remove", "0")])
                .into_iter()
                .map(|(k, v)| if v == "Yhteenveto ja johtopäätökset" { (k, " ") } else { (k, v) })
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = bad.text().await.unwrap();
    assert!(text.contains(r#"id="structure-5-title_fi-error""#) && text.contains(r##"href="#structure-5-title_fi""##));
    let r = app.post(&path, &form("0", &rows, &[("remove", "0")])).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let stale = app.post(&path, &form("0", &rows, &[])).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT, "a stale form does not overwrite");
    assert!(stale.text().await.unwrap().contains(r#"name="version" value="1""#));

    let s = app.store.report_structure(kuopio).await.unwrap();
    let keys: Vec<_> = s.sections.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(
        keys,
        ["custom", "background", "population", "inequality", "conclusions", "strengths", "plan", "annexes"]
    );
    let r = app
        .post(
            &format!("/orgs/{kuopio}/reports"),
            &[("kind", "term"), ("term", "2025–2029"), ("languages", "fi"), ("title", "Hyvinvointikertomus 2025–2029")],
        )
        .await;
    let report = app.text(&location(&r)).await;
    assert!(report.contains("Lapsivaikutusten arviointi") && report.contains("Yhteenveto ja johtopäätökset"));
    assert!(!report.contains(">Tiivistelmä<"), "new reports use the organisation's structure");

    // A wellbeing services county starts from THL's regional example structure.
    let county = app.other_browser();
    county.login("hyte@pohjois-savo.example").await;
    let ps = app.org_id("Pohjois-Savon hyvinvointialue").await;
    let regional = county.text(&format!("/orgs/{ps}/report-structure")).await;
    assert!(regional.contains("(alueellinen hyvinvointikertomus ja -suunnitelma)"), "{regional}");
    assert!(regional.contains(r#"value="Kuntien vahvuudet ja huolenaiheet""#));

    // Only its coordinators and admins: not an editor, nor another organisation.
    let editor = app.other_browser();
    editor.login("sivistys@kuopio.example").await;
    assert_eq!(editor.get(&path).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(editor.post(&path, &form("1", &rows, &[])).await.status(), StatusCode::FORBIDDEN);
    let oulu = app.other_browser();
    oulu.login("admin@oulu.example").await;
    assert_eq!(oulu.post(&path, &form("1", &rows, &[])).await.status(), StatusCode::FORBIDDEN);

    // Back to THL's; audited.
    let r = app.post(&path, &[("version", "1"), ("reset", "1")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.store.report_structure(kuopio).await.unwrap(),
        ReportStructure::thl(hyte_domain::OrgKind::Municipality)
    );
    let admin = app.other_browser();
    admin.login("admin@kuopio.example").await;
    assert_eq!(admin.get(&path).await.status(), StatusCode::OK, "admins too");
    assert!(admin.text(&format!("/orgs/{kuopio}/audit")).await.contains("Raporttien oletusrakenne muuttui"));
}

#[tokio::test]
async fn an_empty_post_does_not_wipe_the_structure() {
    let app = spawn().await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    app.login("koordinaattori@kuopio.example").await;
    let before = app.store.report_structure(kuopio).await.unwrap();
    let r = app.post(&format!("/orgs/{kuopio}/report-structure"), &[("version", "0")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.store.report_structure(kuopio).await.unwrap(), before, "nothing changed");
}
