//! Five good practices in Pohjois-Savo's library, all published: real, well-known Finnish
//! practices (Liikkuva koulu, Voimaa vanhuuteen, the Pakka model of preventive substance-abuse
//! work, Lapset puheeksi, Neuvokas perhe), described briefly in general terms; their evidence
//! levels are set conservatively, and a link is given only where its address was checked. What
//! the adopters report as results is fictional demo text. Siilinjärvi has started its term report
//! 2025–2029 and adopted Liikkuva koulu into its plan; the county recommends Neuvokas perhe for
//! nutrition to all its municipalities and Voimaa vanhuuteen to Siilinjärvi.

use super::Orgs;
use anyhow::{anyhow, Result};
use hyte_domain::reports::{GoalForm, NewReport, PriorityInput};
use hyte_domain::support::practice::{AdoptionInput, PracticeForm, RecommendationInput};
use hyte_domain::support::ContentArea;
use hyte_domain::Lang;
use hyte_store::{Actor, Store};

/// A practice's texts: (name, what it is) in fi, sv, en; costs in fi and en; its codes and links.
struct Demo {
    name: [&'static str; 3],
    summary: [&'static str; 3],
    costs: [&'static str; 2],
    groups: &'static [&'static str],
    area: &'static str,
    evidence: &'static str,
    links: &'static str,
}

const PRACTICES: [Demo; 5] = [
    Demo {
        name: ["Liikkuva koulu", "Skolan i rörelse", "Finnish Schools on the Move"],
        summary: [
            "Valtakunnallinen toimintamalli, jossa koulu lisää liikettä koulupäivään: välitunneille, oppitunneille ja koulumatkoille, oppilaat mukana suunnittelemassa.",
            "Ett nationellt verksamhetssätt där skolan ökar rörelsen under skoldagen: på raster, lektioner och skolvägar, med eleverna med i planeringen.",
            "A national approach in which schools add physical activity to the school day: breaks, lessons and school journeys, with pupils involved in planning.",
        ],
        costs: [
            "Koulun oma työaika; koordinaattori kunnassa; välineisiin vähäisiä kuluja.",
            "The school's own working time; a coordinator in the municipality; small costs for equipment.",
        ],
        groups: &["children", "young_people"],
        area: "physical_activity",
        evidence: "evaluated_locally",
        links: "https://www.liikkuvakoulu.fi/materiaalit",
    },
    Demo {
        name: ["Voimaa vanhuuteen", "Styrka i åldrandet", "Strength in Old Age"],
        summary: [
            "Iäkkäiden terveysliikunnan toimintamalli: liikuntaneuvontaa, voima- ja tasapainoryhmiä ja ulkoilua kotona asuville, toimintakyvyltään heikentyneille ikäihmisille, kunnan ja järjestöjen yhteistyönä.",
            "En modell för hälsomotion för äldre: motionsrådgivning, styrke- och balansgrupper och utevistelse för hemmaboende äldre med nedsatt funktionsförmåga, i samarbete mellan kommunen och organisationer.",
            "A model of health-enhancing physical activity for older people: exercise counselling, strength and balance groups and outdoor activities for older people living at home with declining functional capacity, run by the municipality with NGOs.",
        ],
        costs: [
            "Ohjaajien työaika ja vertaisohjaajien koulutus; tilat.",
            "Instructors' working time and the training of peer leaders; premises.",
        ],
        groups: &["older_people", "oldest_old", "older_living_alone"],
        area: "physical_activity",
        evidence: "evaluated_locally",
        links: "https://www.voimaavanhuuteen.fi/voimaa-vanhuuteen-ohjelma/",
    },
    Demo {
        name: ["Pakka-toimintamalli", "Pakka-modellen", "The Pakka model"],
        summary: [
            "Ehkäisevän päihdetyön paikallinen toimintamalli: alkoholin, tupakan ja rahapelien saatavuuteen vaikutetaan yhteistyössä kunnan, elinkeinon, poliisin ja kuntalaisten kanssa.",
            "En lokal modell för förebyggande missbruksarbete: tillgången till alkohol, tobak och penningspel påverkas i samarbete mellan kommunen, näringslivet, polisen och invånarna.",
            "A local model of preventive substance-abuse work: the availability of alcohol, tobacco and gambling is addressed together by the municipality, businesses, the police and residents.",
        ],
        costs: [
            "Koordinaattorin työaika; ostokokeet ja viestintä.",
            "A coordinator's working time; test purchases and communication.",
        ],
        groups: &["young_people", "everyone"],
        area: "substance_prevention",
        evidence: "described",
        links: "",
    },
    Demo {
        name: ["Lapset puheeksi", "Låt oss tala om barnen", "Let's Talk about Children"],
        summary: [
            "Toimiva lapsi & perhe -työn menetelmä: ammattilainen keskustelee vanhemman kanssa lapsen arjesta ja vahvuuksista ja siitä, miten lapsen hyvinvointia voidaan tukea.",
            "En metod inom arbetet Fungerande barn och familj: en yrkesperson samtalar med föräldern om barnets vardag och styrkor och om hur barnets välbefinnande kan stödjas.",
            "A method of the Effective Child & Family work: a professional talks with a parent about the child's everyday life and strengths and how the child's well-being can be supported.",
        ],
        costs: [
            "Ammattilaisten koulutus menetelmään; keskustelut osana perustyötä.",
            "Training professionals in the method; the talks are part of their regular work.",
        ],
        groups: &["children", "families", "mental_health"],
        area: "mental_wellbeing",
        evidence: "described",
        links: "",
    },
    Demo {
        name: ["Neuvokas perhe", "Neuvokas perhe", "Neuvokas perhe (Resourceful Family)"],
        summary: [
            "Perheiden elintapaohjauksen menetelmä neuvoloihin ja varhaiskasvatukseen: ruokatottumuksista, liikkumisesta ja levosta keskustellaan perheen omista lähtökohdista.",
            "En metod för levnadsvaneshandledning av familjer på rådgivningen och i småbarnspedagogiken: matvanor, rörelse och vila diskuteras utgående från familjens egna utgångspunkter.",
            "A method of lifestyle guidance for families in child health clinics and early childhood education: eating habits, physical activity and rest are discussed from the family's own starting point.",
        ],
        costs: [
            "Henkilöstön koulutus ja materiaalit.",
            "Staff training and materials.",
        ],
        groups: &["families", "children"],
        area: "nutrition",
        evidence: "described",
        links: "",
    },
];

fn form(d: &Demo) -> PracticeForm {
    PracticeForm {
        name_fi: d.name[0].into(),
        name_sv: d.name[1].into(),
        name_en: d.name[2].into(),
        summary_fi: d.summary[0].into(),
        summary_sv: d.summary[1].into(),
        summary_en: d.summary[2].into(),
        costs_fi: d.costs[0].into(),
        costs_en: d.costs[1].into(),
        target_groups: d.groups.iter().map(|g| g.to_string()).collect(),
        area: d.area.into(),
        evidence: d.evidence.into(),
        links: d.links.into(),
        contact: "hyte@pohjois-savo.example".into(),
        ..Default::default()
    }
}

pub async fn load(store: &dyn Store, orgs: Orgs, today: chrono::NaiveDate) -> Result<()> {
    let bad = |e| anyhow!("{e:?}");
    let mut ids = vec![];
    for d in &PRACTICES {
        let p = store.create_practice(orgs.county, &form(d).parse().map_err(bad)?, Actor::SYSTEM).await?;
        let p = store.publish_practice(orgs.county, p.id, p.version, true, Actor::SYSTEM).await?;
        ids.push(p.id);
    }
    let &[liikkuva, voimaa, _, _, neuvokas] = ids.as_slice() else { return Err(anyhow!("five practices")) };

    // Siilinjärvi's new term report, with a goal the practice serves.
    let term = NewReport::parse("term", "2025–2029", "", &["fi"], "Siilinjärven hyvinvointikertomus 2025–2029", None)
        .map_err(bad)?;
    let r = store.create_report(orgs.siilinjarvi, &term, Actor::SYSTEM).await?;
    let p = store
        .add_priority(r.id, &PriorityInput::parse("Lasten ja nuorten liikkuminen", "").map_err(bad)?, Actor::SYSTEM)
        .await?;
    let goal = GoalForm {
        priority_id: p.id.to_string(),
        title: "Koululaisten päivittäinen liikkuminen lisääntyy".into(),
        ..Default::default()
    };
    let g = store.add_goal(r.id, &goal.parse().map_err(bad)?, Actor::SYSTEM).await?;
    let since = chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&today), 1, 1).unwrap_or(today);
    let adoption = AdoptionInput {
        report_id: r.id,
        goal_id: Some(g.id),
        since,
        results: Some("Kaikki kunnan alakoulut mukana; välituntiliikunta lisääntynyt (esimerkkiteksti).".into()),
        lang: Lang::Fi,
    };
    store.adopt_practice(orgs.siilinjarvi, liikkuva, &adoption, Actor::SYSTEM).await?;

    let year = chrono::Datelike::year(&today);
    for (practice_id, area, municipality_id, note) in [
        (neuvokas, ContentArea::Nutrition, None, "Lasten ylipaino on yleistynyt alueella (esimerkkiteksti)."),
        (voimaa, ContentArea::PhysicalActivity, Some(orgs.siilinjarvi), "Kotona asuvien ikäihmisten liikkumiskyky."),
    ] {
        let rec = RecommendationInput { year, area, practice_id, municipality_id, note: Some(note.into()) };
        store.recommend_practice(orgs.county, &rec, Actor::SYSTEM).await?;
    }
    Ok(())
}
