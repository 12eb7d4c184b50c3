//! Parses the shipped area files into one [`AreaImport`]:
//! the whole country, wellbeing services counties, regions (maakunnat) and municipalities
//! with their memberships for 2019 and 2023–2026, and populations 2000–2022.

use anyhow::{bail, Context, Result};
use hyte_domain::{Names, PopulationRow, Sex};
use hyte_store::{AreaImport, AreaKindRow, NewArea, NewMembership, NewPopulation};
use std::collections::{BTreeMap, BTreeSet, HashMap};

const MUNICIPALITIES: &str = include_str!("../../../data/areas/kunnat_2019_2026.csv");
const POPULATION: &str = include_str!("../../../data/population/sotkanet_127_vaesto_kunnittain_2000_2022.csv");
const POPULATION_BY_SEX: &str = include_str!("../../../data/population/vaesto_sukupuoli_2019.csv");

pub const COUNTRY: &str = "country";
pub const COUNTY: &str = "wellbeing_county";
pub const REGION: &str = "region";
pub const MUNICIPALITY: &str = "municipality";
/// The whole country's code.
pub const FINLAND: &str = "FI";
/// The population series is recalculated to this year's municipal division.
const POPULATION_DIVISION_YEAR: i32 = 2023;

#[derive(serde::Deserialize)]
struct MunicipalityRow {
    year: i32,
    kunta_code: String,
    name_fi: String,
    name_sv: String,
    name_en: String,
    maakunta_code: String,
    maakunta_name_fi: String,
    maakunta_name_sv: String,
    maakunta_name_en: String,
    hyvinvointialue_code: String,
    hyvinvointialue_name_fi: String,
    hyvinvointialue_name_sv: String,
    hyvinvointialue_name_en: String,
}

#[derive(serde::Deserialize)]
struct PopulationCsv {
    kunta_code: String,
    year: i32,
    population: i64,
}

#[derive(serde::Deserialize)]
struct SexCsv {
    year: i32,
    area: String,
    total: i64,
    male: i64,
    female: i64,
}

fn kinds() -> Vec<AreaKindRow> {
    let k = |code: &str, fi: &str, sv: &str, en: &str, order| AreaKindRow {
        code: code.into(),
        names: Names::new(fi, Some(sv.into()), Some(en.into())),
        sort_order: order,
    };
    vec![
        k(COUNTRY, "Koko maa", "Hela landet", "Whole country", 0),
        k(COUNTY, "Hyvinvointialue", "Välfärdsområde", "Wellbeing services county", 1),
        k(REGION, "Maakunta", "Landskap", "Region", 2),
        k(MUNICIPALITY, "Kunta", "Kommun", "Municipality", 3),
    ]
}

/// Builds areas from rows keyed by (kind, code); the newest year's names win.
#[derive(Default)]
struct AreaBuilder {
    areas: BTreeMap<(String, String), (i32, Names, i32, i32)>,
}

impl AreaBuilder {
    fn see(&mut self, kind: &str, code: &str, year: i32, names: Names) {
        let e = self.areas.entry((kind.into(), code.into())).or_insert((year, names.clone(), year, year));
        if year >= e.0 {
            e.0 = year;
            e.1 = names;
        }
        e.2 = e.2.min(year);
        e.3 = e.3.max(year);
    }
}

