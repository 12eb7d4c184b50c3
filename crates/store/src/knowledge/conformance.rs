//! Conformance of the knowledge base: areas, indicators, observations, bulk import, import jobs.
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::conformance::*;
use crate::*;
use hyte_domain::{AuditEntry, Indicator};
use hyte_domain::{ErrorCode, Names, OrgKind, Sex};

crate::conformance_cases!($ knowledge_cases, knowledge:
    areas_import_is_idempotent_and_queryable,
    indicators_keep_user_edits_and_search_in_three_languages,
    observations_are_upserted_and_queried,
    bulk_import_is_all_or_nothing,
    import_jobs_are_recorded_and_audited,
    indicator_sets_keep_every_version,
    indicator_sets_refuse_foreign_indicators_and_organisations,
    concurrent_indicator_set_edits_conflict,
);

use super::conformance_sets::{
    concurrent_indicator_set_edits_conflict, indicator_sets_keep_every_version,
    indicator_sets_refuse_foreign_indicators_and_organisations,
};

async fn areas_import_is_idempotent_and_queryable(s: &dyn Store) {
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

async fn indicators_keep_user_edits_and_search_in_three_languages(s: &dyn Store) {
    use hyte_domain::knowledge::stats::Polarity;
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
    let v0 = s.data_version().await.unwrap();
    let edited = s.set_polarity(smoking, i.version, Polarity::LowerIsBetter, Actor::SYSTEM).await.unwrap();
    let v1 = s.data_version().await.unwrap();
    assert!(v1 > v0, "a new direction marks the knowledge base changed (cached profiles are rebuilt)");
    let expected = Indicator { polarity: Polarity::LowerIsBetter, version: i.version + 1, ..i.clone() };
    assert_written(&edited, s.get_indicator(smoking).await.unwrap(), &expected);
    assert_eq!(
        s.set_polarity(smoking, i.version, Polarity::HigherIsBetter, Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::EditConflict
    );
    s.upsert_indicators(&[indicator("4404", "Päivittäin tupakoivat, %", "Dagligrökare, %", false)]).await.unwrap();
    assert!(s.data_version().await.unwrap() > v1, "so does a catalogue import");
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
    let national = |e: &AuditEntry| e.action == "indicator.update" && e.entity_id == smoking.to_string();
    assert!(s.instance_audit_log(10).await.unwrap().iter().any(national), "a national indicator: the instance's log");
    assert!(!s.audit_log(o.id, 10).await.unwrap().iter().any(national), "not an organisation's");

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

async fn observations_are_upserted_and_queried(s: &dyn Store) {
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

async fn bulk_import_is_all_or_nothing(s: &dyn Store) {
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

async fn import_jobs_are_recorded_and_audited(s: &dyn Store) {
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
