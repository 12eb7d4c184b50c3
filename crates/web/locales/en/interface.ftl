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

ifc-nav-title = Interface services
ifc-nav-services = Service list
ifc-service-nav = { $name }: pages
ifc-tab-service = Service

# Division of work
ifc-work-title = Division of work
ifc-work-lead = Who is responsible for each task of the service, who takes part and who is informed. Each save is a new version; the history below shows who changed what.
ifc-work-hint = Name a task on each row and choose each organisation's part. A row without a name is left out; use the empty rows to add tasks.
ifc-work-caption = Tasks and the organisations' parts
ifc-work-task = Task
ifc-work-tasks = Tasks
ifc-work-task-n = Task { $n }
ifc-work-leader = Responsible organisation
ifc-work-nobody-leads = Nobody is responsible
ifc-work-unowned = Tasks nobody is responsible for:
ifc-work-cell = { $task } – { $org }: part
ifc-work-part-none = no part
ifc-work-save = Save the division of work
ifc-work-task-twice = Two tasks have the same name; give each task its own name.
ifc-work-party-invalid = Only the service's participating organisations can have a part.
ifc-work-history = History of the division of work
ifc-work-history-caption = Versions of the division of work, newest first
ifc-work-history-none = The division of work has not been saved yet.
ifc-work-version = Version
ifc-work-who = Saved by
ifc-work-when = Saved at (UTC)
ifc-work-changes = Changes
ifc-work-no-changes = No changes to the previous version.
ifc-work-change-added = Task added: { $task }
ifc-work-change-removed = Task removed: { $task }
ifc-work-change-part = { $task }: { $org } from “{ $from }” to “{ $to }”
raci-responsible = Responsible
raci-takes_part = Takes part
raci-informed = Is informed

# Cooperation agreements
ifc-agreements-title = Cooperation agreements
ifc-agreements-lead = The cooperation agreements your organisation is a party to: the interface services they cover, the term, each party's obligations and resources, and the signed document. Only the parties see an agreement and can download its document.
ifc-agreements-none = Your organisation is not a party to any cooperation agreement yet.
ifc-agreements-caption = Cooperation agreements
ifc-agreements-new = New cooperation agreement
ifc-agreements-add = Add the agreement
ifc-agreement = Cooperation agreement
ifc-agreement-edit = Edit the agreement
ifc-agreement-term = Term
ifc-agreement-parties = Parties
ifc-agreement-parties-caption = The parties' obligations, resources and contact persons
ifc-agreement-parties-hint = Your own organisation and at least one other. Write each party's obligations; leave the extra rows empty.
ifc-agreement-party-n = Party { $n }
ifc-agreement-party-none = (no organisation)
ifc-agreement-no-services = Your organisation does not take part in any interface service yet: add the service first.
ifc-agreement-other-services = { $count ->
    [one] one service of the other parties
   *[other] { $count } services of the other parties
}
ifc-agreement-services-invalid = Choose the services from the list.
ifc-agreement-parties-invalid = Name your own organisation and at least one other organisation as parties.
ifc-agreement-parties-twice = An organisation is named twice; name each party once.
ifc-agreement-obligations-required = Write the obligations of every party you name.
ifc-agreement-reference-invalid = The agreement names a service your organisation does not take part in, or an organisation that does not exist.
field-ifc-agreement-title = Title
field-ifc-agreement-services = Interface services covered
field-ifc-agreement-starts = Start date
field-ifc-agreement-ends = End date
field-ifc-agreement-status = Status
field-ifc-agreement-review = Review date
field-ifc-agreement-renew = Renewal date
field-ifc-agreement-dates-hint = The parties are reminded on their front pages 90 days before.
field-ifc-party-obligations = Obligations
field-ifc-party-resources = Resources
field-ifc-party-contact = Contact person
agreement-status-draft = Draft
agreement-status-signed = Signed
agreement-status-ended = Ended
ifc-document-title = Signed document
ifc-document-attached = Attached
ifc-document-missing = Not attached
ifc-document-none = The signed document has not been attached yet.
ifc-document-file = File
ifc-document-size-label = Size
ifc-document-size = { $kb } kB
ifc-document-bytes = { $n } bytes
ifc-document-checksum = Checksum (SHA-256)
ifc-document-upload = Attach the document
ifc-document-too-large = The document is too large: at most { $max } MB.
field-ifc-document = Signed agreement (PDF)
field-ifc-document-hint = A PDF file of at most { $max } MB. A new file replaces the earlier one.

# Reminders on the front page
ifc-reminders-title = Cooperation agreements to review or renew
ifc-reminder = { $title }: { $kind }
ifc-reminder-overdue = overdue
reminder-review = review
reminder-renewal = renewal

# Monitoring and evaluation
ifc-monitoring-title = Monitoring and evaluation
ifc-monitoring-lead = The indicators that follow the service, with their baseline and target and the progress computed from the knowledge base's latest value, and the yearly evaluation the participating organisations write together.
ifc-tracked-title = Indicators
ifc-tracked-none = No indicators follow the service yet.
ifc-tracked-caption = The service's indicators and their progress
ifc-tracked-actions = Actions
ifc-tracked-remove = Remove
ifc-tracked-new = Add an indicator
ifc-tracked-add = Add the indicator
ifc-tracked-choose-area = Choose an area
field-ifc-tracked-indicator = Indicator
field-ifc-tracked-indicator-hint = The indicator's number in the knowledge base (a national indicator or your organisation's own).
field-ifc-tracked-area = Area
field-ifc-tracked-baseline-year = Baseline year
field-ifc-tracked-baseline = Baseline value
field-ifc-tracked-target-year = Target year
field-ifc-tracked-target = Target value
ifc-eval-title = Yearly evaluation
ifc-eval-lead = Each participating organisation adds to the same evaluation; the organisations that have written it are named.
ifc-eval-year = Evaluation { $year }
ifc-eval-contributors = Written by: { $names }
ifc-eval-not-written = Not written yet.
ifc-eval-write = Write the evaluation of { $year }
ifc-eval-edit = Edit the evaluation of { $year }
ifc-eval-save = Save the evaluation
field-ifc-eval-worked = What worked
field-ifc-eval-gaps = Where clients fell between organisations
field-ifc-eval-feedback = Client feedback
field-ifc-eval-changes = What changes next year

# The report's section
rifc-title = Interface services
rifc-lead = The interface services the organisation takes part in together with the county, the municipalities, the state and NGOs: their participants, the indicators that follow them and the latest yearly evaluation.
rifc-services = Interface services and their participants
rifc-indicators = Indicators of the interface services
rifc-service = Service
rifc-kind = Kind
rifc-parties = Participating organisations
rifc-evaluations = The latest yearly evaluations
rifc-year = Year

# Audit log and errors
audit-division_of_work-update = Division of work saved
audit-interface_agreement-create = Cooperation agreement added
audit-interface_agreement-update = Cooperation agreement changed
audit-interface_agreement-document = Signed document attached to a cooperation agreement
audit-interface_indicator-create = Indicator added to an interface service
audit-interface_indicator-delete = Indicator removed from an interface service
audit-interface_evaluation-update = Yearly evaluation of an interface service saved
error-file_type_invalid = The file is not of the accepted type: attach a PDF document.
error-last_lead = The service needs at least one leading organisation.
error-party_in_use = The organisation answers for steps of the chain; give the steps to another organisation first.
