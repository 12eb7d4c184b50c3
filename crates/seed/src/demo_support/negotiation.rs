//! The 2026 HYTE negotiation between Pohjois-Savo and Kuopio, and the reports sent to the county.
//! The agenda is prefilled from the demo's data with the domain's `prefilled_agenda` (as the web
//! does): Kuopio's plan (its published term report), the goals' indicators against the county and
//! the country (latest values of the knowledge base, real), its staircase step, the county's
//! contact-pair themes without a contact in Kuopio, and Kuopio's support needs and the support
//! delivered to it (the demo's survey and plan). The meeting's place, participants, minutes and
//! the two agreed actions (one done) are fictional. Kuopio has sent its published report to the
//! county, which has acknowledged it and given feedback (fictional); Siilinjärvi has not sent its
//! approved report yet.

use super::Orgs;
use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};
use hyte_domain::cooperation::{steps, AgreementInput, ContactTheme};

use hyte_domain::reports::{GoalProgress, ReportKind, ReportState};
use hyte_domain::support::negotiation::{
    contact_gaps, delivery_fact, key_indicators, need_fact, prefilled_agenda, AgendaFacts, AgendaItem, AgendaKind,
    GoalFact, IndicatorFact, NegotiationInput,
};
use hyte_domain::{Lang, Sex};
use hyte_store::{Actor, ObservationQuery, Store};
use std::collections::HashMap;

async fn user(store: &dyn Store, email: &str) -> Result<Actor> {
    let (u, _) = store.find_login(email).await?.with_context(|| format!("demo user {email}"))?;
    Ok(Actor::user(u.id))
}

fn progress_fi(p: GoalProgress) -> &'static str {
    match p {
        GoalProgress::OnTrack => "Etenee tavoitteeseen",
        GoalProgress::OffTrack => "Jäljessä tavoitteesta",
        GoalProgress::NoData => "Ei uutta tietoa",
    }
}

fn theme_fi(t: ContactTheme) -> &'static str {
    match t {
        ContactTheme::SubstancePrevention => "Ehkäisevä päihdetyö",
        ContactTheme::AccidentPrevention => "Tapaturmien ehkäisy",
        ContactTheme::ViolencePrevention => "Väkivallan ehkäisy",
        ContactTheme::PhysicalActivity => "Liikunta",
        ContactTheme::MentalHealth => "Mielenterveys",
        ContactTheme::Participation => "Osallisuus",
    }
}

/// The agenda's facts in Finnish, from the demo's data.
async fn facts(store: &dyn Store, orgs: Orgs, year: i32) -> Result<AgendaFacts> {
    let mut f = AgendaFacts::default();
    let kuopio = store.get_organisation(orgs.kuopio).await?.context("Kuopio")?;
    let county = store.get_organisation(orgs.county).await?.context("Pohjois-Savo")?;
    let reports = store.list_reports(orgs.kuopio).await?;
    let term = reports
        .iter()
        .find(|r| r.kind == ReportKind::Term && matches!(r.state, ReportState::Approved | ReportState::Published));
    if let Some(report) = term {
        let plan = store.plan(report.id).await?;
        f.plan = Some(report.title.clone());
        f.priorities = plan.priorities.iter().map(|p| p.title.clone()).collect();
        // The county's own set names the key indicators; the goals' indicators follow.
        let set = store.own_set(orgs.county).await?.map(|(_, ids)| ids).unwrap_or_default();
        let ids = key_indicators(set, plan.goals.iter().flat_map(|g| g.targets.iter().map(|t| t.indicator_id)));
        let country = store.get_area("country", "FI").await?;
        let areas: Vec<Option<i64>> = vec![kuopio.area_id, county.area_id, country.map(|c| c.id)];
        let q = ObservationQuery {
            indicator_ids: ids.clone(),
            area_ids: areas.iter().flatten().copied().collect(),
            sex: Some(Sex::Total),
            ..Default::default()
        };
        // (indicator, area) → the latest public total.
        let mut latest: HashMap<(i64, i64), (i32, f64)> = HashMap::new();
        for o in store.observations(&q).await? {
            if let (Some(v), false, true) = (o.value, o.suppressed, o.age_band.is_empty()) {
                let e = latest.entry((o.indicator_id, o.area_id)).or_insert((o.year, v));
                if o.year >= e.0 {
                    *e = (o.year, v);
                }
            }
        }
        let at = |ind: i64, area: Option<i64>| area.and_then(|a| latest.get(&(ind, a)).copied());
        for ind in store.get_indicators(&ids).await? {
            let d = usize::try_from(ind.decimals).unwrap_or(1);
            let fmt = |x: Option<(i32, f64)>| x.map(|(y, v)| format!("{} ({y})", format!("{v:.d$}").replace('.', ",")));
            f.indicators.push(IndicatorFact {
                indicator: ind.title(Lang::Fi).to_string(),
                municipality: fmt(at(ind.id, kuopio.area_id)),
                county: fmt(at(ind.id, county.area_id)),
                country: fmt(at(ind.id, areas.get(2).copied().flatten())),
            });
        }
        f.goals = plan
            .goals
            .iter()
            .map(|g| GoalFact {
                goal: g.title.clone(),
                progress: g
                    .targets
                    .iter()
                    .map(|t| progress_fi(t.progress(at(t.indicator_id, kuopio.area_id))).to_string())
                    .collect(),
            })
            .collect();
    }
    if let Some(m) = store.maturity(orgs.kuopio).await?.into_iter().next() {
        let words = usize::try_from(m.step - 1).ok().and_then(|i| steps().get(i).map(|n| n.get(Lang::Fi).to_string()));
        f.staircase = Some((m.year, m.step, words.unwrap_or_default()));
    }
    if let Some(area) = kuopio.area_id {
        let pairs = store.contact_pairs(orgs.county).await?;
        f.contact_gaps = contact_gaps(&pairs, area).into_iter().map(|t| theme_fi(t).to_string()).collect();
    }
    support(store, orgs, year, &mut f).await?;
    Ok(f)
}

