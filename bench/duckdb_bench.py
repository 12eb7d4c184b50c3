#!/usr/bin/env python3
"""DuckDB baseline for the Hyte indicator workloads on a dump written by generate.py.

Loads DIR/data.csv into an in-memory DuckDB table, then times two read workloads:

* area profile: one municipality, 100 indicators, all years, total gender, with the 95 %
  confidence interval (Wilson for PROS, Byar for PER1000/PER100000), the county and country
  values and a higher/similar/lower flag against each (one SQL query per call);
* indicator across areas: one indicator, its latest year, every municipality of one wellbeing
  services county with value and CI, sorted by value, plus the county and country values.

    pip install duckdb
    python3 bench/duckdb_bench.py --data /tmp/hyte-bench-small --json /tmp/duckdb-small.json
"""

import argparse
import json
import math
import os
import random
import sys
import time

try:
    import duckdb
except ImportError:
    sys.exit("duckdb is not installed: pip install duckdb")

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
from generate import COUNTRY_ID, load_regions  # noqa: E402  (shared region mapping)

Z95 = 1.959963984540054
MULTIPLIER = {"PROS": 100.0, "PER1000": 1000.0, "PER100000": 100000.0}

# Confidence-interval macros. The implied denominator is n = absvalue * multiplier / value, so
# an interval needs value > 0 and a known absolute value (otherwise NULL). Wilson is clamped to
# [0, multiplier] as in hyte_domain::stats::wilson; rates use Byar's approximation throughout.
MACROS = f"""
CREATE MACRO wilson_lo(p, n, m) AS greatest(0.0,
    (p + {Z95}^2 / (2 * n) - {Z95} * sqrt(p * (1 - p) / n + {Z95}^2 / (4 * n * n)))
    / (1 + {Z95}^2 / n)) * m;
CREATE MACRO wilson_hi(p, n, m) AS least(1.0,
    (p + {Z95}^2 / (2 * n) + {Z95} * sqrt(p * (1 - p) / n + {Z95}^2 / (4 * n * n)))
    / (1 + {Z95}^2 / n)) * m;
CREATE MACRO byar_lo(x, n, m) AS
    x * pow(1 - 1 / (9 * x) - {Z95} / (3 * sqrt(x)), 3) / n * m;
CREATE MACRO byar_hi(x, n, m) AS
    (x + 1) * pow(1 - 1 / (9 * (x + 1)) + {Z95} / (3 * sqrt(x + 1)), 3) / n * m;
CREATE MACRO ci_lo(vt, v, x, m) AS CASE WHEN v > 0 AND x > 0 THEN
    CASE WHEN vt = 'PROS' THEN wilson_lo(v / m, x * m / v, m) ELSE byar_lo(x, x * m / v, m) END END;
CREATE MACRO ci_hi(vt, v, x, m) AS CASE WHEN v > 0 AND x > 0 THEN
    CASE WHEN vt = 'PROS' THEN wilson_hi(v / m, x * m / v, m) ELSE byar_hi(x, x * m / v, m) END END;
CREATE MACRO compare(lo, hi, bench) AS CASE
    WHEN lo IS NULL OR bench IS NULL THEN NULL
    WHEN lo > bench THEN 'higher' WHEN hi < bench THEN 'lower' ELSE 'similar' END;
"""

# Area profile. The indicator BETWEEN bound is redundant with the IN list (the profile uses
# contiguous ids) but lets DuckDB skip row groups by zone map, as an index would.
PROFILE_SQL = f"""
WITH target AS (SELECT county FROM regions WHERE region = $muni),
base AS (
    SELECT indicator, year, region, value, absvalue FROM data
    WHERE gender = 'total'
      AND indicator BETWEEN $lo AND $hi
      AND indicator IN (SELECT id FROM profile_indicators)
      AND region IN ($muni, (SELECT county FROM target), {COUNTRY_ID})
),
wide AS (
    SELECT indicator, year,
        max(value) FILTER (WHERE region = $muni) AS value,
        max(absvalue) FILTER (WHERE region = $muni) AS absvalue,
        max(value) FILTER (WHERE region = (SELECT county FROM target)) AS county_value,
        max(value) FILTER (WHERE region = {COUNTRY_ID}) AS country_value
    FROM base GROUP BY indicator, year
    HAVING bool_or(region = $muni)
),
ci AS (
    SELECT p.*, ci_lo(i.value_type, p.value, p.absvalue, i.multiplier) AS lo,
        ci_hi(i.value_type, p.value, p.absvalue, i.multiplier) AS hi
    FROM wide p JOIN indicators i ON i.id = p.indicator
)
SELECT indicator, year, value, lo, hi, county_value, country_value,
    compare(lo, hi, county_value) AS vs_county, compare(lo, hi, country_value) AS vs_country
FROM ci ORDER BY indicator, year
"""

# Indicator across areas: every municipality of the county (NULL value when missing).
ACROSS_SQL = f"""
WITH yr AS (SELECT max(year) AS year FROM data WHERE indicator = $ind),
base AS (
    SELECT region, value, absvalue FROM data
    WHERE indicator = $ind AND year = (SELECT year FROM yr) AND gender = 'total'
),
bench AS (
    SELECT max(value) FILTER (WHERE region = $county) AS county_value,
        max(value) FILTER (WHERE region = {COUNTRY_ID}) AS country_value
    FROM base
),
munis AS (
    SELECT r.region, b.value, ci_lo(i.value_type, b.value, b.absvalue, i.multiplier) AS lo,
        ci_hi(i.value_type, b.value, b.absvalue, i.multiplier) AS hi
    FROM regions r
    LEFT JOIN base b ON b.region = r.region
    JOIN indicators i ON i.id = $ind
    WHERE r.kind = 'municipality' AND r.county = $county
)
SELECT m.region, (SELECT year FROM yr) AS year, m.value, m.lo, m.hi,
    bench.county_value, bench.country_value,
    compare(m.lo, m.hi, bench.county_value) AS vs_county,
    compare(m.lo, m.hi, bench.country_value) AS vs_country
FROM munis m CROSS JOIN bench
ORDER BY m.value DESC NULLS LAST, m.region
"""


