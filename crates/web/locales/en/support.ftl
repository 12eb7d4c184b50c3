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

support-lead-county = Ask your member municipalities, per sector, what support they need; see the answers as a heat map; plan your support and record what you delivered.
support-lead-municipality = Answer the county's support-needs surveys per sector, read your earlier answers, and see the support planned for you and delivered to you.
support-surveys-own = Surveys
support-surveys-sent = Surveys sent to you
support-surveys-none = No surveys yet.
support-surveys-caption = Support-needs surveys
support-survey-of = Support-needs survey { $year }
support-state = State
support-sent-to-count = Sent to
support-answered-count = Submitted answers
support-heatmap = Heat map
support-heatmap-of = Heat map of support needs { $year }
support-plans-none = No support plans yet.
support-plan-year = Support plan { $year }
support-plans-all = All support plans
support-survey-new = New survey
support-survey-new-hint = The new survey starts with the default set: one question per content area. You can edit the questions before sending it.
support-survey-create = Create survey
support-year = Year
support-questions = Questions
support-history = Your earlier answers
support-history-none = No earlier answers.
support-answers-count = { $n } answers
support-feedback-link = Give feedback on the support you received
support-not-answered = Not answered
support-no-area = No content area
support-question-n = Question { $n }
support-question-area = Content area
support-question-fi = Question in Finnish
support-question-sv = Question in Swedish
support-question-en = Question in English
support-questions-hint = Write each question in one or more languages; an empty row is left out. Tie a question to a content area to show it in the heat map.
support-questions-save = Save questions
support-send = Send to municipalities
support-send-to = Member municipalities
support-send-button = Send survey
support-sent-to = Sent to
support-year-taken = There already is one for that year.
support-reference-invalid = Choose member municipalities of the county (and, for support delivered, the receiving municipality's sectors and an action of this plan).
support-state-invalid = This can no longer be changed: the survey has been sent or the answers submitted.
support-answer-lead = { $county } asks how much support your municipality needs. Answer per sector; a coordinator submits the answers.
support-answer-sector = Answers of the sector: { $sector }
support-sector = Sector
support-sector-choose = Choose sector
support-answers = Answers
support-answer-text = Free text
support-answers-save = Save the sector's answers
support-answers-none = No answers yet.
support-question = Question
support-need = Need of support
support-contributors = Contributors
support-submit = Submit the answers
support-submit-hint = After submitting, the answers can no longer be changed and the county sees them.
support-submit-button = Submit answers
support-submitted-by = submitted by { $name } on { $at }
support-sector-removed = (removed sector)
support-heatmap-lead = The need of support per municipality and content area: the highest need any of the municipality's sectors gave, from submitted answers only.
support-heatmap-answered = { $n } of { $of } municipalities have submitted their answers.
support-legend = Levels
support-heatmap-caption = Need of support by municipality and content area
support-municipality = Municipality
support-not-submitted = not submitted
support-summary = Summary by content area
support-summary-caption = Number of municipalities per need level
support-area = Content area
support-free-texts = Free texts
support-resources-value = { $days } person-days, { $euros } €
support-no-action = No action
support-no-feedback = No feedback
support-plans-lead = The county's yearly support plans: actions per content area, the municipalities targeted and resources, and the support delivered.
support-plans-caption = Support plans
support-actions = Actions
support-delivered = Delivered
support-plan-new = New support plan
support-plan-create = Create plan
support-for-lead = The support the county has planned for your municipality and delivered to it. Give feedback on what you received.
support-for-title = Support planned for you and delivered
support-for-none = No support planned or delivered yet.
support-plan-of = { $county }: support plan { $year }
support-actions-none = No actions.
support-actions-for-caption = Actions planned for you
support-action = Action
support-kind = Kind
support-expert = Responsible expert
support-delivered-none = No support delivered yet.
support-delivered-caption = Support delivered
support-date = Date
support-sectors = Sectors
support-participants = Participants
support-feedback = Feedback
support-score = Score (1–5)
support-comment = Comment
support-give-feedback = Give feedback
support-choose = Choose
support-total = Total
support-person-days = Person-days
support-euros = Euros
support-sectors-of = Sectors of { $name }
support-actions-caption = Actions of the plan
support-targets = Targeted municipalities
support-resources = Resources
support-gaps = Needs with no planned action
support-gaps-hint = A municipality's content area with a considerable or great need in this year's submitted survey, and no action of that content area targeting it.
support-gaps-none = Every considerable need has a planned action.
support-gaps-caption = Needs with no planned action
support-left-without = Municipalities that got nothing
support-left-without-none = Every member municipality has received support.
support-balance = Planned versus delivered
support-balance-caption = Planned and delivered resources per action and in total
support-planned = Planned
support-deliveries = Deliveries
support-score-average = Average feedback
support-action-new = New action
support-action-add = Add action
support-delivery-new = Record support delivered
support-delivery-add = Record
support-title-fi = Title in Finnish
support-title-sv = Title in Swedish
support-title-en = Title in English
support-title-hint = Give the title in at least one language.
support-back-to-plan = Back to the plan
support-action-save = Save action
support-action-delete = Remove action
support-need-none = No need
support-need-some = Some need
support-need-considerable = Considerable need
support-need-great = Great need
support-survey-state-draft = Draft
support-survey-state-sent = Sent
support-response-state-draft = Being answered
support-response-state-submitted = Submitted
support-kind-training = Training
support-kind-workshop = Workshop
support-kind-consultation = Consultation
support-kind-data_package = Data package
support-kind-network_meeting = Network meeting
audit-support_survey-create = Support-needs survey created
audit-support_survey-update = Support-needs survey changed
audit-support_survey-send = Support-needs survey sent
audit-support_response-save = Survey answers saved
audit-support_response-submit = Survey answers submitted
audit-support_plan-create = Support plan created
audit-support_action-create = Support action added
audit-support_action-update = Support action changed
audit-support_action-delete = Support action removed
audit-support_delivery-create = Support delivered recorded
audit-support_delivery-feedback = Feedback given on support delivered
# end of survey, plan and delivery

## Negotiation (negotiation-*) and reports sent to the county (sent-*)

# end of negotiation and reports sent

## Good-practice library (practice-*, practices-*)

# end of good-practice library
