//! The knowledge base: catalogue, profile, charts, downloads, uploads and its API.

use crate::helpers::*;
use hyte_store::{IndicatorStore, ObservationQuery};
use reqwest::StatusCode;

async fn indicator_id(app: &TestApp, source_id: &str) -> i64 {
    app.store.indicator_ids("sotkanet", None).await.unwrap()[source_id].0
}

#[tokio::test]
async fn the_catalogue_searches_in_three_languages() {
    let app = spawn().await;
    let page = app.text("/indicators?q=mortality").await;
    assert!(page.contains("Kuolleisuus / 100 000 asukasta"), "found by its English title");
    app.get("/lang/sv?next=/").await;
    let page = app.text("/indicators?q=d%C3%B6dlighet").await;
    assert!(page.contains("Dödlighet / 100 000 invånare"));
    let all: serde_json::Value = app.get("/api/v1/indicators?limit=1").await.json().await.unwrap();
    assert!(all["total"].as_i64().unwrap() > 2400, "the whole Sotkanet catalogue ships");
    let one: serde_json::Value = app.get("/api/v1/indicators?q=4461").await.json().await.unwrap();
    assert_eq!(one["items"][0]["value_type"], "percent");
    let meta = app.text(&format!("/indicators/{}", indicator_id(&app, "186").await)).await;
    assert!(meta.contains("Lähde: THL, Sotkanet.fi; Tilastokeskus"), "attribution with the producer");
}

