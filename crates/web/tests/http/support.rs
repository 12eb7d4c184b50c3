//! The county's support to its municipalities, end to end: the county sends a survey; Kuopio's
//! coordinator answers for a sector and submits; Oulu (not a member) cannot read or write it; the
//! heat map counts Kuopio's answer; the county plans an action (a stale edit is refused), records
//! support delivered, and Kuopio gives feedback on it.

use crate::helpers::*;
use hyte_store::{OrgStore, SupportStore};
use reqwest::StatusCode;

const COUNTY: &str = "Pohjois-Savon hyvinvointialue";

fn id_of(path: &str) -> i64 {
    path.split(['#', '?']).next().unwrap().rsplit('/').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_survey_a_heat_map_a_plan_and_feedback() {
    let app = spawn().await;
    let county = app.org_id(COUNTY).await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let town = app.org_id("Siilinjärven kunta").await;
    let oulu = app.org_id("Oulun kaupunki").await;
    app.login("hyte@pohjois-savo.example").await;

    // The county creates a survey (the default set) and sends it to both members.
    let r = app.post(&format!("/orgs/{county}/support/surveys"), &[("year", "1999")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("survey-year-error"));
    let r = app.post(&format!("/orgs/{county}/support/surveys"), &[("year", "2030")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let sid = id_of(&location(&r));
    let base = format!("/orgs/{county}/support/surveys/{sid}");
    let page = app.text(&base).await;
    assert!(page.contains("Kuinka paljon tarvitsette hyvinvointialueen tukea: liikunta?"), "{page}");
    let (k, t) = (kuopio.to_string(), town.to_string());
    let r = app.post(&format!("{base}/send"), &[("version", "1"), ("to", &k), ("to", &t)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // Kuopio's coordinator answers for one sector and submits.
    let kuopio_app = app.other_browser();
    kuopio_app.login("koordinaattori@kuopio.example").await;
    let landing = kuopio_app.text(&format!("/orgs/{kuopio}/support")).await;
    assert!(landing.contains(&format!("/orgs/{kuopio}/support/surveys/{sid}")), "{landing}");
    let answer = format!("/orgs/{kuopio}/support/surveys/{sid}");
    assert_eq!(kuopio_app.get(&answer).await.status(), StatusCode::OK);
    let sector = app.store.list_sectors(kuopio).await.unwrap()[0].id.to_string();
    let fields = [
        ("sector_id", sector.as_str()),
        ("version", "0"),
        ("level_1", "great"),
        ("text_1", "Testitarve liikunta"),
        ("level_4", "considerable"),
        ("text_4", "Testitarve mieli"),
    ];
    let r = kuopio_app.post(&format!("{answer}/answers"), &fields).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = kuopio_app.post(&format!("{answer}/submit"), &[("version", "1")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = kuopio_app
        .post(&format!("{answer}/answers"), &[("sector_id", &sector), ("version", "2"), ("level_1", "none")])
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT, "submitted answers are read-only");

    // Oulu is not a member: the survey does not exist for it.
    let oulu_app = app.other_browser();
    oulu_app.login("admin@oulu.example").await;
    let theirs = format!("/orgs/{oulu}/support/surveys/{sid}");
    assert_eq!(oulu_app.get(&theirs).await.status(), StatusCode::NOT_FOUND);
    let oulu_sector = app.store.list_sectors(oulu).await.unwrap()[0].id.to_string();
    let r = oulu_app
        .post(&format!("{theirs}/answers"), &[("sector_id", &oulu_sector), ("version", "0"), ("level_1", "great")])
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(oulu_app.get(&format!("{theirs}/heatmap")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(oulu_app.get(&answer).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(kuopio_app.get(&format!("{answer}/heatmap")).await.status(), StatusCode::NOT_FOUND);

    // The heat map counts Kuopio's submitted answer.
    let heat = app.text(&format!("{base}/heatmap")).await;
    assert!(heat.contains("1 / 2 kunnasta"), "{heat}");
    assert!(heat.contains(r#"<td class="heat need-great">Suuri tarve</td>"#), "{heat}");
    assert!(heat.contains("Testitarve mieli"), "{heat}");

    // A plan with an action for Kuopio's physical activity: its mental-health need is a gap.
    let r = app.post(&format!("/orgs/{county}/support/plans"), &[("year", "2030")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let pid = id_of(&location(&r));
    let plan = format!("/orgs/{county}/support/plans/{pid}");
    let action = [
        ("kind", "training"),
        ("area", "physical_activity"),
        ("title_fi", "Testikoulutus"),
        ("targets", k.as_str()),
        ("expert", "Testi Asiantuntija"),
        ("person_days", "2,5"),
        ("euros", "1000"),
    ];
    let r = app.post(&format!("{plan}/actions"), &[("kind", "teleport")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = app.post(&format!("{plan}/actions"), &action).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let view = app.store.get_plan(county, pid).await.unwrap().unwrap();
    let aid = view.actions[0].id;
    let page = app.text(&plan).await;
    let gaps = page.split(r#"id="gaps""#).nth(1).unwrap().split(r#"id="left-without""#).next().unwrap();
    assert!(gaps.contains("Mielen hyvinvointi") && gaps.contains("Testitarve mieli"), "{gaps}");
    assert!(!gaps.contains("Testitarve liikunta"), "the planned need is no gap: {gaps}");

    // A stale version is refused and changes nothing.
    let edit = format!("{plan}/actions/{aid}");
    let mut changed = action.to_vec();
    changed.push(("version", "1"));
    assert_eq!(app.post(&edit, &changed).await.status(), StatusCode::SEE_OTHER);
    let mut stale = action.to_vec();
    stale[2] = ("title_fi", "Vanhentunut muutos");
    stale.push(("version", "1"));
    let r = app.post(&edit, &stale).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert_eq!(
        app.store.get_plan(county, pid).await.unwrap().unwrap().actions[0].input.title.fi.as_deref(),
        Some("Testikoulutus")
    );

    // Support delivered, and Kuopio's feedback on it.
    let aid_s = aid.to_string();
    let delivery = [
        ("date", "2030-03-01"),
        ("org_id", k.as_str()),
        ("action_id", aid_s.as_str()),
        ("sector_ids", sector.as_str()),
        ("participants", "12"),
        ("person_days", "1"),
    ];
    let r = app.post(&format!("{plan}/deliveries"), &delivery).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let mine = kuopio_app.text(&format!("/orgs/{kuopio}/support/plans")).await;
    assert!(mine.contains("Testikoulutus"), "{mine}");
    let did = app.store.delivered_to(county, kuopio, 2030).await.unwrap()[0].id;
    let r = kuopio_app
        .post(
            &format!("/orgs/{kuopio}/support/deliveries/{did}/feedback"),
            &[("version", "1"), ("score", "4"), ("comment", "Hyvä testi")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = oulu_app
        .post(&format!("/orgs/{oulu}/support/deliveries/{did}/feedback"), &[("version", "2"), ("score", "1")])
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let d = &app.store.delivered_to(county, kuopio, 2030).await.unwrap()[0];
    let f = d.feedback.as_ref().unwrap();
    assert_eq!(
        (f.score, f.comment.as_deref(), f.given_by),
        (4, Some("Hyvä testi"), Some(app.user_id("koordinaattori@kuopio.example").await))
    );
    let page = app.text(&plan).await;
    assert!(page.contains("4 / 5: Hyvä testi"), "{page}");

    // A delivery recorded by mistake is deleted: a stale version is refused and changes nothing;
    // Kuopio (the receiver) cannot reach it (not its plan); the current version deletes it.
    let remove = format!("{plan}/deliveries/{did}/delete");
    assert!(page.contains(&format!("action=\"{remove}\"")), "{page}");
    assert_eq!(app.post(&remove, &[("version", "1")]).await.status(), StatusCode::CONFLICT);
    assert_eq!(app.store.delivered_to(county, kuopio, 2030).await.unwrap().len(), 1);
    let theirs = format!("/orgs/{kuopio}/support/plans/{pid}/deliveries/{did}/delete");
    assert_eq!(kuopio_app.post(&theirs, &[("version", "2")]).await.status(), StatusCode::NOT_FOUND);
    let r = app.post(&remove, &[("version", "2")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(app.store.delivered_to(county, kuopio, 2030).await.unwrap().is_empty());
}

#[tokio::test]
async fn the_heat_map_shows_the_county_set_and_the_needs_found_with_the_practices_recommended_for_them() {
    let app = spawn().await;
    let county = app.org_id(COUNTY).await;
    let town = app.org_id("Siilinjärven kunta").await;
    app.login("hyte@pohjois-savo.example").await;
    let survey = app.store.list_surveys(county).await.unwrap().into_iter().next().expect("the demo's survey");
    let heatmap = format!("/orgs/{county}/support/surveys/{}/heatmap", survey.id);
    let page = app.text(&heatmap).await;
    // Beside it, the county's own indicator set for each municipality.
    let (_, ids) = hyte_store::IndicatorSetStore::own_set(&*app.store, county).await.unwrap().expect("the demo's set");
    let first = hyte_store::IndicatorStore::get_indicator(&*app.store, ids[0]).await.unwrap().unwrap();
    let key = &page[page.find("id=\"key-indicators\"").expect("the key indicators")..];
    assert!(key.contains(first.title(hyte_domain::Lang::Fi)) && key.contains("Siilinjärven kunta"), "{key}");
    let found = &page[page.find("id=\"needs-found\"").expect("the needs found")..];
    let found = &found[..found.find("</table>").unwrap()];
    // Siilinjärvi's great need in mental well-being has no recommendation yet.
    let row = &found[found.find("<th scope=\"row\">Mielen hyvinvointi</th>").expect("the area")..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("Siilinjärven kunta") && row.contains("Ei vielä suositusta"), "{row}");
    // The county recommends a published practice for it to Siilinjärvi: the heat map shows it.
    let practice = hyte_store::PracticeStore::published_practices(&*app.store).await.unwrap().remove(0);
    let form = [
        ("year", survey.input.year.to_string()),
        ("area", "mental_wellbeing".to_string()),
        ("practice_id", practice.id.to_string()),
        ("municipality_id", town.to_string()),
        ("note", String::new()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = app.post(&format!("/orgs/{county}/practices/recommendations"), &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = app.text(&heatmap).await;
    let found = &page[page.find("id=\"needs-found\"").unwrap()..];
    let row = &found[found.find("<th scope=\"row\">Mielen hyvinvointi</th>").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains(&format!("/practices/{}", practice.id)) && row.contains(&practice.input.name.fi), "{row}");
}
