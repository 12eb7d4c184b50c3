//! Conformance of administration: organisations, sectors, users, memberships, sessions, the audit log.
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::conformance::*;
use crate::*;
use chrono::{Duration, Utc};
use hyte_domain::{DisplayName, Email, ErrorCode, Names, OrgKind, Role, SectorInput};
use hyte_domain::{Membership, Sector};

crate::conformance_cases!($ admin_cases, admin:
    organisations_get_default_sectors,
    sectors_are_versioned_and_audited,
    users_and_memberships_follow_the_rules,
    failed_user_creation_writes_nothing,
    sessions_expire_and_can_be_deleted,
    login_attempts_are_counted,
    a_waiting_account_is_told_the_whole_remaining_wait,
    audit_log_is_per_organisation,
    concurrent_sector_edits_and_admin_demotions,
    invitations_need_the_users_consent,
);

fn new_user(email: &str) -> NewUser {
    NewUser {
        email: Email::parse(email).unwrap(),
        display_name: DisplayName::parse("Test Person").unwrap(),
        password_hash: "$argon2id$fake".into(),
    }
}

async fn organisations_get_default_sectors(s: &dyn Store) {
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
    let names =
        |id| async move { s.list_sectors(id).await.unwrap().into_iter().map(|x| x.names.fi).collect::<Vec<_>>() };
    let municipal = names(o.id).await;
    assert_eq!(municipal.len(), OrgKind::Municipality.default_sectors().count());
    assert!(municipal.contains(&"Työllisyyspalvelut".to_string()), "employment services since 2025");
    assert!(!municipal.iter().any(|n| n.contains("terveys")), "no health services since 2023");
    let county = org(s, OrgKind::WellbeingCounty, "Pohjois-Savon hyvinvointialue").await;
    let county = names(county.id).await;
    assert!(county.contains(&"Pelastustoimi".to_string()) && !county.contains(&"Liikunta".to_string()));
    let helsinki = org(s, OrgKind::Helsinki, "Helsingin kaupunki").await;
    assert_eq!(names(helsinki.id).await.len(), OrgKind::Helsinki.default_sectors().count(), "both sets, once");
    let council = org(s, OrgKind::RegionalCouncil, "Pohjois-Savon liitto").await;
    assert!(names(council.id).await.is_empty(), "a regional council is a partner");
    assert!(s.list_sectors(ngo.id).await.unwrap().is_empty(), "partners start without sectors");
    assert!(s.get_organisation(9999).await.unwrap().is_none());
}

