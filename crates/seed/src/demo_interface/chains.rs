//! The demo's three interface services and their chain steps, entered through the service and
//! step forms as their users would. The county leads the chain and the family centre (a lead adds
//! the steps); Kuopio leads its coordination of participation and volunteering. The NGO then
//! completes its own step in Swedish and English (a partner edits its own steps).
//!
//! Kuopio and Siilinjärvi form one employment area (*työllisyysalue* 17, Kuopio, in Statistics
//! Finland's 2025 classification), so Kuopio's employment services receive the jobseekers of both.

use super::{err, pairs, Parties, CHAIN, FAMILY_CENTRE, VOLUNTEERING};
use anyhow::{Context, Result};
use hyte_domain::interface::{InterfaceForm, StepForm, StepInput};
use hyte_store::Store;

/// The municipalities' codes (Statistics Finland, as the areas table keeps them).
pub const KUOPIO: &str = "297";
pub const SIILINJARVI: &str = "749";

/// One step as typed into the step form: the organisation, its unit, what happens and who the
/// client is (fi, sv, en), how the client moves on, consent, the expected wait in days.
struct Step<'a> {
    org: i64,
    unit: &'a str,
    action: [&'a str; 3],
    client: [&'a str; 3],
    handoff: &'a str,
    consent: bool,
    wait_days: Option<i32>,
}

impl Step<'_> {
    fn form(&self) -> StepForm {
        let [action_fi, action_sv, action_en] = self.action.map(String::from);
        let [client_fi, client_sv, client_en] = self.client.map(String::from);
        StepForm {
            org_id: self.org.to_string(),
            unit: self.unit.into(),
            action_fi,
            action_sv,
            action_en,
            client_fi,
            client_sv,
            client_en,
            handoff: self.handoff.into(),
            consent: self.consent.then(|| "on".into()),
            wait_days: self.wait_days.map(|d| d.to_string()).unwrap_or_default(),
            version: 0,
        }
    }
}

/// A service from its form's fields; `own` is the organisation that creates it (a lead).
async fn create(
    store: &dyn Store,
    own: i64,
    actor: hyte_store::Actor,
    fields: &[(&str, String)],
) -> Result<hyte_domain::interface::InterfaceService> {
    let (input, parties) = InterfaceForm::from_pairs(&pairs(fields)).parse(own).map_err(err)?;
    Ok(store.create_interface(own, &input, &parties, actor).await?)
}

