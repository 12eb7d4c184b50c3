//! The yearly support plan (actions per content area, the municipalities targeted, the county's
//! responsible expert, resources) and the log of support delivered, with the feedback the
//! receiving municipality gives. The plan page's rules are pure functions here: [`gaps`] (needs
//! with no planned action), [`left_without`] (municipalities that got nothing) and [`balance`]
//! (planned versus delivered resources).

use super::survey::{parse_year, Need};
use super::ContentArea;
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::lang::Texts;
use crate::reports::parse_date;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub const TITLE_MAX: usize = 300;
pub const COMMENT_MAX: usize = 2_000;

codes! {
    pub enum ActionKind: "support-kind-" {
        Training = "training",
        Workshop = "workshop",
        Consultation = "consultation",
        DataPackage = "data_package",
        NetworkMeeting = "network_meeting",
    }
}

/// Resources: person-days and euros (both optional, never negative).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Resources {
    pub person_days: f64,
    pub euros: f64,
}

impl Resources {
    fn add(self, o: Resources) -> Resources {
        Resources { person_days: self.person_days + o.person_days, euros: self.euros + o.euros }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionInput {
    pub kind: ActionKind,
    pub area: ContentArea,
    pub title: Texts,
    /// The member municipalities it targets (at least one), ascending.
    pub targets: Vec<i64>,
    /// The county's responsible expert.
    pub expert: String,
    pub resources: Resources,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: i64,
    pub plan_id: i64,
    pub input: ActionInput,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub id: i64,
    pub county_org_id: i64,
    pub year: i32,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeliveryInput {
    pub date: NaiveDate,
    pub org_id: i64,
    pub action_id: Option<i64>,
    /// The receiving municipality's sectors that took part, ascending.
    pub sector_ids: Vec<i64>,
    pub participants: u32,
    pub resources: Resources,
}

/// The receiving municipality's feedback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    /// 1–5.
    pub score: u8,
    pub comment: Option<String>,
    pub given_by: Option<i64>,
    pub given_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Delivery {
    pub id: i64,
    pub plan_id: i64,
    pub input: DeliveryInput,
    pub feedback: Option<Feedback>,
    pub version: i64,
}

fn number(s: &str) -> Result<f64, ErrorCode> {
    match crate::reports::parse_value(s)? {
        None => Ok(0.0),
        Some(v) if (0.0..=1e9).contains(&v) => Ok(v),
        Some(_) => Err(ErrorCode::NumberInvalid),
    }
}

fn ids(v: &[String]) -> Result<Vec<i64>, ErrorCode> {
    let mut out = v
        .iter()
        .filter(|s| !s.trim().is_empty())
        .take(200)
        .map(|s| s.trim().parse::<i64>().map_err(|_| ErrorCode::ReferenceInvalid))
        .collect::<Result<Vec<_>, _>>()?;
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// The action form.
#[derive(Debug, Clone, Default)]
pub struct ActionForm {
    pub kind: String,
    pub area: String,
    pub title_fi: String,
    pub title_sv: String,
    pub title_en: String,
    pub targets: Vec<String>,
    pub expert: String,
    pub person_days: String,
    pub euros: String,
    pub version: i64,
}

impl ActionForm {
    pub fn from_pairs(pairs: &[(String, String)]) -> ActionForm {
        let mut f = ActionForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "kind" => f.kind = v,
                "area" => f.area = v,
                "title_fi" => f.title_fi = v,
                "title_sv" => f.title_sv = v,
                "title_en" => f.title_en = v,
                "targets" => f.targets.push(v),
                "expert" => f.expert = v,
                "person_days" => f.person_days = v,
                "euros" => f.euros = v,
                "version" => f.version = v.trim().parse().unwrap_or(0),
                _ => {}
            }
        }
        f
    }

    pub fn from_action(a: &Action) -> ActionForm {
        let i = &a.input;
        let n = |v: f64| if v == 0.0 { String::new() } else { v.to_string() };
        ActionForm {
            kind: i.kind.as_str().into(),
            area: i.area.as_str().into(),
            title_fi: i.title.fi.clone().unwrap_or_default(),
            title_sv: i.title.sv.clone().unwrap_or_default(),
            title_en: i.title.en.clone().unwrap_or_default(),
            targets: i.targets.iter().map(|t| t.to_string()).collect(),
            expert: i.expert.clone(),
            person_days: n(i.resources.person_days),
            euros: n(i.resources.euros),
            version: a.version,
        }
    }

    pub fn parse(&self) -> Result<ActionInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let kind = errs.check("kind", ActionKind::parse(&self.kind).ok_or(ErrorCode::Required));
        let area = errs.check("area", ContentArea::parse(&self.area).ok_or(ErrorCode::Required));
        let title = errs.check(
            "title_fi",
            Texts::parse(
                [&self.title_fi, &self.title_sv, &self.title_en],
                ["title_fi", "title_sv", "title_en"],
                TITLE_MAX,
            )
            .map_err(|(_, e)| e)
            .and_then(|t| if t.is_empty() { Err(ErrorCode::Required) } else { Ok(t) }),
        );
        let targets = errs.check(
            "targets",
            ids(&self.targets).and_then(|v| if v.is_empty() { Err(ErrorCode::Required) } else { Ok(v) }),
        );
        let expert = errs.check("expert", required_text(&self.expert, TITLE_MAX));
        let person_days = errs.check("person_days", number(&self.person_days));
        let euros = errs.check("euros", number(&self.euros));
        match (kind, area, title, targets, expert, person_days, euros) {
            (Some(kind), Some(area), Some(title), Some(targets), Some(expert), Some(person_days), Some(euros))
                if errs.is_empty() =>
            {
                Ok(ActionInput { kind, area, title, targets, expert, resources: Resources { person_days, euros } })
            }
            _ => Err(errs),
        }
    }
}

/// The delivery form.
#[derive(Debug, Clone, Default)]
pub struct DeliveryForm {
    pub date: String,
    pub org_id: String,
    pub action_id: String,
    pub sector_ids: Vec<String>,
    pub participants: String,
    pub person_days: String,
    pub euros: String,
}

impl DeliveryForm {
    pub fn from_pairs(pairs: &[(String, String)]) -> DeliveryForm {
        let mut f = DeliveryForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "date" => f.date = v,
                "org_id" => f.org_id = v,
                "action_id" => f.action_id = v,
                "sector_ids" => f.sector_ids.push(v),
                "participants" => f.participants = v,
                "person_days" => f.person_days = v,
                "euros" => f.euros = v,
                _ => {}
            }
        }
        f
    }

    pub fn parse(&self) -> Result<DeliveryInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let date = errs.check("date", parse_date(&self.date));
        let org_id = errs.check(
            "org_id",
            match self.org_id.trim() {
                "" => Err(ErrorCode::Required),
                s => s.parse::<i64>().map_err(|_| ErrorCode::ReferenceInvalid),
            },
        );
        let action_id = errs.check(
            "action_id",
            match self.action_id.trim() {
                "" => Ok(None),
                s => s.parse::<i64>().map(Some).map_err(|_| ErrorCode::ReferenceInvalid),
            },
        );
        let sector_ids = errs.check("sector_ids", ids(&self.sector_ids));
        let participants = errs.check(
            "participants",
            match self.participants.trim() {
                "" => Ok(0),
                s => s.parse::<u32>().ok().filter(|n| *n <= 100_000).ok_or(ErrorCode::NumberInvalid),
            },
        );
        let person_days = errs.check("person_days", number(&self.person_days));
        let euros = errs.check("euros", number(&self.euros));
        match (date, org_id, action_id, sector_ids, participants, person_days, euros) {
            (
                Some(date),
                Some(org_id),
                Some(action_id),
                Some(sector_ids),
                Some(participants),
                Some(person_days),
                Some(euros),
            ) if errs.is_empty() => Ok(DeliveryInput {
                date,
                org_id,
                action_id,
                sector_ids,
                participants,
                resources: Resources { person_days, euros },
            }),
            _ => Err(errs),
        }
    }
}

