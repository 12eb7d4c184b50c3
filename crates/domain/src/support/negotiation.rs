//! The yearly HYTE negotiation (*hyte-neuvottelu*) between the county and each of its
//! municipalities: a meeting (date, place, participants) whose agenda is prefilled from the data
//! ([`prefilled_agenda`]: the municipality's priorities and goal progress, key indicators against
//! the county and the country, its staircase step, contact-pair gaps, support needs and support
//! delivered), which the coordinators then edit; the minutes; and the actions agreed, which are the
//! cooperation room's agreements ([`AgreementInput`], with its rules) kept with the negotiation.
//! The reports municipalities send to their county are in [`sent`].

pub mod sent;

pub use sent::*;

use crate::codes::{codes, keys};
use crate::cooperation::{Agreement, AgreementInput, ContactPair, ContactTheme};
use crate::error::{optional_text, ErrorCode, FieldErrors};
use crate::reports::parse_date;
use crate::support::plan::Delivery;
use crate::support::survey::Need;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

const TEXT_MAX: usize = 200;
const LONG_MAX: usize = 8_000;
/// The most agenda items a negotiation keeps.
pub const AGENDA_MAX: usize = 30;

codes! {
    /// What an agenda item is about: one of the items prefilled from the data, or the coordinators' own.
    pub enum AgendaKind: "negotiation-item-" {
        Priorities = "priorities",
        GoalProgress = "goal_progress",
        Indicators = "indicators",
        Staircase = "staircase",
        ContactGaps = "contact_gaps",
        SupportNeeds = "support_needs",
        SupportDelivered = "support_delivered",
        Own = "own",
    }
}

/// One item of the agenda: its kind, its title (empty: the kind's own title) and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub kind: AgendaKind,
    pub title: String,
    pub text: String,
}

impl AgendaItem {
    /// An edited or added item: the coordinators' own items need a title.
    pub fn parse(kind: AgendaKind, title: &str, text: &str) -> Result<AgendaItem, FieldErrors> {
        let mut e = FieldErrors::default();
        let title = e.check(
            "title",
            match (kind, optional_text(title, TEXT_MAX)) {
                (AgendaKind::Own, Ok(None)) => Err(ErrorCode::Required),
                (_, r) => r.map(Option::unwrap_or_default),
            },
        );
        let text = e.check("text", optional_text(text, LONG_MAX).map(Option::unwrap_or_default));
        match (title, text) {
            (Some(title), Some(text)) => Ok(AgendaItem { kind, title, text }),
            _ => Err(e),
        }
    }
}

/// The meeting: when, where, who took part, and the minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NegotiationInput {
    pub held_on: NaiveDate,
    pub place: Option<String>,
    pub participants: Option<String>,
    pub minutes: Option<String>,
}

impl NegotiationInput {
    pub fn parse(held_on: &str, place: &str, participants: &str, minutes: &str) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::default();
        let held_on = e.check("held_on", parse_date(held_on));
        let place = e.check("place", optional_text(place, TEXT_MAX));
        let participants = e.check("participants", optional_text(participants, LONG_MAX));
        let minutes = e.check("minutes", optional_text(minutes, LONG_MAX));
        match (held_on, place, participants, minutes) {
            (Some(held_on), Some(place), Some(participants), Some(minutes)) => {
                Ok(NegotiationInput { held_on, place, participants, minutes })
            }
            _ => Err(e),
        }
    }

    /// The year the negotiation belongs to: the year it is held.
    pub fn year(&self) -> i32 {
        self.held_on.year()
    }
}

/// A negotiation between the county `county_org_id` and its municipality `org_id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Negotiation {
    pub id: i64,
    pub county_org_id: i64,
    pub org_id: i64,
    pub year: i32,
    pub input: NegotiationInput,
    pub agenda: Vec<AgendaItem>,
    pub version: i64,
}

/// What a negotiation keeps as its body: the meeting and the agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NegotiationBody {
    pub input: NegotiationInput,
    pub agenda: Vec<AgendaItem>,
}

/// `invalid_input` for an agenda longer than [`AGENDA_MAX`].
pub fn check_agenda(agenda: &[AgendaItem]) -> Result<(), ErrorCode> {
    if agenda.len() > AGENDA_MAX {
        return Err(ErrorCode::InvalidInput);
    }
    Ok(())
}

/// An action agreed in a negotiation: a cooperation agreement (who does what by when), tracked to done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreedAction {
    pub id: i64,
    pub negotiation_id: i64,
    pub input: AgreementInput,
    pub done_on: Option<NaiveDate>,
    pub version: i64,
}

