//! The demo dataset: real municipalities (Kuopio, Siilinjärvi, Oulu), the Pohjois-Savo wellbeing
//! services county, the regional council and an NGO as partners, and a fictional service provider
//! company, with fictional people, so that a new user can log in and try everything (each room's
//! part is a `demo_*` module; the interface services the county, its municipalities and the NGO
//! share are [`crate::demo_interface`]). All demo users share one password.

use anyhow::{Context, Result};
use hyte_domain::{DisplayName, Email, Names, OrgKind, Role};
use hyte_store::{Actor, NewOrganisation, NewUser, Store};

pub const PASSWORD: &str = "hyte-demo-2026";

/// The demo's instance administrator (national data and catalogue settings): Kuopio's admin.
pub const INSTANCE_ADMIN: &str = "admin@kuopio.example";

pub struct DemoUser {
    pub email: &'static str,
    pub name: &'static str,
    pub org: &'static str,
    pub role: Role,
    /// Finnish name of the sector the user works in.
    pub sector: Option<&'static str>,
}

/// (key, kind, area (kind, code), fi, sv, en)
type DemoOrg = (&'static str, OrgKind, Option<(&'static str, &'static str)>, &'static str, &'static str, &'static str);

const ORGS: [DemoOrg; 7] = [
    (
        "kuopio",
        OrgKind::Municipality,
        Some(("municipality", "297")),
        "Kuopion kaupunki",
        "Kuopio stad",
        "City of Kuopio",
    ),
    (
        "siilinjarvi",
        OrgKind::Municipality,
        Some(("municipality", "749")),
        "Siilinjärven kunta",
        "Siilinjärvi kommun",
        "Municipality of Siilinjärvi",
    ),
    ("oulu", OrgKind::Municipality, Some(("municipality", "564")), "Oulun kaupunki", "Uleåborgs stad", "City of Oulu"),
    (
        "pohjois-savo",
        OrgKind::WellbeingCounty,
        Some(("wellbeing_county", "13")),
        "Pohjois-Savon hyvinvointialue",
        "Norra Savolax välfärdsområde",
        "North Savo wellbeing services county",
    ),
    (
        "pohjois-savon-liitto",
        OrgKind::RegionalCouncil,
        Some(("region", "11")),
        "Pohjois-Savon liitto",
        "Norra Savolax förbund",
        "Regional Council of Pohjois-Savo",
    ),
    (
        "vertaistuki",
        OrgKind::Ngo,
        None,
        "Savon Vertaistuki ry (esimerkki)",
        "Savolax kamratstöd rf (exempel)",
        "Savo Peer Support (example)",
    ),
    (
        "terveyspalvelut",
        OrgKind::PrivateProvider,
        None,
        "Savon Terveyspalvelut Oy (esimerkki)",
        "Savolax Hälsotjänster Ab (exempel)",
        "Savo Health Services Ltd (example)",
    ),
];

pub const USERS: [DemoUser; 8] = [
    DemoUser {
        email: "admin@kuopio.example",
        name: "Aino Ahonen",
        org: "kuopio",
        role: Role::Admin,
        sector: Some("Keskushallinto"),
    },
    DemoUser {
        email: "koordinaattori@kuopio.example",
        name: "Kalle Koskinen",
        org: "kuopio",
        role: Role::Coordinator,
        sector: Some("Keskushallinto"),
    },
    DemoUser {
        email: "sivistys@kuopio.example",
        name: "Sanna Savolainen",
        org: "kuopio",
        role: Role::Editor,
        sector: Some("Sivistys ja koulutus"),
    },
    DemoUser {
        email: "katselija@kuopio.example",
        name: "Veikko Virtanen",
        org: "kuopio",
        role: Role::Viewer,
        sector: None,
    },
    DemoUser { email: "admin@oulu.example", name: "Outi Oikarinen", org: "oulu", role: Role::Admin, sector: None },
    DemoUser {
        email: "hyte@pohjois-savo.example",
        name: "Heli Heikkinen",
        org: "pohjois-savo",
        role: Role::Admin,
        sector: None,
    },
    DemoUser {
        email: "jarjesto@vertaistuki.example",
        name: "Jussi Järvinen",
        org: "vertaistuki",
        role: Role::Admin,
        sector: None,
    },
    // Reports the company's contract monitoring to the county (the services room).
    DemoUser {
        email: "raportoija@terveyspalvelut.example",
        name: "Riikka Rautiainen",
        org: "terveyspalvelut",
        role: Role::Editor,
        sector: None,
    },
];

/// Loads the demo organisations and users. `hash` turns a password into a stored hash.
/// Expects the base data (areas, indicator catalogue) to be loaded.
pub async fn load(store: &dyn Store, hash: &dyn Fn(&str) -> String) -> Result<()> {
    let mut ids = std::collections::HashMap::new();
    for (key, kind, area, fi, sv, en) in ORGS {
        let area_id = match area {
            Some((k, code)) => Some(
                store
                    .get_area(k, code)
                    .await?
                    .with_context(|| format!("area {k}/{code} missing: load areas first"))?
                    .id,
            ),
            None => None,
        };
        let org = store
            .create_organisation(
                &NewOrganisation { kind, names: Names::new(fi, Some(sv.into()), Some(en.into())), area_id },
                Actor::SYSTEM,
            )
            .await?;
        ids.insert(key, org.id);
    }
    let id = |key: &str| ids.get(key).copied().with_context(|| format!("demo organisation {key}"));
    let hashed = hash(PASSWORD);
    for u in &USERS {
        let org_id = id(u.org)?;
        let sector_id = match u.sector {
            Some(name) => store.list_sectors(org_id).await?.into_iter().find(|s| s.names.fi == name).map(|s| s.id),
            None => None,
        };
        let new = NewUser {
            email: Email::parse(u.email).map_err(|c| anyhow::anyhow!("{c}"))?,
            display_name: DisplayName::parse(u.name).map_err(|c| anyhow::anyhow!("{c}"))?,
            password_hash: hashed.clone(),
        };
        let user = store.create_user(&new, Some((org_id, u.role, sector_id)), Actor::SYSTEM).await?;
        if u.email == INSTANCE_ADMIN {
            store.set_instance_admin(user.id, true, Actor::SYSTEM).await?;
        }
    }
    crate::knowledge::load_demo_values(store).await?;
    let (kuopio, siilinjarvi) = (id("kuopio")?, id("siilinjarvi")?);
    crate::demo_reports::load(store, kuopio).await?;
    crate::demo_decisions::load(store, kuopio).await?;
    crate::demo_cooperation::load(store, kuopio, siilinjarvi, id("pohjois-savo")?).await?;
    crate::demo_partners::load(store, kuopio, id("vertaistuki")?).await?;
    crate::demo_reports::load_siilinjarvi(store, siilinjarvi).await?;
    crate::demo_reports::load_county(store, id("pohjois-savo")?).await?;
    crate::demo_services::load(store, id("pohjois-savo")?, id("terveyspalvelut")?, id("vertaistuki")?).await?;
    let today = chrono::Utc::now().date_naive();
    crate::demo_interface::load(store, id("pohjois-savo")?, kuopio, siilinjarvi, id("vertaistuki")?, today).await?;
    let orgs = crate::demo_support::Orgs { county: id("pohjois-savo")?, kuopio, siilinjarvi };
    crate::demo_support::load(store, orgs, today).await?;
    crate::demo_coefficient::load(store, kuopio).await?;
    Ok(())
}
