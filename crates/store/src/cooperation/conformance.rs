//! Conformance checks of [`crate::CooperationStore`] (part of the suite in [`crate::conformance`]).
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::conformance::{assert_written, one_deletes, one_wins, org, race, WRITERS};
use crate::*;
use hyte_domain::cooperation::{
    Agreement, AgreementInput, ContactInput, ContactPair, ContactTheme, DutyOwners, Group, GroupForm, Maturity,
    Meeting, MeetingInput, MemberInput, Responsibility, Task, TaskForm,
};
use hyte_domain::reports::parse_date;
use hyte_domain::{ErrorCode, OrgKind};

crate::conformance_cases!($ cooperation_cases, cooperation:
    responsibilities_and_duties_are_versioned,
    groups_meet_and_track_agreements,
    contact_pairs_staircase_and_timeline,
    concurrent_edits_conflict_and_never_fail,
    concurrent_group_meeting_and_task_edits_conflict,
);

/// Writers racing on one record: exactly one wins, the rest get `edit_conflict`, none gets a
/// database error (on SQLite a read-then-write transaction must not fail with "database is locked").
/// Writers on different records all succeed.
async fn concurrent_edits_conflict_and_never_fail(s: &dyn Store) {
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let racing = (0..8).map(|i| {
        let person = format!("Koordinaattori {i}");
        async move { s.set_responsibility(o.id, 0, Some(&person), None, Actor::SYSTEM).await }
    });
    let results = futures_util::future::join_all(racing).await;
    let won = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(won, 1, "one writer wins: {results:?}");
    for lost in results.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(lost.code(), ErrorCode::EditConflict, "the others conflict: {lost:?}");
    }
    assert_eq!(s.responsibility(o.id).await.unwrap().version, 1);

    let mut orgs = Vec::new();
    for name in ["Oulu", "Turku", "Tampere", "Espoo", "Vantaa", "Lahti"] {
        orgs.push(org(s, OrgKind::Municipality, name).await);
    }
    let apart = orgs.iter().map(|o| async move {
        let first = s.set_responsibility(o.id, 0, Some("A"), None, Actor::SYSTEM).await?;
        s.set_responsibility(o.id, first.version, Some("B"), Some("Ryhmä"), Actor::SYSTEM).await
    });
    for written in futures_util::future::join_all(apart).await {
        assert_eq!(written.unwrap().version, 2);
    }
}

