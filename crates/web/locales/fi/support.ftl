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

support-lead-county = Kysy jäsenkunnilta toimialoittain, millaista tukea ne tarvitsevat; katso vastaukset lämpökarttana; suunnittele tuki ja kirjaa annettu tuki.
support-lead-municipality = Vastaa hyvinvointialueen tukitarvekyselyihin toimialoittain, lue aiemmat vastauksesi ja katso kunnalle suunniteltu ja annettu tuki.
support-surveys-own = Kyselyt
support-surveys-sent = Kunnalle lähetetyt kyselyt
support-surveys-none = Ei vielä kyselyjä.
support-surveys-caption = Tukitarvekyselyt
support-survey-of = Tukitarvekysely { $year }
support-state = Tila
support-sent-to-count = Lähetetty
support-answered-count = Lähetetyt vastaukset
support-heatmap = Lämpökartta
support-heatmap-of = Tukitarpeiden lämpökartta { $year }
support-plans-none = Ei vielä tukisuunnitelmia.
support-plan-year = Tukisuunnitelma { $year }
support-plans-all = Kaikki tukisuunnitelmat
support-survey-new = Uusi kysely
support-survey-new-hint = Uusi kysely alkaa oletuskysymyksillä: yksi kysymys kutakin sisältöaluetta kohden. Voit muokata kysymyksiä ennen lähettämistä.
support-survey-create = Luo kysely
support-year = Vuosi
support-questions = Kysymykset
support-history = Aiemmat vastauksenne
support-history-none = Ei aiempia vastauksia.
support-answers-count = { $n } vastausta
support-feedback-link = Anna palautetta saamastanne tuesta
support-not-answered = Ei vastattu
support-no-area = Ei sisältöaluetta
support-question-n = Kysymys { $n }
support-question-area = Sisältöalue
support-question-fi = Kysymys suomeksi
support-question-sv = Kysymys ruotsiksi
support-question-en = Kysymys englanniksi
support-questions-hint = Kirjoita kysymys yhdellä tai useammalla kielellä; tyhjä rivi jätetään pois. Liitä kysymys sisältöalueeseen, jotta se näkyy lämpökartassa.
support-questions-save = Tallenna kysymykset
support-send = Lähetä kunnille
support-send-to = Jäsenkunnat
support-send-button = Lähetä kysely
support-sent-to = Lähetetty kunnille
support-year-taken = Sille vuodelle on jo olemassa oma.
support-reference-invalid = Valitse hyvinvointialueen jäsenkuntia (ja annetulle tuelle vastaanottavan kunnan toimialoja ja tämän suunnitelman toimenpide).
support-state-invalid = Tätä ei voi enää muuttaa: kysely on lähetetty tai vastaukset lähetetty.
support-answer-lead = { $county } kysyy, kuinka paljon tukea kuntanne tarvitsee. Vastatkaa toimialoittain; koordinaattori lähettää vastaukset.
support-answer-sector = Toimialan vastaukset: { $sector }
support-sector = Toimiala
support-sector-choose = Valitse toimiala
support-answers = Vastaukset
support-answer-text = Vapaa teksti
support-answers-save = Tallenna toimialan vastaukset
support-answers-none = Ei vielä vastauksia.
support-question = Kysymys
support-need = Tuen tarve
support-contributors = Vastaajat
support-submit = Lähetä vastaukset
support-submit-hint = Lähettämisen jälkeen vastauksia ei voi enää muuttaa, ja hyvinvointialue näkee ne.
support-submit-button = Lähetä vastaukset
support-submitted-by = lähettänyt { $name } { $at }
support-sector-removed = (poistettu toimiala)
support-heatmap-lead = Tuen tarve kunnittain ja sisältöalueittain: suurin tarve, jonka jokin kunnan toimialoista ilmoitti, vain lähetetyistä vastauksista.
support-heatmap-answered = { $n } / { $of } kunnasta on lähettänyt vastauksensa.
support-legend = Tasot
support-heatmap-caption = Tuen tarve kunnittain ja sisältöalueittain
support-municipality = Kunta
support-not-submitted = ei lähetetty
support-summary = Yhteenveto sisältöalueittain
support-summary-caption = Kuntien määrä tuen tarpeen tason mukaan
support-area = Sisältöalue
support-free-texts = Vapaat tekstit
support-resources-value = { $days } htp, { $euros } €
support-no-action = Ei toimenpidettä
support-no-feedback = Ei palautetta
support-plans-lead = Hyvinvointialueen vuosittaiset tukisuunnitelmat: toimenpiteet sisältöalueittain, kohdekunnat ja resurssit sekä annettu tuki.
support-plans-caption = Tukisuunnitelmat
support-actions = Toimenpiteet
support-delivered = Toteutunut
support-plan-new = Uusi tukisuunnitelma
support-plan-create = Luo suunnitelma
support-for-lead = Hyvinvointialueen kunnallenne suunnittelema ja antama tuki. Antakaa palautetta saamastanne tuesta.
support-for-title = Kunnalle suunniteltu ja annettu tuki
support-for-none = Tukea ei ole vielä suunniteltu eikä annettu.
support-plan-of = { $county }: tukisuunnitelma { $year }
support-actions-none = Ei toimenpiteitä.
support-actions-for-caption = Kunnalle suunnitellut toimenpiteet
support-action = Toimenpide
support-kind = Tyyppi
support-expert = Vastuuasiantuntija
support-delivered-none = Tukea ei ole vielä annettu.
support-delivered-caption = Annettu tuki
support-date = Päivämäärä
support-sectors = Toimialat
support-participants = Osallistujia
support-feedback = Palaute
support-score = Arvosana (1–5)
support-comment = Kommentti
support-give-feedback = Anna palaute
support-choose = Valitse
support-total = Yhteensä
support-person-days = Henkilötyöpäivät
support-euros = Eurot
support-sectors-of = Kunnan { $name } toimialat
support-actions-caption = Suunnitelman toimenpiteet
support-targets = Kohdekunnat
support-resources = Resurssit
support-gaps = Tarpeet ilman suunniteltua toimenpidettä
support-gaps-hint = Kunnan sisältöalue, jolla tuen tarve on vuoden lähetetyssä kyselyssä huomattava tai suuri, eikä mikään saman sisältöalueen toimenpide kohdistu kuntaan.
support-gaps-none = Jokaiselle huomattavalle tarpeelle on suunniteltu toimenpide.
support-gaps-caption = Tarpeet ilman suunniteltua toimenpidettä
support-left-without = Kunnat, jotka eivät ole saaneet tukea
support-left-without-none = Jokainen jäsenkunta on saanut tukea.
support-balance = Suunniteltu ja toteutunut
support-balance-caption = Suunnitellut ja toteutuneet resurssit toimenpiteittäin ja yhteensä
support-planned = Suunniteltu
support-deliveries = Kertoja
support-score-average = Palautteen keskiarvo
support-action-new = Uusi toimenpide
support-action-add = Lisää toimenpide
support-delivery-new = Kirjaa annettu tuki
support-delivery-add = Kirjaa
support-title-fi = Otsikko suomeksi
support-title-sv = Otsikko ruotsiksi
support-title-en = Otsikko englanniksi
support-title-hint = Anna otsikko vähintään yhdellä kielellä.
support-back-to-plan = Takaisin suunnitelmaan
support-action-save = Tallenna toimenpide
support-action-delete = Poista toimenpide
support-need-none = Ei tarvetta
support-need-some = Jonkin verran tarvetta
support-need-considerable = Huomattava tarve
support-need-great = Suuri tarve
support-survey-state-draft = Luonnos
support-survey-state-sent = Lähetetty
support-response-state-draft = Vastaaminen kesken
support-response-state-submitted = Lähetetty
support-kind-training = Koulutus
support-kind-workshop = Työpaja
support-kind-consultation = Konsultaatio
support-kind-data_package = Tietopaketti
support-kind-network_meeting = Verkostotapaaminen
audit-support_survey-create = Tukitarvekysely luotu
audit-support_survey-update = Tukitarvekyselyä muutettu
audit-support_survey-send = Tukitarvekysely lähetetty
audit-support_response-save = Kyselyn vastauksia tallennettu
audit-support_response-submit = Kyselyn vastaukset lähetetty
audit-support_plan-create = Tukisuunnitelma luotu
audit-support_action-create = Tukitoimenpide lisätty
audit-support_action-update = Tukitoimenpidettä muutettu
audit-support_action-delete = Tukitoimenpide poistettu
audit-support_delivery-create = Annettu tuki kirjattu
audit-support_delivery-feedback = Annetusta tuesta annettu palaute
# end of survey, plan and delivery

## Negotiation (negotiation-*) and reports sent to the county (sent-*)

# end of negotiation and reports sent

## Good-practice library (practice-*, practices-*)

# end of good-practice library
