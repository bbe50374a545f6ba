#!/usr/bin/env bash
# Prints the integrated dataset's ingest figures: for 10k, 100k, 1M and the full Kent & Medway
# population (2,039,483 people), synthesis time, import time, rows per second and peak memory, using a
# release build of `concordat` on this machine. Targets (issue 3): the full population imports in under
# 30 s on 2 cores and under 2 GiB peak memory; CSV parsing at least 1M rows/s per core.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product concordat >/dev/null
bin="$(swift build -c release --show-bin-path)/concordat"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" init --database "$work/db.sqlite" >/dev/null
mkdir -p "$work/keys" && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/keys/bench.key"
printf '%-10s %10s %12s %12s %14s %12s %14s\n' people rows synth_s import_s rows_per_s peak_MiB validate_rows_s
for n in 10000 100000 1000000 full; do
    people=(); [ "$n" = full ] || people=(--people "$n")
    s0=$(date +%s.%N)
    "$bin" synth "${people[@]}" --seed 1 --out "$work/x" >/dev/null
    s1=$(date +%s.%N)
    rows=$(( $(cat "$work/x/patients.csv" "$work/x/diagnoses.csv" "$work/x/events.csv" | wc -l) - 3 ))
    /usr/bin/time -f '%M' -o "$work/mem" "$bin" import --database "$work/db.sqlite" "$work/x" \
        --key-file "$work/keys/bench.key" --extract-date 2026-07-01 --report "$work/report.txt" >/dev/null
    s2=$(date +%s.%N)
    "$bin" import --dry-run --database "$work/db.sqlite" "$work/x" --key-file "$work/keys/bench.key" \
        --extract-date 2026-07-01 --report "$work/report.txt" >/dev/null
    s3=$(date +%s.%N)
    awk -v n="$n" -v r="$rows" -v a="$s0" -v b="$s1" -v c="$s2" -v d="$s3" -v m="$(cat "$work/mem")" 'BEGIN {
        printf "%-10s %10d %12.1f %12.1f %14.0f %12.0f %14.0f\n", n, r, b-a, c-b, r/(c-b), m/1024, r/(d-c) }'
    rm -rf "$work/x"
done
