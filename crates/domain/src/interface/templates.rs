//! Ready service chains from the seeds (000/003: *työllisyyden edistäminen, liikunnan
//! palveluketju, savuttomuuden tukeminen*) to start a chain from: each step with its texts in
//! fi/sv/en, the hand-off, consent, a typical wait and the kind of organisation that usually
//! does it.

use super::{Handoff, StepInput};
use crate::codes::codes;
use crate::{OrgKind, Texts};

codes! {
    /// A ready chain.
    pub enum ChainTemplate: "chain-template-" {
        /// Työllisyyttä edistävä palveluketju.
        Employment = "employment",
        /// Liikunnan palveluketju (liikuntaneuvonta).
        PhysicalActivity = "physical_activity",
        /// Tupakasta vieroituksen tuki.
        QuitSmoking = "quit_smoking",
    }
}

codes! {
    /// The kind of organisation that usually does a template's step.
    pub enum Doer {
        County = "county",
        Municipality = "municipality",
        Ngo = "ngo",
        State = "state",
    }
}

impl Doer {
    /// Whether an organisation of `kind` can do the step (Helsinki is both a municipality and a
    /// county; a parish counts as an NGO).
    pub fn fits(self, kind: OrgKind) -> bool {
        use OrgKind as K;
        match self {
            Doer::County => matches!(kind, K::WellbeingCounty | K::Helsinki | K::Hus),
            Doer::Municipality => matches!(kind, K::Municipality | K::Helsinki),
            Doer::Ngo => matches!(kind, K::Ngo | K::Parish),
            Doer::State => kind == K::StateAuthority,
        }
    }

    /// The organisation kind that names the doer (its `org-kind-` translation).
    pub fn org_kind(self) -> OrgKind {
        match self {
            Doer::County => OrgKind::WellbeingCounty,
            Doer::Municipality => OrgKind::Municipality,
            Doer::Ngo => OrgKind::Ngo,
            Doer::State => OrgKind::StateAuthority,
        }
    }
}

/// A template's step; the texts are fi, sv, en.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TemplateStep {
    pub doer: Doer,
    /// The unit, in Finnish.
    pub unit: &'static str,
    pub action: [&'static str; 3],
    pub client: [&'static str; 3],
    pub handoff: Handoff,
    pub consent: bool,
    /// A planning default to replace with the area's own, not a statistic.
    pub wait_days: Option<i32>,
}

impl TemplateStep {
    /// The step for the chain, done by `org_id`.
    pub fn input(&self, org_id: i64) -> StepInput {
        let texts = |[fi, sv, en]: [&str; 3]| Texts { fi: Some(fi.into()), sv: Some(sv.into()), en: Some(en.into()) };
        StepInput {
            org_id,
            unit: Some(self.unit.into()),
            action: texts(self.action),
            client: texts(self.client),
            handoff: self.handoff,
            consent: self.consent,
            wait_days: self.wait_days,
        }
    }
}

impl ChainTemplate {
    /// The template's steps, in order.
    pub fn steps(self) -> &'static [TemplateStep] {
        match self {
            ChainTemplate::Employment => &EMPLOYMENT,
            ChainTemplate::PhysicalActivity => &PHYSICAL_ACTIVITY,
            ChainTemplate::QuitSmoking => &QUIT_SMOKING,
        }
    }
}

/// The template's steps, each done by the first of `parties` (id, kind) that fits its doer, else
/// by `own`.
pub fn apply_template(t: ChainTemplate, parties: &[(i64, OrgKind)], own: i64) -> Vec<StepInput> {
    t.steps()
        .iter()
        .map(|s| {
            let org = parties.iter().find(|(_, k)| s.doer.fits(*k)).map_or(own, |(id, _)| *id);
            s.input(org)
        })
        .collect()
}

