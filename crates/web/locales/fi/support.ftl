# The county's support to municipalities (issue 14): the survey, the plan, the negotiation, the
# good-practice library. Keys: support-* (room, survey, plan), negotiation-*, sent-* (reports sent),
# practice-* / practices-* (library).

nav-practices = Hyvät käytännöt
support-title = Tuki kunnille
support-nav = Tuki kunnille: osiot
support-surveys = Tukitarpeet
support-plans = Tukisuunnitelma
support-negotiations = Hyte-neuvottelut
support-received = Lähetetyt raportit
practices-title = Hyvät käytännöt
practices-public = Hyvien käytäntöjen kirjasto

## Content areas
support-area-physical_activity = Liikunta
support-area-nutrition = Ravitsemus
support-area-substance_use = Päihteiden käyttö
support-area-mental_wellbeing = Mielen hyvinvointi
support-area-culture = Kulttuuri
support-area-safety = Turvallisuus ja tapaturmien ehkäisy
support-area-violence_prevention = Väkivallan ehkäisy
support-area-substance_prevention = Ehkäisevä päihdetyö
support-area-wellbeing_data = Hyvinvointitiedon tuottaminen ja tulkinta
support-area-wellbeing_report = Hyvinvointikertomuksen laatiminen
support-area-impact_assessment = Vaikutusten ennakkoarviointi
support-area-national_programmes = Kansalliset ohjelmat

## Survey, plan and delivery (support-*)

# end of survey, plan and delivery

## Negotiation (negotiation-*) and reports sent to the county (sent-*)

# end of negotiation and reports sent

## Good-practice library (practice-*, practices-*)

# end of good-practice library
