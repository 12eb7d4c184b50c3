//! THL Sotkanet REST API 1.1 shapes: `/indicators`, `/indicators/{id}`, `/regions`,
//! `/json?indicator=…` (current and 2015 formats) and `/csv?…`.

use crate::ImportError;
use hyte_domain::knowledge::indicator::plain_text;
use hyte_domain::knowledge::stats::Polarity;
use hyte_domain::{IndicatorTexts, Names, Sex, ValueType};
use hyte_store::{ExternalRegion, NewIndicator};
use serde_json::Value;

pub const SOURCE: &str = "sotkanet";

fn text(v: &Value, lang: &str) -> Option<String> {
    v.get(lang).and_then(Value::as_str).map(str::to_string).filter(|s| !s.trim().is_empty())
}

fn names(v: Option<&Value>, html: bool) -> Option<Names> {
    let v = v?;
    let clean = |s: String| {
        if html {
            plain_text(&s)
        } else {
            s.trim().to_string()
        }
    };
    let fi = text(v, "fi").map(clean)?;
    Some(Names::new(fi, text(v, "sv").map(clean), text(v, "en").map(clean)))
}

fn parse_json(file: &str, bytes: &[u8]) -> Result<Vec<Value>, ImportError> {
    let v: Value = serde_json::from_slice(bytes)
        .map_err(|e| ImportError::new(file, e.line(), "-", format!("not valid JSON: {e}")))?;
    match v {
        Value::Array(items) => Ok(items),
        Value::Object(_) => Ok(vec![v]),
        _ => Err(ImportError::new(file, 1, "-", "expected a JSON array or object")),
    }
}

/// Attribution for Sotkanet data, naming the producer.
pub fn attribution(producer: Option<&str>) -> String {
    match producer {
        Some(p) => format!("Lähde: THL, Sotkanet.fi; {p}"),
        None => "Lähde: THL, Sotkanet.fi".into(),
    }
}

/// Parses the indicator list (`/indicators`) or full metadata (`/indicators/{id}`, one object
/// or an array of them). Full metadata is recognised by `primaryValueType`.
pub fn indicators(file: &str, bytes: &[u8]) -> Result<Vec<NewIndicator>, ImportError> {
    parse_json(file, bytes)?
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let line = i + 1;
            let id = match v.get("id") {
                Some(Value::Number(n)) => n.to_string(),
                Some(Value::String(s)) if !s.is_empty() => s.clone(),
                _ => return Err(ImportError::new(file, line, "id", "missing indicator id")),
            };
            let title = names(v.get("title"), false)
                .ok_or_else(|| ImportError::new(file, line, "title", "missing Finnish title"))?;
            let producer = v.get("organization").and_then(|o| o.get("title")).and_then(|t| text(t, "fi"));
            let complete = v.get("primaryValueType").is_some();
            let value_type = match v.get("primaryValueType").and_then(|p| p.get("code")).and_then(Value::as_str) {
                Some(code) => ValueType::from_sotkanet(code),
                None => ValueType::guess_from_title(&title.fi),
            };
            let default_decimals = if matches!(value_type, ValueType::Count | ValueType::Other) { 0 } else { 1 };
            let decimals = v.get("decimals").and_then(Value::as_i64).unwrap_or(default_decimals).clamp(0, 6) as i32;
            let themes = v
                .get("subjects")
                .and_then(Value::as_array)
                .map(|s| s.iter().filter_map(|x| text(x, "fi")).collect())
                .unwrap_or_default();
            Ok(NewIndicator {
                source: SOURCE.into(),
                source_id: id,
                org_id: None,
                texts: IndicatorTexts {
                    description: names(v.get("description"), true),
                    interpretation: names(v.get("interpretation"), true),
                    limits: names(v.get("limits"), true),
                },
                value_type,
                decimals,
                polarity: Polarity::NoDirection,
                attribution: attribution(producer.as_deref()),
                producer,
                themes,
                data_updated: v.get("data-updated").and_then(Value::as_str).map(str::to_string),
                complete,
                title,
            })
        })
        .collect()
}

/// The Hyte area (kind, code) of a Sotkanet region category and code, where Hyte has it.
pub fn region_area(category: &str, code: &str) -> Option<(String, String)> {
    let pad = |n: usize| format!("{:0>n$}", code.trim(), n = n);
    match category {
        "KUNTA" => Some(("municipality".into(), pad(3))),
        "MAAKUNTA" => Some(("region".into(), pad(2))),
        "HYVINVOINTIALUE" => Some(("wellbeing_county".into(), pad(2))),
        "MAA" => Some(("country".into(), "FI".into())),
        _ => None,
    }
}

/// Parses `/regions`: `{id, code, category, title, memberOf, uri}`.
pub fn regions(file: &str, bytes: &[u8]) -> Result<Vec<ExternalRegion>, ImportError> {
    parse_json(file, bytes)?
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let id = v
                .get("id")
                .map(|x| x.to_string().trim_matches('"').to_string())
                .filter(|s| !s.is_empty() && s != "null");
            let id = id.ok_or_else(|| ImportError::new(file, i + 1, "id", "missing region id"))?;
            let category = v
                .get("category")
                .and_then(Value::as_str)
                .ok_or_else(|| ImportError::new(file, i + 1, "category", "missing"))?;
            let code = v.get("code").and_then(Value::as_str).unwrap_or("");
            Ok(ExternalRegion { external_id: id, category: category.into(), area: region_area(category, code) })
        })
        .collect()
}

