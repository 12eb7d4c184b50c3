//! The coverage matrix: which client groups each service reaches (with the reach share where a
//! group size is known), and the gaps, groups that no service names.

use super::Service;
use crate::population::PopulationGroup;
use serde::Serialize;

/// One cell of the matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub targeted: bool,
    /// The latest year's clients per group member, %.
    pub share: Option<f64>,
    pub clients: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// The groups (columns): every group of the classification except "everyone".
    pub groups: Vec<PopulationGroup>,
    /// (service id, one cell per group).
    pub rows: Vec<(i64, Vec<Cell>)>,
    /// Groups that no service names.
    pub gaps: Vec<PopulationGroup>,
}

/// Builds the matrix of `services`. A service for "everyone" closes no gap: a gap is a group no
/// service is aimed at.
pub fn coverage(services: &[Service]) -> Coverage {
    let groups: Vec<PopulationGroup> =
        PopulationGroup::ALL.into_iter().filter(|g| *g != PopulationGroup::Everyone).collect();
    let rows = services
        .iter()
        .map(|s| {
            let cells = groups
                .iter()
                .map(|g| {
                    let latest = s.input.reach.iter().filter(|r| r.group == *g).max_by_key(|r| r.year);
                    Cell {
                        targeted: s.input.groups.contains(*g),
                        share: latest.and_then(|r| r.share()),
                        clients: latest.map(|r| r.clients),
                    }
                })
                .collect();
            (s.id, cells)
        })
        .collect();
    let gaps = groups.iter().copied().filter(|g| !services.iter().any(|s| s.input.groups.contains(*g))).collect();
    Coverage { groups, rows, gaps }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population::Groups;
    use crate::services::{Producer, Reach, ServiceInput};
    use crate::Names;

    fn service(id: i64, groups: &[PopulationGroup], reach: Vec<Reach>) -> Service {
        Service {
            id,
            org_id: 1,
            input: ServiceInput {
                names: Names::new("Palvelu", None, None),
                description: None,
                producer: Producer::Own,
                provider_id: None,
                groups: Groups::new(groups.iter().copied()),
                hyte_tasks: None,
                quality: None,
                indicators: vec![],
                reach,
            },
            version: 1,
        }
    }

    #[test]
    fn gaps_are_the_groups_no_service_names() {
        use PopulationGroup::*;
        let reach = vec![
            Reach { group: Children, year: 2024, clients: 100, group_size: Some(1000) },
            Reach { group: Children, year: 2025, clients: 300, group_size: Some(1000) },
        ];
        let c = coverage(&[service(1, &[Children, Families], reach), service(2, &[Everyone], vec![])]);
        assert!(!c.groups.contains(&Everyone));
        let children = c.groups.iter().position(|g| *g == Children).unwrap();
        assert_eq!(c.rows[0].1[children], Cell { targeted: true, share: Some(30.0), clients: Some(300) });
        assert!(c.gaps.contains(&Homeless) && !c.gaps.contains(&Families) && !c.gaps.contains(&Children));
        assert_eq!(c.gaps.len(), c.groups.len() - 2);
    }
}
