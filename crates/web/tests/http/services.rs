//! The county's services room, end to end: the county writes a contract's HYTE criterion and its
//! rule; the provider's user reports quarters (by form and by file) and sees only its own
//! contracts; the county sees the euro effects and returns a report with a comment; the coverage
//! gap shows; other organisations get nothing.

use crate::helpers::*;
use hyte_domain::{Lang, Names, OrgKind, Role};
use hyte_store::{Actor, AuditStore, NewOrganisation, NewUser, OrgStore, ServiceStore, UserStore};
use reqwest::StatusCode;

const COUNTY: &str = "Pohjois-Savon hyvinvointialue";
const NGO: &str = "Savon Vertaistuki ry (esimerkki)";
const REPORTER: &str = "raportoija@tuottaja.example";

fn id_of(path: &str) -> i64 {
    path.rsplit('/').next().unwrap().split('#').next().unwrap().parse().unwrap()
}

/// A company that the county buys from, with one user who reports for it.
async fn company(app: &TestApp) -> i64 {
    let names = Names::new("Testin Terveyspalvelut Oy", None, None);
    let org = NewOrganisation { kind: OrgKind::PrivateProvider, names, area_id: None };
    let o = app.store.create_organisation(&org, Actor::SYSTEM).await.unwrap();
    let user = NewUser {
        email: hyte_domain::Email::parse(REPORTER).unwrap(),
        display_name: hyte_domain::DisplayName::parse("Raili Raportoija").unwrap(),
        password_hash: hyte_web::auth::hash_password(PASSWORD),
    };
    app.store.create_user(&user, Some((o.id, Role::Editor, None)), Actor::SYSTEM).await.unwrap();
    o.id
}