/// The wellbeing services counties' Sotkanet ids (rOpenGov's `sotkanet_hyvinvointialueet.csv`:
/// `nimi,uusi_id,vanha_id,uusi_code,vanha_code`). Both the current and the older ids are mapped.
pub fn county_ids(file: &str, text: &str) -> Result<Vec<ExternalRegion>, ImportError> {
    let mut out = vec![];
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| ImportError::new(file, i + 2, "-", e.to_string()))?;
        let code = rec.get(3).unwrap_or("").trim();
        if code.is_empty() {
            return Err(ImportError::new(file, i + 2, "uusi_code", "missing county code"));
        }
        for id in [rec.get(1), rec.get(2)].into_iter().flatten().map(str::trim).filter(|s| !s.is_empty()) {
            out.push(ExternalRegion {
                external_id: id.into(),
                category: "HYVINVOINTIALUE".into(),
                area: region_area("HYVINVOINTIALUE", code),
            });
        }
    }
    Ok(out)
}

/// One data row, as in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct DataRow {
    pub line: usize,
    pub indicator: String,
    pub region: String,
    pub year: i32,
    pub sex: Sex,
    pub value: Option<f64>,
    pub absolute: Option<f64>,
}

fn parse_year(file: &str, line: usize, s: &str) -> Result<i32, ImportError> {
    s.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
        .ok_or_else(|| ImportError::new(file, line, "year", format!("not a year: {s:?}")))
}

fn parse_sex(file: &str, line: usize, s: &str) -> Result<Sex, ImportError> {
    Sex::parse(s.trim())
        .ok_or_else(|| ImportError::new(file, line, "gender", format!("expected total, male or female, got {s:?}")))
}

fn json_scalar(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// Parses `/json` data: `[{indicator, region, year, gender, value, absValue}]`, or the 2015
/// format with string values and `primary value` / `absolute value` keys.
pub fn data_json(file: &str, bytes: &[u8]) -> Result<Vec<DataRow>, ImportError> {
    parse_json(file, bytes)?
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let line = i + 1;
            let field = |names: &[&str]| names.iter().find_map(|n| json_scalar(v.get(*n)));
            let indicator =
                field(&["indicator"]).ok_or_else(|| ImportError::new(file, line, "indicator", "missing"))?;
            let region = field(&["region"]).ok_or_else(|| ImportError::new(file, line, "region", "missing"))?;
            let year = parse_year(file, line, &field(&["year"]).unwrap_or_default())?;
            let sex = parse_sex(file, line, &field(&["gender"]).unwrap_or_default())?;
            let value =
                crate::csvutil::number(file, line, "value", &field(&["value", "primary value"]).unwrap_or_default())?;
            let absolute = crate::csvutil::number(
                file,
                line,
                "absValue",
                &field(&["absValue", "absolute value"]).unwrap_or_default(),
            )?;
            Ok(DataRow { line, indicator, region, year, sex, value, absolute })
        })
        .collect()
}

/// Parses `/csv` data (`indicator;region;year;gender;primary value;absolute value`), or the
/// table layout of the rOpenGov `sotkanet` R package (comma-separated, `primary.value`).
pub fn data_csv(file: &str, text: &str) -> Result<Vec<DataRow>, ImportError> {
    csv_rows(file, text)?.collect()
}

