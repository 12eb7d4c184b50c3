# The county's support to municipalities (issue 14): the survey, the plan, the negotiation, the
# good-practice library. Keys: support-* (room, survey, plan), negotiation-*, sent-* (reports sent),
# practice-* / practices-* (library).

nav-practices = Good practices
support-title = Support to municipalities
support-nav = Support to municipalities: sections
support-surveys = Support needs
support-plans = Support plan
support-negotiations = HYTE negotiations
support-received = Reports sent
practices-title = Good practices
practices-public = Good-practice library

## Content areas
support-area-physical_activity = Physical activity
support-area-nutrition = Nutrition
support-area-substance_use = Substance use
support-area-mental_wellbeing = Mental well-being
support-area-culture = Culture
support-area-safety = Safety and accident prevention
support-area-violence_prevention = Violence prevention
support-area-substance_prevention = Preventive substance-abuse work
support-area-wellbeing_data = Producing and interpreting well-being data
support-area-wellbeing_report = Writing the well-being report
support-area-impact_assessment = Impact assessment
support-area-national_programmes = National programmes

## Survey, plan and delivery (support-*)

# end of survey, plan and delivery

## Negotiation (negotiation-*) and reports sent to the county (sent-*)

negotiations-title = HYTE negotiations
negotiations-lead = The wellbeing services county and each of its municipalities hold a yearly HYTE negotiation. Its agenda is prefilled from the data, and the actions agreed are tracked to done. Only the county and that municipality see the negotiation.
negotiations-summary = Negotiations in { $year }
negotiations-year = Year
negotiations-show = Show
negotiations-mine = The municipality's HYTE negotiations
negotiations-none = No negotiations recorded yet.
negotiations-with = With
negotiations-new = New negotiation
negotiations-new-lead = The agenda is prefilled from the municipality's data: its priorities and goal progress, key indicators against the county and the country, its HYTE staircase result and contact-pair gaps. The items can be edited and your own added.
negotiations-create = Create the negotiation
negotiations-municipality = Municipality
negotiations-negotiated = Negotiated
negotiations-agreed = Actions agreed
negotiations-done = Done
negotiations-not-yet = Not negotiated yet
negotiation-pick-municipality = Choose a municipality
negotiation-field-municipality = Municipality
negotiation-field-held-on = Date
negotiation-field-place = Place
negotiation-field-participants = Participants
negotiation-field-participants-hint = Names and roles, for example one per line.
negotiation-field-minutes = Minutes
negotiation-field-item-title = Title
negotiation-field-item-text = Content
negotiation-item-title-hint = Empty: the item's own title.
negotiation-title = HYTE negotiation { $year }
negotiation-county = Wellbeing services county
negotiation-agenda = Agenda
negotiation-agenda-lead = The items were prefilled from the data when the negotiation was created; indicators as municipality | county | whole country.
negotiation-item-empty = The data had nothing for this item.
negotiation-item-edit = Edit the item: { $title }
negotiation-item-add = Add an item of your own
negotiation-no-minutes = No minutes written yet.
negotiation-actions = Actions agreed
negotiation-action-add = Record an agreed action
negotiation-meeting-edit = The meeting's details and minutes
negotiation-item-priorities = The municipality's priorities
negotiation-item-goal_progress = Goal progress
negotiation-item-indicators = Key indicators (municipality | county | whole country)
negotiation-item-staircase = HYTE staircase
negotiation-item-contact_gaps = Contact-pair gaps
negotiation-item-support_needs = Support needs
negotiation-item-support_delivered = Support delivered
negotiation-item-own = Own item
negotiation-regional-title = HYTE negotiations with the municipalities
sent-title = Sent to the county
sent-lead = An approved report is sent to the county { $county } with one action. The county acknowledges it and may give feedback.
sent-send = Send to the county
sent-not-yet = The report has not been sent yet.
sent-caption = Versions sent
sent-col-version = Version
sent-col-sent = Sent
sent-col-acknowledged = Acknowledged
sent-col-feedback = Feedback
sent-col-status = Status
sent-col-report = Report
sent-not-acknowledged = Not acknowledged yet
sent-no-feedback = No feedback
sent-received-title = Reports sent
sent-received-lead = Well-being reports the member municipalities have sent to the county: who has sent theirs and who has not. The regional report uses exactly the reports sent.
sent-mine-lead = Reports sent to the county, with the county's acknowledgements and feedback. A report is sent from its own page.
sent-members = Member municipalities in { $year }
sent-status-sent = Sent
sent-status-missing = Not sent
sent-received-year = Received in { $year }
sent-mine = Reports sent
sent-none = No reports sent.
sent-acknowledge = Acknowledge as received: { $title }
sent-feedback-label = Feedback: { $title }
sent-feedback-save = Save the feedback
sent-regional-lead = The municipalities' rows come from the reports sent to the county (the version each municipality sent last).
sent-regional-missing = Not sent
# end of negotiation and reports sent

## Good-practice library (practice-*, practices-*)

# end of good-practice library
