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

# end of negotiation and reports sent

## Good-practice library (practice-*, practices-*)

practices-public-lead = Goda praxis inom främjande av välfärd och hälsa som välfärdsområden och kommuner har beskrivit, med evidensen bakom dem och vem som använder dem. Sök med ord på finska, svenska eller engelska och avgränsa efter tema, målgrupp och evidens.
practices-search = Sök praxis
practices-words = Sökord
practices-words-hint = Varje ord ska finnas i praxisens namn eller texter, på något språk.
practices-group = Målgrupp
practices-any-area = Alla teman
practices-any-group = Alla målgrupper
practices-any-evidence = Alla evidensnivåer
practices-count = { $count ->
    [one] En praxis
   *[other] { $count } praxis
}
practices-none = Inga praxis har publicerats ännu.
practices-none-found = Ingen praxis motsvarar sökningen.
practices-back = Tillbaka till biblioteket för god praxis
practices-org-lead = Organisationens egna goda praxis (redigera och publicera dem), de praxis den använder i sina planer, välfärdsområdets rekommendationer och biblioteket att ta praxis ur.
practices-own = Våra praxis
practices-own-none = Organisationen har ännu inga egna praxis.
practices-export = Exportera våra praxis som JSON
practices-adoptions = Praxis vi använder
practices-adoptions-none = Organisationen har ännu inte tagit någon praxis i bruk.
practices-recommended = Rekommenderade praxis
practices-recommended-none = Inga rekommendationer.
practices-rec-all = Alla medlemskommuner
practices-recommend = Rekommendera en praxis
practices-recommend-lead = Rekommendera en publicerad praxis för ett tema där kommunerna behöver stöd, till alla medlemskommuner eller till en.
practices-recommend-button = Rekommendera
practices-rec-year = År
practices-rec-area = Tema
practices-rec-practice_id = Praxis
practices-rec-municipality_id = Kommun
practices-rec-note = Motivering (behovet)
practices-library = Bibliotek
practices-library-lead = Andra organisationers publicerade praxis. Öppna en för att ta den i bruk i er plan, eller sök i hela
practices-new = Ny praxis
practices-create = Lägg till praxis
practices-import = Importera praxis
practices-import-lead = En JSON-fil exporterad från ett annat bibliotek (format hyte-practices, version 1). De importerade praxis blir organisationens egna, opublicerade, och deras källa bevaras. Om någon praxis i filen är felaktig importeras ingenting.
practices-import-file-label = JSON-fil
practices-import-button = Importera
practices-import-refused = Ingenting importerades: { $problem }
practices-import-item = Praxis
practices-import-file = Filen
practices-withdrawn = (praxis som inte längre är publicerad)
practice-by = Beskriven av { $org }
practice-published = Publicerad
practice-draft = Inte publicerad
practice-public-page = offentlig sida
practice-publish = Publicera
practice-withdraw = Dra tillbaka publiceringen
practice-edit = Redigera praxisen
practice-summary = Vad den är
practice-costs = Kostnader och resurser
practice-results = Resultat
practice-links = Länkar till evidens
practice-source = Källa
practice-adopters = Var den används
practice-adopters-none = Ingen organisation har ännu registrerat att den använder den.
practice-col-name = Praxis
practice-col-org = Organisation
practice-col-owner = Beskriven av
practice-col-since = I bruk sedan
practice-col-results = Resultat
practice-col-state = Status
practice-col-measure = Åtgärd i planen
practice-measure-link = Öppna åtgärden
practice-adopt = Ta i bruk i vår plan
practice-adopt-lead = Praxisen blir en åtgärd i den valda planen, länkad till praxisen; biblioteket visar er organisation som användare.
practice-adopt-in = Ta i bruk i { $org }
practice-adopt-no-report = Organisationen har ingen rapport vars plan kan redigeras (ett utkast eller en under granskning).
practice-adopt-report = Rapport vars plan får åtgärden
practice-adopt-goal = Åtgärdens mål
practice-adopt-no-goal = Inget mål
practice-adopt-since = I bruk sedan
practice-adopt-results = Resultat hittills
practice-adopt-button = Ta i bruk
practice-measure-from = God praxis: { $name }
practice-summary-hint = Ge beskrivningen på minst ett språk.
practice-links-hint = En webbadress (http eller https) per rad: utvärderingar, studier, praxisens egen webbplats.
practice-field-name_fi = Namn på finska
practice-field-name_sv = Namn på svenska
practice-field-name_en = Namn på engelska
practice-field-summary_fi = Vad den är, på finska
practice-field-summary_sv = Vad den är, på svenska
practice-field-summary_en = Vad den är, på engelska
practice-field-costs_fi = Kostnader och resurser, på finska
practice-field-costs_sv = Kostnader och resurser, på svenska
practice-field-costs_en = Kostnader och resurser, på engelska
practice-field-results_fi = Resultat, på finska
practice-field-results_sv = Resultat, på svenska
practice-field-results_en = Resultat, på engelska
practice-field-target_groups = Målgrupper
practice-field-area = Tema
practice-field-evidence = Evidensnivå
practice-field-links = Länkar till evidens
practice-field-contact = Kontakt
practice-evidence-described = Beskriven
practice-evidence-evaluated_locally = Utvärderad lokalt
practice-evidence-evaluated_effectiveness = Effekten utvärderad
audit-practice-create = God praxis tillagd
audit-practice-update = God praxis redigerad
audit-practice-publish = Publiceringen av god praxis ändrad
audit-practice-import = God praxis importerad
audit-practice-adopt = God praxis tagen i bruk i en plan
audit-practice_recommendation-create = God praxis rekommenderad
audit-practice_recommendation-delete = Rekommendation av god praxis borttagen

# end of good-practice library
