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
ifc-work-link = Arbetsfördelning
ifc-monitoring-link = Uppföljning och utvärdering
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
