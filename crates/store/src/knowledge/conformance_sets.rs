//! Conformance of indicator sets: versions with whole records, the owner's edits only, indicators
//! the owner may use only, edit conflicts, and the loader's national sets.
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::conformance::{indicator, national_and_own_indicators, org};
use crate::*;
use hyte_domain::knowledge::indicator_set::{IndicatorSet, SetInput, SetKind};
use hyte_domain::{ErrorCode, Names, OrgKind};

fn input(fi: &str, ids: &[i64]) -> SetInput {
    SetInput {
        names: Names::new(fi, Some(format!("{fi} (sv)")), Some(format!("{fi} (en)"))),
        source: Some("Hyvinvointialueen oma valinta".into()),
        source_url: Some("https://example.org/kori".into()),
        indicator_ids: ids.to_vec(),
    }
}

/// Everything of a written record but its time, which the store sets.
fn strip(s: &IndicatorSet) -> IndicatorSet {
    IndicatorSet { changed_at: chrono::DateTime::<chrono::Utc>::UNIX_EPOCH, ..s.clone() }
}

struct Fixture {
    county: i64,
    other: i64,
    user: i64,
    national: i64,
    mine: i64,
    theirs: i64,
}

async fn fixture(s: &dyn Store) -> Fixture {
    let county = org(s, OrgKind::WellbeingCounty, "Pohjois-Savon hyvinvointialue").await.id;
    let other = org(s, OrgKind::Municipality, "Jyväskylä").await.id;
    let (national, mine, theirs) = national_and_own_indicators(s, county, other).await;
    let new = NewUser {
        email: hyte_domain::Email::parse("koordinaattori@example.org").unwrap(),
        display_name: hyte_domain::DisplayName::parse("Kaisa Koordinaattori").unwrap(),
        password_hash: "x".into(),
    };
    let user =
        s.create_user(&new, Some((county, hyte_domain::Role::Coordinator, None)), Actor::SYSTEM).await.unwrap().id;
    Fixture { county, other, user, national, mine, theirs }
}

pub(super) async fn indicator_sets_keep_every_version(s: &dyn Store) {
    let f = fixture(s).await;
    let v1 = s.create_indicator_set(f.county, &input("Alueen kori", &[f.mine, f.national]), Actor::user(f.user)).await;
    let v1 = v1.unwrap();
    let expected = IndicatorSet {
        id: v1.id,
        org_id: Some(f.county),
        kind: SetKind::Own,
        version: 1,
        current: 1,
        input: input("Alueen kori", &[f.mine, f.national]),
        changed_by: Some(f.user),
        changed_by_name: Some("Kaisa Koordinaattori".into()),
        changed_at: v1.changed_at,
    };
    assert_eq!(v1, expected);
    assert_eq!(s.get_indicator_set(v1.id, None).await.unwrap(), Some(v1.clone()));
    let changed = input("Alueen kori 2026", &[f.national]);
    let v2 = s.update_indicator_set(f.county, v1.id, 1, &changed, Actor::SYSTEM).await.unwrap();
    let want =
        IndicatorSet { version: 2, current: 2, input: changed, changed_by: None, changed_by_name: None, ..v1.clone() };
    assert_eq!(strip(&v2), strip(&want));
    assert_eq!(s.get_indicator_set(v1.id, None).await.unwrap(), Some(v2.clone()));
    // Version 1 stays readable as it was written; it knows it is not the current one.
    let old = s.get_indicator_set(v1.id, Some(1)).await.unwrap().unwrap();
    assert_eq!(old, IndicatorSet { current: 2, ..v1.clone() });
    assert!(!old.is_current());
    assert!(s.get_indicator_set(v1.id, Some(3)).await.unwrap().is_none());
    let versions = s.indicator_set_versions(v1.id).await.unwrap();
    assert_eq!(versions, [v2.clone(), old]);
    assert_eq!(s.own_set(f.county).await.unwrap(), Some((v2.clone(), vec![f.national])));
    assert_eq!(s.own_set(f.other).await.unwrap(), None);
    let audit = s.audit_log(f.county, 20).await.unwrap();
    for action in ["indicator_set.create", "indicator_set.update"] {
        assert!(audit.iter().any(|e| e.action == action && e.entity_id == v1.id.to_string()), "{action} audited");
    }
}

