//! Small-number suppression: a value with fewer than 5 events reaches no anonymous visitor, in
//! no page, chart, download, API answer or published report; members still see it.

use crate::helpers::*;
use hyte_domain::{Observation, Sex};
use hyte_store::{AreaStore, IndicatorStore, ReportStore};
use reqwest::StatusCode;

/// Kuopio's series of Sotkanet indicator 4 (no demo data otherwise): 2016 is suppressed
/// (88.2, 3 events) and so are the men of 2017 (76.9, 4 events). Its id.
async fn suppressed_series(app: &TestApp) -> i64 {
    let ind = app.store.indicator_ids("sotkanet", None).await.unwrap()["4"].0;
    let kuopio = app.store.get_area("municipality", "297").await.unwrap().unwrap().id;
    let o = |year, sex, value, x, n, suppressed| Observation {
        indicator_id: ind,
        area_id: kuopio,
        year,
        sex,
        age_band: String::new(),
        value: Some(value),
        numerator: Some(x),
        denominator: Some(n),
        suppressed,
    };
    let rows = vec![
        o(2014, Sex::Total, 10.0, 100.0, 10_000.0, false),
        o(2015, Sex::Total, 11.0, 110.0, 10_000.0, false),
        o(2016, Sex::Total, 88.2, 3.0, 34.0, true),
        o(2017, Sex::Total, 12.0, 120.0, 10_000.0, false),
        o(2017, Sex::Male, 76.9, 4.0, 52.0, true),
        o(2017, Sex::Female, 13.0, 65.0, 5_000.0, false),
    ];
    app.store.import_observations(&rows).await.unwrap();
    ind
}

/// The sparklines of the series with and without the suppressed 2016.
fn sparks() -> (String, String) {
    let all = hyte_web::charts::sparkline(&[(2014, 10.0), (2015, 11.0), (2016, 88.2), (2017, 12.0)]);
    let public = hyte_web::charts::sparkline(&[(2014, 10.0), (2015, 11.0), (2017, 12.0)]);
    (all, public)
}

fn leaks(text: &str) -> Vec<&'static str> {
    ["88,2", "88.2", "76,9", "76.9"].into_iter().filter(|n| text.contains(n)).collect()
}

#[tokio::test]
async fn suppressed_values_reach_no_anonymous_page_chart_download_or_api() {
    let app = spawn().await;
    let ind = suppressed_series(&app).await;
    let anon = app.other_browser();
    let member = app.other_browser();
    member.login("katselija@kuopio.example").await;
    let (all, public) = sparks();

    let profile = format!("/areas/municipality/297/profile?indicators={ind}");
    let page = anon.text(&profile).await;
    assert!(leaks(&page).is_empty(), "profile: {:?}", leaks(&page));
    assert!(page.contains(&public) && !page.contains(&all), "the sparkline is drawn without 2016");
    assert!(page.contains("salattu (alle 5 tapausta)") && page.contains("13,0"), "men suppressed, women shown");
    let page = member.text(&profile).await;
    assert!(page.contains(&all) && page.contains("76,9"), "members see the whole series and the men");
    let t = anon.text(&format!("{profile}&format=csv")).await;
    assert!(leaks(&t).is_empty(), "profile csv: {t}");
    assert!(!leaks(&member.text(&format!("{profile}&format=csv")).await).is_empty());

    let series = format!("/indicators/{ind}/series/municipality/297");
    for (path, what) in [(series.clone(), "series page"), (format!("{series}?format=csv"), "series csv")] {
        let t = anon.text(&path).await;
        assert!(leaks(&t).is_empty(), "{what}: {:?}", leaks(&t));
        assert_eq!(leaks(&member.text(&path).await).len(), 2, "{what} for members");
    }

    let across = format!("/indicators/{ind}/across?parent=wellbeing_county/13&year=2016");
    for path in [across.clone(), format!("{across}&format=csv")] {
        let t = anon.text(&path).await;
        assert!(leaks(&t).is_empty(), "across, also the county's value summed from Kuopio's counts: {path}");
        assert!(!leaks(&member.text(&path).await).is_empty(), "{path} for members");
    }

    let api = format!("/api/v1/observations?indicator={ind}&area=municipality/297");
    let rows: Vec<serde_json::Value> = anon.get(&api).await.json().await.unwrap();
    let hidden: Vec<_> = rows.iter().filter(|r| r["suppressed"] == true).collect();
    assert_eq!(hidden.len(), 2);
    assert!(hidden.iter().all(|r| r["value"].is_null() && r["numerator"].is_null() && r["denominator"].is_null()));
    let rows: Vec<serde_json::Value> = member.get(&api).await.json().await.unwrap();
    assert!(rows.iter().all(|r| r["value"].is_number() && r["numerator"].is_number()));
    let p = anon.text(&format!("/api/v1/profiles/municipality/297?indicators={ind}")).await;
    assert!(leaks(&p).is_empty(), "profile API: {p}");
}

#[tokio::test]
async fn a_published_report_shows_no_suppressed_value_to_the_public() {
    let app = spawn().await;
    let ind = suppressed_series(&app).await;
    let (report_path, rid) = kuopio_term_report(&app).await;
    let section = app.store.report_sections(rid).await.unwrap().into_iter().find(|s| s.key == "population").unwrap();
    let choose = format!("{report_path}/sections/{}/indicators", section.id);
    let (v, add) = (section.version.to_string(), ind.to_string());
    assert_eq!(app.post(&choose, &[("version", &v), ("add", &add)]).await.status(), StatusCode::SEE_OTHER);
    let (all, _) = sparks();
    let draft = app.text(&report_path).await;
    assert!(draft.contains("76,9"), "members see the men of 2017 in the report");

    let state = format!("{report_path}/state");
    let version = || {
        let store = app.store.clone();
        async move { store.get_report(rid).await.unwrap().unwrap().version.to_string() }
    };
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

    let anon = app.other_browser();
    let page = anon.text(&format!("/reports/{rid}")).await;
    assert!(leaks(&page).is_empty(), "published page: {:?}", leaks(&page));
    assert!(!page.contains(&all), "no sparkline through 2016");
    for format in ["csv", "json"] {
        let t = anon.text(&format!("/reports/{rid}/data?format={format}")).await;
        assert!(leaks(&t).is_empty(), "report data {format}: {t}");
    }
    let docx = anon.get(&format!("/reports/{rid}/export?format=docx")).await.bytes().await.unwrap();
    let xml = docx_text(&docx);
    assert!(leaks(&xml).is_empty(), "docx: {:?}", leaks(&xml));
    let pdf = anon.get(&format!("/reports/{rid}/export?format=pdf")).await.bytes().await.unwrap();
    let text = pdf_text(&pdf);
    assert!(leaks(&text).is_empty(), "pdf: {:?}", leaks(&text));
}
