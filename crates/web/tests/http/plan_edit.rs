//! Editing and removing the plan's items; goals with several indicator targets.

use crate::helpers::*;
use hyte_store::{IndicatorStore, PlanStore, ReportStore};
use reqwest::StatusCode;

/// A new Kuopio term report with one priority, goal and measure, as its coordinator.
async fn report_with_a_plan(app: &TestApp) -> (String, i64) {
    let (report_path, rid) = kuopio_term_report(app).await;
    let plan = format!("{report_path}/plan");
    app.post(&format!("{plan}/priorities"), &[("title", "Liikkuminen")]).await;
    let pid = app.store.plan(rid).await.unwrap().priorities[0].id.to_string();
    app.post(&format!("{plan}/goals"), &[("priority_id", &pid), ("title", "Väestö kasvaa")]).await;
    let gid = app.store.plan(rid).await.unwrap().goals[0].id.to_string();
    app.post(&format!("{plan}/measures"), &[("title", "Liikuntaneuvonta"), ("goal", &gid)]).await;
    (report_path, rid)
}

#[tokio::test]
async fn coordinators_edit_and_remove_plan_items_while_the_report_is_editable() {
    let app = spawn().await;
    let (report_path, rid) = report_with_a_plan(&app).await;
    let plan_path = format!("{report_path}/plan");
    let plan = app.store.plan(rid).await.unwrap();
    let (p, g, m) = (&plan.priorities[0], &plan.goals[0], &plan.measures[0]);
    let page = app.text(&plan_path).await;
    for href in [
        format!("/plan/priorities/{}/edit", p.id),
        format!("/plan/goals/{}/delete", g.id),
        format!("/plan/measures/{}/edit", m.id),
    ] {
        assert!(page.contains(&href), "the plan page links {href}");
    }

    // A priority: edited, a stale form refused with the typed text kept.
    let edit = format!("{plan_path}/priorities/{}/edit", p.id);
    let form = app.text(&edit).await;
    assert!(form.contains(r#"value="Liikkuminen""#) && form.contains(r#"id="priority-title""#));
    let v = p.version.to_string();
    let r = app.post(&edit, &[("title", "Liikkuminen ja ulkoilu"), ("description", ""), ("version", &v)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let stale = app.post(&edit, &[("title", "Vanha lomake"), ("version", &v)]).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT, "a stale form does not overwrite");
    let text = stale.text().await.unwrap();
    assert!(text.contains("Vanha lomake") && text.contains(r#"name="version" value="2""#));
    let empty = app.post(&edit, &[("title", " "), ("version", "2")]).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = empty.text().await.unwrap();
    assert!(text.contains(r#"id="priority-title-error""#) && text.contains("error-summary"));
    assert_eq!(app.store.plan(rid).await.unwrap().priorities[0].title, "Liikkuminen ja ulkoilu");

    // A measure: edited, its goals changed.
    let edit = format!("{plan_path}/measures/{}/edit", m.id);
    assert!(app.text(&edit).await.contains(r#"value="Liikuntaneuvonta""#));
    let v = m.version.to_string();
    let r = app.post(&edit, &[("title", "Liikuntaneuvonta kouluissa"), ("euros", "5 000"), ("version", &v)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let m2 = app.store.plan(rid).await.unwrap().measures[0].clone();
    assert_eq!(
        (m2.input.title.as_str(), m2.input.resources.euros, m2.goal_ids.len()),
        ("Liikuntaneuvonta kouluissa", Some(5000), 0)
    );
    let stale = app.post(&edit, &[("title", "x"), ("version", &v)]).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);

    // Others may not: an editor, a viewer, another organisation.
    let editor = app.other_browser();
    editor.login("sivistys@kuopio.example").await;
    assert!(!editor.text(&plan_path).await.contains("/edit\""), "no edit links for editors");
    assert_eq!(editor.get(&format!("{plan_path}/priorities/{}/edit", p.id)).await.status(), StatusCode::FORBIDDEN);
    let del = format!("{plan_path}/goals/{}/delete", g.id);
    let gv = g.version.to_string();
    assert_eq!(editor.post(&del, &[("version", &gv)]).await.status(), StatusCode::FORBIDDEN);
    let v = m2.version.to_string();
    let r = editor.post(&edit, &[("title", "x"), ("version", &v)]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "a sector editor cannot edit the plan's structure");
    let oulu = app.other_browser();
    oulu.login("admin@oulu.example").await;
    assert_eq!(oulu.get(&format!("{plan_path}/goals/{}/edit", g.id)).await.status(), StatusCode::FORBIDDEN);

    // Removing asks first; a stale confirmation is refused.
    let confirm = app.text(&del).await;
    assert!(confirm.contains("Poistetaanko ”Väestö kasvaa”?") && confirm.contains("Kyllä, poista"));
    let stale = app.post(&del, &[("version", &(g.version + 1).to_string())]).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert_eq!(app.post(&del, &[("version", &gv)]).await.status(), StatusCode::SEE_OTHER);
    let del = format!("{plan_path}/measures/{}/delete", m.id);
    assert_eq!(app.post(&del, &[("version", &v)]).await.status(), StatusCode::SEE_OTHER);
    let del = format!("{plan_path}/priorities/{}/delete", p.id);
    assert_eq!(app.post(&del, &[("version", "2")]).await.status(), StatusCode::SEE_OTHER);
    let plan = app.store.plan(rid).await.unwrap();
    assert!(plan.priorities.is_empty() && plan.goals.is_empty() && plan.measures.is_empty());
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let admin = app.other_browser();
    admin.login("admin@kuopio.example").await;
    let audit = admin.text(&format!("/orgs/{kuopio}/audit")).await;
    assert!(audit.contains("Painopistettä muokattiin") && audit.contains("Tavoite poistettiin"));
}

#[tokio::test]
async fn a_goal_takes_several_indicator_targets_and_nobody_edits_an_approved_plan() {
    let app = spawn().await;
    let (report_path, rid) = report_with_a_plan(&app).await;
    let plan_path = format!("{report_path}/plan");
    let plan = app.store.plan(rid).await.unwrap();
    let (p, g, m) = (plan.priorities[0].clone(), plan.goals[0].clone(), plan.measures[0].clone());
    let ids = app.store.indicator_ids("sotkanet", None).await.unwrap();
    let (population, assistance) = (ids["127"].0.to_string(), ids["5"].0.to_string());
    let edit = format!("{plan_path}/goals/{}/edit", g.id);
    let form = app.text(&edit).await;
    assert!(form.contains("Uusi indikaattoritavoite") && form.contains(r#"id="target-0-indicator_id""#));
    let pid = p.id.to_string();
    let row = |ind: &'static str, by: &'static str, bv: &'static str, ty: &'static str, tv: &'static str| {
        [
            ("indicator_id", ind),
            ("baseline_year", by),
            ("baseline_value", bv),
            ("target_year", ty),
            ("target_value", tv),
        ]
    };
    let post =
        |version: String, rows: Vec<[(&'static str, &'static str); 5]>, extra: Vec<(&'static str, &'static str)>| {
            let mut f: Vec<(String, String)> = vec![
                ("priority_id".into(), pid.clone()),
                ("title".into(), "Väestö voi hyvin".into()),
                ("version".into(), version),
            ];
            for r in rows {
                f.extend(r.iter().map(|(k, v)| (k.to_string(), v.to_string())));
            }
            f.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
            f
        };
    let leak = |s: &String| -> &'static str { Box::leak(s.clone().into_boxed_str()) };
    let (pop, ass) = (leak(&population), leak(&assistance));
    let send = |f: Vec<(String, String)>| {
        let app = &app;
        let edit = edit.clone();
        async move {
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            app.post(&edit, &f).await
        }
    };
    // Two targets at once, then a wrong third one with its error tied to its row.
    let r = send(post(
        "1".into(),
        vec![row(pop, "2018", "118664", "2026", "122000"), row(ass, "2019", "10,6", "2029", "8")],
        vec![],
    ))
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let goal = app.store.plan(rid).await.unwrap().goals[0].clone();
    assert_eq!(goal.targets.len(), 2, "several targets per goal");
    let form = app.text(&edit).await;
    assert!(
        form.contains("Indikaattoritavoite 2") && form.contains(r#"id="target-2-indicator_id""#),
        "and a blank row"
    );
    let bad = send(post(
        "2".into(),
        vec![
            row(pop, "2018", "118664", "2026", "122000"),
            row(ass, "2019", "10,6", "2029", "8"),
            row(pop, "2020", "1", "2019", "2"),
        ],
        vec![],
    ))
    .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = bad.text().await.unwrap();
    assert!(text.contains(r#"id="target-2-target_year-error""#) && text.contains(r##"href="#target-2-target_year""##));
    // Removing one target; the page shows the plan with the one left.
    let r = send(post(
        "2".into(),
        vec![row(pop, "2018", "118664", "2026", "122000"), row(ass, "2019", "10,6", "2029", "8")],
        vec![("remove", "0")],
    ))
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let goal = app.store.plan(rid).await.unwrap().goals[0].clone();
    assert_eq!(goal.targets.iter().map(|t| t.indicator_id.to_string()).collect::<Vec<_>>(), vec![assistance.clone()]);
    let stale = send(post("2".into(), vec![], vec![])).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert!(app.text(&plan_path).await.contains("Toimeentulotukea saaneet 25 - 64-vuotiaat"));

    // Approved: frozen for everyone.
    let state = format!("{report_path}/state");
    let version = || async { app.store.get_report(rid).await.unwrap().unwrap().version.to_string() };
    app.post(&state, &[("to", "in_review"), ("version", &version().await)]).await;
    let v = version().await;
    let approval =
        [("to", "approved"), ("version", &v), ("body", "Valtuusto"), ("date", "15.6.2026"), ("decision_ref", "§ 45")];
    assert_eq!(app.post(&state, &approval).await.status(), StatusCode::SEE_OTHER);
    assert!(!app.text(&plan_path).await.contains("/edit\""), "no edit links on an approved plan");
    assert_eq!(app.get(&edit).await.status(), StatusCode::CONFLICT, "nobody edits an approved version");
    let r = send(post(goal.version.to_string(), vec![], vec![])).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let mv = m.version.to_string();
    let r = app.post(&format!("{plan_path}/measures/{}/edit", m.id), &[("title", "x"), ("version", &mv)]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let r = app.post(&format!("{plan_path}/priorities/{}/delete", p.id), &[("version", &p.version.to_string())]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert_eq!(app.store.plan(rid).await.unwrap().priorities.len(), 1);
}
