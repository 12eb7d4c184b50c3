//! Monitoring periods: a contract's criteria are reported monthly, quarterly or yearly; a period
//! is written `2025`, `2025-Q1` or `2025-03`.

use crate::codes::codes;
use crate::ErrorCode;
use chrono::{Datelike, NaiveDate};

codes! {
    /// How often a criterion is reported.
    pub enum Schedule: "schedule-" {
        Monthly = "monthly",
        Quarterly = "quarterly",
        Yearly = "yearly",
    }
}

impl Schedule {
    pub fn per_year(self) -> u32 {
        match self {
            Schedule::Monthly => 12,
            Schedule::Quarterly => 4,
            Schedule::Yearly => 1,
        }
    }

    /// Every period of `year`, in order.
    pub fn periods(self, year: i32) -> Vec<Period> {
        (1..=self.per_year()).map(|part| Period { year, schedule: self, part }).collect()
    }
}

/// One reporting period: a year, a quarter (`part` 1–4) or a month (1–12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: i32,
    pub schedule: Schedule,
    pub part: u32,
}

impl Period {
    /// Parses `2025`, `2025-Q1` or `2025-03`; `period_invalid` for anything else, or when the
    /// period is not of `schedule`.
    pub fn parse(s: &str, schedule: Schedule) -> Result<Period, ErrorCode> {
        let s = s.trim();
        let (year, rest) = s.split_once('-').map_or((s, None), |(y, r)| (y, Some(r)));
        let year: i32 = year.parse().ok().filter(|y| (2000..=2100).contains(y)).ok_or(ErrorCode::PeriodInvalid)?;
        let (found, part) = match rest {
            None => (Schedule::Yearly, 1),
            Some(q) if q.len() == 2 && (q.starts_with('Q') || q.starts_with('q')) => {
                (Schedule::Quarterly, q[1..].parse().map_err(|_| ErrorCode::PeriodInvalid)?)
            }
            Some(m) if m.len() == 2 => (Schedule::Monthly, m.parse().map_err(|_| ErrorCode::PeriodInvalid)?),
            Some(_) => return Err(ErrorCode::PeriodInvalid),
        };
        if found != schedule || part == 0 || part > schedule.per_year() {
            return Err(ErrorCode::PeriodInvalid);
        }
        Ok(Period { year, schedule, part })
    }

    /// The period's code, as [`Period::parse`] reads it.
    pub fn code(&self) -> String {
        match self.schedule {
            Schedule::Yearly => self.year.to_string(),
            Schedule::Quarterly => format!("{}-Q{}", self.year, self.part),
            Schedule::Monthly => format!("{}-{:02}", self.year, self.part),
        }
    }

    pub fn first_day(&self) -> NaiveDate {
        let month = (self.part - 1) * (12 / self.schedule.per_year()) + 1;
        NaiveDate::from_ymd_opt(self.year, month, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(&self) -> NaiveDate {
        let months = 12 / self.schedule.per_year();
        let next = self.first_day().checked_add_months(chrono::Months::new(months)).unwrap_or(NaiveDate::MAX);
        next.pred_opt().unwrap_or(next)
    }

    /// The report is due one month after the period ends.
    pub fn due(&self) -> NaiveDate {
        let end = self.last_day();
        end.checked_add_months(chrono::Months::new(1)).unwrap_or(end)
    }

    /// Whether the period lies within the dates (a contract's term).
    pub fn within(&self, starts: NaiveDate, ends: NaiveDate) -> bool {
        self.last_day() >= starts && self.first_day() <= ends
    }

    /// The periods of a term that have ended by `today`, oldest first.
    pub fn ended(schedule: Schedule, starts: NaiveDate, ends: NaiveDate, today: NaiveDate) -> Vec<Period> {
        (starts.year()..=ends.year().min(today.year()))
            .flat_map(|y| schedule.periods(y))
            .filter(|p| p.within(starts, ends) && p.last_day() < today)
            .collect()
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_parse_by_schedule() {
        let q = Period::parse("2025-Q3", Schedule::Quarterly).unwrap();
        assert_eq!((q.first_day(), q.last_day(), q.due()), (d(2025, 7, 1), d(2025, 9, 30), d(2025, 10, 30)));
        assert_eq!(q.code(), "2025-Q3");
        let m = Period::parse("2025-02", Schedule::Monthly).unwrap();
        assert_eq!((m.first_day(), m.last_day()), (d(2025, 2, 1), d(2025, 2, 28)));
        assert_eq!(Period::parse("2024", Schedule::Yearly).unwrap().last_day(), d(2024, 12, 31));
        for bad in ["2025-Q5", "2025-Q0", "2025-13", "25", "2025-03", "x", "2025-Q1x"] {
            assert_eq!(Period::parse(bad, Schedule::Quarterly), Err(ErrorCode::PeriodInvalid), "{bad}");
        }
    }

    #[test]
    fn ended_periods_lie_in_the_term() {
        let p = Period::ended(Schedule::Quarterly, d(2025, 1, 1), d(2026, 12, 31), d(2026, 2, 15));
        let codes: Vec<String> = p.iter().map(Period::code).collect();
        assert_eq!(codes, ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
    }
}
