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

ifc-nav-title = Yhdyspintapalvelut
ifc-nav-services = Palveluluettelo
ifc-service-nav = { $name }: sivut
ifc-tab-service = Palvelu

# Työnjako
ifc-work-title = Työnjako
ifc-work-lead = Kuka vastaa palvelun kustakin tehtävästä, kuka osallistuu ja kenelle tiedotetaan. Jokainen tallennus on uusi versio; alla olevasta historiasta näkyy, kuka muutti mitä.
ifc-work-hint = Nimeä tehtävä kullekin riville ja valitse kunkin organisaation osuus. Rivi ilman nimeä jätetään pois; lisää tehtäviä tyhjille riveille.
ifc-work-caption = Tehtävät ja organisaatioiden osuudet
ifc-work-task = Tehtävä
ifc-work-tasks = Tehtävät
ifc-work-task-n = Tehtävä { $n }
ifc-work-leader = Vastuuorganisaatio
ifc-work-nobody-leads = Kukaan ei vastaa
ifc-work-unowned = Tehtävät, joista kukaan ei vastaa:
ifc-work-cell = { $task } – { $org }: osuus
ifc-work-part-none = ei osuutta
ifc-work-save = Tallenna työnjako
ifc-work-task-twice = Kahdella tehtävällä on sama nimi; anna kullekin tehtävälle oma nimensä.
ifc-work-party-invalid = Osuus voi olla vain palveluun osallistuvilla organisaatioilla.
ifc-work-history = Työnjaon historia
ifc-work-history-caption = Työnjaon versiot, uusin ensin
ifc-work-history-none = Työnjakoa ei ole vielä tallennettu.
ifc-work-version = Versio
ifc-work-who = Tallentaja
ifc-work-when = Tallennettu (UTC)
ifc-work-changes = Muutokset
ifc-work-no-changes = Ei muutoksia edelliseen versioon.
ifc-work-change-added = Tehtävä lisätty: { $task }
ifc-work-change-removed = Tehtävä poistettu: { $task }
ifc-work-change-part = { $task }: { $org } ”{ $from }” → ”{ $to }”
raci-responsible = Vastaa
raci-takes_part = Osallistuu
raci-informed = Saa tiedon

# Yhteistyösopimukset
ifc-agreements-title = Yhteistyösopimukset
ifc-agreements-lead = Yhteistyösopimukset, joissa organisaatiosi on osapuolena: niiden kattamat yhdyspintapalvelut, sopimuskausi, kunkin osapuolen velvoitteet ja resurssit sekä allekirjoitettu asiakirja. Sopimuksen ja sen asiakirjan näkevät vain osapuolet.
ifc-agreements-none = Organisaatiosi ei ole vielä osapuolena yhdessäkään yhteistyösopimuksessa.
ifc-agreements-caption = Yhteistyösopimukset
ifc-agreements-new = Uusi yhteistyösopimus
ifc-agreements-add = Lisää sopimus
ifc-agreement = Yhteistyösopimus
ifc-agreement-edit = Muokkaa sopimusta
ifc-agreement-term = Sopimuskausi
ifc-agreement-parties = Osapuolet
ifc-agreement-parties-caption = Osapuolten velvoitteet, resurssit ja yhteyshenkilöt
ifc-agreement-parties-hint = Oma organisaatiosi ja vähintään yksi muu. Kirjoita kunkin osapuolen velvoitteet; jätä ylimääräiset rivit tyhjiksi.
ifc-agreement-party-n = Osapuoli { $n }
ifc-agreement-party-none = (ei organisaatiota)
ifc-agreement-no-services = Organisaatiosi ei vielä osallistu yhteenkään yhdyspintapalveluun: lisää ensin palvelu.
ifc-agreement-other-services = { $count ->
    [one] yksi muiden osapuolten palvelu
   *[other] { $count } muiden osapuolten palvelua
}
ifc-agreement-services-invalid = Valitse palvelut listasta.
ifc-agreement-parties-invalid = Nimeä osapuoliksi oma organisaatiosi ja vähintään yksi muu organisaatio.
ifc-agreement-parties-twice = Sama organisaatio on nimetty kahdesti; nimeä kukin osapuoli kerran.
ifc-agreement-obligations-required = Kirjoita jokaisen nimeämäsi osapuolen velvoitteet.
ifc-agreement-reference-invalid = Sopimuksessa on palvelu, johon organisaatiosi ei osallistu, tai organisaatio, jota ei ole.
field-ifc-agreement-title = Nimi
field-ifc-agreement-services = Sopimuksen yhdyspintapalvelut
field-ifc-agreement-starts = Alkaa
field-ifc-agreement-ends = Päättyy
field-ifc-agreement-status = Tila
field-ifc-agreement-review = Tarkistuspäivä
field-ifc-agreement-renew = Uusimispäivä
field-ifc-agreement-dates-hint = Osapuolet saavat muistutuksen etusivulleen 90 päivää ennen.
field-ifc-party-obligations = Velvoitteet
field-ifc-party-resources = Resurssit
field-ifc-party-contact = Yhteyshenkilö
agreement-status-draft = Luonnos
agreement-status-signed = Allekirjoitettu
agreement-status-ended = Päättynyt
ifc-document-title = Allekirjoitettu asiakirja
ifc-document-attached = Liitetty
ifc-document-missing = Ei liitetty
ifc-document-none = Allekirjoitettua asiakirjaa ei ole vielä liitetty.
ifc-document-file = Tiedosto
ifc-document-size-label = Koko
ifc-document-size = { $kb } kt
ifc-document-bytes = { $n } tavua
ifc-document-checksum = Tarkistussumma (SHA-256)
ifc-document-upload = Liitä asiakirja
ifc-document-too-large = Asiakirja on liian suuri: enintään { $max } Mt.
field-ifc-document = Allekirjoitettu sopimus (PDF)
field-ifc-document-hint = PDF-tiedosto, enintään { $max } Mt. Uusi tiedosto korvaa aiemman.

