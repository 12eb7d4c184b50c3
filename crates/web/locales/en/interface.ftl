## Yhdyspintapalvelut / Kontaktytstjänster / Interface services (en)

## -- Register, service page, chain steps, export, public view --
nav-interface = Service chains
ifc-title = Interface services
ifc-nav = Interface services
ifc-register = Services
ifc-agreements = Cooperation agreements
ifc-coordination = Coordination of participation and volunteering
ifc-public = Public service chains
ifc-lead = Services that are a municipality's or the wellbeing services county's responsibility but reach residents only when municipalities, the county, the state and NGOs work together: service chains, the coordination of multi-sector services (such as Ohjaamo and family centres) and the coordination of participation and volunteering. You see the services your organisation takes part in.
ifc-none = Your organisation does not take part in any interface service yet.
ifc-caption = Interface services the organisation takes part in
ifc-col-name = Service
ifc-col-role = The organisation's role
ifc-col-parties = Parties
ifc-col-public = Visibility
ifc-published = Published
ifc-draft = Draft (parties only)
ifc-new = New interface service
ifc-new-lead = Your organisation leads the new service. Add the parties: leads edit the whole chain, partners their own steps.
ifc-create = Create the service
field-ifc-name-fi = Name in Finnish
field-ifc-name-sv = Name in Swedish
field-ifc-name-en = Name in English
field-ifc-kind = Kind of service
field-ifc-description = Description
field-ifc-areas = Municipalities the service covers
field-ifc-target-groups = Key target groups
field-ifc-vulnerable-groups = Vulnerable groups
field-ifc-activity-kinds = Activity kinds it coordinates (participation and volunteering)
ifc-party-none = Not chosen
field-ifc-party-org = Organisation
field-ifc-party-role = Role
ifc-party-legend = Party { $n }
ifc-parties-hint = Your own organisation always leads. Leave the organisation unchosen if a row is not needed.
ifc-work-link = Division of work
ifc-monitoring-link = Monitoring and evaluation
ifc-export-pdf-fi = The service chain as PDF (in Finnish)
ifc-export-pdf-sv = The service chain as PDF (in Swedish)
ifc-export-pdf-en = The service chain as PDF (in English)
ifc-public-page = Public page
ifc-chain-title = Service chain
ifc-steps-none = The chain has no steps yet.
ifc-steps-caption = The service chain's steps
ifc-col-step = Step
ifc-col-action = What happens
ifc-col-client = The client at this point
ifc-col-actions = Actions
ifc-consent = The client's consent is needed
ifc-step-edit = Edit step { $n }
ifc-step-up = Move step { $n } up
ifc-step-down = Move step { $n } down
ifc-step-delete = Delete step { $n }
ifc-step-title = Step { $n }
ifc-back-to = Back: { $name }
ifc-step-add-title = Add a step
ifc-step-add = Add the step
field-step-org = Responsible organisation
field-step-unit = Unit
field-step-action-fi = What happens (in Finnish)
field-step-action-sv = What happens (in Swedish)
field-step-action-en = What happens (in English)
field-step-client-fi = Who the client is at this point (in Finnish)
field-step-client-sv = Who the client is at this point (in Swedish)
field-step-client-en = Who the client is at this point (in English)
field-step-handoff = How the client moves on
field-step-wait = Expected wait (days)
field-step-consent = Moving on needs the client's consent
ifc-wait-days = { $days } d
ifc-template-title = Start from a ready chain
ifc-template-lead = A ready chain's steps are added at the end of the chain, each given to the party whose kind usually does it (otherwise to your organisation). The waiting times are planning defaults, not statistics.
field-ifc-template = Ready chain
ifc-template-apply = Add the ready chain's steps
ifc-publish-title = Publishing
ifc-publish-on = The chain is published: anyone finds it in the service chain search.
ifc-publish-off = The chain is a draft: only the parties see it.
ifc-publish = Publish the chain
ifc-withdraw = Withdraw from publication
ifc-details-title = The service's details
ifc-diagram-title = Diagram of the service chain
ifc-diagram-alt = The service chain's steps in order; the table has the same facts.
ifc-public-title = Service chains
ifc-public-lead = What happens next? Service chains shared by municipalities, the wellbeing services county, the state and NGOs, step by step: who helps, how the client moves on and how long the wait is.
ifc-public-search = Search service chains
ifc-public-words = Search words
ifc-public-words-hint = For example a situation or a service: young unemployed, exercise counselling, quitting smoking. The search finds words in Finnish, Swedish and English.
ifc-public-area = Municipality
ifc-public-any-area = All municipalities
ifc-public-count = { $count ->
    [one] One service chain
   *[other] { $count } service chains
}
ifc-public-none = There are no published service chains yet.
ifc-public-none-found = No service chains matched your search.
ifc-public-steps = { $count ->
    [one] One step
   *[other] { $count } steps
}
ifc-public-first = First step: { $step }
ifc-public-back = All service chains
ifc-what-next = What happens next
ifc-coord-lead = Which forms of participation and volunteering the activity directory has in the municipality, which are missing, and who coordinates them (the leads of the participation and volunteering coordination services that cover the municipality).
ifc-coord-show = Show
ifc-coord-no-area = The organisation has no municipalities to show.
ifc-coord-missing = Missing kinds of activity:
ifc-coord-caption = Kinds of activity and their coordination: { $area }
ifc-coord-kind = Kind of activity
ifc-coord-count = Activities in the directory
ifc-coord-who = Coordinated by
ifc-coord-services = Coordination service
ifc-coord-gap = missing
ifc-coord-nobody = No coordinator
ifc-coord-directory = The NGOs' activity directory
ifc-diagram-wait = Wait about { $wait }
ifc-diagram-client = Client
ifc-diagram-desc = { $count ->
    [one] One step.
   *[other] { $count } steps in order.
} Each box shows the responsible organisation, what happens and who the client is; the arrows how the client moves on. The table below the diagram has the same facts.
ifc-diagram-name = Service chain: { $name }
interface-kind-service_chain = Service chain
interface-kind-multi_sector = Coordination of a multi-sector service
interface-kind-volunteering = Coordination of participation and volunteering
party-role-lead = Lead
party-role-partner = Partner
party-role-funder = Funder
handoff-referral = Referral
handoff-shared_plan = Shared client plan
handoff-warm_handoff = Warm hand-off
handoff-self_referral = The client applies themselves
handoff-none = The chain ends
chain-template-employment = Employment-promotion chain
chain-template-physical_activity = Physical-activity chain (exercise counselling)
chain-template-quit_smoking = Support for quitting smoking
audit-interface-create = Interface service created
audit-interface-update = Interface service changed
audit-interface-publish = Service chain's visibility changed
audit-chain_step-create = Chain step added
audit-chain_step-update = Chain step changed
audit-chain_step-delete = Chain step deleted
audit-chain_step-move = Chain step moved









## -- Division of work, agreements, monitoring and evaluation, reminders, report section --
