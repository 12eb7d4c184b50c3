//! The conformance suite: what every backend must do, run on a fresh, migrated store. Compiled only
//! with the `testing` feature. Each room's `conformance.rs` declares its cases with one
//! [`conformance_cases!`] call, which both makes each case reachable (a case left out of the call is
//! dead code, which the lints refuse) and defines the room's list; a backend's test file calls
//! [`conformance_tests!`] once, which runs every room's list on that backend.
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::*;
use hyte_domain::{Names, OrgKind, PopulationRow, Sex};
use std::future::Future;
use std::pin::Pin;

/// One conformance case: an async check of a store.
pub type Case = for<'a> fn(&'a dyn Store) -> Pin<Box<dyn Future<Output = ()> + 'a>>;

/// Runs `case` (looked up by name in its room) on `store`.
pub async fn run(store: &dyn Store, case: Option<Case>) {
    let case = case.expect("every listed case exists");
    case(store).await;
}

/// Expands to one `#[tokio::test]` per conformance case of every room. `$make` is an async fn
/// returning `Option<S>` where `S` derefs to a `Store`; `None` skips (e.g. no PostgreSQL URL configured).
#[macro_export]
macro_rules! conformance_tests {
    ($make:path) => {
        $crate::admin_cases!($make);
        $crate::assessment_cases!($make);
        $crate::cooperation_cases!($make);
        $crate::knowledge_cases!($make);
        $crate::partners_cases!($make);
        $crate::reports_cases!($make);
        $crate::services_cases!($make);
        $crate::interface_cases!($make);
        $crate::support_cases!($make);
        $crate::coefficient_cases!($make);
    };
}

/// Declares a room's cases: `conformance_cases!($ room_cases, room: case_a, case_b);` (the `$` lets
/// this macro define the room's macro). Defines `case(name)` in the room's conformance module and the
/// exported macro `room_cases!($make)`, which expands to one test per case.
#[macro_export]
macro_rules! conformance_cases {
    ($d:tt $list:ident, $room:ident: $($name:ident),* $(,)?) => {
        /// The case called `name`, if it is one of this room's.
        pub fn case(name: &str) -> Option<$crate::conformance::Case> {
            match name {
                $(stringify!($name) => {
                    let case: $crate::conformance::Case = |s| Box::pin($name(s));
                    Some(case)
                })*
                _ => None,
            }
        }

        #[doc(hidden)]
        #[macro_export]
        macro_rules! $list {
            ($d make:path) => {
                $(
                    #[tokio::test]
                    async fn $name() {
                        let Some(store) = $d make().await else { return };
                        $crate::conformance::run(&*store, $crate::$room::conformance::case(stringify!($name))).await;
                    }
                )*
            };
        }
    };
}

pub fn names(fi: &str, sv: &str, en: &str) -> Names {
    Names::new(fi, Some(sv.into()), Some(en.into()))
}

pub fn key(kind: &str, code: &str) -> (String, String) {
    (kind.to_string(), code.to_string())
}

