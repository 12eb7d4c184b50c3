//! Live progress of one import, shared between the task doing it and whoever shows it.

use serde::Serialize;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering::Relaxed};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Reading and parsing the file.
    Reading,
    /// Checking every row against the indicators and regions (nothing written yet).
    Checking,
    /// Writing, in one transaction.
    Writing,
    Finished,
}

const PHASES: [Phase; 4] = [Phase::Reading, Phase::Checking, Phase::Writing, Phase::Finished];

#[derive(Debug, Default)]
pub struct Progress {
    phase: AtomicU8,
    checked: AtomicU64,
    total: AtomicU64,
    written: AtomicU64,
}

/// A consistent-enough reading of [`Progress`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Snapshot {
    pub phase: Phase,
    /// Rows checked so far.
    pub checked: u64,
    /// Rows in the file (known once checking is over; 0 before).
    pub total: u64,
    /// Rows handed to the database so far.
    pub written: u64,
}

impl Snapshot {
    /// Percent done (0–100): checking counts as the first half when the size is unknown.
    pub fn percent(&self) -> u64 {
        match self.phase {
            Phase::Reading | Phase::Checking => 0,
            Phase::Writing if self.total > 0 => (self.written * 100 / self.total).min(99),
            Phase::Writing => 0,
            Phase::Finished => 100,
        }
    }
}

impl Progress {
    pub fn set_phase(&self, p: Phase) {
        self.phase.store(PHASES.iter().position(|x| *x == p).unwrap_or(0) as u8, Relaxed);
    }
    pub fn checked(&self, n: u64) {
        self.checked.fetch_add(n, Relaxed);
    }
    pub fn set_total(&self, n: u64) {
        self.total.store(n, Relaxed);
    }
    pub fn written(&self, n: u64) {
        self.written.fetch_add(n, Relaxed);
    }
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            phase: PHASES.get(usize::from(self.phase.load(Relaxed))).copied().unwrap_or(Phase::Reading),
            checked: self.checked.load(Relaxed),
            total: self.total.load(Relaxed),
            written: self.written.load(Relaxed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_follows_the_writing() {
        let p = Progress::default();
        assert_eq!(p.snapshot().phase, Phase::Reading);
        p.set_phase(Phase::Checking);
        p.checked(200);
        assert_eq!((p.snapshot().checked, p.snapshot().percent()), (200, 0));
        p.set_total(200);
        p.set_phase(Phase::Writing);
        p.written(50);
        assert_eq!(p.snapshot().percent(), 25);
        p.written(150);
        assert_eq!(p.snapshot().percent(), 99, "100 only when committed");
        p.set_phase(Phase::Finished);
        assert_eq!(p.snapshot().percent(), 100);
    }
}
