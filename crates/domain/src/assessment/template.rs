//! Assessment templates: impact areas × population groups, a rating scale, and whether
//! children's own views must be heard (LAVA). Each organisation edits its own; an assessment keeps
//! a copy of the template as it was, so editing a template never changes existing assessments.

use super::TEXT_MAX;
use crate::error::{required_text, ErrorCode};
use crate::population::PopulationGroup;
use crate::Names;
use serde::{Deserialize, Serialize};

/// A population group of a template, with the knowledge-base indicators (Sotkanet ids) that
/// describe it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupDef {
    pub names: Names,
    pub indicators: Vec<String>,
    /// The group in the shared classification of population and client groups, where it is one
    /// (the same code the county's services and their coverage use).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<PopulationGroup>,
}

/// The rating scale, e.g. −2…+2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    pub min: i32,
    pub max: i32,
}

impl Scale {
    pub const DEFAULT: Scale = Scale { min: -2, max: 2 };

    pub fn parse(min: &str, max: &str) -> Result<Scale, ErrorCode> {
        let min: i32 = min.trim().parse().map_err(|_| ErrorCode::NumberInvalid)?;
        let max: i32 = max.trim().parse().map_err(|_| ErrorCode::NumberInvalid)?;
        if (-5..=0).contains(&min) && (1..=5).contains(&max) {
            Ok(Scale { min, max })
        } else {
            Err(ErrorCode::NumberInvalid)
        }
    }

    pub fn values(self) -> impl Iterator<Item = i32> {
        self.min..=self.max
    }

    pub fn contains(self, v: i32) -> bool {
        (self.min..=self.max).contains(&v)
    }
}

/// What a template asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateDef {
    pub names: Names,
    pub areas: Vec<Names>,
    pub groups: Vec<GroupDef>,
    pub scale: Scale,
    /// A child impact assessment records children's and young people's own views (UNCRC art. 3, 12).
    pub child_hearing: bool,
}

/// An organisation's template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    pub id: i64,
    pub org_id: i64,
    /// `iva`, `lava`, `economic`, `environmental`, `organisational` or the organisation's own.
    pub key: String,
    pub def: TemplateDef,
    pub version: i64,
}

fn n(fi: &str, sv: &str, en: &str) -> Names {
    Names::new(fi, Some(sv.into()), Some(en.into()))
}

fn g(fi: &str, sv: &str, en: &str, indicators: &[&str]) -> GroupDef {
    GroupDef { names: n(fi, sv, en), indicators: indicators.iter().map(|s| s.to_string()).collect(), code: None }
}

/// A group of the shared classification.
fn coded(code: PopulationGroup, group: GroupDef) -> GroupDef {
    GroupDef { code: Some(code), ..group }
}

fn def(names: Names, areas: Vec<Names>, groups: Vec<GroupDef>, child_hearing: bool) -> TemplateDef {
    TemplateDef { names, areas, groups, scale: Scale::DEFAULT, child_hearing }
}

/// The population groups of a people-centred assessment, with the demo knowledge base's
/// indicators (Sotkanet ids) for each.
fn people_groups() -> Vec<GroupDef> {
    vec![
        coded(PopulationGroup::Children, g("Lapset (0–12 v.)", "Barn (0–12 år)", "Children (0–12)", &["179"])),
        coded(
            PopulationGroup::YoungPeople,
            g("Nuoret (13–24 v.)", "Unga (13–24 år)", "Young people (13–24)", &["1275"]),
        ),
        coded(PopulationGroup::Families, g("Lapsiperheet", "Barnfamiljer", "Families with children", &["179", "304"])),
        coded(
            PopulationGroup::WorkingAge,
            g("Työikäiset", "Personer i arbetsför ålder", "Working-age people", &["5", "182"]),
        ),
        coded(
            PopulationGroup::OlderPeople,
            g("Ikääntyneet (65+ v.)", "Äldre (65+ år)", "Older people (65+)", &["761"]),
        ),
        g("Naiset ja miehet", "Kvinnor och män", "Women and men", &[]),
        g("Kieli- ja kulttuuriryhmät", "Språk- och kulturgrupper", "Language and cultural groups", &["2343"]),
        coded(
            PopulationGroup::LowIncome,
            g("Sosioekonomiset ryhmät", "Socioekonomiska grupper", "Socio-economic groups", &["3099", "3126", "3195"]),
        ),
        g("Asuinalueen asukkaat", "Invånare i bostadsområdet", "Residents of the area", &["127"]),
        coded(
            PopulationGroup::Disabled,
            g("Vammaiset henkilöt", "Personer med funktionsnedsättning", "People with disabilities", &[]),
        ),
    ]
}

