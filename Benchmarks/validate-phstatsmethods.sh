#!/usr/bin/env bash
# Computes the same public-health statistics with `concordat stats` and with the peer package
# PHStatsMethods (UKHSA's PHEindicatormethods in Python; installed here into a venv), in one run, on random
# inputs, and prints how many figures were compared and how many differ (Wilson intervals, exact/Byar
# Poisson limits, directly standardised rates with Dobson's interval, Fingertips' proportion funnel limits and
# the significance of proportions and ratios on funnels). Exits 1 on any difference.
# Usage: Benchmarks/validate-phstatsmethods.sh [N] (default 20000 rows per table).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-20000}"
venv=.venv-peers-phstats
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import PHStatsMethods" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q phstatsmethods==0.1.16
fi
swift build --product concordat >/dev/null 2>&1
bin="$(swift build --show-bin-path)/concordat"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" Benchmarks/phstats_peer.py generate "$n" "$work"
"$bin" stats "$work/proportions.csv" --method wilson > "$work/concordat-wilson.csv"
"$bin" stats "$work/counts.csv" --method poisson > "$work/concordat-poisson.csv"
"$bin" stats "$work/dsr.csv" --method dsr > "$work/concordat-dsr.csv"
"$bin" stats "$work/funnel-proportions.csv" --method proportion-funnel > "$work/concordat-proportion-funnel.csv"
"$bin" stats "$work/funnel-ratios.csv" --method ratio-funnel > "$work/concordat-ratio-funnel.csv"
"$venv/bin/python" Benchmarks/phstats_peer.py compare "$work"
