//! The activity directory: what NGOs (and municipalities) offer residents — peer support,
//! volunteering, clubs, support persons, resident living rooms — searchable by residents and by
//! the professionals who guide clients to them.

use super::{contains_word, optional_id, optional_int, Texts, LONG_MAX, TEXT_MAX};
use crate::codes::codes;
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::Lang;
use serde::{Deserialize, Serialize};

codes! {
    pub enum ActivityKind: "activity-kind-" {
        PeerSupport = "peer_support",
        Volunteering = "volunteering",
        Club = "club",
        SupportPerson = "support_person",
        LivingRoom = "living_room",
        OutreachYouthWork = "outreach_youth_work",
        PeerGroup = "peer_group",
        Mentoring = "mentoring",
        LanguageNest = "language_nest",
        CultureSupport = "culture_support",
        SharedPremises = "shared_premises",
        Other = "other",
    }
}

codes! {
    /// The well-being theme of an activity.
    pub enum Theme: "theme-" {
        MentalHealth = "mental_health",
        SubstancePrevention = "substance_prevention",
        PhysicalActivity = "physical_activity",
        Loneliness = "loneliness",
        Parenting = "parenting",
        OlderPeople = "older_people",
        Carers = "carers",
        Culture = "culture",
        Employment = "employment",
        Other = "other",
    }
}

codes! {
    /// Whom an activity is for.
    pub enum TargetGroup: "target-" {
        Children = "children",
        YoungPeople = "young_people",
        Families = "families",
        WorkingAge = "working_age",
        OlderPeople = "older_people",
        Everyone = "everyone",
    }
}

codes! {
    /// A language an activity is held in.
    pub enum ActivityLang: "activity-lang-" {
        Fi = "fi",
        Sv = "sv",
        En = "en",
        Other = "other",
    }
}

