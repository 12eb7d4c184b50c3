//! The coordination of participation and volunteering in a municipality: which kinds of activity
//! exist in the activity directory, which are missing, and which interface services coordinate
//! them (their leads are the coordinators).

use super::{InterfaceKind, InterfaceService};
use crate::partners::ActivityKind;
use serde::Serialize;

/// A service that coordinates a kind of activity in the area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coordinator {
    pub service_id: i64,
    /// The service's leads.
    pub leads: Vec<i64>,
}

/// One kind of activity in the area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoordinationRow {
    pub kind: ActivityKind,
    /// Activities of the kind in the directory.
    pub count: i64,
    /// None in the directory.
    pub missing: bool,
    /// The volunteering services covering the area that list the kind.
    pub coordinators: Vec<Coordinator>,
}

impl CoordinationRow {
    /// The coordinating organisations, each once, in the services' order.
    pub fn lead_orgs(&self) -> Vec<i64> {
        let mut out: Vec<i64> = Vec::new();
        for id in self.coordinators.iter().flat_map(|c| &c.leads) {
            if !out.contains(id) {
                out.push(*id);
            }
        }
        out
    }
}

/// A row per activity kind (except `Other`), in the kinds' order, for the municipality with the
/// code `area`: `activities` are the directory's counts there (a kind may repeat; counts add),
/// `services` any interface services (only volunteering ones covering `area` count).
pub fn coordination(
    area: &str,
    activities: &[(ActivityKind, i64)],
    services: &[InterfaceService],
) -> Vec<CoordinationRow> {
    let here: Vec<&InterfaceService> = services
        .iter()
        .filter(|s| s.input.kind == InterfaceKind::Volunteering && s.input.areas.iter().any(|a| a == area))
        .collect();
    ActivityKind::ALL
        .into_iter()
        .filter(|k| *k != ActivityKind::Other)
        .map(|kind| {
            let count: i64 = activities.iter().filter(|(k, _)| *k == kind).map(|(_, n)| (*n).max(0)).sum();
            let coordinators = here
                .iter()
                .filter(|s| s.input.activity_kinds.contains(&kind))
                .map(|s| Coordinator {
                    service_id: s.id,
                    leads: s.parties.iter().filter(|p| s.is_lead(p.org_id)).map(|p| p.org_id).collect(),
                })
                .collect();
            CoordinationRow { kind, count, missing: count == 0, coordinators }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interface::{InterfaceInput, Party, PartyRole};
    use crate::population::Groups;
    use crate::Names;

    fn service(
        id: i64,
        kind: InterfaceKind,
        areas: &[&str],
        kinds: &[ActivityKind],
        leads: &[i64],
    ) -> InterfaceService {
        let mut parties: Vec<Party> = leads.iter().map(|o| Party { org_id: *o, role: PartyRole::Lead }).collect();
        parties.push(Party { org_id: 99, role: PartyRole::Partner });
        InterfaceService {
            id,
            input: InterfaceInput {
                names: Names::new("Vapaaehtoistoiminnan koordinaatio", None, None),
                description: None,
                kind,
                areas: areas.iter().map(|a| a.to_string()).collect(),
                target_groups: Groups::default(),
                vulnerable_groups: Groups::default(),
                activity_kinds: kinds.to_vec(),
            },
            parties,
            published: true,
            version: 1,
        }
    }

    #[test]
    fn kinds_are_counted_missing_or_coordinated() {
        use ActivityKind as K;
        let services = [
            service(1, InterfaceKind::Volunteering, &["297", "749"], &[K::SupportPerson, K::PeerGroup], &[10, 11]),
            service(2, InterfaceKind::Volunteering, &["297"], &[K::PeerGroup], &[11]),
            // Not volunteering, or elsewhere: not coordinators here.
            service(3, InterfaceKind::MultiSector, &["297"], &[K::LanguageNest], &[12]),
            service(4, InterfaceKind::Volunteering, &["091"], &[K::LanguageNest], &[13]),
        ];
        let activities = [(K::PeerSupport, 3), (K::SupportPerson, 2), (K::PeerSupport, 1), (K::Other, 5)];
        let rows = coordination("297", &activities, &services);
        assert_eq!(rows.len(), K::ALL.len() - 1);
        assert!(rows.iter().all(|r| r.kind != K::Other));
        let row = |k: K| rows.iter().find(|r| r.kind == k).unwrap();
        assert_eq!((row(K::PeerSupport).count, row(K::PeerSupport).missing), (4, false));
        assert!(row(K::PeerSupport).coordinators.is_empty());
        assert_eq!(row(K::SupportPerson).coordinators, [Coordinator { service_id: 1, leads: vec![10, 11] }]);
        let peer = row(K::PeerGroup);
        assert!(peer.missing && peer.count == 0);
        assert_eq!(peer.coordinators.iter().map(|c| c.service_id).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(peer.lead_orgs(), [10, 11]);
        assert!(row(K::LanguageNest).missing && row(K::LanguageNest).coordinators.is_empty());
        let elsewhere = coordination("091", &[], &services);
        assert_eq!(elsewhere.iter().find(|r| r.kind == K::LanguageNest).unwrap().lead_orgs(), [13]);
        assert!(elsewhere.iter().all(|r| r.missing));
    }
}
