//! Interface services shared by a county, a municipality and an NGO: the division of work saves
//! versions, names the task nobody leads and refuses a save on a stale version; a cooperation
//! agreement's signed PDF is kept with its checksum, downloadable by its parties only, and a
//! non-PDF or a too large file is refused with nothing changed; the renewal reminds on the front
//! page; the monitoring page shows the indicators' progress and the yearly evaluation written
//! together; the regional report's section lists the service.

use crate::helpers::*;
use hyte_domain::interface::{InterfaceForm, DOCUMENT_MAX};
use hyte_domain::Lang;
use hyte_store::{Actor, AuditStore, IndicatorStore, InterfaceStore, ReportStore};
use reqwest::StatusCode;

const COUNTY: &str = "Pohjois-Savon hyvinvointialue";
const KUOPIO: &str = "Kuopion kaupunki";
const NGO: &str = "Savon Vertaistuki ry (esimerkki)";
const SERVICE: &str = "Liikuntaneuvonnan palveluketju (testi)";

struct Shared {
    county: i64,
    kuopio: i64,
    ngo: i64,
    sid: i64,
}

/// The county's service with Kuopio and the NGO as partners, made in the store (not by the
/// register's pages).
async fn shared(app: &TestApp) -> Shared {
    let (county, kuopio, ngo) = (app.org_id(COUNTY).await, app.org_id(KUOPIO).await, app.org_id(NGO).await);
    let mut pairs: Vec<(String, String)> = [("name_fi", SERVICE), ("kind", "service_chain"), ("areas", "297")]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    for o in [kuopio, ngo] {
        pairs.push(("party_org".into(), o.to_string()));
        pairs.push(("party_role".into(), "partner".into()));
    }
    let (input, parties) = InterfaceForm::from_pairs(&pairs).parse(county).unwrap();
    let svc = app.store.create_interface(county, &input, &parties, Actor::SYSTEM).await.unwrap();
    Shared { county, kuopio, ngo, sid: svc.id }
}

#[tokio::test]
async fn the_division_of_work_keeps_versions_names_the_unowned_task_and_refuses_a_stale_save() {
    let app = spawn().await;
    let s = shared(&app).await;
    let (k, n) = (s.kuopio.to_string(), s.ngo.to_string());
    let work = format!("/orgs/{}/interface/{}/work", s.county, s.sid);
    app.login("hyte@pohjois-savo.example").await;
    let page = app.text(&work).await;
    assert!(page.contains("Työnjakoa ei ole vielä tallennettu.") && page.contains(KUOPIO) && page.contains(NGO));
    assert!(page.contains(&format!("<label class=\"visually-hidden\" for=\"cell-0-{k}\">Tehtävä 1 – {KUOPIO}: osuus")));

    let first: [(&str, &str); 8] = [
        ("version", "0"),
        ("task_0", "Asiakkaan ohjaus"),
        (&format!("cell_0_{k}"), "responsible"),
        (&format!("cell_0_{n}"), "informed"),
        ("task_1", "Vertaisryhmien ylläpito"),
        (&format!("cell_1_{n}"), "takes_part"),
        ("task_2", ""),
        (&format!("cell_2_{k}"), "responsible"),
    ];
    assert_eq!(app.post(&work, &first).await.status(), StatusCode::SEE_OTHER);
    let page = app.text(&work).await;
    assert!(page.contains("Tehtävät, joista kukaan ei vastaa:</strong> Vertaisryhmien ylläpito"), "{page}");
    assert!(page.contains("Kukaan ei vastaa"), "the row says it in words");
    assert!(page.contains("Tehtävä lisätty: Asiakkaan ohjaus") && page.contains("Heli Heikkinen"));
    assert!(page.contains(&format!("for=\"cell-1-{n}\">Vertaisryhmien ylläpito – {NGO}: osuus")));

    // The NGO takes the lead of its groups on top of version 1.
    let ngo = app.other_browser();
    ngo.login("jarjesto@vertaistuki.example").await;
    let ngo_work = format!("/orgs/{}/interface/{}/work", s.ngo, s.sid);
    let mut second = first.to_vec();
    second[0] = ("version", "1");
    second[5] = (second[5].0, "responsible");
    assert_eq!(ngo.post(&ngo_work, &second).await.status(), StatusCode::SEE_OTHER);
    let page = app.text(&work).await;
    assert!(page.contains(&format!("Vertaisryhmien ylläpito: {NGO} ”Osallistuu” → ”Vastaa”")), "{page}");
    assert!(page.contains("Jussi Järvinen") && !page.contains("Tehtävät, joista kukaan ei vastaa:"));

    // A save on version 1 now conflicts and changes nothing; a doubled task is refused.
    let r = app.post(&work, &[("version", "1"), ("task_0", "Asiakkaan ohjaus")]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert!(r.text().await.unwrap().contains("Joku muu muutti tätä tietoa sillä välin"));
    let r = app.post(&work, &[("version", "2"), ("task_0", "A"), ("task_1", "A")]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT, "name_taken");
    assert!(r.text().await.unwrap().contains("Kahdella tehtävällä on sama nimi"));
    assert_eq!(app.store.division_of_work(s.county, s.sid).await.unwrap().len(), 2);
    assert!(app.store.audit_log(s.county, 50).await.unwrap().iter().any(|e| e.action == "division_of_work.update"));

    // A viewer of a party reads it; an outsider gets nothing.
    let viewer = app.other_browser();
    viewer.login("katselija@kuopio.example").await;
    let kuopio_work = format!("/orgs/{}/interface/{}/work", s.kuopio, s.sid);
    let page = viewer.text(&kuopio_work).await;
    assert!(page.contains("Vertaisryhmien ylläpito") && !page.contains("<select"));
    assert_eq!(viewer.post(&kuopio_work, &first).await.status(), StatusCode::FORBIDDEN);
    let oulu = app.other_browser();
    oulu.login("admin@oulu.example").await;
    let oulu_id = app.org_id("Oulun kaupunki").await;
    let outsider = format!("/orgs/{oulu_id}/interface/{}/work", s.sid);
    assert_eq!(oulu.get(&outsider).await.status(), StatusCode::NOT_FOUND);
}

/// Sends the agreement's document form (multipart, the token in the URL) as `who`.
async fn attach(who: &TestApp, path: &str, file: &str, bytes: Vec<u8>, version: i64) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("version", version.to_string())
        .part("document", reqwest::multipart::Part::bytes(bytes).file_name(file.to_string()));
    let url = who.url(&format!("{path}?csrf={}", who.csrf().await));
    who.client.post(url).multipart(form).send().await.unwrap()
}