# Muistutukset etusivulla
ifc-reminders-title = Tarkistettavat ja uusittavat yhteistyösopimukset
ifc-reminder = { $title }: { $kind }
ifc-reminder-overdue = myöhässä
reminder-review = tarkistus
reminder-renewal = uusiminen

# Seuranta ja arviointi
ifc-monitoring-title = Seuranta ja arviointi
ifc-monitoring-lead = Palvelua seuraavat indikaattorit lähtötasoineen ja tavoitteineen sekä tietopankin viimeisimmästä arvosta laskettu eteneminen, ja osallistuvien organisaatioiden yhdessä kirjoittama vuosiarviointi.
ifc-tracked-title = Indikaattorit
ifc-tracked-none = Palvelulle ei ole vielä valittu seurattavia indikaattoreita.
ifc-tracked-caption = Palvelun indikaattorit ja niiden eteneminen
ifc-tracked-actions = Toiminnot
ifc-tracked-remove = Poista
ifc-tracked-new = Lisää indikaattori
ifc-tracked-add = Lisää indikaattori
ifc-tracked-choose-area = Valitse alue
field-ifc-tracked-indicator = Indikaattori
field-ifc-tracked-indicator-hint = Indikaattorin numero tietopankissa (kansallinen tai organisaatiosi oma indikaattori).
field-ifc-tracked-area = Alue
field-ifc-tracked-baseline-year = Lähtötason vuosi
field-ifc-tracked-baseline = Lähtötaso
field-ifc-tracked-target-year = Tavoitevuosi
field-ifc-tracked-target = Tavoitearvo
ifc-eval-title = Vuosiarviointi
ifc-eval-lead = Kukin osallistuva organisaatio täydentää samaa arviointia; arviointia kirjoittaneet organisaatiot näytetään.
ifc-eval-year = Arviointi { $year }
ifc-eval-contributors = Kirjoittaneet: { $names }
ifc-eval-not-written = Ei vielä kirjoitettu.
ifc-eval-write = Kirjoita vuoden { $year } arviointi
ifc-eval-edit = Muokkaa vuoden { $year } arviointia
ifc-eval-save = Tallenna arviointi
field-ifc-eval-worked = Mikä toimi
field-ifc-eval-gaps = Missä asiakkaat putosivat organisaatioiden väliin
field-ifc-eval-feedback = Asiakaspalaute
field-ifc-eval-changes = Mitä muutetaan ensi vuonna

# Kertomuksen luku
rifc-title = Yhdyspintapalvelut
rifc-lead = Yhdyspintapalvelut, joissa organisaatio on mukana yhdessä hyvinvointialueen, kuntien, valtion ja järjestöjen kanssa: niiden osallistujat, niitä seuraavat indikaattorit ja viimeisin vuosiarviointi.
rifc-services = Yhdyspintapalvelut ja niiden osallistujat
rifc-indicators = Yhdyspintapalvelujen indikaattorit
rifc-service = Palvelu
rifc-kind = Laji
rifc-parties = Osallistuvat organisaatiot
rifc-evaluations = Viimeisimmät vuosiarvioinnit
rifc-year = Vuosi

# Tapahtumaloki ja virheet
audit-division_of_work-update = Työnjako tallennettu
audit-interface_agreement-create = Yhteistyösopimus lisätty
audit-interface_agreement-update = Yhteistyösopimusta muutettu
audit-interface_agreement-document = Allekirjoitettu asiakirja liitetty yhteistyösopimukseen
audit-interface_indicator-create = Indikaattori lisätty yhdyspintapalveluun
audit-interface_indicator-delete = Indikaattori poistettu yhdyspintapalvelusta
audit-interface_evaluation-update = Yhdyspintapalvelun vuosiarviointi tallennettu
error-file_type_invalid = Tiedosto ei ole hyväksyttyä tyyppiä: liitä PDF-asiakirja.
error-last_lead = Palvelulla on oltava ainakin yksi vetävä organisaatio.
error-party_in_use = Organisaatio vastaa palveluketjun vaiheista; anna vaiheet ensin toiselle organisaatiolle.
