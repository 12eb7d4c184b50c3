//! Every route of the router, read from the sources that declare them (`.route("…", get(…).post(…))`
//! under `src/`, `/api/v1` before the API's), so that a new route cannot slip past the
//! authorisation matrix: [`crate::authz_matrix`] fails on a route without a row and a row without
//! a route.

use std::collections::BTreeSet;
use std::path::Path;

/// (method, path) of every route, sorted.
pub fn routes() -> BTreeSet<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeSet::new();
    let mut files = vec![];
    collect(&src, &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Routers built in unit tests are not the application's.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let prefix = if rel.starts_with("api/") { "/api/v1" } else { "" };
        for (path, methods) in parse(text) {
            assert!(!methods.is_empty(), "{rel}: route {path} has no method");
            for m in methods {
                out.insert((m, format!("{prefix}{path}")));
            }
        }
    }
    out
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            collect(&p, files);
        } else if p.extension().is_some_and(|x| x == "rs") {
            files.push(p);
        }
    }
}

/// The `.route(` calls of one file: the path literal and the methods of its method router.
fn parse(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out = vec![];
    let mut rest = text;
    while let Some(at) = rest.find(".route(") {
        rest = &rest[at + ".route(".len()..];
        let body = rest.trim_start();
        let Some(body) = body.strip_prefix('"') else { continue };
        let end = body.find('"').unwrap();
        let path = body[..end].to_string();
        // The arguments up to the closing parenthesis of `.route(`.
        let args = &body[end + 1..];
        let mut depth = 1;
        let mut close = args.len();
        for (i, ch) in args.char_indices() {
            match ch {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        close = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let args = &args[..close];
        let mut methods = vec![];
        let mut depth = 0;
        let mut word = String::new();
        for ch in args.chars() {
            match ch {
                '(' => {
                    if depth == 0 {
                        let m = word.rsplit("::").next().unwrap_or_default().to_uppercase();
                        if ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(&m.as_str()) {
                            methods.push(m);
                        }
                    }
                    word.clear();
                    depth += 1;
                }
                ')' => depth -= 1,
                c if c.is_alphanumeric() || c == '_' || c == ':' => word.push(c),
                _ => word.clear(),
            }
        }
        out.push((path, methods));
    }
    out
}

#[test]
fn the_inventory_reads_every_route_shape() {
    let found = parse(
        r#".route("/a/{id}", get(x::y).post(z))
        .route(
            "/b",
            axum::routing::post(w),
        )"#,
    );
    assert_eq!(
        found,
        vec![
            ("/a/{id}".to_string(), vec!["GET".to_string(), "POST".to_string()]),
            ("/b".to_string(), vec!["POST".to_string()])
        ]
    );
    let all = routes();
    assert!(all.contains(&("GET".to_string(), "/healthz".to_string())));
    assert!(all.contains(&("POST".to_string(), "/api/v1/organisations/{id}/sectors".to_string())));
    assert!(all.contains(&("POST".to_string(), "/orgs/{id}/reports/{rid}/plan/measures/{mid}/delete".to_string())));
    assert!(all.len() > 100, "{} routes", all.len());
}
