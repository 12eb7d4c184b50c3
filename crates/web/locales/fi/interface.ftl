## Yhdyspintapalvelut / Kontaktytstjänster / Interface services (fi)

## -- Register, service page, chain steps, export, public view --
nav-interface = Palveluketjut
ifc-title = Yhdyspintapalvelut
ifc-nav = Yhdyspintapalvelut
ifc-register = Palvelut
ifc-agreements = Yhteistyösopimukset
ifc-coordination = Osallisuuden ja vapaaehtoistoiminnan koordinointi
ifc-public = Julkiset palveluketjut
ifc-lead = Palvelut, jotka kuuluvat kunnan tai hyvinvointialueen vastuulle mutta tavoittavat asukkaat vain yhteistyössä kuntien, hyvinvointialueen, valtion ja järjestöjen kanssa: palveluketjut, monialaisten palvelujen (kuten Ohjaamon ja perhekeskuksen) koordinointi sekä osallisuuden ja vapaaehtoistoiminnan koordinointi. Näet ne palvelut, joissa organisaatiosi on mukana.
ifc-none = Organisaatiosi ei ole vielä mukana yhdessäkään yhdyspintapalvelussa.
ifc-caption = Yhdyspintapalvelut, joissa organisaatio on mukana
ifc-col-name = Palvelu
ifc-col-role = Organisaation rooli
ifc-col-parties = Osapuolet
ifc-col-public = Julkisuus
ifc-published = Julkaistu
ifc-draft = Luonnos (vain osapuolille)
ifc-new = Uusi yhdyspintapalvelu
ifc-new-lead = Organisaatiosi vetää uutta palvelua. Lisää osapuolet: vetäjät muokkaavat koko ketjua, kumppanit omia vaiheitaan.
ifc-create = Luo palvelu
field-ifc-name-fi = Nimi suomeksi
field-ifc-name-sv = Nimi ruotsiksi
field-ifc-name-en = Nimi englanniksi
field-ifc-kind = Palvelun laji
field-ifc-description = Kuvaus
field-ifc-areas = Kunnat, joita palvelu koskee
field-ifc-target-groups = Keskeiset kohderyhmät
field-ifc-vulnerable-groups = Haavoittuvassa asemassa olevat ryhmät
field-ifc-activity-kinds = Koordinoitavat toimintamuodot (osallisuus ja vapaaehtoistoiminta)
ifc-party-none = Ei valittu
field-ifc-party-org = Organisaatio
field-ifc-party-role = Rooli
ifc-party-legend = Osapuoli { $n }
ifc-parties-hint = Oma organisaatiosi on aina vetäjä. Jätä organisaatio valitsematta, jos riviä ei tarvita.
ifc-work-link = Työnjako
ifc-monitoring-link = Seuranta ja arviointi
ifc-export-pdf-fi = Palveluketju PDF:nä (suomeksi)
ifc-export-pdf-sv = Palveluketju PDF:nä (ruotsiksi)
ifc-export-pdf-en = Palveluketju PDF:nä (englanniksi)
ifc-public-page = Julkinen sivu
ifc-chain-title = Palveluketju
ifc-steps-none = Ketjussa ei ole vielä vaiheita.
ifc-steps-caption = Palveluketjun vaiheet
ifc-col-step = Vaihe
ifc-col-action = Mitä tapahtuu
ifc-col-client = Asiakas tässä vaiheessa
ifc-col-actions = Toiminnot
ifc-consent = Asiakkaan suostumus tarvitaan
ifc-step-edit = Muokkaa vaihetta { $n }
ifc-step-up = Siirrä vaihe { $n } ylös
ifc-step-down = Siirrä vaihe { $n } alas
ifc-step-delete = Poista vaihe { $n }
ifc-step-title = Vaihe { $n }
ifc-back-to = Takaisin: { $name }
ifc-step-add-title = Lisää vaihe
ifc-step-add = Lisää vaihe
field-step-org = Vastuuorganisaatio
field-step-unit = Yksikkö
field-step-action-fi = Mitä tapahtuu (suomeksi)
field-step-action-sv = Mitä tapahtuu (ruotsiksi)
field-step-action-en = Mitä tapahtuu (englanniksi)
field-step-client-fi = Kuka asiakas on tässä vaiheessa (suomeksi)
field-step-client-sv = Kuka asiakas on tässä vaiheessa (ruotsiksi)
field-step-client-en = Kuka asiakas on tässä vaiheessa (englanniksi)
field-step-handoff = Miten asiakas siirtyy eteenpäin
field-step-wait = Odotusaika (päivää)
field-step-consent = Siirtyminen edellyttää asiakkaan suostumusta
ifc-wait-days = { $days } pv
ifc-template-title = Aloita valmiista ketjusta
ifc-template-lead = Valmiin ketjun vaiheet lisätään ketjun loppuun, ja kukin annetaan sille osapuolelle, jonka laji yleensä vastaa vaiheesta (muuten omalle organisaatiollesi). Odotusajat ovat suunnittelun oletuksia, eivät tilastoja.
field-ifc-template = Valmis ketju
ifc-template-apply = Lisää valmiin ketjun vaiheet
ifc-publish-title = Julkaiseminen
ifc-publish-on = Ketju on julkaistu: kuka tahansa löytää sen palveluketjuhausta.
ifc-publish-off = Ketju on luonnos: sen näkevät vain osapuolet.
ifc-publish = Julkaise ketju
ifc-withdraw = Poista julkaisusta
ifc-details-title = Palvelun tiedot
ifc-diagram-title = Palveluketjun kaavio
ifc-diagram-alt = Palveluketjun vaiheet järjestyksessä; samat tiedot ovat taulukossa.
ifc-public-title = Palveluketjut
ifc-public-lead = Mitä tapahtuu seuraavaksi? Kuntien, hyvinvointialueen, valtion ja järjestöjen yhteiset palveluketjut vaihe vaiheelta: kuka auttaa, miten asiakas siirtyy eteenpäin ja kauanko odottaa.
ifc-public-search = Hae palveluketjuja
ifc-public-words = Hakusanat
ifc-public-words-hint = Esimerkiksi tilanne tai palvelu: nuori työtön, liikuntaneuvonta, tupakoinnin lopettaminen. Haku löytää sanat suomeksi, ruotsiksi ja englanniksi.
ifc-public-area = Kunta
ifc-public-any-area = Kaikki kunnat
ifc-public-count = { $count ->
    [one] Yksi palveluketju
   *[other] { $count } palveluketjua
}
ifc-public-none = Julkaistuja palveluketjuja ei vielä ole.
ifc-public-none-found = Hakuasi vastaavia palveluketjuja ei löytynyt.
ifc-public-steps = { $count ->
    [one] Yksi vaihe
   *[other] { $count } vaihetta
}
ifc-public-first = Ensimmäinen vaihe: { $step }
ifc-public-back = Kaikki palveluketjut
ifc-what-next = Mitä tapahtuu seuraavaksi
ifc-coord-lead = Mitä osallisuuden ja vapaaehtoistoiminnan muotoja kunnassa on järjestöjen toimintahakemistossa, mitkä puuttuvat ja kuka niitä koordinoi (niiden osallisuuden ja vapaaehtoistoiminnan koordinointipalvelujen vetäjät, jotka koskevat kuntaa).
ifc-coord-show = Näytä
ifc-coord-no-area = Organisaatiolla ei ole kuntia, joiden tilannetta näyttää.
ifc-coord-missing = Puuttuvat toimintamuodot:
ifc-coord-caption = Toimintamuodot ja niiden koordinointi: { $area }
ifc-coord-kind = Toimintamuoto
ifc-coord-count = Toimintoja hakemistossa
ifc-coord-who = Koordinoi
ifc-coord-services = Koordinointipalvelu
ifc-coord-gap = puuttuu
ifc-coord-nobody = Ei koordinoijaa
ifc-coord-directory = Järjestöjen toimintahakemisto
ifc-diagram-wait = Odotus noin { $wait }
ifc-diagram-client = Asiakas
ifc-diagram-desc = { $count ->
    [one] Yksi vaihe.
   *[other] { $count } vaihetta järjestyksessä.
} Jokaisessa laatikossa on vastuuorganisaatio, mitä tapahtuu ja kuka asiakas on; nuolissa se, miten asiakas siirtyy eteenpäin. Samat tiedot ovat taulukossa kaavion alla.
ifc-diagram-name = Palveluketju: { $name }
interface-kind-service_chain = Palveluketju
interface-kind-multi_sector = Monialaisen palvelun koordinointi
interface-kind-volunteering = Osallisuuden ja vapaaehtoistoiminnan koordinointi
party-role-lead = Vetäjä
party-role-partner = Kumppani
party-role-funder = Rahoittaja
handoff-referral = Lähete
handoff-shared_plan = Yhteinen asiakassuunnitelma
handoff-warm_handoff = Saattaen vaihtaminen
handoff-self_referral = Asiakas hakeutuu itse
handoff-none = Ketju päättyy
chain-template-employment = Työllisyyttä edistävä palveluketju
chain-template-physical_activity = Liikunnan palveluketju (liikuntaneuvonta)
chain-template-quit_smoking = Tupakoinnin lopettamisen tuki
audit-interface-create = Yhdyspintapalvelu luotu
audit-interface-update = Yhdyspintapalvelua muutettu
audit-interface-publish = Palveluketjun julkisuus muutettu
audit-chain_step-create = Palveluketjun vaihe lisätty
audit-chain_step-update = Palveluketjun vaihetta muutettu
audit-chain_step-delete = Palveluketjun vaihe poistettu
audit-chain_step-move = Palveluketjun vaihe siirretty









## -- Division of work, agreements, monitoring and evaluation, reminders, report section --