#[tokio::test]
async fn an_agreement_keeps_its_signed_pdf_for_its_parties_and_reminds_of_its_renewal() {
    let app = spawn().await;
    let s = shared(&app).await;
    app.login("hyte@pohjois-savo.example").await;
    let renew = (hyte_web::format::today() + chrono::Days::new(60)).to_string();
    let (sid, county, ngo) = (s.sid.to_string(), s.county.to_string(), s.ngo.to_string());
    let mut form = vec![
        ("title", "Liikuntaneuvonnan yhteistyösopimus"),
        ("service_ids", sid.as_str()),
        ("party_org", county.as_str()),
        ("party_obligations", "Koordinoi ketjua ja liikuntaneuvontaa"),
        ("party_resources", ""),
        ("party_contact", "Heli Heikkinen"),
        ("party_org", ngo.as_str()),
        ("party_obligations", "Vertaisryhmät ja vapaaehtoiset"),
        ("party_resources", "Kaksi ohjaajaa"),
        ("party_contact", "Jussi Järvinen"),
        ("starts_on", "2026-01-01"),
        ("status", "signed"),
        ("renew_on", renew.as_str()),
    ];
    let alone: Vec<(&str, &str)> = form[..6].iter().chain(&form[10..]).cloned().collect();
    let r = app.post(&format!("/orgs/{}/agreements", s.county), &alone).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("Nimeä osapuoliksi oma organisaatiosi ja vähintään yksi muu"));
    form.push(("party_org", ""));
    let r = app.post(&format!("/orgs/{}/agreements", s.county), &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let path = location(&r);
    let aid: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let a = app.store.get_agreement(s.county, aid).await.unwrap().unwrap();

    // Not a PDF, or too large: refused on the page, nothing kept.
    let doc = format!("{path}/document");
    let r = attach(&app, &doc, "sopimus.docx", b"PK\x03\x04 not a pdf".to_vec(), a.version).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("Tiedosto ei ole hyväksyttyä tyyppiä: liitä PDF-asiakirja."));
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(DOCUMENT_MAX + 1, b' ');
    let r = attach(&app, &doc, "iso.pdf", big, a.version).await;
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.text().await.unwrap().contains("Asiakirja on liian suuri: enintään 10 Mt."));
    assert!(app.store.get_agreement(s.county, aid).await.unwrap().unwrap().document.is_none());

    let pdf = b"%PDF-1.7\n% allekirjoitettu sopimus\n%%EOF\n".to_vec();
    assert_eq!(attach(&app, &doc, "sopimus.pdf", pdf.clone(), a.version).await.status(), StatusCode::SEE_OTHER);
    let sha = hyte_web::auth::sha256_hex(&pdf);
    let page = app.text(&path).await;
    assert!(page.contains("sopimus.pdf") && page.contains(&sha), "the file's name and checksum show");
    assert!(page.contains(
        "<td class=\"prewrap\">Vertaisryhmät ja vapaaehtoiset</td><td>Kaksi ohjaajaa</td><td>Jussi Järvinen</td>"
    ));

    // The NGO is a party: it downloads the document. Kuopio takes part in the service but not in
    // the agreement: nothing.
    let ngo = app.other_browser();
    ngo.login("jarjesto@vertaistuki.example").await;
    let r = ngo.get(&format!("/orgs/{}/agreements/{aid}/document", s.ngo)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert!(r.headers()["content-disposition"].to_str().unwrap().starts_with("attachment; filename=\"sopimus.pdf\""));
    assert_eq!(r.bytes().await.unwrap().to_vec(), pdf);
    let kuopio = app.other_browser();
    kuopio.login("admin@kuopio.example").await;
    for p in [format!("/orgs/{}/agreements/{aid}/document", s.kuopio), format!("/orgs/{}/agreements/{aid}", s.kuopio)] {
        assert_eq!(kuopio.get(&p).await.status(), StatusCode::NOT_FOUND, "{p}");
    }
    assert!(!kuopio
        .text(&format!("/orgs/{}/agreements", s.kuopio))
        .await
        .contains("Liikuntaneuvonnan yhteistyösopimus"));

    // The renewal within three months reminds both parties on their front pages.
    for (who, org) in [(&app, s.county), (&ngo, s.ngo)] {
        let front = who.text(&format!("/orgs/{org}")).await;
        assert!(front.contains("Liikuntaneuvonnan yhteistyösopimus: uusiminen"), "{front}");
    }
    let audit = app.store.audit_log(s.county, 50).await.unwrap();
    for action in ["interface_agreement.create", "interface_agreement.document"] {
        assert!(audit.iter().any(|e| e.action == action), "{action} audited");
    }
}

