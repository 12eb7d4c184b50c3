//! Import uploads go to a temporary file as they arrive (not into memory), within
//! `import_max_bytes`; beyond it a 413 `upload_too_large` that leaves nothing behind.

use crate::helpers::*;
use crate::knowledge::upload_form;
use hyte_domain::JobState;
use hyte_store::knowledge::ImportJobStore;
use hyte_store::IndicatorStore;
use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const HEAD: &str =
    "indicator_code;indicator_title_fi;value_type;area_kind;area_code;year;sex;age_band;value;numerator;denominator\n";
const ROW: &str = "liikunta;Liikkuu riittävästi, %;percent;municipality;297;2025;female;13-15;54.2;271;500\n";

/// The files in the upload folder.
fn uploads(dir: &std::path::Path) -> Vec<(String, u64)> {
    let entries = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap());
    entries.map(|e| (e.file_name().to_string_lossy().into_owned(), e.metadata().unwrap().len())).collect()
}

async fn spawn_uploading(max: u64) -> (TestApp, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let config = hyte_web::WebConfig { import_max_bytes: max, upload_dir: dir.path().into(), ..Default::default() };
    (spawn_with(config).await, dir)
}

#[tokio::test]
async fn an_upload_beyond_the_limit_is_refused_and_leaves_nothing() {
    let (app, dir) = spawn_uploading(1 << 20).await;
    app.login("koordinaattori@kuopio.example").await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let jobs = app.store.list_import_jobs(kuopio, 100).await.unwrap().len();
    let observations = app.store.observation_count().await.unwrap();
    let path = format!("/orgs/{kuopio}/import?csrf={}", app.csrf().await);
    let body = format!("{HEAD}{}", ROW.repeat(3 * 1024 * 1024 / ROW.len()));
    let r = upload_form(&app, &path, "own", "iso.csv", &body).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.text().await.unwrap().contains("HYTE_IMPORT_MAX_MB"), "upload_too_large, saying what to change");
    assert_eq!(app.store.list_import_jobs(kuopio, 100).await.unwrap().len(), jobs, "no job started");
    assert_eq!(app.store.observation_count().await.unwrap(), observations, "nothing written");
    assert_eq!(uploads(dir.path()), vec![], "the partial file is removed");
}

#[tokio::test]
async fn an_upload_is_written_to_disk_as_it_arrives_and_then_imported() {
    let (app, dir) = spawn_uploading(8 << 20).await;
    app.login("koordinaattori@kuopio.example").await;
    let kuopio = app.org_id("Kuopion kaupunki").await;
    let path = format!("/orgs/{kuopio}/import?csrf={}", app.csrf().await);
    let csv = format!("{HEAD}{}", ROW.repeat(2 * 1024 * 1024 / ROW.len()));
    let body = format!(
        "--B\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nown\r\n\
         --B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"virta.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n{csv}\r\n--B--\r\n"
    );
    let cookies = app.jar_header();
    let host = app.base.strip_prefix("http://").unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nCookie: {cookies}\r\n\
         Content-Type: multipart/form-data; boundary=B\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let mut s = tokio::net::TcpStream::connect(host).await.unwrap();
    s.write_all(head.as_bytes()).await.unwrap();
    // Half the body: the server has it on disk already, and no more than was sent.
    let (first, rest) = body.as_bytes().split_at(body.len() / 2);
    s.write_all(first).await.unwrap();
    s.flush().await.unwrap();
    let mut seen = vec![];
    for _ in 0..1000 {
        seen = uploads(dir.path());
        if seen.iter().any(|(_, len)| *len > 0) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(seen.len(), 1, "one file for the upload in flight: {seen:?}");
    assert!(seen[0].0.starts_with("hyte-upload-"), "{seen:?}");
    assert!(seen[0].1 > 0 && seen[0].1 <= first.len() as u64, "part of it, as it arrives: {seen:?}");
    s.write_all(rest).await.unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 303"), "{answer}");
    let job_id: i64 = answer.split("/import/").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();

    // The import reads the file, then the file is removed.
    for _ in 0..2000 {
        let job = app.store.get_import_job(job_id).await.unwrap().unwrap();
        if job.state != JobState::Running && uploads(dir.path()).is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let job = app.store.get_import_job(job_id).await.unwrap().unwrap();
    assert_eq!((job.state, job.written), (JobState::Done, 1), "{:?}", job.summary);
    assert!(app.store.indicator_ids("own", Some(kuopio)).await.unwrap().contains_key("liikunta"));
    assert_eq!(uploads(dir.path()), vec![], "nothing left on disk");
}
