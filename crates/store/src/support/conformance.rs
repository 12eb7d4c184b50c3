//! Conformance of the support room: a county reaches its own member municipalities only.
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

#[path = "conformance_practice.rs"]
mod conformance_practice;

use crate::conformance::{org, sample_areas};
use crate::*;
use conformance_practice::*;
use hyte_domain::{Names, OrgKind};

#[path = "conformance_survey.rs"]
mod survey_cases;
use survey_cases::*;

#[path = "conformance_negotiation.rs"]
mod negotiation_cases;
use negotiation_cases::*;

crate::conformance_cases!($ support_cases, support:
    a_county_reaches_its_member_municipalities,
    practices_are_whole_records_reached_by_their_owner_or_when_published,
    adopting_a_practice_makes_a_measure_and_an_adoption_in_one_transaction,
    a_county_recommends_practices_to_its_member_municipalities,
    a_survey_reaches_member_municipalities_only,
    a_plan_and_its_delivery_reach_their_municipalities,
    concurrent_answers_and_actions_conflict,
    negotiations_are_reached_by_the_county_and_the_municipality,
    a_municipality_sends_its_approved_report_to_its_county,
);

async fn a_county_reaches_its_member_municipalities(s: &dyn Store) {
    s.import_areas(&sample_areas()).await.unwrap();
    let area =
        |kind: &'static str, code: &'static str| async move { s.get_area(kind, code).await.unwrap().unwrap().id };
    let mk = |kind: OrgKind, fi: &'static str, area_id: Option<i64>| async move {
        let new = NewOrganisation { kind, names: Names::new(fi, None, None), area_id };
        s.create_organisation(&new, Actor::SYSTEM).await.unwrap()
    };
    let county =
        mk(OrgKind::WellbeingCounty, "Pohjois-Savon hyvinvointialue", Some(area("wellbeing_county", "13").await)).await;
    let kuopio = mk(OrgKind::Municipality, "Kuopion kaupunki", Some(area("municipality", "297").await)).await;
    let siilinjarvi = mk(OrgKind::Municipality, "Siilinjärven kunta", Some(area("municipality", "749").await)).await;
    // An NGO in Kuopio is not a member municipality; nor is a municipality without an area.
    mk(OrgKind::Ngo, "Kuopion yhdistys", Some(area("municipality", "297").await)).await;
    org(s, OrgKind::Municipality, "Jyväskylä").await;
    let ids: Vec<i64> = s.member_orgs(county.id).await.unwrap().into_iter().map(|o| o.id).collect();
    assert_eq!(ids, [kuopio.id, siilinjarvi.id]);
    assert!(s.member_orgs(kuopio.id).await.unwrap().is_empty(), "a municipality has no members");
    assert!(s.member_orgs(9_999).await.unwrap().is_empty());
}
