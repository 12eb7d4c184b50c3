//! Hyte's template for an organisation's own data (e.g. a local survey), kept apart from
//! national data (`source = own`, owned by the organisation). Columns, `;` or `,` separated:
//!
//! `indicator_code;indicator_title_fi;value_type;area_kind;area_code;year;sex;age_band;value;numerator;denominator`
//!
//! `value_type` is `percent`, `per1000`, `per10000`, `per100000`, `count`, `index` or `other`;
//! `sex` is `total`, `male` or `female`; `age_band` may be empty (all ages); `numerator` and
//! `denominator` may be empty. See docs/import.md.

use crate::apply::{dedupe, observation, ImportFailure};
use crate::{xlsx, ImportError, Report};
use hyte_domain::knowledge::stats::Polarity;
use hyte_domain::{IndicatorTexts, Names, Sex, ValueType};
use hyte_store::{NewIndicator, Store};
use std::collections::{BTreeMap, HashMap};

pub const SOURCE: &str = "own";
pub const COLUMNS: [&str; 11] = [
    "indicator_code",
    "indicator_title_fi",
    "value_type",
    "area_kind",
    "area_code",
    "year",
    "sex",
    "age_band",
    "value",
    "numerator",
    "denominator",
];

#[derive(Debug, Clone, PartialEq)]
pub struct OwnRow {
    pub line: usize,
    pub indicator_code: String,
    pub title_fi: String,
    pub value_type: ValueType,
    pub area: (String, String),
    pub year: i32,
    pub sex: Sex,
    pub age_band: String,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
}

pub fn parse(file: &str, text: &str) -> Result<Vec<OwnRow>, ImportError> {
    let (mut rdr, headers) = crate::csvutil::reader(file, text)?;
    let idx = columns(file, &headers)?;
    let mut out = vec![];
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| ImportError::new(file, line, "-", format!("malformed row: {e}")))?;
        out.push(row(file, line, &idx, &rec.iter().collect::<Vec<_>>())?);
    }
    Ok(out)
}

/// Where each template column is among `headers` (lower-cased, trimmed).
fn columns(file: &str, headers: &[String]) -> Result<HashMap<&'static str, usize>, ImportError> {
    let mut idx = HashMap::new();
    for c in COLUMNS {
        let i = headers
            .iter()
            .position(|h| h == c)
            .ok_or_else(|| ImportError::new(file, 1, c, format!("missing column {c}")))?;
        idx.insert(c, i);
    }
    Ok(idx)
}

/// The longest text a cell may hold (an indicator's title is the longest field).
pub const CELL_MAX: usize = 300;

/// One row of the template, checked.
fn row(file: &str, line: usize, idx: &HashMap<&'static str, usize>, rec: &[&str]) -> Result<OwnRow, ImportError> {
    let too_long = |c: &&&str| idx.get(**c).and_then(|&i| rec.get(i)).is_some_and(|v| v.chars().count() > CELL_MAX);
    if let Some(c) = COLUMNS.iter().find(too_long) {
        return Err(ImportError::new(file, line, c, format!("at most {CELL_MAX} characters")));
    }
    let get = |c: &str| idx.get(c).and_then(|&i| rec.get(i)).copied().unwrap_or("").trim().to_string();
    let required = |c: &str| {
        let v = get(c);
        if v.is_empty() {
            Err(ImportError::new(file, line, c, "required"))
        } else {
            Ok(v)
        }
    };
    let code = required("indicator_code")?;
    if code.chars().count() > 60 {
        return Err(ImportError::new(file, line, "indicator_code", "at most 60 characters"));
    }
    let vt = required("value_type")?;
    let value_type = ValueType::parse(&vt)
        .ok_or_else(|| ImportError::new(file, line, "value_type", format!("unknown value type {vt:?}")))?;
    let year = required("year")?;
    let year = year
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
        .ok_or_else(|| ImportError::new(file, line, "year", format!("not a year: {year:?}")))?;
    let sex = get("sex");
    let sex = if sex.is_empty() {
        Sex::Total
    } else {
        Sex::parse(&sex).ok_or_else(|| {
            ImportError::new(file, line, "sex", format!("expected total, male or female, got {sex:?}"))
        })?
    };
    Ok(OwnRow {
        line,
        title_fi: required("indicator_title_fi")?,
        indicator_code: code,
        value_type,
        area: (required("area_kind")?, required("area_code")?),
        year,
        sex,
        age_band: get("age_band"),
        value: crate::csvutil::number(file, line, "value", &get("value"))?,
        numerator: crate::csvutil::number(file, line, "numerator", &get("numerator"))?,
        denominator: crate::csvutil::number(file, line, "denominator", &get("denominator"))?,
    })
}

