//! Import checks run by each store backend's tests (like the store conformance suite), on a
//! store with the base data (areas, Sotkanet region ids and catalogue) loaded.
// Test code: a panic is how a check fails.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::{apply, own, sotkanet};
use hyte_domain::Sex;
use hyte_store::{ObservationQuery, Store};

const DATA_2019: &str = include_str!("../../../data/sotkanet/data_2019_kunnat.csv");
const OLD_JSON: &str = include_str!("../tests/data/data_127_2009.json");
const OLD_CSV: &str = include_str!("../tests/data/data_127_2009.csv");
const NEW_JSON: &str = include_str!("../tests/data/data_5513_2023.json");

/// Real Sotkanet files in every shape import, report skipped region categories, and re-import
/// without duplicating.
pub async fn real_sotkanet_files_import(s: &dyn Store) {
    let rows = sotkanet::data_csv("data_2019_kunnat.csv", DATA_2019).unwrap();
    let first = apply::sotkanet_data(s, "data_2019_kunnat.csv", &rows).await.unwrap();
    assert!(first.written > 3000, "{first:?}");
    assert!(first.derived_denominators > 1000, "denominators derived from value and absolute value");
    let count = s.observation_count().await.unwrap();
    let again = apply::sotkanet_data(s, "data_2019_kunnat.csv", &rows).await.unwrap();
    assert_eq!(again.written, first.written);
    assert_eq!(s.observation_count().await.unwrap(), count, "idempotent");
    let progress = crate::Progress::default();
    let bulk = apply::sotkanet_csv_with_progress(s, "data_2019_kunnat.csv", DATA_2019, &progress).await.unwrap();
    let seen = progress.snapshot();
    assert_eq!(
        (seen.phase, seen.checked, seen.total),
        (crate::Phase::Finished, seen.total, DATA_2019.lines().count() as u64 - 1)
    );
    assert!(seen.written >= bulk.written, "every written row was counted");
    assert_eq!((bulk.written, bulk.skipped()), (first.written, first.skipped()), "the bulk path writes the same");
    assert_eq!(s.observation_count().await.unwrap(), count);
    let broken = "indicator;region;year;gender;primary value\n5;2;2019;total;1\n5;2;2019;total;x\n";
    let e = apply::sotkanet_csv_bulk(s, "broken.csv", broken).await.unwrap_err();
    assert!(e.to_string().contains("broken.csv, line 3, field primary value"), "{e}");

    // 2015 formats (strings, all region categories mixed): other categories are reported.
    let json = sotkanet::data_json("data_127_2009.json", OLD_JSON.as_bytes()).unwrap();
    let csv = sotkanet::data_csv("data_127_2009.csv", OLD_CSV).unwrap();
    assert_eq!(json.len(), csv.len());
    let r = apply::sotkanet_data(s, "data_127_2009.json", &json).await.unwrap();
    assert!(r.skipped_by_category.contains_key("SEUTUKUNTA"), "{r:?}");
    assert!(r.unknown_regions.contains_key("730"), "a region id the 2015 list lacks is reported");
    assert_eq!(r.written + r.skipped(), json.len() as u64);
    let r2 = apply::sotkanet_data(s, "data_127_2009.csv", &csv).await.unwrap();
    assert_eq!(r2.written, r.written);

    // The country (MAA 658) and Helsinki (46) land on Hyte's areas.
    let ids = s.indicator_ids(sotkanet::SOURCE, None).await.unwrap();
    let helsinki = s.get_area("municipality", "091").await.unwrap().unwrap();
    let q = ObservationQuery {
        indicator_ids: vec![ids["127"].0],
        area_ids: vec![helsinki.id],
        years: Some((2009, 2009)),
        sex: Some(Sex::Total),
    };
    let got = s.observations(&q).await.unwrap();
    assert_eq!(got.len(), 1);
    assert!(got[0].value.unwrap() > 500_000.0);
}

/// A broken file is rejected with its line and field, and nothing is written.
pub async fn broken_files_write_nothing(s: &dyn Store) {
    let before = s.observation_count().await.unwrap();
    let bad_line =
        "indicator;region;year;gender;primary value;absolute value\n5;2;2019;total;6.5;279\n5;4;2019;total;abc;60\n";
    let e = sotkanet::data_csv("bad.csv", bad_line).unwrap_err();
    assert_eq!((e.line, e.field.as_str()), (3, "primary value"));

    let e = sotkanet::data_json("r.json", br#"[{"indicator":5,"region":2,"year":2019,"gender":"total","value":6.5},{"indicator":5,"region":2,"year":"x","gender":"total"}]"#).unwrap_err();
    assert_eq!((e.line, e.field.as_str()), (2, "year"));

    let own_bad = format!("{}\nk;Kysely;percent;municipality;297;2024;total;;50;5;10\nk;Kysely;percent;municipality;000;2024;total;;50;5;10\n", own::COLUMNS.join(";"));
    let rows = own::parse("own.csv", &own_bad).unwrap();
    let e = own::apply(s, 1, "Org", "own.csv", &rows).await.unwrap_err();
    assert!(e.to_string().contains("own.csv, line 3, field area_code: unknown area municipality/000"), "{e}");
    assert_eq!(s.observation_count().await.unwrap(), before, "zero rows written");
}

/// Unknown indicators and region ids are reported with their first line, not written.
pub async fn unknown_ids_are_reported(s: &dyn Store) {
    let before = s.observation_count().await.unwrap();
    let rows = sotkanet::data_csv("u.csv", "indicator;region;year;gender;primary value\n987654;2;2019;total;1\n5;123456;2019;total;1\n5;123456;2019;male;1\n").unwrap();
    let r = apply::sotkanet_data(s, "u.csv", &rows).await.unwrap();
    assert_eq!(r.written, 0);
    assert_eq!(r.unknown_indicators["987654"], (1, 2));
    assert_eq!(r.unknown_regions["123456"], (2, 3));
    let rows = sotkanet::data_json("new.json", NEW_JSON.as_bytes()).unwrap();
    let r = apply::sotkanet_data(s, "new.json", &rows).await.unwrap();
    assert!(r.unknown_indicators.contains_key("5513"), "not in the 2015 catalogue");
    assert_eq!(s.observation_count().await.unwrap(), before);
}
