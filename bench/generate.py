#!/usr/bin/env python3
"""Deterministic generator of a national-scale, Sotkanet-shaped indicator dump.

Writes DIR/indicators.json (Sotkanet full-metadata shape) and DIR/data.csv (Sotkanet CSV
shape: ``indicator;region;year;gender;primary value;absolute value``) for every current
municipality, the 23 wellbeing services county areas and the whole country.

Municipal numerators are drawn around a per-series rate with a slight trend (binomial or
Poisson noise); county and country rows are the exact sums of their municipalities' numerators
and denominators, so the benchmark comparisons are meaningful. Plain Python, one pass, buffered
writes; the output is byte-identical for a given set of arguments.

    python3 bench/generate.py --out /tmp/hyte-bench-full
    python3 bench/generate.py --out /tmp/hyte-bench-small --small
"""

import argparse
import csv
import json
import math
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COUNTRY_ID = 658  # Sotkanet region "Koko maa" (category MAA)
FIRST_INDICATOR_ID = 900001  # far above real Sotkanet ids
LAST_YEAR = 2024
MULTIPLIER = {"PROS": 100.0, "PER1000": 1000.0, "PER100000": 100000.0}
HEADER = "indicator;region;year;gender;primary value;absolute value\n"


def load_regions(repo=REPO):
    """Current municipalities, wellbeing services county areas and the country.

    Returns (municipalities, counties) where municipalities is a list of
    (sotkanet_id, kunta_code, county_sotkanet_id, population_2022) sorted by id and counties
    a list of (sotkanet_id, county_code) sorted by id. The country is COUNTRY_ID.
    """
    data = Path(repo) / "data"
    with open(data / "sotkanet/regions_2015.json", encoding="utf-8") as f:
        kunta_ids = {r["code"].zfill(3): r["id"] for r in json.load(f) if r["category"] == "KUNTA"}
    with open(data / "areas/kunnat_2019_2026.csv", encoding="utf-8", newline="") as f:
        county_of = {r["kunta_code"]: r["hyvinvointialue_code"].zfill(2)
                     for r in csv.DictReader(f) if r["year"] == "2026"}
    with open(data / "sotkanet/hyvinvointialueet.csv", encoding="utf-8", newline="") as f:
        county_ids = {r["uusi_code"].zfill(2): int(r["uusi_id"]) for r in csv.DictReader(f)}
    with open(data / "population/sotkanet_127_vaesto_kunnittain_2000_2022.csv",
              encoding="utf-8", newline="") as f:
        population = {r["kunta_code"]: int(r["population"])
                      for r in csv.DictReader(f) if r["year"] == "2022" and r["population"]}

    munis = []
    for code, county in county_of.items():
        if code not in kunta_ids:
            continue  # a 2026 municipality without a Sotkanet region id (none today)
        munis.append((kunta_ids[code], code, county_ids[county], population.get(code, 1000)))
    munis.sort()
    counties = sorted((rid, code) for code, rid in county_ids.items())
    return munis, counties


def write_indicators(path, specs):
    """indicators.json in the /rest/1.1/indicators/{id} full-metadata shape."""
    names = {"PROS": ("osuus", "andel", "share"),
             "PER1000": ("/ 1000 asukasta", "/ 1000 invånare", "per 1000 inhabitants"),
             "PER100000": ("/ 100 000 asukasta", "/ 100 000 invånare", "per 100 000 inhabitants")}
    out = []
    for spec in specs:
        ind, vtype = spec["id"], spec["type"]
        fi, sv, en = names[vtype]
        out.append({
            "id": ind,
            "title": {"fi": f"Benchmark-indikaattori {ind}, {fi}",
                      "sv": f"Benchmark-indikator {ind}, {sv}",
                      "en": f"Benchmark indicator {ind}, {en}"},
            "primaryValueType": {"code": vtype},
            "decimals": 1,
            "organization": {"title": {"fi": "Benchmark"}},
            "subjects": [{"fi": f"teema-{spec['theme']}"}],
        })
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")