/// The feedback form: a score 1–5 and a comment.
pub fn parse_feedback(score: &str, comment: &str) -> Result<(u8, Option<String>), FieldErrors> {
    let mut errs = FieldErrors::default();
    let score = errs.check(
        "score",
        match score.trim() {
            "" => Err(ErrorCode::Required),
            s => s.parse::<u8>().ok().filter(|n| (1..=5).contains(n)).ok_or(ErrorCode::NumberInvalid),
        },
    );
    let comment = errs.check("comment", optional_text(comment, COMMENT_MAX));
    match (score, comment) {
        (Some(s), Some(c)) if errs.is_empty() => Ok((s, c)),
        _ => Err(errs),
    }
}

/// The plan year form.
pub fn parse_plan_year(year: &str) -> Result<i32, FieldErrors> {
    parse_year(year).map_err(|e| e.on("year"))
}

/// A need with no planned action: a municipality's content area at or above "considerable".
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub org_id: i64,
    pub area: ContentArea,
    pub need: Need,
}

/// The needs (per municipality, from that year's submitted survey) that call for action
/// ([`super::survey::NeedLevel::calls_for_action`]) and that no action of the same content area
/// targets, in the order given.
pub fn gaps(needs: &[(i64, Vec<Need>)], actions: &[Action]) -> Vec<Gap> {
    needs
        .iter()
        .flat_map(|(org, ns)| ns.iter().map(move |n| (*org, n)))
        .filter(|(_, n)| n.level.calls_for_action())
        .filter(|(org, n)| !actions.iter().any(|a| a.input.area == n.area && a.input.targets.contains(org)))
        .map(|(org_id, n)| Gap { org_id, area: n.area, need: n.clone() })
        .collect()
}

