//! Demo of interface services (*yhdyspintapalvelut*, issue 13): the Pohjois-Savo wellbeing
//! services county, Kuopio and Siilinjärvi (their employment services answer for the
//! municipalities' steps) and Savon Vertaistuki ry share
//!
//! - the physical-activity service chain ([`CHAIN`]): six steps from the employment services and
//!   the health station through exercise counselling and the NGO's and the municipality's groups to
//!   the follow-up, published, so that residents find it (also in Swedish and English);
//! - a family centre ([`FAMILY_CENTRE`], a multi-sector service) with three steps, not published;
//! - Kuopio's coordination of participation and volunteering ([`VOLUNTEERING`]) with its activity
//!   kinds.
//!
//! The chain has a division of work in two versions (the county's, then the NGO's change) with one
//! task nobody is responsible for, a signed cooperation agreement of the county, Kuopio and the
//! NGO whose renewal date comes within [`RENEWAL_WITHIN_DAYS`] of the day the demo is loaded (so it
//! always reminds), with a one-page PDF as its signed document, two monitored indicators and the
//! evaluation of 2025 written by the county and the NGO: see [`chains`], [`agreement`] and
//! [`monitoring`]. Everything a user would type goes through the domain's form parsers.
//!
//! Only the indicator values are real (THL, Sotkanet.fi; Kela: indicator 683, see
//! `data/README.md`), and the baselines are read from the knowledge base; the targets are the
//! (fictional) partners' goals. The people, texts and agreement are fictional.

pub mod agreement;
pub mod chains;
pub mod monitoring;
pub mod pdf;

use anyhow::{anyhow, Context, Result};
use hyte_store::{Actor, Store};

/// The physical-activity chain's Finnish, Swedish and English names.
pub const CHAIN: [&str; 3] = [
    "Liikuntaneuvonnan palveluketju",
    "Servicekedjan för motionsrådgivning",
    "Physical activity counselling service chain",
];
/// The family centre's names.
pub const FAMILY_CENTRE: [&str; 3] =
    ["Perhekeskus Kuopio–Siilinjärvi", "Familjecentret Kuopio–Siilinjärvi", "Family centre Kuopio–Siilinjärvi"];
/// The coordination of participation and volunteering's names.
pub const VOLUNTEERING: [&str; 3] = [
    "Osallisuuden ja vapaaehtoistoiminnan koordinointi Kuopiossa",
    "Samordning av delaktighet och frivilligverksamhet i Kuopio",
    "Coordination of participation and volunteering in Kuopio",
];
/// The agreement's renewal date comes at most this many days after the day the demo is loaded.
pub const RENEWAL_WITHIN_DAYS: i64 = 62;

/// The demo's users who write for their organisations (their names show in the division of
/// work's versions and the audit log).
const COUNTY_USER: &str = "hyte@pohjois-savo.example";
const KUOPIO_USER: &str = "koordinaattori@kuopio.example";
const NGO_USER: &str = "jarjesto@vertaistuki.example";

/// The organisations that take part, with the user who acts for each (Siilinjärvi has no demo
/// user: the county adds its steps as the lead).
#[derive(Debug, Clone, Copy)]
pub struct Parties {
    pub county: i64,
    pub kuopio: i64,
    pub siilinjarvi: i64,
    pub ngo: i64,
    pub county_user: Actor,
    pub kuopio_user: Actor,
    pub ngo_user: Actor,
}

/// What the loader made, for tests.
#[derive(Debug, Clone, Copy)]
pub struct Loaded {
    pub parties: Parties,
    pub chain: i64,
    pub family_centre: i64,
    pub volunteering: i64,
    pub agreement: i64,
}

pub(crate) fn err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow!("{e:?}")
}

/// Form pairs as a browser posts them.
pub(crate) fn pairs(v: &[(&str, String)]) -> Vec<(String, String)> {
    v.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

async fn user(store: &dyn Store, email: &str) -> Result<Actor> {
    let (u, _) = store.find_login(email).await?.with_context(|| format!("demo user {email}"))?;
    Ok(Actor::user(u.id))
}

/// Loads the interface services demo of the county `county`, its municipalities `kuopio` and
/// `siilinjarvi` and the NGO `ngo` (the demo's organisations and users). Expects the demo's
/// indicator values loaded; `today` is the day the agreement's reminder counts from.
pub async fn load(
    store: &dyn Store,
    county: i64,
    kuopio: i64,
    siilinjarvi: i64,
    ngo: i64,
    today: chrono::NaiveDate,
) -> Result<Loaded> {
    let p = Parties {
        county,
        kuopio,
        siilinjarvi,
        ngo,
        county_user: user(store, COUNTY_USER).await?,
        kuopio_user: user(store, KUOPIO_USER).await?,
        ngo_user: user(store, NGO_USER).await?,
    };
    let chain = chains::physical_activity(store, &p).await?;
    let family_centre = chains::family_centre(store, &p).await?;
    let volunteering = chains::volunteering(store, &p).await?;
    monitoring::division_of_work(store, &p, chain).await?;
    let agreement = agreement::load(store, &p, &[chain, family_centre], today).await?;
    monitoring::indicators(store, &p, chain).await?;
    monitoring::evaluation(store, &p, chain).await?;
    Ok(Loaded { parties: p, chain, family_centre, volunteering, agreement })
}