/// An activity of an organisation (usually an NGO).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub id: i64,
    /// The organisation that runs it; only its members edit it.
    pub org_id: i64,
    pub input: ActivityInput,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityInput {
    pub title: Texts,
    pub description: Texts,
    pub kind: ActivityKind,
    pub theme: Theme,
    pub target_group: TargetGroup,
    pub age_min: Option<i32>,
    pub age_max: Option<i32>,
    /// The municipality (area id) where it is held.
    pub area_id: Option<i64>,
    pub languages: Vec<ActivityLang>,
    /// When: "Tuesdays 17–19, every other week".
    pub schedule: String,
    pub place: Option<String>,
    pub contact: String,
    /// Shown in the public directory.
    pub published: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ActivityForm {
    pub title_fi: String,
    pub title_sv: String,
    pub title_en: String,
    pub description_fi: String,
    pub description_sv: String,
    pub description_en: String,
    pub kind: String,
    pub theme: String,
    pub target_group: String,
    pub age_min: String,
    pub age_max: String,
    pub area_id: String,
    pub languages: Vec<String>,
    pub schedule: String,
    pub place: String,
    pub contact: String,
    pub published: bool,
    pub version: i64,
}

impl ActivityForm {
    /// The form from posted pairs (the languages are repeated checkboxes).
    pub fn from_pairs(pairs: &[(String, String)]) -> ActivityForm {
        let mut f = ActivityForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "title_fi" => f.title_fi = v,
                "title_sv" => f.title_sv = v,
                "title_en" => f.title_en = v,
                "description_fi" => f.description_fi = v,
                "description_sv" => f.description_sv = v,
                "description_en" => f.description_en = v,
                "kind" => f.kind = v,
                "theme" => f.theme = v,
                "target_group" => f.target_group = v,
                "age_min" => f.age_min = v,
                "age_max" => f.age_max = v,
                "area_id" => f.area_id = v,
                "language" => f.languages.push(v),
                "schedule" => f.schedule = v,
                "place" => f.place = v,
                "contact" => f.contact = v,
                "published" => f.published = !v.is_empty(),
                "version" => f.version = v.trim().parse().unwrap_or(0),
                _ => {}
            }
        }
        f
    }

    /// Parses the form; `areas` are the municipalities that may be chosen.
    pub fn parse(&self, areas: &[i64]) -> Result<ActivityInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let title_fields = ["title_fi", "title_sv", "title_en"];
        let title = match Texts::parse([&self.title_fi, &self.title_sv, &self.title_en], title_fields, TEXT_MAX) {
            Ok(t) if t.is_empty() => {
                errs.add("title_fi", ErrorCode::Required);
                None
            }
            Ok(t) => Some(t),
            Err((field, e)) => {
                errs.add(field, e);
                None
            }
        };
        let description_fields = ["description_fi", "description_sv", "description_en"];
        let descriptions = [&*self.description_fi, &self.description_sv, &self.description_en];
        let description = match Texts::parse(descriptions, description_fields, LONG_MAX) {
            Ok(t) => Some(t),
            Err((field, e)) => {
                errs.add(field, e);
                None
            }
        };
        let kind = errs.check("kind", ActivityKind::parse(&self.kind).ok_or(ErrorCode::Required));
        let theme = errs.check("theme", Theme::parse(&self.theme).ok_or(ErrorCode::Required));
        let target = errs.check("target_group", TargetGroup::parse(&self.target_group).ok_or(ErrorCode::Required));
        let age_min = errs.check("age_min", optional_int(&self.age_min, 0, 120));
        let age_max = errs.check("age_max", optional_int(&self.age_max, 0, 120));
        if let (Some(Some(a)), Some(Some(b))) = (age_min, age_max) {
            if b < a {
                errs.add("age_max", ErrorCode::NumberInvalid);
            }
        }
        let area_id = errs.check("area_id", optional_id(&self.area_id, areas));
        let mut languages = vec![];
        for l in &self.languages {
            match ActivityLang::parse(l) {
                Some(l) if !languages.contains(&l) => languages.push(l),
                Some(_) => {}
                None => {
                    errs.add("languages", ErrorCode::LangInvalid);
                    break;
                }
            }
        }
        if languages.is_empty() && errs.get("languages").is_none() {
            errs.add("languages", ErrorCode::Required);
        }
        languages.sort_by_key(|l| ActivityLang::ALL.iter().position(|x| x == l));
        let schedule = errs.check("schedule", required_text(&self.schedule, TEXT_MAX));
        let place = errs.check("place", optional_text(&self.place, TEXT_MAX));
        let contact = errs.check("contact", required_text(&self.contact, TEXT_MAX));
        match (title, description, kind, theme, target, age_min, age_max, area_id, schedule, place, contact) {
            (
                Some(title),
                Some(description),
                Some(kind),
                Some(theme),
                Some(target_group),
                Some(age_min),
                Some(age_max),
                Some(area_id),
                Some(schedule),
                Some(place),
                Some(contact),
            ) if errs.is_empty() => Ok(ActivityInput {
                title,
                description,
                kind,
                theme,
                target_group,
                age_min,
                age_max,
                area_id,
                languages,
                schedule,
                place,
                contact,
                published: self.published,
            }),
            _ => Err(errs),
        }
    }

    pub fn from_input(a: &ActivityInput, version: i64) -> ActivityForm {
        let s = |o: &Option<String>| o.clone().unwrap_or_default();
        ActivityForm {
            title_fi: s(&a.title.fi),
            title_sv: s(&a.title.sv),
            title_en: s(&a.title.en),
            description_fi: s(&a.description.fi),
            description_sv: s(&a.description.sv),
            description_en: s(&a.description.en),
            kind: a.kind.as_str().into(),
            theme: a.theme.as_str().into(),
            target_group: a.target_group.as_str().into(),
            age_min: a.age_min.map(|v| v.to_string()).unwrap_or_default(),
            age_max: a.age_max.map(|v| v.to_string()).unwrap_or_default(),
            area_id: a.area_id.map(|v| v.to_string()).unwrap_or_default(),
            languages: a.languages.iter().map(|l| l.as_str().to_string()).collect(),
            schedule: a.schedule.clone(),
            place: s(&a.place),
            contact: a.contact.clone(),
            published: a.published,
            version,
        }
    }
}

/// The languages as stored: `,fi,sv,` (so that one language matches with `LIKE '%,sv,%'`).
pub fn languages_text(langs: &[ActivityLang]) -> String {
    format!(",{},", langs.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(","))
}

pub fn parse_languages(s: &str) -> Option<Vec<ActivityLang>> {
    s.split(',').filter(|p| !p.is_empty()).map(ActivityLang::parse).collect()
}

/// The structured filters of the directory (the words are matched by [`ActivityInput::matches`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActivityFilter {
    pub theme: Option<Theme>,
    pub target_group: Option<TargetGroup>,
    pub area_id: Option<i64>,
    pub language: Option<ActivityLang>,
}