/// The municipalities (of `members`, in order) that no delivery reached.
pub fn left_without(members: &[i64], deliveries: &[Delivery]) -> Vec<i64> {
    members.iter().copied().filter(|m| !deliveries.iter().any(|d| d.input.org_id == *m)).collect()
}

/// One line of planned versus delivered.
#[derive(Debug, Clone, PartialEq)]
pub struct Balance {
    /// None: the total (with deliveries not tied to an action).
    pub action_id: Option<i64>,
    pub planned: Resources,
    pub delivered: Resources,
    pub deliveries: usize,
    pub participants: u32,
    /// The average feedback score of its deliveries, when any was given.
    pub score: Option<f64>,
}

fn line(action_id: Option<i64>, planned: Resources, ds: &[&Delivery]) -> Balance {
    let scores: Vec<f64> = ds.iter().filter_map(|d| d.feedback.as_ref().map(|f| f64::from(f.score))).collect();
    Balance {
        action_id,
        planned,
        delivered: ds.iter().fold(Resources::default(), |r, d| r.add(d.input.resources)),
        deliveries: ds.len(),
        participants: ds.iter().map(|d| d.input.participants).sum(),
        score: (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64),
    }
}

/// Planned versus delivered per action (in the actions' order), then the total of the whole plan.
pub fn balance(actions: &[Action], deliveries: &[Delivery]) -> Vec<Balance> {
    let mut out: Vec<Balance> = actions
        .iter()
        .map(|a| {
            let ds: Vec<&Delivery> = deliveries.iter().filter(|d| d.input.action_id == Some(a.id)).collect();
            line(Some(a.id), a.input.resources, &ds)
        })
        .collect();
    let planned = actions.iter().fold(Resources::default(), |r, a| r.add(a.input.resources));
    let all: Vec<&Delivery> = deliveries.iter().collect();
    out.push(line(None, planned, &all));
    out
}

#[cfg(test)]
mod tests {
    use super::super::survey::NeedLevel;
    use super::*;

    fn action(id: i64, area: ContentArea, targets: Vec<i64>, pd: f64) -> Action {
        Action {
            id,
            plan_id: 1,
            input: ActionInput {
                kind: ActionKind::Training,
                area,
                title: Texts { fi: Some("Koulutus".into()), sv: None, en: None },
                targets,
                expert: "Asiantuntija".into(),
                resources: Resources { person_days: pd, euros: 100.0 },
            },
            version: 1,
        }
    }

