//! A real server on a free port, on a fresh SQLite database with the real areas and the demo.

use hyte_store::{OrgStore, UserStore};
use hyte_store_sqlite::SqliteStore;
use reqwest::cookie::{CookieStore, Jar};
use reqwest::{Client, Response, StatusCode};
use std::sync::Arc;

pub const PASSWORD: &str = hyte_seed::demo::PASSWORD;

pub struct TestApp {
    pub base: String,
    pub client: Client,
    pub jar: Arc<Jar>,
    pub store: Arc<SqliteStore>,
    _dir: tempfile::TempDir,
}

/// A clean database with the base data and the demo, built once per test binary; each test
/// copies it.
async fn template() -> std::path::PathBuf {
    static TEMPLATE: tokio::sync::OnceCell<tempfile::TempDir> = tokio::sync::OnceCell::const_new();
    let dir = TEMPLATE
        .get_or_init(|| async {
            let dir = tempfile::tempdir().unwrap();
            let store =
                SqliteStore::connect(&format!("sqlite://{}", dir.path().join("build.db").display())).await.unwrap();
            hyte_seed::load_base(&store).await.unwrap();
            hyte_seed::demo::load(&store, &hyte_web::auth::hash_password).await.unwrap();
            store.backup(&dir.path().join("clean.db")).await.unwrap();
            store.close().await;
            dir
        })
        .await;
    dir.path().join("clean.db")
}

pub async fn spawn() -> TestApp {
    spawn_with(hyte_web::WebConfig::default()).await
}

/// A test server with its own configuration.
pub async fn spawn_with(config: hyte_web::WebConfig) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hyte.db");
    std::fs::copy(template().await, &db).unwrap();
    let store = Arc::new(SqliteStore::connect(&format!("sqlite://{}", db.display())).await.unwrap());
    let app = hyte_web::app_state(store.clone(), config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(hyte_web::serve(app, listener, std::future::pending()));
    let jar = Arc::new(Jar::default());
    let client =
        Client::builder().cookie_provider(jar.clone()).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    TestApp { base, client, jar, store, _dir: dir }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn text(&self, path: &str) -> String {
        let r = self.get(path).await;
        assert_eq!(r.status(), StatusCode::OK, "GET {path}");
        r.text().await.unwrap()
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        let header = self.jar.cookies(&self.base.parse().unwrap())?;
        let header = header.to_str().unwrap().to_string();
        header.split("; ").filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    /// The `Cookie` header this browser sends.
    pub fn jar_header(&self) -> String {
        self.jar.cookies(&self.base.parse().unwrap()).map(|h| h.to_str().unwrap().to_string()).unwrap_or_default()
    }

    /// The CSRF token, fetching a page first if the cookie is not set yet.
    pub async fn csrf(&self) -> String {
        if self.cookie("hyte_csrf").is_none() {
            self.get("/").await;
        }
        self.cookie("hyte_csrf").expect("csrf cookie")
    }

    /// Posts a form with the right CSRF token.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let mut f: Vec<(&str, String)> = fields.iter().map(|(k, v)| (*k, v.to_string())).collect();
        f.push(("csrf", self.csrf().await));
        self.client.post(self.url(path)).form(&f).send().await.unwrap()
    }

    pub async fn post_without_csrf(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client.post(self.url(path)).form(fields).send().await.unwrap()
    }

    pub async fn login(&self, email: &str) {
        let r = self.post("/login", &[("email", email), ("password", PASSWORD), ("next", "/")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "login as {email}");
    }

    /// A second, independent browser against the same server.
    pub fn other_browser(&self) -> TestApp {
        let jar = Arc::new(Jar::default());
        let client =
            Client::builder().cookie_provider(jar.clone()).redirect(reqwest::redirect::Policy::none()).build().unwrap();
        TestApp { base: self.base.clone(), client, jar, store: self.store.clone(), _dir: tempfile::tempdir().unwrap() }
    }

    pub async fn org_id(&self, name_fi: &str) -> i64 {
        self.store.list_organisations().await.unwrap().into_iter().find(|o| o.names.fi == name_fi).unwrap().id
    }

    pub async fn user_id(&self, email: &str) -> i64 {
        self.store.find_login(email).await.unwrap().unwrap().0.id
    }

    pub async fn audit_len(&self, org_id: i64) -> usize {
        use hyte_store::AuditStore;
        self.store.audit_log(org_id, 10_000).await.unwrap().len()
    }
}

pub fn location(r: &Response) -> String {
    r.headers().get("location").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

/// A part of a zip package (DOCX) as text.
pub fn zip_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    let mut s = String::new();
    z.by_name(name).expect(name).read_to_string(&mut s).unwrap();
    s
}

/// The text of a DOCX package's main part.
pub fn docx_text(bytes: &[u8]) -> String {
    zip_part(bytes, "word/document.xml")
}

pub fn zip_part_names(bytes: &[u8]) -> Vec<String> {
    let z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    z.file_names().map(|n| n.unwrap().to_string()).collect()
}

/// The text of a PDF (poppler's `pdftotext`; `.ci/run` installs poppler-utils).
pub fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&file).arg("-").output().expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Creates Kuopio's term report 2025–2029 as the coordinator: its path and id.
pub async fn kuopio_term_report(app: &TestApp) -> (String, i64) {
    let kuopio = app.org_id("Kuopion kaupunki").await;
    app.login("koordinaattori@kuopio.example").await;
    let r = app
        .post(
            &format!("/orgs/{kuopio}/reports"),
            &[("kind", "term"), ("term", "2025–2029"), ("languages", "fi"), ("title", "Hyvinvointikertomus 2025–2029")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let path = location(&r);
    let rid = path.rsplit('/').next().unwrap().parse().unwrap();
    (path, rid)
}
