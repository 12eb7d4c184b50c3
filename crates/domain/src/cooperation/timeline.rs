//! The preparation timeline (seed 000's table): tasks with start and end months, who is
//! responsible, their status and a link to what they produce (a report, an assessment, a group).

use super::{n, TEXT_MAX};
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::Names;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Month {
    pub year: i32,
    /// 1…12.
    pub month: u32,
}

impl Month {
    /// Parses `2027-09` (the HTML month input) or `9/2027` (as Finns write it).
    pub fn parse(s: &str) -> Result<Month, ErrorCode> {
        let s = s.trim();
        if s.is_empty() {
            return Err(ErrorCode::Required);
        }
        let (y, m) = match (s.split_once('-'), s.split_once('/')) {
            (Some((y, m)), _) => (y, m),
            (None, Some((m, y))) => (y, m),
            _ => return Err(ErrorCode::DateInvalid),
        };
        match (y.trim().parse::<i32>(), m.trim().parse::<u32>()) {
            (Ok(year), Ok(month)) if (2000..=2100).contains(&year) && (1..=12).contains(&month) => {
                Ok(Month { year, month })
            }
            _ => Err(ErrorCode::DateInvalid),
        }
    }

    pub fn of(d: NaiveDate) -> Month {
        Month { year: d.year(), month: d.month() }
    }

    /// Months since year 0: for arithmetic.
    pub fn index(self) -> i32 {
        self.year * 12 + self.month as i32 - 1
    }

    pub fn from_index(i: i32) -> Month {
        Month { year: i.div_euclid(12), month: i.rem_euclid(12) as u32 + 1 }
    }

    pub fn plus(self, months: i32) -> Month {
        Month::from_index(self.index() + months)
    }

    /// The month's last day.
    pub fn last_day(self) -> NaiveDate {
        let next = self.plus(1);
        NaiveDate::from_ymd_opt(next.year, next.month, 1).and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
    }

    /// `2027-09`, for the month input.
    pub fn iso(self) -> String {
        format!("{}-{:02}", self.year, self.month)
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.month, self.year)
    }
}

codes! {
    pub enum TaskStatus: "task-status-" {
        Planned = "planned",
        InProgress = "in_progress",
        Done = "done",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskInput {
    pub title: String,
    pub starts: Month,
    pub ends: Month,
    pub responsible: Option<String>,
    pub status: TaskStatus,
    /// A page in Hyte that the task produces, e.g. `/orgs/3/reports/7`.
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub id: i64,
    pub org_id: i64,
    pub input: TaskInput,
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TaskForm {
    pub title: String,
    pub starts: String,
    pub ends: String,
    pub responsible: String,
    pub status: String,
    pub link: String,
    pub version: i64,
}

impl TaskForm {
    pub fn parse(&self) -> Result<TaskInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let title = e.check("title", required_text(&self.title, 400));
        let starts = e.check("starts", Month::parse(&self.starts));
        let ends = e.check("ends", Month::parse(&self.ends));
        if let (Some(s), Some(x)) = (starts, ends) {
            if x < s {
                e.add("ends", ErrorCode::DateInvalid);
            }
        }
        let responsible = e.check("responsible", optional_text(&self.responsible, TEXT_MAX));
        let status = e.check("status", TaskStatus::parse(&self.status).ok_or(ErrorCode::Required));
        let link = e.check(
            "link",
            match optional_text(&self.link, 300) {
                Ok(Some(l)) => crate::local_path(&l).map(Some).ok_or(ErrorCode::InvalidInput),
                other => other,
            },
        );
        match (title, starts, ends, responsible, status, link) {
            (Some(title), Some(starts), Some(ends), Some(responsible), Some(status), Some(link)) if e.is_empty() => {
                Ok(TaskInput { title, starts, ends, responsible, status, link })
            }
            _ => Err(e),
        }
    }

    pub fn from_input(t: &TaskInput, version: i64) -> TaskForm {
        TaskForm {
            title: t.title.clone(),
            starts: t.starts.iso(),
            ends: t.ends.iso(),
            responsible: t.responsible.clone().unwrap_or_default(),
            status: t.status.as_str().into(),
            link: t.link.clone().unwrap_or_default(),
            version,
        }
    }
}

/// How many months ahead the deadlines shown are: the rest of this month and the next two.
pub const DEADLINE_MONTHS: i32 = 2;

/// The last day of the month `months` months after `today`'s.
pub fn horizon(today: NaiveDate, months: i32) -> NaiveDate {
    Month::of(today).plus(months).last_day()
}

/// The deadline window: what is due by this day (the last day of the month
/// [`DEADLINE_MONTHS`] months ahead), late ones included, is shown as a deadline; tasks on the
/// timeline and agreements of groups alike.
pub fn deadline_horizon(today: NaiveDate) -> NaiveDate {
    horizon(today, DEADLINE_MONTHS)
}

impl Task {
    /// Not done and ending by the end of the month `within` months from `today`'s (overdue ones
    /// included).
    pub fn due_within(&self, today: NaiveDate, within: i32) -> bool {
        self.input.status != TaskStatus::Done && self.input.ends.last_day() <= horizon(today, within)
    }

    /// Not done and ending within the deadline window ([`deadline_horizon`]), late ones included.
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.due_within(today, DEADLINE_MONTHS)
    }

    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.input.status != TaskStatus::Done && self.input.ends < Month::of(today)
    }
}