type PopMap = BTreeMap<((String, String), i32, &'static str), (i64, bool)>;

/// Adds `v` to a derived sum; a published figure for the same key is left alone.
fn add_sum(pops: &mut PopMap, area: (String, String), year: i32, sex: &'static str, v: i64) {
    let e = pops.entry((area, year, sex)).or_insert((0, true));
    if e.1 {
        e.0 += v;
    }
}

fn names(fi: &str, sv: &str, en: &str) -> Names {
    Names::new(fi.trim(), Some(sv.trim().into()), Some(en.trim().into()))
}

fn key(kind: &str, code: &str) -> (String, String) {
    (kind.to_string(), code.to_string())
}

pub fn load() -> Result<AreaImport> {
    let mut b = AreaBuilder::default();
    let mut memberships = BTreeSet::new();
    let mut years = BTreeSet::new();
    // municipality code -> county code, per year
    let mut county_of: HashMap<(i32, String), String> = HashMap::new();
    let mut region_of: HashMap<(i32, String), String> = HashMap::new();
    let mut rdr = csv::Reader::from_reader(MUNICIPALITIES.as_bytes());
    for (i, row) in rdr.deserialize::<MunicipalityRow>().enumerate() {
        let r = row.with_context(|| format!("kunnat_2019_2026.csv line {}", i + 2))?;
        // Municipalities merged before 2023 (Honkajoki, Valtimo) have no county in the 2019 key.
        let has_county = !r.hyvinvointialue_code.is_empty();
        if r.kunta_code.len() != 3 || r.maakunta_code.len() != 2 || (has_county && r.hyvinvointialue_code.len() != 2) {
            bail!("kunnat_2019_2026.csv line {}: malformed code", i + 2);
        }
        years.insert(r.year);
        b.see(MUNICIPALITY, &r.kunta_code, r.year, names(&r.name_fi, &r.name_sv, &r.name_en));
        b.see(REGION, &r.maakunta_code, r.year, names(&r.maakunta_name_fi, &r.maakunta_name_sv, &r.maakunta_name_en));
        memberships.insert((key(MUNICIPALITY, &r.kunta_code), key(REGION, &r.maakunta_code), r.year));
        memberships.insert((key(REGION, &r.maakunta_code), key(COUNTRY, FINLAND), r.year));
        region_of.insert((r.year, r.kunta_code.clone()), r.maakunta_code.clone());
        if has_county {
            b.see(
                COUNTY,
                &r.hyvinvointialue_code,
                r.year,
                names(&r.hyvinvointialue_name_fi, &r.hyvinvointialue_name_sv, &r.hyvinvointialue_name_en),
            );
            memberships.insert((key(MUNICIPALITY, &r.kunta_code), key(COUNTY, &r.hyvinvointialue_code), r.year));
            memberships.insert((key(COUNTY, &r.hyvinvointialue_code), key(COUNTRY, FINLAND), r.year));
            county_of.insert((r.year, r.kunta_code.clone()), r.hyvinvointialue_code.clone());
        }
    }
    for y in &years {
        b.see(COUNTRY, FINLAND, *y, Names::new("Koko maa", Some("Hela landet".into()), Some("Whole country".into())));
    }

    // Populations: published municipal figures, and sums for the larger areas (marked derived).
    let mut pops = PopMap::new();
    let mut rdr = csv::Reader::from_reader(POPULATION.as_bytes());
    for (i, row) in rdr.deserialize::<PopulationCsv>().enumerate() {
        let r = row.with_context(|| format!("sotkanet_127 population line {}", i + 2))?;
        let code = format!("{:0>3}", r.kunta_code);
        if !b.areas.contains_key(&key(MUNICIPALITY, &code)) {
            bail!("population line {}: unknown municipality {code}", i + 2);
        }
        pops.insert((key(MUNICIPALITY, &code), r.year, "total"), (r.population, false));
        let d = POPULATION_DIVISION_YEAR;
        if let (Some(c), Some(m)) = (county_of.get(&(d, code.clone())), region_of.get(&(d, code.clone()))) {
            add_sum(&mut pops, key(COUNTY, c), r.year, "total", r.population);
            add_sum(&mut pops, key(REGION, m), r.year, "total", r.population);
            add_sum(&mut pops, key(COUNTRY, FINLAND), r.year, "total", r.population);
        }
    }
    let mut rdr = csv::Reader::from_reader(POPULATION_BY_SEX.as_bytes());
    for (i, row) in rdr.deserialize::<SexCsv>().enumerate() {
        let r = row.with_context(|| format!("vaesto_sukupuoli_2019.csv line {}", i + 2))?;
        if r.area == COUNTRY {
            for (sex, v) in [("total", r.total), ("male", r.male), ("female", r.female)] {
                pops.insert((key(COUNTRY, FINLAND), r.year, sex), (v, false));
            }
            continue;
        }
        let area = key(MUNICIPALITY, &r.area);
        if !b.areas.contains_key(&area) {
            bail!("vaesto_sukupuoli_2019.csv line {}: unknown municipality {}", i + 2, r.area);
        }
        for (sex, v) in [("male", r.male), ("female", r.female)] {
            pops.insert((area.clone(), r.year, sex), (v, false));
            if let Some(c) = county_of.get(&(r.year, r.area.clone())) {
                add_sum(&mut pops, key(COUNTY, c), r.year, sex, v);
            }
            if let Some(m) = region_of.get(&(r.year, r.area.clone())) {
                add_sum(&mut pops, key(REGION, m), r.year, sex, v);
            }
        }
    }

    Ok(AreaImport {
        kinds: kinds(),
        areas: b
            .areas
            .into_iter()
            .map(|((kind, code), (_, names, first, last))| NewArea {
                kind,
                code,
                names,
                first_year: Some(first),
                last_year: Some(last),
            })
            .collect(),
        memberships: memberships
            .into_iter()
            .map(|(child, parent, year)| NewMembership { child, parent, year })
            .collect(),
        populations: pops
            .into_iter()
            .map(|((area, year, sex), (population, derived))| NewPopulation {
                area,
                row: PopulationRow { year, sex: Sex::parse(sex).expect("static sex"), population, derived },
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_classification_is_complete() {
        let d = load().unwrap();
        let count = |kind: &str| d.areas.iter().filter(|a| a.kind == kind).count();
        assert_eq!(count(COUNTRY), 1);
        // 21 counties + the City of Helsinki + Åland.
        assert_eq!(count(COUNTY), 23);
        assert_eq!(count(REGION), 19);
        // 2019's 311 plus those created later, minus none: every municipality ever listed.
        let municipalities_2026 = d
            .memberships
            .iter()
            .filter(|m| m.year == 2026 && m.child.0 == MUNICIPALITY && m.parent.0 == COUNTY)
            .count();
        assert_eq!(municipalities_2026, 308);
        let kuopio = d.areas.iter().find(|a| a.kind == MUNICIPALITY && a.code == "297").unwrap();
        assert_eq!(kuopio.names.fi, "Kuopio");
        assert!(d
            .memberships
            .iter()
            .any(|m| m.child == key(MUNICIPALITY, "297") && m.parent == key(COUNTY, "13") && m.year == 2026));
        // Pertunmaa merged into Mäntyharju in 2025.
        let pertunmaa = d.areas.iter().find(|a| a.kind == MUNICIPALITY && a.code == "588").unwrap();
        assert_eq!(pertunmaa.last_year, Some(2024));
        let uusimaa_names = &d.areas.iter().find(|a| a.kind == REGION && a.code == "01").unwrap().names;
        assert_eq!(uusimaa_names.sv.as_deref(), Some("Nyland"));
    }

    #[test]
    fn populations_match_published_figures() {
        let d = load().unwrap();
        let pop = |kind: &str, code: &str, year: i32, sex: Sex| {
            d.populations
                .iter()
                .find(|p| p.area == key(kind, code) && p.row.year == year && p.row.sex == sex)
                .map(|p| (p.row.population, p.row.derived))
        };
        // Helsinki 2019, as checked in the data README.
        assert_eq!(pop(MUNICIPALITY, "091", 2019, Sex::Total), Some((653_835, false)));
        assert_eq!(pop(COUNTRY, FINLAND, 2019, Sex::Total), Some((5_525_292, false)));
        // Derived county totals are the sums of their municipalities.
        let (county_2022, derived) = pop(COUNTY, "13", 2022, Sex::Total).unwrap();
        assert!(derived);
        let members: i64 = d
            .memberships
            .iter()
            .filter(|m| m.year == 2023 && m.parent == key(COUNTY, "13") && m.child.0 == MUNICIPALITY)
            .map(|m| pop(MUNICIPALITY, &m.child.1, 2022, Sex::Total).unwrap().0)
            .sum();
        assert_eq!(county_2022, members);
        let (m, _) = pop(MUNICIPALITY, "297", 2019, Sex::Male).unwrap();
        let (f, _) = pop(MUNICIPALITY, "297", 2019, Sex::Female).unwrap();
        assert_eq!(Some((m + f, false)), pop(MUNICIPALITY, "297", 2019, Sex::Total));
        // No (area, year, sex) appears twice.
        let mut seen = BTreeSet::new();
        assert!(d.populations.iter().all(|p| seen.insert((p.area.clone(), p.row.year, p.row.sex.as_str()))));
    }
}