def percentile(sorted_values, q):
    """Nearest-rank percentile of an ascending list."""
    k = max(0, math.ceil(q / 100.0 * len(sorted_values)) - 1)
    return sorted_values[k]


def timed(con, sql, params_list):
    """Runs sql once per parameter set (execute + fetchall); returns (ms list, last rows)."""
    times, rows = [], []
    for params in params_list:
        t = time.perf_counter()
        rows = con.execute(sql, params).fetchall()
        times.append((time.perf_counter() - t) * 1000.0)
    return sorted(times), rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, help="directory written by generate.py")
    ap.add_argument("--profiles", type=int, default=200, help="area-profile calls")
    ap.add_argument("--across", type=int, default=200, help="indicator-across-areas calls")
    ap.add_argument("--json", help="write the results as JSON to this file")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, help="DuckDB threads (default: all cores)")
    args = ap.parse_args()

    con = duckdb.connect(":memory:")
    if args.threads:
        con.execute(f"SET threads = {args.threads}")
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]

    # 1. Load the CSV.
    csv_path = os.path.join(args.data, "data.csv").replace("'", "''")
    t = time.perf_counter()
    con.execute(f"""
        CREATE TABLE data AS SELECT * FROM read_csv('{csv_path}', delim = ';', header = true,
            columns = {{'indicator': 'INTEGER', 'region': 'INTEGER', 'year': 'INTEGER',
                        'gender': 'VARCHAR', 'value': 'DOUBLE', 'absvalue': 'DOUBLE'}})""")
    load_s = time.perf_counter() - t
    n_rows = con.execute("SELECT count(*) FROM data").fetchone()[0]

    # 2. Region mapping and indicator metadata.
    munis, counties = load_regions()
    regions = [(rid, "municipality", county) for rid, _, county, _ in munis]
    regions += [(rid, "wellbeing_county", rid) for rid, _ in counties]
    regions.append((COUNTRY_ID, "country", None))
    con.execute("CREATE TABLE regions (region INTEGER PRIMARY KEY, kind VARCHAR, county INTEGER)")
    con.executemany("INSERT INTO regions VALUES (?, ?, ?)", regions)

    with open(os.path.join(args.data, "indicators.json"), encoding="utf-8") as f:
        meta = json.load(f)
    ind_rows = [(m["id"], m["primaryValueType"]["code"], MULTIPLIER[m["primaryValueType"]["code"]])
                for m in meta]
    con.execute("CREATE TABLE indicators (id INTEGER PRIMARY KEY, value_type VARCHAR, "
                "multiplier DOUBLE)")
    con.executemany("INSERT INTO indicators VALUES (?, ?, ?)", ind_rows)
    ind_ids = sorted(r[0] for r in ind_rows)
    profile_ids = ind_ids[:100]  # the first 100 indicator ids
    con.execute("CREATE TABLE profile_indicators (id INTEGER PRIMARY KEY)")
    con.executemany("INSERT INTO profile_indicators VALUES (?)", [(i,) for i in profile_ids])
    con.execute(MACROS)

    # 3. Workloads over seeded random choices; one untimed warm-up call each.
    rng = random.Random(args.seed)
    lo, hi = profile_ids[0], profile_ids[-1]
    profile_params = [{"muni": rng.choice(munis)[0], "lo": lo, "hi": hi}
                      for _ in range(args.profiles)]
    across_params = [{"ind": rng.choice(ind_ids), "county": rng.choice(counties)[0]}
                     for _ in range(args.across)]
    con.execute(PROFILE_SQL, profile_params[0]).fetchall()
    con.execute(ACROSS_SQL, across_params[0]).fetchall()
    prof_ms, prof_rows = timed(con, PROFILE_SQL, profile_params)
    across_ms, across_rows = timed(con, ACROSS_SQL, across_params)

    result = {
        "rows": n_rows,
        "load_seconds": round(load_s, 3),
        "load_rows_per_s": round(n_rows / load_s),
        "profile_p50_ms": round(percentile(prof_ms, 50), 3),
        "profile_p99_ms": round(percentile(prof_ms, 99), 3),
        "across_p50_ms": round(percentile(across_ms, 50), 3),
        "across_p99_ms": round(percentile(across_ms, 99), 3),
    }

    print(f"DuckDB {duckdb.__version__}, {threads} threads, data {args.data}")
    print(f"load:    {n_rows} rows in {load_s:.2f} s ({n_rows / load_s:,.0f} rows/s)")
    print(f"profile: {len(prof_ms)} calls, p50 {result['profile_p50_ms']:.2f} ms, "
          f"p99 {result['profile_p99_ms']:.2f} ms ({len(prof_rows)} rows in the last call)")
    print(f"across:  {len(across_ms)} calls, p50 {result['across_p50_ms']:.2f} ms, "
          f"p99 {result['across_p99_ms']:.2f} ms ({len(across_rows)} rows in the last call)")
    if prof_rows:
        print("  profile sample:", prof_rows[0])
    if across_rows:
        print("  across sample: ", across_rows[0])
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2)
            f.write("\n")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
