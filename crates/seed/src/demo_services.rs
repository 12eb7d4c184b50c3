//! Demo of HYTE in the county's services (issue 12) for the Pohjois-Savo wellbeing services
//! county: an approved service promise (*palvelulupaus*) whose three HYTE goals follow Kela's real
//! series 683 for the county's area, four services in the register with their client groups,
//! two providers (a fictional company whose users report in Hyte, and the demo NGO) with a
//! contract each, and the contracts' quality criteria with incentive and sanction rules.
//! The monitoring of 2025, client feedback and participation are in [`monitoring`].
//!
//! Only the indicator values are real (THL, Sotkanet.fi; Kela: indicator 683, see
//! `data/README.md`), and the goals' baselines are read from the knowledge base, not written
//! here. Every target, euro sum, reach figure, monitoring value and feedback figure is a
//! fictional, illustrative figure for trying the room out, not data about the real county or any
//! provider.

pub mod monitoring;

use anyhow::{anyhow, Context, Result};
use hyte_domain::population::{Groups, PopulationGroup as G};
use hyte_domain::reports::GoalTarget;
use hyte_domain::services::{
    Approval, ContractInput, ContractKind, Criterion, CriterionInput, Direction, IncentiveRule, Producer,
    ProviderInput, ProviderKind, Reach, Schedule, ServiceInput, Source, StrategyGoal, StrategyInput, StrategyKind,
};
use hyte_domain::{Names, Sex};
use hyte_store::services::StrategyEdit;
use hyte_store::{Actor, ObservationQuery, Store};

/// The service promise's approval: the county council, in its last meeting of 2024.
pub const PROMISE_TITLE: &str = "Pohjois-Savon hyvinvointialueen palvelulupaus 2025–2026";
pub const APPROVED_BY: &str = "Aluevaltuusto";
pub const APPROVED_ON: (i32, u32, u32) = (2024, 12, 16);

/// The register's services, in the order they are created.
pub const SERVICES: [&str; 4] =
    ["Lastenneuvola", "Alkoholin mini-interventio", "Ikääntyneiden kaatumisten ehkäisy", "Digitaalinen omahoito"];

/// The company's provider name (its organisation is the demo's `terveyspalvelut`).
pub const COMPANY: &str = "Savon Terveyspalvelut Oy";
/// The NGO's provider name (its organisation is the demo's `vertaistuki`).
pub const NGO: &str = "Savon Vertaistuki ry";

/// What the loader made, for the monitoring and for tests.
pub struct Loaded {
    pub county: i64,
    pub company_org: i64,
    pub ngo_org: i64,
    /// (contract id, its criteria) of the company and of the NGO.
    pub company: (i64, Vec<Criterion>),
    pub ngo: (i64, Vec<Criterion>),
    /// Service ids in the order of [`SERVICES`].
    pub services: Vec<i64>,
}

fn date(y: i32, m: u32, d: u32) -> Result<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| anyhow!("date {y}-{m}-{d}"))
}

