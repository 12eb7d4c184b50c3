//! Demo NGO partnership: Savon Vertaistuki ry (the demo NGO) in Kuopio's partner registry, its
//! peer-support group for family carers (also in Swedish), Kuopio's resident living room, a
//! meeting room Kuopio offers NGOs, and Kuopio's open grant call for 2027. Fictional content.

use anyhow::{anyhow, Result};
use hyte_domain::partners::{ActivityForm, CallForm, PartnerForm, PremisesForm};
use hyte_store::{Actor, Store};

fn err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow!("{e:?}")
}

pub async fn load(store: &dyn Store, kuopio: i64, ngo: i64) -> Result<()> {
    let area = store.get_area("municipality", "297").await?.ok_or(anyhow!("Kuopio's area"))?.id;
    let areas = [area];
    let partner = PartnerForm {
        partner_org_id: ngo.to_string(),
        role: "volunteer_actor".into(),
        contact_name: "Jussi Järvinen".into(),
        contact_email: "jarjesto@vertaistuki.example".into(),
        contact_phone: "040 123 4567".into(),
        note: "Vertaistukiryhmät omaishoitajille ja mielenterveyskuntoutujille.".into(),
        version: 0,
    };
    store.add_partner(kuopio, &partner.parse(&[ngo]).map_err(err)?, Actor::SYSTEM).await?;
    let carers = ActivityForm {
        title_fi: "Vertaistukiryhmä omaishoitajille".into(),
        title_sv: "Kamratstödsgrupp för närståendevårdare".into(),
        title_en: "Peer-support group for family carers".into(),
        description_fi: "Omaishoitajat kokoontuvat jakamaan kokemuksia ja vinkkejä arjen jaksamiseen. Ryhmää \
                         ohjaa koulutettu vertaisohjaaja. Hoidettavalle järjestetään tarvittaessa sijainen."
            .into(),
        description_sv: "Närståendevårdare träffas för att dela erfarenheter och tips för att orka i vardagen. \
                         Gruppen leds av en utbildad kamratledare."
            .into(),
        kind: "peer_support".into(),
        theme: "carers".into(),
        target_group: "working_age".into(),
        age_min: "18".into(),
        area_id: area.to_string(),
        languages: vec!["fi".into(), "sv".into()],
        schedule: "Tiistaisin klo 17–19, joka toinen viikko / tisdagar kl. 17–19 varannan vecka".into(),
        place: "Järjestötalo, Kuopionlahdenkatu 2".into(),
        contact: "jarjesto@vertaistuki.example, 040 123 4567".into(),
        published: true,
        ..Default::default()
    };
    store.create_activity(ngo, &carers.parse(&areas).map_err(err)?, Actor::SYSTEM).await?;
    let mind = ActivityForm {
        title_fi: "Mielen hyvinvoinnin vertaisryhmä nuorille".into(),
        description_fi: "Nuorten oma ryhmä, jossa puhutaan jaksamisesta, ystävyydestä ja tunteista.".into(),
        kind: "peer_support".into(),
        theme: "mental_health".into(),
        target_group: "young_people".into(),
        age_min: "15".into(),
        age_max: "24".into(),
        area_id: area.to_string(),
        languages: vec!["fi".into()],
        schedule: "Torstaisin klo 16–17.30".into(),
        contact: "jarjesto@vertaistuki.example".into(),
        published: true,
        ..Default::default()
    };
    store.create_activity(ngo, &mind.parse(&areas).map_err(err)?, Actor::SYSTEM).await?;
    let living_room = ActivityForm {
        title_fi: "Asukastupa Petosen olohuone".into(),
        title_sv: "Invånarstugan Petonens vardagsrum".into(),
        description_fi: "Avoin kohtaamispaikka kaikille: kahvia, lehtiä, yhteisiä tuokioita ja ohjausta palveluihin."
            .into(),
        kind: "living_room".into(),
        theme: "loneliness".into(),
        target_group: "everyone".into(),
        area_id: area.to_string(),
        languages: vec!["fi".into()],
        schedule: "Maanantaista perjantaihin klo 9–15".into(),
        place: "Petosen palvelutalo".into(),
        contact: "asukastupa@kuopio.example".into(),
        published: true,
        ..Default::default()
    };
    store.create_activity(kuopio, &living_room.parse(&areas).map_err(err)?, Actor::SYSTEM).await?;
    let room = PremisesForm {
        name: "Kirjaston kokoushuone Väinö".into(),
        address: "Maaherrankatu 12, 70100 Kuopio".into(),
        area_id: area.to_string(),
        capacity: "20".into(),
        available_for: "Rekisteröityjen yhdistysten kokoukset, kerhot ja vertaisryhmät arki-iltaisin.".into(),
        booking_contact: "tilavaraukset@kuopio.example, 017 182 111".into(),
        price: String::new(),
        published: "1".into(),
        version: 0,
    };
    store.create_premises(kuopio, &room.parse(&areas).map_err(err)?, Actor::SYSTEM).await?;
    let call = CallForm {
        title: "Järjestöjen hyvinvointiavustukset 2027".into(),
        description: "Avustusta yhdistysten hyvinvointia ja terveyttä edistävään toimintaan Kuopiossa: \
                      vertaistuki, vapaaehtoistoiminta, kerhot ja asukastuvat."
            .into(),
        year: "2027".into(),
        total_euros: "60 000".into(),
        deadline: "2027-01-31".into(),
        version: 0,
    };
    store.create_call(kuopio, &call.parse().map_err(err)?, Actor::SYSTEM).await?;
    Ok(())
}