/// A Finnish user-interface string of the support room (the web's own locale file, so the demo's
/// words are the interface's).
fn fi(key: &str) -> String {
    let prefix = format!("{key} = ");
    let line = include_str!("../../../web/locales/fi/support.ftl").lines().find(|l| l.starts_with(&prefix));
    line.map(|l| l.get(prefix.len()..).unwrap_or_default().to_string()).unwrap_or_else(|| key.to_string())
}

/// Kuopio's submitted needs (some or more) and the support delivered to it in `year`, as the web's
/// agenda words them.
async fn support(store: &dyn Store, orgs: Orgs, year: i32, f: &mut AgendaFacts) -> Result<()> {
    let needs = store.needs_of(orgs.county, orgs.kuopio, year).await?;
    f.support_needs = needs
        .iter()
        .filter_map(|n| {
            need_fact(n, &fi(&format!("support-area-{}", n.area)), &fi(&format!("support-need-{}", n.level)))
        })
        .collect();
    let plan = store.list_plans(orgs.county).await?.into_iter().find(|p| p.year == year);
    let actions = match plan {
        Some(p) => store.get_plan(orgs.county, p.id).await?.map(|v| v.actions).unwrap_or_default(),
        None => vec![],
    };
    for d in store.delivered_to(orgs.county, orgs.kuopio, year).await? {
        let action = d.input.action_id.and_then(|id| actions.iter().find(|a| a.id == id));
        let what = action.map(|a| a.input.title.get(Lang::Fi).to_string()).unwrap_or_else(|| fi("support-no-action"));
        f.support_delivered.push(delivery_fact(&d, &what, &fi("support-participants"), &fi("support-feedback")));
    }
    Ok(())
}

pub async fn load(store: &dyn Store, orgs: Orgs, today: NaiveDate) -> Result<()> {
    let county_user = user(store, "hyte@pohjois-savo.example").await?;
    let kuopio_user = user(store, "koordinaattori@kuopio.example").await?;

    // Kuopio sends its published term report; the county acknowledges it and gives feedback.
    let reports = store.list_reports(orgs.kuopio).await?;
    let report = reports
        .iter()
        .find(|r| r.kind == ReportKind::Term && r.state == ReportState::Published)
        .context("Kuopio's published term report")?;
    let sent = store.send_report(orgs.kuopio, report.id, kuopio_user).await?;
    let sent = store.acknowledge_sent(orgs.county, sent.id, sent.version, county_user).await?;
    let feedback = "Kiitos selkeästä kertomuksesta. Lasten ja nuorten mielen hyvinvoinnin tavoitteille \
                    kannattaa lisätä seurattava indikaattori kouluterveyskyselystä; tuemme mielellämme.";
    store.sent_feedback(orgs.county, sent.id, sent.version, Some(feedback), county_user).await?;

    // The 2026 negotiation with Kuopio, its agenda prefilled from the data.
    let year = today.year().max(2026);
    let held_on = NaiveDate::from_ymd_opt(year, 3, 18).context("date")?;
    let input = NegotiationInput {
        held_on,
        place: Some("Kuopion kaupungintalo, kokoushuone 2".into()),
        participants: Some(
            "Pohjois-Savon hyvinvointialue: hyte-koordinaattori, hyte-asiantuntija\n\
             Kuopion kaupunki: hyvinvointikoordinaattori, sivistyksen palvelualueen edustaja"
                .into(),
        ),
        minutes: None,
    };
    let mut agenda = prefilled_agenda(&facts(store, orgs, year).await?);
    agenda.push(AgendaItem {
        kind: AgendaKind::Own,
        title: "Hyvinvointikertomuksen aikataulu 2026".into(),
        text: "Vuosiraportin valmistelu ja käsittely valtuustossa.".into(),
    });
    let n = store.create_negotiation(orgs.county, orgs.kuopio, &input, &agenda, county_user).await?;
    let minutes = NegotiationInput {
        minutes: Some(
            "Käytiin läpi Kuopion painopisteet ja tavoitteiden eteneminen sekä keskeiset indikaattorit. \
             Todettiin, että väkivallan ehkäisyn vastinpari puuttuu Kuopiosta. Sovittiin kahdesta toimenpiteestä."
                .into(),
        ),
        ..input
    };
    store.update_negotiation(orgs.kuopio, n.id, n.version, &minutes, &n.agenda, kuopio_user).await?;
    let first = AgreementInput {
        what: "Kuopio nimeää väkivallan ehkäisyn yhdyshenkilön alueen vastinpariksi".into(),
        who: "Kuopion hyvinvointikoordinaattori".into(),
        due_on: NaiveDate::from_ymd_opt(year, 4, 30).context("date")?,
    };
    let done = store.add_agreed_action(orgs.county, n.id, &first, county_user).await?;
    let done_on = NaiveDate::from_ymd_opt(year, 4, 15);
    store.set_agreed_action_done(orgs.kuopio, done.id, done.version, done_on, kuopio_user).await?;
    let second = AgreementInput {
        what: "Hyvinvointialue pitää Kuopion sivistyksen palvelualueelle työpajan hyvinvointitiedon tulkinnasta".into(),
        who: "Pohjois-Savon hyte-asiantuntija".into(),
        due_on: NaiveDate::from_ymd_opt(year, 10, 31).context("date")?,
    };
    store.add_agreed_action(orgs.county, n.id, &second, county_user).await?;
    Ok(())
}
