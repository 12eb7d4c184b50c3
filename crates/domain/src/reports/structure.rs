//! An organisation's default section structure for its new reports: THL's example structure for
//! its kind ([`ExampleStructure`]) until the organisation edits it.

use super::{default_section, ExampleStructure, SectionKind, TEXT_MAX};
use crate::error::{optional_text, required_text, ErrorCode, FieldErrors};
use crate::Names;
use serde::{Deserialize, Serialize};

/// One section of a default structure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StructureSection {
    /// A default section's key, or `custom`.
    pub key: String,
    pub kind: SectionKind,
    pub title: Names,
}

/// The sections new reports start with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportStructure {
    pub sections: Vec<StructureSection>,
    /// Optimistic concurrency; 0 while the organisation uses THL's example structure unedited.
    pub version: i64,
}

impl ReportStructure {
    /// THL's example structure for an organisation of `kind`: municipal or regional.
    pub fn thl(kind: crate::OrgKind) -> ReportStructure {
        ReportStructure {
            sections: ExampleStructure::of(kind)
                .sections()
                .iter()
                .map(|s| StructureSection {
                    key: s.key.to_string(),
                    kind: s.kind,
                    title: Names::new(s.fi, Some(s.sv.into()), Some(s.en.into())),
                })
                .collect(),
            version: 0,
        }
    }

    pub fn is_default(&self) -> bool {
        self.version == 0
    }
}

/// One row of the structure form, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StructureRow {
    pub key: String,
    pub kind: String,
    pub title_fi: String,
    pub title_sv: String,
    pub position: String,
    pub remove: bool,
}

impl StructureRow {
    pub fn of(position: usize, s: &StructureSection) -> StructureRow {
        StructureRow {
            key: s.key.clone(),
            kind: s.kind.as_str().to_string(),
            title_fi: s.title.fi.clone(),
            title_sv: s.title.sv.clone().unwrap_or_default(),
            position: position.to_string(),
            remove: false,
        }
    }

    /// A row with nothing typed in it (the form's row for a new section).
    pub fn is_blank(&self) -> bool {
        self.key == "custom" && self.title_fi.trim().is_empty() && self.title_sv.trim().is_empty()
    }
}