/// A small, real excerpt of the classification: Kuopio and Siilinjärvi in Pohjois-Savo.
pub fn sample_areas() -> AreaImport {
    let kind =
        |code: &str, fi: &str, order| AreaKindRow { code: code.into(), names: names(fi, fi, code), sort_order: order };
    let area = |kind: &str, code: &str, fi: &str, sv: &str| NewArea {
        kind: kind.into(),
        code: code.into(),
        names: names(fi, sv, fi),
        first_year: Some(2023),
        last_year: Some(2024),
    };
    let mut memberships = vec![];
    for year in [2023, 2024] {
        for m in ["297", "749"] {
            memberships.push(NewMembership {
                child: key("municipality", m),
                parent: key("wellbeing_county", "13"),
                year,
            });
            memberships.push(NewMembership { child: key("municipality", m), parent: key("region", "11"), year });
        }
        memberships.push(NewMembership { child: key("wellbeing_county", "13"), parent: key("country", "FI"), year });
    }
    let pop = |code: &str, year, sex, population| NewPopulation {
        area: key("municipality", code),
        row: PopulationRow { year, sex, population, derived: false },
    };
    AreaImport {
        kinds: vec![
            kind("country", "Koko maa", 0),
            kind("wellbeing_county", "Hyvinvointialue", 1),
            kind("region", "Maakunta", 2),
            kind("municipality", "Kunta", 3),
        ],
        areas: vec![
            area("country", "FI", "Koko maa", "Hela landet"),
            area("wellbeing_county", "13", "Pohjois-Savon hyvinvointialue", "Norra Savolax välfärdsområde"),
            area("region", "11", "Pohjois-Savo", "Norra Savolax"),
            area("municipality", "297", "Kuopio", "Kuopio"),
            area("municipality", "749", "Siilinjärvi", "Siilinjärvi"),
        ],
        memberships,
        populations: vec![
            pop("297", 2022, Sex::Total, 122_594),
            pop("297", 2019, Sex::Total, 119_282),
            pop("297", 2019, Sex::Male, 58_000),
        ],
    }
}

/// Loads a whole classification (e.g. the real data) and checks it round-trips.
pub async fn real_areas_import(s: &dyn Store, data: &AreaImport) {
    let summary = s.import_areas(data).await.unwrap();
    assert_eq!(summary.areas as usize, data.areas.len());
    let stored = s.list_areas(None).await.unwrap();
    assert_eq!(stored.len(), data.areas.len());
    s.import_areas(data).await.unwrap();
    assert_eq!(s.list_areas(None).await.unwrap().len(), data.areas.len(), "idempotent");
}

pub async fn org(s: &dyn Store, kind: OrgKind, fi: &str) -> hyte_domain::Organisation {
    s.create_organisation(&NewOrganisation { kind, names: Names::new(fi, None, None), area_id: None }, Actor::SYSTEM)
        .await
        .unwrap()
}

pub fn indicator(id: &str, fi: &str, sv: &str, complete: bool) -> NewIndicator {
    NewIndicator {
        source: "sotkanet".into(),
        source_id: id.into(),
        org_id: None,
        title: Names::new(fi, Some(sv.into()), Some(format!("{fi} (en)"))),
        texts: hyte_domain::IndicatorTexts::default(),
        value_type: hyte_domain::ValueType::Percent,
        decimals: 1,
        polarity: hyte_domain::knowledge::stats::Polarity::NoDirection,
        producer: Some("THL".into()),
        attribution: "Lähde: THL, Sotkanet.fi".into(),
        themes: vec![],
        data_updated: None,
        complete,
    }
}

/// A national indicator and two own ones, of the organisations `mine` and `theirs`: their ids
/// (national, mine, theirs).
pub async fn national_and_own_indicators(s: &dyn Store, mine: i64, theirs: i64) -> (i64, i64, i64) {
    let own = |org_id: i64, fi: &str| NewIndicator {
        source: "own".into(),
        org_id: Some(org_id),
        ..indicator("kysely-1", fi, fi, true)
    };
    let national = indicator("4404", "Päivittäin tupakoivat, %", "Dagligrökare, %", false);
    s.upsert_indicators(&[national, own(mine, "Oma kysely"), own(theirs, "Toisen salainen kysely")]).await.unwrap();
    let national = s.indicator_ids("sotkanet", None).await.unwrap()["4404"].0;
    let mine = s.indicator_ids("own", Some(mine)).await.unwrap()["kysely-1"].0;
    let theirs = s.indicator_ids("own", Some(theirs)).await.unwrap()["kysely-1"].0;
    (national, mine, theirs)
}

/// After an update: the store returned `expected` (the record before, with what was written and its
/// version bumped), and reading the record back gives that same whole record.
pub fn assert_written<T: PartialEq + std::fmt::Debug>(returned: &T, read_back: Option<T>, expected: &T) {
    assert_eq!(returned, expected, "the returned record is the one written");
    assert_eq!(read_back.as_ref(), Some(expected), "the stored record is the one written");
}

