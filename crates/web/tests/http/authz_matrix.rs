//! The authorisation matrix: every route × every kind of user, with the expected answer in one
//! table ([`crate::authz_table::MATRIX`]). Routes come from the sources
//! ([`crate::route_inventory`]): a route without a row, or a row without a route, fails.
//!
//! Columns: anonymous; Kuopio's viewer, editor (of a sector), coordinator and admin (not the
//! instance administrator here); Oulu's admin (another organisation); the NGO's admin; and the
//! instance administrator, made of Oulu's admin, so the column shows what national rights add to
//! a stranger (nothing of Kuopio's). Ids are Kuopio's demo objects. GET cells are the exact status;
//! POST cells are 401/403 for a refusal and `ok` for "not an auth refusal": every POST is sent with
//! a valid CSRF token and an empty form (`{}` to the API), so a permitted one answers 422/409/303
//! without proving more than the authorisation decision.
//!
//! `HYTE_AUTHZ_RECORD=1` prints the observed table instead of comparing (for a new route: review
//! its line before pasting it).

use crate::authz_ids::{Extra, Ids};
use crate::authz_table::MATRIX;
use crate::helpers::*;
use hyte_store::{Actor, UserStore};
use std::collections::BTreeSet;

pub const ACTORS: [(&str, Option<&str>); 8] = [
    ("anon", None),
    ("viewer", Some("katselija@kuopio.example")),
    ("editor", Some("sivistys@kuopio.example")),
    ("coord", Some("koordinaattori@kuopio.example")),
    ("admin", Some("admin@kuopio.example")),
    ("other", Some("admin@oulu.example")),
    ("ngo", Some("jarjesto@vertaistuki.example")),
    ("inst", Some("admin@oulu.example")),
];

#[test]
fn every_route_has_a_row_and_every_row_a_route() {
    let routes = crate::route_inventory::routes();
    let mut rows = BTreeSet::new();
    for (method, path, cells) in MATRIX {
        assert!(rows.insert((method.to_string(), path.to_string())), "two rows for {method} {path}");
        let n = cells.split_whitespace().count();
        assert_eq!(n, ACTORS.len(), "{method} {path}: {n} cells, expected {}", ACTORS.len());
    }
    let no_row: Vec<_> = routes.difference(&rows).map(|(m, p)| format!("{m} {p}")).collect();
    let no_route: Vec<_> = rows.difference(&routes).map(|(m, p)| format!("{m} {p}")).collect();
    assert!(no_row.is_empty(), "routes without a row in authz_table::MATRIX (add one): {no_row:#?}");
    assert!(no_route.is_empty(), "rows in authz_table::MATRIX without a route (remove them): {no_route:#?}");
}

/// Whether an observed status matches a cell.
fn matches(cell: &str, status: u16) -> bool {
    match cell {
        "ok" => status != 401 && status != 403,
        c => c.parse::<u16>().is_ok_and(|s| s == status),
    }
}

/// The query a route needs to answer with its content rather than a 404.
fn query(pattern: &str, extra: &Extra) -> String {
    if pattern.ends_with("/export") {
        "?format=docx".into()
    } else if pattern.ends_with("/data") {
        "?format=json".into()
    } else if pattern == "/api/v1/observations" {
        format!("?indicator={}&area=municipality/297", extra.indicator)
    } else {
        String::new()
    }
}

async fn answer(app: &TestApp, method: &str, url: &str) -> u16 {
    let r = if method == "GET" {
        app.get(url).await
    } else if url.ends_with("/import")
        || url.ends_with("/upload")
        || url.ends_with("/services/feedback")
        || url.ends_with("/document")
    {
        // A multipart upload without a file.
        let form = reqwest::multipart::Form::new().text("kind", "sotkanet");
        let req = app.client.post(app.url(url)).header("x-csrf-token", app.csrf().await);
        req.multipart(form).send().await.unwrap()
    } else if url.starts_with("/api/") {
        app.client
            .post(app.url(url))
            .header("x-csrf-token", app.csrf().await)
            .json(&serde_json::json!({}))
            .send()
            .await
            .unwrap()
    } else {
        app.post(url, &[]).await
    };
    r.status().as_u16()
}

#[tokio::test]
async fn the_authorisation_matrix_holds() {
    let record = std::env::var("HYTE_AUTHZ_RECORD").is_ok();
    // GETs first, then POSTs, logout last: a permitted empty POST must not end the session or
    // remove what later rows use.
    let mut rows: Vec<(usize, &str, &str)> = MATRIX.iter().enumerate().map(|(i, (m, p, _))| (i, *m, *p)).collect();
    rows.sort_by_key(|(_, m, p)| (*p == "/logout", *m != "GET"));
    let mut observed = vec![vec![0u16; ACTORS.len()]; MATRIX.len()];
    let mut missing = vec![];
    for (col, (actor, email)) in ACTORS.iter().enumerate() {
        let app = spawn().await;
        let kuopio_admin = app.user_id(hyte_seed::demo::INSTANCE_ADMIN).await;
        app.store.set_instance_admin(kuopio_admin, false, Actor::SYSTEM).await.unwrap();
        if *actor == "inst" {
            let oulu_admin = app.user_id("admin@oulu.example").await;
            app.store.set_instance_admin(oulu_admin, true, Actor::SYSTEM).await.unwrap();
        }
        if let Some(email) = email {
            app.login(email).await;
        }
        let ids = Ids::of_org(&app, "Kuopion kaupunki").await;
        let extra = Extra::of(&app, ids.org).await;
        missing.clone_from(&ids.missing);
        for (i, method, pattern) in &rows {
            observed[*i][col] = answer(&app, method, &(ids.fill(pattern, &extra) + &query(pattern, &extra))).await;
        }
    }
    if record {
        println!("demo objects missing (filled with a missing id): {missing:?}");
        for (i, (m, p, _)) in MATRIX.iter().enumerate() {
            let cells: Vec<String> = observed[i].iter().map(|s| s.to_string()).collect();
            println!("    ({m:?}, {p:?}, {:?}),", cells.join(" "));
        }
        return;
    }
    let mut wrong = vec![];
    for (i, (m, p, cells)) in MATRIX.iter().enumerate() {
        for (col, cell) in cells.split_whitespace().enumerate() {
            if !matches(cell, observed[i][col]) {
                wrong.push(format!("{m} {p} as {}: expected {cell}, got {}", ACTORS[col].0, observed[i][col]));
            }
        }
    }
    assert!(wrong.is_empty(), "the authorisation matrix does not hold:\n{}", wrong.join("\n"));
}