async fn add_provider(app: &TestApp, county: i64, name: &str, kind: &str, member: i64) -> i64 {
    let r = app
        .post(
            &format!("/orgs/{county}/providers"),
            &[("name", name), ("kind", kind), ("member_org_id", &member.to_string())],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    app.store.list_providers(county).await.unwrap().iter().find(|p| p.input.name == name).unwrap().id
}

async fn add_contract(app: &TestApp, county: i64, provider: i64, title: &str) -> i64 {
    let r = app
        .post(
            &format!("/orgs/{county}/contracts"),
            &[
                ("title", title),
                ("kind", "purchase"),
                ("provider_id", &provider.to_string()),
                ("starts", "2025-01-01"),
                ("ends", "2026-12-31"),
                ("annual_euros", "400 000"),
                ("hyte_tasks", "Mini-interventio jokaiselle 18 vuotta täyttäneelle asiakkaalle ensikäynnillä"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    id_of(&location(&r))
}

const CRITERION: [(&str, &str); 10] = [
    ("name", "Mini-interventio 18+ asiakkaille"),
    ("unit", "%"),
    ("target", "80"),
    ("direction", "higher_better"),
    ("source", "provider"),
    ("schedule", "quarterly"),
    ("bonus_pct", "1"),
    ("sanction_pct", "0,5"),
    ("margin_pct", "10"),
    ("cap_euros", "5 000"),
];

#[tokio::test]
async fn a_county_sets_a_rule_a_provider_reports_and_the_county_sees_the_euros() {
    let app = spawn().await;
    let county = app.org_id(COUNTY).await;
    let ngo = app.org_id(NGO).await;
    let company = company(&app).await;
    app.login("hyte@pohjois-savo.example").await;

    let p1 = add_provider(&app, county, "Testin Terveyspalvelut Oy", "company", company).await;
    let p2 = add_provider(&app, county, "Savon Vertaistuki ry", "ngo", ngo).await;
    let c1 = add_contract(&app, county, p1, "Päihdepalvelujen ostosopimus (testi)").await;
    let c2 = add_contract(&app, county, p2, "Kaatumisten ehkäisy (testi)").await;

    // A bad criterion is refused with its fields named, and nothing is written.
    let mut bad = CRITERION.to_vec();
    bad[2] = ("target", "paljon");
    bad[6] = ("bonus_pct", "150");
    let r = app.post(&format!("/orgs/{county}/contracts/{c1}/criteria"), &bad).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("criterion-target-error") && page.contains("criterion-bonus_pct-error"), "{page}");
    assert!(app.store.get_contract(county, c1).await.unwrap().unwrap().criteria.is_empty());
    for c in [c1, c2] {
        let r = app.post(&format!("/orgs/{county}/contracts/{c}/criteria"), &CRITERION).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let k1 = app.store.get_contract(county, c1).await.unwrap().unwrap().criteria[0].id;

    // The provider's user sees its own contract only, and cannot touch the county's pages.
    let provider = app.other_browser();
    provider.login(REPORTER).await;
    let list = provider.text(&format!("/orgs/{company}/provider-contracts")).await;
    assert!(list.contains("Päihdepalvelujen ostosopimus (testi)") && !list.contains("Kaatumisten ehkäisy (testi)"));
    assert_eq!(provider.get(&format!("/orgs/{company}/provider-contracts/{c2}")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(provider.get(&format!("/orgs/{county}/contracts/{c1}")).await.status(), StatusCode::FORBIDDEN);
    let rule = provider.post(&format!("/orgs/{county}/contracts/{c1}/criteria/{k1}"), &CRITERION).await;
    assert_eq!(rule.status(), StatusCode::FORBIDDEN, "the provider cannot change the rule");
    let theirs = provider.post(&format!("/orgs/{company}/provider-contracts/{c2}"), &[]).await;
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);

    // A quarter by the form: missed by 25 % → a sanction.
    let k = k1.to_string();
    let r = provider
        .post(
            &format!("/orgs/{company}/provider-contracts/{c1}"),
            &[
                (&format!("period-{k}"), "2025-Q1"),
                (&format!("value-{k}"), "60"),
                (&format!("comment-{k}"), "Henkilöstövaje"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // A bad period is refused and writes nothing.
    let r = provider
        .post(
            &format!("/orgs/{company}/provider-contracts/{c1}"),
            &[(&format!("period-{k}"), "2025"), (&format!("value-{k}"), "90")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A file: a bad row names its line and column and writes nothing; a good one is saved.
    let upload = |csv: String| {
        let form = reqwest::multipart::Form::new()
            .part("file", reqwest::multipart::Part::bytes(csv.into_bytes()).file_name("q.csv"));
        provider.client.post(provider.url(&format!("/orgs/{company}/provider-contracts/{c1}/upload"))).multipart(form)
    };
    let csrf = provider.csrf().await;
    let r = upload(format!("criterion_id;period;value;comment\n{k};2025-Q2;85;\n{k};2025-Q3;x;\n"))
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("Rivi 3: value"), "the error names line 3 and its column: {page}");
    assert_eq!(app.store.get_contract(county, c1).await.unwrap().unwrap().reports.len(), 1, "nothing written");
    let r = upload(format!("criterion_id;period;value;comment\n{k};2025-Q2;85;\n"))
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // The county sees the euro effects: 400 000 € a year → 100 000 € a quarter.
    let page = app.text(&format!("/orgs/{county}/contracts/{c1}")).await;
    let eur = |v| hyte_web::format::euros(Lang::Fi, v);
    assert!(page.contains(&eur(-500)), "the sanction of 0.5 %: {page}");
    assert!(page.contains(&eur(1_000)), "the bonus of 1 %");
    assert!(page.contains("Henkilöstövaje"));
    // What would it cost: a stricter rule on 2025's values.
    let whatif =
        app.text(&format!("/orgs/{county}/contracts/{c1}/criteria/{k1}?bonus_pct=2&sanction_pct=1&margin_pct=0")).await;
    assert!(whatif.contains(&eur(2_000)) && whatif.contains(&eur(-1_000)), "{whatif}");

    // The county returns the first quarter with a comment; the provider reads it.
    let report = app.store.get_contract(county, c1).await.unwrap().unwrap().reports[0].clone();
    let r = app
        .post(
            &format!("/orgs/{county}/contracts/{c1}/reports/{}/review", report.id),
            &[
                ("decision", "return"),
                ("review_comment", "Luku ei täsmää asiakasjärjestelmään"),
                ("version", &report.version.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let mine = provider.text(&format!("/orgs/{company}/provider-contracts/{c1}")).await;
    assert!(mine.contains("Luku ei täsmää asiakasjärjestelmään"));
    let audit = app.store.audit_log(county, 100).await.unwrap();
    for action in ["contract.create", "criterion.create", "monitoring.submit", "monitoring.return"] {
        assert!(audit.iter().any(|e| e.action == action), "{action} audited");
    }

    // Another organisation gets nothing of the county's services.
    let oulu = app.other_browser();
    oulu.login("admin@oulu.example").await;
    assert_eq!(oulu.get(&format!("/orgs/{county}/contracts/{c1}")).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn services_name_their_client_groups_and_the_gaps_show() {
    let app = spawn().await;
    let county = app.org_id(COUNTY).await;
    app.login("hyte@pohjois-savo.example").await;
    let r = app
        .post(
            &format!("/orgs/{county}/services"),
            &[
                ("name_fi", "Kaatumisten ehkäisy (testi)"),
                ("producer", "own"),
                ("groups", "oldest_old"),
                ("groups", "older_living_alone"),
                ("reach", "oldest_old;2025;410;25000"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let sid = id_of(&location(&r));
    let s = app.store.get_service(county, sid).await.unwrap().unwrap();
    assert!(s.input.groups.contains(hyte_domain::population::PopulationGroup::OlderLivingAlone));
    let page = app.text(&format!("/orgs/{county}/services")).await;
    assert!(page.contains("Kaatumisten ehkäisy (testi)"));
    assert!(page.contains("Ryhmät, joita mikään palvelu ei tavoita:"), "the gaps are listed");
    let services = app.store.list_services(county).await.unwrap();
    let gaps = hyte_domain::services::coverage(&services).gaps;
    assert!(!gaps.is_empty());
    assert!(!gaps.contains(&hyte_domain::population::PopulationGroup::OldestOld));
    let front = app.text(&format!("/orgs/{county}")).await;
    assert!(front.contains("Ryhmät, joita mikään palvelu ei tavoita:"), "the gaps show on the county's front page");
    // An unknown group is refused and nothing is written.
    let r = app
        .post(&format!("/orgs/{county}/services"), &[("name_fi", "X"), ("producer", "own"), ("groups", "martians")])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.store.list_services(county).await.unwrap().len(), services.len());
    // A municipality has no services room.
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let k = app.other_browser();
    k.login("admin@kuopio.example").await;
    assert_eq!(k.get(&format!("/orgs/{kuopio}/services")).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_county_report_has_a_section_on_hyte_in_its_services_and_its_exports_too() {
    use hyte_store::ReportStore;
    let app = spawn().await;
    let county = app.org_id(COUNTY).await;
    app.login("hyte@pohjois-savo.example").await;
    let report = app.store.list_reports(county).await.unwrap()[0].clone();
    let page = app.text(&format!("/orgs/{county}/reports/{}", report.id)).await;
    assert!(page.contains("Hyvinvoinnin ja terveyden edistäminen hyvinvointialueen palveluissa"), "the section shows");
    for part in [
        "Strategioiden tavoitteet",
        "Sopimusten seuranta",
        "Asiakasosallisuus",
        "Ryhmät, joita mikään palvelu ei tavoita:",
    ] {
        assert!(page.contains(part), "{part}");
    }
    // The demo's company missed one quarter (a sanction) and met others (bonuses).
    assert!(page.contains("Savon Terveyspalvelut Oy"));
    let docx = app.get(&format!("/orgs/{county}/reports/{}/export?format=docx", report.id)).await;
    assert_eq!(docx.status(), StatusCode::OK);
    let xml = docx_text(&docx.bytes().await.unwrap());
    assert!(xml.contains("Sopimusten seuranta") && xml.contains("Savon Terveyspalvelut Oy"));
    // A municipality's report has no such section.
    let (kuopio_report, _) = kuopio_term_report(&app).await;
    assert!(!app.text(&kuopio_report).await.contains("hyvinvointialueen palveluissa"));
}
