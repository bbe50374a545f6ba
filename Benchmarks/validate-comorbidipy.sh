#!/usr/bin/env bash
# Scores the same people × ICD-10 codes CSV with `concordat score` and with the peer package comorbidipy
# 0.8.0 (installed here into a venv), in one run, and prints:
#   - agreement on every category flag and on every score (Charlson under Quan 2011 weights differs by
#     design on AIDS/HIV only: Quan 2011 weights it 4, comorbidipy 2; that difference is accounted for);
#   - wall-clock time of each, end to end (read CSV, score, write CSV), and the ratio.
# Usage: Benchmarks/validate-comorbidipy.sh [PEOPLE] (default 1000000, 5 codes each).
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-1000000}"
venv=.venv-peers
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import comorbidipy" 2>/dev/null; then
    python3 -m venv "$venv"
    # Pinned: unpinned, pip tries to build a numpy that needs a newer Python than 3.11.
    "$venv/bin/pip" install -q numpy==2.4.6 polars==2.1.0
    "$venv/bin/pip" install -q --ignore-requires-python comorbidipy==0.8.0
fi
swift build -c release --product concordat >/dev/null
bin="$(swift build -c release --show-bin-path)/concordat"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" Benchmarks/comorbidity_peer.py generate "$people" "$work"
for index in charlson-quan charlson-1987 elixhauser-vw hfrs; do
    extra=(); [ "$index" = charlson-1987 ] && extra=(--age-adjust)
    start=$(date +%s.%N)
    "$bin" score --diagnoses "$work/diagnoses.csv" --patients "$work/patients.csv" --index "$index" "${extra[@]}" \
        --out "$work/concordat-$index.csv"
    end=$(date +%s.%N)
    echo "$index $(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" >> "$work/concordat-times.txt"
done
"$venv/bin/python" Benchmarks/comorbidity_peer.py compare "$people" "$work"