/// The defaults every organisation starts with: IVA, LAVA, and economic, environmental and
/// organisational impacts.
pub fn default_templates() -> Vec<(&'static str, TemplateDef)> {
    vec![
        (
            "iva",
            def(
                n(
                    "IVA – ihmisiin kohdistuvat vaikutukset",
                    "Bedömning av konsekvenser för människor",
                    "HIA – impacts on people",
                ),
                vec![
                    n(
                        "Hyvinvointi ja sen jakautuminen",
                        "Välfärd och dess fördelning",
                        "Well-being and its distribution",
                    ),
                    n("Terveys", "Hälsa", "Health"),
                    n("Mielenterveys", "Psykisk hälsa", "Mental health"),
                    n(
                        "Yhdenvertaisuus ja tasa-arvo",
                        "Likabehandling och jämställdhet",
                        "Equality and non-discrimination",
                    ),
                    n(
                        "Sosiaaliset vaikutukset (osallisuus, yhteisöllisyys, turvallisuus)",
                        "Sociala konsekvenser (delaktighet, gemenskap, trygghet)",
                        "Social impacts (participation, community, safety)",
                    ),
                    n("Kieli ja kulttuuri", "Språk och kultur", "Language and culture"),
                    n("Palvelujen saavutettavuus", "Tjänsternas tillgänglighet", "Access to services"),
                ],
                people_groups(),
                false,
            ),
        ),
        (
            "lava",
            def(
                n("LAVA – lapsivaikutukset", "Barnkonsekvensbedömning", "Child impact assessment"),
                vec![
                    n(
                        "Lapsen etu (YK:n lapsen oikeuksien sopimus 3 art.)",
                        "Barnets bästa (FN:s barnkonvention art. 3)",
                        "The best interests of the child (UNCRC art. 3)",
                    ),
                    n("Lasten terveys ja hyvinvointi", "Barns hälsa och välfärd", "Children's health and well-being"),
                    n("Oppiminen ja kasvu", "Lärande och uppväxt", "Learning and growing up"),
                    n(
                        "Turvallisuus ja arki (esim. koulumatkat)",
                        "Trygghet och vardag (t.ex. skolvägar)",
                        "Safety and daily life (e.g. journeys to school)",
                    ),
                    n(
                        "Osallisuus ja vaikutusmahdollisuudet",
                        "Delaktighet och inflytande",
                        "Participation and having a say",
                    ),
                    n("Vapaa-aika ja harrastukset", "Fritid och hobbyer", "Leisure and hobbies"),
                ],
                vec![
                    g(
                        "Alle kouluikäiset (0–6 v.)",
                        "Barn under skolåldern (0–6 år)",
                        "Under school age (0–6)",
                        &["179"],
                    ),
                    g("Alakouluikäiset (7–12 v.)", "Lågstadieelever (7–12 år)", "Primary school age (7–12)", &["179"]),
                    g("Yläkouluikäiset (13–15 v.)", "Högstadieelever (13–15 år)", "Lower secondary age (13–15)", &[]),
                    g("Nuoret (16–17 v.)", "Unga (16–17 år)", "Young people (16–17)", &["1275"]),
                    coded(
                        PopulationGroup::Families,
                        g("Lapsiperheet", "Barnfamiljer", "Families with children", &["179", "304"]),
                    ),
                    g(
                        "Erityistä tukea tarvitsevat lapset",
                        "Barn i behov av särskilt stöd",
                        "Children who need special support",
                        &[],
                    ),
                ],
                true,
            ),
        ),
        (
            "economic",
            def(
                n("Taloudelliset vaikutukset", "Ekonomiska konsekvenser", "Economic impacts"),
                vec![
                    n("Käyttötalous", "Driftsekonomi", "Operating costs"),
                    n("Investoinnit", "Investeringar", "Investments"),
                    n("Tulot ja maksut", "Intäkter och avgifter", "Income and fees"),
                    n("Pitkän aikavälin kustannukset", "Långsiktiga kostnader", "Long-term costs"),
                ],
                vec![
                    g("Organisaatio", "Organisationen", "The organisation", &[]),
                    g("Asukkaat", "Invånarna", "Residents", &["3099"]),
                    g("Yritykset", "Företag", "Businesses", &[]),
                    g("Järjestöt", "Organisationer och föreningar", "NGOs", &[]),
                ],
                false,
            ),
        ),
        (
            "environmental",
            def(
                n("Ympäristövaikutukset", "Miljökonsekvenser", "Environmental impacts"),
                vec![
                    n("Luonto ja monimuotoisuus", "Natur och mångfald", "Nature and biodiversity"),
                    n("Ilmasto ja päästöt", "Klimat och utsläpp", "Climate and emissions"),
                    n("Elinympäristö ja viihtyisyys", "Livsmiljö och trivsel", "Living environment"),
                    n("Liikenne ja liikkuminen", "Trafik och rörlighet", "Traffic and mobility"),
                ],
                vec![
                    g("Asukkaat", "Invånarna", "Residents", &["127"]),
                    g("Lähialueen asukkaat", "Invånare i närområdet", "Neighbours", &[]),
                    g("Tulevat sukupolvet", "Kommande generationer", "Future generations", &[]),
                ],
                false,
            ),
        ),
        (
            "organisational",
            def(
                n("Organisaatiovaikutukset", "Organisatoriska konsekvenser", "Organisational impacts"),
                vec![
                    n("Henkilöstö", "Personal", "Staff"),
                    n("Toimintatavat ja prosessit", "Arbetssätt och processer", "Ways of working and processes"),
                    n("Yhteistyö muiden toimijoiden kanssa", "Samarbete med andra aktörer", "Cooperation with others"),
                    n("Osaaminen", "Kompetens", "Skills"),
                ],
                vec![
                    g("Henkilöstö", "Personalen", "Staff", &[]),
                    g("Johto", "Ledningen", "Management", &[]),
                    g("Yhteistyökumppanit", "Samarbetspartner", "Partners", &[]),
                ],
                false,
            ),
        ),
    ]
}

