"""The HYTE coefficient computed in DuckDB: the baseline beside `hyte coefficient bench`.

Reads the dataset that `hyte coefficient bench --data-out DIR` writes (model.json, cells.csv,
totals.csv), computes every unit's total and euros with one SQL query (the same rules as
crates/domain/src/coefficient/compute.rs: as_is, min_max and change scaling, direction,
the weighted mean over the indicators that have a value, a pool shared by residents x total),
checks the totals against Hyte's and times the query. A model with target scaling is refused
(the shipped models have none).

    pip install duckdb
    python3 bench/coefficient_baseline.py --data DIR --runs 200
"""

import argparse
import json
import statistics
import time

import duckdb

SQL = """
WITH m AS (
  SELECT c.indicator, c.unit, c.residents, i.weight, i.scale, i.param, i.lower_better,
         CASE WHEN i.scale = 'change' THEN c.now - c.then ELSE c.now END
           * CASE WHEN i.lower_better THEN -1 ELSE 1 END AS v
  FROM cells c JOIN ind i ON i.idx = c.indicator
), b AS (
  SELECT *, min(v) OVER (PARTITION BY indicator) AS lo, max(v) OVER (PARTITION BY indicator) AS hi
  FROM m
), s AS (
  SELECT unit, residents, weight, CASE
      WHEN v IS NULL THEN NULL
      WHEN scale = 'as_is' THEN greatest(0, least(100, CASE WHEN lower_better THEN 100 + v ELSE v END))
      WHEN scale IN ('min_max', 'change') THEN
        CASE WHEN hi - lo <= 2.220446049250313e-16 * greatest(abs(hi), 1) THEN 100
             ELSE greatest(0, least(100, (v - lo) / (hi - lo) * 100)) END
      ELSE NULL END AS score
  FROM b
), t AS (
  SELECT unit, any_value(residents) AS residents,
         sum(weight * score) FILTER (WHERE score IS NOT NULL) / nullif(sum(weight) FILTER (WHERE score IS NOT NULL), 0) AS total
  FROM s GROUP BY unit
)
SELECT unit, total,
       ? * residents * total / sum(residents * total) OVER () AS euros,
       rank() OVER (ORDER BY total DESC) AS rnk
FROM t ORDER BY unit
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--runs", type=int, default=200)
    a = ap.parse_args()
    model = json.load(open(f"{a.data}/model.json"))
    if any(i["scale"] == "target" for i in model["indicators"]):
        raise SystemExit("the baseline does not implement target scaling")
    con = duckdb.connect()
    con.execute("SET threads TO 2")
    con.execute(
        "CREATE TABLE cells AS SELECT * FROM read_csv(?, header = true, "
        "columns = {'indicator': 'INTEGER', 'unit': 'INTEGER', 'residents': 'DOUBLE', 'now': 'DOUBLE', 'then': 'DOUBLE'})",
        [f"{a.data}/cells.csv"],
    )
    con.execute("CREATE TABLE ind (idx INTEGER, weight DOUBLE, lower_better BOOLEAN, scale VARCHAR, param DOUBLE)")
    for n, i in enumerate(model["indicators"]):
        con.execute("INSERT INTO ind VALUES (?, ?, ?, ?, ?)", [n, i["weight"], i["lower_better"], i["scale"], i["param"]])
    rows = con.execute(SQL, [model["pool"]]).fetchall()
    hyte = {}
    for line in open(f"{a.data}/totals.csv").read().splitlines()[1:]:
        unit, total, _ = line.split(",")
        hyte[int(unit)] = float(total) if total else None
    worst = max(abs((t or 0) - (hyte[u] or 0)) for u, t, _, _ in rows)
    ms = []
    for _ in range(a.runs):
        t = time.perf_counter()
        con.execute(SQL, [model["pool"]]).fetchall()
        ms.append((time.perf_counter() - t) * 1000)
    ms.sort()
    p99 = ms[round((len(ms) - 1) * 0.99)]
    print(f"duckdb {duckdb.__version__}: {len(rows)} units, largest difference from Hyte's totals {worst:.2e}")
    print(f"duckdb compute, municipalities: p50 {statistics.median(ms):.3f} ms, p99 {p99:.3f} ms")


if __name__ == "__main__":
    main()