    fn delivery(id: i64, org_id: i64, action_id: Option<i64>, score: Option<u8>) -> Delivery {
        Delivery {
            id,
            plan_id: 1,
            input: DeliveryInput {
                date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default(),
                org_id,
                action_id,
                sector_ids: vec![],
                participants: 10,
                resources: Resources { person_days: 1.0, euros: 50.0 },
            },
            feedback: score.map(|score| Feedback { score, comment: None, given_by: None, given_at: Utc::now() }),
            version: 1,
        }
    }

    fn need(area: ContentArea, level: NeedLevel) -> Need {
        Need { area, level, texts: vec![] }
    }

    #[test]
    fn a_considerable_need_without_an_action_targeting_it_is_a_gap() {
        let needs = vec![
            (
                4,
                vec![
                    need(ContentArea::Nutrition, NeedLevel::Great),
                    need(ContentArea::Culture, NeedLevel::Considerable),
                ],
            ),
            (
                5,
                vec![
                    need(ContentArea::Nutrition, NeedLevel::Considerable),
                    need(ContentArea::Safety, NeedLevel::SomeNeed),
                ],
            ),
        ];
        // Nutrition is planned for 4 only; culture for nobody; 5's safety need is small.
        let actions =
            vec![action(1, ContentArea::Nutrition, vec![4], 2.0), action(2, ContentArea::Safety, vec![4], 1.0)];
        let g: Vec<(i64, ContentArea)> = gaps(&needs, &actions).iter().map(|g| (g.org_id, g.area)).collect();
        assert_eq!(g, [(4, ContentArea::Culture), (5, ContentArea::Nutrition)]);
    }

    #[test]
    fn municipalities_without_deliveries_and_the_balance() {
        let actions =
            vec![action(1, ContentArea::Nutrition, vec![4], 2.0), action(2, ContentArea::Safety, vec![4, 5], 3.5)];
        let ds = vec![delivery(1, 4, Some(1), Some(4)), delivery(2, 4, Some(1), Some(5)), delivery(3, 4, None, None)];
        assert_eq!(left_without(&[4, 5], &ds), [5]);
        let b = balance(&actions, &ds);
        assert_eq!(b.len(), 3);
        assert_eq!((b[0].deliveries, b[0].delivered.person_days, b[0].score), (2, 2.0, Some(4.5)));
        assert_eq!((b[1].deliveries, b[1].planned.person_days, b[1].score), (0, 3.5, None));
        let total = &b[2];
        assert_eq!((total.action_id, total.planned.person_days, total.planned.euros), (None, 5.5, 200.0));
        assert_eq!((total.deliveries, total.delivered.euros, total.participants), (3, 150.0, 30));
    }

    #[test]
    fn forms_parse_and_refuse() {
        let f = ActionForm {
            kind: "workshop".into(),
            area: "nutrition".into(),
            title_sv: "Verkstad".into(),
            targets: vec!["5".into(), "4".into(), "5".into()],
            expert: "Anna".into(),
            person_days: "2,5".into(),
            ..Default::default()
        };
        let a = f.parse().unwrap();
        assert_eq!((a.targets.clone(), a.resources.person_days, a.resources.euros), (vec![4, 5], 2.5, 0.0));
        let bad = ActionForm { euros: "-3".into(), ..Default::default() };
        let fields: Vec<_> = bad.parse().unwrap_err().0.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["kind", "area", "title_fi", "targets", "expert", "euros"]);
        let d = DeliveryForm {
            date: "2026-03-01".into(),
            org_id: "4".into(),
            participants: "12".into(),
            ..Default::default()
        };
        assert_eq!(d.parse().unwrap().participants, 12);
        assert_eq!(DeliveryForm::default().parse().unwrap_err().0[0].field, "date");
        assert_eq!(parse_feedback("5", " Hyvä ").unwrap(), (5, Some("Hyvä".into())));
        assert_eq!(parse_feedback("6", "").unwrap_err().0[0].code, ErrorCode::NumberInvalid);
    }
}
