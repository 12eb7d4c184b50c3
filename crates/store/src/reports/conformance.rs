//! Conformance of reports and plans: workflow, versions, plans, the default report structure.
// Test code (the `testing` feature only): a failed unwrap or index is a failed check.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::conformance::*;
use crate::*;
use hyte_domain::reports::{Goal, Measure, Priority, Report, Section};
use hyte_domain::{ErrorCode, Names, OrgKind};

crate::conformance_cases!($ reports_cases, reports:
    reports_follow_their_workflow_and_freeze_versions,
    plans_hold_priorities_goals_and_measures,
    organisations_shape_their_default_report_structure,
    reports_and_plans_use_only_national_or_own_indicators,
    concurrent_plan_edits_conflict,
    a_sector_deleted_while_measures_name_it_never_breaks,
);

async fn reports_follow_their_workflow_and_freeze_versions(s: &dyn Store) {
    use hyte_domain::reports::{Approval, NewReport, ReportState, SectionEdit, DEFAULT_SECTIONS};
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let new = NewReport::parse("term", "2025–2029", "", &["fi", "sv"], "Hyvinvointikertomus 2025–2029", None).unwrap();
    let r = s.create_report(o.id, &new, Actor::SYSTEM).await.unwrap();
    assert_eq!((r.state, r.content_version, r.year, r.languages.len()), (ReportState::Draft, 1, None, 2));
    let again = s.create_report(o.id, &new, Actor::SYSTEM).await;
    assert_eq!(again.unwrap_err().code(), ErrorCode::NameTaken, "one term report per term");
    let annual = NewReport::parse("annual", "2025–2029", "2026", &["fi"], "Vuosiraportti 2026", Some(r.id)).unwrap();
    let a = s.create_report(o.id, &annual, Actor::SYSTEM).await.unwrap();
    assert_eq!((a.year, a.based_on), (Some(2026), Some(r.id)));
    assert_eq!(s.list_reports(o.id).await.unwrap().len(), 2);

    let sections = s.report_sections(r.id).await.unwrap();
    assert_eq!(sections.len(), DEFAULT_SECTIONS.len());
    assert_eq!(sections[0].title.sv.as_deref(), Some("Sammanfattning"));
    s.upsert_indicators(&[indicator("5", "Toimeentulotuki, %", "Utkomststöd, %", true)]).await.unwrap();
    s.upsert_indicators(&[indicator("127", "Huoltosuhde", "Försörjningskvot", true)]).await.unwrap();
    let ids = s.indicator_ids("sotkanet", None).await.unwrap();
    let (i5, i127) = (ids["5"].0, ids["127"].0);
    let edit = SectionEdit::parse(
        ("Tiivistelmä", "Sammanfattning", ""),
        "Kuopiolaisten hyvinvointi.",
        "",
        &format!("{i5}, {i127}"),
    )
    .unwrap();
    let first = &sections[0];
    let saved = s.update_section(r.id, first.id, first.version, &edit, Actor::SYSTEM).await.unwrap();
    assert_eq!((saved.body_fi.as_str(), saved.indicator_ids.clone()), ("Kuopiolaisten hyvinvointi.", vec![i5, i127]));
    let expected = Section {
        title: edit.title.clone(),
        body_fi: edit.body_fi.clone(),
        body_sv: edit.body_sv.clone(),
        indicator_ids: edit.indicator_ids.clone(),
        version: first.version + 1,
        ..first.clone()
    };
    let stored = s.report_sections(r.id).await.unwrap().into_iter().find(|x| x.id == first.id);
    assert_written(&saved, stored, &expected);
    let stale = s.update_section(r.id, first.id, first.version, &edit, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);

    // Organisations shape the structure: a section of their own, and one removed.
    let extra = s
        .add_section(
            r.id,
            &Names::new("Lapsivaikutukset", None, None),
            hyte_domain::reports::SectionKind::Narrative,
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    assert_eq!((extra.key.as_str(), extra.position as usize), ("custom", DEFAULT_SECTIONS.len() + 1));
    let annexes = s.report_sections(r.id).await.unwrap().into_iter().find(|x| x.key == "annexes").unwrap();
    let stale = s.delete_section(r.id, annexes.id, annexes.version + 1, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    s.delete_section(r.id, annexes.id, annexes.version, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.report_sections(r.id).await.unwrap().len(), DEFAULT_SECTIONS.len(), "one added, one removed");

    // Draft → review → approved (frozen) → published; no shortcuts.
    let bad = s.set_report_state(r.id, r.version, ReportState::Published, None, Actor::SYSTEM).await;
    assert_eq!(bad.unwrap_err().code(), ErrorCode::StateTransitionInvalid);
    let r = s.set_report_state(r.id, r.version, ReportState::InReview, None, Actor::SYSTEM).await.unwrap();
    let c = s.add_comment(r.id, saved.id, "Lisätkää lasten näkökulma.", Actor::SYSTEM).await.unwrap();
    assert_eq!((c.body.as_str(), c.resolved, c.author.clone()), ("Lisätkää lasten näkökulma.", false, None));
    assert_eq!(s.add_comment(r.id, 999_999, "x", Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::NotFound);
    assert!(s.resolve_comment(r.id, c.id, Actor::SYSTEM).await.unwrap().resolved);
    let no_approval = s.set_report_state(r.id, r.version, ReportState::Approved, None, Actor::SYSTEM).await;
    assert_eq!(no_approval.unwrap_err().code(), ErrorCode::InvalidInput);
    let approval = Approval::parse("Kaupunginvaltuusto", "15.6.2026", "KV 15.6.2026 § 45").unwrap();
    let in_review = r.clone();
    // The generated sections' figures are kept with the version.
    let frozen = vec![hyte_domain::reports::FrozenSection {
        key: "interface-services".into(),
        lang: hyte_domain::Lang::Fi,
        title: "Yhdyspintapalvelut".into(),
        lead: "Palvelut, joissa kunta on mukana.".into(),
        tables: vec![hyte_domain::reports::FrozenTable {
            caption: "Seuratut indikaattorit".into(),
            headers: vec!["Indikaattori".into(), "Viimeisin".into()],
            rows: vec![vec!["Diabeetikot, %".into(), "13,5 (2023)".into()]],
        }],
    }];
    let r = s.approve_report(r.id, r.version, &approval, &frozen, Actor::SYSTEM).await.unwrap();
    assert_eq!(r.approval.as_ref(), Some(&approval));
    let kept = s.report_versions(r.id).await.unwrap().into_iter().find(|v| v.number == 1).unwrap();
    assert_eq!(kept.content.generated, Some(frozen));
    let expected = Report {
        state: ReportState::Approved,
        approval: Some(approval.clone()),
        version: in_review.version + 1,
        ..in_review
    };
    assert_written(&r, s.get_report(r.id).await.unwrap(), &expected);
    let locked = s.update_section(r.id, saved.id, saved.version, &edit, Actor::SYSTEM).await;
    assert_eq!(locked.unwrap_err().code(), ErrorCode::ReportLocked, "nobody edits an approved version");
    let r = s.set_report_state(r.id, r.version, ReportState::Published, None, Actor::SYSTEM).await.unwrap();
    assert_eq!(r.published_version, Some(1));
    assert_eq!(s.published_reports().await.unwrap().iter().map(|p| p.id).collect::<Vec<_>>(), vec![r.id]);

    // A later edit starts version 2; version 1 stays frozen and public.
    let r = s.start_new_version(r.id, r.version, Actor::SYSTEM).await.unwrap();
    assert_eq!(
        (r.state, r.content_version, r.published_version, r.approval.clone()),
        (ReportState::Draft, 2, Some(1), None)
    );
    let changed = SectionEdit::parse(("Tiivistelmä", "", ""), "Uusi teksti.", "", "").unwrap();
    s.update_section(r.id, saved.id, saved.version, &changed, Actor::SYSTEM).await.unwrap();
    let versions = s.report_versions(r.id).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].content.sections[0].body_fi, "Kuopiolaisten hyvinvointi.", "frozen at approval");
    assert_eq!(versions[0].approval.decision_ref, "KV 15.6.2026 § 45");
    let comments = s.report_comments(r.id).await.unwrap();
    assert_eq!(comments.len(), 1, "the comment from the review");
    assert!(comments[0].resolved);
    let locked = s.add_comment(r.id, saved.id, "Myöhässä", Actor::SYSTEM).await;
    assert!(locked.is_ok(), "version 2 is a draft again: comments are open");
    let log = s.audit_log(o.id, 50).await.unwrap();
    assert!(log.iter().any(|e| e.action == "report.section_update"));
    assert_eq!(log.iter().filter(|e| e.action == "report.state").count(), 4);
}

async fn plans_hold_priorities_goals_and_measures(s: &dyn Store) {
    use hyte_domain::reports::{
        Approval, GoalForm, MeasureFollowUp, MeasureForm, MeasureStatus, NewReport, PriorityInput, ReportState,
    };
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let other = org(s, OrgKind::Municipality, "Oulu").await;
    s.upsert_indicators(&[indicator("4404", "Päivittäin tupakoivat, %", "Dagligrökare, %", false)]).await.unwrap();
    let ind = s.indicator_ids("sotkanet", None).await.unwrap()["4404"].0;
    let new = NewReport::parse("term", "2025–2029", "", &["fi"], "Hyvinvointikertomus", None).unwrap();
    let r = s.create_report(o.id, &new, Actor::SYSTEM).await.unwrap();
    let p = s.add_priority(r.id, &PriorityInput::parse("Terveet elintavat", "").unwrap(), Actor::SYSTEM).await.unwrap();
    assert_eq!(p.position, 1);
    let goal = GoalForm {
        priority_id: p.id.to_string(),
        title: "Tupakointi vähenee".into(),
        indicator_id: ind.to_string(),
        baseline_year: "2024".into(),
        baseline_value: "12,0".into(),
        target_year: "2029".into(),
        target_value: "8".into(),
    };
    let g = s.add_goal(r.id, &goal.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let sector = s.list_sectors(o.id).await.unwrap()[1].clone();
    let form = MeasureForm {
        title: "Savuton koulu".into(),
        sector_id: sector.id.to_string(),
        euros: "5000".into(),
        ..Default::default()
    };
    let m = s.add_measure(r.id, &form.parse().unwrap(), &[g.id], Actor::SYSTEM).await.unwrap();
    assert_eq!(
        (m.goal_ids.clone(), m.input.sector_id, m.input.status),
        (vec![g.id], Some(sector.id), MeasureStatus::Planned)
    );
    let foreign = s.list_sectors(other.id).await.unwrap()[0].clone();
    let bad = MeasureForm { title: "x".into(), sector_id: foreign.id.to_string(), ..Default::default() };
    let e = s.add_measure(r.id, &bad.parse().unwrap(), &[], Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::SectorInvalid, "another organisation's sector");
    let plan = s.plan(r.id).await.unwrap();
    assert_eq!((plan.priorities.len(), plan.goals.len(), plan.measures.len()), (1, 1, 1));
    assert_eq!(plan.goals[0].targets[0].baseline, (2024, 12.0));

    // Plan items are edited and removed while the report is editable, versioned and audited.
    s.upsert_indicators(&[indicator("4405", "Nuuskaavat, %", "Snusare, %", false)]).await.unwrap();
    let ind2 = s.indicator_ids("sotkanet", None).await.unwrap()["4405"].0;
    let p1 = p.clone();
    let p = s
        .update_priority(
            r.id,
            p.id,
            p.version,
            &PriorityInput::parse("Savuttomuus", "Koko kunta").unwrap(),
            Actor::SYSTEM,
        )
        .await
        .unwrap();
    assert_eq!((p.title.as_str(), p.version), ("Savuttomuus", 2));
    let expected =
        Priority { title: "Savuttomuus".into(), description: Some("Koko kunta".into()), version: p1.version + 1, ..p1 };
    let stored = s.plan(r.id).await.unwrap().priorities.into_iter().find(|x| x.id == p.id);
    assert_written(&p, stored, &expected);
    let stale = s.update_priority(r.id, p.id, 1, &PriorityInput::parse("x", "").unwrap(), Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let row = |i: i64, by: &str, bv: &str, ty: &str, tv: &str| hyte_domain::reports::TargetForm {
        indicator_id: i.to_string(),
        baseline_year: by.into(),
        baseline_value: bv.into(),
        target_year: ty.into(),
        target_value: tv.into(),
    };
    let two = hyte_domain::reports::GoalInput::parse(
        &p.id.to_string(),
        "Tupakointi ja nuuskaaminen vähenevät",
        &[row(ind, "2024", "12", "2029", "8"), row(ind2, "2023", "5,5", "2029", "3")],
    )
    .unwrap();
    let g2 = s.update_goal(r.id, g.id, g.version, &two, Actor::SYSTEM).await.unwrap();
    assert_eq!((g2.targets.len(), g2.version, g2.targets[1].baseline), (2, 2, (2023, 5.5)), "several targets");
    let expected = Goal {
        priority_id: two.priority_id,
        title: two.title.clone(),
        targets: two.targets.clone(),
        version: g.version + 1,
        ..g.clone()
    };
    let stored = s.plan(r.id).await.unwrap().goals.into_iter().find(|x| x.id == g.id);
    assert_written(&g2, stored, &expected);
    let stale = s.update_goal(r.id, g.id, g.version, &two, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let one = hyte_domain::reports::GoalInput::parse(
        &p.id.to_string(),
        "Nuuskaaminen vähenee",
        &[row(ind2, "2023", "5,5", "2029", "3")],
    )
    .unwrap();
    let g2 = s.update_goal(r.id, g.id, g2.version, &one, Actor::SYSTEM).await.unwrap();
    assert_eq!(g2.targets.iter().map(|t| t.indicator_id).collect::<Vec<_>>(), vec![ind2], "a target removed");
    let edited =
        MeasureForm { title: "Savuton koulu ja kerho".into(), status: "in_progress".into(), ..Default::default() };
    let m1 = m.clone();
    let m = s.update_measure(r.id, m.id, m.version, &edited.parse().unwrap(), &[], Actor::SYSTEM).await.unwrap();
    let expected = Measure { input: edited.parse().unwrap(), goal_ids: vec![], version: m1.version + 1, ..m1 };
    let stored = s.plan(r.id).await.unwrap().measures.into_iter().find(|x| x.id == m.id);
    assert_written(&m, stored, &expected);
    assert_eq!((m.input.title.as_str(), m.input.sector_id, m.goal_ids.len()), ("Savuton koulu ja kerho", None, 0));
    let m = s.update_measure(r.id, m.id, m.version, &form.parse().unwrap(), &[g.id], Actor::SYSTEM).await.unwrap();
    let bad = s.update_measure(r.id, m.id, m.version, &bad.parse().unwrap(), &[], Actor::SYSTEM).await;
    assert_eq!(bad.unwrap_err().code(), ErrorCode::SectorInvalid);
    // Removing: a measure, and a priority with its goals.
    let p2 = s.add_priority(r.id, &PriorityInput::parse("Poistuva", "").unwrap(), Actor::SYSTEM).await.unwrap();
    let gone = GoalForm { priority_id: p2.id.to_string(), title: "Poistuva tavoite".into(), ..Default::default() };
    let gone = s.add_goal(r.id, &gone.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    let m3 = s.add_measure(r.id, &form.parse().unwrap(), &[gone.id, g.id], Actor::SYSTEM).await.unwrap();
    let stale = s.delete_priority(r.id, p2.id, p2.version + 1, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    s.delete_priority(r.id, p2.id, p2.version, Actor::SYSTEM).await.unwrap();
    let plan = s.plan(r.id).await.unwrap();
    assert_eq!((plan.priorities.len(), plan.goals.len()), (1, 1), "the priority's goals went with it");
    assert_eq!(plan.measures.iter().find(|x| x.id == m3.id).unwrap().goal_ids, vec![g.id]);
    assert_eq!(
        s.delete_measure(r.id, m3.id, m3.version + 1, Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::EditConflict
    );
    s.delete_measure(r.id, m3.id, m3.version, Actor::SYSTEM).await.unwrap();
    let extra = GoalForm { priority_id: p.id.to_string(), title: "Toinen".into(), ..Default::default() };
    let extra = s.add_goal(r.id, &extra.parse().unwrap(), Actor::SYSTEM).await.unwrap();
    s.delete_goal(r.id, extra.id, extra.version, Actor::SYSTEM).await.unwrap();
    assert_eq!(
        s.delete_goal(r.id, extra.id, extra.version, Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::NotFound
    );
    let plan = s.plan(r.id).await.unwrap();
    assert_eq!((plan.priorities.len(), plan.goals.len(), plan.measures.len()), (1, 1, 1));
    let g = plan.goals[0].clone();
    let m = plan.measures[0].clone();
    let p = plan.priorities[0].clone();

    // Approval freezes the plan with the text; follow-up continues afterwards.
    let r = s.set_report_state(r.id, r.version, ReportState::InReview, None, Actor::SYSTEM).await.unwrap();
    let a = Approval::parse("Valtuusto", "1.6.2026", "§ 1").unwrap();
    s.set_report_state(r.id, r.version, ReportState::Approved, Some(&a), Actor::SYSTEM).await.unwrap();
    let locked = s.add_priority(r.id, &PriorityInput::parse("Myöhässä", "").unwrap(), Actor::SYSTEM).await;
    assert_eq!(locked.unwrap_err().code(), ErrorCode::ReportLocked);
    let locked = s.update_priority(r.id, p.id, p.version, &PriorityInput::parse("x", "").unwrap(), Actor::SYSTEM).await;
    assert_eq!(locked.unwrap_err().code(), ErrorCode::ReportLocked, "an approved plan is frozen");
    assert_eq!(s.delete_goal(r.id, g.id, g.version, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::ReportLocked);
    let locked = s.update_measure(r.id, m.id, m.version, &form.parse().unwrap(), &[], Actor::SYSTEM).await;
    assert_eq!(locked.unwrap_err().code(), ErrorCode::ReportLocked);
    assert_eq!(
        s.delete_measure(r.id, m.id, m.version, Actor::SYSTEM).await.unwrap_err().code(),
        ErrorCode::ReportLocked
    );
    let f = MeasureFollowUp::parse("in_progress", "Aloitettu kolmessa koulussa").unwrap();
    let m2 = s.follow_up_measure(r.id, m.id, m.version, &f, Actor::SYSTEM).await.unwrap();
    assert_eq!(
        (m2.input.status, m2.comment.as_deref()),
        (MeasureStatus::InProgress, Some("Aloitettu kolmessa koulussa"))
    );
    let mut expected =
        Measure { comment: Some("Aloitettu kolmessa koulussa".into()), version: m.version + 1, ..m.clone() };
    expected.input.status = MeasureStatus::InProgress;
    let stored = s.plan(r.id).await.unwrap().measures.into_iter().find(|x| x.id == m.id);
    assert_written(&m2, stored, &expected);
    let stale = s.follow_up_measure(r.id, m.id, m.version, &f, Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict);
    let frozen = &s.report_versions(r.id).await.unwrap()[0].content.plan;
    assert_eq!(frozen.measures[0].input.status, MeasureStatus::Planned, "the approved version keeps its plan");
    let log = s.audit_log(o.id, 100).await.unwrap();
    for action in [
        "plan.measure_follow_up",
        "plan.priority_update",
        "plan.priority_delete",
        "plan.goal_update",
        "plan.goal_delete",
        "plan.measure_update",
        "plan.measure_delete",
    ] {
        assert!(log.iter().any(|e| e.action == action), "{action} audited");
    }
}

async fn organisations_shape_their_default_report_structure(s: &dyn Store) {
    use hyte_domain::reports::{parse_structure, NewReport, ReportStructure, SectionKind, StructureRow};
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let other = org(s, OrgKind::Municipality, "Oulu").await;
    let thl = s.report_structure(o.id).await.unwrap();
    assert_eq!(
        thl,
        ReportStructure::thl(OrgKind::Municipality),
        "THL's structure until the organisation edits its own"
    );
    let mut rows: Vec<StructureRow> =
        thl.sections.iter().enumerate().map(|(i, x)| StructureRow::of(i + 1, x)).collect();
    rows[0].remove = true;
    rows.push(StructureRow {
        key: "custom".into(),
        kind: "narrative".into(),
        title_fi: "Lapsivaikutukset".into(),
        title_sv: "Konsekvenser för barn".into(),
        position: "1".into(),
        remove: false,
    });
    let sections = parse_structure(&rows).unwrap();
    let own = s.set_report_structure(o.id, 0, Some(&sections), Actor::SYSTEM).await.unwrap();
    assert_eq!((own.version, own.sections.len()), (1, thl.sections.len()));
    let stale = s.set_report_structure(o.id, 0, Some(&sections), Actor::SYSTEM).await;
    assert_eq!(stale.unwrap_err().code(), ErrorCode::EditConflict, "a stale form does not overwrite");
    let again = s.set_report_structure(o.id, 1, Some(&sections[1..]), Actor::SYSTEM).await.unwrap();
    assert_eq!((again.version, s.report_structure(o.id).await.unwrap()), (2, again.clone()));
    assert_eq!(s.set_report_structure(o.id, 1, None, Actor::SYSTEM).await.unwrap_err().code(), ErrorCode::EditConflict);
    let again = s.set_report_structure(o.id, 2, Some(&sections), Actor::SYSTEM).await.unwrap();

    // New reports start with it; other organisations keep THL's.
    let new = NewReport::parse("term", "2025–2029", "", &["fi", "sv"], "Hyvinvointikertomus", None).unwrap();
    let r = s.create_report(o.id, &new, Actor::SYSTEM).await.unwrap();
    let created = s.report_sections(r.id).await.unwrap();
    assert_eq!(created.len(), again.sections.len());
    assert_eq!((created[0].key.as_str(), created[0].title.sv.as_deref()), ("custom", Some("Konsekvenser för barn")));
    assert_eq!(created.iter().filter(|x| x.kind == SectionKind::Plan).count(), 1);
    assert!(created.iter().all(|x| x.key != "summary"), "the removed section is not there");
    let theirs = s.create_report(other.id, &new, Actor::SYSTEM).await.unwrap();
    assert_eq!(s.report_sections(theirs.id).await.unwrap()[0].key, "summary");
    let county = org(s, OrgKind::WellbeingCounty, "Pohjois-Savo").await;
    assert_eq!(s.report_structure(county.id).await.unwrap(), ReportStructure::thl(OrgKind::WellbeingCounty));
    let regional = s.create_report(county.id, &new, Actor::SYSTEM).await.unwrap();
    let keys: Vec<_> = s.report_sections(regional.id).await.unwrap().into_iter().map(|x| x.key).collect();
    assert!(keys.contains(&"municipalities".into()), "a county starts from THL's regional structure");

    // Back to THL's.
    let reset = s.set_report_structure(o.id, again.version, None, Actor::SYSTEM).await.unwrap();
    assert_eq!(reset, ReportStructure::thl(OrgKind::Municipality));
    assert_eq!(s.report_structure(o.id).await.unwrap(), ReportStructure::thl(OrgKind::Municipality));
    let log = s.audit_log(o.id, 50).await.unwrap();
    assert_eq!(log.iter().filter(|e| e.action == "report.structure_update").count(), 4);
    assert!(s.audit_log(other.id, 50).await.unwrap().iter().all(|e| e.action != "report.structure_update"));
}

/// An organisation's own indicators are private: another organisation's report sections and plan
/// targets refuse them (and unknown ids) before writing anything; national and own ones are kept.
async fn reports_and_plans_use_only_national_or_own_indicators(s: &dyn Store) {
    use hyte_domain::reports::{GoalForm, NewReport, PriorityInput, SectionEdit};
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let other = org(s, OrgKind::Municipality, "Oulu").await;
    let (national, mine, theirs) = national_and_own_indicators(s, o.id, other.id).await;
    let new = NewReport::parse("term", "2025–2029", "", &["fi"], "Hyvinvointikertomus", None).unwrap();
    let r = s.create_report(o.id, &new, Actor::SYSTEM).await.unwrap();
    let audit_before = s.audit_log(o.id, 500).await.unwrap().len();

    // Report sections.
    let before = s.report_sections(r.id).await.unwrap();
    let first = &before[0];
    let edit = |ids: &str| SectionEdit::parse(("Tiivistelmä", "", ""), "Teksti.", "", ids).unwrap();
    for ids in [format!("{national}, {theirs}"), format!("{theirs}"), "999999".to_string()] {
        let e = s.update_section(r.id, first.id, first.version, &edit(&ids), Actor::SYSTEM).await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::IndicatorInvalid, "section with {ids}");
    }
    assert_eq!(s.report_sections(r.id).await.unwrap(), before, "a refused section writes nothing");
    let ok = edit(&format!("{national}, {mine}"));
    let saved = s.update_section(r.id, first.id, first.version, &ok, Actor::SYSTEM).await.unwrap();
    assert_eq!(saved.indicator_ids, vec![national, mine]);

    // Plan goals' indicator targets, added and edited.
    let p = s.add_priority(r.id, &PriorityInput::parse("Terveet elintavat", "").unwrap(), Actor::SYSTEM).await.unwrap();
    let goal = |ind: i64| {
        GoalForm {
            priority_id: p.id.to_string(),
            title: "Tupakointi vähenee".into(),
            indicator_id: ind.to_string(),
            baseline_year: "2024".into(),
            baseline_value: "12".into(),
            target_year: "2029".into(),
            target_value: "8".into(),
        }
        .parse()
        .unwrap()
    };
    let e = s.add_goal(r.id, &goal(theirs), Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::IndicatorInvalid, "a goal on another organisation's indicator");
    assert!(s.plan(r.id).await.unwrap().goals.is_empty(), "a refused goal writes nothing");
    let g = s.add_goal(r.id, &goal(mine), Actor::SYSTEM).await.unwrap();
    s.add_goal(r.id, &goal(national), Actor::SYSTEM).await.unwrap();
    let plan = s.plan(r.id).await.unwrap();
    let e = s.update_goal(r.id, g.id, g.version, &goal(theirs), Actor::SYSTEM).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::IndicatorInvalid, "a goal edited onto another organisation's indicator");
    assert_eq!(s.plan(r.id).await.unwrap(), plan, "a refused edit writes nothing");
    let audited = s.audit_log(o.id, 500).await.unwrap().len();
    assert_eq!(audited, audit_before + 4, "only the accepted writes are audited");
}

/// Parallel writers with the same version on a plan measure and a priority (updates and deletes):
/// exactly one wins each race; the others get `edit_conflict` (or `not_found` once it is gone).
async fn concurrent_plan_edits_conflict(s: &dyn Store) {
    use hyte_domain::reports::{MeasureForm, NewReport, PriorityInput};
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let new = NewReport::parse("term", "2025–2029", "", &["fi"], "Hyvinvointikertomus", None).unwrap();
    let r = s.create_report(o.id, &new, Actor::SYSTEM).await.unwrap();
    let form = MeasureForm { title: "Savuton koulu".into(), ..Default::default() };
    let m = s.add_measure(r.id, &form.parse().unwrap(), &[], Actor::SYSTEM).await.unwrap();
    let (r_id, m_id, version) = (r.id, m.id, m.version);
    let results = race(WRITERS, |i| {
        let f = MeasureForm { title: format!("Savuton koulu {i}"), ..form.clone() };
        async move { s.update_measure(r_id, m_id, version, &f.parse().unwrap(), &[], Actor::SYSTEM).await }
    })
    .await;
    one_wins("measure", &results);
    let version = version + 1;
    let results = race(WRITERS, |_| async move { s.delete_measure(r_id, m_id, version, Actor::SYSTEM).await }).await;
    one_deletes("measure", &results);

    let p = s.add_priority(r_id, &PriorityInput::parse("Elintavat", "").unwrap(), Actor::SYSTEM).await.unwrap();
    let (p_id, version) = (p.id, p.version);
    let results = race(WRITERS, |i| {
        let input = PriorityInput::parse(&format!("Elintavat {i}"), "").unwrap();
        async move { s.update_priority(r_id, p_id, version, &input, Actor::SYSTEM).await }
    })
    .await;
    one_wins("priority", &results);
    let version = version + 1;
    let results = race(WRITERS, |_| async move { s.delete_priority(r_id, p_id, version, Actor::SYSTEM).await }).await;
    one_deletes("priority", &results);
    let plan = s.plan(r_id).await.unwrap();
    assert!(plan.priorities.is_empty() && plan.measures.is_empty());
}

/// Measures naming a sector race its deletion: each side gets a rule (`sector_in_use`,
/// `sector_invalid`), never a database error, and no measure is left naming a deleted sector.
async fn a_sector_deleted_while_measures_name_it_never_breaks(s: &dyn Store) {
    use hyte_domain::reports::{MeasureForm, NewReport};
    use hyte_domain::SectorInput;
    let o = org(s, OrgKind::Municipality, "Kuopio").await;
    let new = NewReport::parse("term", "2025–2029", "", &["fi"], "Hyvinvointikertomus", None).unwrap();
    let r = s.create_report(o.id, &new, Actor::SYSTEM).await.unwrap();
    for round in 0..4 {
        let sector = SectorInput::parse(&format!("Väliaikainen {round}"), "", "").unwrap();
        let sector = s.create_sector(o.id, &sector, Actor::SYSTEM).await.unwrap();
        let form =
            MeasureForm { title: "Savuton koulu".into(), sector_id: sector.id.to_string(), ..Default::default() };
        let input = form.parse().unwrap();
        let results = race(WRITERS, |i| {
            let input = input.clone();
            async move {
                if i == round {
                    s.delete_sector(o.id, sector.id, sector.version, Actor::SYSTEM).await.map(|_| ())
                } else if i == WRITERS - 1 {
                    // A duty's owners name it too (the responsibility matrix's version moves on).
                    let owners = hyte_domain::cooperation::DutyOwners { lead: Some(sector.id), parts: vec![] };
                    let v = s.responsibility(o.id).await?.version;
                    s.set_duty_owners(o.id, v, "monitor", &owners, Actor::SYSTEM).await
                } else {
                    s.add_measure(r.id, &input, &[], Actor::SYSTEM).await.map(|_| ())
                }
            }
        })
        .await;
        for e in results.iter().filter_map(|x| x.as_ref().err()) {
            let code = e.code();
            assert!(
                matches!(code, ErrorCode::SectorInUse | ErrorCode::SectorInvalid | ErrorCode::EditConflict),
                "a rule, not {e:?}"
            );
        }
        let deleted = results[round].is_ok();
        let duty = s.duty_owners(o.id).await.unwrap().get("monitor").is_some_and(|d| d.lead == Some(sector.id));
        let named =
            s.plan(r.id).await.unwrap().measures.iter().filter(|m| m.input.sector_id == Some(sector.id)).count()
                + usize::from(duty);
        assert_eq!(deleted, named == 0, "deleted: {deleted}, measures naming it: {named}");
        assert_eq!(s.list_sectors(o.id).await.unwrap().iter().any(|x| x.id == sector.id), !deleted);
    }
}