async fn responsibilities_and_duties_are_versioned(s: &dyn Store) {
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    assert_eq!(s.responsibility(o.id).await.unwrap().version, 0);
    let r = s
        .set_responsibility(
            o.id,
            0,
            Some("Hyte-koordinaattori Kalle Koskinen"),
            Some("Hyvinvointiryhmä"),
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    let expected = Responsibility {
        person: Some("Hyte-koordinaattori Kalle Koskinen".into()),
        body: Some("Hyvinvointiryhmä".into()),
        version: 1,
    };
    assert_written(&r, Some(s.responsibility(o.id).await.unwrap()), &expected);
    let stale = s.set_responsibility(o.id, 0, None, None, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let sectors = s.list_sectors(o.id).await.unwrap();
    let owners = DutyOwners { lead: Some(sectors[0].id), parts: vec![sectors[1].id, sectors[2].id] };
    s.set_duty_owners(o.id, 1, "monitor", &owners, Actor::SYSTEM).await.unwrap();
    let stale = s.set_duty_owners(o.id, 1, "goals", &owners, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict, "the matrix moved on");
    let other = org(s, OrgKind::Municipality, "Oulu").await;
    let foreign = DutyOwners { lead: Some(s.list_sectors(other.id).await.unwrap()[0].id), parts: vec![] };
    let refused = s.set_duty_owners(o.id, 2, "goals", &foreign, Actor::SYSTEM).await;
    assert_eq!(refused.unwrap_err().code(), ErrorCode::SectorInvalid, "another organisation's sector is refused");
    let all = s.duty_owners(o.id).await.unwrap();
    assert_eq!(all["monitor"], owners);
    assert!(!all.contains_key("goals"), "another organisation's sector is never stored");
    let busy = s.delete_sector(o.id, sectors[0].id, sectors[0].version, Actor::SYSTEM).await;
    assert_eq!(busy.unwrap_err().code(), ErrorCode::SectorInUse);
    assert_eq!(s.responsibility(o.id).await.unwrap().version, 2, "the refused write changed nothing");
}

async fn groups_meet_and_track_agreements(s: &dyn Store) {
    let region = org(s, OrgKind::WellbeingCounty, "Pohjois-Savo").await;
    let kuopio = org(s, OrgKind::Municipality, "Kuopio").await;
    let form = GroupForm {
        kind: "cooperation_pool".into(),
        name: "Hyte-yhteistyöpooli".into(),
        mandate: "Aluehallitus 2.2.2026 § 14".into(),
        ..Default::default()
    };
    let g = s.create_group(region.id, &form.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    assert_eq!(s.list_groups(region.id).await.unwrap().len(), 1);
    let renamed = GroupForm { name: "Pohjois-Savon hyte-yhteistyöpooli".into(), ..form };
    let g2 = s.update_group(g.id, g.version, &renamed.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    assert_eq!(
        s.update_group(g.id, g.version, &renamed.parse().unwrap(), Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::EditConflict
    );
    assert_written(
        &g2,
        s.get_group(g.id).await.unwrap(),
        &Group { input: renamed.parse().unwrap(), version: g.version + 1, ..g.clone() },
    );
    let orgs = vec![(kuopio.id, "Kuopio".to_string(), OrgKind::Municipality)];
    let m = MemberInput::parse("Kalle Koskinen", &kuopio.id.to_string(), "", "", "member", &orgs).unwrap();
    s.add_member(g.id, &m, Actor::SYSTEM).await.unwrap();
    let ngo = MemberInput::parse("Jussi Järvinen", "", "Savon Vertaistuki ry", "ngo", "member", &orgs).unwrap();
    let jussi = s.add_member(g.id, &ngo, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.group_members(g.id).await.unwrap().len(), 2);
    s.remove_member(g.id, jussi.id, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.group_members(g.id).await.unwrap()[0].input.member_org_id, Some(kuopio.id));

    let meeting = s
        .add_meeting(g.id, &MeetingInput::parse("2026-03-12", "1. Avaus\n2. Painopisteet", "").unwrap(), Actor::SYSTEM)
        .await
        .unwrap();
    let minutes =
        MeetingInput::parse("2026-03-12", "1. Avaus\n2. Painopisteet", "Sovittiin yhteisistä painopisteistä.").unwrap();
    let meeting2 = s.update_meeting(meeting.id, meeting.version, &minutes, Actor::SYSTEM).await.unwrap();
    let expected = Meeting { input: minutes, version: meeting.version + 1, ..meeting.clone() };
    assert_written(&meeting2, s.get_meeting(meeting.id).await.unwrap(), &expected);
    let a = s
        .add_agreement(
            meeting.id,
            &AgreementInput::parse("Järjestöjen toimintakalenteri", "Järjestökoordinaattori", "2026-06-01").unwrap(),
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    s.add_agreement(
        meeting.id,
        &AgreementInput::parse("Yhteinen viestintä", "Hyvinvointialue", "2026-04-01").unwrap(),
        Actor::SYSTEM,
    )
    .await
    .unwrap();
    let listed = s.org_agreements(region.id).await.unwrap();
    assert_eq!(
        listed.iter().map(|x| x.input.who.as_str()).collect::<Vec<_>>(),
        ["Hyvinvointialue", "Järjestökoordinaattori"],
        "by due date"
    );
    let done =
        s.set_agreement_done(a.id, a.version, Some(parse_date("2026-05-20").unwrap()), Actor::SYSTEM).await.unwrap();
    let expected = Agreement { done_on: Some(parse_date("2026-05-20").unwrap()), version: a.version + 1, ..a.clone() };
    let stored = s.group_agreements(g.id).await.unwrap().into_iter().find(|x| x.id == a.id);
    assert_written(&done, stored, &expected);
    assert_eq!(
        s.set_agreement_done(a.id, a.version, None, Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::EditConflict
    );
    assert_eq!(s.group_agreements(g.id).await.unwrap().len(), 2);
    assert!(s.org_agreements(kuopio.id).await.unwrap().is_empty());
    let log = s.audit_log(region.id, 50).await.unwrap();
    assert!(log.iter().any(|e| e.action == "agreement.done") && log.iter().any(|e| e.action == "meeting.update"));
}

async fn contact_pairs_staircase_and_timeline(s: &dyn Store) {
    let region = org(s, OrgKind::WellbeingCounty, "Pohjois-Savo").await;
    let c = ContactInput::parse("Päivi Päihdetyö", "paivi@pohjois-savo.example", "").unwrap();
    s.set_contact_pair(region.id, ContactTheme::SubstancePrevention, None, &c, Actor::SYSTEM).await.unwrap();
    let k = ContactInput::parse("Kaisa Kuopio", "", "017 123").unwrap();
    let first =
        s.set_contact_pair(region.id, ContactTheme::SubstancePrevention, Some(297), &k, Actor::SYSTEM).await.unwrap();
    let k2 = ContactInput::parse("Kaisa Korhonen", "", "017 123").unwrap();
    let renamed =
        s.set_contact_pair(region.id, ContactTheme::SubstancePrevention, Some(297), &k2, Actor::SYSTEM).await.unwrap();
    let pairs = s.contact_pairs(region.id).await.unwrap();
    assert_eq!(pairs.len(), 2, "one contact per theme and municipality");
    let stored = pairs.iter().find(|p| p.id == renamed.id).cloned();
    assert_written(&renamed, stored, &ContactPair { input: k2.clone(), ..first });
    assert_eq!(pairs.iter().find(|p| p.municipality_area_id == Some(297)).unwrap().input.person, "Kaisa Korhonen");
    assert!(pairs.iter().any(|p| p.municipality_area_id.is_none()));
    s.remove_contact_pair(region.id, renamed.id, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.contact_pairs(region.id).await.unwrap().len(), 1);

    let m =
        s.save_maturity(region.id, 2026, 0, 4, "Tavoitteet ja toimenpiteet on kirjattu.", Actor::SYSTEM).await.unwrap();
    assert_eq!(
        s.save_maturity(region.id, 2026, 0, 5, "x", Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::EditConflict,
        "a year once"
    );
    let m2 = s.save_maturity(region.id, 2026, m.version, 5, "Vastuut nimetty.", Actor::SYSTEM).await.unwrap();
    let stored = s.maturity(region.id).await.unwrap().into_iter().find(|x| x.year == 2026);
    let expected = Maturity { step: 5, justification: "Vastuut nimetty.".into(), version: m.version + 1, ..m.clone() };
    assert_written(&m2, stored, &expected);
    s.save_maturity(region.id, 2025, 0, 3, "Seurataan.", Actor::SYSTEM).await.unwrap();
    let history = s.maturity(region.id).await.unwrap();
    assert_eq!(history.iter().map(|m| (m.year, m.step)).collect::<Vec<_>>(), [(2026, 5), (2025, 3)]);

    let f = TaskForm {
        title: "Alueellinen hyvinvointikertomus".into(),
        starts: "2026-09".into(),
        ends: "2027-02".into(),
        status: "planned".into(),
        link: "/regional/1".into(),
        ..Default::default()
    };
    let t = s.add_task(region.id, &f.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let early = TaskForm {
        title: "Suunnitelma".into(),
        starts: "2026-01".into(),
        ends: "2026-02".into(),
        status: "done".into(),
        ..Default::default()
    };
    s.add_task(region.id, &early.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    assert_eq!(s.tasks(region.id).await.unwrap()[0].input.title, "Suunnitelma", "by start month");
    let moved = TaskForm { ends: "2027-03".into(), ..f };
    let t2 = s.update_task(region.id, t.id, t.version, &moved.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    assert_eq!(t2.input.ends.to_string(), "3/2027");
    let stored = s.tasks(region.id).await.unwrap().into_iter().find(|x| x.id == t.id);
    assert_written(&t2, stored, &Task { input: moved.parse().unwrap(), version: t.version + 1, ..t.clone() });
    assert_eq!(
        s.delete_task(region.id, t.id, t.version, Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::EditConflict
    );
    s.delete_task(region.id, t.id, t2.version, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.tasks(region.id).await.unwrap().len(), 1);
}

/// Parallel writers with the same version on a group, a meeting and a timeline task (updates and
/// deletes): exactly one wins each race, the rest get `edit_conflict`.
async fn concurrent_group_meeting_and_task_edits_conflict(s: &dyn Store) {
    let o = org(s, OrgKind::WellbeingCounty, "Pohjois-Savo").await;
    let form = GroupForm { kind: "cooperation_pool".into(), name: "Pooli".into(), ..Default::default() };
    let g = s.create_group(o.id, &form.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let (org_id, g_id, version) = (o.id, g.id, g.version);
    let results = race(WRITERS, |i| {
        let f = GroupForm { name: format!("Pooli {i}"), ..form.clone() };
        async move { s.update_group(g_id, version, &f.parse().unwrap(), Actor::SYSTEM).await }
    })
    .await;
    one_wins("group", &results);

    let m = s.add_meeting(g.id, &MeetingInput::parse("2026-03-12", "Avaus", "").unwrap(), Actor::SYSTEM).await;
    let (m_id, version) = (m.as_ref().unwrap().id, m.unwrap().version);
    let results = race(WRITERS, |i| {
        let input = MeetingInput::parse("2026-03-12", "Avaus", &format!("Pöytäkirja {i}")).unwrap();
        async move { s.update_meeting(m_id, version, &input, Actor::SYSTEM).await }
    })
    .await;
    one_wins("meeting", &results);

    let f = TaskForm {
        title: "Kertomus".into(),
        starts: "2026-09".into(),
        ends: "2027-02".into(),
        status: "planned".into(),
        ..Default::default()
    };
    let t = s.add_task(org_id, &f.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let (t_id, version) = (t.id, t.version);
    let results = race(WRITERS, |i| {
        let moved = TaskForm { title: format!("Kertomus {i}"), ..f.clone() };
        async move { s.update_task(org_id, t_id, version, &moved.parse().unwrap(), Actor::SYSTEM).await }
    })
    .await;
    one_wins("task", &results);
    let version = version + 1;
    let results = race(WRITERS, |_| async move { s.delete_task(org_id, t_id, version, Actor::SYSTEM).await }).await;
    one_deletes("task", &results);
    assert!(s.tasks(org_id).await.unwrap().is_empty());
}