/// The rows of a Sotkanet CSV file, parsed one at a time (for files too large to hold).
pub fn csv_rows<'a>(
    file: &'a str,
    text: &'a str,
) -> Result<impl Iterator<Item = Result<DataRow, ImportError>> + Send + 'a, ImportError> {
    let (rdr, headers) = crate::csvutil::reader(file, text)?;
    let col = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let need = |names: &[&str], label: &str| {
        col(names).ok_or_else(|| ImportError::new(file, 1, label, format!("missing column {label}")))
    };
    let (ci, cr, cy, cg) = (
        need(&["indicator"], "indicator")?,
        need(&["region"], "region")?,
        need(&["year"], "year")?,
        need(&["gender"], "gender")?,
    );
    let cv = need(&["primary value", "primary.value", "value"], "primary value")?;
    let ca = col(&["absolute value", "absolute.value", "absvalue"]);
    Ok(rdr.into_records().enumerate().map(move |(i, rec)| {
        let line = i + 2;
        let rec = rec.map_err(|e| ImportError::new(file, line, "-", format!("malformed row: {e}")))?;
        let get = |c: usize| rec.get(c).unwrap_or("");
        let indicator = get(ci).trim().to_string();
        if indicator.is_empty() {
            return Err(ImportError::new(file, line, "indicator", "missing"));
        }
        let region = get(cr).trim().to_string();
        if region.is_empty() {
            return Err(ImportError::new(file, line, "region", "missing"));
        }
        Ok(DataRow {
            line,
            indicator,
            region,
            year: parse_year(file, line, get(cy))?,
            sex: parse_sex(file, line, get(cg))?,
            value: crate::csvutil::number(file, line, "primary value", get(cv))?,
            absolute: match ca {
                Some(c) => crate::csvutil::number(file, line, "absolute value", get(c))?,
                None => None,
            },
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_json_formats() {
        let new = br#"[{"indicator":171,"region":46,"year":2023,"gender":"total","value":8.6,"absValue":57877},
                       {"indicator":171,"region":20,"year":2023,"gender":"female"}]"#;
        let rows = data_json("a.json", new).unwrap();
        assert_eq!(
            rows[0],
            DataRow {
                line: 1,
                indicator: "171".into(),
                region: "46".into(),
                year: 2023,
                sex: Sex::Total,
                value: Some(8.6),
                absolute: Some(57877.0)
            }
        );
        assert_eq!((rows[1].value, rows[1].sex), (None, Sex::Female));
        let old = br#"[{"region":"69","indicator":"127","primary value":"2406","gender":"total","year":"2009"}]"#;
        let rows = data_json("b.json", old).unwrap();
        assert_eq!((rows[0].region.as_str(), rows[0].value, rows[0].year), ("69", Some(2406.0), 2009));
    }

    #[test]
    fn errors_name_the_line_and_field() {
        let bad = br#"[{"indicator":1,"region":2,"year":2020,"gender":"total","value":1},
                       {"indicator":1,"region":2,"year":2020,"gender":"both","value":1}]"#;
        let e = data_json("x.json", bad).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (2, "gender"));
        let e = data_csv(
            "x.csv",
            "indicator;region;year;gender;primary value;absolute value\n1;2;2020;total;1;\n1;2;20x0;total;1;\n",
        )
        .unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (3, "year"));
        assert_eq!(e.to_string(), "x.csv, line 3, field year: not a year: \"20x0\"");
        let e = data_csv("x.csv", "indicator;region;year;gender;primary value\n1;2;2020;total;abc\n").unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (2, "primary value"));
        let e = data_csv("x.csv", "indicator;region;year\n").unwrap_err();
        assert_eq!(e.field, "gender");
        assert!(data_json("x.json", b"{nope").unwrap_err().message.contains("not valid JSON"));
    }

    #[test]
    fn csv_formats() {
        let rows = data_csv("a.csv", "indicator;region;year;gender;primary value;absolute value\r\n127;69;2009;total;2406;\r\n5;2;2019;male;6,5;279\r\n").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[0].absolute, rows[1].value, rows[1].absolute, rows[1].sex),
            (None, Some(6.5), Some(279.0), Sex::Male)
        );
        let t = "indicator,region,year,gender,primary.value,absolute.value,indicator.title.fi\n5,2,2019,total,6.5,279,\"Toimeentulotuki, %\"\n";
        assert_eq!(data_csv("b.csv", t).unwrap()[0].absolute, Some(279.0));
    }

    #[test]
    fn regions_map_to_areas() {
        assert_eq!(region_area("KUNTA", "91"), Some(("municipality".into(), "091".into())));
        assert_eq!(region_area("MAA", "358"), Some(("country".into(), "FI".into())));
        assert_eq!(region_area("SEUTUKUNTA", "011"), None);
        let r = regions(
            "r.json",
            br#"[{"id":46,"code":"091","category":"KUNTA","title":{"fi":"Helsinki"},"memberOf":[658]}]"#,
        )
        .unwrap();
        assert_eq!(r[0].external_id, "46");
        assert_eq!(
            county_ids("c.csv", "nimi,uusi_id,vanha_id,uusi_code,vanha_code\nX,957,877,11,7\n").unwrap().len(),
            2
        );
    }

    #[test]
    fn metadata_is_complete_and_lists_are_not() {
        let list = r#"[{"id":4,"title":{"fi":"Hoitoa saaneet / 1 000 vastaavanikäistä","sv":"x","en":"y"},"organization":{"id":2,"title":{"fi":"THL"}}}]"#;
        let i = &indicators("l.json", list.as_bytes()).unwrap()[0];
        assert!(!i.complete);
        assert_eq!((i.value_type, i.attribution.as_str()), (ValueType::Per1000, "Lähde: THL, Sotkanet.fi; THL"));
        let meta = br#"{"id":186,"data-updated":"2025-04-29","title":{"fi":"Kuolleisuus"},"description":{"fi":"A.<br>B"},
                        "primaryValueType":{"code":"PER100000"},"decimals":1,"subjects":[{"fi":"kuolleisuus"}],"organization":{"title":{"fi":"Tilastokeskus"}}}"#;
        let i = &indicators("m.json", meta).unwrap()[0];
        assert!(i.complete);
        assert_eq!(i.texts.description.as_ref().unwrap().fi, "A.\nB");
        assert_eq!((i.value_type, i.themes.clone()), (ValueType::Per100000, vec!["kuolleisuus".to_string()]));
        assert_eq!(indicators("e.json", br#"[{"title":{"fi":"x"}}]"#).unwrap_err().field, "id");
    }
}