impl ActivityInput {
    /// Whether every word of `query` occurs in the title or description (in any language) or in
    /// the name of the theme or kind in any language (`names` gives those names). Case and
    /// accents as typed: `kamratstöd` finds "Kamratstödsgrupp".
    pub fn matches(&self, query: &str, names: &dyn Fn(Theme, ActivityKind) -> Vec<String>) -> bool {
        let theme_names = names(self.theme, self.kind);
        query.split_whitespace().map(str::to_lowercase).all(|w| {
            self.title.all().chain(self.description.all()).any(|t| contains_word(t, &w))
                || theme_names.iter().any(|n| contains_word(n, &w))
        })
    }

    /// The age range as shown: "7–12", "65–", "–17", or empty.
    pub fn ages(&self) -> String {
        match (self.age_min, self.age_max) {
            (None, None) => String::new(),
            (a, b) => format!(
                "{}–{}",
                a.map(|v| v.to_string()).unwrap_or_default(),
                b.map(|v| v.to_string()).unwrap_or_default()
            ),
        }
    }

    /// Whether the activity is held in the viewer's language.
    pub fn in_lang(&self, lang: Lang) -> bool {
        let want = match lang {
            Lang::Fi => ActivityLang::Fi,
            Lang::Sv => ActivityLang::Sv,
            Lang::En => ActivityLang::En,
        };
        self.languages.contains(&want)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn peer_group() -> ActivityForm {
        ActivityForm {
            title_fi: "Vertaistukiryhmä omaishoitajille".into(),
            title_sv: "Kamratstödsgrupp för närståendevårdare".into(),
            description_fi: "Omaishoitajat jakavat kokemuksia.".into(),
            kind: "peer_support".into(),
            theme: "carers".into(),
            target_group: "working_age".into(),
            age_min: "18".into(),
            area_id: "297".into(),
            languages: vec!["sv".into(), "fi".into(), "fi".into()],
            schedule: "Tiistaisin 17–19".into(),
            contact: "jussi@vertaistuki.example".into(),
            published: true,
            ..Default::default()
        }
    }

    #[test]
    fn activities_parse_with_field_errors() {
        let a = peer_group().parse(&[297]).unwrap();
        assert_eq!(a.languages, [ActivityLang::Fi, ActivityLang::Sv]);
        assert_eq!(a.ages(), "18–");
        assert_eq!(ActivityForm::from_input(&a, 1).parse(&[297]).unwrap(), a);
        assert_eq!(parse_languages(&languages_text(&a.languages)), Some(a.languages.clone()));
        let bad = ActivityForm {
            title_fi: String::new(),
            title_sv: String::new(),
            age_min: "30".into(),
            age_max: "20".into(),
            area_id: "1".into(),
            languages: vec![],
            schedule: " ".into(),
            ..peer_group()
        };
        let fields: Vec<_> = bad.parse(&[297]).unwrap_err().0.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            [
                ("title_fi", ErrorCode::Required),
                ("age_max", ErrorCode::NumberInvalid),
                ("area_id", ErrorCode::InvalidInput),
                ("languages", ErrorCode::Required),
                ("schedule", ErrorCode::Required)
            ]
        );
        let pairs: Vec<(String, String)> =
            [("title_sv", "Grupp"), ("language", "sv"), ("language", "en"), ("published", "1"), ("version", "3")]
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
        let f = ActivityForm::from_pairs(&pairs);
        assert_eq!((f.languages.len(), f.published, f.version), (2, true, 3));
    }

    #[test]
    fn words_match_in_any_language_and_theme_names() {
        let a = peer_group().parse(&[297]).unwrap();
        let names = |t: Theme, _k: ActivityKind| vec![format!("{}-name", t.as_str()), "Omaishoito".to_string()];
        assert!(a.matches("kamratstöd", &names));
        assert!(a.matches("KAMRATSTÖD närstående", &names));
        assert!(a.matches("omaishoito", &names), "the theme's name");
        assert!(a.matches("", &names));
        assert!(!a.matches("kamratstöd lapset", &names));
        assert!(a.in_lang(Lang::Sv) && !a.in_lang(Lang::En));
        assert_eq!(a.title.get(Lang::En), "Vertaistukiryhmä omaishoitajille");
    }
}