#[tokio::test]
async fn monitoring_shows_progress_and_the_evaluation_and_the_report_lists_the_service() {
    let app = spawn().await;
    let s = shared(&app).await;
    let diabetes = app.store.indicator_ids("sotkanet", None).await.unwrap()["683"].0;
    let title = app.store.get_indicators(&[diabetes]).await.unwrap()[0].title(Lang::Fi).to_string();
    app.login("hyte@pohjois-savo.example").await;
    let base = format!("/orgs/{}/interface/{}/monitoring", s.county, s.sid);
    let d = diabetes.to_string();
    // Kuopio 10.2 (2015) → 13.5 (2023): off track to 9 by 2030, on track to 15.
    for target in ["9", "15"] {
        let f = [
            ("indicator_id", d.as_str()),
            ("area_code", "297"),
            ("baseline_year", "2015"),
            ("baseline", "10,2"),
            ("target_year", "2030"),
            ("target", target),
        ];
        assert_eq!(app.post(&format!("{base}/indicators"), &f).await.status(), StatusCode::SEE_OTHER);
    }
    let r = app.post(&format!("{base}/indicators"), &[("indicator_id", "99999999"), ("area_code", "297")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = app.text(&base).await;
    assert!(page.contains(&title) && page.contains("13,5 (2023)") && page.contains("10,2 (2015)"), "{page}");
    assert!(page.contains("Jäljessä tavoitteesta") && page.contains("Etenee tavoitteeseen"));

    // The evaluation is written together: the county, then the NGO on top of it.
    // The demo's regional report covers 2022–2025.
    let year = 2025;
    let eval = format!("{base}/evaluation/{year}");
    let r = app.post(&eval, &[("version", "0"), ("worked", "Yhteiset asiakassuunnitelmat")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let ngo = app.other_browser();
    ngo.login("jarjesto@vertaistuki.example").await;
    let ngo_eval = format!("/orgs/{}/interface/{}/monitoring/evaluation/{year}", s.ngo, s.sid);
    let both = [("version", "1"), ("worked", "Yhteiset asiakassuunnitelmat"), ("gaps", "Nuoret putosivat siirtymässä")];
    assert_eq!(ngo.post(&ngo_eval, &both).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.post(&eval, &[("version", "1"), ("worked", "Vanha")]).await.status(), StatusCode::CONFLICT);
    let page = app.text(&base).await;
    assert!(page.contains(&format!("Kirjoittaneet: {COUNTY}, {NGO}")) && page.contains("Nuoret putosivat siirtymässä"));

    // One indicator removed.
    let tracked = app.store.tracked_indicators(s.county, s.sid).await.unwrap();
    let r = app.post(&format!("{base}/indicators/{}/remove", tracked[1].id), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.store.tracked_indicators(s.county, s.sid).await.unwrap().len(), 1);

    // The county's report and its export list the service, its indicator and the evaluation.
    let report = app.store.list_reports(s.county).await.unwrap()[0].clone();
    let page = app.text(&format!("/orgs/{}/reports/{}", s.county, report.id)).await;
    for part in [SERVICE, "Yhdyspintapalvelut ja niiden osallistujat", &title, "Jäljessä tavoitteesta"] {
        assert!(page.contains(part), "{part}");
    }
    assert!(page.contains("Nuoret putosivat siirtymässä"));
    let docx = app.get(&format!("/orgs/{}/reports/{}/export?format=docx", s.county, report.id)).await;
    assert_eq!(docx.status(), StatusCode::OK);
    assert!(docx_text(&docx.bytes().await.unwrap()).contains(SERVICE));
    // A partner municipality's report has the section too.
    let (kuopio_report, _) = kuopio_term_report(&app).await;
    assert!(app.text(&kuopio_report).await.contains(SERVICE));
}