pub(super) async fn indicator_sets_refuse_foreign_indicators_and_organisations(s: &dyn Store) {
    let f = fixture(s).await;
    let code = |r: Result<IndicatorSet>| r.unwrap_err().code();
    // Another organisation's own indicator, or one that does not exist.
    let a = Actor::SYSTEM;
    assert_eq!(code(s.create_indicator_set(f.county, &input("K", &[f.theirs]), a).await), ErrorCode::IndicatorInvalid);
    assert_eq!(code(s.create_indicator_set(f.county, &input("K", &[9_999_999]), a).await), ErrorCode::IndicatorInvalid);
    assert!(s.own_set(f.county).await.unwrap().is_none(), "a refused create writes nothing");
    let set = s.create_indicator_set(f.county, &input("K", &[f.national]), a).await.unwrap();
    // One own set per organisation.
    assert_eq!(code(s.create_indicator_set(f.county, &input("K2", &[f.national]), a).await), ErrorCode::EditConflict);
    // Another organisation cannot edit it; the owner cannot add a foreign indicator.
    assert_eq!(
        code(s.update_indicator_set(f.other, set.id, 1, &input("X", &[f.national]), a).await),
        ErrorCode::NotFound
    );
    assert_eq!(
        code(s.update_indicator_set(f.county, set.id, 1, &input("X", &[f.national, f.theirs]), a).await),
        ErrorCode::IndicatorInvalid
    );
    assert_eq!(s.get_indicator_set(set.id, None).await.unwrap(), Some(set.clone()), "nothing changed");

    // National sets: the loader's, idempotent, national indicators only, edited by no organisation.
    s.upsert_indicators(&[indicator("127", "Väkiluku", "Folkmängd", false)]).await.unwrap();
    let pop = s.indicator_ids("sotkanet", None).await.unwrap()["127"].0;
    let thl = SetInput {
        source_url: Some("https://thl.fi/".into()),
        ..input("THL:n kuntien vähimmäistiedot", &[f.national])
    };
    assert_eq!(
        s.put_national_set(SetKind::Municipal, &SetInput { indicator_ids: vec![f.mine], ..thl.clone() }, a)
            .await
            .unwrap_err()
            .code(),
        ErrorCode::IndicatorInvalid
    );
    assert_eq!(s.put_national_set(SetKind::Own, &thl, a).await.unwrap_err().code(), ErrorCode::InvalidInput);
    let n1 = s.put_national_set(SetKind::Municipal, &thl, a).await.unwrap();
    assert_eq!((n1.org_id, n1.kind, n1.version), (None, SetKind::Municipal, 1));
    assert_eq!(s.put_national_set(SetKind::Municipal, &thl, a).await.unwrap(), n1, "idempotent");
    let more = SetInput { indicator_ids: vec![f.national, pop], ..thl.clone() };
    let n2 = s.put_national_set(SetKind::Municipal, &more, a).await.unwrap();
    assert_eq!((n2.id, n2.version, n2.input.indicator_ids.clone()), (n1.id, 2, vec![f.national, pop]));
    assert_eq!(s.national_set(SetKind::Municipal).await.unwrap(), Some((n2.clone(), vec![f.national, pop])));
    assert_eq!(s.national_set(SetKind::County).await.unwrap(), None);
    assert_eq!(code(s.update_indicator_set(f.county, n1.id, 2, &thl, a).await), ErrorCode::NotFound);
    // The list: national sets first.
    let ids: Vec<i64> = s.list_indicator_sets().await.unwrap().into_iter().map(|x| x.id).collect();
    assert_eq!(ids, [n1.id, set.id]);
}

pub(super) async fn concurrent_indicator_set_edits_conflict(s: &dyn Store) {
    let f = fixture(s).await;
    let a = Actor::SYSTEM;
    let set = s.create_indicator_set(f.county, &input("K", &[f.national]), a).await.unwrap();
    let one = input("Yksi", &[f.national, f.mine]);
    let two = input("Kaksi", &[f.mine]);
    let (r1, r2) = futures_util::future::join(
        s.update_indicator_set(f.county, set.id, 1, &one, a),
        s.update_indicator_set(f.county, set.id, 1, &two, a),
    )
    .await;
    let (won, lost) = match (r1, r2) {
        (Ok(w), Err(e)) | (Err(e), Ok(w)) => (w, e),
        other => panic!("exactly one edit wins: {other:?}"),
    };
    assert_eq!(lost.code(), ErrorCode::EditConflict);
    assert_eq!(s.get_indicator_set(set.id, None).await.unwrap(), Some(won.clone()));
    assert_eq!(s.indicator_set_versions(set.id).await.unwrap().len(), 2);
    // A stale version after the fact is refused too.
    assert_eq!(s.update_indicator_set(f.county, set.id, 1, &one, a).await.unwrap_err().code(), ErrorCode::EditConflict);
}
