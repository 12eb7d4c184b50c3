#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! The demo holds issue 13's "Done means" for the interface services, read back through the
//! store: on SQLite always, on PostgreSQL when `HYTE_TEST_POSTGRES_URL` is set.

use hyte_domain::interface::{
    coordination, is_pdf, reminders, AgreementStatus, InterfaceKind, PartyRole, ReminderKind, REMINDER_DAYS,
};
use hyte_domain::partners::{ActivityFilter, ActivityKind};
use hyte_domain::population::PopulationGroup;
use hyte_domain::reports::GoalProgress;
use hyte_domain::{Lang, Sex};
use hyte_seed::demo_interface::{agreement, monitoring, CHAIN, FAMILY_CENTRE, VOLUNTEERING};
use hyte_store::{ObservationQuery, Store};
use sha2::{Digest, Sha256};

async fn load(store: &dyn Store) {
    hyte_seed::load_base(store).await.unwrap();
    hyte_seed::demo::load(store, &|p: &str| format!("test-hash:{p}")).await.unwrap();
}

async fn org_id(store: &dyn Store, name_fi: &str) -> i64 {
    store.list_organisations().await.unwrap().into_iter().find(|o| o.names.fi == name_fi).unwrap().id
}

/// Everything the "Done means" asks of the demo.
async fn the_demo_holds_the_interface_room(store: &dyn Store) {
    let today = chrono::Utc::now().date_naive();
    let county = org_id(store, "Pohjois-Savon hyvinvointialue").await;
    let kuopio = org_id(store, "Kuopion kaupunki").await;
    let siilinjarvi = org_id(store, "Siilinjärven kunta").await;
    let ngo = org_id(store, "Savon Vertaistuki ry (esimerkki)").await;
    let oulu = org_id(store, "Oulun kaupunki").await;

    // The physical-activity chain: four parties, the county leading, six steps from four
    // organisations (the municipalities' employment services among them), published.
    let services = store.list_interfaces(county).await.unwrap();
    let chain = services.iter().find(|s| s.input.names.fi == CHAIN[0]).unwrap();
    assert_eq!(chain.input.kind, InterfaceKind::ServiceChain);
    assert!(chain.published);
    assert_eq!(chain.role_of(county), Some(PartyRole::Lead));
    for org in [kuopio, siilinjarvi, ngo] {
        assert_eq!(chain.role_of(org), Some(PartyRole::Partner));
    }
    assert_eq!(chain.input.areas, ["297", "749"]);
    assert!(chain.input.vulnerable_groups.contains(PopulationGroup::LongTermUnemployed));
    assert!(chain.input.target_groups.contains(PopulationGroup::WorkingAge));
    let steps = store.chain_steps(county, chain.id).await.unwrap();
    assert!(steps.len() >= 4, "{} steps", steps.len());
    assert_eq!(steps.iter().map(|s| s.position).collect::<Vec<_>>(), (1..=steps.len() as i64).collect::<Vec<_>>());
    let unit_of = |org: i64| steps.iter().find(|s| s.input.org_id == org).and_then(|s| s.input.unit.clone());
    assert_eq!(unit_of(kuopio).as_deref(), Some("Kuopion työllisyyspalvelut"));
    assert_eq!(unit_of(siilinjarvi).as_deref(), Some("Siilinjärven työllisyyspalvelut"));
    assert!(unit_of(county).unwrap().contains("terveysasema"));
    assert!(unit_of(ngo).is_some());
    assert!(steps.iter().all(|s| s.input.action.sv.is_some()), "every step in Swedish");
    assert!(steps.iter().any(|s| s.input.consent) && steps.iter().any(|s| s.input.wait_days.is_some()));
    assert_eq!(steps.last().unwrap().input.handoff, hyte_domain::interface::Handoff::None);

    // The public finds it in Swedish by a municipality; the family centre is a draft nobody
    // outside sees, and Oulu takes part in nothing.
    let public = store.published_chains().await.unwrap();
    assert_eq!(public.iter().map(|c| c.service.id).collect::<Vec<_>>(), [chain.id]);
    let texts: Vec<&str> = public[0].steps.iter().map(|s| s.input.action.get(Lang::Sv)).collect();
    assert!(chain.matches("motionsrådgivning", Some("749"), &texts));
    assert!(chain.matches("kamratstöd gym", Some("297"), &texts));
    assert!(store.published_chain(chain.id).await.unwrap().is_some());
    let family = services.iter().find(|s| s.input.names.fi == FAMILY_CENTRE[0]).unwrap();
    assert_eq!(family.input.kind, InterfaceKind::MultiSector);
    assert!(!family.published);
    assert!(store.chain_steps(county, family.id).await.unwrap().len() >= 2);
    assert!(family.input.target_groups.contains(PopulationGroup::Families));
    assert!(store.published_chain(family.id).await.unwrap().is_none());
    assert!(store.list_interfaces(oulu).await.unwrap().is_empty());
    assert!(store.get_interface(oulu, family.id).await.unwrap().is_none());
    assert_eq!(store.list_interfaces(siilinjarvi).await.unwrap().len(), 2);

    // Kuopio's coordination of participation and volunteering, with its activity kinds.
    let volunteering = store.list_interfaces(kuopio).await.unwrap();
    let volunteering = volunteering.iter().find(|s| s.input.names.fi == VOLUNTEERING[0]).unwrap();
    assert_eq!(volunteering.input.kind, InterfaceKind::Volunteering);
    assert_eq!(volunteering.input.areas, ["297"]);
    assert!(volunteering.input.activity_kinds.len() >= 3);
    assert!(volunteering.is_lead(kuopio));
    // In the coordination view, Kuopio coordinates kinds the directory has (peer support) and
    // kinds still missing from it (mentoring).
    let area = store.get_area("municipality", "297").await.unwrap().unwrap();
    let filter = ActivityFilter { area_id: Some(area.id), ..Default::default() };
    let counts: Vec<(ActivityKind, i64)> =
        store.published_activities(&filter).await.unwrap().iter().map(|a| (a.input.kind, 1)).collect();
    let rows = coordination("297", &counts, std::slice::from_ref(volunteering));
    let row = |k: ActivityKind| rows.iter().find(|r| r.kind == k).unwrap();
    assert!(!row(ActivityKind::PeerSupport).missing);
    assert_eq!(row(ActivityKind::PeerSupport).lead_orgs(), [kuopio]);
    assert!(row(ActivityKind::Mentoring).missing);
    assert_eq!(row(ActivityKind::Mentoring).lead_orgs(), [kuopio]);
    assert!(rows.iter().any(|r| r.missing && r.coordinators.is_empty()), "a kind nobody coordinates");

    // The division of work: two versions by two people, one task nobody is responsible for.
    let work = store.division_of_work(kuopio, chain.id).await.unwrap();
    assert_eq!(work.len(), 2);
    assert_eq!(work[0].work.unowned(), [monitoring::UNOWNED]);
    assert_eq!((work[0].changed_by.as_str(), work[1].changed_by.as_str()), ("Jussi Järvinen", "Heli Heikkinen"));
    assert!(!work[0].work.changes_from(&work[1].work).is_empty());

    // The signed agreement of the county, Kuopio and the NGO reminds each of them of its renewal
    // within three months; its PDF is kept with its checksum and only the parties download it.
    for party in [county, kuopio, ngo] {
        let list = store.list_agreements(party).await.unwrap();
        assert_eq!(list.len(), 1);
        let a = &list[0];
        assert_eq!((a.input.title.as_str(), a.input.status), (agreement::TITLE, AgreementStatus::Signed));
        let r = reminders(&list, today);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].kind, ReminderKind::Renewal);
        assert!(!r[0].overdue);
        assert!((r[0].date - today).num_days() <= REMINDER_DAYS);
        let (facts, bytes) = store.agreement_document(party, a.id).await.unwrap().unwrap();
        assert!(is_pdf(&bytes));
        assert_eq!(facts.size, bytes.len() as i64);
        let sum: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(Some(&facts), a.document.as_ref());
        assert_eq!(facts.sha256, sum);
        let mut covers = a.input.service_ids.clone();
        covers.sort_unstable();
        let mut expected = vec![chain.id, family.id];
        expected.sort_unstable();
        assert_eq!(covers, expected);
    }
    assert!(store.list_agreements(siilinjarvi).await.unwrap().is_empty());
    let id = store.list_agreements(county).await.unwrap()[0].id;
    assert!(store.agreement_document(siilinjarvi, id).await.unwrap().is_none());

    // Two monitored indicators whose baselines are the real published values, with progress.
    let tracked = store.tracked_indicators(ngo, chain.id).await.unwrap();
    assert_eq!(tracked.len(), 2);
    for t in &tracked {
        let area = store.get_area("municipality", &t.input.area_code).await.unwrap().unwrap();
        let g = t.input.target;
        let mut q = ObservationQuery {
            indicator_ids: vec![g.indicator_id],
            area_ids: vec![area.id],
            years: Some((g.baseline.0, g.baseline.0)),
            sex: Some(Sex::Total),
        };
        let real = store.observations(&q).await.unwrap();
        assert_eq!(real.len(), 1);
        assert_eq!(real[0].value, Some(g.baseline.1), "{}: the baseline is the real value", area.code);
        q.years = Some((g.baseline.0 + 1, 2100));
        let latest = store
            .observations(&q)
            .await
            .unwrap()
            .into_iter()
            .filter_map(|o| Some((o.year, o.value?)))
            .max_by_key(|v| v.0);
        assert_ne!(t.progress(latest), GoalProgress::NoData, "{}: progress is computed", area.code);
    }
    let mut areas: Vec<&str> = tracked.iter().map(|t| t.input.area_code.as_str()).collect();
    areas.sort_unstable();
    assert_eq!(areas, ["297", "749"]);

    // The evaluation of 2025, written by the county and the NGO together.
    let evaluations = store.evaluations(siilinjarvi, chain.id).await.unwrap();
    assert_eq!(evaluations.len(), 1);
    let e = &evaluations[0];
    assert_eq!(e.year, monitoring::EVALUATION_YEAR);
    assert_eq!(e.contributors, [county, ngo]);
    let i = &e.input;
    assert!(i.worked.is_some() && i.gaps.is_some() && i.client_feedback.is_some() && i.changes.is_some());
}

#[tokio::test]
async fn the_interface_demo_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("demo.db").display());
    let store = hyte_store_sqlite::SqliteStore::connect(&url).await.unwrap();
    load(&store).await;
    the_demo_holds_the_interface_room(&store).await;
    store.close().await;
}

#[tokio::test]
async fn the_interface_demo_on_postgres() {
    use rand::Rng;
    use sqlx::Connection;
    let Ok(admin_url) = std::env::var("HYTE_TEST_POSTGRES_URL") else {
        eprintln!("HYTE_TEST_POSTGRES_URL not set: skipping");
        return;
    };
    let db = format!("hyte_seed_{:016x}", rand::thread_rng().gen::<u64>());
    let mut admin = sqlx::PgConnection::connect(&admin_url).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {db}")).execute(&mut admin).await.unwrap();
    let url = format!("{}/{db}", admin_url.rsplit_once('/').unwrap().0);
    let store = hyte_store_postgres::PgStore::connect(&url).await.unwrap();
    load(&store).await;
    the_demo_holds_the_interface_room(&store).await;
    store.close().await;
    sqlx::query(&format!("DROP DATABASE {db} WITH (FORCE)")).execute(&mut admin).await.unwrap();
}
