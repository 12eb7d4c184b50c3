//! Import jobs: one upload into the knowledge base, its progress and its outcome.

use crate::codes::codes;
use chrono::{DateTime, Utc};
use serde::Serialize;

codes! {
    /// Where an import job is.
    pub enum JobState: "import-state-" {
        Running = "running",
        Done = "done",
        Failed = "failed",
    }
}

codes! {
    /// What an import brings in: Sotkanet's data, or an organisation's own indicators (Hyte's
    /// template). The same codes name an indicator's source.
    pub enum ImportKind: "import-kind-" {
        Sotkanet = "sotkanet",
        Own = "own",
    }
}

/// One import, as recorded in the database (the live progress is kept by the server running it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportJob {
    pub id: i64,
    pub org_id: i64,
    pub user_id: Option<i64>,
    /// The uploaded file's name.
    pub file: String,
    /// `sotkanet` or `own` ([`ImportKind`]).
    pub kind: String,
    pub state: JobState,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Observations written.
    pub written: i64,
    /// JSON: the import's report when done, the error (file, line, field, message) when failed.
    pub summary: Option<String>,
}

impl ImportJob {
    /// The kind of import, if its code is known.
    pub fn import_kind(&self) -> Option<ImportKind> {
        ImportKind::parse(&self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_round_trip() {
        crate::codes::assert_codes::<JobState>(&["running", "done", "failed"]);
        crate::codes::assert_codes::<ImportKind>(&["sotkanet", "own"]);
        assert_eq!(JobState::parse("paused"), None);
    }
}