/// Loads the services demo of the county `county`, with the company `company_org` and the NGO
/// `ngo_org` as providers whose users report. Expects the demo's indicator values loaded.
pub async fn load(store: &dyn Store, county: i64, company_org: i64, ngo_org: i64) -> Result<Loaded> {
    let a = Actor::SYSTEM;
    let diabetes = store
        .indicator_ids("sotkanet", None)
        .await?
        .get(crate::knowledge::DIABETES)
        .map(|v| v.0)
        .context("indicator 683 in the catalogue")?;
    let area = store.get_organisation(county).await?.and_then(|o| o.area_id).context("the county's area")?;
    promise(store, county, diabetes, area).await?;

    let company = store
        .create_provider(
            county,
            &ProviderInput {
                name: COMPANY.into(),
                kind: ProviderKind::Company,
                business_id: None,
                member_org_id: Some(company_org),
            },
            a,
        )
        .await?;
    let ngo = store
        .create_provider(
            county,
            &ProviderInput {
                name: NGO.into(),
                kind: ProviderKind::Ngo,
                business_id: None,
                member_org_id: Some(ngo_org),
            },
            a,
        )
        .await?;

    let mut services = vec![];
    for input in services_inputs(company.id, ngo.id, diabetes) {
        services.push(store.create_service(county, &input, a).await?.id);
    }
    let service = |i: usize| services.get(i).copied().ok_or_else(|| anyhow!("service {i}"));

    let company_contract = store
        .create_contract(
            county,
            &ContractInput {
                title: "Päihde- ja elintapaneuvonnan ostopalvelusopimus 2025–2026".into(),
                kind: ContractKind::Purchase,
                provider_id: company.id,
                starts: date(2025, 1, 1)?,
                ends: date(2026, 12, 31)?,
                annual_euros: 480_000,
                hyte_share: Some(2.0),
                hyte_tasks: Some(
                    "Alkoholin mini-interventio jokaiselle 18 vuotta täyttäneelle asiakkaalle ensikäynnillä \
                     (AUDIT-C ja puheeksiotto); ohjaus elintapaneuvontaan ja järjestöjen vertaistukeen."
                        .into(),
                ),
                service_ids: vec![service(1)?],
            },
            a,
        )
        .await?;
    let ngo_contract = store
        .create_contract(
            county,
            &ContractInput {
                title: "Kumppanuussopimus: ikääntyneiden kaatumisten ehkäisy 2025–2026".into(),
                kind: ContractKind::Partnership,
                provider_id: ngo.id,
                starts: date(2025, 1, 1)?,
                ends: date(2026, 12, 31)?,
                annual_euros: 60_000,
                hyte_share: Some(5.0),
                hyte_tasks: Some(
                    "Kaatumisia ehkäisevät voima- ja tasapainoryhmät 75 vuotta täyttäneille; kaatumisriskin \
                     arviointi jokaiselle uudelle osallistujalle; yksin asuvien tavoittaminen kotikäynneillä."
                        .into(),
                ),
                service_ids: vec![service(2)?],
            },
            a,
        )
        .await?;

    let mut company_criteria = vec![];
    for c in company_criteria_inputs() {
        company_criteria.push(store.add_criterion(county, company_contract.id, &c, a).await?);
    }
    let mut ngo_criteria = vec![];
    for c in ngo_criteria_inputs() {
        ngo_criteria.push(store.add_criterion(county, ngo_contract.id, &c, a).await?);
    }
    let loaded = Loaded {
        county,
        company_org,
        ngo_org,
        company: (company_contract.id, company_criteria),
        ngo: (ngo_contract.id, ngo_criteria),
        services,
    };
    monitoring::load(store, &loaded).await?;
    Ok(loaded)
}

/// Indicator 683's published value for the area in `year` (real data from the knowledge base).
pub(crate) async fn real_value(store: &dyn Store, indicator: i64, area: i64, year: i32) -> Result<(i32, f64)> {
    let q = ObservationQuery {
        indicator_ids: vec![indicator],
        area_ids: vec![area],
        years: Some((year, year)),
        sex: Some(Sex::Total),
    };
    store
        .observations(&q)
        .await?
        .into_iter()
        .find(|o| o.age_band.is_empty())
        .and_then(|o| o.value)
        .map(|v| (year, v))
        .with_context(|| format!("indicator {indicator} for area {area} in {year}: load the demo values first"))
}

