# The county's support to municipalities (issue 14): the survey, the plan, the negotiation, the
# good-practice library. Keys: support-* (room, survey, plan), negotiation-*, sent-* (reports sent),
# practice-* / practices-* (library).

nav-practices = Hyvät käytännöt
support-title = Tuki kunnille
support-nav = Tuki kunnille: osiot
support-surveys = Tukitarpeet
support-plans = Tukisuunnitelma
support-negotiations = Hyte-neuvottelut
support-received = Lähetetyt raportit
practices-title = Hyvät käytännöt
practices-public = Hyvien käytäntöjen kirjasto

## Content areas
support-area-physical_activity = Liikunta
support-area-nutrition = Ravitsemus
support-area-substance_use = Päihteiden käyttö
support-area-mental_wellbeing = Mielen hyvinvointi
support-area-culture = Kulttuuri
support-area-safety = Turvallisuus ja tapaturmien ehkäisy
support-area-violence_prevention = Väkivallan ehkäisy
support-area-substance_prevention = Ehkäisevä päihdetyö
support-area-wellbeing_data = Hyvinvointitiedon tuottaminen ja tulkinta
support-area-wellbeing_report = Hyvinvointikertomuksen laatiminen
support-area-impact_assessment = Vaikutusten ennakkoarviointi
support-area-national_programmes = Kansalliset ohjelmat

## Survey, plan and delivery (support-*)

# end of survey, plan and delivery

## Negotiation (negotiation-*) and reports sent to the county (sent-*)

# end of negotiation and reports sent

## Good-practice library (practice-*, practices-*)

