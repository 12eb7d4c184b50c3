# The county's support to municipalities (issue 14): the survey, the plan, the negotiation, the
# good-practice library. Keys: support-* (room, survey, plan), negotiation-*, sent-* (reports sent),
# practice-* / practices-* (library).

nav-practices = God praxis
support-title = Stöd till kommunerna
support-nav = Stöd till kommunerna: avsnitt
support-surveys = Stödbehov
support-plans = Stödplan
support-negotiations = Årliga förhandlingar
support-received = Inskickade rapporter
practices-title = God praxis
practices-public = Biblioteket för god praxis

## Content areas
support-area-physical_activity = Motion
support-area-nutrition = Näring
support-area-substance_use = Användning av berusningsmedel
support-area-mental_wellbeing = Psykiskt välbefinnande
support-area-culture = Kultur
support-area-safety = Säkerhet och förebyggande av olycksfall
support-area-violence_prevention = Förebyggande av våld
support-area-substance_prevention = Förebyggande missbruksarbete
support-area-wellbeing_data = Att ta fram och tolka välfärdsdata
support-area-wellbeing_report = Att skriva välfärdsberättelsen
support-area-impact_assessment = Förhandsbedömning av konsekvenser
support-area-national_programmes = Nationella program

## Survey, plan and delivery (support-*)

# end of survey, plan and delivery

## Negotiation (negotiation-*) and reports sent to the county (sent-*)

# end of negotiation and reports sent

## Good-practice library (practice-*, practices-*)

# end of good-practice library
