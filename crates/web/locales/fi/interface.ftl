## Yhdyspintapalvelut / Kontaktytstjänster / Interface services (fi)

## -- Register, service page, chain steps, export, public view --









## -- Division of work, agreements, monitoring and evaluation, reminders, report section --

ifc-nav-title = Yhdyspintapalvelut
ifc-nav = Yhdyspintapalvelut
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
field-ifc-party-org = Organisaatio
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
