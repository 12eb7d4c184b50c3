//! The HYTE coefficient, end to end: the demo's example model on real Sotkanet data gives Kuopio a
//! coefficient; the simulator form (no JavaScript: a plain GET) answers exactly what the domain
//! computes; a scenario is saved by a coordinator (not a viewer), attached to a goal of Kuopio's own
//! plan (not Oulu's) and shown with the goal; TEAviisari results are entered and loaded (a bad file
//! names its line and writes nothing; another area's rows are refused); the county sees its
//! municipalities side by side; the models and their sources are public.

use crate::helpers::*;
use hyte_domain::coefficient::compute;
use hyte_domain::coefficient::model::Model;
use hyte_domain::coefficient::scenario::{worth, Change, ChangeKind};
use hyte_domain::Lang;
use hyte_store::coefficient::{gather, ModelRecord};
use hyte_store::{CoefficientStore, PlanStore, ReportStore};
use hyte_web::format::{euros, fmt_num};
use reqwest::StatusCode;

const KUOPIO: &str = "Kuopion kaupunki";
const COUNTY: &str = "Pohjois-Savon hyvinvointialue";

async fn model(app: &TestApp, code: &str) -> (ModelRecord, Model) {
    let r = app.store.models().await.unwrap().into_iter().find(|m| m.code == code).unwrap();
    let m = r.model().unwrap();
    (r, m)
}

/// The text of the element with `id` (up to its closing tag).
fn cell(page: &str, id: &str) -> String {
    let at = page.find(&format!("id=\"{id}\">")).unwrap_or_else(|| panic!("no #{id}"));
    let rest = &page[at + id.len() + 6..];
    rest[..rest.find('<').unwrap()].to_string()
}

