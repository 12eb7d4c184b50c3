//! The conformance suite: every backend must pass these, run with a fresh, migrated store.
//! Backends call [`conformance_tests!`] from an integration test with an async factory.

use crate::indicators::{ExternalRegion, IndicatorFilter, NewIndicator, ObservationQuery};
use crate::*;
use chrono::{Duration, Utc};
use hyte_domain::{DisplayName, Email, ErrorCode, Names, OrgKind, Role, SectorInput, Sex};

pub use crate::conformance_assessments::*;
pub use crate::conformance_cooperation::*;
pub use crate::conformance_partners::*;

/// Expands to one `#[tokio::test]` per conformance check. `$make` is an async fn returning
/// `Option<S>` where `S: Store`; `None` skips (e.g. no PostgreSQL URL configured).
#[macro_export]
macro_rules! conformance_tests {
    ($make:path; $($name:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $name() {
                let Some(store) = $make().await else { return };
                $crate::conformance::$name(&*store).await;
            }
        )*
    };
    ($make:path) => {
        $crate::conformance_tests!($make;
            areas_import_is_idempotent_and_queryable,
            organisations_get_default_sectors,
            sectors_are_versioned_and_audited,
            users_and_memberships_follow_the_rules,
            failed_user_creation_writes_nothing,
            sessions_expire_and_can_be_deleted,
            login_attempts_are_counted,
            audit_log_is_per_organisation,
            indicators_keep_user_edits_and_search_in_three_languages,
            observations_are_upserted_and_queried,
            bulk_import_is_all_or_nothing,
            import_jobs_are_recorded_and_audited,
            reports_follow_their_workflow_and_freeze_versions,
            plans_hold_priorities_goals_and_measures,
            assessment_defaults_rules_and_templates,
            decisions_are_assessed_decided_and_followed_up,
            assessments_are_locked_and_keep_their_template,
            responsibilities_and_duties_are_versioned,
            groups_meet_and_track_agreements,
            contact_pairs_staircase_and_timeline,
            organisations_shape_their_default_report_structure,
            partners_and_activities_are_versioned_and_audited,
            grants_are_applied_decided_and_reported,
            premises_are_offered_and_listed,
        );
    };
}

fn names(fi: &str, sv: &str, en: &str) -> Names {
    Names::new(fi, Some(sv.into()), Some(en.into()))
}

