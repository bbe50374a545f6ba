#!/usr/bin/env bash
# Load on loopback: `concordat demo` (release build) with the full 2.04M-person Kent & Medway dataset, then
# wrk (Debian's) for 30 s with a Lua script, and /metrics afterwards to show whether anything errored.
#
#   Benchmarks/load.sh [CONNECTIONS] [PEOPLE] [SCRIPT]
#     CONNECTIONS  wrk connections (default 16)
#     PEOPLE       synthetic people (default: every registered patient, 2.04M)
#     SCRIPT       mixed-reads (default) or mixed-writes (reads with proposals, votes and returns woven in),
#                  or pages: each page set alone (area page, dashboard, /money, /decisions, system map) for
#                  PAGE_SECONDS (default 10) beside the stylesheet, the server's own static file rate, with
#                  each set's requests/s as a share of it and its p99 (issue 18 goal 4: >= 20%, p99 <= 10 ms),
#                  after the page's first render (timed and printed apart)
#   CONCORDAT_LOAD_DATABASE=postgres://…  runs the server on PostgreSQL instead of a SQLite file
#   WRITE_EVERY=N                          one request in N is a write (mixed-writes; default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
connections="${1:-16}"
people="${2:-}"
script="${3:-mixed-reads}"
command -v wrk >/dev/null || { apt-get install -y -qq wrk; }
swift build -c release --product concordat >/dev/null
bin="$(swift build -c release --show-bin-path)/concordat"
work="$(mktemp -d)"
database="${CONCORDAT_LOAD_DATABASE:-$work/concordat.sqlite}"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
args=(demo --port "$port" --database "$database")
[ -n "$people" ] && args+=(--people "$people")
"$bin" "${args[@]}" > "$work/demo.log" 2>&1 &
server=$!
trap 'kill -INT $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
# /health has read the snapshot; nothing else is warmed, so each page's first render is its own.

if [ "$script" = mixed-writes ]; then
    # Writers for the stream. Their passwords are hashed at bcrypt cost 4, not the default 12, because
    # HTTP Basic checks the hash on every request; a browser signs in once and uses a session instead.
    password="load test password"
    for user in "load-secretary board-secretary" "load-lead partner-representative"; do
        set -- $user
        echo "$password" | "$bin" user add --database "$database" --username "$1" --role "$2" \
            --organisation kcc --password-stdin --cost 4 >/dev/null 2>&1 || true
    done
    export AUTH_SECRETARY=$(printf 'load-secretary:%s' "$password" | base64 -w0)
    export AUTH_PLACE_LEAD=$(printf 'load-lead:%s' "$password" | base64 -w0)
    export PARTIES=$(curl -s "http://127.0.0.1:$port/api/v1/governance/memorandum" | python3 -c '
import json, sys
document = json.load(sys.stdin)
seats = document.get("memorandum", document)["seats"]
print(",".join(s["organisation"] for s in seats if s["kind"] == "party" and not s.get("withdrawn")))')
fi

if [ "$script" = pages ]; then
    seconds="${PAGE_SECONDS:-10}"
    # wrk's summary: requests/s, and the 99th percentile latency in ms. wrk corrects its latencies for
    # coordinated omission: a request that takes T while the mean interval is I also counts as T - I,
    # T - 2I, ..., so one 150 ms render among 60,000 requests of 1.3 ms becomes a hundred slow samples.
    # Each page is therefore asked for once first, alone, and that first render (once per data version;
    # concurrent misses render it once) is timed and printed apart from the cached rate.
    measure() {
        wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$1" | awk '
            function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
            /Requests\/sec/ { rate = $2 } / 99%/ { p99 = ms($2) } /Non-2xx/ { bad = $NF }
            END { printf "%.0f %.2f %d\n", rate, p99, bad }'
    }
    first() { curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port$1" | awk '{ printf "%.1f", $1 * 1000 }'; }
    read -r static static_p99 _ < <(measure /styles.css)
    printf '%-22s %14s %10s %9s %8s %8s\n' page first_render_ms requests/s p99_ms share non2xx
    printf '%-22s %14s %10s %9s %8s %8s\n' /styles.css - "$static" "$static_p99" 100% 0
    for page in /areas/east-kent /assurance /money /decisions /; do
        cold=$(first "$page")
        read -r rate p99 bad < <(measure "$page")
        printf '%-22s %14s %10s %9s %7.1f%% %8s\n' "$page" "$cold" "$rate" "$p99" "$(echo "100 * $rate / $static" | bc -l)" "$bad"
    done
    echo "--- server resident memory: $(grep VmRSS /proc/$server/status | awk '{printf "%.0f MiB", $2 / 1024}')"
    exit 0
fi

wrk -t2 -c"$connections" -d30s --latency -s "Benchmarks/load/$script.lua" "http://127.0.0.1:$port"
echo "--- mean server time by route (ms), from the server's own histograms:"
curl -s "http://127.0.0.1:$port/metrics" | python3 -c '
import re, sys
sums, counts = {}, {}
for line in sys.stdin:
    m = re.match(r"concordat_http_request_duration_seconds_(sum|count)\{route=\"([^\"]*)\"\} ([0-9.e+-]+)", line)
    if m:
        (sums if m.group(1) == "sum" else counts)[m.group(2)] = float(m.group(3))
for route in sorted(counts, key=lambda r: -sums[r] / max(counts[r], 1)):
    if counts[route] > 0:
        print("%8.1f  %6d  %s" % (1000 * sums[route] / counts[route], counts[route], route))'
echo "--- responses by status, counted by the server itself:"
curl -s "http://127.0.0.1:$port/metrics" | grep '^concordat_http_requests_total' \
    | sed -E 's/.*route="([^"]*)".*status="([0-9]+)".*\} ([0-9]+)/\2 \1 \3/' | sort | awk '$3 > 0' | grep -v '^200 \|^201 ' \
    || echo "every response was 200 or 201"