/// Imports an organisation's own rows: every area is checked before anything is written; the
/// indicators are created or updated from the rows.
pub async fn apply(
    store: &dyn Store,
    org_id: i64,
    org_name: &str,
    file: &str,
    rows: &[OwnRow],
) -> Result<Report, ImportFailure> {
    let areas: HashMap<(String, String), i64> = store
        .list_areas(None)
        .await?
        .into_iter()
        .map(|a| ((a.kind.as_str().to_string(), a.code.clone()), a.id))
        .collect();
    let unknown_area =
        |r: &OwnRow| ImportError::new(file, r.line, "area_code", format!("unknown area {}/{}", r.area.0, r.area.1));
    if let Some(r) = rows.iter().find(|r| !areas.contains_key(&r.area)) {
        return Err(unknown_area(r).into());
    }
    let mut defs: BTreeMap<&str, &OwnRow> = BTreeMap::new();
    for r in rows {
        defs.insert(&r.indicator_code, r);
    }
    let new: Vec<NewIndicator> = defs
        .values()
        .map(|r| NewIndicator {
            source: SOURCE.into(),
            source_id: r.indicator_code.clone(),
            org_id: Some(org_id),
            title: Names::new(r.title_fi.clone(), None, None),
            texts: IndicatorTexts::default(),
            value_type: r.value_type,
            decimals: 1,
            polarity: Polarity::NoDirection,
            producer: Some(org_name.to_string()),
            attribution: format!("Lähde: {org_name}"),
            themes: vec![],
            data_updated: None,
            complete: true,
        })
        .collect();
    store.upsert_indicators(&new).await?;
    let ids = store.indicator_ids(SOURCE, Some(org_id)).await?;
    let mut report = Report::default();
    let mut obs = Vec::with_capacity(rows.len());
    for r in rows {
        let area = *areas.get(&r.area).ok_or_else(|| unknown_area(r))?;
        let (id, vt) = *ids.get(&r.indicator_code).ok_or_else(|| {
            ImportError::new(file, r.line, "indicator_code", format!("unknown indicator {}", r.indicator_code))
        })?;
        obs.push(observation(
            (id, vt, area),
            (r.year, r.sex, r.age_band.clone()),
            (r.value, r.numerator, r.denominator),
            &mut report,
        ));
    }
    let obs = dedupe(obs, &mut report);
    report.written = store.import_observations(&obs).await?;
    Ok(report)
}

/// The same template as an Excel workbook (`.xlsx`): the first sheet, first row the headers,
/// read row by row within the default [`xlsx::Limits`]. Empty rows are skipped; line numbers
/// in errors are the sheet's row numbers.
pub fn parse_xlsx(file: &str, bytes: &[u8]) -> Result<Vec<OwnRow>, ImportError> {
    parse_xlsx_within(file, bytes, &xlsx::Limits::default())
}

/// [`parse_xlsx`] within the given limits.
pub fn parse_xlsx_within(file: &str, bytes: &[u8], limits: &xlsx::Limits) -> Result<Vec<OwnRow>, ImportError> {
    let mut idx: Option<HashMap<&'static str, usize>> = None;
    let mut out = vec![];
    xlsx::rows(file, bytes, limits, |line, cells| {
        if let Some(idx) = &idx {
            out.push(row(file, line, idx, &cells.iter().map(String::as_str).collect::<Vec<_>>())?);
            return Ok(());
        }
        let headers: Vec<String> = cells.iter().map(|h| h.trim().to_lowercase()).collect();
        idx = Some(columns(file, &headers)?);
        Ok(())
    })?;
    if idx.is_none() {
        return Err(ImportError::new(file, 1, "indicator_code", "missing column indicator_code"));
    }
    Ok(out)
}

/// Reads the template from CSV or XLSX (by content).
pub fn parse_any(file: &str, bytes: &[u8]) -> Result<Vec<OwnRow>, ImportError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return parse_xlsx(file, bytes);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::new(file, 1, "-", "the file is not UTF-8 text"))?;
    parse(file, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "indicator_code;indicator_title_fi;value_type;area_kind;area_code;year;sex;age_band;value;numerator;denominator\n";

    #[test]
    fn parses_the_template() {
        let rows = parse(
            "own.csv",
            &format!("{HEAD}liikunta;Liikkuu riittävästi, %;percent;municipality;297;2024;female;13-15;54,2;271;500\n"),
        )
        .unwrap();
        assert_eq!(rows[0].area, ("municipality".to_string(), "297".to_string()));
        assert_eq!((rows[0].value, rows[0].sex, rows[0].age_band.as_str()), (Some(54.2), Sex::Female, "13-15"));
    }

    #[test]
    fn xlsx_template_reads_like_csv() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in COLUMNS.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        let row = ["liikunta", "Liikkuu riittävästi; %", "percent", "municipality", "297"];
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(1, c as u16, *v).unwrap();
        }
        sheet.write_number(1, 5, 2025.0).unwrap();
        sheet.write_string(1, 6, "female").unwrap();
        sheet.write_number(1, 8, 54.2).unwrap();
        sheet.write_number(1, 9, 271.0).unwrap();
        sheet.write_number(1, 10, 500.0).unwrap();
        sheet.write_string(2, 0, "liikunta").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let e = parse_any("kysely.xlsx", &bytes).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (3, "value_type"), "row 3 has only the code");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in COLUMNS.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(1, c as u16, *v).unwrap();
        }
        sheet.write_number(1, 5, 2025.0).unwrap();
        sheet.write_number(1, 8, 54.2).unwrap();
        let rows = parse_any("kysely.xlsx", &book.save_to_buffer().unwrap()).unwrap();
        assert_eq!(
            (rows[0].year, rows[0].value, rows[0].title_fi.as_str()),
            (2025, Some(54.2), "Liikkuu riittävästi; %")
        );
        assert!(parse_any("x.xlsx", b"PK\x03\x04broken").unwrap_err().message.contains("not an XLSX"));
    }

    #[test]
    fn errors_name_line_and_field() {
        let e = parse(
            "own.csv",
            &format!("{HEAD}a;A;percent;municipality;297;2024;;;1;;\na;A;percentage;municipality;297;2024;;;1;;\n"),
        )
        .unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (3, "value_type"));
        let e = parse("own.csv", "indicator_code;value\n").unwrap_err();
        assert_eq!(e.field, "indicator_title_fi");
        let long = format!("{HEAD}K1;{};rate;municipality;297;2024;;;1;;\n", "x".repeat(CELL_MAX + 1));
        let e = parse("own.csv", &long).unwrap_err();
        assert_eq!((e.field.as_str(), e.message.as_str()), ("indicator_title_fi", "at most 300 characters"));
    }
}
