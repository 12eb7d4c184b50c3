## Yhdyspintapalvelut / Kontaktytstjänster / Interface services (sv)

## -- Register, service page, chain steps, export, public view --









## -- Division of work, agreements, monitoring and evaluation, reminders, report section --

ifc-nav-title = Kontaktytstjänster
ifc-nav = Kontaktytstjänster
ifc-nav-services = Tjänsteförteckning
ifc-service-nav = { $name }: sidor
ifc-tab-service = Tjänst

# Arbetsfördelning
ifc-work-title = Arbetsfördelning
ifc-work-lead = Vem som ansvarar för tjänstens olika uppgifter, vem som deltar och vem som informeras. Varje sparande är en ny version; historiken nedan visar vem som ändrade vad.
ifc-work-hint = Ge uppgiften på varje rad ett namn och välj varje organisations del. En rad utan namn lämnas bort; lägg till uppgifter på de tomma raderna.
ifc-work-caption = Uppgifterna och organisationernas delar
ifc-work-task = Uppgift
ifc-work-tasks = Uppgifter
ifc-work-task-n = Uppgift { $n }
ifc-work-leader = Ansvarig organisation
ifc-work-nobody-leads = Ingen ansvarar
ifc-work-unowned = Uppgifter som ingen ansvarar för:
ifc-work-cell = { $task } – { $org }: del
ifc-work-part-none = ingen del
ifc-work-save = Spara arbetsfördelningen
ifc-work-task-twice = Två uppgifter har samma namn; ge varje uppgift ett eget namn.
ifc-work-party-invalid = Endast de organisationer som deltar i tjänsten kan ha en del.
ifc-work-history = Arbetsfördelningens historik
ifc-work-history-caption = Arbetsfördelningens versioner, den nyaste först
ifc-work-history-none = Arbetsfördelningen har inte sparats ännu.
ifc-work-version = Version
ifc-work-who = Sparad av
ifc-work-when = Sparad (UTC)
ifc-work-changes = Ändringar
ifc-work-no-changes = Inga ändringar jämfört med föregående version.
ifc-work-change-added = Uppgift tillagd: { $task }
ifc-work-change-removed = Uppgift borttagen: { $task }
ifc-work-change-part = { $task }: { $org } från ”{ $from }” till ”{ $to }”
raci-responsible = Ansvarar
raci-takes_part = Deltar
raci-informed = Informeras

# Samarbetsavtal
ifc-agreements-title = Samarbetsavtal
ifc-agreements-lead = De samarbetsavtal där din organisation är part: kontaktytstjänsterna de omfattar, avtalsperioden, varje parts skyldigheter och resurser samt det undertecknade dokumentet. Endast parterna ser avtalet och kan ladda ned dess dokument.
ifc-agreements-none = Din organisation är ännu inte part i något samarbetsavtal.
ifc-agreements-caption = Samarbetsavtal
ifc-agreements-new = Nytt samarbetsavtal
ifc-agreements-add = Lägg till avtalet
ifc-agreement = Samarbetsavtal
ifc-agreement-edit = Redigera avtalet
ifc-agreement-term = Avtalsperiod
ifc-agreement-parties = Parter
ifc-agreement-parties-caption = Parternas skyldigheter, resurser och kontaktpersoner
ifc-agreement-parties-hint = Din egen organisation och minst en annan. Skriv varje parts skyldigheter; lämna de extra raderna tomma.
ifc-agreement-party-n = Part { $n }
ifc-agreement-party-none = (ingen organisation)
ifc-agreement-no-services = Din organisation deltar ännu inte i någon kontaktytstjänst: lägg först till tjänsten.
ifc-agreement-other-services = { $count ->
    [one] en tjänst hos de andra parterna
   *[other] { $count } tjänster hos de andra parterna
}
ifc-agreement-services-invalid = Välj tjänsterna i listan.
ifc-agreement-parties-invalid = Ange din egen organisation och minst en annan organisation som parter.
ifc-agreement-parties-twice = Samma organisation anges två gånger; ange varje part en gång.
ifc-agreement-obligations-required = Skriv skyldigheterna för varje part du anger.
ifc-agreement-reference-invalid = Avtalet nämner en tjänst som din organisation inte deltar i, eller en organisation som inte finns.
field-ifc-agreement-title = Namn
field-ifc-agreement-services = Kontaktytstjänster som avtalet omfattar
field-ifc-agreement-starts = Börjar
field-ifc-agreement-ends = Slutar
field-ifc-agreement-status = Status
field-ifc-agreement-review = Granskningsdatum
field-ifc-agreement-renew = Förnyelsedatum
field-ifc-agreement-dates-hint = Parterna får en påminnelse på sin startsida 90 dagar före.
field-ifc-party-org = Organisation
field-ifc-party-obligations = Skyldigheter
field-ifc-party-resources = Resurser
field-ifc-party-contact = Kontaktperson
agreement-status-draft = Utkast
agreement-status-signed = Undertecknat
agreement-status-ended = Avslutat
ifc-document-title = Undertecknat dokument
ifc-document-attached = Bifogat
ifc-document-missing = Inte bifogat
ifc-document-none = Det undertecknade dokumentet har inte bifogats ännu.
ifc-document-file = Fil
ifc-document-size-label = Storlek
ifc-document-size = { $kb } kB
ifc-document-bytes = { $n } byte
ifc-document-checksum = Kontrollsumma (SHA-256)
ifc-document-upload = Bifoga dokumentet
ifc-document-too-large = Dokumentet är för stort: högst { $max } MB.
field-ifc-document = Undertecknat avtal (PDF)
field-ifc-document-hint = En PDF-fil på högst { $max } MB. En ny fil ersätter den tidigare.

