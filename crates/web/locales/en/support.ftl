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

# end of negotiation and reports sent

## Good-practice library (practice-*, practices-*)

practices-public-lead = Good practices in well-being and health promotion that counties and municipalities have described, with the evidence behind them and who uses them. Search by words in Finnish, Swedish or English and filter by theme, target group and evidence.
practices-search = Search practices
practices-words = Words
practices-words-hint = Every word must occur in the practice's name or texts, in any language.
practices-group = Target group
practices-any-area = Any theme
practices-any-group = Any target group
practices-any-evidence = Any evidence level
practices-count = { $count ->
    [one] One practice
   *[other] { $count } practices
}
practices-none = No practices have been published yet.
practices-none-found = No practice matches the search.
practices-back = Back to the good-practice library
practices-org-lead = The organisation's own good practices (edit and publish them), the practices it uses in its plans, the county's recommendations, and the library to adopt from.
practices-own = Our practices
practices-own-none = The organisation has no practices of its own yet.
practices-export = Export our practices as JSON
practices-adoptions = Practices we use
practices-adoptions-none = The organisation has not adopted any practice yet.
practices-recommended = Recommended practices
practices-recommended-none = No recommendations.
practices-rec-all = All member municipalities
practices-recommend = Recommend a practice
practices-recommend-lead = Recommend a published practice for a theme in which the municipalities need support, to all member municipalities or to one.
practices-recommend-button = Recommend
practices-rec-year = Year
practices-rec-area = Theme
practices-rec-practice_id = Practice
practices-rec-municipality_id = Municipality
practices-rec-note = Why (the need)
practices-library = Library
practices-library-lead = Published practices of other organisations. Open one to adopt it into your plan, or search the whole
practices-new = New practice
practices-create = Create practice
practices-import = Import practices
practices-import-lead = A JSON file exported from another library (format hyte-practices, version 1). The imported practices become the organisation's own, unpublished, with their source kept. If any practice in the file is invalid, nothing is imported.
practices-import-file-label = JSON file
practices-import-button = Import
practices-import-refused = Nothing was imported: { $problem }
practices-import-item = Practice
practices-import-file = The file
practices-withdrawn = (withdrawn practice)
practice-by = Described by { $org }
practice-published = Published
practice-draft = Not published
practice-public-page = public page
practice-publish = Publish
practice-withdraw = Withdraw from publication
practice-edit = Edit the practice
practice-summary = What it is
practice-costs = Costs and resources
practice-results = Results
practice-links = Evidence links
practice-source = Source
practice-adopters = Where it is used
practice-adopters-none = No organisation has recorded using it yet.
practice-col-name = Practice
practice-col-org = Organisation
practice-col-owner = Described by
practice-col-since = In use since
practice-col-results = Results
practice-col-state = State
practice-col-measure = Plan measure
practice-measure-link = Open the measure
practice-adopt = Adopt into our plan
practice-adopt-lead = The practice becomes a measure in the chosen plan, linked to the practice; the library shows your organisation as its user.
practice-adopt-in = Adopt it in { $org }
practice-adopt-no-report = The organisation has no report whose plan can be edited (a draft or one in review).
practice-adopt-report = Report whose plan gets the measure
practice-adopt-goal = Goal of the measure
practice-adopt-no-goal = No goal
practice-adopt-since = In use since
practice-adopt-results = Results so far
practice-adopt-button = Adopt
practice-measure-from = Good practice: { $name }
practice-summary-hint = Give the description in at least one language.
practice-links-hint = One web address (http or https) per line: evaluations, studies, the practice's own site.
practice-field-name_fi = Name in Finnish
practice-field-name_sv = Name in Swedish
practice-field-name_en = Name in English
practice-field-summary_fi = What it is, in Finnish
practice-field-summary_sv = What it is, in Swedish
practice-field-summary_en = What it is, in English
practice-field-costs_fi = Costs and resources, in Finnish
practice-field-costs_sv = Costs and resources, in Swedish
practice-field-costs_en = Costs and resources, in English
practice-field-results_fi = Results, in Finnish
practice-field-results_sv = Results, in Swedish
practice-field-results_en = Results, in English
practice-field-target_groups = Target groups
practice-field-area = Theme
practice-field-evidence = Evidence level
practice-field-links = Evidence links
practice-field-contact = Contact
practice-evidence-described = Described
practice-evidence-evaluated_locally = Evaluated locally
practice-evidence-evaluated_effectiveness = Evaluated for effectiveness
audit-practice-create = Good practice created
audit-practice-update = Good practice edited
audit-practice-publish = Good practice's publication changed
audit-practice-import = Good practice imported
audit-practice-adopt = Good practice adopted into a plan
audit-practice_recommendation-create = Good practice recommended
audit-practice_recommendation-delete = Recommendation of a good practice removed

# end of good-practice library
