#!/usr/bin/env bash
# `concordat demo` start-up (issue 18, goal 3), release build:
#   1. an empty database and no cached extract: synthesis, import (validation, pseudonymisation) and the
#      engine, until /health answers;
#   2. a restart on that database, until /health answers;
# each ROUNDS times (default 2), printing the demo's own stage times and both wall-clock figures.
# Not part of CI. Usage: Benchmarks/startup.sh [PEOPLE|full] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-full}"
rounds="${2:-2}"
swift build -c release --product concordat >/dev/null
bin="$(swift build -c release --show-bin-path)/concordat"
work="$(mktemp -d)"
server=
trap '[ -n "$server" ] && kill -INT $server 2>/dev/null; rm -rf "$work"' EXIT
extra=(); [ "$people" = full ] || extra=(--people "$people")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# Starts the demo on $1 and waits until it answers /health; leaves it running as $server and the seconds
# it took in $took (not a command substitution: that would run it in a subshell, which keeps neither).
start() {
    local began; began=$(date +%s.%N)
    "$bin" demo --port "$port" --database "$1" "${extra[@]}" > "$work/demo.log" 2>&1 &
    server=$!
    until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
        kill -0 "$server" 2>/dev/null || { cat "$work/demo.log"; exit 1; }
        sleep 0.05
    done
    took=$(awk -v a="$began" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
}
stop() { kill -INT "$server"; wait "$server" 2>/dev/null || true; server=; }
echo "demo start-up, $people people, $(nproc) cores"
for round in $(seq 1 "$rounds"); do
    rm -rf "$work/db" && mkdir -p "$work/db"
    start "$work/db/concordat.sqlite"
    echo "round $round, empty database: ${took} s to serving; the demo's stages:"
    grep -E " in [0-9.]+ s|loaded|Generating|Importing|Serving|listening" "$work/demo.log" | sed 's/^/    /' || true
    echo "    resident memory serving: $(grep VmRSS /proc/$server/status | awk '{printf "%.0f MiB", $2 / 1024}')"
    stop
    start "$work/db/concordat.sqlite"
    echo "round $round, restart on that database: ${took} s to serving"
    stop
done
