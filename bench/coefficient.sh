#!/bin/sh
# The HYTE coefficient's speed beside the DuckDB baseline, in one run (docs/benchmarks.md).
# Needs a release build (cargo build --release) and `pip install duckdb`.
set -eu
dir=$(mktemp -d)
export DATABASE_URL="sqlite://$dir/bench.db"
./target/release/hyte demo load > /dev/null
./target/release/hyte coefficient bench --runs "${RUNS:-200}" --data-out "$dir/data"
python3 bench/coefficient_baseline.py --data "$dir/data" --runs "${RUNS:-200}"
rm -rf "$dir"
