# The county's support to municipalities (issue 14): the survey, the plan, the negotiation, the
# good-practice library. Keys: support-* (room, survey, plan), negotiation-*, sent-* (reports sent),
# practice-* / practices-* (library).

nav-practices = God praxis
support-title = Stöd till kommunerna
support-nav = Stöd till kommunerna: avsnitt
support-surveys = Stödbehov
support-plans = Stödplan
support-negotiations = Årliga förhandlingar
support-received = Inskickade rapporter
practices-title = God praxis
practices-public = Biblioteket för god praxis

## Content areas
support-area-physical_activity = Motion
support-area-nutrition = Näring
support-area-substance_use = Användning av berusningsmedel
support-area-mental_wellbeing = Psykiskt välbefinnande
support-area-culture = Kultur
support-area-safety = Säkerhet och förebyggande av olycksfall
support-area-violence_prevention = Förebyggande av våld
support-area-substance_prevention = Förebyggande missbruksarbete
support-area-wellbeing_data = Att ta fram och tolka välfärdsdata
support-area-wellbeing_report = Att skriva välfärdsberättelsen
support-area-impact_assessment = Förhandsbedömning av konsekvenser
support-area-national_programmes = Nationella program

## Survey, plan and delivery (support-*)

support-lead-county = Fråga medlemskommunerna per sektor vilket stöd de behöver; se svaren som en värmekarta; planera stödet och registrera det stöd som getts.
support-lead-municipality = Svara på välfärdsområdets enkäter om stödbehov per sektor, läs era tidigare svar och se stödet som planerats för och getts till er.
support-surveys-own = Enkäter
support-surveys-sent = Enkäter som skickats till er
support-surveys-none = Inga enkäter ännu.
support-surveys-caption = Enkäter om stödbehov
support-survey-of = Enkät om stödbehov { $year }
support-state = Status
support-sent-to-count = Skickad till
support-answered-count = Inskickade svar
support-heatmap = Värmekarta
support-heatmap-of = Värmekarta över stödbehov { $year }
support-plans-none = Inga stödplaner ännu.
support-plan-year = Stödplan { $year }
support-plans-all = Alla stödplaner
support-survey-new = Ny enkät
support-survey-new-hint = Den nya enkäten börjar med standardfrågorna: en fråga per innehållsområde. Du kan redigera frågorna innan den skickas.
support-survey-create = Skapa enkät
support-year = År
support-questions = Frågor
support-history = Era tidigare svar
support-history-none = Inga tidigare svar.
support-answers-count = { $n } svar
support-feedback-link = Ge respons på stödet ni fått
support-not-answered = Inte besvarad
support-no-area = Inget innehållsområde
support-question-n = Fråga { $n }
support-question-area = Innehållsområde
support-question-fi = Frågan på finska
support-question-sv = Frågan på svenska
support-question-en = Frågan på engelska
support-questions-hint = Skriv frågan på ett eller flera språk; en tom rad lämnas bort. Koppla frågan till ett innehållsområde för att visa den i värmekartan.
support-questions-save = Spara frågorna
support-send = Skicka till kommunerna
support-send-to = Medlemskommuner
support-send-button = Skicka enkäten
support-sent-to = Skickad till
support-year-taken = Det finns redan en för det året.
support-reference-invalid = Välj välfärdsområdets medlemskommuner (och för givet stöd den mottagande kommunens sektorer och en åtgärd i denna plan).
support-state-invalid = Detta kan inte längre ändras: enkäten har skickats eller svaren skickats in.
support-answer-lead = { $county } frågar hur mycket stöd er kommun behöver. Svara per sektor; en koordinator skickar in svaren.
support-answer-sector = Sektorns svar: { $sector }
support-sector = Sektor
support-sector-choose = Välj sektor
support-answers = Svar
support-answer-text = Fritext
support-answers-save = Spara sektorns svar
support-answers-none = Inga svar ännu.
support-question = Fråga
support-need = Stödbehov
support-contributors = Svarande
support-submit = Skicka in svaren
support-submit-hint = Efter att svaren skickats in kan de inte längre ändras, och välfärdsområdet ser dem.
support-submit-button = Skicka in svaren
support-submitted-by = inskickat av { $name } { $at }
support-sector-removed = (borttagen sektor)
support-heatmap-lead = Stödbehovet per kommun och innehållsområde: det största behov som någon av kommunens sektorer angav, endast från inskickade svar.
support-heatmap-answered = { $n } av { $of } kommuner har skickat in sina svar.
support-legend = Nivåer
support-heatmap-caption = Stödbehov per kommun och innehållsområde
support-municipality = Kommun
support-not-submitted = inte inskickat
support-summary = Sammanfattning per innehållsområde
support-summary-caption = Antal kommuner per nivå av stödbehov
support-area = Innehållsområde
support-free-texts = Fritexter
support-resources-value = { $days } persondagar, { $euros } €
support-no-action = Ingen åtgärd
support-no-feedback = Ingen respons
support-plans-lead = Välfärdsområdets årliga stödplaner: åtgärder per innehållsområde, kommunerna de riktas till och resurser, samt stödet som getts.
support-plans-caption = Stödplaner
support-actions = Åtgärder
support-delivered = Genomfört
support-plan-new = Ny stödplan
support-plan-create = Skapa plan
support-for-lead = Stödet som välfärdsområdet planerat för och gett er kommun. Ge respons på det stöd ni fått.
support-for-title = Stöd som planerats för och getts till er
support-for-none = Inget stöd har planerats eller getts ännu.
support-plan-of = { $county }: stödplan { $year }
support-actions-none = Inga åtgärder.
support-actions-for-caption = Åtgärder planerade för er
support-action = Åtgärd
support-kind = Typ
support-expert = Ansvarig sakkunnig
support-delivered-none = Inget stöd har getts ännu.
support-delivered-caption = Givet stöd
support-date = Datum
support-sectors = Sektorer
support-participants = Deltagare
support-feedback = Respons
support-score = Vitsord (1–5)
support-comment = Kommentar
support-give-feedback = Ge respons
support-choose = Välj
support-total = Totalt
support-person-days = Persondagar
support-euros = Euro
support-sectors-of = Sektorer i { $name }
support-actions-caption = Planens åtgärder
support-targets = Kommuner som åtgärden riktas till
support-resources = Resurser
support-gaps = Behov utan planerad åtgärd
support-gaps-hint = En kommuns innehållsområde med ett betydande eller stort behov i årets inskickade enkät, och ingen åtgärd inom samma innehållsområde som riktas till kommunen.
support-gaps-none = Varje betydande behov har en planerad åtgärd.
support-gaps-caption = Behov utan planerad åtgärd
support-left-without = Kommuner som inte fått något stöd
support-left-without-none = Varje medlemskommun har fått stöd.
support-balance = Planerat och genomfört
support-balance-caption = Planerade och genomförda resurser per åtgärd och totalt
support-planned = Planerat
support-deliveries = Gånger
support-score-average = Responsens medeltal
support-action-new = Ny åtgärd
support-action-add = Lägg till åtgärd
support-delivery-new = Registrera givet stöd
support-delivery-add = Registrera
support-title-fi = Rubrik på finska
support-title-sv = Rubrik på svenska
support-title-en = Rubrik på engelska
support-title-hint = Ge rubriken på minst ett språk.
support-back-to-plan = Tillbaka till planen
support-action-save = Spara åtgärden
support-action-delete = Ta bort åtgärden
support-need-none = Inget behov
support-need-some = Visst behov
support-need-considerable = Betydande behov
support-need-great = Stort behov
support-survey-state-draft = Utkast
support-survey-state-sent = Skickad
support-response-state-draft = Besvaras
support-response-state-submitted = Inskickad
support-kind-training = Utbildning
support-kind-workshop = Workshop
support-kind-consultation = Konsultation
support-kind-data_package = Datapaket
support-kind-network_meeting = Nätverksmöte
audit-support_survey-create = Enkät om stödbehov skapad
audit-support_survey-update = Enkät om stödbehov ändrad
audit-support_survey-send = Enkät om stödbehov skickad
audit-support_response-save = Enkätsvar sparade
audit-support_response-submit = Enkätsvar inskickade
audit-support_plan-create = Stödplan skapad
audit-support_action-create = Stödåtgärd tillagd
audit-support_action-update = Stödåtgärd ändrad
audit-support_action-delete = Stödåtgärd borttagen
audit-support_delivery-create = Givet stöd registrerat
audit-support_delivery-feedback = Respons på givet stöd
# end of survey, plan and delivery

## Negotiation (negotiation-*) and reports sent to the county (sent-*)

# end of negotiation and reports sent

## Good-practice library (practice-*, practices-*)

# end of good-practice library