def generate(out_dir, n_indicators, n_years, seed, missing):
    rng = random.Random(seed)
    rand = rng.random
    munis, counties = load_regions()
    years = list(range(LAST_YEAR - n_years + 1, LAST_YEAR + 1))
    Y = n_years
    year_txt = [f"{y};" for y in years]
    mid = (Y - 1) / 2.0

    # Missingness: ~40 % of the budget is whole indicator-region series, the rest single years.
    p_series = 0.4 * missing
    p_year = 1.0 - (1.0 - missing) / (1.0 - p_series) if missing < 1 else 1.0
    p_empty = 0.03  # row present but "primary value" empty
    p_abs = p_empty + (1.0 - p_empty) * 0.8  # threshold: absolute value written for ~80 %

    # A table of standard normal deviates; each series reads a random window of it.
    noise = [rng.gauss(0.0, 1.0) for _ in range(1 << 16)]
    noise_max = len(noise) - 2 * Y

    # Per-municipality yearly male/female population (2022 size, slight demographic drift).
    muni_pop = []
    for _, _, _, pop in munis:
        drift = rng.uniform(-0.012, 0.008)
        share_m = rng.uniform(0.485, 0.515)
        per_year = [pop * (1.0 + drift) ** (y - 2022) for y in years]
        muni_pop.append(([p * share_m for p in per_year], [p * (1.0 - share_m) for p in per_year]))
    county_index = {rid: i for i, (rid, _) in enumerate(counties)}
    muni_county = [county_index[c] for _, _, c, _ in munis]

    # Indicator specs: value type ~60/25/15 %, base rate, denominator share, trend, sex ratio.
    specs = []
    for k in range(n_indicators):
        r = rand()
        vtype = "PROS" if r < 0.60 else ("PER1000" if r < 0.85 else "PER100000")
        if vtype == "PROS":
            base = 0.02 + 0.9 * rand() ** 1.5  # 2-92 %
        elif vtype == "PER1000":
            base = 10.0 ** rng.uniform(-3.3, -0.7)  # 0.5-200 per 1000
        else:
            base = 10.0 ** rng.uniform(-5.0, -2.0)  # 1-1000 per 100 000
        specs.append({"id": FIRST_INDICATOR_ID + k, "type": vtype, "theme": 1 + k % 20,
                      "base": base, "share": rng.uniform(0.05, 1.0),
                      "trend": rng.uniform(-0.03, 0.03), "sex": rng.uniform(-0.25, 0.25)})

    os.makedirs(out_dir, exist_ok=True)
    write_indicators(os.path.join(out_dir, "indicators.json"), specs)

    t0 = time.perf_counter()
    rows = 0
    buf = []
    emit = buf.append
    f = open(os.path.join(out_dir, "data.csv"), "w", encoding="utf-8", newline="\n",
             buffering=1 << 20)
    f.write(HEADER)

    def emit_series(prefix, p_missing_year, nm_y, dm_y, nf_y, df_y, mult):
        """Writes the present years of one region's series (total, male, female rows)."""
        count = 0
        for yi in range(Y):
            if rand() < p_missing_year:
                continue
            nm, dm, nf, df = nm_y[yi], dm_y[yi], nf_y[yi], df_y[yi]
            pre = prefix + year_txt[yi]
            for gender, n, d in (("total", nm + nf, dm + df), ("male", nm, dm), ("female", nf, df)):
                r = rand()
                if r < p_empty:
                    emit(f"{pre}{gender};;\n")
                elif r < p_abs:
                    emit(f"{pre}{gender};{n * mult / d:.1f};{n}\n")
                else:
                    emit(f"{pre}{gender};{n * mult / d:.1f};\n")
            count += 3
        return count

    sqrt = math.sqrt
    for spec in specs:
        ind, vtype = spec["id"], spec["type"]
        mult = MULTIPLIER[vtype]
        is_pros = vtype == "PROS"
        base, share, trend, sex = spec["base"], spec["share"], spec["trend"], spec["sex"]
        # County accumulators: numerator and denominator sums per year, male and female.
        acc = [([0] * Y, [0] * Y, [0] * Y, [0] * Y) for _ in counties]

        for mi, (rid, _, _, _) in enumerate(munis):
            pop_m, pop_f = muni_pop[mi]
            level = base * math.exp(rng.gauss(0.0, 0.15))  # regional deviation
            slope = trend + rng.gauss(0.0, 0.006)  # series trend per year
            present = rand() >= p_series
            o = rng.randrange(noise_max)
            nm_y, dm_y, nf_y, df_y = [0] * Y, [0] * Y, [0] * Y, [0] * Y
            for yi in range(Y):
                rate = level * (1.0 + slope * (yi - mid))
                if rate < 0.0:
                    rate = 0.0
                pm = rate * (1.0 + sex)
                pf = rate * (1.0 - sex)
                dm = int(pop_m[yi] * share + 0.5) or 1
                df = int(pop_f[yi] * share + 0.5) or 1
                if is_pros:
                    if pm > 0.995:
                        pm = 0.995
                    if pf > 0.995:
                        pf = 0.995
                    em, ef = pm * dm, pf * df
                    nm = int(em + sqrt(em * (1.0 - pm)) * noise[o + 2 * yi] + 0.5)
                    nf = int(ef + sqrt(ef * (1.0 - pf)) * noise[o + 2 * yi + 1] + 0.5)
                    nm = 0 if nm < 0 else (dm if nm > dm else nm)
                    nf = 0 if nf < 0 else (df if nf > df else nf)
                else:
                    em, ef = pm * dm, pf * df
                    nm = int(em + sqrt(em) * noise[o + 2 * yi] + 0.5)
                    nf = int(ef + sqrt(ef) * noise[o + 2 * yi + 1] + 0.5)
                    nm = 0 if nm < 0 else nm
                    nf = 0 if nf < 0 else nf
                nm_y[yi], dm_y[yi], nf_y[yi], df_y[yi] = nm, dm, nf, df
            a_nm, a_dm, a_nf, a_df = acc[muni_county[mi]]
            for yi in range(Y):
                a_nm[yi] += nm_y[yi]
                a_dm[yi] += dm_y[yi]
                a_nf[yi] += nf_y[yi]
                a_df[yi] += df_y[yi]
            if present:
                rows += emit_series(f"{ind};{rid};", p_year, nm_y, dm_y, nf_y, df_y, mult)

        # Counties and the country: sums of their municipalities, missing less often.
        tot = ([0] * Y, [0] * Y, [0] * Y, [0] * Y)
        for ci, (rid, _) in enumerate(counties):
            a = acc[ci]
            for part, src in zip(tot, a):
                for yi in range(Y):
                    part[yi] += src[yi]
            if rand() >= p_series / 4:
                rows += emit_series(f"{ind};{rid};", p_year / 2, *a, mult)
        rows += emit_series(f"{ind};{COUNTRY_ID};", p_year / 4, *tot, mult)

        if len(buf) > 50000:
            f.write("".join(buf))
            buf.clear()

    f.write("".join(buf))
    f.close()
    return rows, time.perf_counter() - t0, len(munis), len(counties)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--indicators", type=int, help="number of indicators (default 3000)")
    ap.add_argument("--years", type=int, help="number of years ending 2024 (default 30)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--missing", type=float, default=0.25, help="fraction of rows dropped")
    ap.add_argument("--small", action="store_true", help="quick test: 50 indicators, 5 years")
    args = ap.parse_args()
    n_ind = args.indicators or (50 if args.small else 3000)
    n_years = args.years or (5 if args.small else 30)
    if not 0.0 <= args.missing < 1.0:
        sys.exit("--missing must be in [0, 1)")

    rows, secs, n_munis, n_counties = generate(args.out, n_ind, n_years, args.seed, args.missing)
    size = os.path.getsize(os.path.join(args.out, "data.csv"))
    print(f"regions: {n_munis} municipalities + {n_counties} counties + country; "
          f"{n_ind} indicators; years {LAST_YEAR - n_years + 1}-{LAST_YEAR}")
    print(f"wrote {rows} rows ({size / 1e6:.1f} MB) to {args.out}/data.csv in {secs:.1f} s")


if __name__ == "__main__":
    main()