#[tokio::test]
async fn the_simulator_answers_what_the_domain_computes_and_a_scenario_is_worth_a_goal() {
    let app = spawn().await;
    let kuopio = app.org_id(KUOPIO).await;
    let (record, m) = model(&app, "demo-municipality-2019").await;
    app.login("koordinaattori@kuopio.example").await;

    // The overview: Kuopio's total under the example model, as the domain computes it.
    let (inputs, areas) = gather(&*app.store, &m, m.data_year).await.unwrap();
    let results = compute(&m, &inputs);
    let area = hyte_store::OrgStore::get_organisation(&*app.store, kuopio).await.unwrap().unwrap().area_id;
    let unit = areas.iter().position(|a| Some(a.id) == area).unwrap();
    let total = results.units[unit].total.unwrap();
    let page = app.text(&format!("/orgs/{kuopio}/coefficient")).await;
    assert!(page.contains(&fmt_num(Lang::Fi, total, 1)), "the default model is the one with Kuopio's data: {page}");
    assert!(page.contains(&format!("{} / {}", results.units[unit].rank.unwrap(), results.ranked)));
    let weakest = results.units[unit].weakest(&m, 1)[0];
    assert!(page.contains(m.indicators[weakest].names.fi.as_str()));

    // The simulator without JavaScript: a GET form with changes "to" and "by".
    let q = format!("/orgs/{kuopio}/coefficient/simulator?model={}&mode_diabetes=to&amt_diabetes=12%2C0&mode_low_income=by&amt_low_income=-1", record.id);
    let page = app.text(&q).await;
    let changes = [
        Change { indicator: "diabetes".into(), kind: ChangeKind::To(12.0) },
        Change { indicator: "low_income".into(), kind: ChangeKind::By(-1.0) },
    ];
    let (after, o) = worth(&m, &inputs, &results, unit, &changes);
    assert_eq!(cell(&page, "sim-total-after"), fmt_num(Lang::Fi, o.total_after.unwrap(), 1));
    assert_eq!(cell(&page, "sim-rank-after"), format!("{} / {}", o.rank_after.unwrap(), after.ranked));
    assert_eq!(cell(&page, "sim-euros-after"), euros(Lang::Fi, o.euros_after.unwrap().round() as i64));
    assert!(o.total_after > o.total_before, "lower diabetes and poverty raise the score");
    // A bad amount is named next to its field; nothing else breaks.
    let bad = app.text(&format!("/orgs/{kuopio}/coefficient/simulator?model={}&amt_diabetes=abc", record.id)).await;
    assert!(bad.contains("amt-error-diabetes") && bad.contains("aria-invalid=\"true\""), "{bad}");
    // One change per value: the level and its change read the same series, so a second is refused.
    let twice = app
        .text(&format!(
            "/orgs/{kuopio}/coefficient/simulator?model={}&amt_diabetes=-1&amt_diabetes_change=-1",
            record.id
        ))
        .await;
    assert!(twice.contains("amt-error-diabetes_change") && !twice.contains("amt-error-diabetes\""), "{twice}");

    // Saving: a viewer may not; a coordinator without a name is refused and nothing is saved.
    let fields = [("model", record.id.to_string()), ("mode_diabetes", "to".into()), ("amt_diabetes", "12,0".into())];
    let form = |name: &'static str| {
        let mut f: Vec<(&str, String)> = fields.iter().map(|(k, v)| (*k, v.clone())).collect();
        f.push(("name", name.into()));
        f
    };
    async fn post(who: &TestApp, kuopio: i64, f: Vec<(&'static str, String)>) -> reqwest::Response {
        let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        who.post(&format!("/orgs/{kuopio}/coefficient/scenarios"), &pairs).await
    }
    let before = app.store.scenarios(kuopio).await.unwrap().len();
    assert_eq!(post(&app, kuopio, form("")).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let viewer = app.other_browser();
    viewer.login("katselija@kuopio.example").await;
    assert_eq!(post(&viewer, kuopio, form("Katselijan")).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.store.scenarios(kuopio).await.unwrap().len(), before);
    let r = post(&app, kuopio, form("Diabetes 12 %")).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let path = location(&r);
    let sid: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let saved = app.store.scenario(kuopio, sid).await.unwrap().unwrap();
    let (_, expected) = worth(&m, &inputs, &results, unit, &changes[..1]);
    // Worth computed on the server, not taken from the form (stored as JSON: equal to the last digits).
    let o = saved.input.outcome;
    let near = |a: Option<f64>, b: Option<f64>| a.zip(b).is_some_and(|(a, b)| (a - b).abs() < 1e-6);
    assert!(near(o.total_after, expected.total_after) && near(o.euros_after, expected.euros_after), "{o:?}");
    assert_eq!((o.rank_before, o.rank_after), (expected.rank_before, expected.rank_after));
    assert!(app.text(&path).await.contains("Diabetes 12 %"));

    // Attached to a goal of Kuopio's plan; Oulu's goal is out of reach; the plan shows the worth.
    let mut found = None;
    for r in app.store.list_reports(kuopio).await.unwrap() {
        if let Some(g) = app.store.plan(r.id).await.unwrap().goals.first() {
            found = Some((r.clone(), g.id));
            break;
        }
    }
    let (report, goal) = found.unwrap();
    let oulu = app.org_id("Oulun kaupunki").await;
    let oulu_goal = hyte_domain::reports::GoalForm { title: "Oulun tavoite".into(), ..Default::default() };
    let oulu_report = match app.store.list_reports(oulu).await.unwrap().into_iter().next() {
        Some(r) => r.id,
        None => {
            let new = hyte_domain::reports::NewReport::parse("term", "2025–2029", "", &["fi"], "Oulu", None).unwrap();
            app.store.create_report(oulu, &new, hyte_store::Actor::SYSTEM).await.unwrap().id
        }
    };
    let p = hyte_domain::reports::PriorityInput::parse("P", "").unwrap();
    let pr = app.store.add_priority(oulu_report, &p, hyte_store::Actor::SYSTEM).await.unwrap();
    let g = hyte_domain::reports::GoalForm { priority_id: pr.id.to_string(), ..oulu_goal };
    let foreign = app.store.add_goal(oulu_report, &g.parse().unwrap(), hyte_store::Actor::SYSTEM).await.unwrap().id;
    let r = app.post(&format!("{path}/goal"), &[("goal_id", &foreign.to_string()), ("version", "1")]).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = app.post(&format!("{path}/goal"), &[("goal_id", &goal.to_string()), ("version", "1")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let stale = app.post(&format!("{path}/goal"), &[("goal_id", ""), ("version", "1")]).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT, "an edit from a stale page");
    let plan = app.text(&format!("/orgs/{kuopio}/reports/{}/plan", report.id)).await;
    assert!(
        plan.contains(&format!("/orgs/{kuopio}/coefficient/scenarios/{sid}")) && plan.contains("Diabetes 12 %"),
        "{plan}"
    );
    // Another organisation's member cannot open it.
    let other = app.other_browser();
    other.login("admin@oulu.example").await;
    assert_eq!(other.get(&path).await.status(), StatusCode::FORBIDDEN);
}

async fn upload(who: &TestApp, path: &str, body: &str) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .part("file", reqwest::multipart::Part::bytes(body.as_bytes().to_vec()).file_name("tea.csv"));
    let url = who.url(&format!("{path}?csrf={}", who.csrf().await));
    who.client.post(url).multipart(form).send().await.unwrap()
}

#[tokio::test]
async fn teaviisari_results_are_entered_and_loaded_and_a_bad_file_writes_nothing() {
    let app = spawn().await;
    let kuopio = app.org_id(KUOPIO).await;
    app.login("koordinaattori@kuopio.example").await;
    let base = format!("/orgs/{kuopio}/coefficient/teaviisari");
    let template = app.text("/coefficient/teaviisari-template.csv").await;
    assert_eq!(template.trim(), "area;sector;item;year;score");

    let r =
        app.post(&base, &[("sector", "leadership"), ("item", "Hyte-ryhmä"), ("year", "2023"), ("score", "100")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = app.post(&base, &[("sector", "leadership"), ("item", ""), ("year", "2023"), ("score", "120")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("tea-score-error"));

    let count = || async { app.store.tea_results(None, 2000, 2100).await.unwrap().len() };
    let n = count().await;
    let bad = "area;sector;item;year;score\n297;culture;;2023;50\n297;golf;;2023;50\n";
    let r = upload(&app, &format!("{base}/import"), bad).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("rivi 3: Toimiala:"), "the line and the column in the reader's language: {page}");
    let foreign = "area;sector;item;year;score\n297;culture;;2023;50\n749;culture;;2023;50\n";
    assert_eq!(upload(&app, &format!("{base}/import"), foreign).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count().await, n, "refused files write nothing");

    let good = "area;sector;item;year;score\n297;basic_education;;2023;80\n297;physical_activity;;2023;60\n297;culture;;2023;50\n297;leadership;Kertomus;2023;0\n";
    let r = upload(&app, &format!("{base}/import"), good).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(count().await, n + 4);
    let page = app.text(&format!("{base}?year=2023")).await;
    // Leadership is the mean of its two items (100 and 0).
    assert!(page.contains("Kuntajohto") && page.contains(">50<") && page.contains(">80<"), "{page}");

    // The simulator offers the item not done; marking it done makes leadership 100 (from 50).
    let (est, _) = model(&app, "hyte-municipality-2025-estimate").await;
    let sim = app.text(&format!("/orgs/{kuopio}/coefficient/simulator?model={}", est.id)).await;
    assert!(sim.contains("name=\"done_leadership\" value=\"Kertomus\""), "{sim}");
    assert_eq!(cell(&sim, "after-leadership"), "50,0");
    let sim =
        app.text(&format!("/orgs/{kuopio}/coefficient/simulator?model={}&done_leadership=Kertomus", est.id)).await;
    assert_eq!(cell(&sim, "after-leadership"), "100,0");

    // The estimate model now has a partial total for Kuopio: its process indicators.
    let (record, m) = model(&app, "hyte-municipality-2025-estimate").await;
    let (inputs, areas) = gather(&*app.store, &m, 2023).await.unwrap();
    let r = compute(&m, &inputs);
    let area = hyte_store::OrgStore::get_organisation(&*app.store, kuopio).await.unwrap().unwrap().area_id;
    let unit = areas.iter().position(|a| Some(a.id) == area).unwrap();
    let total = r.units[unit].total.unwrap();
    let page = app.text(&format!("/orgs/{kuopio}/coefficient?model={}", record.id)).await;
    assert!(page.contains(&fmt_num(Lang::Fi, total, 1)), "{page}");
}

#[tokio::test]
async fn the_county_sees_its_municipalities_and_the_models_are_public() {
    let app = spawn().await;
    let county = app.org_id(COUNTY).await;
    let kuopio = app.org_id(KUOPIO).await;
    let (record, m) = model(&app, "demo-municipality-2019").await;
    let visitor = app.other_browser();
    let list = visitor.text("/coefficient").await;
    assert!(list.contains(m.names.fi.as_str()) && list.contains("Hyvinvointialueen hyvinvoinnin"), "{list}");
    let page = visitor.text(&format!("/coefficient/models/{}", record.id)).await;
    assert!(page.contains("https://sotkanet.fi/") && page.contains("sotkanet:683"), "{page}");
    assert_eq!(visitor.get("/coefficient/models/99999").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(visitor.get(&format!("/orgs/{kuopio}/coefficient")).await.status(), StatusCode::SEE_OTHER);

    app.login("hyte@pohjois-savo.example").await;
    let side = app.text(&format!("/orgs/{county}/coefficient/municipalities?model={}", record.id)).await;
    let (inputs, areas) = gather(&*app.store, &m, m.data_year).await.unwrap();
    let r = compute(&m, &inputs);
    for name in ["Kuopio", "Siilinjärvi"] {
        let u = areas.iter().position(|a| a.names.fi == name).unwrap();
        assert!(side.contains(name) && side.contains(&fmt_num(Lang::Fi, r.units[u].total.unwrap(), 1)), "{name}");
    }
    assert!(!side.contains("Oulu<"), "only the county's own municipalities");
    // The regional report carries the same table.
    let regional = app.text(&format!("/regional/{county}")).await;
    let u = areas.iter().position(|a| a.names.fi == "Kuopio").unwrap();
    assert!(
        regional.contains("regional-coefficient")
            && regional.contains(&fmt_num(Lang::Fi, r.units[u].total.unwrap(), 1))
    );
    assert!(app.text(&format!("/orgs/{county}/coefficient")).await.contains("Hyvinvointialueen"));
    app.login("koordinaattori@kuopio.example").await;
    // Kuopio's annual report has the automatic section: its total under the example model.
    let annual = app
        .store
        .list_reports(kuopio)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.kind == hyte_domain::reports::ReportKind::Annual)
        .unwrap();
    let page = app.text(&format!("/orgs/{kuopio}/reports/{}", annual.id)).await;
    assert!(
        page.contains("section-hyte-coefficient") && page.contains(&fmt_num(Lang::Fi, r.units[u].total.unwrap(), 1)),
        "{page}"
    );
    assert_eq!(app.get(&format!("/orgs/{kuopio}/coefficient/municipalities")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/orgs/{kuopio}/coefficient?model=99999")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/orgs/{kuopio}/coefficient?year=x")).await.status(), StatusCode::NOT_FOUND);
}