/// Parses the structure form: rows marked `remove` and the blank new row are left out, the
/// rest are ordered by their position (ties keep the form's order). The plan section stays
/// (exactly one; it cannot be removed or change kind); other sections are text or indicators.
/// Errors are per row, in the form's order.
pub fn parse_structure(rows: &[StructureRow]) -> Result<Vec<StructureSection>, Vec<FieldErrors>> {
    // A form without a single section (an empty post) would leave only the plan: refused.
    if rows.iter().all(StructureRow::is_blank) {
        return Err(vec![ErrorCode::Required.on("title_fi")]);
    }
    let mut all_errs = vec![];
    let mut out: Vec<(i64, usize, StructureSection)> = vec![];
    let mut has_plan = false;
    for (i, r) in rows.iter().enumerate() {
        let mut errs = FieldErrors::default();
        let default = default_section(&r.key);
        let is_plan = r.key == "plan" && !has_plan;
        if (r.remove && !is_plan) || r.is_blank() {
            all_errs.push(errs);
            continue;
        }
        let fi = errs.check("title_fi", required_text(&r.title_fi, TEXT_MAX));
        let sv = errs.check("title_sv", optional_text(&r.title_sv, TEXT_MAX));
        let kind = if is_plan {
            Some(SectionKind::Plan)
        } else {
            errs.check(
                "kind",
                SectionKind::parse(&r.kind)
                    .filter(|k| SectionKind::CHOOSABLE.contains(k))
                    .ok_or(ErrorCode::InvalidInput),
            )
        };
        let position = errs.check(
            "position",
            match r.position.trim() {
                "" => Ok((i + 1) as i64),
                p => p.parse::<i64>().map_err(|_| ErrorCode::NumberInvalid),
            },
        );
        if let (Some(fi), Some(sv), Some(kind), Some(position)) = (fi, sv, kind, position) {
            // The English title of a default section stays while its Finnish title is THL's.
            let en = default.filter(|d| d.fi == fi).map(|d| d.en.to_string());
            let key = if default.is_some() && (kind == SectionKind::Plan || r.key != "plan") {
                r.key.clone()
            } else {
                "custom".to_string()
            };
            has_plan |= kind == SectionKind::Plan;
            out.push((position, i, StructureSection { key, kind, title: Names::new(fi, sv, en) }));
        }
        all_errs.push(errs);
    }
    if all_errs.iter().any(|e| !e.is_empty()) {
        return Err(all_errs);
    }
    if !has_plan {
        let plan = ReportStructure::thl(crate::OrgKind::Municipality)
            .sections
            .into_iter()
            .find(|s| s.kind == SectionKind::Plan);
        out.extend(plan.map(|p| (i64::MAX, usize::MAX, p)));
    }
    out.sort_by_key(|(p, i, _)| (*p, *i));
    Ok(out.into_iter().map(|(_, _, s)| s).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OrgKind;

    #[test]
    fn counties_start_from_the_regional_structure_and_municipalities_evaluate_the_last_term() {
        let keys = |k| ReportStructure::thl(k).sections.into_iter().map(|s| s.key).collect::<Vec<_>>();
        let county = keys(OrgKind::WellbeingCounty);
        assert!(county.contains(&"municipalities".to_string()) && county.contains(&"to_state".to_string()));
        assert_eq!(keys(OrgKind::Helsinki), county);
        let municipal = keys(OrgKind::Municipality);
        assert!(municipal.contains(&"previous_term".to_string()) && !municipal.contains(&"to_state".to_string()));
        for kind in [OrgKind::WellbeingCounty, OrgKind::Municipality] {
            let plans = ReportStructure::thl(kind).sections.iter().filter(|s| s.kind == SectionKind::Plan).count();
            assert_eq!(plans, 1, "{kind:?}");
        }
    }

    fn rows() -> Vec<StructureRow> {
        ReportStructure::thl(OrgKind::Municipality)
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| StructureRow::of(i + 1, s))
            .collect()
    }

    #[test]
    fn the_structure_is_reordered_renamed_added_to_and_removed_from() {
        assert_eq!(
            parse_structure(&rows()).unwrap(),
            ReportStructure::thl(OrgKind::Municipality).sections,
            "unchanged"
        );
        let mut r = rows();
        r[0].remove = true; // the summary
        r[6].title_fi = "Yhteenveto".into(); // conclusions, renamed
        r[6].position = "1".into();
        r[7].remove = true; // the plan cannot be removed
        r.push(StructureRow {
            key: "custom".into(),
            kind: "indicators".into(),
            title_fi: "Lapsivaikutukset".into(),
            position: "3".into(),
            ..Default::default()
        });
        r.push(StructureRow { key: "custom".into(), kind: "narrative".into(), ..Default::default() }); // blank
        let s = parse_structure(&r).unwrap();
        let keys: Vec<_> = s.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(
            keys,
            vec![
                "conclusions",
                "background",
                "previous_term",
                "custom",
                "population",
                "inequality",
                "strengths",
                "plan",
                "annexes"
            ]
        );
        assert_eq!((s[0].title.fi.as_str(), s[0].title.en.as_deref()), ("Yhteenveto", None));
        assert_eq!(
            (s[3].kind, s[1].title.en.as_deref()),
            (SectionKind::Indicators, Some("Background, purpose and goals"))
        );
    }

    #[test]
    fn rows_are_checked_one_by_one() {
        let mut r = rows();
        r[1].title_fi = " ".into();
        r[2].kind = "plan".into(); // only the plan section is the plan
        r[3].position = "x".into();
        let e = parse_structure(&r).unwrap_err();
        assert_eq!(e.len(), r.len());
        assert_eq!(e[1].get("title_fi"), Some(ErrorCode::Required));
        assert_eq!(e[2].get("kind"), Some(ErrorCode::InvalidInput));
        assert_eq!(e[3].get("position"), Some(ErrorCode::NumberInvalid));
        assert!(e[0].is_empty());
        assert_eq!(parse_structure(&[]).unwrap_err()[0].get("title_fi"), Some(ErrorCode::Required), "empty post");
        // A form without the plan section still has one.
        let no_plan: Vec<_> = rows().into_iter().filter(|r| r.key != "plan").collect();
        assert_eq!(parse_structure(&no_plan).unwrap().iter().filter(|s| s.kind == SectionKind::Plan).count(), 1);
    }
}
