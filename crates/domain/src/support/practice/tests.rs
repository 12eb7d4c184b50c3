use super::exchange::{export, ExchangeFile, WirePractice, WireTexts};
use super::*;

fn form() -> PracticeForm {
    PracticeForm {
        name_fi: "Liikkuva koulu".into(),
        name_en: "Finnish Schools on the Move".into(),
        summary_fi: "Koulupäivään lisää liikettä.".into(),
        target_groups: vec!["children".into(), "young_people".into()],
        area: "physical_activity".into(),
        evidence: "evaluated_locally".into(),
        links: "https://example.org/a\n\n https://example.org/b \nhttps://example.org/a".into(),
        ..Default::default()
    }
}

#[test]
fn codes_are_stable() {
    crate::codes::assert_codes::<EvidenceLevel>(&["described", "evaluated_locally", "evaluated_effectiveness"]);
}

#[test]
fn links_are_http_or_https_addresses() {
    assert!(Link::parse("https://thl.fi/a?b=c#d").is_ok());
    assert!(Link::parse("HTTP://localhost:8080/").is_ok());
    for bad in
        ["javascript:alert(1)", "ftp://x.fi", "https://", "https:// x.fi", "https://a@b.fi", "x.fi", "https://\"x"]
    {
        assert_eq!(Link::parse(bad), Err(ErrorCode::InvalidInput), "{bad}");
    }
    assert_eq!(Link::parse(&format!("https://x.fi/{}", "a".repeat(URL_MAX))), Err(ErrorCode::TooLong));
    let l: Result<Link, _> = serde_json::from_str("\"javascript:x\"");
    assert!(l.is_err(), "a stored link parses too");
}

#[test]
fn the_form_parses_into_a_practice() {
    let p = form().parse().unwrap();
    assert_eq!(p.name.en.as_deref(), Some("Finnish Schools on the Move"));
    assert_eq!(p.name.sv, None);
    assert_eq!(p.links.len(), 2, "empty lines and repeats dropped");
    assert!(p.target_groups.contains(PopulationGroup::Children));
    assert_eq!(
        (p.area, p.evidence, p.source.clone()),
        (ContentArea::PhysicalActivity, EvidenceLevel::EvaluatedLocally, None)
    );
    let back = PracticeForm::of(&Practice { id: 1, org_id: 2, input: p.clone(), published: false, version: 3 });
    assert_eq!(back.parse().unwrap(), p);
    assert_eq!(back.version, 3);
}

#[test]
fn a_bad_form_names_its_fields() {
    let f = PracticeForm {
        name_fi: String::new(),
        summary_fi: String::new(),
        target_groups: vec!["martians".into()],
        area: "x".into(),
        evidence: String::new(),
        links: "mailto:a@b.fi".into(),
        contact: "x".repeat(CONTACT_MAX + 1),
        ..form()
    };
    let e = f.parse().unwrap_err();
    let fields: Vec<&str> = e.0.iter().map(|x| x.field).collect();
    assert_eq!(fields, ["name_fi", "summary_fi", "target_groups", "area", "evidence", "links", "contact"]);
    let long = PracticeForm { results_sv: "x".repeat(LONG_MAX + 1), ..form() };
    assert_eq!(long.parse().unwrap_err().get("results_sv"), Some(ErrorCode::TooLong));
}

#[test]
fn the_filter_matches_words_in_any_language_and_the_codes() {
    let p = Practice { id: 1, org_id: 2, input: form().parse().unwrap(), published: true, version: 1 };
    let f = |words: &str| PracticeFilter { words: words.into(), ..Default::default() };
    assert!(p.matches(&f("liikettä SCHOOLS")));
    assert!(!p.matches(&f("skola")));
    assert!(p.matches(&PracticeFilter { group: Some(PopulationGroup::Children), ..Default::default() }));
    assert!(!p.matches(&PracticeFilter { group: Some(PopulationGroup::OlderPeople), ..Default::default() }));
    assert!(!p.matches(&PracticeFilter { area: Some(ContentArea::Nutrition), ..Default::default() }));
    assert!(!p.matches(&PracticeFilter { evidence: Some(EvidenceLevel::Described), ..Default::default() }));
}

#[test]
fn adoption_and_recommendation_forms_parse() {
    let a = AdoptForm { report_id: "5".into(), goal_id: "".into(), since: "2026-01-01".into(), results: "".into() };
    let a = a.parse(Lang::Sv).unwrap();
    assert_eq!((a.report_id, a.goal_id, a.lang), (5, None, Lang::Sv));
    let bad = AdoptForm { report_id: "x".into(), since: "1.1.2026".into(), ..Default::default() };
    let e = bad.parse(Lang::Fi).unwrap_err();
    assert_eq!((e.get("report_id"), e.get("since")), (Some(ErrorCode::ReferenceInvalid), Some(ErrorCode::DateInvalid)));
    let r = RecommendForm {
        year: "2026".into(),
        area: "nutrition".into(),
        practice_id: "3".into(),
        municipality_id: "".into(),
        note: "".into(),
    };
    assert_eq!(r.parse().unwrap().municipality_id, None);
    assert!(RecommendForm { year: "26".into(), ..r }.parse().unwrap_err().get("year").is_some());
}

#[test]
fn a_library_round_trips_through_its_file() {
    let input = form().parse().unwrap();
    let p = Practice { id: 1, org_id: 2, input: input.clone(), published: true, version: 1 };
    let file = export("Pohjois-Savon hyvinvointialue", &[p]);
    let text = serde_json::to_string(&file).unwrap();
    let back: ExchangeFile = serde_json::from_str(&text).unwrap();
    let read = back.practices("x.json").unwrap();
    assert_eq!(read, vec![PracticeInput { source: Some("Pohjois-Savon hyvinvointialue".into()), ..input }]);
}

#[test]
fn a_bad_item_refuses_the_file_naming_it() {
    let good =
        export("L", &[Practice { id: 1, org_id: 2, input: form().parse().unwrap(), published: true, version: 1 }]);
    let mut bad = good.clone();
    bad.practices.push(WirePractice {
        name: WireTexts { fi: "x".repeat(300), ..Default::default() },
        ..good.practices[0].clone()
    });
    let e = bad.practices("f.json").unwrap_err();
    assert_eq!((e.item, e.field.as_str(), e.code), (2, "name.fi", ErrorCode::TooLong));
    let mut bad = good.clone();
    bad.practices[0].links.push("https://a.fi\nhttps://b.fi".into());
    assert_eq!(bad.practices("f.json").unwrap_err().field, "links");
    let mut bad = good.clone();
    bad.version = 2;
    assert_eq!(bad.practices("f.json").unwrap_err().field, "version");
    let mut bad = good.clone();
    bad.format = "other".into();
    assert_eq!(bad.practices("f.json").unwrap_err().item, 0);
    let mut bad = good;
    bad.practices = vec![bad.practices[0].clone(); super::exchange::MAX_PRACTICES + 1];
    assert_eq!(bad.practices("f.json").unwrap_err().code, ErrorCode::TooLong);
}