#[tokio::test]
async fn kuopio_profile_shows_significance_against_the_county_in_swedish() {
    let app = spawn().await;
    let p: serde_json::Value = app.get("/api/v1/profiles/municipality/297").await.json().await.unwrap();
    assert_eq!(p["county_code"], "13");
    let row =
        |id: &str| p["rows"].as_array().unwrap().iter().find(|r| r["indicator"]["source_id"] == id).unwrap().clone();
    // Social assistance recipients aged 25–64: Kuopio 10.6 % (10.4–10.8) against the county's 9.5 %.
    let r = row("5");
    assert_eq!((r["value"].as_f64(), r["vs_county"].as_str()), (Some(10.6), Some("worse")));
    assert!(r["ci_lower"].as_f64().unwrap() > 10.3 && r["ci_upper"].as_f64().unwrap() < 10.9);
    // Population: a long series, so its trend is computed.
    assert_eq!(row("127")["trend"], "increasing");
    app.get("/lang/sv?next=/").await;
    let page = app.text("/areas/municipality/297/profile").await;
    assert!(page.contains(r#"<html lang="sv">"#) && page.contains("Välfärdsprofil"));
    assert!(page.contains("Sämre") && page.contains("Norra Savolax välfärdsområde"));
    assert!(page.contains("Källa: THL, Sotkanet.fi"));
}

#[tokio::test]
async fn charts_have_tables_and_downloads() {
    let app = spawn().await;
    let pop = indicator_id(&app, "127").await;
    let page = app.text(&format!("/indicators/{pop}/series/municipality/297")).await;
    assert!(page.contains(r#"role="img""#) && page.contains("<polyline"));
    assert!(page.contains("61\u{a0}236") && page.contains("58\u{a0}046"), "2019 women and men in the table");
    let ind = indicator_id(&app, "5").await;
    let across = app.text(&format!("/indicators/{ind}/across?parent=wellbeing_county/13")).await;
    assert!(across.contains(r#"class="bar worse""#) && across.contains("Kuopio"));
    // The slope index across Pohjois-Savo's 19 municipalities ranked by their low-income rate,
    // as computed independently with numpy/scipy from the same demo data (docs/statistics.md).
    let sii = &across[across.find("Eriarvoisuuden kaltevuusindeksi (SII)").expect("the slope index is shown")..];
    let sii = &sii[..sii.find("</dd>").unwrap()];
    assert!(sii.contains("<dd>1,1 (95 %:n luottamusväli −2,4–4,7); suhteellinen indeksi (RII) 1,13."), "{sii}");
    assert!(sii.contains("ei ole tilastollisesti merkitsevä") && sii.contains("pienituloisuusaste"), "{sii}");
    let csv = app.get(&format!("/indicators/{ind}/across?parent=wellbeing_county/13&format=csv")).await;
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let body = csv.text().await.unwrap();
    assert!(body.contains("Kuopio;297;2019;10.6;") && body.contains("Lähde: THL, Sotkanet.fi"));
    let xlsx = app.get("/areas/municipality/297/profile?format=xlsx").await;
    assert!(xlsx.headers()["content-disposition"].to_str().unwrap().ends_with(".xlsx\""));
    let bytes = xlsx.bytes().await.unwrap();
    assert!(bytes.starts_with(b"PK") && bytes.windows(19).any(|w| w == b"[Content_Types].xml"), "an XLSX package");
    // The catalogue: the whole search result, not just the page shown.
    let page = app.text("/indicators?q=mortality").await;
    assert!(page.contains("q=mortality&#38;theme=&#38;source=&amp;format=xlsx"), "download links keep the search");
    let body = app.get("/indicators?q=mortality&theme=&source=&format=csv").await.text().await.unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert!(
        lines[0].ends_with("Tunnus;Indikaattori;Lähde;Tuottaja;Arvon tyyppi;Desimaalit;Suunta;Aihe;Tiedot päivitetty")
    );
    assert!(lines.iter().any(|l| l.contains(";Kuolleisuus / 100 000 asukasta;sotkanet;")));
    assert!(lines.last().unwrap().contains("Lähde: THL, Sotkanet.fi"), "attribution");
    let all = app.get("/indicators?format=xlsx").await;
    assert_eq!(all.headers()["content-disposition"], "attachment; filename=\"hyte-indicators.xlsx\"");
    assert!(all.bytes().await.unwrap().len() > 50_000, "the whole catalogue, over 2,400 indicators");
    assert_eq!(app.get("/indicators/abc").await.status(), StatusCode::NOT_FOUND, "a malformed path is a clean 404");
    assert_eq!(app.get("/no/such/page").await.status(), StatusCode::NOT_FOUND);
}

pub(crate) fn upload_form(app: &TestApp, path: &str, kind: &str, name: &str, body: &str) -> reqwest::RequestBuilder {
    let form = reqwest::multipart::Form::new()
        .text("kind", kind.to_string())
        .part("file", reqwest::multipart::Part::text(body.to_string()).file_name(name.to_string()));
    app.client.post(app.url(path)).multipart(form)
}

/// Follows an upload to its import job's page and waits there until the job has finished.
async fn finished(app: &TestApp, r: reqwest::Response) -> (String, String) {
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "an upload starts a job");
    let to = r.headers()["location"].to_str().unwrap().to_string();
    for _ in 0..1200 {
        let page = app.text(&to).await;
        if !page.contains(r#"id="import-progress""#) {
            return (to, page);
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the import at {to} did not finish");
}

#[tokio::test]
async fn a_crafted_workbook_is_refused_with_the_limit_named_and_the_server_keeps_answering() {
    let app = spawn().await;
    app.login("koordinaattori@kuopio.example").await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let path = format!("/orgs/{kuopio}/import?csrf={}", app.csrf().await);
    // A1 and XFD1048576: the declared sheet would take 512 GiB (issue 16).
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "indicator_code").unwrap();
    sheet.write(1_048_575, 16_383, "x").unwrap();
    let form = reqwest::multipart::Form::new()
        .text("kind", "own")
        .part("file", reqwest::multipart::Part::bytes(book.save_to_buffer().unwrap()).file_name("hyokkays.xlsx"));
    let r = app.client.post(app.url(&path)).multipart(form).send().await.unwrap();
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK, "the server answers during the import");
    let (_, page) = finished(&app, r).await;
    assert!(page.contains("hyokkays.xlsx, rivi 1048576"), "names the row");
    assert!(page.contains("Taulukossa on liikaa rivejä: enintään 100000 riviä."), "the limit, translated");
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK, "the server is still up");
}

#[tokio::test]
async fn a_coordinator_imports_files_and_a_broken_file_changes_nothing() {
    let app = spawn().await;
    app.login("koordinaattori@kuopio.example").await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let path = format!("/orgs/{kuopio}/import?csrf={}", app.csrf().await);
    let before = app.store.observation_count().await.unwrap();

    // National (Sotkanet) data is the instance administrator's: a coordinator imports own data only.
    let broken =
        "indicator;region;year;gender;primary value;absolute value\n5;2;2019;total;6.5;279\n5;4;2019;total;6,5,5;60\n";
    let r = upload_form(&app, &path, "sotkanet", "broken.csv", broken).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(!app.text(&format!("/orgs/{kuopio}/import")).await.contains(r#"value="sotkanet""#));
    let national = app.other_browser();
    national.login(hyte_seed::demo::INSTANCE_ADMIN).await;
    let national_path = format!("/orgs/{kuopio}/import?csrf={}", national.csrf().await);
    let r = upload_form(&national, &national_path, "sotkanet", "broken.csv", broken).send().await.unwrap();
    let (broken_job, page) = finished(&national, r).await;
    assert!(page.contains("broken.csv, rivi 3, kenttä primary value"), "names the file, line and field");
    assert!(page.contains("Mitään ei tallennettu"));
    assert_eq!(app.store.observation_count().await.unwrap(), before, "nothing written");

    let helsinki_population = |app: &TestApp| {
        let url = app.url("/api/v1/profiles/municipality/091");
        let client = app.client.clone();
        async move {
            let p: serde_json::Value = client.get(url).send().await.unwrap().json().await.unwrap();
            let row =
                p["rows"].as_array().unwrap().iter().find(|r| r["indicator"]["source_id"] == "127").unwrap().clone();
            (row["year"].as_i64(), row["value"].as_f64())
        }
    };
    assert_eq!(helsinki_population(&app).await, (Some(2022), Some(664028.0)));
    let real = include_str!("../../../import/tests/data/data_127_2019_2023.json");
    let r = upload_form(&national, &national_path, "sotkanet", "data_127_2019_2023.json", real).send().await.unwrap();
    assert!(finished(&national, r).await.1.contains("10 havaintoa tallennettu"));
    // The cached profile is recomputed after the import.
    assert_eq!(helsinki_population(&app).await, (Some(2023), Some(674500.0)));

    let own = "indicator_code;indicator_title_fi;value_type;area_kind;area_code;year;sex;age_band;value;numerator;denominator\n\
               liikunta;Liikkuu riittävästi, %;percent;municipality;297;2025;female;13-15;54.2;271;500\n";
    let r = upload_form(&app, &path, "own", "kysely.csv", own).send().await.unwrap();
    finished(&app, r).await;
    let own_id = app.store.indicator_ids("own", Some(kuopio)).await.unwrap()["liikunta"].0;
    // The same template as an Excel workbook.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in own.lines().next().unwrap().split(';').enumerate() {
        sheet.write(0, c as u16, h).unwrap();
    }
    let row = ["uinti", "Osaa uida, %", "percent", "municipality", "297", "2025", "total", "", "81.5", "", ""];
    for (c, v) in row.iter().enumerate() {
        sheet.write(1, c as u16, *v).unwrap();
    }
    let form = reqwest::multipart::Form::new()
        .text("kind", "own")
        .part("file", reqwest::multipart::Part::bytes(book.save_to_buffer().unwrap()).file_name("kysely.xlsx"));
    let r = app.client.post(app.url(&path)).multipart(form).send().await.unwrap();
    assert!(finished(&app, r).await.1.contains("1 havaintoa tallennettu"));
    assert!(app.store.indicator_ids("own", Some(kuopio)).await.unwrap().contains_key("uinti"));
    assert_eq!(app.get(&format!("/indicators/{own_id}")).await.status(), StatusCode::OK);
    let anon = app.other_browser();
    assert_eq!(
        anon.get(&format!("/indicators/{own_id}")).await.status(),
        StatusCode::NOT_FOUND,
        "own data stays with its organisation"
    );

    // The imports are listed and audited.
    let history = app.text(&format!("/orgs/{kuopio}/import")).await;
    assert!(history.contains("kysely.xlsx") && history.contains("Hylätty") && history.contains("Tuotu"));
    let admin = app.other_browser();
    admin.login("admin@kuopio.example").await;
    let audit = admin.text(&format!("/orgs/{kuopio}/audit")).await;
    assert!(audit.contains("Tietoja tuotiin") && audit.contains("Tietojen tuonti hylättiin"));
    let oulu = app.other_browser();
    oulu.login("admin@oulu.example").await;
    assert_eq!(oulu.get(&broken_job).await.status(), StatusCode::FORBIDDEN, "another organisation's import");

    // Without the token, or without the role, nothing happens.
    let r = upload_form(&app, &format!("/orgs/{kuopio}/import"), "sotkanet", "x.json", real).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let viewer = app.other_browser();
    viewer.login("katselija@kuopio.example").await;
    let r = upload_form(
        &viewer,
        &format!("/orgs/{kuopio}/import?csrf={}", viewer.csrf().await),
        "sotkanet",
        "x.json",
        real,
    )
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn observations_api_filters_by_area_year_and_sex() {
    let app = spawn().await;
    let pop = indicator_id(&app, "127").await;
    let rows: Vec<serde_json::Value> = app
        .get(&format!("/api/v1/observations?indicator={pop}&area=municipality/297&year=2019"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(rows.len(), 3, "total, male, female");
    let rows: Vec<serde_json::Value> = app
        .get(&format!("/api/v1/observations?indicator={pop}&area=municipality/297&sex=total"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(rows.len(), 23, "2000–2022");
    let r = app.get(&format!("/api/v1/observations?indicator={pop}&sex=both")).await;
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["error"]["code"], "invalid_input");
    let r = app.get("/api/v1/observations?indicator=x").await;
    assert!(r.status().is_client_error());
    assert!(r.json::<serde_json::Value>().await.unwrap()["error"]["code"].is_string(), "rejections are JSON too");
}

#[tokio::test]
async fn only_the_instance_administrator_sets_a_national_direction_and_it_is_audited() {
    use hyte_store::AuditStore;
    let app = spawn().await;
    let ind = indicator_id(&app, "181").await;
    let page = app.text(&format!("/indicators/{ind}")).await;
    assert!(!page.contains("/polarity"), "anonymous visitors cannot edit");
    let i = app.store.get_indicator(ind).await.unwrap().unwrap();
    let version = i.version.to_string();
    // A coordinator of one organisation cannot change what every organisation's reports show.
    let coordinator = app.other_browser();
    coordinator.login("koordinaattori@kuopio.example").await;
    assert!(!coordinator.text(&format!("/indicators/{ind}")).await.contains("/polarity"));
    let form = [("polarity", "higher_is_better"), ("version", version.as_str())];
    let r = coordinator.post(&format!("/indicators/{ind}/polarity"), &form).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    app.login(hyte_seed::demo::INSTANCE_ADMIN).await;
    let r = app.post(&format!("/indicators/{ind}/polarity"), &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let stale = [("polarity", "lower_is_better"), ("version", version.as_str())];
    let r = app.post(&format!("/indicators/{ind}/polarity"), &stale).await;
    assert_eq!(r.status(), StatusCode::CONFLICT, "a stale form does not overwrite");
    assert_eq!(app.store.get_indicator(ind).await.unwrap().unwrap().polarity.as_str(), "higher_is_better");
    let log = app.store.instance_audit_log(10).await.unwrap();
    assert!(log
        .iter()
        .any(|e| e.action == "indicator.update" && e.actor_email.as_deref() == Some("admin@kuopio.example")));
    let _ = ObservationQuery::default();
}

#[tokio::test]
async fn an_import_cut_off_by_a_restart_is_shown_failed_not_running_forever() {
    use hyte_store::knowledge::ImportJobStore;
    let app = spawn().await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let cut = app.store.start_import_job(kuopio, "kesken.csv", "own", hyte_store::Actor::SYSTEM).await.unwrap();
    // What a restart does before it serves again.
    let restarted = hyte_web::app_state(app.store.clone(), hyte_web::WebConfig::default());
    assert_eq!(hyte_web::pages::knowledge::import::fail_interrupted(&restarted).await.unwrap(), 1);
    let job = app.store.get_import_job(cut.id).await.unwrap().unwrap();
    assert_eq!(job.state, hyte_domain::JobState::Failed);
    app.login("koordinaattori@kuopio.example").await;
    let page = app.text(&format!("/orgs/{kuopio}/import/{}", cut.id)).await;
    assert!(page.contains("interrupted by a restart"), "{page}");
    assert_eq!(hyte_web::pages::knowledge::import::fail_interrupted(&restarted).await.unwrap(), 0, "once");
}

#[tokio::test]
async fn imports_take_files_beyond_the_form_limit_up_to_their_own() {
    let small = hyte_web::WebConfig { import_max_bytes: 1 << 20, ..Default::default() };
    for (app, status) in
        [(spawn().await, StatusCode::SEE_OTHER), (spawn_with(small).await, StatusCode::PAYLOAD_TOO_LARGE)]
    {
        app.login("koordinaattori@kuopio.example").await;
        let kuopio = app.org_id("Kuopion kaupunki").await;
        let path = format!("/orgs/{kuopio}/import?csrf={}", app.csrf().await);
        // 3 MiB of own data: more than any form (2 MiB), within the default import limit (256 MiB).
        let head = "indicator_code;indicator_title_fi;value_type;area_kind;area_code;year;sex;age_band;value;numerator;denominator\n";
        let row = "liikunta;Liikkuu riittävästi, %;percent;municipality;297;2025;female;13-15;54.2;271;500\n";
        let body = format!("{head}{}", row.repeat(3 * 1024 * 1024 / row.len()));
        let r = upload_form(&app, &path, "own", "iso.csv", &body).send().await.unwrap();
        assert_eq!(r.status(), status, "import_max_bytes decides");
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            assert!(r.text().await.unwrap().contains("HYTE_IMPORT_MAX_MB"), "the refusal says what to change");
        }
    }
}
