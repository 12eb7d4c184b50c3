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

# end of good-practice library