# Påminnelser på startsidan
ifc-reminders-title = Samarbetsavtal att granska eller förnya
ifc-reminder = { $title }: { $kind }
ifc-reminder-overdue = försenad
reminder-review = granskning
reminder-renewal = förnyelse

# Uppföljning och utvärdering
ifc-monitoring-title = Uppföljning och utvärdering
ifc-monitoring-lead = Indikatorerna som följer tjänsten med utgångsläge och mål och utvecklingen beräknad från kunskapsbankens senaste värde, samt den årliga utvärdering som de deltagande organisationerna skriver tillsammans.
ifc-tracked-title = Indikatorer
ifc-tracked-none = Inga indikatorer följer tjänsten ännu.
ifc-tracked-caption = Tjänstens indikatorer och deras utveckling
ifc-tracked-actions = Åtgärder
ifc-tracked-remove = Ta bort
ifc-tracked-new = Lägg till en indikator
ifc-tracked-add = Lägg till indikatorn
ifc-tracked-choose-area = Välj område
field-ifc-tracked-indicator = Indikator
field-ifc-tracked-indicator-hint = Indikatorns nummer i kunskapsbanken (en nationell indikator eller din organisations egen).
field-ifc-tracked-area = Område
field-ifc-tracked-baseline-year = Utgångsår
field-ifc-tracked-baseline = Utgångsvärde
field-ifc-tracked-target-year = Målår
field-ifc-tracked-target = Målvärde
ifc-eval-title = Årlig utvärdering
ifc-eval-lead = Varje deltagande organisation kompletterar samma utvärdering; de organisationer som har skrivit den anges.
ifc-eval-year = Utvärdering { $year }
ifc-eval-contributors = Skriven av: { $names }
ifc-eval-not-written = Inte skriven ännu.
ifc-eval-write = Skriv utvärderingen för { $year }
ifc-eval-edit = Redigera utvärderingen för { $year }
ifc-eval-save = Spara utvärderingen
field-ifc-eval-worked = Vad som fungerade
field-ifc-eval-gaps = Var klienterna föll mellan organisationerna
field-ifc-eval-feedback = Klientrespons
field-ifc-eval-changes = Vad som ändras nästa år

# Rapportens avsnitt
rifc-title = Kontaktytstjänster
rifc-lead = De kontaktytstjänster som organisationen deltar i tillsammans med välfärdsområdet, kommunerna, staten och organisationerna: deras deltagare, indikatorerna som följer dem och den senaste årliga utvärderingen.
rifc-services = Kontaktytstjänster och deras deltagare
rifc-indicators = Kontaktytstjänsternas indikatorer
rifc-service = Tjänst
rifc-kind = Typ
rifc-parties = Deltagande organisationer
rifc-evaluations = De senaste årliga utvärderingarna
rifc-year = År

# Händelselogg och fel
audit-division_of_work-update = Arbetsfördelningen sparad
audit-interface_agreement-create = Samarbetsavtal tillagt
audit-interface_agreement-update = Samarbetsavtal ändrat
audit-interface_agreement-document = Undertecknat dokument bifogat till ett samarbetsavtal
audit-interface_indicator-create = Indikator tillagd i en kontaktytstjänst
audit-interface_indicator-delete = Indikator borttagen från en kontaktytstjänst
audit-interface_evaluation-update = Årlig utvärdering av en kontaktytstjänst sparad
error-file_type_invalid = Filen är inte av godkänd typ: bifoga ett PDF-dokument.
error-last_lead = Tjänsten behöver minst en ledande organisation.
error-party_in_use = Organisationen ansvarar för steg i servicekedjan; ge först stegen till en annan organisation.
