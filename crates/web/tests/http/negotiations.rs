//! Reports sent to the county and the yearly HYTE negotiation, end to end: Kuopio sends its
//! approved report; the county's list shows Kuopio as sent and Siilinjärvi as missing, acknowledges
//! it and gives feedback, which Kuopio sees on its report page; the regional report shows exactly
//! the reports sent; the county opens a negotiation whose agenda is prefilled with Kuopio's
//! priorities; Oulu gets 404; agreed actions are tracked to done; a stale edit conflicts.

use crate::helpers::*;
use chrono::Datelike;
use hyte_domain::reports::{ReportKind, ReportState};
use hyte_store::{IndicatorSetStore, IndicatorStore, NegotiationStore, PlanStore, ReportStore, SupportStore};
use reqwest::StatusCode;

const COUNTY: &str = "Pohjois-Savon hyvinvointialue";

#[tokio::test]
async fn a_report_is_sent_and_a_negotiation_is_held_and_followed_up() {
    let app = spawn().await;
    let county = app.org_id(COUNTY).await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let town = app.org_id("Siilinjärven kunta").await;
    let oulu = app.org_id("Oulun kaupunki").await;

    // Kuopio approves its annual report (in review in the demo) and sends it with one action.
    let annual =
        app.store.list_reports(kuopio).await.unwrap().into_iter().find(|r| r.kind == ReportKind::Annual).unwrap();
    assert_eq!(annual.state, ReportState::InReview);
    app.login("koordinaattori@kuopio.example").await;
    let report_path = format!("/orgs/{kuopio}/reports/{}", annual.id);
    let r = app.post(&format!("{report_path}/send"), &[]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT, "a report in review is not sent");
    let v = annual.version.to_string();
    let approval = [
        ("to", "approved"),
        ("version", v.as_str()),
        ("body", "Kaupunginvaltuusto"),
        ("date", "2026-06-15"),
        ("decision_ref", "KV § 40"),
    ];
    assert_eq!(app.post(&format!("{report_path}/state"), &approval).await.status(), StatusCode::SEE_OTHER);
    let page = app.text(&report_path).await;
    assert!(page.contains(&format!("action=\"{report_path}/send\"")), "{page}");
    let r = app.post(&format!("{report_path}/send"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = app.text(&report_path).await;
    assert!(!page.contains(&format!("action=\"{report_path}/send\"")), "a version is sent once");
    assert!(page.contains("Ei vielä kuitattu"), "{page}");

    // The county: Kuopio sent, Siilinjärvi missing; it acknowledges and gives feedback.
    app.login("hyte@pohjois-savo.example").await;
    let received = format!("/orgs/{county}/support/reports?year=2026");
    let page = app.text(&received).await;
    let row = |name: &str| {
        let at = page.find(&format!("<th scope=\"row\">{name}</th>")).unwrap();
        page[at..at + page[at..].find("</tr>").unwrap()].to_string()
    };
    assert!(row("Kuopion kaupunki").contains("Vuosiraportti 2024"), "{page}");
    assert!(row("Siilinjärven kunta").contains("Ei lähetetty"), "{page}");
    let sent = app.store.sent_reports(county).await.unwrap();
    let s = sent.iter().find(|s| s.report_id == annual.id).unwrap();
    let (sid, ver) = (s.id, s.version.to_string());
    // The county reads the version sent, though the report is not published.
    assert!(annual.published_version.is_none());
    let version_page = app.text(&format!("/orgs/{county}/sent-reports/{sid}")).await;
    assert!(version_page.contains("Vuosiraportti 2024") && version_page.contains("Kuopion kaupunki"), "{version_page}");
    assert!(page.contains(&format!("/orgs/{county}/sent-reports/{sid}")), "the list links it");
    let r = app
        .post(&format!("/orgs/{county}/support/sent/{sid}/acknowledge"), &[("version", &ver), ("year", "2026")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // The feedback with the version seen before the acknowledgement is stale.
    let stale = app
        .post(&format!("/orgs/{county}/support/sent/{sid}/feedback"), &[("version", &ver), ("feedback", "Vanha")])
        .await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let ver = (s.version + 1).to_string();
    let r = app
        .post(
            &format!("/orgs/{county}/support/sent/{sid}/feedback"),
            &[("version", &ver), ("feedback", "Hyvä vuosiraportti, kiitos")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // Kuopio cannot answer for the county; the county's answer shows on Kuopio's report page.
    app.login("koordinaattori@kuopio.example").await;
    let r =
        app.post(&format!("/orgs/{kuopio}/support/sent/{sid}/feedback"), &[("version", "3"), ("feedback", "x")]).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let page = app.text(&report_path).await;
    assert!(page.contains("Hyvä vuosiraportti, kiitos") && !page.contains("Ei vielä kuitattu"), "{page}");
    assert!(app.text(&format!("/orgs/{kuopio}/support/reports")).await.contains("Hyvä vuosiraportti, kiitos"));

    // The regional report: exactly the reports sent (Siilinjärvi's approved one was not sent).
    let siilinjarvi_report = app.store.list_reports(town).await.unwrap().into_iter().next().unwrap();
    let page = app.text(&format!("/regional/{county}")).await;
    assert!(page.contains("Vuosiraportti 2024"), "{page}");
    assert!(!page.contains(&siilinjarvi_report.title), "{page}");

    // The county opens the 2027 negotiation with Kuopio: the agenda is prefilled with its priorities.
    app.login("hyte@pohjois-savo.example").await;
    let k = kuopio.to_string();
    let r = app
        .post(
            &format!("/orgs/{county}/negotiations"),
            &[("municipality", &k), ("held_on", "2027-03-10"), ("place", "Kuopio"), ("participants", "Anna, Pekka")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let path = location(&r);
    let nid: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let term = app.store.list_reports(kuopio).await.unwrap().into_iter().find(|r| r.kind == ReportKind::Term).unwrap();
    let priorities = app.store.plan(term.id).await.unwrap().priorities;
    assert!(!priorities.is_empty());
    let page = app.text(&path).await;
    for p in &priorities {
        assert!(page.contains(&p.title), "the agenda lists {}: {page}", p.title);
    }
    // A municipality outside the county cannot be picked; nor can the year's negotiation be opened twice.
    let o = oulu.to_string();
    let r = app.post(&format!("/orgs/{county}/negotiations"), &[("municipality", &o), ("held_on", "2027-03-10")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = app.post(&format!("/orgs/{county}/negotiations"), &[("municipality", &k), ("held_on", "2027-05-10")]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);

    // Oulu gets 404 on it; Kuopio sees it.
    app.login("admin@oulu.example").await;
    assert_eq!(app.get(&format!("/orgs/{oulu}/negotiations/{nid}")).await.status(), StatusCode::NOT_FOUND);
    let r = app
        .post(
            &format!("/orgs/{oulu}/negotiations/{nid}/actions"),
            &[("what", "x"), ("who", "y"), ("due_on", "2027-05-01")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    app.login("koordinaattori@kuopio.example").await;
    let mine = format!("/orgs/{kuopio}/negotiations/{nid}");
    assert!(app.text(&mine).await.contains(&priorities[0].title));

    // An agreed action, tracked to done.
    let r = app
        .post(
            &format!("{mine}/actions"),
            &[("what", "Nimetään väkivallan ehkäisyn yhdyshenkilö"), ("who", "Kuopio"), ("due_on", "2027-04-30")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let bad = app.post(&format!("{mine}/actions"), &[("what", ""), ("who", "Kuopio"), ("due_on", "")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let a = app.store.agreed_actions(kuopio, Some(nid)).await.unwrap().pop().unwrap();
    let av = a.version.to_string();
    let r = app.post(&format!("{mine}/actions/{}", a.id), &[("to", "done"), ("version", &av)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(app.store.agreed_actions(county, Some(nid)).await.unwrap()[0].done_on.is_some());
    let stale = app.post(&format!("{mine}/actions/{}", a.id), &[("to", "reopen"), ("version", &av)]).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);

    // Minutes and an agenda item, each guarded by the version seen: a stale edit is an edit_conflict.
    let n = app.store.negotiation(kuopio, nid).await.unwrap().unwrap();
    let v1 = n.version.to_string();
    let minutes = [
        ("held_on", "2027-03-10"),
        ("place", "Kuopio"),
        ("minutes", "Sovittiin yhdestä toimenpiteestä"),
        ("version", v1.as_str()),
    ];
    assert_eq!(app.post(&mine, &minutes).await.status(), StatusCode::SEE_OTHER);
    let r = app.post(&format!("{mine}/agenda"), &[("title", "Oma kohta"), ("text", "x"), ("version", &v1)]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert!(r.text().await.unwrap().contains("role=\"alert\""));
    let v2 = (n.version + 1).to_string();
    let r = app.post(&format!("{mine}/agenda/0"), &[("title", ""), ("text", "Päivitetty"), ("version", &v2)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let n = app.store.negotiation(county, nid).await.unwrap().unwrap();
    assert_eq!(
        (n.agenda[0].text.as_str(), n.input.minutes.as_deref()),
        ("Päivitetty", Some("Sovittiin yhdestä toimenpiteestä"))
    );

    // The county's summary for 2027 and its regional report: negotiated, one action agreed and done.
    app.login("hyte@pohjois-savo.example").await;
    let page = app.text(&format!("/orgs/{county}/negotiations?year=2027")).await;
    let at = page.find("<th scope=\"row\">Kuopion kaupunki</th>").unwrap();
    let row = &page[at..at + page[at..].find("</tr>").unwrap()];
    assert!(row.contains("10.3.2027") && row.contains("<td class=\"num\">1</td><td class=\"num\">1</td>"), "{row}");
    let regional = app.text(&format!("/regional/{county}")).await;
    assert!(regional.contains("regional-negotiations"), "{regional}");
}

#[tokio::test]
async fn a_negotiation_agenda_brings_the_support_needs_delivery_and_the_county_set() {
    let app = spawn().await;
    let county = app.org_id("Pohjois-Savon hyvinvointialue").await;
    let town = app.org_id("Siilinjärven kunta").await;
    app.login("hyte@pohjois-savo.example").await;
    // The demo's survey and plan are of this year; Siilinjärvi has no negotiation yet.
    let year = chrono::Utc::now().date_naive().year();
    let held_on = format!("{year}-11-20");
    let t = town.to_string();
    let r =
        app.post(&format!("/orgs/{county}/negotiations"), &[("municipality", t.as_str()), ("held_on", &held_on)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = app.text(&location(&r)).await;
    // Its great need in mental well-being, from its submitted answers.
    assert!(page.contains("Mielen hyvinvointi: Suuri tarve"), "{page}");
    // The support delivered to it this year, with its participants.
    let delivered = app.store.delivered_to(county, town, year).await.unwrap();
    assert!(!delivered.is_empty(), "the demo delivered support to Siilinjärvi");
    for d in &delivered {
        assert!(page.contains(&format!("{}:", d.input.date)), "{page}");
    }
    // The county's own indicator set names the key indicators.
    let (_, ids) = app.store.own_set(county).await.unwrap().expect("the demo county's set");
    let first = app.store.get_indicator(ids[0]).await.unwrap().unwrap();
    assert!(page.contains(first.title(hyte_domain::Lang::Fi)), "{page}");
}