fn parse(steps: &[Step<'_>], parties: &[i64]) -> Result<Vec<StepInput>> {
    steps.iter().map(|s| s.form().parse(parties).map_err(err)).collect()
}

/// The physical-activity service chain (seed 001: *liikunnan palveluketju*), published.
pub async fn physical_activity(store: &dyn Store, p: &Parties) -> Result<i64> {
    let [name_fi, name_sv, name_en] = CHAIN.map(String::from);
    let fields = [
        ("name_fi", name_fi),
        ("name_sv", name_sv),
        ("name_en", name_en),
        (
            "description",
            "Liikkumattomuus lisää tyypin 2 diabeteksen ja monen muun sairauden riskiä. Ketju ohjaa liian \
             vähän liikkuvan työikäisen – erityisesti pitkään työttömänä olleen – työllisyyspalveluista ja \
             terveysasemalta liikuntaneuvontaan ja sieltä järjestön ja kunnan ryhmiin, ja seuraa, että \
             liikkuminen jatkuu. Motionsrådgivning och grupper för vuxna som rör sig för lite. \
             Exercise counselling and groups for adults who are not active enough."
                .into(),
        ),
        ("kind", "service_chain".into()),
        ("areas", KUOPIO.into()),
        ("areas", SIILINJARVI.into()),
        ("target_groups", "working_age".into()),
        ("target_groups", "older_people".into()),
        ("vulnerable_groups", "long_term_unemployed".into()),
        ("vulnerable_groups", "low_income".into()),
        ("vulnerable_groups", "mental_health".into()),
        ("party_org", p.kuopio.to_string()),
        ("party_role", "partner".into()),
        ("party_org", p.siilinjarvi.to_string()),
        ("party_role", "partner".into()),
        ("party_org", p.ngo.to_string()),
        ("party_role", "partner".into()),
    ];
    let svc = create(store, p.county, p.county_user, &fields).await?;
    let ids: Vec<i64> = svc.parties.iter().map(|x| x.org_id).collect();
    let steps = [
        Step {
            org: p.kuopio,
            unit: "Kuopion työllisyyspalvelut",
            action: [
                "Työnhakijan palvelutarpeen arvioinnissa työvalmentaja ottaa puheeksi terveyden, jaksamisen \
                 ja liikkumisen. Jos liikkuminen jää vähäiseksi tai työkyky huolettaa, hän tarjoaa työttömän \
                 terveystarkastusta ja kirjaa sen työllistymissuunnitelmaan.",
                "Vid bedömningen av den arbetssökandes servicebehov tar arbetscoachen upp hälsa, ork och \
                 motion och erbjuder en hälsoundersökning för arbetslösa.",
                "In the jobseeker's service-needs assessment the employment coach raises health, coping and \
                 physical activity and offers a health check for the unemployed.",
            ],
            client: [
                "Työnhakija Kuopiossa tai Siilinjärvellä, erityisesti pitkään työttömänä ollut",
                "Arbetssökande i Kuopio eller Siilinjärvi, särskilt långtidsarbetslösa",
                "A jobseeker in Kuopio or Siilinjärvi, especially the long-term unemployed",
            ],
            handoff: "referral",
            consent: true,
            wait_days: None,
        },
        Step {
            org: p.county,
            unit: "Sote-keskuksen terveysasema",
            action: [
                "Terveystarkastus (myös työttömän terveystarkastus): liikkumisen ja diabetesriskin arviointi. \
                 Jos asiakas liikkuu terveytensä kannalta liian vähän, hoitaja tekee lähetteen \
                 liikuntaneuvontaan.",
                "Hälsoundersökning (även för arbetslösa): fysisk aktivitet och diabetesrisk bedöms. Den som \
                 rör sig för lite remitteras till motionsrådgivning.",
                "Health check (also for the unemployed): physical activity and the risk of diabetes are \
                 assessed; a client who moves too little is referred to exercise counselling.",
            ],
            client: [
                "Työikäinen, joka liikkuu terveytensä kannalta liian vähän",
                "Person i arbetsför ålder som rör sig för lite för sin hälsa",
                "A working-age adult who is not active enough for their health",
            ],
            handoff: "referral",
            consent: false,
            wait_days: Some(14),
        },
        Step {
            org: p.county,
            unit: "Sote-keskuksen liikuntaneuvonta",
            action: [
                "Liikuntaneuvonta, 1–3 tapaamista: tavoitteet ja oma liikuntasuunnitelma. Sopiva ryhmä \
                 valitaan yhdessä, ja neuvoja esittelee asiakkaan ryhmän vetäjälle.",
                "Motionsrådgivning, 1–3 träffar: mål och en egen motionsplan. En lämplig grupp väljs \
                 tillsammans och rådgivaren presenterar klienten för gruppledaren.",
                "Exercise counselling, 1–3 meetings: goals and a personal activity plan. A suitable group is \
                 chosen together and the counsellor introduces the client to its leader.",
            ],
            client: [
                "Asiakas, jolla on lähete liikuntaneuvontaan",
                "Klient med remiss till motionsrådgivning",
                "A client referred to exercise counselling",
            ],
            handoff: "warm_handoff",
            consent: true,
            wait_days: Some(21),
        },
        Step {
            org: p.ngo,
            unit: "Vertaisliikuntaryhmät",
            action: [
                "Matalan kynnyksen vertaisliikuntaryhmät (kävely, kuntosali, tasapaino) Kuopiossa ja \
                 Siilinjärvellä koulutettujen vapaaehtoisten ohjaamina; maksuttomat ensimmäiset 10 viikkoa.",
                "",
                "",
            ],
            client: ["Liikkumisen aloittaja", "", ""],
            handoff: "warm_handoff",
            consent: false,
            wait_days: Some(7),
        },
        Step {
            org: p.siilinjarvi,
            unit: "Siilinjärven työllisyyspalvelut",
            action: [
                "Työnhakijoiden liikuntaryhmät ja kuntouttavan työtoiminnan liikunta jatkavat vertaisryhmän \
                 jälkeen; liikkuminen kirjataan työllistymissuunnitelmaan. Ryhmiin pääsevät Kuopion \
                 työllisyysalueen työnhakijat molemmista kunnista.",
                "Motionsgrupper för arbetssökande och motion inom arbetsverksamhet i rehabiliteringssyfte \
                 fortsätter efter kamratgruppen; motionen skrivs in i sysselsättningsplanen.",
                "Jobseekers' exercise groups and the exercise of rehabilitative work activity carry on after \
                 the peer group; the activity is written into the employment plan.",
            ],
            client: [
                "Työnhakija, joka on aloittanut liikkumisen",
                "Arbetssökande som har kommit i gång med motion",
                "A jobseeker who has started to exercise",
            ],
            handoff: "shared_plan",
            consent: false,
            wait_days: Some(14),
        },
        Step {
            org: p.county,
            unit: "Sote-keskuksen liikuntaneuvonta",
            action: [
                "Seuranta 3 ja 6 kuukauden kohdalla: liikkumisen määrä, tavoitteiden toteutuminen ja \
                 asiakkaan palaute; tieto työllisyyspalveluille asiakkaan luvalla. Tarvittaessa uusi ohjaus.",
                "Uppföljning efter 3 och 6 månader: hur mycket klienten rör sig, målen och klientens respons; \
                 information till sysselsättningstjänsterna med klientens samtycke.",
                "Follow-up at 3 and 6 months: how much the client moves, the goals and the client's \
                 feedback; the employment services are told with the client's consent.",
            ],
            client: ["Ketjun asiakas", "Kedjans klient", "The chain's client"],
            handoff: "none",
            consent: true,
            wait_days: Some(90),
        },
    ];
    let added = store.add_steps(p.county, svc.id, &parse(&steps, &ids)?, p.county_user).await?;
    // The NGO completes its own step in Swedish and English, as a partner may.
    let own = added.iter().find(|s| s.input.org_id == p.ngo).context("the NGO's step")?;
    let mut form = StepForm::from_step(own);
    form.action_sv = "Lågtröskelgrupper med kamratstöd (promenad, gym, balans) i Kuopio och Siilinjärvi, ledda \
                      av utbildade frivilliga; avgiftsfria de första 10 veckorna."
        .into();
    form.action_en = "Low-threshold peer exercise groups (walking, gym, balance) in Kuopio and Siilinjärvi led by \
                      trained volunteers; free for the first 10 weeks."
        .into();
    form.client_sv = "Nybörjare i motion".into();
    form.client_en = "Someone starting to exercise".into();
    let input = form.parse(&ids).map_err(err)?;
    store.update_step(p.ngo, own.id, own.version, &input, p.ngo_user).await?;
    let svc = store.get_interface(p.county, svc.id).await?.context("the chain")?;
    store.publish_interface(p.county, svc.id, svc.version, true, p.county_user).await?;
    Ok(svc.id)
}

/// A family centre (*perhekeskus*): the coordination of a multi-sector service, as a draft that
/// only its parties see.
pub async fn family_centre(store: &dyn Store, p: &Parties) -> Result<i64> {
    let [name_fi, name_sv, name_en] = FAMILY_CENTRE.map(String::from);
    let fields = [
        ("name_fi", name_fi),
        ("name_sv", name_sv),
        ("name_en", name_en),
        (
            "description",
            "Lapsiperheiden palvelut yhdestä paikasta: hyvinvointialueen neuvola ja perhetyö, kuntien \
             varhaiskasvatus ja työllisyyspalvelut sekä järjestön perhekahvilat ja vertaisryhmät."
                .into(),
        ),
        ("kind", "multi_sector".into()),
        ("areas", KUOPIO.into()),
        ("areas", SIILINJARVI.into()),
        ("target_groups", "families".into()),
        ("target_groups", "children".into()),
        ("vulnerable_groups", "immigrants".into()),
        ("vulnerable_groups", "low_income".into()),
        ("vulnerable_groups", "foreign_language".into()),
        ("party_org", p.kuopio.to_string()),
        ("party_role", "partner".into()),
        ("party_org", p.siilinjarvi.to_string()),
        ("party_role", "partner".into()),
        ("party_org", p.ngo.to_string()),
        ("party_role", "partner".into()),
    ];
    let svc = create(store, p.county, p.county_user, &fields).await?;
    let ids: Vec<i64> = svc.parties.iter().map(|x| x.org_id).collect();
    let steps = [
        Step {
            org: p.county,
            unit: "Äitiys- ja lastenneuvola",
            action: [
                "Laajassa terveystarkastuksessa kysytään koko perheen jaksamisesta; perhe saa tiedon \
                 perhekahviloista ja vertaisryhmistä, ja tarvittaessa sovitaan perhetyöstä.",
                "Vid den omfattande hälsoundersökningen frågar man hur hela familjen orkar och berättar om \
                 familjecaféer och kamratgrupper.",
                "The extensive health check asks how the whole family is coping and tells about family cafés \
                 and peer groups.",
            ],
            client: ["Lapsiperhe", "Barnfamilj", "A family with children"],
            handoff: "self_referral",
            consent: false,
            wait_days: None,
        },
        Step {
            org: p.ngo,
            unit: "Perhekahvilat ja vertaisryhmät",
            action: [
                "Avoimet perhekahvilat ja vanhempien vertaisryhmät, myös selkokielellä; ohjaajat kertovat \
                 perhevapaalta palaavalle vanhemmalle työllisyyspalveluista.",
                "Öppna familjecaféer och kamratgrupper för föräldrar, även på lättläst språk.",
                "Open family cafés and parents' peer groups, also in plain language.",
            ],
            client: ["Vanhempi ja lapsi", "Förälder och barn", "A parent and child"],
            handoff: "warm_handoff",
            consent: true,
            wait_days: Some(0),
        },
        Step {
            org: p.kuopio,
            unit: "Kuopion työllisyyspalvelut",
            action: [
                "Perhevapaalta palaavan vanhemman työnhaun ja kielikoulutuksen tuki; lastenhoito järjestetään \
                 koulutuksen ajaksi yhdessä varhaiskasvatuksen kanssa.",
                "Stöd för en förälder som återvänder från familjeledighet: arbetssökande och språkutbildning, \
                 med barnomsorg under utbildningen.",
                "Support for a parent returning from family leave: job search and language training, with \
                 childcare during the training.",
            ],
            client: [
                "Perhevapaalta palaava vanhempi",
                "Förälder som återvänder från familjeledighet",
                "A parent returning from family leave",
            ],
            handoff: "none",
            consent: false,
            wait_days: Some(14),
        },
    ];
    store.add_steps(p.county, svc.id, &parse(&steps, &ids)?, p.county_user).await?;
    Ok(svc.id)
}

/// Kuopio's coordination of participation and volunteering, with the activity kinds it covers.
pub async fn volunteering(store: &dyn Store, p: &Parties) -> Result<i64> {
    let [name_fi, name_sv, name_en] = VOLUNTEERING.map(String::from);
    let mut fields = vec![
        ("name_fi", name_fi),
        ("name_sv", name_sv),
        ("name_en", name_en),
        (
            "description",
            "Kaupunki ja järjestöt sopivat yhdessä, mitä osallisuus- ja vapaaehtoistoimintaa Kuopiossa on ja \
             mitä puuttuu. Vertaistuki ja asukastuvat toimivat; tukihenkilö- ja mentoritoimintaa sekä \
             vapaaehtoisten yhteistä hakua rakennetaan. Koordinaattorit: kaupungin hyte-koordinaattori ja \
             Savon Vertaistuki ry:n vapaaehtoistoiminnan koordinaattori."
                .into(),
        ),
        ("kind", "volunteering".into()),
        ("areas", KUOPIO.into()),
        ("target_groups", "everyone".into()),
        ("vulnerable_groups", "older_living_alone".into()),
        ("vulnerable_groups", "mental_health".into()),
        ("vulnerable_groups", "family_carers".into()),
        ("party_org", p.ngo.to_string()),
        ("party_role", "partner".into()),
    ];
    for kind in ["peer_support", "living_room", "volunteering", "support_person", "mentoring"] {
        fields.push(("activity_kinds", kind.into()));
    }
    Ok(create(store, p.kuopio, p.kuopio_user, &fields).await?.id)
}
