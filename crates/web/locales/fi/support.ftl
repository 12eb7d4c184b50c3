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

negotiations-title = Hyte-neuvottelut
negotiations-lead = Hyvinvointialue ja kukin sen kunnista käyvät vuosittain hyte-neuvottelun. Neuvottelun asialista esitäytetään tiedoista, ja siinä sovitut toimenpiteet seurataan valmiiksi asti. Neuvottelun näkevät vain hyvinvointialue ja kyseinen kunta.
negotiations-summary = Neuvottelut vuonna { $year }
negotiations-year = Vuosi
negotiations-show = Näytä
negotiations-mine = Kunnan hyte-neuvottelut
negotiations-none = Neuvotteluja ei ole vielä kirjattu.
negotiations-with = Osapuoli
negotiations-new = Uusi neuvottelu
negotiations-new-lead = Asialista esitäytetään kunnan tiedoista: painopisteet ja tavoitteiden eteneminen, keskeiset indikaattorit alueeseen ja koko maahan verrattuna, hyte-portaiden tulos ja vastinparien aukot. Kohtia voi muokata ja omia lisätä.
negotiations-create = Luo neuvottelu
negotiations-municipality = Kunta
negotiations-negotiated = Neuvoteltu
negotiations-agreed = Sovittuja toimenpiteitä
negotiations-done = Tehty
negotiations-not-yet = Ei vielä neuvoteltu
negotiation-pick-municipality = Valitse kunta
negotiation-field-municipality = Kunta
negotiation-field-held-on = Päivämäärä
negotiation-field-place = Paikka
negotiation-field-participants = Osallistujat
negotiation-field-participants-hint = Nimet ja tehtävät, esimerkiksi yksi riviä kohden.
negotiation-field-minutes = Muistio
negotiation-field-item-title = Otsikko
negotiation-field-item-text = Sisältö
negotiation-item-title-hint = Tyhjä: kohdan oma otsikko.
negotiation-title = Hyte-neuvottelu { $year }
negotiation-county = Hyvinvointialue
negotiation-agenda = Asialista
negotiation-agenda-lead = Kohdat esitäytettiin tiedoista neuvottelua luotaessa; indikaattorit muodossa kunta | hyvinvointialue | koko maa.
negotiation-item-empty = Tiedoissa ei ollut tähän kohtaan mitään.
negotiation-item-edit = Muokkaa kohtaa: { $title }
negotiation-item-add = Lisää oma kohta
negotiation-no-minutes = Muistiota ei ole vielä kirjoitettu.
negotiation-actions = Sovitut toimenpiteet
negotiation-action-add = Kirjaa sovittu toimenpide
negotiation-meeting-edit = Kokouksen tiedot ja muistio
negotiation-item-priorities = Kunnan painopisteet
negotiation-item-goal_progress = Tavoitteiden eteneminen
negotiation-item-indicators = Keskeiset indikaattorit (kunta | hyvinvointialue | koko maa)
negotiation-item-staircase = Hyte-portaat
negotiation-item-contact_gaps = Vastinparien aukot
negotiation-item-support_needs = Tuen tarpeet
negotiation-item-support_delivered = Annettu tuki
negotiation-item-own = Oma kohta
negotiation-regional-title = Hyte-neuvottelut kuntien kanssa
sent-title = Lähetetty hyvinvointialueelle
sent-lead = Hyväksytty kertomus lähetetään hyvinvointialueelle { $county } yhdellä toiminnolla. Alue kuittaa sen ja voi antaa palautetta.
sent-send = Lähetä hyvinvointialueelle
sent-not-yet = Kertomusta ei ole vielä lähetetty.
sent-caption = Lähetetyt versiot
sent-col-version = Versio
sent-col-sent = Lähetetty
sent-col-acknowledged = Kuitattu
sent-col-feedback = Palaute
sent-col-status = Tila
sent-col-report = Kertomus
sent-not-acknowledged = Ei vielä kuitattu
sent-no-feedback = Ei palautetta
sent-received-title = Lähetetyt kertomukset
sent-received-lead = Jäsenkuntien hyvinvointialueelle lähettämät hyvinvointikertomukset: kuka on lähettänyt ja kuka ei. Alueellinen kertomus käyttää juuri lähetettyjä kertomuksia.
sent-mine-lead = Hyvinvointialueelle lähetetyt kertomukset ja alueen kuittaukset ja palaute. Kertomus lähetetään sen omalta sivulta.
sent-members = Jäsenkunnat vuonna { $year }
sent-status-sent = Lähetetty
sent-status-missing = Ei lähetetty
sent-received-year = Vuonna { $year } vastaanotetut
sent-mine = Lähetetyt kertomukset
sent-none = Ei lähetettyjä kertomuksia.
sent-acknowledge = Kuittaa vastaanotetuksi: { $title }
sent-feedback-label = Palaute: { $title }
sent-feedback-save = Tallenna palaute
sent-regional-lead = Kuntien rivit perustuvat hyvinvointialueelle lähetettyihin kertomuksiin (kunkin kunnan viimeksi lähettämä versio).
sent-regional-missing = Ei lähetetty
# end of negotiation and reports sent

## Good-practice library (practice-*, practices-*)

# end of good-practice library
