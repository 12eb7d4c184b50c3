#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! Runs `tests/browser/axe.mjs` (headless Chromium + axe-core) against a real server with the
//! real areas and the demo data. Needs Node.js and Debian's `chromium` (`.ci/run` installs it);
//! installs the pinned npm packages on first run. `HYTE_SKIP_BROWSER=1` skips it.

use hyte_store_sqlite::SqliteStore;
use std::path::Path;
use std::sync::Arc;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_passes_axe_core_in_every_language() {
    if std::env::var("HYTE_SKIP_BROWSER").is_ok() {
        eprintln!("HYTE_SKIP_BROWSER set: browser test skipped");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = root.join("tests/browser");
    if !dir.join("node_modules/playwright-core").exists() {
        // First run on this checkout: install the pinned test packages (package-lock.json).
        let ok = std::process::Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "`npm ci` in tests/browser failed (needs Node.js and npm; or set HYTE_SKIP_BROWSER=1)");
    }
    let chromium = std::env::var("CHROMIUM_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(Path::new(&chromium).exists(), "install Chromium (`apt-get install chromium`) or set CHROMIUM_PATH");

    let tmp = tempfile::tempdir().unwrap();
    let store =
        Arc::new(SqliteStore::connect(&format!("sqlite://{}", tmp.path().join("hyte.db").display())).await.unwrap());
    hyte_seed::load_base(&*store).await.unwrap();
    hyte_seed::demo::load(&*store, &hyte_web::auth::hash_password).await.unwrap();
    let app = hyte_web::app_state(store, hyte_web::WebConfig::default());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(hyte_web::serve(app, listener, std::future::pending()));

    let out = tokio::process::Command::new("node")
        .arg("axe.mjs")
        .current_dir(&dir)
        .env("HYTE_BASE", &base)
        .env("HYTE_EMAIL", "admin@kuopio.example")
        .env("HYTE_PASSWORD", hyte_seed::demo::PASSWORD)
        .env("CHROMIUM_PATH", &chromium)
        .output()
        .await
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(out.status.success(), "axe-core found problems:\n{stderr}\n{stdout}");
    assert!(stdout.contains("axe-core: 0 violations"));
}