impl AgreedAction {
    /// The action as a cooperation agreement, whose rules it follows (its meeting: the negotiation).
    pub fn agreement(&self) -> Agreement {
        Agreement {
            id: self.id,
            group_id: 0,
            meeting_id: self.negotiation_id,
            input: self.input.clone(),
            done_on: self.done_on,
            version: self.version,
        }
    }

    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.agreement().overdue(today)
    }
}

/// A goal of the municipality's plan and how it is doing (the progress as the page words it).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GoalFact {
    pub goal: String,
    pub progress: Vec<String>,
}

/// A key indicator's latest values (formatted), for the municipality, the county and the country.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndicatorFact {
    pub indicator: String,
    pub municipality: Option<String>,
    pub county: Option<String>,
    pub country: Option<String>,
}

/// What the agenda is prefilled from, as the page words it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AgendaFacts {
    /// The report whose plan the priorities and goals come from.
    pub plan: Option<String>,
    pub priorities: Vec<String>,
    pub goals: Vec<GoalFact>,
    pub indicators: Vec<IndicatorFact>,
    /// The latest staircase self-assessment: (year, step 1…7, the step's words).
    pub staircase: Option<(i32, i32, String)>,
    pub contact_gaps: Vec<String>,
    pub support_needs: Vec<String>,
    pub support_delivered: Vec<String>,
}

fn lines(items: impl IntoIterator<Item = String>) -> String {
    items.into_iter().map(|s| format!("– {s}")).collect::<Vec<_>>().join("\n")
}

/// The agenda a new negotiation starts with: one item per kind of data, in a fixed order, each
/// listing the facts (empty text when the data has none; the page says so).
pub fn prefilled_agenda(f: &AgendaFacts) -> Vec<AgendaItem> {
    let item = |kind, text: String| AgendaItem { kind, title: String::new(), text };
    let mut priorities = lines(f.priorities.iter().cloned());
    if let (Some(plan), false) = (&f.plan, priorities.is_empty()) {
        priorities = format!("{plan}\n{priorities}");
    }
    let goals = lines(f.goals.iter().map(|g| match g.progress.is_empty() {
        true => g.goal.clone(),
        false => format!("{}: {}", g.goal, g.progress.join(", ")),
    }));
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "–".into());
    let indicators =
        lines(f.indicators.iter().map(|i| {
            format!("{}: {} | {} | {}", i.indicator, dash(&i.municipality), dash(&i.county), dash(&i.country))
        }));
    let staircase = f.staircase.as_ref().map(|(y, s, words)| format!("{s}/7 ({y}): {words}")).unwrap_or_default();
    vec![
        item(AgendaKind::Priorities, priorities),
        item(AgendaKind::GoalProgress, goals),
        item(AgendaKind::Indicators, indicators),
        item(AgendaKind::Staircase, staircase),
        item(AgendaKind::ContactGaps, lines(f.contact_gaps.iter().cloned())),
        item(AgendaKind::SupportNeeds, lines(f.support_needs.iter().cloned())),
        item(AgendaKind::SupportDelivered, lines(f.support_delivered.iter().cloned())),
    ]
}