/// The template editor's form: names, and one area or group per line
/// (`Finnish | Swedish | English`, groups also `| indicator ids`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TemplateForm {
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub areas: String,
    pub groups: String,
    pub scale_min: String,
    pub scale_max: String,
    pub child_hearing: String,
    pub version: i64,
}

/// A template form's errors: the field, the code, and the line it is on (1-based) if any.
pub type TemplateErrors = Vec<(&'static str, ErrorCode, Option<usize>)>;

fn names_line(line: &str) -> Result<(Names, Vec<&str>), ErrorCode> {
    let parts: Vec<&str> = line.split('|').map(str::trim).collect();
    let fi = required_text(parts.first().copied().unwrap_or_default(), TEXT_MAX)?;
    let opt = |i: usize| parts.get(i).map(|s| s.to_string());
    for p in parts.iter().skip(1).take(2) {
        if p.chars().count() > TEXT_MAX {
            return Err(ErrorCode::TooLong);
        }
    }
    Ok((Names::new(fi, opt(1), opt(2)), parts.into_iter().skip(3).collect()))
}

impl TemplateForm {
    pub fn parse(&self) -> Result<TemplateDef, TemplateErrors> {
        let mut errs: TemplateErrors = vec![];
        let name = required_text(&self.name_fi, TEXT_MAX).map_err(|c| errs.push(("name_fi", c, None))).ok();
        let lines =
            |s: &str| s.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect::<Vec<_>>();
        let mut areas = vec![];
        for (i, l) in lines(&self.areas).iter().enumerate() {
            match names_line(l) {
                Ok((names, _)) => areas.push(names),
                Err(c) => errs.push(("areas", c, Some(i + 1))),
            }
        }
        if areas.is_empty() && !errs.iter().any(|e| e.0 == "areas") {
            errs.push(("areas", ErrorCode::Required, None));
        }
        let mut groups = vec![];
        for (i, l) in lines(&self.groups).iter().enumerate() {
            match names_line(l) {
                Ok((names, rest)) => {
                    // Indicator ids, and at most one code of the shared classification.
                    let tokens: Vec<&str> = rest
                        .iter()
                        .flat_map(|r| r.split([',', ' ']))
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .collect();
                    let codes: Vec<PopulationGroup> = tokens.iter().filter_map(|t| PopulationGroup::parse(t)).collect();
                    let ids: Vec<String> =
                        tokens.iter().filter(|t| PopulationGroup::parse(t).is_none()).map(|t| t.to_string()).collect();
                    if codes.len() > 1 || ids.iter().any(|s| !s.chars().all(|c| c.is_ascii_digit())) {
                        errs.push(("groups", ErrorCode::NumberInvalid, Some(i + 1)));
                    } else {
                        groups.push(GroupDef { names, indicators: ids, code: codes.first().copied() });
                    }
                }
                Err(c) => errs.push(("groups", c, Some(i + 1))),
            }
        }
        if groups.is_empty() && !errs.iter().any(|e| e.0 == "groups") {
            errs.push(("groups", ErrorCode::Required, None));
        }
        let scale = Scale::parse(&self.scale_min, &self.scale_max).map_err(|c| errs.push(("scale_min", c, None))).ok();
        match (name, scale) {
            (Some(fi), Some(scale)) if errs.is_empty() => Ok(TemplateDef {
                names: Names::new(fi, Some(self.name_sv.clone()), Some(self.name_en.clone())),
                areas,
                groups,
                scale,
                child_hearing: !self.child_hearing.is_empty(),
            }),
            _ => Err(errs),
        }
    }

    pub fn from_def(d: &TemplateDef, version: i64) -> TemplateForm {
        let line =
            |n: &Names| format!("{} | {} | {}", n.fi, n.sv.as_deref().unwrap_or(""), n.en.as_deref().unwrap_or(""));
        TemplateForm {
            name_fi: d.names.fi.clone(),
            name_sv: d.names.sv.clone().unwrap_or_default(),
            name_en: d.names.en.clone().unwrap_or_default(),
            areas: d.areas.iter().map(line).collect::<Vec<_>>().join("\n"),
            groups: d
                .groups
                .iter()
                .map(|g| {
                    let mut rest = g.indicators.clone();
                    rest.extend(g.code.map(|c| c.as_str().to_string()));
                    format!("{} | {}", line(&g.names), rest.join(", "))
                })
                .collect::<Vec<_>>()
                .join("\n"),
            scale_min: d.scale.min.to_string(),
            scale_max: d.scale.max.to_string(),
            child_hearing: if d.child_hearing { "on".into() } else { String::new() },
            version,
        }
    }
}

/// A key for an organisation's own template, from its Finnish name.
pub fn template_key(name: &str) -> String {
    let mut key: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ä' | 'å' => 'a',
            'ö' => 'o',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    while key.contains("--") {
        key = key.replace("--", "-");
    }
    let key = key.trim_matches('-');
    let key: String = key.chars().take(40).collect();
    if key.is_empty() {
        "own".into()
    } else {
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_can_name_a_group_of_the_shared_classification() {
        let mut f = TemplateForm::from_def(&default_templates()[0].1, 1);
        f.groups = "Omaishoitajat | Närståendevårdare | Family carers | family_carers, 5".into();
        let d = f.parse().unwrap();
        assert_eq!(
            (d.groups[0].code, d.groups[0].indicators.clone()),
            (Some(PopulationGroup::FamilyCarers), vec!["5".to_string()])
        );
        f.groups = "Omaishoitajat | | | family_carers homeless".into();
        assert_eq!(f.parse().unwrap_err()[0].0, "groups");
        let iva = &default_templates()[0].1;
        assert_eq!(iva.groups[0].code, Some(PopulationGroup::Children), "the defaults use the classification");
    }

    #[test]
    fn defaults_have_three_languages_and_round_trip_through_the_editor() {
        let all = default_templates();
        assert_eq!(
            all.iter().map(|t| t.0).collect::<Vec<_>>(),
            ["iva", "lava", "economic", "environmental", "organisational"]
        );
        for (_, d) in &all {
            for n in d.areas.iter().chain(d.groups.iter().map(|g| &g.names)).chain([&d.names]) {
                assert!(n.sv.is_some() && n.en.is_some(), "{n:?}");
            }
            assert_eq!(&TemplateForm::from_def(d, 1).parse().unwrap(), d);
        }
        assert!(all[1].1.child_hearing && !all[0].1.child_hearing);
    }

    #[test]
    fn the_editor_names_the_bad_line() {
        let f = TemplateForm {
            name_fi: "Oma".into(),
            areas: "Terveys | Hälsa | Health\n | x | y".into(),
            groups: "Lapset | Barn | Children | 179, abc".into(),
            scale_min: "-2".into(),
            scale_max: "9".into(),
            ..Default::default()
        };
        assert_eq!(
            f.parse().unwrap_err(),
            vec![
                ("areas", ErrorCode::Required, Some(2)),
                ("groups", ErrorCode::NumberInvalid, Some(1)),
                ("scale_min", ErrorCode::NumberInvalid, None)
            ]
        );
        assert_eq!(template_key("Kulttuurivaikutukset – ääni!"), "kulttuurivaikutukset-aani");
    }
}
