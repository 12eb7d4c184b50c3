//! Choosing an indicator section's indicators from the knowledge base, by theme or by search.

use crate::helpers::*;
use hyte_store::{IndicatorStore, ReportStore};
use reqwest::StatusCode;

#[tokio::test]
async fn editors_choose_indicators_by_theme_or_search_without_javascript() {
    let app = spawn().await;
    let (report_path, rid) = kuopio_term_report(&app).await;
    let population = app.store.report_sections(rid).await.unwrap().into_iter().find(|s| s.key == "population").unwrap();
    let edit = format!("{report_path}/sections/{}", population.id);
    let editor = app.other_browser();
    editor.login("sivistys@kuopio.example").await;

    // Themes are Sotkanet's subjects; a theme lists its indicators with checkboxes.
    let page = editor.text(&edit).await;
    assert!(
        page.contains(r#"id="choose-theme""#) && page.contains(r#"<option value="liikunta">liikunta (3)</option>"#)
    );
    let page = editor.text(&format!("{edit}?theme=liikunta")).await;
    let ids = app.store.indicator_ids("sotkanet", None).await.unwrap();
    let (a, b) = (ids["5527"].0, ids["5529"].0);
    assert!(page.contains(&format!(r#"id="choose-add-{a}""#)) && page.contains("Terveysliikuntasuosituksen mukaan"));
    assert!(!page.contains("Kuolleisuus / 100 000 asukasta"), "only the theme's indicators");
    let page = editor.text(&format!("{edit}?q=kuolleisuus")).await;
    assert!(page.contains("Kuolleisuus / 100 000 asukasta"), "or by search words");

    let choose = format!("{edit}/indicators");
    let v = population.version.to_string();
    let (sa, sb) = (a.to_string(), b.to_string());
    let r = editor.post(&choose, &[("version", &v), ("theme", "liikunta"), ("add", &sa), ("add", &sb)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(location(&r).ends_with("?q=&theme=liikunta#choose"), "back to the same theme");
    let s = app.store.report_sections(rid).await.unwrap().into_iter().find(|s| s.id == population.id).unwrap();
    assert_eq!(s.indicator_ids, vec![a, b]);
    let page = editor.text(&format!("{edit}?theme=liikunta")).await;
    assert!(page.contains(&format!(r#"value="{a}" checked disabled"#)), "chosen ones are marked");
    let stale = editor.post(&choose, &[("version", &v), ("remove", &sa)]).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT, "a stale form does not overwrite");
    let v = s.version.to_string();
    assert_eq!(editor.post(&choose, &[("version", &v), ("remove", &sa)]).await.status(), StatusCode::SEE_OTHER);
    let s = app.store.report_sections(rid).await.unwrap().into_iter().find(|s| s.id == population.id).unwrap();
    assert_eq!(s.indicator_ids, vec![b], "removed");
    assert!(app
        .text(&report_path)
        .await
        .contains("Terveysliikuntasuosituksen mukaan liian vähän liikkuvien osuus (%), 65"));

    // Viewers do not choose; narrative sections have no chooser.
    let viewer = app.other_browser();
    viewer.login("katselija@kuopio.example").await;
    let v = s.version.to_string();
    assert_eq!(viewer.post(&choose, &[("version", &v), ("add", &sa)]).await.status(), StatusCode::FORBIDDEN);
    let summary = app.store.report_sections(rid).await.unwrap().into_iter().find(|s| s.key == "summary").unwrap();
    assert!(!editor.text(&format!("{report_path}/sections/{}", summary.id)).await.contains("choose-theme"));
}
