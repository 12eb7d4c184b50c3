#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! `hyte sync sotkanet` against a local HTTP server that serves recorded Sotkanet responses:
//! it imports, retries a failing request, and answers a repeated sync from its cache.

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::IntoResponse;
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

const REGIONS: &str = include_str!("../../import/tests/data/regions_5_kuntaa_2_maakuntaa.json");
const DATA_127: &str = include_str!("../../import/tests/data/data_127_2019_2023.json");
const CATALOGUE: &str = include_str!("../../../data/sotkanet/indicators_2015.json");

#[derive(Default)]
struct Server {
    requests: AtomicU32,
    data_requests: AtomicU32,
}

async fn serve(State(s): State<Arc<Server>>, uri: Uri) -> axum::response::Response {
    s.requests.fetch_add(1, Ordering::SeqCst);
    let path = uri.path();
    if path == "/rest/1.1/regions" {
        return REGIONS.into_response();
    }
    if let Some(id) = path.strip_prefix("/rest/1.1/indicators/") {
        // The recorded catalogue entry stands in for the metadata of this indicator.
        let all: Vec<serde_json::Value> = serde_json::from_str(CATALOGUE).unwrap();
        return match all.into_iter().find(|i| i["id"].as_u64().is_some_and(|n| id.parse() == Ok(n))) {
            Some(i) => i.to_string().into_response(),
            None => StatusCode::NOT_FOUND.into_response(),
        };
    }
    if path == "/rest/1.1/json" && uri.query().unwrap_or("").contains("indicator=127") {
        // The first data request fails, as a busy server would.
        if s.data_requests.fetch_add(1, Ordering::SeqCst) == 0 {
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
        return DATA_127.into_response();
    }
    StatusCode::NOT_FOUND.into_response()
}

fn hyte(dir: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_hyte"));
    c.current_dir(dir)
        .env("DATABASE_URL", format!("sqlite://{}", dir.join("hyte.db").display()))
        .env("HYTE_DEMO", "false");
    c
}

#[test]
fn sync_imports_retries_and_caches() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let state = Arc::new(Server::default());
    let base = rt.block_on(async {
        let app = axum::Router::new().fallback(serve).with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}/rest/1.1", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        base
    });
    let dir = tempfile::tempdir().unwrap();
    assert!(hyte(dir.path()).args(["areas", "load"]).status().unwrap().success());
    let sync = |extra: &[&str]| {
        let mut c = hyte(dir.path());
        c.args([
            "sync",
            "sotkanet",
            "--indicators",
            "127",
            "--years",
            "2019-2023",
            "--pause",
            "0",
            "--base-url",
            &base,
            "--cache",
        ])
        .arg(dir.path().join("cache"))
        .args(extra);
        let out = c.output().unwrap();
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "{text}");
        text
    };
    let first = sync(&[]);
    assert!(first.contains("10 observations written"), "{first}");
    assert!(first.contains("Source: THL, Sotkanet.fi"));
    assert_eq!(state.data_requests.load(Ordering::SeqCst), 2, "retried once after the 503");
    let served = state.requests.load(Ordering::SeqCst);
    assert_eq!(served, 4, "regions, metadata, data twice");

    let second = sync(&[]);
    assert!(second.contains("10 observations written") && second.contains("(0 requests to the server)"), "{second}");
    assert_eq!(state.requests.load(Ordering::SeqCst), served, "the cache answered");

    sync(&["--refresh"]);
    assert_eq!(state.requests.load(Ordering::SeqCst), served + 3);
}
