## Yhdyspintapalvelut / Kontaktytstjänster / Interface services (en)

## -- Register, service page, chain steps, export, public view --









## -- Division of work, agreements, monitoring and evaluation, reminders, report section --

ifc-nav-title = Interface services
ifc-nav = Interface services
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
field-ifc-party-org = Organisation
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
