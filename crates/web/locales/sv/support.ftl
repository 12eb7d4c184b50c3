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

# end of survey, plan and delivery

## Negotiation (negotiation-*) and reports sent to the county (sent-*)

negotiations-title = HYTE-förhandlingar
negotiations-lead = Välfärdsområdet och var och en av dess kommuner för årligen en HYTE-förhandling. Förhandlingens föredragningslista fylls i på förhand utifrån uppgifterna, och de åtgärder som avtalas följs upp tills de är klara. Förhandlingen syns bara för välfärdsområdet och kommunen i fråga.
negotiations-summary = Förhandlingar år { $year }
negotiations-year = År
negotiations-show = Visa
negotiations-mine = Kommunens HYTE-förhandlingar
negotiations-none = Inga förhandlingar har registrerats ännu.
negotiations-with = Part
negotiations-new = Ny förhandling
negotiations-new-lead = Föredragningslistan fylls i utifrån kommunens uppgifter: prioriteringar och hur målen framskrider, centrala indikatorer jämfört med området och hela landet, resultatet i HYTE-trappan och luckor bland kontaktparen. Punkterna kan redigeras och egna läggas till.
negotiations-create = Skapa förhandling
negotiations-municipality = Kommun
negotiations-negotiated = Förhandlad
negotiations-agreed = Avtalade åtgärder
negotiations-done = Klara
negotiations-not-yet = Inte förhandlad ännu
negotiation-pick-municipality = Välj kommun
negotiation-field-municipality = Kommun
negotiation-field-held-on = Datum
negotiation-field-place = Plats
negotiation-field-participants = Deltagare
negotiation-field-participants-hint = Namn och uppgifter, till exempel en per rad.
negotiation-field-minutes = Promemoria
negotiation-field-item-title = Rubrik
negotiation-field-item-text = Innehåll
negotiation-item-title-hint = Tom: punktens egen rubrik.
negotiation-title = HYTE-förhandling { $year }
negotiation-county = Välfärdsområde
negotiation-agenda = Föredragningslista
negotiation-agenda-lead = Punkterna fylldes i utifrån uppgifterna när förhandlingen skapades; indikatorerna i formen kommun | välfärdsområde | hela landet.
negotiation-item-empty = Uppgifterna innehöll inget för denna punkt.
negotiation-item-edit = Redigera punkten: { $title }
negotiation-item-add = Lägg till egen punkt
negotiation-no-minutes = Promemorian har inte skrivits ännu.
negotiation-actions = Avtalade åtgärder
negotiation-action-add = Registrera avtalad åtgärd
negotiation-meeting-edit = Mötets uppgifter och promemoria
negotiation-item-priorities = Kommunens prioriteringar
negotiation-item-goal_progress = Hur målen framskrider
negotiation-item-indicators = Centrala indikatorer (kommun | välfärdsområde | hela landet)
negotiation-item-staircase = HYTE-trappan
negotiation-item-contact_gaps = Luckor bland kontaktparen
negotiation-item-support_needs = Stödbehov
negotiation-item-support_delivered = Givet stöd
negotiation-item-own = Egen punkt
negotiation-regional-title = HYTE-förhandlingar med kommunerna
sent-title = Skickad till välfärdsområdet
sent-lead = En godkänd berättelse skickas till välfärdsområdet { $county } med en åtgärd. Området kvitterar den och kan ge respons.
sent-send = Skicka till välfärdsområdet
sent-not-yet = Berättelsen har inte skickats ännu.
sent-caption = Skickade versioner
sent-col-version = Version
sent-col-sent = Skickad
sent-col-acknowledged = Kvitterad
sent-col-feedback = Respons
sent-col-status = Status
sent-col-report = Berättelse
sent-not-acknowledged = Inte kvitterad ännu
sent-no-feedback = Ingen respons
sent-received-title = Skickade berättelser
sent-received-lead = Välfärdsberättelser som medlemskommunerna skickat till välfärdsområdet: vem har skickat och vem inte. Den regionala berättelsen använder just de skickade berättelserna.
sent-mine-lead = Berättelser som skickats till välfärdsområdet och områdets kvitteringar och respons. En berättelse skickas från dess egen sida.
sent-members = Medlemskommuner år { $year }
sent-status-sent = Skickad
sent-status-missing = Inte skickad
sent-received-year = Mottagna år { $year }
sent-mine = Skickade berättelser
sent-none = Inga skickade berättelser.
sent-acknowledge = Kvittera som mottagen: { $title }
sent-feedback-label = Respons: { $title }
sent-feedback-save = Spara respons
sent-regional-lead = Kommunernas rader bygger på berättelserna som skickats till välfärdsområdet (den version varje kommun senast skickat).
sent-regional-missing = Inte skickad
# end of negotiation and reports sent

## Good-practice library (practice-*, practices-*)

# end of good-practice library
