//! The division of work (*työnjako*): tasks × organisations, each cell responsible, takes part
//! or is informed; agreed per service and kept as versions, so that who changed what shows.

use super::TEXT_MAX;
use crate::codes::codes;
use crate::error::{required_text, ErrorCode, FieldErrors};
use serde::{Deserialize, Serialize};

codes! {
    pub enum Raci: "raci-" {
        Responsible = "responsible",
        TakesPart = "takes_part",
        Informed = "informed",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub name: String,
    /// (organisation, its part); organisations without a part are left out.
    pub cells: Vec<(i64, Raci)>,
}

impl Task {
    pub fn part_of(&self, org_id: i64) -> Option<Raci> {
        self.cells.iter().find(|(o, _)| *o == org_id).map(|(_, r)| *r)
    }

    /// Nobody is responsible for it.
    pub fn unowned(&self) -> bool {
        !self.cells.iter().any(|(_, r)| *r == Raci::Responsible)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DivisionOfWork {
    pub tasks: Vec<Task>,
}

/// One version of a service's division of work: who saved it and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkVersion {
    pub version: i64,
    pub work: DivisionOfWork,
    pub changed_by: String,
    pub changed_at: chrono::DateTime<chrono::Utc>,
}

/// A difference between two versions.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkChange {
    Added(String),
    Removed(String),
    /// A task's organisation's part changed (None: no part).
    Part {
        task: String,
        org_id: i64,
        from: Option<Raci>,
        to: Option<Raci>,
    },
}

/// A row of the matrix form: its number, the task's name and its organisations' parts.
type FormRow = (usize, String, Vec<(i64, Raci)>);

impl DivisionOfWork {
    /// The tasks nobody leads.
    pub fn unowned(&self) -> Vec<&str> {
        self.tasks.iter().filter(|t| t.unowned()).map(|t| t.name.as_str()).collect()
    }

    /// What changed from `before` to `self`, tasks matched by name.
    pub fn changes_from(&self, before: &DivisionOfWork) -> Vec<WorkChange> {
        let mut out = Vec::new();
        for t in &before.tasks {
            if !self.tasks.iter().any(|n| n.name == t.name) {
                out.push(WorkChange::Removed(t.name.clone()));
            }
        }
        for t in &self.tasks {
            let Some(old) = before.tasks.iter().find(|o| o.name == t.name) else {
                out.push(WorkChange::Added(t.name.clone()));
                continue;
            };
            let mut orgs: Vec<i64> = t.cells.iter().chain(&old.cells).map(|(o, _)| *o).collect();
            orgs.sort_unstable();
            orgs.dedup();
            for o in orgs {
                let (from, to) = (old.part_of(o), t.part_of(o));
                if from != to {
                    out.push(WorkChange::Part { task: t.name.clone(), org_id: o, from, to });
                }
            }
        }
        out
    }

    /// Parses the matrix form: `task_<i>` names a row, `cell_<i>_<org>` its organisation's part
    /// (empty for none); rows with an empty name are dropped; every organisation must be one of
    /// `parties`.
    pub fn from_form(pairs: &[(String, String)], parties: &[i64]) -> Result<DivisionOfWork, FieldErrors> {
        let mut errs = FieldErrors::default();
        let mut rows: Vec<FormRow> = Vec::new();
        for (k, v) in pairs {
            if let Some(i) = k.strip_prefix("task_").and_then(|i| i.parse::<usize>().ok()) {
                if v.trim().is_empty() {
                    continue;
                }
                match required_text(v, TEXT_MAX) {
                    Ok(name) if rows.iter().any(|r| r.1 == name) => errs.add("tasks", ErrorCode::NameTaken),
                    Ok(name) => rows.push((i, name, Vec::new())),
                    Err(e) => errs.add("tasks", e),
                }
            }
        }
        for (k, v) in pairs {
            let Some((i, org)) = k.strip_prefix("cell_").and_then(|r| r.split_once('_')) else {
                continue;
            };
            if v.is_empty() {
                continue;
            }
            let (Ok(i), Ok(org)) = (i.parse::<usize>(), org.parse::<i64>()) else {
                errs.add("tasks", ErrorCode::InvalidInput);
                continue;
            };
            let Some(part) = Raci::parse(v) else {
                errs.add("tasks", ErrorCode::InvalidInput);
                continue;
            };
            if !parties.contains(&org) {
                errs.add("tasks", ErrorCode::ReferenceInvalid);
                continue;
            }
            if let Some(row) = rows.iter_mut().find(|r| r.0 == i) {
                if !row.2.iter().any(|(o, _)| *o == org) {
                    row.2.push((org, part));
                }
            }
        }
        if rows.len() > 100 {
            errs.add("tasks", ErrorCode::TooLong);
        }
        if !errs.0.is_empty() {
            errs.0.dedup();
            return Err(errs);
        }
        rows.sort_by_key(|r| r.0);
        Ok(DivisionOfWork { tasks: rows.into_iter().map(|(_, name, cells)| Task { name, cells }).collect() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn the_matrix_parses_and_shows_unowned_tasks_and_changes() {
        let form = p(&[
            ("task_0", "Asiakkaan ohjaus"),
            ("cell_0_4", "responsible"),
            ("cell_0_7", "informed"),
            ("task_1", "Ryhmien ylläpito"),
            ("cell_1_7", "takes_part"),
            ("task_2", ""),
            ("cell_2_4", "responsible"),
        ]);
        let w = DivisionOfWork::from_form(&form, &[4, 7]).unwrap();
        assert_eq!(w.tasks.len(), 2);
        assert_eq!(w.unowned(), ["Ryhmien ylläpito"]);
        let mut next = w.clone();
        next.tasks[1].cells = vec![(7, Raci::Responsible)];
        next.tasks.remove(0);
        next.tasks.push(Task { name: "Seuranta".into(), cells: vec![] });
        assert_eq!(
            next.changes_from(&w),
            [
                WorkChange::Removed("Asiakkaan ohjaus".into()),
                WorkChange::Part {
                    task: "Ryhmien ylläpito".into(),
                    org_id: 7,
                    from: Some(Raci::TakesPart),
                    to: Some(Raci::Responsible)
                },
                WorkChange::Added("Seuranta".into()),
            ]
        );
    }

    #[test]
    fn an_outsider_or_a_bad_part_is_refused() {
        let e = DivisionOfWork::from_form(&p(&[("task_0", "A"), ("cell_0_9", "responsible")]), &[4]).unwrap_err();
        assert_eq!(e.0[0].code, ErrorCode::ReferenceInvalid);
        let e = DivisionOfWork::from_form(&p(&[("task_0", "A"), ("cell_0_4", "boss")]), &[4]).unwrap_err();
        assert_eq!(e.0[0].code, ErrorCode::InvalidInput);
        let e = DivisionOfWork::from_form(&p(&[("task_0", "A"), ("task_1", "A")]), &[4]).unwrap_err();
        assert_eq!(e.0[0].code, ErrorCode::NameTaken);
    }
}
