#!/usr/bin/env bash
# `concordat import` against DuckDB on the same synthetic extract (issue 18, goal 1).
#
# Makes the extract with `concordat synth` (every registered patient of the bundled system unless PEOPLE
# is given), installs DuckDB into a venv, then runs, alternately and PAIRS times:
#   - `concordat import --key-file` (release build) into a new SQLite database: every row validated, NHS
#     numbers pseudonymised, the columns stored and the population health engine run;
#   - DuckDB loading the same three CSVs into a new database file
#     (`CREATE TABLE … AS SELECT * FROM read_csv(…)`), with no checks.
# and prints each run's wall-clock time and peak resident memory (`/usr/bin/time -f %M`), then the medians
# and the ratio. Not part of CI. Usage: Benchmarks/import-vs-duckdb.sh [PEOPLE|full] [PAIRS]
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-full}"
pairs="${2:-2}"
venv=.venv-duckdb
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import duckdb" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q duckdb
fi
duckdb_version=$("$venv/bin/python" -c "import duckdb; print(duckdb.__version__)")
swift build -c release --product concordat >/dev/null
bin="$(swift build -c release --show-bin-path)/concordat"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
synth=(); [ "$people" = full ] || synth=(--people "$people")
"$bin" synth "${synth[@]}" --seed 1 --out "$work/x" >/dev/null
bytes=$(cat "$work/x/patients.csv" "$work/x/diagnoses.csv" "$work/x/events.csv" | wc -c)
rows=$(( $(cat "$work/x/patients.csv" "$work/x/diagnoses.csv" "$work/x/events.csv" | wc -l) - 3 ))
mkdir -p "$work/keys" && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/keys/bench.key"
cat > "$work/duck.py" <<'PY'
import sys
import duckdb
folder, database = sys.argv[1], sys.argv[2]
connection = duckdb.connect(database)
for table in ("patients", "diagnoses", "events"):
    connection.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{folder}/{table}.csv')")
connection.close()
PY
echo "extract: $people people, $rows rows, $((bytes / 1048576)) MiB of CSV; DuckDB $duckdb_version; $(nproc) cores"
printf '%-5s %-10s %9s %10s\n' pair tool seconds peak_MiB
: > "$work/concordat.times"
: > "$work/duckdb.times"
for pair in $(seq 1 "$pairs"); do
    rm -f "$work"/db.sqlite*
    "$bin" init --database "$work/db.sqlite" >/dev/null
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" import --database "$work/db.sqlite" "$work/x" \
        --key-file "$work/keys/bench.key" --extract-date 2026-07-01 --report "$work/report.txt" >/dev/null
    read -r seconds kib < "$work/time"
    echo "$seconds $kib" >> "$work/concordat.times"
    printf '%-5s %-10s %9.2f %10d\n' "$pair" concordat "$seconds" $((kib / 1024))
    rm -f "$work/duck.db"
    /usr/bin/time -f '%e %M' -o "$work/time" "$venv/bin/python" "$work/duck.py" "$work/x" "$work/duck.db"
    read -r seconds kib < "$work/time"
    echo "$seconds $kib" >> "$work/duckdb.times"
    printf '%-5s %-10s %9.2f %10d\n' "$pair" duckdb "$seconds" $((kib / 1024))
done
median() { sort -n -k"$2" "$1" | awk -v k="$2" '{ v[NR] = $k } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
awk -v c="$(median "$work/concordat.times" 1)" -v d="$(median "$work/duckdb.times" 1)" \
    -v cm="$(median "$work/concordat.times" 2)" -v dm="$(median "$work/duckdb.times" 2)" 'BEGIN {
    printf "median: concordat %.2f s, %d MiB peak; duckdb %.2f s, %d MiB peak; concordat/duckdb time %.2fx, memory %.2fx\n",
        c, cm / 1024, d, dm / 1024, c / d, cm / dm }'