practices-public-lead = Hyvinvoinnin ja terveyden edistämisen hyviä käytäntöjä, joita hyvinvointialueet ja kunnat ovat kuvanneet, niiden vaikuttavuusnäyttö ja käyttäjät. Hae sanoilla suomeksi, ruotsiksi tai englanniksi ja rajaa teeman, kohderyhmän ja näytön mukaan.
practices-search = Hae käytäntöjä
practices-words = Hakusanat
practices-words-hint = Jokaisen sanan on esiinnyttävä käytännön nimessä tai teksteissä jollakin kielellä.
practices-group = Kohderyhmä
practices-any-area = Kaikki teemat
practices-any-group = Kaikki kohderyhmät
practices-any-evidence = Kaikki näytön tasot
practices-count = { $count ->
    [one] Yksi käytäntö
   *[other] { $count } käytäntöä
}
practices-none = Käytäntöjä ei ole vielä julkaistu.
practices-none-found = Mikään käytäntö ei vastaa hakua.
practices-back = Takaisin hyvien käytäntöjen kirjastoon
practices-org-lead = Organisaation omat hyvät käytännöt (muokkaa ja julkaise), suunnitelmissa käytössä olevat käytännöt, hyvinvointialueen suositukset ja kirjasto, josta voi ottaa käytäntöjä käyttöön.
practices-own = Omat käytännöt
practices-own-none = Organisaatiolla ei ole vielä omia käytäntöjä.
practices-export = Vie omat käytännöt JSON-tiedostona
practices-adoptions = Käytössämme olevat käytännöt
practices-adoptions-none = Organisaatio ei ole vielä ottanut käyttöön yhtään käytäntöä.
practices-recommended = Suositellut käytännöt
practices-recommended-none = Ei suosituksia.
practices-rec-all = Kaikki jäsenkunnat
practices-recommend = Suosittele käytäntöä
practices-recommend-lead = Suosittele julkaistua käytäntöä teemaan, jossa kunnat tarvitsevat tukea, kaikille jäsenkunnille tai yhdelle.
practices-recommend-button = Suosittele
practices-rec-year = Vuosi
practices-rec-area = Teema
practices-rec-practice_id = Käytäntö
practices-rec-municipality_id = Kunta
practices-rec-note = Perustelu (tarve)
practices-library = Kirjasto
practices-library-lead = Muiden organisaatioiden julkaisemat käytännöt. Avaa käytäntö ottaaksesi sen suunnitelmaasi, tai hae koko
practices-new = Uusi käytäntö
practices-create = Lisää käytäntö
practices-import = Tuo käytäntöjä
practices-import-lead = Toisesta kirjastosta viety JSON-tiedosto (muoto hyte-practices, versio 1). Tuodut käytännöt tulevat organisaation omiksi julkaisemattomina, ja niiden lähde säilyy. Jos yksikin tiedoston käytäntö on virheellinen, mitään ei tuoda.
practices-import-file-label = JSON-tiedosto
practices-import-button = Tuo
practices-import-refused = Mitään ei tuotu: { $problem }
practices-import-item = Käytäntö
practices-import-file = Tiedosto
practices-withdrawn = (julkaisusta poistettu käytäntö)
practice-by = Kuvannut: { $org }
practice-published = Julkaistu
practice-draft = Ei julkaistu
practice-public-page = julkinen sivu
practice-publish = Julkaise
practice-withdraw = Poista julkaisusta
practice-edit = Muokkaa käytäntöä
practice-summary = Mikä se on
practice-costs = Kustannukset ja resurssit
practice-results = Tulokset
practice-links = Näyttöä koskevat linkit
practice-source = Lähde
practice-adopters = Missä käytössä
practice-adopters-none = Yksikään organisaatio ei ole vielä kirjannut käyttävänsä sitä.
practice-col-name = Käytäntö
practice-col-org = Organisaatio
practice-col-owner = Kuvannut
practice-col-since = Käytössä alkaen
practice-col-results = Tulokset
practice-col-state = Tila
practice-col-measure = Suunnitelman toimenpide
practice-measure-link = Avaa toimenpide
practice-adopt = Ota käyttöön suunnitelmassamme
practice-adopt-lead = Käytännöstä tulee toimenpide valittuun suunnitelmaan, linkitettynä käytäntöön; kirjasto näyttää organisaationne sen käyttäjänä.
practice-adopt-in = Ota käyttöön: { $org }
practice-adopt-no-report = Organisaatiolla ei ole raporttia, jonka suunnitelmaa voi muokata (luonnos tai tarkastettavana).
practice-adopt-report = Raportti, jonka suunnitelmaan toimenpide tulee
practice-adopt-goal = Toimenpiteen tavoite
practice-adopt-no-goal = Ei tavoitetta
practice-adopt-since = Käytössä alkaen
practice-adopt-results = Tähänastiset tulokset
practice-adopt-button = Ota käyttöön
practice-measure-from = Hyvä käytäntö: { $name }
practice-summary-hint = Kirjoita kuvaus vähintään yhdellä kielellä.
practice-links-hint = Yksi verkko-osoite (http tai https) riville: arvioinnit, tutkimukset, käytännön oma sivusto.
practice-field-name_fi = Nimi suomeksi
practice-field-name_sv = Nimi ruotsiksi
practice-field-name_en = Nimi englanniksi
practice-field-summary_fi = Mikä se on, suomeksi
practice-field-summary_sv = Mikä se on, ruotsiksi
practice-field-summary_en = Mikä se on, englanniksi
practice-field-costs_fi = Kustannukset ja resurssit, suomeksi
practice-field-costs_sv = Kustannukset ja resurssit, ruotsiksi
practice-field-costs_en = Kustannukset ja resurssit, englanniksi
practice-field-results_fi = Tulokset, suomeksi
practice-field-results_sv = Tulokset, ruotsiksi
practice-field-results_en = Tulokset, englanniksi
practice-field-target_groups = Kohderyhmät
practice-field-area = Teema
practice-field-evidence = Näytön taso
practice-field-links = Näyttöä koskevat linkit
practice-field-contact = Yhteystiedot
practice-evidence-described = Kuvattu
practice-evidence-evaluated_locally = Arvioitu paikallisesti
practice-evidence-evaluated_effectiveness = Vaikuttavuus arvioitu
audit-practice-create = Hyvä käytäntö lisätty
audit-practice-update = Hyvää käytäntöä muokattu
audit-practice-publish = Hyvän käytännön julkaisu muuttunut
audit-practice-import = Hyvä käytäntö tuotu
audit-practice-adopt = Hyvä käytäntö otettu suunnitelmaan
audit-practice_recommendation-create = Hyvää käytäntöä suositeltu
audit-practice_recommendation-delete = Hyvän käytännön suositus poistettu

# end of good-practice library