/// The agenda's key indicators: the county's own set first (in its order), then the goals'
/// indicators not in it, each once.
pub fn key_indicators(set: Vec<i64>, goals: impl IntoIterator<Item = i64>) -> Vec<i64> {
    let mut ids = set;
    for id in goals {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// A support need as the agenda lists it (`area` and `level` in the reader's words): none for a
/// content area without need; the answers' free texts follow in brackets.
pub fn need_fact(n: &Need, area: &str, level: &str) -> Option<String> {
    if n.level.rank() == 0 {
        return None;
    }
    let texts = n.texts.iter().filter(|t| !t.trim().is_empty()).cloned().collect::<Vec<_>>().join("; ");
    let line = format!("{area}: {level}");
    Some(if texts.is_empty() { line } else { format!("{line} ({texts})") })
}

/// Support delivered as the agenda lists it: the date, what (`action`), participants and the
/// feedback score when given (`participants` and `feedback` are the reader's words).
pub fn delivery_fact(d: &Delivery, action: &str, participants: &str, feedback: &str) -> String {
    let mut line = format!("{}: {action}, {participants} {}", d.input.date, d.input.participants);
    if let Some(fb) = &d.feedback {
        line.push_str(&format!(", {feedback} {}/5", fb.score));
    }
    line
}

/// The themes of the county's contact pairs that have no contact in the municipality of
/// `municipality_area_id`, in the themes' order.
pub fn contact_gaps(pairs: &[ContactPair], municipality_area_id: i64) -> Vec<ContactTheme> {
    ContactTheme::ALL
        .iter()
        .copied()
        .filter(|t| pairs.iter().any(|p| p.theme == *t))
        .filter(|t| !pairs.iter().any(|p| p.theme == *t && p.municipality_area_id == Some(municipality_area_id)))
        .collect()
}

/// One municipality's line in the county's summary of a year's negotiations.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub org_id: i64,
    /// The negotiation of the year, if there is one.
    pub negotiation: Option<(i64, NaiveDate)>,
    pub agreed: usize,
    pub done: usize,
}

/// The year's negotiations across the county's `members`, in their order.
pub fn summary(members: &[i64], negotiations: &[Negotiation], actions: &[AgreedAction], year: i32) -> Vec<SummaryRow> {
    members
        .iter()
        .map(|org_id| {
            let n = negotiations.iter().find(|n| n.org_id == *org_id && n.year == year);
            let mine: Vec<&AgreedAction> =
                actions.iter().filter(|a| n.is_some_and(|n| n.id == a.negotiation_id)).collect();
            SummaryRow {
                org_id: *org_id,
                negotiation: n.map(|n| (n.id, n.input.held_on)),
                agreed: mine.len(),
                done: mine.iter().filter(|a| a.done_on.is_some()).count(),
            }
        })
        .collect()
}

/// The translation keys the negotiation pages build from codes.
pub fn translation_keys() -> Vec<String> {
    keys::<AgendaKind>().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::{assert_codes, Code};
    use crate::cooperation::ContactInput;

    #[test]
    fn codes_are_pinned() {
        assert_codes::<AgendaKind>(&[
            "priorities",
            "goal_progress",
            "indicators",
            "staircase",
            "contact_gaps",
            "support_needs",
            "support_delivered",
            "own",
        ]);
    }

    #[test]
    fn the_agenda_is_prefilled_from_the_facts() {
        let f = AgendaFacts {
            plan: Some("Hyvinvointikertomus 2025–2029".into()),
            priorities: vec!["Lasten ja nuorten mielen hyvinvointi".into(), "Liikkuminen".into()],
            goals: vec![GoalFact { goal: "Yksinäisyys vähenee".into(), progress: vec!["Tavoitteessa".into()] }],
            indicators: vec![IndicatorFact {
                indicator: "Työttömät".into(),
                municipality: Some("9,1 (2024)".into()),
                county: None,
                country: Some("10,2 (2024)".into()),
            }],
            staircase: Some((2025, 4, "On meillä tavoitteita ja toimenpiteitä".into())),
            contact_gaps: vec!["Väkivallan ehkäisy".into()],
            ..Default::default()
        };
        let a = prefilled_agenda(&f);
        let kinds: Vec<&str> = a.iter().map(|i| i.kind.as_str()).collect();
        assert_eq!(kinds, AgendaKind::CODES.get(..7).unwrap_or_default());
        let text = |k: AgendaKind| a.iter().find(|i| i.kind == k).map(|i| i.text.clone()).unwrap_or_default();
        assert_eq!(
            text(AgendaKind::Priorities),
            "Hyvinvointikertomus 2025–2029\n– Lasten ja nuorten mielen hyvinvointi\n– Liikkuminen"
        );
        assert_eq!(text(AgendaKind::GoalProgress), "– Yksinäisyys vähenee: Tavoitteessa");
        assert_eq!(text(AgendaKind::Indicators), "– Työttömät: 9,1 (2024) | – | 10,2 (2024)");
        assert_eq!(text(AgendaKind::Staircase), "4/7 (2025): On meillä tavoitteita ja toimenpiteitä");
        assert_eq!(text(AgendaKind::ContactGaps), "– Väkivallan ehkäisy");
        assert_eq!(text(AgendaKind::SupportNeeds), "", "no data: an empty item the page explains");
        assert!(a.iter().all(|i| i.title.is_empty()));
        assert!(prefilled_agenda(&AgendaFacts::default()).iter().all(|i| i.text.is_empty()));
    }

    #[test]
    fn gaps_are_the_themes_without_a_contact_in_the_municipality() {
        let pair = |theme, area| ContactPair {
            id: 1,
            org_id: 1,
            theme,
            municipality_area_id: area,
            input: ContactInput { person: "X".into(), email: None, phone: None },
        };
        let pairs = vec![
            pair(ContactTheme::MentalHealth, None),
            pair(ContactTheme::MentalHealth, Some(7)),
            pair(ContactTheme::ViolencePrevention, None),
            pair(ContactTheme::PhysicalActivity, Some(8)),
        ];
        assert_eq!(contact_gaps(&pairs, 7), [ContactTheme::ViolencePrevention, ContactTheme::PhysicalActivity]);
        assert_eq!(contact_gaps(&pairs, 8), [ContactTheme::ViolencePrevention, ContactTheme::MentalHealth]);
        assert!(contact_gaps(&[], 7).is_empty());
    }

    #[test]
    fn own_items_need_a_title_and_inputs_parse() {
        assert!(AgendaItem::parse(AgendaKind::Own, " ", "x").is_err());
        let i = AgendaItem::parse(AgendaKind::Staircase, "", "Porras 4").unwrap();
        assert_eq!((i.title.as_str(), i.text.as_str()), ("", "Porras 4"));
        let n = NegotiationInput::parse("2026-03-12", "Kuopio", "A, B", "").unwrap();
        assert_eq!((n.year(), n.place.as_deref(), n.minutes), (2026, Some("Kuopio"), None));
        let e = NegotiationInput::parse("", "", "", "").unwrap_err();
        assert_eq!(e.0.iter().map(|f| f.field).collect::<Vec<_>>(), ["held_on"]);
        assert!(check_agenda(&vec![i; AGENDA_MAX + 1]).is_err());
    }

    #[test]
    fn the_summary_counts_each_members_actions() {
        let day = |s: &str| parse_date(s).unwrap();
        let input = NegotiationInput::parse("2026-03-12", "", "", "").unwrap();
        let n = Negotiation { id: 5, county_org_id: 1, org_id: 2, year: 2026, input, agenda: vec![], version: 1 };
        let act = |id, done: Option<&str>| AgreedAction {
            id,
            negotiation_id: 5,
            input: AgreementInput::parse("Tee", "Anna", "2026-06-01").unwrap(),
            done_on: done.map(day),
            version: 1,
        };
        let actions = vec![act(1, Some("2026-05-01")), act(2, None)];
        assert!(actions.get(1).unwrap().overdue(day("2026-06-02")));
        let rows = summary(&[2, 3], std::slice::from_ref(&n), &actions, 2026);
        assert_eq!(
            rows.first(),
            Some(&SummaryRow { org_id: 2, negotiation: Some((5, day("2026-03-12"))), agreed: 2, done: 1 })
        );
        assert_eq!(rows.get(1), Some(&SummaryRow { org_id: 3, negotiation: None, agreed: 0, done: 0 }));
        assert_eq!(summary(&[2], &[n], &actions, 2027).first().map(|r| r.agreed), Some(0));
    }

    #[test]
    fn key_indicators_needs_and_deliveries_as_the_agenda_lists_them() {
        use crate::support::plan::{Delivery, DeliveryInput, Feedback, Resources};
        use crate::support::survey::{Need, NeedLevel};
        use crate::support::ContentArea;
        assert_eq!(key_indicators(vec![5, 683], [683, 9, 9]), [5, 683, 9]);
        let need = |level, texts: &[&str]| Need {
            area: ContentArea::Culture,
            level,
            texts: texts.iter().map(|t| t.to_string()).collect(),
        };
        assert_eq!(need_fact(&need(NeedLevel::NoNeed, &["x"]), "Kulttuuri", "Ei tarvetta"), None);
        assert_eq!(need_fact(&need(NeedLevel::Great, &[]), "Kulttuuri", "Suuri").as_deref(), Some("Kulttuuri: Suuri"));
        assert_eq!(need_fact(&need(NeedLevel::SomeNeed, &["a", " ", "b"]), "K", "J").as_deref(), Some("K: J (a; b)"));
        let date = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let input = DeliveryInput {
            date,
            org_id: 1,
            action_id: None,
            sector_ids: vec![],
            participants: 12,
            resources: Resources { person_days: 1.0, euros: 0.0 },
        };
        let mut d = Delivery { id: 1, plan_id: 1, input, feedback: None, version: 1 };
        assert_eq!(delivery_fact(&d, "Koulutus", "Osallistujat", "Palaute"), "2026-03-01: Koulutus, Osallistujat 12");
        d.feedback = Some(Feedback { score: 4, comment: None, given_by: None, given_at: chrono::Utc::now() });
        assert_eq!(
            delivery_fact(&d, "Koulutus", "Osallistujat", "Palaute"),
            "2026-03-01: Koulutus, Osallistujat 12, Palaute 4/5"
        );
    }
}
