#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! The demo holds issue 12's "Done means" for the Pohjois-Savo wellbeing services county, read back
//! through the store: on SQLite always, on PostgreSQL when `HYTE_TEST_POSTGRES_URL` is set.

use hyte_domain::population::PopulationGroup;
use hyte_domain::services::{
    coverage, evaluate, summarise, Outcome, ProviderKind, ReportState, StrategyKind, StrategyState,
};
use hyte_domain::{OrgKind, Role, Sex};
use hyte_seed::demo_services::{self, COMPANY, NGO, SERVICES};
use hyte_store::{ObservationQuery, Store};
use std::collections::BTreeSet;

async fn load(store: &dyn Store) {
    hyte_seed::load_base(store).await.unwrap();
    hyte_seed::demo::load(store, &|p: &str| format!("test-hash:{p}")).await.unwrap();
}

async fn org_id(store: &dyn Store, name_fi: &str) -> i64 {
    store.list_organisations().await.unwrap().into_iter().find(|o| o.names.fi == name_fi).unwrap().id
}

/// Everything the "Done means" asks of the demo.
async fn the_demo_holds_the_services_room(store: &dyn Store) {
    let county = org_id(store, "Pohjois-Savon hyvinvointialue").await;
    let area = store.get_organisation(county).await.unwrap().unwrap().area_id.unwrap();

    // An approved service promise with three goals tied to indicator 683, whose baselines are the
    // county area's published values and whose targets differ from them.
    let strategies = store.list_strategies(county).await.unwrap();
    let promise = strategies.iter().find(|s| s.input.kind == StrategyKind::ServicePromise).unwrap();
    assert_eq!(promise.state, StrategyState::Approved);
    let approval = promise.approval.as_ref().unwrap();
    assert_eq!(approval.body, "Aluevaltuusto");
    assert_eq!(promise.goals.len(), 3);
    let diabetes = store.indicator_ids("sotkanet", None).await.unwrap()["683"].0;
    for g in &promise.goals {
        let t = g.target.as_ref().unwrap_or_else(|| panic!("{} has a target", g.title));
        assert_eq!(t.indicator_id, diabetes);
        let q = ObservationQuery {
            indicator_ids: vec![diabetes],
            area_ids: vec![area],
            years: Some((t.baseline.0, t.baseline.0)),
            sex: Some(Sex::Total),
        };
        let real = store.observations(&q).await.unwrap();
        assert_eq!(real.len(), 1, "{}: one published value in {}", g.title, t.baseline.0);
        assert_eq!(real[0].value, Some(t.baseline.1), "{}: the baseline is the real value", g.title);
        assert!(t.target.0 > t.baseline.0 && t.target.1 != t.baseline.1);
    }
    // The one the brief names: Pohjois-Savo's 683 value for 2022 (Sotkanet region 974).
    assert!(promise.goals.iter().any(|g| g.target.as_ref().unwrap().baseline == (2022, 14.4)));

    // Four services, two providers (a company and an NGO, each an organisation with users).
    let services = store.list_services(county).await.unwrap();
    let mut names: Vec<&str> = services.iter().map(|s| s.input.names.fi.as_str()).collect();
    names.sort_unstable();
    let mut expected = SERVICES.to_vec();
    expected.sort_unstable();
    assert_eq!(names, expected);
    assert!(services.iter().any(|s| s.input.reach.iter().any(|r| r.share().is_some())), "reach figures");
    let providers = store.list_providers(county).await.unwrap();
    assert_eq!(providers.len(), 2);
    let company = providers.iter().find(|p| p.input.name == COMPANY).unwrap();
    let ngo = providers.iter().find(|p| p.input.name == NGO).unwrap();
    assert_eq!((company.input.kind, ngo.input.kind), (ProviderKind::Company, ProviderKind::Ngo));
    let company_org = company.input.member_org_id.unwrap();
    let ngo_org = ngo.input.member_org_id.unwrap();
    assert_eq!(store.get_organisation(company_org).await.unwrap().unwrap().kind, OrgKind::PrivateProvider);
    assert_eq!(store.get_organisation(ngo_org).await.unwrap().unwrap().kind, OrgKind::Ngo);
    let (user, _) = store.find_login("raportoija@terveyspalvelut.example").await.unwrap().unwrap();
    let memberships = store.user_memberships(user.id).await.unwrap();
    assert_eq!(memberships.iter().map(|(m, o)| (o.id, m.role)).collect::<Vec<_>>(), [(company_org, Role::Editor)]);

    // A contract each, with at least two criteria with incentive and sanction rules, reported for
    // every quarter of 2025 by the provider; each provider sees its own contract only.
    let contracts = store.list_contracts(county).await.unwrap();
    assert_eq!(contracts.len(), 2);
    let mut outcomes = vec![];
    let mut states = vec![];
    for c in &contracts {
        let view = store.get_contract(county, c.id).await.unwrap().unwrap();
        let member = view.provider.input.member_org_id.unwrap();
        let seen: Vec<i64> = store.provider_contracts(member).await.unwrap().iter().map(|v| v.contract.id).collect();
        assert_eq!(seen, [c.id], "{} sees its own contract only", view.provider.input.name);
        assert!(view.criteria.len() >= 2, "{}", c.input.title);
        for k in &view.criteria {
            let r = k.input.rule;
            assert!(r.bonus_pct > 0.0 && r.sanction_pct > 0.0 && r.cap_euros.is_some(), "{}", k.input.name);
            let periods: BTreeSet<&str> =
                view.reports.iter().filter(|x| x.criterion_id == k.id).map(|x| x.period.as_str()).collect();
            assert_eq!(periods, BTreeSet::from(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]), "{}", k.input.name);
        }
        for r in &view.reports {
            let k = view.criteria.iter().find(|k| k.id == r.criterion_id).unwrap();
            let e = evaluate(&k.input, c.input.annual_euros, r.value);
            outcomes.push((e.outcome, e.euros));
            states.push((r.state, r.review_comment.clone()));
        }
    }
    assert!(outcomes.iter().any(|(o, e)| *o == Outcome::Missed && *e < 0), "a missed target → a sanction");
    assert!(outcomes.iter().any(|(o, e)| *o == Outcome::Met && *e > 0), "a met target → a bonus");
    let count = |s: ReportState| states.iter().filter(|(x, _)| *x == s).count();
    assert_eq!((count(ReportState::Submitted), count(ReportState::Returned)), (1, 1));
    assert_eq!(count(ReportState::Accepted), states.len() - 2);
    assert!(states.iter().any(|(s, c)| *s == ReportState::Returned && c.is_some()), "returned with a comment");

    // Client feedback for two services, a small count suppressed; a "you said, we did" entry.
    let feedback = store.org_feedback(county).await.unwrap();
    let with_feedback: BTreeSet<i64> = feedback.iter().map(|f| f.service_id).collect();
    assert_eq!(with_feedback.len(), 2);
    assert!(summarise(&feedback).iter().any(|s| s.group.is_some() && s.mean.is_none()), "suppressed");
    let mut said_did = 0;
    for s in &services {
        let heard = store.service_participation(county, s.id).await.unwrap();
        said_did += heard.iter().filter(|p| p.input.said.is_some() && p.input.did.is_some()).count();
    }
    assert!(said_did >= 1);

    // The coverage matrix has gaps, e.g. no service for homeless people.
    let c = coverage(&services);
    assert!(c.gaps.contains(&PopulationGroup::Homeless), "{:?}", c.gaps);
    assert_eq!(c.rows.len(), 4);

    // The loader's constants say what the demo holds.
    assert_eq!(demo_services::APPROVED_BY, approval.body);
}

#[tokio::test]
async fn the_services_demo_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("demo.db").display());
    let store = hyte_store_sqlite::SqliteStore::connect(&url).await.unwrap();
    load(&store).await;
    the_demo_holds_the_services_room(&store).await;
    store.close().await;
}

#[tokio::test]
async fn the_services_demo_on_postgres() {
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
    the_demo_holds_the_services_room(&store).await;
    store.close().await;
    sqlx::query(&format!("DROP DATABASE {db} WITH (FORCE)")).execute(&mut admin).await.unwrap();
}