const fn step(
    doer: Doer,
    unit: &'static str,
    action: [&'static str; 3],
    client: [&'static str; 3],
    handoff: Handoff,
    consent: bool,
    wait_days: Option<i32>,
) -> TemplateStep {
    TemplateStep { doer, unit, action, client, handoff, consent, wait_days }
}

const EMPLOYMENT: [TemplateStep; 5] = [
    step(
        Doer::Municipality,
        "Työllisyyspalvelut",
        [
            "Työllisyyspalvelujen asiantuntija kartoittaa työnhakijan tilanteen ja palvelutarpeen. Jos työ- tai toimintakyky mietityttää, hän ohjaa asiakkaan työttömän terveystarkastukseen.",
            "Sysselsättningstjänsternas sakkunniga kartlägger den arbetssökandes situation och servicebehov. Om arbets- eller funktionsförmågan väcker frågor hänvisar hen klienten till en hälsoundersökning för arbetslösa.",
            "An employment services specialist maps the jobseeker's situation and service needs. If work or functional capacity is in doubt, they refer the client to a health check for the unemployed.",
        ],
        [
            "Työtön tai työttömyysuhan alainen työnhakija",
            "Arbetslös arbetssökande eller arbetssökande som hotas av arbetslöshet",
            "Unemployed jobseeker or one at risk of unemployment",
        ],
        Handoff::Referral,
        true,
        Some(7),
    ),
    step(
        Doer::County,
        "Terveysasema",
        [
            "Terveydenhoitaja tekee työttömän terveystarkastuksen ja arvioi työ- ja toimintakyvyn. Tarvittaessa lääkäri arvioi kuntoutuksen tarpeen ja ohjaa hoitoon.",
            "Hälsovårdaren gör en hälsoundersökning för arbetslösa och bedömer arbets- och funktionsförmågan. Vid behov bedömer en läkare behovet av rehabilitering och hänvisar till vård.",
            "A public health nurse carries out the health check for the unemployed and assesses work and functional capacity. Where needed, a doctor assesses the need for rehabilitation and refers to treatment.",
        ],
        [
            "Työtön, jonka työ- ja toimintakyky arvioidaan",
            "Arbetslös vars arbets- och funktionsförmåga bedöms",
            "Unemployed person whose work and functional capacity is assessed",
        ],
        Handoff::SharedPlan,
        false,
        Some(21),
    ),
    step(
        Doer::County,
        "Aikuissosiaalityö",
        [
            "Sosiaalityöntekijä laatii asiakkaan kanssa aktivointisuunnitelman ja järjestää kuntouttavaa työtoimintaa tai muuta sosiaalista kuntoutusta.",
            "Socialarbetaren gör upp en aktiveringsplan tillsammans med klienten och ordnar arbetsverksamhet i rehabiliteringssyfte eller annan social rehabilitering.",
            "A social worker draws up an activation plan with the client and arranges rehabilitative work activity or other social rehabilitation.",
        ],
        [
            "Pitkään työttömänä ollut, joka tarvitsee kuntoutusta ennen työtä tai koulutusta",
            "Långtidsarbetslös som behöver rehabilitering före arbete eller utbildning",
            "Long-term unemployed person who needs rehabilitation before work or training",
        ],
        Handoff::WarmHandoff,
        true,
        Some(30),
    ),
    step(
        Doer::Ngo,
        "Työpaja",
        [
            "Järjestön työpaja tarjoaa työtoimintaa, valmennusta ja vertaistukea, jotka vahvistavat arjen taitoja ja työelämävalmiuksia.",
            "Organisationens verkstad erbjuder arbetsverksamhet, coachning och kamratstöd som stärker vardagsfärdigheterna och beredskapen för arbetslivet.",
            "The NGO's workshop offers work activity, coaching and peer support that strengthen everyday skills and readiness for working life.",
        ],
        [
            "Työpajan valmentautuja",
            "Deltagare i verkstaden",
            "Workshop trainee",
        ],
        Handoff::SharedPlan,
        true,
        Some(14),
    ),
    step(
        Doer::Municipality,
        "Työllisyyspalvelut",
        [
            "Työllisyyspalvelut ja asiakas arvioivat yhdessä suunnitelman toteutumista ja sopivat seuraavasta askeleesta: työ, koulutus, palkkatuki tai uusi suunnitelma.",
            "Sysselsättningstjänsterna och klienten bedömer tillsammans hur planen har genomförts och kommer överens om nästa steg: arbete, utbildning, lönesubvention eller en ny plan.",
            "Employment services and the client review the plan together and agree on the next step: work, training, pay subsidy or a new plan.",
        ],
        [
            "Työnhakija, jonka suunnitelmaa seurataan",
            "Arbetssökande vars plan följs upp",
            "Jobseeker whose plan is followed up",
        ],
        Handoff::None,
        false,
        Some(90),
    ),
];

const PHYSICAL_ACTIVITY: [TemplateStep; 5] = [
    step(
        Doer::County,
        "Terveysasema",
        [
            "Terveydenhoitaja tai lääkäri tunnistaa vastaanotolla liian vähäisen liikkumisen, kertoo liikuntaneuvonnasta ja tekee asiakkaan luvalla yhteydenottopyynnön liikuntaneuvojalle.",
            "Hälsovårdaren eller läkaren upptäcker vid mottagningen att klienten rör sig för lite, berättar om motionsrådgivningen och skickar med klientens samtycke en kontaktbegäran till motionsrådgivaren.",
            "At an appointment a nurse or doctor identifies that the client moves too little, tells them about exercise counselling and, with the client's consent, sends a contact request to the exercise counsellor.",
        ],
        [
            "Aikuinen, joka liikkuu terveytensä kannalta liian vähän",
            "Vuxen som rör sig för lite med tanke på sin hälsa",
            "Adult who is not active enough for their health",
        ],
        Handoff::Referral,
        true,
        None,
    ),
    step(
        Doer::Municipality,
        "Liikuntapalvelut",
        [
            "Liikuntaneuvoja kartoittaa asiakkaan kanssa liikkumisen tavat, voimavarat ja esteet ja laatii yhdessä hänen kanssaan henkilökohtaisen liikkumissuunnitelman.",
            "Motionsrådgivaren kartlägger tillsammans med klienten hens rörelsevanor, resurser och hinder och gör upp en personlig motionsplan tillsammans med hen.",
            "The exercise counsellor maps the client's activity habits, resources and barriers and draws up a personal activity plan together with them.",
        ],
        [
            "Liikuntaneuvonnan asiakas",
            "Klient inom motionsrådgivningen",
            "Exercise counselling client",
        ],
        Handoff::WarmHandoff,
        false,
        Some(14),
    ),
    step(
        Doer::Municipality,
        "Liikuntapalvelut",
        [
            "Asiakas aloittaa kunnan ohjatussa, matalan kynnyksen liikuntaryhmässä, esimerkiksi kuntosali- tai vesiliikuntaryhmässä, suunnitelmansa mukaisesti.",
            "Klienten börjar i en av kommunens ledda lågtröskelgrupper, till exempel en gym- eller vattengymnastikgrupp, enligt sin plan.",
            "The client starts in one of the municipality's guided low-threshold exercise groups, for example a gym or water exercise group, according to their plan.",
        ],
        [
            "Liikkumistaan lisäävä aikuinen",
            "Vuxen som ökar sin fysiska aktivitet",
            "Adult increasing their physical activity",
        ],
        Handoff::SelfReferral,
        false,
        Some(14),
    ),
    step(
        Doer::Ngo,
        "Liikuntaryhmät ja vertaisliikuttajat",
        [
            "Järjestön liikuntaryhmät ja vertaisliikuttajat tukevat liikkumisen jatkumista omassa lähiympäristössä ohjatun ryhmäjakson jälkeen.",
            "Organisationens motionsgrupper och kamratledare stöder klienten att fortsätta röra sig i sin närmiljö efter den ledda gruppen.",
            "The NGO's exercise groups and peer exercise leaders help the client keep moving in their own neighbourhood after the guided group.",
        ],
        [
            "Omatoimisesti liikkuva, joka hyötyy vertaistuesta",
            "Person som rör sig på egen hand och har nytta av kamratstöd",
            "Person exercising independently who benefits from peer support",
        ],
        Handoff::SharedPlan,
        false,
        None,
    ),
    step(
        Doer::Municipality,
        "Liikuntapalvelut",
        [
            "Liikuntaneuvoja seuraa asiakkaan kanssa liikkumisen muutosta 3 ja 6 kuukauden kohdalla, päivittää suunnitelman ja kertoo asiakkaan luvalla tuloksista terveysasemalle.",
            "Motionsrådgivaren följer tillsammans med klienten upp förändringen i rörelsevanorna efter 3 och 6 månader, uppdaterar planen och informerar med klientens samtycke hälsostationen om resultaten.",
            "The exercise counsellor follows up the change in activity with the client at 3 and 6 months, updates the plan and, with the client's consent, reports the results to the health station.",
        ],
        [
            "Liikuntaneuvonnan asiakas seurantavaiheessa",
            "Klient inom motionsrådgivningen i uppföljningsskedet",
            "Exercise counselling client at follow-up",
        ],
        Handoff::None,
        false,
        Some(90),
    ),
];

const QUIT_SMOKING: [TemplateStep; 5] = [
    step(
        Doer::County,
        "Terveysasema",
        [
            "Tupakoinnista ja nuuskasta kysytään jokaisella käynnillä. Ammattilainen antaa lyhytneuvonnan ja tarjoaa tukea lopettamiseen.",
            "Man frågar om rökning och snus vid varje besök. Den yrkesutbildade ger kort rådgivning och erbjuder stöd för att sluta.",
            "Smoking and snus use are asked about at every visit. The professional gives brief advice and offers support for quitting.",
        ],
        [
            "Tupakoiva tai nuuskaava asiakas",
            "Klient som röker eller snusar",
            "Client who smokes or uses snus",
        ],
        Handoff::Referral,
        false,
        None,
    ),
    step(
        Doer::County,
        "Tupakasta vieroituksen vastaanotto",
        [
            "Vieroitukseen perehtynyt hoitaja arvioi nikotiiniriippuvuuden, sopii asiakkaan kanssa lopettamispäivän ja tukee lopettamista tapaamisin tai puhelimitse.",
            "En skötare som är insatt i avvänjning bedömer nikotinberoendet, kommer överens med klienten om ett datum för att sluta och stöder hen genom möten eller per telefon.",
            "A nurse trained in cessation assesses nicotine dependence, agrees a quit date with the client and supports quitting through appointments or by phone.",
        ],
        [
            "Lopettamista harkitseva tai siihen valmis tupakoija",
            "Rökare som överväger att sluta eller är redo att sluta",
            "Smoker who is considering quitting or ready to quit",
        ],
        Handoff::SharedPlan,
        false,
        Some(14),
    ),
    step(
        Doer::County,
        "Terveysasema",
        [
            "Lääkäri arvioi vieroituslääkityksen tarpeen ja määrää lääkkeen. Nikotiinikorvaushoitoa saa myös apteekista farmaseutin neuvonnalla.",
            "Läkaren bedömer behovet av läkemedel vid avvänjning och skriver ut läkemedel. Nikotinersättning fås också på apoteket med farmaceutens rådgivning.",
            "A doctor assesses the need for cessation medication and prescribes it. Nicotine replacement is also available from a pharmacy with a pharmacist's advice.",
        ],
        [
            "Lopettaja, joka hyötyy lääkehoidosta",
            "Person som slutar och har nytta av läkemedelsbehandling",
            "Person quitting who benefits from medication",
        ],
        Handoff::SelfReferral,
        false,
        Some(7),
    ),
    step(
        Doer::Ngo,
        "Vertaisryhmä ja Stumppi-neuvonta",
        [
            "Asiakas saa vertaistukea järjestön lopettajaryhmästä sekä neuvontaa valtakunnallisesta Stumppi-puhelinneuvonnasta ja -verkkopalvelusta.",
            "Klienten får kamratstöd i organisationens grupp för dem som slutar och rådgivning från den riksomfattande telefonrådgivningen och webbtjänsten Stumppi.",
            "The client gets peer support from the NGO's quitting group and advice from the national Stumppi helpline and website.",
        ],
        [
            "Tupakoinnin lopettaja",
            "Person som slutar röka",
            "Person quitting smoking",
        ],
        Handoff::SharedPlan,
        false,
        None,
    ),
    step(
        Doer::County,
        "Terveysasema",
        [
            "Hoitaja seuraa savuttomuutta noin 1, 3 ja 6 kuukauden kohdalla, tukee retkahduksen jälkeen uuteen yritykseen ja kirjaa tuloksen.",
            "Skötaren följer upp rökfriheten efter ungefär 1, 3 och 6 månader, stöder ett nytt försök efter ett återfall och antecknar resultatet.",
            "The nurse follows up on being smoke-free at about 1, 3 and 6 months, supports a new attempt after a relapse and records the result.",
        ],
        [
            "Savuton tai retkahtanut lopettaja",
            "Rökfri person eller person som har fått ett återfall",
            "Smoke-free person or one who has relapsed",
        ],
        Handoff::None,
        false,
        Some(30),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::assert_codes;
    use crate::interface::{ChainStep, StepForm};
    use crate::Lang;

    #[test]
    fn codes_are_pinned() {
        assert_codes::<ChainTemplate>(&["employment", "physical_activity", "quit_smoking"]);
        assert_codes::<Doer>(&["county", "municipality", "ngo", "state"]);
    }

    #[test]
    fn every_template_is_complete_in_three_languages_and_ends() {
        for t in ChainTemplate::ALL {
            let steps = t.steps();
            assert!(steps.len() >= 4, "{t}");
            for (i, s) in steps.iter().enumerate() {
                assert!(!s.unit.is_empty() && s.unit.len() <= crate::interface::TEXT_MAX);
                for text in s.action.iter().chain(&s.client) {
                    assert!(!text.trim().is_empty() && text.len() <= 1_000, "{t} step {i}");
                }
                assert!(s.wait_days.is_none_or(|d| (0..=730).contains(&d)));
                let last = i + 1 == steps.len();
                assert_eq!(s.handoff == Handoff::None, last, "{t} step {i}: only the last step ends");
            }
            for input in apply_template(t, &[], 1) {
                assert!(Lang::ALL.iter().all(|l| input.action.has(*l) && input.client.has(*l)));
                // Valid as the step form would save it.
                let step = ChainStep { id: 1, service_id: 1, position: 1, input: input.clone(), version: 1 };
                assert_eq!(StepForm::from_step(&step).parse(&[1]), Ok(input));
            }
        }
    }

    #[test]
    fn steps_go_to_the_first_fitting_party_else_to_own() {
        let parties = [
            (2, OrgKind::Municipality),
            (3, OrgKind::Municipality),
            (5, OrgKind::WellbeingCounty),
            (8, OrgKind::Parish),
            (9, OrgKind::Ngo),
        ];
        let orgs: Vec<i64> =
            apply_template(ChainTemplate::PhysicalActivity, &parties, 5).iter().map(|s| s.org_id).collect();
        assert_eq!(orgs, [5, 2, 2, 8, 2]);
        let alone: Vec<i64> = apply_template(ChainTemplate::Employment, &[(2, OrgKind::Municipality)], 7)
            .iter()
            .map(|s| s.org_id)
            .collect();
        assert_eq!(alone, [2, 7, 7, 7, 2]);
        let helsinki: Vec<i64> =
            apply_template(ChainTemplate::QuitSmoking, &[(4, OrgKind::Helsinki)], 1).iter().map(|s| s.org_id).collect();
        assert_eq!(helsinki, [4, 4, 4, 1, 4]);
        let first = &apply_template(ChainTemplate::PhysicalActivity, &parties, 5)[0];
        assert_eq!(first.unit.as_deref(), Some("Terveysasema"));
        assert_eq!(first.action.get(Lang::Sv), ChainTemplate::PhysicalActivity.steps()[0].action[1]);
        assert!(Doer::County.fits(OrgKind::Hus) && !Doer::State.fits(OrgKind::Municipality));
        assert_eq!(Doer::Ngo.org_kind(), OrgKind::Ngo);
    }
}
