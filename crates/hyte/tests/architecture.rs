#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! `docs/architecture.md` keeps its capability → folder table true: every room it lists exists on
//! every floor (domain, store, web pages, templates, locales in each language).

use std::path::Path;

#[test]
fn every_room_in_the_table_exists_on_every_floor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let doc = std::fs::read_to_string(root.join("docs/architecture.md")).unwrap();
    let table = doc.split("<!-- rooms:start -->").nth(1).unwrap().split("<!-- rooms:end -->").next().unwrap();
    let rows: Vec<&str> = table.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| capability")).collect();
    assert!(rows.len() >= 6, "the table lists the rooms");
    for row in rows {
        let paths: Vec<&str> = row.split('`').skip(1).step_by(2).collect();
        assert_eq!(paths.len(), 5, "{row}: a path for each floor");
        let room = paths[0].trim_end_matches('/').rsplit('/').next().unwrap();
        for path in paths {
            assert!(path.contains(room), "{path} is named after its room {room}");
            for lang in ["fi", "sv", "en"] {
                let p = root.join("crates").join(path.replace('*', lang));
                assert!(p.exists(), "{} does not exist", p.display());
            }
        }
    }
}