/// The approved service promise. Its three goals follow indicator 683 (people aged 40+ entitled
/// to special reimbursement for diabetes medicines), the one real series the demo has for the
/// county's own area: 13.3 % (2019), 14.1 % (2021), 14.4 % (2022), 14.7 % (2023). Baselines are
/// those published values; the targets are the (fictional) promise's. The county's regional
/// report has no plan goals, so no goal links to one (`plan_goal_id`).
async fn promise(store: &dyn Store, county: i64, diabetes: i64, area: i64) -> Result<()> {
    let a = Actor::SYSTEM;
    let input = StrategyInput {
        kind: StrategyKind::ServicePromise,
        title: PROMISE_TITLE.into(),
        summary: Some(
            "Palvelulupaus kertoo asukkaille, miten hyvinvointialueen sosiaali- ja terveyspalvelut edistävät \
             hyvinvointia ja terveyttä: tunnistamme elintapojen riskit varhain, tarjoamme neuvontaa lähellä ja \
             digitaalisesti ja vaadimme samaa ostopalveluilta ja kumppaneilta (612/2021, 7 §). Kauden \
             HYTE-tavoitteet koskevat tyypin 2 diabeteksen ehkäisyä."
                .into(),
        ),
    };
    let mut s = store.create_strategy(county, &input, a).await?;
    let goals = [
        (
            "Tyypin 2 diabeteksen yleistyminen taittuu",
            "Elintapaneuvonta diabeteksen riskiryhmille kaikissa sote-keskuksissa; riskitestit \
             terveystarkastuksissa; ryhmävalmennus yhdessä järjestöjen kanssa.",
            "Terveyspalvelut",
            "Elintapaneuvonta alkaa kuukauden kuluessa riskitestistä.",
            2022,
            (2027, 14.0),
        ),
        (
            "Riskiryhmät tunnistetaan ja ohjataan elintapaneuvontaan",
            "Diabetesriskin testi ja alkoholin käytön puheeksiotto (AUDIT-C) terveystarkastuksissa ja \
             ensikäynneillä, myös ostopalveluissa; ohjaus elintapaneuvontaan ja järjestöjen ryhmiin.",
            "Terveyspalvelut; mielenterveys- ja päihdepalvelut",
            "Riskitesti tehty vähintään 80 %:lle 40–70-vuotiaista terveystarkastuksen asiakkaista.",
            2021,
            (2026, 13.9),
        ),
        (
            "Digitaalinen omahoito tukee elintapamuutosta",
            "Omahoito-ohjelmat (diabetesriski, liikunta, uni) sähköisessä asioinnissa; ohjaus \
             digituen piiriin; palaute käyttäjiltä kahdesti vuodessa.",
            "Terveyspalvelut",
            "Käyttäjien arvio omahoito-ohjelmista vähintään 4/5.",
            2023,
            (2029, 14.2),
        ),
    ];
    for (title, measures, responsible, quality, base_year, target) in goals {
        let baseline = real_value(store, diabetes, area, base_year).await?;
        let target = GoalTarget::new(diabetes, baseline, target).map_err(|e| anyhow!("{title}: {e:?}"))?;
        let goal = StrategyGoal {
            title: title.into(),
            measures: Some(measures.into()),
            responsible: Some(responsible.into()),
            quality: Some(quality.into()),
            target: Some(target),
            plan_goal_id: None,
        };
        s = store.edit_strategy(county, s.id, s.version, StrategyEdit::AddGoal(goal), a).await?;
    }
    let (y, m, d) = APPROVED_ON;
    let approval = Approval { body: APPROVED_BY.into(), date: date(y, m, d)? };
    store.approve_strategy(county, s.id, s.version, &approval, a).await?;
    Ok(())
}

fn names(fi: &str, sv: &str, en: &str) -> Names {
    Names::new(fi, Some(sv.into()), Some(en.into()))
}

fn reach(group: G, year: i32, clients: i64, group_size: Option<i64>) -> Reach {
    Reach { group, year, clients, group_size }
}

