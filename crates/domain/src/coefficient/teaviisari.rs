//! TEAviisari-style process data: how an organisation's sectors do health promotion, as items
//! scored 0 or 100 (or 0–100) and a sector score 0–100. A row without an item is the sector's
//! own score; without one, the sector's score is the mean of its items.

use crate::codes::codes;
use crate::ErrorCode;

codes! {
    /// A TEAviisari sector (*toimiala*).
    pub enum Sector: "teaviisari-sector-" {
        Leadership = "leadership",
        BasicEducation = "basic_education",
        UpperSecondary = "upper_secondary",
        Vocational = "vocational",
        PhysicalActivity = "physical_activity",
        Culture = "culture",
        PrimaryHealthCare = "primary_health_care",
        CountyLeadership = "county_leadership",
    }
}

/// One result: an area's sector (and item, or the sector's own score when `item` is empty) in a year.
#[derive(Debug, Clone, PartialEq)]
pub struct TeaRow {
    /// The area's official code (a municipality's three digits, a county's two).
    pub area: String,
    pub sector: Sector,
    pub item: String,
    pub year: i32,
    pub score: f64,
}

impl TeaRow {
    /// Parses one row's fields; each error names the field.
    pub fn parse(
        area: &str,
        sector: &str,
        item: &str,
        year: &str,
        score: &str,
    ) -> Result<TeaRow, (&'static str, ErrorCode)> {
        let area = area.trim();
        if area.is_empty() || area.len() > 3 || !area.chars().all(|c| c.is_ascii_digit()) {
            return Err(("area", ErrorCode::InvalidInput));
        }
        let sector = Sector::parse(sector).ok_or(("sector", ErrorCode::InvalidInput))?;
        let item = item.trim();
        if item.chars().count() > 200 {
            return Err(("item", ErrorCode::TooLong));
        }
        let year: i32 =
            year.trim().parse().ok().filter(|y| (2000..=2100).contains(y)).ok_or(("year", ErrorCode::YearInvalid))?;
        let score: f64 = score
            .trim()
            .replace(',', ".")
            .parse()
            .ok()
            .filter(|s: &f64| s.is_finite() && (0.0..=100.0).contains(s))
            .ok_or(("score", ErrorCode::InvalidInput))?;
        Ok(TeaRow { area: area.into(), sector, item: item.into(), year, score })
    }
}

/// A sector's score from its rows of one area and year: its own score if given, else the mean
/// of its items; None without rows.
pub fn sector_score<'a>(rows: impl IntoIterator<Item = &'a TeaRow>) -> Option<f64> {
    let mut items = (0.0, 0usize);
    for r in rows {
        if r.item.is_empty() {
            return Some(r.score);
        }
        items = (items.0 + r.score, items.1 + 1);
    }
    (items.1 > 0).then(|| items.0 / items.1 as f64)
}

/// The sector's score if the items named in `done` were done (scored 100); None without rows. A
/// sector with its own score is not computed from items, so marking items changes nothing.
pub fn sector_score_done(rows: &[TeaRow], done: &[String]) -> Option<f64> {
    let changed: Vec<TeaRow> = rows
        .iter()
        .map(|r| {
            let mut r = r.clone();
            if !r.item.is_empty() && done.contains(&r.item) {
                r.score = 100.0;
            }
            r
        })
        .collect();
    sector_score(&changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(item: &str, score: f64) -> TeaRow {
        TeaRow { area: "297".into(), sector: Sector::Leadership, item: item.into(), year: 2024, score }
    }

    #[test]
    fn a_sector_score_is_its_own_or_the_mean_of_its_items() {
        assert_eq!(sector_score(&[row("a", 100.0), row("b", 0.0), row("c", 50.0)]), Some(50.0));
        assert_eq!(sector_score(&[row("a", 100.0), row("", 72.0)]), Some(72.0));
        assert_eq!(sector_score(&[]), None);
    }

    #[test]
    fn marking_items_done_raises_the_mean_of_items_only() {
        let rows = [row("a", 100.0), row("b", 0.0), row("c", 50.0)];
        assert_eq!(sector_score_done(&rows, &["b".into()]), Some(250.0 / 3.0));
        assert_eq!(sector_score_done(&rows, &["nope".into()]), Some(50.0));
        let with_total = [row("a", 0.0), row("", 40.0)];
        assert_eq!(sector_score_done(&with_total, &["a".into()]), Some(40.0));
    }

    #[test]
    fn rows_parse_or_name_the_bad_field() {
        let ok = TeaRow::parse("297", "leadership", "Hyte-ryhmä", "2024", "100").unwrap();
        assert_eq!((ok.area.as_str(), ok.sector, ok.year, ok.score), ("297", Sector::Leadership, 2024, 100.0));
        assert_eq!(TeaRow::parse("297", "leadership", "", "2024", "66,5").unwrap().score, 66.5);
        assert_eq!(TeaRow::parse("x", "leadership", "", "2024", "1").unwrap_err().0, "area");
        assert_eq!(TeaRow::parse("297", "sports", "", "2024", "1").unwrap_err().0, "sector");
        assert_eq!(TeaRow::parse("297", "culture", "", "1800", "1").unwrap_err().0, "year");
        assert_eq!(TeaRow::parse("297", "culture", "", "2024", "101").unwrap_err().0, "score");
        assert_eq!(TeaRow::parse("297", "culture", "", "2024", "NaN").unwrap_err().0, "score");
    }
}