/// Organisations a backend test stores under retired kind codes before it reconnects:
/// (name, the retired code, the kind the migration must give it).
pub const RETIRED_KINDS: [(&str, &str, OrgKind); 4] = [
    ("Pohjois-Savon hyvinvointialue", "region", OrgKind::WellbeingCounty),
    ("Pohjois-Savon liitto", "region", OrgKind::RegionalCouncil),
    ("Itä-Suomen poliisilaitos", "police", OrgKind::StateAuthority),
    ("Esimerkki Oy", "company", OrgKind::PrivateProvider),
];

/// Creates the organisations of [`RETIRED_KINDS`] (as municipalities, with their sectors, and the
/// first one with an owner of the retired `service_goals` duty); returns (id, retired code) for
/// the backend test to store with raw SQL.
pub async fn retired_kinds_before(s: &dyn Store) -> Vec<(i64, &'static str)> {
    let mut out = vec![];
    for (name, code, _) in RETIRED_KINDS {
        out.push((org(s, OrgKind::Municipality, name).await.id, code));
    }
    let (county, _) = out[0];
    let sector = s.list_sectors(county).await.unwrap()[0].id;
    let owners = hyte_domain::cooperation::DutyOwners { lead: Some(sector), parts: vec![] };
    s.set_duty_owners(county, 0, "service_goals", &owners, Actor::SYSTEM).await.unwrap();
    out
}

/// After the reconnect: every organisation has its new kind and kept its sectors, and the county's
/// `service_goals` owner now owns `strategy`.
pub async fn retired_kinds_after(s: &dyn Store) {
    let orgs = s.list_organisations().await.unwrap();
    for (name, _, kind) in RETIRED_KINDS {
        let o = orgs.iter().find(|o| o.names.fi == name).unwrap();
        assert_eq!(o.kind, kind, "{name}");
        assert_eq!(s.list_sectors(o.id).await.unwrap().len(), OrgKind::Municipality.default_sectors().count());
    }
    let county = orgs.iter().find(|o| o.kind == OrgKind::WellbeingCounty).unwrap();
    let owners = s.duty_owners(county.id).await.unwrap();
    assert!(owners.contains_key("strategy") && !owners.contains_key("service_goals"));
}

/// The raw statement a backend test uses to store a retired kind code: `$1` code, `$2` id.
pub const SET_RAW_KIND: &str = "UPDATE organisations SET kind = $1 WHERE id = $2";

/// Runs `n` writers at once, each on its own connection (`join_all` polls them together, so their
/// transactions interleave on PostgreSQL; SQLite serialises them with `BEGIN IMMEDIATE`).
pub async fn race<'a, T, F, Fut>(n: usize, writer: F) -> Vec<Result<T>>
where
    F: Fn(usize) -> Fut,
    Fut: Future<Output = Result<T>> + 'a,
{
    futures_util::future::join_all((0..n).map(writer)).await
}

/// Writers that all started from the same version: exactly one wins, every other one gets
/// `edit_conflict` (never a database error, never a second winner that overwrote the first).
pub fn one_wins<T: std::fmt::Debug>(what: &str, results: &[Result<T>]) {
    let won = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(won, 1, "{what}: one writer wins: {results:?}");
    for lost in results.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(lost.code(), hyte_domain::ErrorCode::EditConflict, "{what}: the others conflict: {lost:?}");
    }
}

/// Deleters that all started from the same version: exactly one deletes, every other one gets
/// `edit_conflict` (it read the record before it was gone) or `not_found` (after).
pub fn one_deletes<T: std::fmt::Debug>(what: &str, results: &[Result<T>]) {
    let won = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(won, 1, "{what}: one deleter wins: {results:?}");
    for lost in results.iter().filter_map(|r| r.as_ref().err()) {
        let code = lost.code();
        assert!(
            matches!(code, hyte_domain::ErrorCode::EditConflict | hyte_domain::ErrorCode::NotFound),
            "{what}: {lost:?}"
        );
    }
}

/// Writers this many at once in the concurrency cases.
pub const WRITERS: usize = 8;
