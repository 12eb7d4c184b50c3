//! Import jobs: one upload into the knowledge base, its progress and its outcome.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// Where an import job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Running,
    Done,
    Failed,
}

impl JobState {
    pub const ALL: [JobState; 3] = [JobState::Running, JobState::Done, JobState::Failed];

    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Running => "running",
            JobState::Done => "done",
            JobState::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<JobState> {
        JobState::ALL.into_iter().find(|j| j.as_str() == s)
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
    /// `sotkanet` or `own`.
    pub kind: String,
    pub state: JobState,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Observations written.
    pub written: i64,
    /// JSON: the import's report when done, the error (file, line, field, message) when failed.
    pub summary: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_round_trip() {
        for s in [JobState::Running, JobState::Done, JobState::Failed] {
            assert_eq!(JobState::parse(s.as_str()), Some(s));
        }
        assert_eq!(JobState::parse("paused"), None);
    }
}