async fn sectors_are_versioned_and_audited(s: &dyn Store) {
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
    let expected = Sector { names: renamed.names.clone(), version: 2, ..sec.clone() };
    assert_written(&v2, s.get_sector(o.id, sec.id).await.unwrap(), &expected);
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
    let m2 = s.update_membership(o.id, editor.id, m.version, Role::Editor, None, actor).await.unwrap();
    let stored = s.org_members(o.id).await.unwrap().into_iter().find(|x| x.user.id == editor.id).map(|x| x.membership);
    assert_written(&m2, stored, &Membership { sector_id: None, version: m.version + 1, ..m.clone() });
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

async fn users_and_memberships_follow_the_rules(s: &dyn Store) {
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
    let stored = s.user_memberships(u.id).await.unwrap().into_iter().find(|x| x.0.org_id == a.id).map(|x| x.0);
    assert_written(
        &m2,
        stored,
        &Membership { role: Role::Admin, sector_id: None, version: m.version + 1, ..m.clone() },
    );
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

async fn failed_user_creation_writes_nothing(s: &dyn Store) {
    let err =
        s.create_user(&new_user("ghost@example.fi"), Some((777, Role::Admin, None)), Actor::SYSTEM).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert!(s.find_login("ghost@example.fi").await.unwrap().is_none(), "the user insert was rolled back");
}

async fn sessions_expire_and_can_be_deleted(s: &dyn Store) {
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

async fn login_attempts_are_counted(s: &dyn Store) {
    use hyte_domain::admin::login::{ACCOUNT_LIMIT, ADDRESS_LIMIT};
    let now = Utc::now();
    let check = |email: &'static str, ip: &'static str, at| async move {
        match s.begin_login_attempt(email, ip, at).await.unwrap() {
            LoginGate::Check { attempt_id } => Some(attempt_id),
            LoginGate::Wait { .. } => None,
        }
    };
    // Sixteen parallel attempts on one account: counted before any is checked, so at most the
    // limit are allowed to check (the others wait), and refused ones are not counted.
    let gates = race(16, |_| s.begin_login_attempt("a@example.fi", "10.0.0.1", now)).await;
    let allowed = gates.iter().filter(|g| matches!(g, Ok(LoginGate::Check { .. }))).count();
    assert_eq!(allowed as i64, ACCOUNT_LIMIT, "{gates:?}");
    assert!(gates.iter().all(|g| g.is_ok()), "{gates:?}");
    assert!(check("a@example.fi", "10.0.0.9", now).await.is_none(), "the account waits, from any address");
    // Another account from the same address is not locked out; a success clears nothing but counts none.
    let b = check("b@example.fi", "10.0.0.1", now).await.unwrap();
    s.login_succeeded(b).await.unwrap();
    assert!(check("b@example.fi", "10.0.0.1", now).await.is_some());
    // Failures older than the window don't count.
    let later = now + Duration::minutes(16);
    assert!(check("a@example.fi", "10.0.0.1", later).await.is_some());
    // An address past its limit backs off: refused right after a failure, checked after the pause.
    for i in 0..ADDRESS_LIMIT {
        let email: &'static str = Box::leak(format!("u{i}@example.fi").into_boxed_str());
        assert!(check(email, "10.0.0.2", now).await.is_some(), "{i}");
    }
    assert!(check("c@example.fi", "10.0.0.2", now).await.is_none(), "backs off");
    assert!(check("c@example.fi", "10.0.0.2", now + Duration::seconds(2)).await.is_some(), "not locked out");
    // Old attempts are deleted.
    assert!(s.delete_old_login_attempts(later).await.unwrap() > 0);
    assert!(check("a@example.fi", "10.0.0.1", now).await.is_some(), "nothing old is left");
    assert_eq!(s.delete_old_login_attempts(now - Duration::hours(1)).await.unwrap(), 0);
}

async fn a_waiting_account_is_told_the_whole_remaining_wait(s: &dyn Store) {
    use hyte_domain::admin::login::ACCOUNT_LIMIT;
    // Whole seconds, so that neither backend's rounding of stored times moves the answer.
    let t0 = chrono::DateTime::from_timestamp(Utc::now().timestamp(), 0).unwrap();
    let minute = |m: i64| t0 + Duration::minutes(m);
    // Five failures a minute apart, each from its own address: the account reaches its limit.
    for i in 0..ACCOUNT_LIMIT {
        let gate = s.begin_login_attempt("w@example.fi", &format!("10.1.0.{i}"), minute(i)).await.unwrap();
        assert!(matches!(gate, LoginGate::Check { .. }), "{i}: {gate:?}");
    }
    // Ten minutes after the first failure, five are left until it ages out and the account may try.
    let gate = s.begin_login_attempt("w@example.fi", "10.1.1.1", minute(10)).await.unwrap();
    assert_eq!(gate, LoginGate::Wait { seconds: 300 });
    let gate = s.begin_login_attempt("w@example.fi", "10.1.1.1", minute(15) - Duration::seconds(1)).await.unwrap();
    assert_eq!(gate, LoginGate::Wait { seconds: 1 });
    // And then it may: the wait told was not too short, nor longer than needed.
    let gate = s.begin_login_attempt("w@example.fi", "10.1.1.1", minute(15)).await.unwrap();
    assert!(matches!(gate, LoginGate::Check { .. }), "{gate:?}");
}

async fn audit_log_is_per_organisation(s: &dyn Store) {
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

/// Parallel writers: on one sector with the same version exactly one wins; two admins demoted or
/// removed at once (each with their own current version) leave the organisation one admin, the
/// other writer gets `last_admin` (the organisation's row is locked before the count).
async fn concurrent_sector_edits_and_admin_demotions(s: &dyn Store) {
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let sec = s.list_sectors(o.id).await.unwrap()[0].clone();
    let (org_id, sec_id, version) = (o.id, sec.id, sec.version);
    let results = race(WRITERS, |i| {
        let input = SectorInput::parse(&format!("Sektori {i}"), "", "").unwrap();
        async move { s.update_sector(org_id, sec_id, version, &input, Actor::SYSTEM).await }
    })
    .await;
    one_wins("sector", &results);
    let stored = s.list_sectors(o.id).await.unwrap().into_iter().find(|x| x.id == sec.id).unwrap();
    assert_eq!(stored.version, sec.version + 1);

    for round in 0..4 {
        let o = org(s, OrgKind::Municipality, &format!("Kunta {round}")).await;
        let mut admins = vec![];
        for who in ["a", "b"] {
            let email = format!("{who}{round}@example.fi");
            admins
                .push(s.create_user(&new_user(&email), Some((o.id, Role::Admin, None)), Actor::SYSTEM).await.unwrap());
        }
        let org_id = o.id;
        let results = race(2, |i| {
            let user = admins[i].id;
            async move {
                if round % 2 == 0 {
                    s.update_membership(org_id, user, 1, Role::Viewer, None, Actor::SYSTEM).await.map(|_| ())
                } else {
                    s.remove_membership(org_id, user, 1, Actor::SYSTEM).await
                }
            }
        })
        .await;
        assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1, "round {round}: {results:?}");
        let lost = results.iter().find_map(|r| r.as_ref().err()).unwrap();
        assert_eq!(lost.code(), ErrorCode::LastAdmin, "round {round}");
        let members = s.org_members(o.id).await.unwrap();
        assert_eq!(members.iter().filter(|m| m.membership.role == Role::Admin).count(), 1, "round {round}");
    }
}

/// Nobody becomes a member without accepting; declining leaves no membership; all is audited.
async fn invitations_need_the_users_consent(s: &dyn Store) {
    let kuopio = org(s, OrgKind::Municipality, "Kuopio").await;
    let county = org(s, OrgKind::WellbeingCounty, "Pohjois-Savo").await;
    let admin = Some((kuopio.id, Role::Admin, None));
    let user = s.create_user(&new_user("kalle@kuopio.example"), admin, Actor::SYSTEM).await.unwrap();
    let other = s.create_user(&new_user("olli@oulu.example"), None, Actor::SYSTEM).await.unwrap();
    s.invite(county.id, user.id, Role::Viewer, None, Actor::SYSTEM).await.unwrap();
    s.invite(county.id, other.id, Role::Editor, None, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.account_state(user.id).await.unwrap(), AccountState { instance_admin: false, invitations: 1 });
    assert_eq!(s.user_memberships(user.id).await.unwrap().len(), 1, "not a member before accepting");
    let waiting = s.user_invitations(user.id).await.unwrap();
    assert_eq!((waiting.len(), waiting[0].0.role, waiting[0].1.id), (1, Role::Viewer, county.id));
    assert_eq!(s.org_invitations(county.id).await.unwrap().len(), 2);
    let again = s.invite(kuopio.id, user.id, Role::Viewer, None, Actor::SYSTEM).await;
    assert_eq!(again.unwrap_err().code(), ErrorCode::AlreadyMember);
    let joined = s.answer_invitation(user.id, county.id, true).await.unwrap().unwrap();
    assert_eq!((joined.org_id, joined.role), (county.id, Role::Viewer));
    assert_eq!(s.user_memberships(user.id).await.unwrap().len(), 2);
    assert!(s.answer_invitation(other.id, county.id, false).await.unwrap().is_none());
    assert!(s.user_memberships(other.id).await.unwrap().is_empty(), "declined");
    assert!(s.org_invitations(county.id).await.unwrap().is_empty(), "both answered");
    let none = s.answer_invitation(other.id, county.id, true).await;
    assert_eq!(none.unwrap_err().code(), ErrorCode::NotFound, "no invitation, no membership");
    assert_eq!(s.account_state(user.id).await.unwrap().invitations, 0, "answered");

    // The instance administrator's rights: granted and taken away, in the instance's own log.
    s.set_instance_admin(other.id, true, Actor::SYSTEM).await.unwrap();
    assert!(s.account_state(other.id).await.unwrap().instance_admin);
    s.set_instance_admin(other.id, false, Actor::SYSTEM).await.unwrap();
    assert!(!s.account_state(other.id).await.unwrap().instance_admin);
    let instance = s.instance_audit_log(10).await.unwrap();
    assert_eq!(instance.iter().filter(|e| e.action == "user.instance_admin").count(), 2);
    assert_eq!(s.account_state(9999).await.unwrap(), AccountState::default(), "no such user");

    let log = s.audit_log(county.id, 20).await.unwrap();
    for action in ["invitation.create", "membership.create", "invitation.decline"] {
        assert!(log.iter().any(|e| e.action == action), "{action}");
    }
}