/// Seed 000's preparation tasks: (months from the start, how many months, names).
pub fn preparation_tasks() -> Vec<(i32, i32, Names)> {
    vec![
        (0, 1, n("Suunnitelma hyte-tehtävien valmistelusta", "Plan för beredningen av uppgifterna inom främjandet av välfärd och hälsa", "Plan for preparing the HYTE duties")),
        (0, 2, n("Kokonaiskuva väestön hyvinvoinnista ja terveydestä sekä kuntien hyvinvointikertomusten painopisteet", "Helhetsbild av befolkningens välfärd och hälsa samt prioriteringarna i kommunernas välfärdsberättelser", "Overall picture of the population's well-being and health, and the priorities of the municipalities' reports")),
        (0, 4, n("Ehdotus hyten strategisen johtamisen organisoimiseksi", "Förslag om hur den strategiska ledningen av främjandet ska organiseras", "Proposal for organising the strategic leadership of HYTE")),
        (0, 4, n("Hyte-tavoitteet ja -toimenpiteet palvelustrategiaan ja palvelulupaukseen", "Mål och åtgärder för främjandet i servicestrategin och servicelöftet", "HYTE goals and measures in the service strategy and service promise")),
        (1, 3, n("Kunnille tarjottavan tuen tarpeiden selvittäminen ja suunnittelu", "Kartläggning och planering av stödet till kommunerna", "Finding out and planning the support needed by the municipalities")),
        (1, 3, n("Asukasosallisuutta ja alueellista yhteistyötä tukevat toimintamallit", "Verksamhetsmodeller som stöder invånarnas delaktighet och regionalt samarbete", "Ways of working for resident participation and regional cooperation")),
        (0, 6, n("Yhdyspintapalveluiden määrittely ja suunnitelma yhteistyöstä ja työnjaosta", "Kontaktytstjänsterna definieras och en plan för samarbete och arbetsfördelning görs", "Defining the interface services and planning cooperation and the division of work")),
        (1, 5, n("Hyte-tehtävät tuottajaehtoihin, sopimusluonnoksiin ja korvausmalleihin", "Uppgifterna inom främjandet i producentvillkor, avtalsutkast och ersättningsmodeller", "HYTE duties in provider terms, draft contracts and payment models")),
        (2, 4, n("Alueellinen hyvinvointikertomus ja tietopohja tiedonhallinnan tiekarttaan", "Den regionala välfärdsberättelsen och kunskapsunderlaget i färdplanen för informationshantering", "The regional well-being report and its knowledge base in the information-management roadmap")),
        (4, 2, n("Asioiden valmistelu valtuuston päätöksentekoa varten", "Beredning av ärendena för fullmäktiges beslut", "Preparing the matters for the council's decision")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_both_ways_and_count() {
        assert_eq!(Month::parse("2027-09"), Ok(Month { year: 2027, month: 9 }));
        assert_eq!(Month::parse("9/2027"), Month::parse("2027-09"));
        assert_eq!(Month::parse("13/2027"), Err(ErrorCode::DateInvalid));
        let m = Month { year: 2026, month: 11 };
        assert_eq!(m.plus(3), Month { year: 2027, month: 2 });
        assert_eq!(m.plus(-11), Month { year: 2025, month: 12 });
        assert_eq!(m.to_string(), "11/2026");
        let f = TaskForm {
            title: "x".into(),
            starts: "2027-02".into(),
            ends: "2027-01".into(),
            status: "planned".into(),
            link: "https://x".into(),
            ..Default::default()
        };
        let e = f.parse().unwrap_err();
        assert_eq!(e.0.iter().map(|x| x.field).collect::<Vec<_>>(), ["ends", "link"]);
        let t = Task {
            id: 1,
            org_id: 1,
            input: TaskForm { starts: "2026-12".into(), ends: "2027-01".into(), link: "/orgs/1".into(), ..f }
                .parse()
                .unwrap(),
            version: 1,
        };
        let day = |s| crate::reports::parse_date(s).unwrap();
        assert!(t.due_within(day("2026-11-15"), 2) && !t.due_within(day("2026-10-15"), 2));
        assert!(t.is_due(day("2026-11-15")) && !t.is_due(day("2026-10-31")));
        assert!(t.overdue(day("2027-02-01")) && !t.overdue(day("2027-01-31")));
        assert_eq!(preparation_tasks().len(), 10);
    }

    #[test]
    fn the_deadline_window_ends_two_months_ahead() {
        let day = |s| crate::reports::parse_date(s).unwrap();
        assert_eq!(deadline_horizon(day("2026-11-15")), day("2027-01-31"));
        assert_eq!(deadline_horizon(day("2026-12-01")), day("2027-02-28"));
        assert_eq!(deadline_horizon(day("2027-12-31")), day("2028-02-29"));
        assert_eq!(Month { year: 2027, month: 2 }.last_day(), day("2027-02-28"));
        crate::codes::assert_codes::<TaskStatus>(&["planned", "in_progress", "done"]);
    }
}
