#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! `kill -9` in the middle of a CLI import (`hyte import sotkanet-data --org …`), on SQLite and on
//! PostgreSQL (when `HYTE_TEST_POSTGRES_URL` is set): the import writes in one transaction, so
//! none of its rows remain; its job still says running until the next `hyte serve`, which
//! records it as failed.

use hyte_domain::JobState;
use hyte_store::Store;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// Rows handed to the database before the kill: two batches, so the first one has been written
/// inside the import's transaction.
const WRITTEN_BEFORE_KILL: u64 = 2 * hyte_import::apply::BATCH as u64;

fn hyte(url: &str, dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_hyte"));
    c.current_dir(dir).env("DATABASE_URL", url).env("HYTE_DEMO", "false");
    c
}

fn run(c: &mut Command) -> String {
    let out = c.output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{c:?} failed:\n{text}");
    text
}

/// A Sotkanet-shaped CSV of about two million rows: the real indicator and region ids of
/// data/sotkanet/data_2019_kunnat.csv, every year 1901–2100 and both sexes and total.
fn generate(path: &Path) {
    let real =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sotkanet/data_2019_kunnat.csv"))
            .unwrap();
    let pairs: std::collections::BTreeSet<(String, String)> = real
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(';').collect();
            (f[0].to_string(), f[1].to_string())
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(out, "indicator;region;year;gender;primary value;absolute value").unwrap();
    for year in 1901..=2100 {
        for (indicator, region) in &pairs {
            for sex in ["total", "male", "female"] {
                writeln!(out, "{indicator};{region};{year};{sex};{}.5;{}", year % 97, year % 89 + 5).unwrap();
            }
        }
    }
    out.flush().unwrap();
}

async fn open(url: &str) -> Box<dyn Store> {
    if url.starts_with("postgres") {
        Box::new(hyte_store_postgres::PgStore::connect(url).await.unwrap())
    } else {
        Box::new(hyte_store_sqlite::SqliteStore::connect(url).await.unwrap())
    }
}

/// What the store says: observations in all, and the job's state and summary.
fn look(url: &str, job: i64) -> (i64, JobState, String) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let store = open(url).await;
        let count = store.observation_count().await.unwrap();
        let job = store.get_import_job(job).await.unwrap().unwrap();
        (count, job.state, job.summary.unwrap_or_default())
    })
}

/// Observations in all.
fn count(url: &str) -> i64 {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async { open(url).await.observation_count().await.unwrap() })
}

/// A GET answered 200 (retried until the server answers at all).
fn get(base: &str, path: &str) -> String {
    use std::io::Read;
    let host = base.strip_prefix("http://").unwrap().trim_end_matches('/');
    for _ in 0..600 {
        let Ok(mut s) = std::net::TcpStream::connect(host) else {
            std::thread::sleep(std::time::Duration::from_millis(50));
            continue;
        };
        write!(s, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        return answer;
    }
    panic!("{base} never answered");
}

fn kill_mid_import_then_restart(url: &str, dir: &Path) {
    run(hyte(url, dir).arg("migrate"));
    run(hyte(url, dir).args(["areas", "load"]));
    let out = run(hyte(url, dir).args(["org", "add", "--kind", "municipality", "--name-fi", "Kuopion kaupunki"]));
    let org = out.split_whitespace().nth(2).unwrap().to_string();
    let file = dir.join("iso.csv");
    generate(&file);
    let before = count(url);

    let mut import = hyte(url, dir)
        .args(["import", "sotkanet-data", "--org", &org, file.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(import.stdout.take().unwrap()).lines().map(|l| l.unwrap());
    let started = lines.next().expect("the job's line");
    let job: i64 = started.split("import job ").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();
    // The progress lines: kill once two batches are in the open transaction, well before the end.
    let mut seen = vec![];
    for line in lines.by_ref() {
        seen.push(line.clone());
        let Some((written, total)) = line.trim().strip_suffix(" rows written").and_then(|l| l.split_once(" of "))
        else {
            continue;
        };
        let (written, total): (u64, u64) = (written.parse().unwrap(), total.parse().unwrap());
        if written >= WRITTEN_BEFORE_KILL {
            assert!(written < total, "the import must still be writing when killed: {seen:?}");
            break;
        }
    }
    import.kill().unwrap(); // SIGKILL
    let status = import.wait().unwrap();
    assert!(!status.success(), "killed, not finished: {status:?}, {seen:?}");
    assert!(!lines.any(|l| l.contains("observations written")), "it did not get to the end");

    let (after, state, _) = look(url, job);
    assert_eq!(after, before, "none of the killed import's rows remain");
    assert_eq!(state, JobState::Running, "nothing could record the end");

    // The next start records the cut-off import as failed before it answers requests.
    let mut serve =
        hyte(url, dir).env("HYTE_BIND", "127.0.0.1:0").stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let first = BufReader::new(serve.stdout.take().unwrap()).lines().next().unwrap().unwrap();
    let base = first.split_whitespace().find(|w| w.starts_with("http://")).unwrap().to_string();
    get(&base, "/readyz");
    Command::new("kill").args(["-TERM", &serve.id().to_string()]).status().unwrap();
    serve.wait().unwrap();
    let (after, state, summary) = look(url, job);
    assert_eq!(state, JobState::Failed);
    assert!(summary.contains("interrupted by a restart"), "{summary}");
    assert_eq!(after, before, "still nothing of it");

    // The store is usable: a real file imports, and its job is done.
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sotkanet/data_2019_kunnat.csv");
    let out = run(hyte(url, dir).args(["import", "sotkanet-data", "--org", &org, real.to_str().unwrap()]));
    let next: i64 = out.split("import job ").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();
    let (after, state, _) = look(url, next);
    assert_eq!(state, JobState::Done, "{out}");
    assert!(after > before, "{out}");
}

#[test]
fn a_killed_import_leaves_nothing_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("hyte.db").display());
    kill_mid_import_then_restart(&url, dir.path());
}

#[test]
fn a_killed_import_leaves_nothing_on_postgres() {
    use rand::Rng;
    use sqlx::Connection;
    let Ok(admin_url) = std::env::var("HYTE_TEST_POSTGRES_URL") else {
        eprintln!("HYTE_TEST_POSTGRES_URL not set: skipping");
        return;
    };
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let db = format!("hyte_kill_{:016x}", rand::thread_rng().gen::<u64>());
    let sql = |q: String| {
        rt.block_on(async {
            let mut admin = sqlx::PgConnection::connect(&admin_url).await.unwrap();
            sqlx::query(&q).execute(&mut admin).await.unwrap();
        })
    };
    sql(format!("CREATE DATABASE {db}"));
    let url = format!("{}/{db}", admin_url.rsplit_once('/').unwrap().0);
    let dir = tempfile::tempdir().unwrap();
    kill_mid_import_then_restart(&url, dir.path());
    sql(format!("DROP DATABASE {db} WITH (FORCE)"));
}
