#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! The `hyte` binary end to end: serve on a fresh SQLite file (areas + demo), graceful shutdown,
//! and the admin subcommands.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn hyte(dir: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_hyte"));
    c.current_dir(dir)
        .env("DATABASE_URL", format!("sqlite://{}", dir.join("hyte.db").display()))
        .env_remove("HYTE_DEMO");
    c
}

fn run(c: &mut Command) -> String {
    let out = c.output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{c:?} failed:\n{text}");
    text
}

#[test]
fn serve_starts_with_areas_and_demo_and_stops_gracefully() {
    let dir = tempfile::tempdir().unwrap();
    let mut child =
        hyte(dir.path()).env("HYTE_BIND", "127.0.0.1:0").stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let url = first.split_whitespace().find(|w| w.starts_with("http://")).expect("prints the URL").to_string();
    let logins: Vec<String> = lines.by_ref().take(3).map(|l| l.unwrap()).collect();
    assert!(logins[0].contains("hyte-demo-2026"), "prints how to log in: {logins:?}");
    assert!(logins[1].contains("admin@kuopio.example"));

    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let ready = reqwest_get(&format!("{url}readyz")).await;
        assert_eq!(ready, "ready");
        let areas = reqwest_get(&format!("{url}api/v1/areas?kind=municipality")).await;
        assert!(areas.contains("\"Kuopio\""));
    });
    Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "graceful shutdown exits 0: {status:?}");

    // A second start finds the database loaded and does not load the demo twice.
    let out = run(hyte(dir.path()).args(["org", "list"]));
    assert_eq!(out.lines().filter(|l| l.contains("Kuopion kaupunki")).count(), 1);
}

async fn reqwest_get(url: &str) -> String {
    // A tiny HTTP/1.1 GET, to keep the binary's tests free of an HTTP client dependency.
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let mut s = tokio::net::TcpStream::connect(host).await.unwrap();
    s.write_all(format!("GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes()).await.unwrap();
    let mut buf = String::new();
    s.read_to_string(&mut buf).await.unwrap();
    assert!(buf.starts_with("HTTP/1.1 200"), "{buf}");
    buf.split_once("\r\n\r\n").unwrap().1.to_string()
}

#[test]
fn admin_subcommands_work_and_refuse_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    run(hyte(dir.path()).arg("migrate"));
    run(hyte(dir.path()).args(["areas", "load"]));
    let out = run(hyte(dir.path()).args([
        "org",
        "add",
        "--kind",
        "municipality",
        "--name-fi",
        "Iisalmen kaupunki",
        "--area",
        "municipality/140",
    ]));
    assert!(out.contains("Created organisation 1"), "{out}");
    let out = run(hyte(dir.path())
        .args(["user", "add", "--email", "Anna@Iisalmi.example", "--name", "Anna A", "--org", "1"])
        .env("HYTE_PASSWORD", "a long password"));
    assert!(out.contains("anna@iisalmi.example") && out.contains("admin"), "{out}");

    let bad = hyte(dir.path())
        .args(["user", "add", "--email", "anna@iisalmi.example", "--name", "Anna", "--org", "1"])
        .env("HYTE_PASSWORD", "a long password")
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("email_taken"));
    let bad = hyte(dir.path()).args(["org", "add", "--kind", "castle", "--name-fi", "X"]).output().unwrap();
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--kind must be one of"));
    let bad = hyte(dir.path())
        .args(["user", "add", "--email", "b@iisalmi.example", "--name", "B", "--org", "1"])
        .env("HYTE_PASSWORD", "short")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&bad.stderr).contains("password_too_short"));

    let backup = dir.path().join("backup.db");
    run(hyte(dir.path()).args(["backup", backup.to_str().unwrap()]));
    let out = run(Command::new(env!("CARGO_BIN_EXE_hyte"))
        .args(["org", "list"])
        .env("DATABASE_URL", format!("sqlite://{}", backup.display())));
    assert!(out.contains("Iisalmen kaupunki"), "the backup is a working database");
    let again = hyte(dir.path()).args(["backup", backup.to_str().unwrap()]).output().unwrap();
    assert!(!again.status.success(), "an existing file is never overwritten");
}

#[test]
fn import_commands_report_and_reject_broken_files() {
    let dir = tempfile::tempdir().unwrap();
    run(hyte(dir.path()).args(["areas", "load"]));
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sotkanet/data_2019_kunnat.csv");
    let out = run(hyte(dir.path()).args(["import", "sotkanet-data", data.to_str().unwrap()]));
    assert!(out.contains("observations written") && out.contains("rows/s"), "{out}");
    let broken = dir.path().join("broken.csv");
    std::fs::write(
        &broken,
        "indicator;region;year;gender;primary value;absolute value\n5;2;2019;total;6.5;279\n5;4;2019;totl;5.3;60\n",
    )
    .unwrap();
    let bad = hyte(dir.path()).args(["import", "sotkanet-data", broken.to_str().unwrap()]).output().unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("broken.csv, line 3, field gender"), "{err}");
    let own = dir.path().join("own.csv");
    std::fs::write(&own, "indicator_code;indicator_title_fi;value_type;area_kind;area_code;year;sex;age_band;value;numerator;denominator\nk;Kysely;percent;municipality;297;2025;total;;40;40;100\n").unwrap();
    run(hyte(dir.path()).args([
        "org",
        "add",
        "--kind",
        "municipality",
        "--name-fi",
        "Kuopion kaupunki",
        "--area",
        "municipality/297",
    ]));
    let out = run(hyte(dir.path()).args(["import", "own", "--org", "1", own.to_str().unwrap()]));
    assert!(out.contains("1 observations written"), "{out}");
}

#[test]
fn a_coefficient_model_loads_as_a_new_version_and_a_broken_one_names_its_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    run(hyte(dir.path()).args(["areas", "load"]));
    let shipped = include_str!("../../seed/models/municipality-2025.toml");
    let good = dir.path().join("good.toml");
    std::fs::write(&good, shipped.replace("pool_euros = 100000000.0", "pool_euros = 110000000.0")).unwrap();
    let out = run(hyte(dir.path()).args(["coefficient", "load", good.to_str().unwrap()]));
    assert!(out.contains("hyte-municipality-2025-estimate version 2"), "the shipped model is version 1: {out}");
    // Line 3 breaks: the command fails naming it, and no version 3 appears.
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, shipped.replacen("kind = \"municipality\"", "kind = = 1", 1)).unwrap();
    let line = shipped.lines().position(|l| l.starts_with("kind = ")).unwrap() + 1;
    let o = hyte(dir.path()).args(["coefficient", "load", broken.to_str().unwrap()]).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success() && err.contains(&format!("line {line}")), "{err}");
    let tea = dir.path().join("tea.csv");
    std::fs::write(&tea, "area;sector;item;year;score\n297;leadership;;2023;72\n").unwrap();
    assert!(run(hyte(dir.path()).args(["coefficient", "teaviisari", tea.to_str().unwrap()])).contains("1 TEAviisari"));
    let o = hyte(dir.path()).args(["coefficient", "load", good.to_str().unwrap()]).output().unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains("version 3"), "the broken load wrote nothing");
}