fn key(kind: &str, code: &str) -> (String, String) {
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

pub async fn areas_import_is_idempotent_and_queryable(s: &dyn Store) {
    assert!(s.is_empty().await.unwrap());
    let data = sample_areas();
    let first = s.import_areas(&data).await.unwrap();
    assert_eq!(first.areas, 5);
    // A second import updates in place: same counts, no duplicates.
    let mut renamed = data.clone();
    renamed.areas[3].names = names("Kuopio", "Kuopio", "Kuopio (en)");
    s.import_areas(&renamed).await.unwrap();
    assert!(!s.is_empty().await.unwrap());
    let all = s.list_areas(None).await.unwrap();
    assert_eq!(all.len(), 5);
    assert_eq!(all[0].kind.as_str(), "country", "ordered by kind sort order");
    let municipalities = s.list_areas(Some("municipality")).await.unwrap();
    assert_eq!(municipalities.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(), ["297", "749"]);
    let kuopio = s.get_area("municipality", "297").await.unwrap().unwrap();
    assert_eq!(kuopio.names.en.as_deref(), Some("Kuopio (en)"));
    assert_eq!(s.get_area_by_id(kuopio.id).await.unwrap().unwrap(), kuopio);
    assert!(s.get_area("municipality", "999").await.unwrap().is_none());

    let parents = s.area_parents(kuopio.id, 2024).await.unwrap();
    assert_eq!(parents.iter().map(|a| a.kind.as_str()).collect::<Vec<_>>(), ["wellbeing_county", "region"]);
    let county = &parents[0];
    let members = s.area_members(county.id, 2023).await.unwrap();
    assert_eq!(members.iter().map(|a| a.names.fi.as_str()).collect::<Vec<_>>(), ["Kuopio", "Siilinjärvi"]);
    assert!(s.area_members(county.id, 2019).await.unwrap().is_empty());
    assert_eq!(s.area_years(kuopio.id).await.unwrap(), [2024, 2023]);

    let pop = s.area_population(kuopio.id).await.unwrap();
    assert_eq!(pop.len(), 3);
    assert_eq!((pop[0].year, pop[0].population), (2022, 122_594));
    assert_eq!((pop[1].sex, pop[2].sex), (Sex::Total, Sex::Male));
    let kinds = s.area_kinds().await.unwrap();
    assert_eq!(kinds.len(), 4);

    // An import that names an unknown area is refused as a whole.
    let mut bad = sample_areas();
    bad.areas.push(NewArea {
        kind: "municipality".into(),
        code: "005".into(),
        names: names("Alajärvi", "Alajärvi", "Alajärvi"),
        first_year: None,
        last_year: None,
    });
    bad.memberships.push(NewMembership { child: key("municipality", "000"), parent: key("country", "FI"), year: 2024 });
    assert_eq!(s.import_areas(&bad).await.unwrap_err().code(), ErrorCode::InvalidInput);
    assert!(s.get_area("municipality", "005").await.unwrap().is_none(), "failed import wrote nothing");
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

pub(crate) async fn org(s: &dyn Store, kind: OrgKind, fi: &str) -> hyte_domain::Organisation {
    s.create_organisation(&NewOrganisation { kind, names: Names::new(fi, None, None), area_id: None }, Actor::SYSTEM)
        .await
        .unwrap()
}

fn new_user(email: &str) -> NewUser {
    NewUser {
        email: Email::parse(email).unwrap(),
        display_name: DisplayName::parse("Test Person").unwrap(),
        password_hash: "$argon2id$fake".into(),
    }
}

pub async fn organisations_get_default_sectors(s: &dyn Store) {
    s.import_areas(&sample_areas()).await.unwrap();
    let kuopio = s.get_area("municipality", "297").await.unwrap().unwrap();
    let o = s
        .create_organisation(
            &NewOrganisation {
                kind: OrgKind::Municipality,
                names: Names::new("Kuopion kaupunki", Some("Kuopio stad".into()), None),
                area_id: Some(kuopio.id),
            },
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    let ngo = org(s, OrgKind::Ngo, "Esimerkkiyhdistys ry").await;
    assert_eq!(s.get_organisation(o.id).await.unwrap().unwrap(), o);
    assert_eq!(s.list_organisations().await.unwrap().len(), 2);
    assert_eq!(s.organisation_count().await.unwrap(), 2);
    assert_eq!(s.organisations_for_area(kuopio.id).await.unwrap(), vec![o.clone()]);
    assert_eq!(s.list_sectors(o.id).await.unwrap().len(), hyte_domain::org::DEFAULT_SECTORS.len());
    assert!(s.list_sectors(ngo.id).await.unwrap().is_empty(), "partners start without sectors");
    assert!(s.get_organisation(9999).await.unwrap().is_none());
}

pub async fn sectors_are_versioned_and_audited(s: &dyn Store) {
    let o = org(s, OrgKind::Ngo, "Yhdistys").await;
    let other = org(s, OrgKind::Ngo, "Toinen").await;
    let admin =
        s.create_user(&new_user("admin@example.fi"), Some((o.id, Role::Admin, None)), Actor::SYSTEM).await.unwrap();
    let actor = Actor::user(admin.id);
    let input = SectorInput::parse("Liikunta", "Idrott", "").unwrap();
    let sec = s.create_sector(o.id, &input, actor).await.unwrap();
    assert_eq!(sec.version, 1);
    assert_eq!(
        s.create_sector(o.id, &SectorInput::parse("LIIKUNTA", "", "").unwrap(), actor).await.unwrap_err().code(),
        ErrorCode::NameTaken
    );
    // The same name is fine in another organisation.
    s.create_sector(other.id, &input, actor).await.unwrap();

    let renamed = SectorInput::parse("Liikunta ja ulkoilu", "Idrott och friluftsliv", "Sports").unwrap();
    let v2 = s.update_sector(o.id, sec.id, 1, &renamed, actor).await.unwrap();
    assert_eq!((v2.version, v2.names.fi.as_str()), (2, "Liikunta ja ulkoilu"));
    // A second editor still holding version 1 is told, not silently overwritten.
    let stale = SectorInput::parse("Urheilu", "", "").unwrap();
    assert_eq!(s.update_sector(o.id, sec.id, 1, &stale, actor).await.unwrap_err().code(), ErrorCode::EditConflict);
    assert_eq!(s.get_sector(o.id, sec.id).await.unwrap().unwrap().names.fi, "Liikunta ja ulkoilu");
    // A sector is only reachable through its own organisation.
    assert_eq!(s.update_sector(other.id, sec.id, 2, &stale, actor).await.unwrap_err().code(), ErrorCode::NotFound);
    assert!(s.get_sector(other.id, sec.id).await.unwrap().is_none());

    // In use by a membership: cannot be deleted.
    let editor =
        s.create_user(&new_user("editor@example.fi"), Some((o.id, Role::Editor, Some(sec.id))), actor).await.unwrap();
    assert_eq!(s.delete_sector(o.id, sec.id, 2, actor).await.unwrap_err().code(), ErrorCode::SectorInUse);
    let m = s.org_members(o.id).await.unwrap().into_iter().find(|m| m.user.id == editor.id).unwrap().membership;
    s.update_membership(o.id, editor.id, m.version, Role::Editor, None, actor).await.unwrap();
    assert_eq!(s.delete_sector(o.id, sec.id, 1, actor).await.unwrap_err().code(), ErrorCode::EditConflict);
    s.delete_sector(o.id, sec.id, 2, actor).await.unwrap();
    assert!(s.get_sector(o.id, sec.id).await.unwrap().is_none());

    let log = s.audit_log(o.id, 100).await.unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions[0], "sector.delete");
    assert!(actions.contains(&"sector.update") && actions.contains(&"sector.create"));
    let update = log.iter().find(|e| e.action == "sector.update").unwrap();
    assert!(update.before.as_deref().unwrap().contains("\"Liikunta\""));
    assert!(update.after.as_deref().unwrap().contains("Liikunta ja ulkoilu"));
    assert_eq!(update.actor_email.as_deref(), Some("admin@example.fi"));
    assert!(log.iter().find(|e| e.action == "sector.delete").unwrap().after.is_none());
}

pub async fn users_and_memberships_follow_the_rules(s: &dyn Store) {
    let a = org(s, OrgKind::Municipality, "Kuopio").await;
    let b = org(s, OrgKind::Municipality, "Oulu").await;
    let b_sector = s.list_sectors(b.id).await.unwrap()[0].id;
    let admin =
        s.create_user(&new_user("Admin@Kuopio.fi"), Some((a.id, Role::Admin, None)), Actor::SYSTEM).await.unwrap();
    assert_eq!(admin.email.as_str(), "admin@kuopio.fi");
    assert_eq!(
        s.create_user(&new_user("ADMIN@kuopio.fi"), None, Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::EmailTaken
    );
    let (found, hash) = s.find_login(" admin@KUOPIO.fi").await.unwrap().unwrap();
    assert_eq!((found.id, hash.as_str()), (admin.id, "$argon2id$fake"));
    assert!(s.find_login("nobody@kuopio.fi").await.unwrap().is_none());
    assert_eq!(s.get_user(admin.id).await.unwrap().unwrap(), admin);

    let actor = Actor::user(admin.id);
    let u = s.create_user(&new_user("viewer@kuopio.fi"), None, actor).await.unwrap();
    // A sector of another organisation is refused.
    assert_eq!(
        s.add_membership(u.id, a.id, Role::Editor, Some(b_sector), actor).await.unwrap_err().code(),
        ErrorCode::SectorInvalid
    );
    let m = s.add_membership(u.id, a.id, Role::Viewer, None, actor).await.unwrap();
    assert_eq!(
        s.add_membership(u.id, a.id, Role::Editor, None, actor).await.unwrap_err().code(),
        ErrorCode::AlreadyMember
    );
    s.add_membership(u.id, b.id, Role::Coordinator, Some(b_sector), actor).await.unwrap();
    let mine = s.user_memberships(u.id).await.unwrap();
    assert_eq!(
        mine.iter().map(|(m, o)| (o.names.fi.as_str(), m.role)).collect::<Vec<_>>(),
        [("Kuopio", Role::Viewer), ("Oulu", Role::Coordinator)]
    );

    let m2 = s.update_membership(a.id, u.id, m.version, Role::Admin, None, actor).await.unwrap();
    assert_eq!((m2.role, m2.version), (Role::Admin, 2));
    assert_eq!(
        s.update_membership(a.id, u.id, 1, Role::Viewer, None, actor).await.unwrap_err().code(),
        ErrorCode::EditConflict
    );
    // Two admins: one may step down; then the last one may not.
    let am = s.org_members(a.id).await.unwrap().into_iter().find(|m| m.user.id == admin.id).unwrap().membership;
    s.remove_membership(a.id, admin.id, am.version, actor).await.unwrap();
    assert_eq!(
        s.update_membership(a.id, u.id, 2, Role::Viewer, None, actor).await.unwrap_err().code(),
        ErrorCode::LastAdmin
    );
    assert_eq!(s.remove_membership(a.id, u.id, 2, actor).await.unwrap_err().code(), ErrorCode::LastAdmin);
    assert_eq!(s.org_members(a.id).await.unwrap().len(), 1);
    assert_eq!(s.remove_membership(a.id, 4242, 1, actor).await.unwrap_err().code(), ErrorCode::NotFound);
}

pub async fn failed_user_creation_writes_nothing(s: &dyn Store) {
    let err =
        s.create_user(&new_user("ghost@example.fi"), Some((777, Role::Admin, None)), Actor::SYSTEM).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert!(s.find_login("ghost@example.fi").await.unwrap().is_none(), "the user insert was rolled back");
}

pub async fn sessions_expire_and_can_be_deleted(s: &dyn Store) {
    let u = s.create_user(&new_user("s@example.fi"), None, Actor::SYSTEM).await.unwrap();
    let now = Utc::now();
    s.create_session("live", u.id, now, now + Duration::hours(8)).await.unwrap();
    s.create_session("old", u.id, now - Duration::hours(9), now - Duration::hours(1)).await.unwrap();
    assert_eq!(s.session_user("live", now).await.unwrap().unwrap().id, u.id);
    assert!(s.session_user("old", now).await.unwrap().is_none());
    assert!(s.session_user("live", now + Duration::hours(9)).await.unwrap().is_none());
    assert_eq!(s.delete_expired_sessions(now).await.unwrap(), 1);
    s.delete_session("live").await.unwrap();
    assert!(s.session_user("live", now).await.unwrap().is_none());
}

pub async fn login_attempts_are_counted(s: &dyn Store) {
    let now = Utc::now();
    for i in 0..3 {
        s.record_login_attempt("a@example.fi", "10.0.0.1", false, now - Duration::minutes(i)).await.unwrap();
    }
    s.record_login_attempt("a@example.fi", "10.0.0.1", true, now).await.unwrap();
    s.record_login_attempt("b@example.fi", "10.0.0.1", false, now).await.unwrap();
    s.record_login_attempt("a@example.fi", "10.0.0.2", false, now - Duration::hours(2)).await.unwrap();
    let since = now - Duration::minutes(15);
    assert_eq!(s.failed_logins_since("a@example.fi", "10.0.0.1", since).await.unwrap(), (3, 4));
    assert_eq!(s.failed_logins_since("c@example.fi", "10.0.0.2", since).await.unwrap(), (0, 0));
}

pub async fn audit_log_is_per_organisation(s: &dyn Store) {
    let a = org(s, OrgKind::Ngo, "A").await;
    let b = org(s, OrgKind::Ngo, "B").await;
    s.create_sector(a.id, &SectorInput::parse("Vapaaehtoiset", "", "").unwrap(), Actor::SYSTEM).await.unwrap();
    let a_log = s.audit_log(a.id, 10).await.unwrap();
    let b_log = s.audit_log(b.id, 10).await.unwrap();
    assert_eq!(a_log.len(), 2, "organisation.create and sector.create");
    assert_eq!(b_log.len(), 1);
    assert!(a_log.iter().all(|e| e.org_id == Some(a.id)));
    assert_eq!(s.audit_log(a.id, 1).await.unwrap().len(), 1, "limit applies");
}

pub(crate) fn indicator(id: &str, fi: &str, sv: &str, complete: bool) -> NewIndicator {
    NewIndicator {
        source: "sotkanet".into(),
        source_id: id.into(),
        org_id: None,
        title: Names::new(fi, Some(sv.into()), Some(format!("{fi} (en)"))),
        texts: hyte_domain::IndicatorTexts::default(),
        value_type: hyte_domain::ValueType::Percent,
        decimals: 1,
        polarity: hyte_domain::stats::Polarity::NoDirection,
        producer: Some("THL".into()),
        attribution: "Lähde: THL, Sotkanet.fi".into(),
        themes: vec![],
        data_updated: None,
        complete,
    }
}

pub async fn indicators_keep_user_edits_and_search_in_three_languages(s: &dyn Store) {
    use hyte_domain::stats::Polarity;
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let other = org(s, OrgKind::Municipality, "Oulu").await;
    s.upsert_indicators(&[
        indicator("4404", "Päivittäin tupakoivat, %", "Dagligrökare, %", false),
        indicator("5527", "Liian vähän liikkuvat, %", "För lite motion, %", false),
    ])
    .await
    .unwrap();
    let ids = s.indicator_ids("sotkanet", None).await.unwrap();
    let (smoking, _) = ids["4404"];
    // A user sets the direction; a later metadata import keeps it but adds the texts.
    let i = s.get_indicator(smoking).await.unwrap().unwrap();
    let edited = s.set_polarity(smoking, i.version, Polarity::LowerIsBetter, Actor::SYSTEM, o.id).await.unwrap();
    assert_eq!(edited.version, i.version + 1);
    assert_eq!(
        s.set_polarity(smoking, i.version, Polarity::HigherIsBetter, Actor::SYSTEM, o.id).await.unwrap_err().code(),
        ErrorCode::EditConflict
    );
    let mut meta = indicator("4404", "Päivittäin tupakoivat, %", "Dagligrökare, %", true);
    meta.texts.description = Some(Names::new("Kuvaus", None, None));
    meta.themes = vec!["tupakointi".into(), "elintavat".into()];
    meta.decimals = 2;
    s.upsert_indicators(&[meta]).await.unwrap();
    // A catalogue entry does not wipe the metadata.
    s.upsert_indicators(&[indicator("4404", "Päivittäin tupakoivat, % (uusi)", "Dagligrökare, %", false)])
        .await
        .unwrap();
    let i = s.get_indicator(smoking).await.unwrap().unwrap();
    assert_eq!(i.polarity, Polarity::LowerIsBetter);
    assert_eq!(i.title.fi, "Päivittäin tupakoivat, % (uusi)");
    assert_eq!((i.decimals, i.texts.description.unwrap().fi.as_str()), (2, "Kuvaus"));
    assert_eq!(i.themes, vec!["tupakointi".to_string(), "elintavat".to_string()]);
    assert!(s.audit_log(o.id, 10).await.unwrap().iter().any(|e| e.action == "indicator.update"));

    let find = |q: &str| IndicatorFilter { q: q.into(), limit: 50, ..Default::default() };
    assert_eq!(s.list_indicators(&find("dagligrökare")).await.unwrap().1, 1, "Swedish");
    assert_eq!(s.list_indicators(&find("TUPAKOIVAT")).await.unwrap().1, 1, "Finnish, any case");
    assert_eq!(s.list_indicators(&find("(en)")).await.unwrap().1, 2, "English");
    assert_eq!(s.list_indicators(&find("5527")).await.unwrap().0[0].source_id, "5527", "by id");
    let by_theme = IndicatorFilter { theme: Some("elintavat".into()), limit: 50, ..Default::default() };
    assert_eq!(s.list_indicators(&by_theme).await.unwrap().1, 1);
    assert_eq!(s.indicator_themes().await.unwrap().len(), 2);

    // Own indicators are visible to their organisation only.
    let mut own = indicator("kysely-1", "Oma kysely", "Egen enkät", true);
    own.source = "own".into();
    own.org_id = Some(o.id);
    s.upsert_indicators(&[own.clone()]).await.unwrap();
    let mut theirs = own.clone();
    theirs.org_id = Some(other.id);
    s.upsert_indicators(&[theirs]).await.unwrap();
    assert_eq!(
        s.list_indicators(&IndicatorFilter { limit: 50, ..Default::default() }).await.unwrap().1,
        2,
        "public sees national only"
    );
    let mine =
        IndicatorFilter { visible_orgs: vec![o.id], source: Some("own".into()), limit: 50, ..Default::default() };
    let (list, n) = s.list_indicators(&mine).await.unwrap();
    assert_eq!((n, list[0].org_id), (1, Some(o.id)));
    assert_eq!(s.indicator_ids("own", Some(o.id)).await.unwrap().len(), 1);
}

pub async fn observations_are_upserted_and_queried(s: &dyn Store) {
    use hyte_domain::Observation;
    s.import_areas(&sample_areas()).await.unwrap();
    let kuopio = s.get_area("municipality", "297").await.unwrap().unwrap().id;
    let siilinjarvi = s.get_area("municipality", "749").await.unwrap().unwrap().id;
    let mapped = s
        .upsert_area_codes(
            "sotkanet",
            &[
                ExternalRegion {
                    external_id: "298".into(),
                    category: "KUNTA".into(),
                    area: Some(("municipality".into(), "297".into())),
                },
                ExternalRegion { external_id: "700".into(), category: "SEUTUKUNTA".into(), area: None },
                ExternalRegion {
                    external_id: "999".into(),
                    category: "KUNTA".into(),
                    area: Some(("municipality".into(), "000".into())),
                },
            ],
        )
        .await
        .unwrap();
    assert_eq!(mapped, 1);
    let codes = s.area_codes("sotkanet").await.unwrap();
    assert_eq!(codes["298"], ("KUNTA".to_string(), Some(kuopio)));
    assert_eq!(codes["700"], ("SEUTUKUNTA".to_string(), None));

    s.upsert_indicators(&[indicator("5", "Toimeentulotuki, %", "Utkomststöd, %", true)]).await.unwrap();
    let (ind, _) = s.indicator_ids("sotkanet", None).await.unwrap()["5"];
    let o = |area_id, year, sex, value: f64| Observation {
        indicator_id: ind,
        area_id,
        year,
        sex,
        age_band: String::new(),
        value: Some(value),
        numerator: Some(value * 10.0),
        denominator: Some(1000.0),
        suppressed: false,
    };
    let rows = vec![
        o(kuopio, 2019, Sex::Total, 6.5),
        o(kuopio, 2020, Sex::Total, 6.0),
        o(kuopio, 2020, Sex::Female, 5.5),
        o(siilinjarvi, 2020, Sex::Total, 4.0),
    ];
    assert_eq!(s.import_observations(&rows).await.unwrap(), 4);
    // Re-import updates, never duplicates.
    s.import_observations(&[o(kuopio, 2020, Sex::Total, 6.1)]).await.unwrap();
    assert_eq!(s.observation_count().await.unwrap(), 4);
    let q = ObservationQuery { indicator_ids: vec![ind], area_ids: vec![kuopio], ..Default::default() };
    let got = s.observations(&q).await.unwrap();
    assert_eq!(got.len(), 3);
    assert_eq!(got.iter().find(|x| x.year == 2020 && x.sex == Sex::Total).unwrap().value, Some(6.1));
    let q = ObservationQuery {
        indicator_ids: vec![ind],
        years: Some((2020, 2020)),
        sex: Some(Sex::Total),
        ..Default::default()
    };
    assert_eq!(s.observations(&q).await.unwrap().len(), 2);
    assert_eq!(s.indicators_for_area(siilinjarvi).await.unwrap(), vec![ind]);
    // A row for an unknown area fails the whole batch.
    let bad = vec![o(kuopio, 2021, Sex::Total, 1.0), o(999_999, 2021, Sex::Total, 1.0)];
    assert!(s.import_observations(&bad).await.is_err());
    assert_eq!(s.observation_count().await.unwrap(), 4, "nothing of the failed batch was written");
}

pub async fn bulk_import_is_all_or_nothing(s: &dyn Store) {
    use hyte_domain::Observation;
    s.import_areas(&sample_areas()).await.unwrap();
    let kuopio = s.get_area("municipality", "297").await.unwrap().unwrap().id;
    s.upsert_indicators(&[indicator("5", "Toimeentulotuki, %", "Utkomststöd, %", true)]).await.unwrap();
    let (ind, _) = s.indicator_ids("sotkanet", None).await.unwrap()["5"];
    let o = |area_id, year: i32, age: &str| Observation {
        indicator_id: ind,
        area_id,
        year,
        sex: Sex::Female,
        age_band: age.into(),
        value: Some(year as f64),
        numerator: None,
        denominator: Some(100.0),
        suppressed: year % 2 == 0,
    };
    let mut batches = vec![vec![o(kuopio, 2001, ""), o(kuopio, 2002, "0-17")], vec![o(999_999, 2003, "")]].into_iter();
    assert!(s.import_observation_batches(&mut || batches.next()).await.is_err());
    assert_eq!(s.observation_count().await.unwrap(), 0, "the first batch was rolled back");
    let mut batches = (0..3).map(|b| (0..50).map(|i| o(kuopio, 1900 + b * 50 + i, "tab\\t")).collect::<Vec<_>>());
    let v0 = s.data_version().await.unwrap();
    assert_eq!(s.import_observation_batches(&mut || batches.next()).await.unwrap(), 150);
    assert!(s.data_version().await.unwrap() > v0, "every write of observations bumps the version");
    // Again: updates, no duplicates.
    let mut batches = (0..3).map(|b| (0..50).map(|i| o(kuopio, 1900 + b * 50 + i, "tab\\t")).collect::<Vec<_>>());
    s.import_observation_batches(&mut || batches.next()).await.unwrap();
    let got = s.observations(&ObservationQuery { indicator_ids: vec![ind], ..Default::default() }).await.unwrap();
    assert_eq!(got.len(), 150);
    assert!(got.iter().all(|g| g.age_band == "tab\\t" && g.numerator.is_none() && g.suppressed == (g.year % 2 == 0)));
}

pub async fn import_jobs_are_recorded_and_audited(s: &dyn Store) {
    use hyte_domain::JobState;
    let a = org(s, OrgKind::Municipality, "Kuopio").await;
    let b = org(s, OrgKind::Municipality, "Oulu").await;
    let first = s.start_import_job(a.id, "data.csv", "sotkanet", Actor::SYSTEM).await.unwrap();
    let second = s.start_import_job(a.id, "kysely.xlsx", "own", Actor::SYSTEM).await.unwrap();
    s.start_import_job(b.id, "other.csv", "sotkanet", Actor::SYSTEM).await.unwrap();
    assert_eq!((first.state, first.written, first.finished_at), (JobState::Running, 0, None));
    let done = s.finish_import_job(first.id, JobState::Done, 1234, r#"{"written":1234}"#, Actor::SYSTEM).await.unwrap();
    assert_eq!((done.state, done.written), (JobState::Done, 1234));
    assert!(done.finished_at.unwrap() >= done.started_at);
    let again = s.finish_import_job(first.id, JobState::Failed, 0, "{}", Actor::SYSTEM).await;
    assert_eq!(again.unwrap_err().code(), ErrorCode::EditConflict, "a finished job stays finished");
    s.finish_import_job(second.id, JobState::Failed, 0, r#"{"line":3}"#, Actor::SYSTEM).await.unwrap();
    let listed = s.list_import_jobs(a.id, 10).await.unwrap();
    assert_eq!(listed.iter().map(|j| j.id).collect::<Vec<_>>(), vec![second.id, first.id], "newest first, own only");
    assert_eq!(s.get_import_job(second.id).await.unwrap().unwrap().summary.as_deref(), Some(r#"{"line":3}"#));
    let log = s.audit_log(a.id, 10).await.unwrap();
    assert!(log.iter().any(|e| e.action == "import.done" && e.after.as_deref().unwrap().contains("1234")));
    assert!(log.iter().any(|e| e.action == "import.failed" && e.entity_id == second.id.to_string()));
}

pub async fn reports_follow_their_workflow_and_freeze_versions(s: &dyn Store) {
    use hyte_domain::report::{Approval, NewReport, ReportState, SectionEdit, DEFAULT_SECTIONS};
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let new = NewReport::parse("term", "2025–2029", "", &["fi", "sv"], "Hyvinvointikertomus 2025–2029", None).unwrap();
    let r = s.create_report(o.id, &new, Actor::SYSTEM).await.unwrap();
    assert_eq!((r.state, r.content_version, r.year, r.languages.len()), (ReportState::Draft, 1, None, 2));
    let again = s.create_report(o.id, &new, Actor::SYSTEM).await;
    assert_eq!(again.unwrap_err().code(), ErrorCode::NameTaken, "one term report per term");
    let annual = NewReport::parse("annual", "2025–2029", "2026", &["fi"], "Vuosiraportti 2026", Some(r.id)).unwrap();
    let a = s.create_report(o.id, &annual, Actor::SYSTEM).await.unwrap();
    assert_eq!((a.year, a.based_on), (Some(2026), Some(r.id)));
    assert_eq!(s.list_reports(o.id).await.unwrap().len(), 2);

    let sections = s.report_sections(r.id).await.unwrap();
    assert_eq!(sections.len(), DEFAULT_SECTIONS.len());
    assert_eq!(sections[0].title.sv.as_deref(), Some("Sammanfattning"));
    let edit =
        SectionEdit::parse(("Tiivistelmä", "Sammanfattning", ""), "Kuopiolaisten hyvinvointi.", "", "5, 127").unwrap();
    let first = &sections[0];
    let saved = s.update_section(r.id, first.id, first.version, &edit, Actor::SYSTEM).await.unwrap();
    assert_eq!((saved.body_fi.as_str(), saved.indicator_ids.clone()), ("Kuopiolaisten hyvinvointi.", vec![5, 127]));
    let stale = s.update_section(r.id, first.id, first.version, &edit, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);

    // Organisations shape the structure: a section of their own, and one removed.
    let extra = s
        .add_section(
            r.id,
            &Names::new("Lapsivaikutukset", None, None),
            hyte_domain::report::SectionKind::Narrative,
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    assert_eq!((extra.key.as_str(), extra.position as usize), ("custom", DEFAULT_SECTIONS.len() + 1));
    let annexes = s.report_sections(r.id).await.unwrap().into_iter().find(|x| x.key == "annexes").unwrap();
    let stale = s.delete_section(r.id, annexes.id, annexes.version + 1, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    s.delete_section(r.id, annexes.id, annexes.version, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.report_sections(r.id).await.unwrap().len(), DEFAULT_SECTIONS.len(), "one added, one removed");

    // Draft → review → approved (frozen) → published; no shortcuts.
    let bad = s.set_report_state(r.id, r.version, ReportState::Published, None, Actor::SYSTEM).await;
    assert_eq!(bad.unwrap_err().code(), ErrorCode::StateTransitionInvalid);
    let r = s.set_report_state(r.id, r.version, ReportState::InReview, None, Actor::SYSTEM).await.unwrap();
    let c = s.add_comment(r.id, saved.id, "Lisätkää lasten näkökulma.", Actor::SYSTEM).await.unwrap();
    assert_eq!((c.body.as_str(), c.resolved, c.author.clone()), ("Lisätkää lasten näkökulma.", false, None));
    assert_eq!(s.add_comment(r.id, 999_999, "x", Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::NotFound);
    assert!(s.resolve_comment(r.id, c.id, Actor::SYSTEM).await.unwrap().resolved);
    let no_approval = s.set_report_state(r.id, r.version, ReportState::Approved, None, Actor::SYSTEM).await;
    assert_eq!(no_approval.unwrap_err().code(), ErrorCode::InvalidInput);
    let approval = Approval::parse("Kaupunginvaltuusto", "15.6.2026", "KV 15.6.2026 § 45").unwrap();
    let r = s.set_report_state(r.id, r.version, ReportState::Approved, Some(&approval), Actor::SYSTEM).await.unwrap();
    assert_eq!(r.approval.as_ref(), Some(&approval));
    let locked = s.update_section(r.id, saved.id, saved.version, &edit, Actor::SYSTEM).await;
    assert_eq!(locked.unwrap_err().code(), ErrorCode::ReportLocked, "nobody edits an approved version");
    let r = s.set_report_state(r.id, r.version, ReportState::Published, None, Actor::SYSTEM).await.unwrap();
    assert_eq!(r.published_version, Some(1));
    assert_eq!(s.published_reports().await.unwrap().iter().map(|p| p.id).collect::<Vec<_>>(), vec![r.id]);

    // A later edit starts version 2; version 1 stays frozen and public.
    let r = s.start_new_version(r.id, r.version, Actor::SYSTEM).await.unwrap();
    assert_eq!(
        (r.state, r.content_version, r.published_version, r.approval.clone()),
        (ReportState::Draft, 2, Some(1), None)
    );
    let changed = SectionEdit::parse(("Tiivistelmä", "", ""), "Uusi teksti.", "", "").unwrap();
    s.update_section(r.id, saved.id, saved.version, &changed, Actor::SYSTEM).await.unwrap();
    let versions = s.report_versions(r.id).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].content.sections[0].body_fi, "Kuopiolaisten hyvinvointi.", "frozen at approval");
    assert_eq!(versions[0].approval.decision_ref, "KV 15.6.2026 § 45");
    let comments = s.report_comments(r.id).await.unwrap();
    assert_eq!(comments.len(), 1, "the comment from the review");
    assert!(comments[0].resolved);
    let locked = s.add_comment(r.id, saved.id, "Myöhässä", Actor::SYSTEM).await;
    assert!(locked.is_ok(), "version 2 is a draft again: comments are open");
    let log = s.audit_log(o.id, 50).await.unwrap();
    assert!(log.iter().any(|e| e.action == "report.section_update"));
    assert_eq!(log.iter().filter(|e| e.action == "report.state").count(), 4);
}

pub async fn plans_hold_priorities_goals_and_measures(s: &dyn Store) {
    use hyte_domain::report::{
        Approval, GoalForm, MeasureFollowUp, MeasureForm, MeasureStatus, NewReport, PriorityInput, ReportState,
    };
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let other = org(s, OrgKind::Municipality, "Oulu").await;
    s.upsert_indicators(&[indicator("4404", "Päivittäin tupakoivat, %", "Dagligrökare, %", false)]).await.unwrap();
    let ind = s.indicator_ids("sotkanet", None).await.unwrap()["4404"].0;
    let new = NewReport::parse("term", "2025–2029", "", &["fi"], "Hyvinvointikertomus", None).unwrap();
    let r = s.create_report(o.id, &new, Actor::SYSTEM).await.unwrap();
    let p = s.add_priority(r.id, &PriorityInput::parse("Terveet elintavat", "").unwrap(), Actor::SYSTEM).await.unwrap();
    assert_eq!(p.position, 1);
    let goal = GoalForm {
        priority_id: p.id.to_string(),
        title: "Tupakointi vähenee".into(),
        indicator_id: ind.to_string(),
        baseline_year: "2024".into(),
        baseline_value: "12,0".into(),
        target_year: "2029".into(),
        target_value: "8".into(),
    };
    let g = s.add_goal(r.id, &goal.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let sector = s.list_sectors(o.id).await.unwrap()[1].clone();
    let form = MeasureForm {
        title: "Savuton koulu".into(),
        sector_id: sector.id.to_string(),
        euros: "5000".into(),
        ..Default::default()
    };
    let m = s.add_measure(r.id, &form.parse().unwrap(), &[g.id], Actor::SYSTEM).await.unwrap();
    assert_eq!(
        (m.goal_ids.clone(), m.input.sector_id, m.input.status),
        (vec![g.id], Some(sector.id), MeasureStatus::Planned)
    );
    let foreign = s.list_sectors(other.id).await.unwrap()[0].clone();
    let bad = MeasureForm { title: "x".into(), sector_id: foreign.id.to_string(), ..Default::default() };
    let e = s.add_measure(r.id, &bad.parse().unwrap(), &[], Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::SectorInvalid, "another organisation's sector");
    let plan = s.plan(r.id).await.unwrap();
    assert_eq!((plan.priorities.len(), plan.goals.len(), plan.measures.len()), (1, 1, 1));
    assert_eq!(plan.goals[0].targets[0].baseline, (2024, 12.0));

    // Plan items are edited and removed while the report is editable, versioned and audited.
    s.upsert_indicators(&[indicator("4405", "Nuuskaavat, %", "Snusare, %", false)]).await.unwrap();
    let ind2 = s.indicator_ids("sotkanet", None).await.unwrap()["4405"].0;
    let p = s
        .update_priority(
            r.id,
            p.id,
            p.version,
            &PriorityInput::parse("Savuttomuus", "Koko kunta").unwrap(),
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    assert_eq!((p.title.as_str(), p.version), ("Savuttomuus", 2));
    let stale = s.update_priority(r.id, p.id, 1, &PriorityInput::parse("x", "").unwrap(), Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let row = |i: i64, by: &str, bv: &str, ty: &str, tv: &str| hyte_domain::report::TargetForm {
        indicator_id: i.to_string(),
        baseline_year: by.into(),
        baseline_value: bv.into(),
        target_year: ty.into(),
        target_value: tv.into(),
    };
    let two = hyte_domain::report::GoalInput::parse(
        &p.id.to_string(),
        "Tupakointi ja nuuskaaminen vähenevät",
        &[row(ind, "2024", "12", "2029", "8"), row(ind2, "2023", "5,5", "2029", "3")],
    )
    .unwrap();
    let g2 = s.update_goal(r.id, g.id, g.version, &two, Actor::SYSTEM).await.unwrap();
    assert_eq!((g2.targets.len(), g2.version, g2.targets[1].baseline), (2, 2, (2023, 5.5)), "several targets");
    let stale = s.update_goal(r.id, g.id, g.version, &two, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let one = hyte_domain::report::GoalInput::parse(
        &p.id.to_string(),
        "Nuuskaaminen vähenee",
        &[row(ind2, "2023", "5,5", "2029", "3")],
    )
    .unwrap();
    let g2 = s.update_goal(r.id, g.id, g2.version, &one, Actor::SYSTEM).await.unwrap();
    assert_eq!(g2.targets.iter().map(|t| t.indicator_id).collect::<Vec<_>>(), vec![ind2], "a target removed");
    let edited =
        MeasureForm { title: "Savuton koulu ja kerho".into(), status: "in_progress".into(), ..Default::default() };
    let m = s.update_measure(r.id, m.id, m.version, &edited.parse().unwrap(), &[], Actor::SYSTEM).await.unwrap();
    assert_eq!((m.input.title.as_str(), m.input.sector_id, m.goal_ids.len()), ("Savuton koulu ja kerho", None, 0));
    let m = s.update_measure(r.id, m.id, m.version, &form.parse().unwrap(), &[g.id], Actor::SYSTEM).await.unwrap();
    let bad = s.update_measure(r.id, m.id, m.version, &bad.parse().unwrap(), &[], Actor::SYSTEM).await;
    assert_eq!(bad.unwrap_err().code(), ErrorCode::SectorInvalid);
    // Removing: a measure, and a priority with its goals.
    let p2 = s.add_priority(r.id, &PriorityInput::parse("Poistuva", "").unwrap(), Actor::SYSTEM).await.unwrap();
    let gone = GoalForm { priority_id: p2.id.to_string(), title: "Poistuva tavoite".into(), ..Default::default() };
    let gone = s.add_goal(r.id, &gone.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let m3 = s.add_measure(r.id, &form.parse().unwrap(), &[gone.id, g.id], Actor::SYSTEM).await.unwrap();
    let stale = s.delete_priority(r.id, p2.id, p2.version + 1, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    s.delete_priority(r.id, p2.id, p2.version, Actor::SYSTEM).await.unwrap();
    let plan = s.plan(r.id).await.unwrap();
    assert_eq!((plan.priorities.len(), plan.goals.len()), (1, 1), "the priority's goals went with it");
    assert_eq!(plan.measures.iter().find(|x| x.id == m3.id).unwrap().goal_ids, vec![g.id]);
    assert_eq!(
        s.delete_measure(r.id, m3.id, m3.version + 1, Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::EditConflict
    );
    s.delete_measure(r.id, m3.id, m3.version, Actor::SYSTEM).await.unwrap();
    let extra = GoalForm { priority_id: p.id.to_string(), title: "Toinen".into(), ..Default::default() };
    let extra = s.add_goal(r.id, &extra.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    s.delete_goal(r.id, extra.id, extra.version, Actor::SYSTEM).await.unwrap();
    assert_eq!(
        s.delete_goal(r.id, extra.id, extra.version, Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::NotFound
    );
    let plan = s.plan(r.id).await.unwrap();
    assert_eq!((plan.priorities.len(), plan.goals.len(), plan.measures.len()), (1, 1, 1));
    let g = plan.goals[0].clone();
    let m = plan.measures[0].clone();
    let p = plan.priorities[0].clone();

    // Approval freezes the plan with the text; follow-up continues afterwards.
    let r = s.set_report_state(r.id, r.version, ReportState::InReview, None, Actor::SYSTEM).await.unwrap();
    let a = Approval::parse("Valtuusto", "1.6.2026", "§ 1").unwrap();
    s.set_report_state(r.id, r.version, ReportState::Approved, Some(&a), Actor::SYSTEM).await.unwrap();
    let locked = s.add_priority(r.id, &PriorityInput::parse("Myöhässä", "").unwrap(), Actor::SYSTEM).await;
    assert_eq!(locked.unwrap_err().code(), ErrorCode::ReportLocked);
    let locked = s.update_priority(r.id, p.id, p.version, &PriorityInput::parse("x", "").unwrap(), Actor::SYSTEM).await;
    assert_eq!(locked.unwrap_err().code(), ErrorCode::ReportLocked, "an approved plan is frozen");
    assert_eq!(s.delete_goal(r.id, g.id, g.version, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::ReportLocked);
    let locked = s.update_measure(r.id, m.id, m.version, &form.parse().unwrap(), &[], Actor::SYSTEM).await;
    assert_eq!(locked.unwrap_err().code(), ErrorCode::ReportLocked);
    assert_eq!(
        s.delete_measure(r.id, m.id, m.version, Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::ReportLocked
    );
    let f = MeasureFollowUp::parse("in_progress", "Aloitettu kolmessa koulussa").unwrap();
    let m2 = s.follow_up_measure(r.id, m.id, m.version, &f, Actor::SYSTEM).await.unwrap();
    assert_eq!(
        (m2.input.status, m2.comment.as_deref()),
        (MeasureStatus::InProgress, Some("Aloitettu kolmessa koulussa"))
    );
    let stale = s.follow_up_measure(r.id, m.id, m.version, &f, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let frozen = &s.report_versions(r.id).await.unwrap()[0].content.plan;
    assert_eq!(frozen.measures[0].input.status, MeasureStatus::Planned, "the approved version keeps its plan");
    let log = s.audit_log(o.id, 100).await.unwrap();
    for action in [
        "plan.measure_follow_up",
        "plan.priority_update",
        "plan.priority_delete",
        "plan.goal_update",
        "plan.goal_delete",
        "plan.measure_update",
        "plan.measure_delete",
    ] {
        assert!(log.iter().any(|e| e.action == action), "{action} audited");
    }
}

pub async fn organisations_shape_their_default_report_structure(s: &dyn Store) {
    use hyte_domain::report::{parse_structure, NewReport, ReportStructure, SectionKind, StructureRow};
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let other = org(s, OrgKind::Municipality, "Oulu").await;
    let thl = s.report_structure(o.id).await.unwrap();
    assert_eq!(thl, ReportStructure::thl(), "THL's structure until the organisation edits its own");
    let mut rows: Vec<StructureRow> =
        thl.sections.iter().enumerate().map(|(i, x)| StructureRow::of(i + 1, x)).collect();
    rows[0].remove = true;
    rows.push(StructureRow {
        key: "custom".into(),
        kind: "narrative".into(),
        title_fi: "Lapsivaikutukset".into(),
        title_sv: "Konsekvenser för barn".into(),
        position: "1".into(),
        remove: false,
    });
    let sections = parse_structure(&rows).unwrap();
    let own = s.set_report_structure(o.id, 0, Some(&sections), Actor::SYSTEM).await.unwrap();
    assert_eq!((own.version, own.sections.len()), (1, thl.sections.len()));
    let stale = s.set_report_structure(o.id, 0, Some(&sections), Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict, "a stale form does not overwrite");
    let again = s.set_report_structure(o.id, 1, Some(&sections[1..]), Actor::SYSTEM).await.unwrap();
    assert_eq!((again.version, s.report_structure(o.id).await.unwrap()), (2, again.clone()));
    assert_eq!(s.set_report_structure(o.id, 1, None, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::EditConflict);
    let again = s.set_report_structure(o.id, 2, Some(&sections), Actor::SYSTEM).await.unwrap();

    // New reports start with it; other organisations keep THL's.
    let new = NewReport::parse("term", "2025–2029", "", &["fi", "sv"], "Hyvinvointikertomus", None).unwrap();
    let r = s.create_report(o.id, &new, Actor::SYSTEM).await.unwrap();
    let created = s.report_sections(r.id).await.unwrap();
    assert_eq!(created.len(), again.sections.len());
    assert_eq!((created[0].key.as_str(), created[0].title.sv.as_deref()), ("custom", Some("Konsekvenser för barn")));
    assert_eq!(created.iter().filter(|x| x.kind == SectionKind::Plan).count(), 1);
    assert!(created.iter().all(|x| x.key != "summary"), "the removed section is not there");
    let theirs = s.create_report(other.id, &new, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.report_sections(theirs.id).await.unwrap()[0].key, "summary");

    // Back to THL's.
    let reset = s.set_report_structure(o.id, again.version, None, Actor::SYSTEM).await.unwrap();
    assert_eq!(reset, ReportStructure::thl());
    assert_eq!(s.report_structure(o.id).await.unwrap(), ReportStructure::thl());
    let log = s.audit_log(o.id, 50).await.unwrap();
    assert_eq!(log.iter().filter(|e| e.action == "report.structure_update").count(), 4);
    assert!(s.audit_log(other.id, 50).await.unwrap().iter().all(|e| e.action != "report.structure_update"));
}