/// The four services. Their groups leave gaps in the coverage matrix on purpose (no service is
/// aimed at homeless people, people with disabilities or the long-term unemployed, for example).
/// Reach figures are illustrative.
fn services_inputs(company: i64, ngo: i64, diabetes: i64) -> [ServiceInput; 4] {
    [
        ServiceInput {
            names: names(SERVICES[0], "Barnrådgivning", "Child health clinics"),
            description: Some(
                "Lasten terveyden ja kasvun seuranta sekä koko perheen hyvinvoinnin tukeminen \
                 määräaikaisissa terveystarkastuksissa (0–6-vuotiaat ja heidän perheensä)."
                    .into(),
            ),
            producer: Producer::Own,
            provider_id: None,
            groups: Groups::new([G::Children, G::Families, G::Immigrants, G::SwedishSpeakers]),
            hyte_tasks: Some(
                "Laajat terveystarkastukset, vanhempien hyvinvoinnin ja parisuhteen puheeksiotto, \
                 alkoholin käytön ja lähisuhdeväkivallan kysyminen."
                    .into(),
            ),
            quality: Some("Laajojen terveystarkastusten kattavuus vähintään 95 %.".into()),
            indicators: vec![],
            reach: vec![
                reach(G::Children, 2024, 12_850, Some(15_200)),
                reach(G::Children, 2025, 13_100, Some(15_000)),
                reach(G::Families, 2025, 9_400, None),
                reach(G::Immigrants, 2025, 610, None),
            ],
        },
        ServiceInput {
            names: names(SERVICES[1], "Kort alkoholintervention", "Alcohol brief intervention"),
            description: Some(
                "Alkoholin käytön puheeksiotto (AUDIT-C) ja lyhytneuvonta vastaanotolla; ostopalveluna \
                 ostopalvelusopimuksen terveysasemilla."
                    .into(),
            ),
            producer: Producer::Purchased,
            provider_id: Some(company),
            groups: Groups::new([G::WorkingAge, G::SubstanceUse]),
            hyte_tasks: Some("Mini-interventio jokaiselle 18 vuotta täyttäneelle asiakkaalle ensikäynnillä.".into()),
            quality: Some("Mini-interventio vähintään 80 %:lle; odotus päihdeneuvontaan enintään 7 vrk.".into()),
            indicators: vec![],
            reach: vec![reach(G::WorkingAge, 2025, 2_350, Some(41_000)), reach(G::SubstanceUse, 2025, 410, None)],
        },
        ServiceInput {
            names: names(SERVICES[2], "Fallprevention för äldre", "Fall prevention for older people"),
            description: Some(
                "Voima- ja tasapainoryhmät, kaatumisriskin arviointi ja kotikäynnit; Savon Vertaistuki ry \
                 kumppanuussopimuksella."
                    .into(),
            ),
            producer: Producer::Ngo,
            provider_id: Some(ngo),
            groups: Groups::new([G::OldestOld, G::OlderLivingAlone, G::FamilyCarers]),
            hyte_tasks: Some("Kaatumisriskin arviointi jokaiselle uudelle osallistujalle.".into()),
            quality: Some("Arviointi tehty vähintään 95 %:lle uusista osallistujista.".into()),
            indicators: vec![],
            reach: vec![reach(G::OldestOld, 2025, 480, Some(27_500)), reach(G::OlderLivingAlone, 2025, 160, None)],
        },
        ServiceInput {
            names: names(SERVICES[3], "Digital egenvård", "Digital self-care"),
            description: Some(
                "Sähköisen asioinnin omahoito-ohjelmat: diabetesriskin testi ja valmennus, liikunta, uni \
                 ja mieliala."
                    .into(),
            ),
            producer: Producer::Own,
            provider_id: None,
            groups: Groups::new([G::WorkingAge, G::YoungPeople, G::MentalHealth]),
            hyte_tasks: Some("Ohjaus omahoito-ohjelmaan jokaisen riskitestin jälkeen.".into()),
            quality: None,
            indicators: vec![diabetes],
            reach: vec![],
        },
    ]
}

fn rule(bonus_pct: f64, sanction_pct: f64, margin_pct: f64, cap_euros: i64) -> IncentiveRule {
    IncentiveRule { bonus_pct, sanction_pct, margin_pct, cap_euros: Some(cap_euros) }
}

fn criterion(name: &str, unit: &str, target: f64, direction: Direction, rule: IncentiveRule) -> CriterionInput {
    CriterionInput {
        name: name.into(),
        unit: unit.into(),
        target,
        direction,
        source: Source::Provider,
        indicator_id: None,
        schedule: Schedule::Quarterly,
        rule,
    }
}

/// The company's criteria. The contract pays 480 000 € a year, so 120 000 € a quarter: the
/// intervention criterion's bonus is 1 % = 1 200 €, its sanction 0.5 % = 600 €; the waiting
/// time's sanction 1 % = 1 200 € is capped at 1 000 €.
pub fn company_criteria_inputs() -> [CriterionInput; 2] {
    [
        criterion(
            "Mini-interventio 18 vuotta täyttäneille ensikäynnillä",
            "%",
            80.0,
            Direction::HigherBetter,
            rule(1.0, 0.5, 10.0, 1_500),
        ),
        criterion("Odotusaika päihdeneuvontaan", "vrk", 7.0, Direction::LowerBetter, rule(0.5, 1.0, 20.0, 1_000)),
    ]
}

/// The NGO's criteria. 60 000 € a year, 15 000 € a quarter: bonus 2 % = 300 €, sanction 1 % =
/// 150 € for the participants; 1 % = 150 € and 0.5 % = 75 € for the risk assessments.
pub fn ngo_criteria_inputs() -> [CriterionInput; 2] {
    [
        criterion(
            "Ryhmiin osallistuneet 75 vuotta täyttäneet",
            "henkilöä",
            120.0,
            Direction::HigherBetter,
            rule(2.0, 1.0, 15.0, 500),
        ),
        criterion(
            "Kaatumisriskin arviointi tehty uusille osallistujille",
            "%",
            95.0,
            Direction::HigherBetter,
            rule(1.0, 0.5, 5.0, 300),
        ),
    ]
}
