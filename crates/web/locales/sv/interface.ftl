## Yhdyspintapalvelut / Kontaktytstjänster / Interface services (sv)

## -- Register, service page, chain steps, export, public view --
nav-interface = Servicekedjor
ifc-title = Kontaktytstjänster
ifc-nav = Kontaktytstjänster
ifc-register = Tjänster
ifc-agreements = Samarbetsavtal
ifc-coordination = Samordning av delaktighet och frivilligverksamhet
ifc-public = Offentliga servicekedjor
ifc-lead = Tjänster som hör till kommunens eller välfärdsområdets ansvar men som når invånarna endast i samarbete mellan kommuner, välfärdsområdet, staten och organisationer: servicekedjor, samordning av sektorsövergripande tjänster (som Navigatorn och familjecentralen) samt samordning av delaktighet och frivilligverksamhet. Du ser de tjänster som din organisation deltar i.
ifc-none = Din organisation deltar ännu inte i någon kontaktytstjänst.
ifc-caption = Kontaktytstjänster som organisationen deltar i
ifc-col-name = Tjänst
ifc-col-role = Organisationens roll
ifc-col-parties = Parter
ifc-col-public = Offentlighet
ifc-published = Publicerad
ifc-draft = Utkast (endast för parterna)
ifc-new = Ny kontaktytstjänst
ifc-new-lead = Din organisation leder den nya tjänsten. Lägg till parterna: de som leder redigerar hela kedjan, partnerna sina egna steg.
ifc-create = Skapa tjänsten
field-ifc-name-fi = Namn på finska
field-ifc-name-sv = Namn på svenska
field-ifc-name-en = Namn på engelska
field-ifc-kind = Typ av tjänst
field-ifc-description = Beskrivning
field-ifc-areas = Kommuner som tjänsten gäller
field-ifc-target-groups = Viktiga målgrupper
field-ifc-vulnerable-groups = Grupper i utsatt ställning
field-ifc-activity-kinds = Verksamhetsformer som samordnas (delaktighet och frivilligverksamhet)
ifc-party-none = Inte vald
field-ifc-party-org = Organisation
field-ifc-party-role = Roll
ifc-party-legend = Part { $n }
ifc-parties-hint = Din egen organisation leder alltid. Lämna organisationen ovald om raden inte behövs.
ifc-export-pdf-fi = Servicekedjan som PDF (på finska)
ifc-export-pdf-sv = Servicekedjan som PDF (på svenska)
ifc-export-pdf-en = Servicekedjan som PDF (på engelska)
ifc-public-page = Offentlig sida
ifc-chain-title = Servicekedja
ifc-steps-none = Kedjan har ännu inga steg.
ifc-steps-caption = Servicekedjans steg
ifc-col-step = Steg
ifc-col-action = Vad händer
ifc-col-client = Klienten i detta skede
ifc-col-actions = Åtgärder
ifc-consent = Klientens samtycke behövs
ifc-step-edit = Redigera steg { $n }
ifc-step-up = Flytta steg { $n } uppåt
ifc-step-down = Flytta steg { $n } nedåt
ifc-step-delete = Ta bort steg { $n }
ifc-step-title = Steg { $n }
ifc-back-to = Tillbaka: { $name }
ifc-step-add-title = Lägg till ett steg
ifc-step-add = Lägg till steget
field-step-org = Ansvarig organisation
field-step-unit = Enhet
field-step-action-fi = Vad händer (på finska)
field-step-action-sv = Vad händer (på svenska)
field-step-action-en = Vad händer (på engelska)
field-step-client-fi = Vem klienten är i detta skede (på finska)
field-step-client-sv = Vem klienten är i detta skede (på svenska)
field-step-client-en = Vem klienten är i detta skede (på engelska)
field-step-handoff = Hur klienten går vidare
field-step-wait = Väntetid (dagar)
field-step-consent = Övergången kräver klientens samtycke
ifc-wait-days = { $days } d
ifc-template-title = Börja från en färdig kedja
ifc-template-lead = Den färdiga kedjans steg läggs till i slutet av kedjan, och varje steg ges till den part vars typ vanligen ansvarar för steget (annars till din organisation). Väntetiderna är antaganden för planeringen, inte statistik.
field-ifc-template = Färdig kedja
ifc-template-apply = Lägg till den färdiga kedjans steg
ifc-publish-title = Publicering
ifc-publish-on = Kedjan är publicerad: vem som helst hittar den i sökningen av servicekedjor.
ifc-publish-off = Kedjan är ett utkast: endast parterna ser den.
ifc-publish = Publicera kedjan
ifc-withdraw = Dra tillbaka publiceringen
ifc-details-title = Tjänstens uppgifter
ifc-diagram-title = Diagram över servicekedjan
ifc-diagram-alt = Servicekedjans steg i ordning; samma uppgifter finns i tabellen.
ifc-public-title = Servicekedjor
ifc-public-lead = Vad händer härnäst? Servicekedjor som kommuner, välfärdsområdet, staten och organisationer har gemensamt, steg för steg: vem hjälper, hur klienten går vidare och hur länge man väntar.
ifc-public-search = Sök servicekedjor
ifc-public-words = Sökord
ifc-public-words-hint = Till exempel en situation eller en tjänst: arbetslös ung, motionsrådgivning, sluta röka. Sökningen hittar ord på finska, svenska och engelska.
ifc-public-area = Kommun
ifc-public-any-area = Alla kommuner
ifc-public-count = { $count ->
    [one] En servicekedja
   *[other] { $count } servicekedjor
}
ifc-public-none = Det finns ännu inga publicerade servicekedjor.
ifc-public-none-found = Inga servicekedjor motsvarade din sökning.
ifc-public-steps = { $count ->
    [one] Ett steg
   *[other] { $count } steg
}
ifc-public-first = Första steget: { $step }
ifc-public-back = Alla servicekedjor
ifc-what-next = Vad händer härnäst
ifc-coord-lead = Vilka former av delaktighet och frivilligverksamhet som finns i kommunen i organisationernas verksamhetskatalog, vilka som saknas och vem som samordnar dem (de som leder de tjänster för samordning av delaktighet och frivilligverksamhet som gäller kommunen).
ifc-coord-show = Visa
ifc-coord-no-area = Organisationen har inga kommuner att visa.
ifc-coord-missing = Verksamhetsformer som saknas:
ifc-coord-caption = Verksamhetsformer och deras samordning: { $area }
ifc-coord-kind = Verksamhetsform
ifc-coord-count = Verksamheter i katalogen
ifc-coord-who = Samordnas av
ifc-coord-services = Samordningstjänst
ifc-coord-gap = saknas
ifc-coord-nobody = Ingen samordnare
ifc-coord-directory = Organisationernas verksamhetskatalog
ifc-diagram-wait = Väntetid cirka { $wait }
ifc-diagram-client = Klient
ifc-diagram-desc = { $count ->
    [one] Ett steg.
   *[other] { $count } steg i ordning.
} Varje ruta visar den ansvariga organisationen, vad som händer och vem klienten är; pilarna hur klienten går vidare. Samma uppgifter finns i tabellen under diagrammet.
ifc-diagram-name = Servicekedja: { $name }
interface-kind-service_chain = Servicekedja
interface-kind-multi_sector = Samordning av en sektorsövergripande tjänst
interface-kind-volunteering = Samordning av delaktighet och frivilligverksamhet
party-role-lead = Leder
party-role-partner = Partner
party-role-funder = Finansiär
handoff-referral = Remiss
handoff-shared_plan = Gemensam klientplan
handoff-warm_handoff = Personlig överföring (ledsagning)
handoff-self_referral = Klienten söker sig själv
handoff-none = Kedjan slutar
chain-template-employment = Servicekedja som främjar sysselsättning
chain-template-physical_activity = Servicekedja för motion (motionsrådgivning)
chain-template-quit_smoking = Stöd för rökavvänjning
audit-interface-create = Kontaktytstjänst skapad
audit-interface-update = Kontaktytstjänst ändrad
audit-interface-publish = Servicekedjans offentlighet ändrad
audit-chain_step-create = Steg i servicekedjan tillagt
audit-chain_step-update = Steg i servicekedjan ändrat
audit-chain_step-delete = Steg i servicekedjan borttaget
audit-chain_step-move = Steg i servicekedjan flyttat









## -- Division of work, agreements, monitoring and evaluation, reminders, report section --

ifc-nav-title = Kontaktytstjänster
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
