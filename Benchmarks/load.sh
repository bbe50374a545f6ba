#!/usr/bin/env bash
# Load on loopback: `concordat demo` (release build) with the full 2.04M-person Kent & Medway dataset, then
# wrk (Debian's) reading a mix of pages and API routes (Benchmarks/load/mixed-reads.lua) for 30 s, and
# the same for /metrics afterwards to show nothing errored. Prints wrk's latency distribution.
# Usage: Benchmarks/load.sh [CONNECTIONS] (default 16) [PEOPLE] (default: everyone)
set -euo pipefail
cd "$(dirname "$0")/.."
connections="${1:-16}"
people="${2:-}"
command -v wrk >/dev/null || { apt-get install -y -qq wrk; }
swift build -c release --product concordat >/dev/null
bin="$(swift build -c release --show-bin-path)/concordat"
work="$(mktemp -d)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
args=(demo --port "$port" --database "$work/concordat.sqlite")
[ -n "$people" ] && args+=(--people "$people")
"$bin" "${args[@]}" > "$work/demo.log" 2>&1 &
server=$!
trap 'kill -INT $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/" >/dev/null   # warm the snapshot
wrk -t2 -c"$connections" -d30s --latency -s Benchmarks/load/mixed-reads.lua "http://127.0.0.1:$port"
echo "--- server errors (5xx) counted by the server itself:"
curl -s "http://127.0.0.1:$port/metrics" | grep 'concordat_http_requests_total' | grep 'status="5' || echo "none"
