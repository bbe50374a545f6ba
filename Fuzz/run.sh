#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (and AddressSanitizer) of the CSV reader and the FHIR NDJSON
# import, each for FUZZ_SECONDS (default 60), starting from the seeds in Fuzz/corpus. A crash, a failed
# check or a hang stops the run with libFuzzer's report and the input that caused it (written to
# Fuzz/findings/), and the script fails. .ci/run calls it with a shorter time.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${FUZZ_SECONDS:-60}"
swift build -c release -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -E "error|warning: .*unsafe" || true
bin="$(swift build -c release -Xswiftc -sanitize=fuzzer,address --show-bin-path)"
mkdir -p findings
# The Swift runtime and Foundation keep caches for the life of the process; they are not leaks.
export ASAN_OPTIONS="detect_leaks=0"
for target in csv ndjson; do
    case "$target" in csv) fuzzer=FuzzCSV ;; ndjson) fuzzer=FuzzNDJSON ;; esac
    corpus="$(mktemp -d)"
    cp corpus/"$target"/* "$corpus"/
    echo "== $fuzzer for ${seconds}s"
    log="$(mktemp)"
    set +e
    "$bin/$fuzzer" "$corpus" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
        -artifact_prefix=findings/"$target"- -print_final_stats=1 > "$log" 2>&1
    status=$?
    set -e
    grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss)|ERROR|SUMMARY|Fatal|precondition|Test unit written" \
        "$log" || true
    [ "$status" -ne 0 ] && tail -40 "$log"
    rm -f "$log"
    rm -rf "$corpus"
    if [ "$status" -ne 0 ]; then echo "$fuzzer found a problem: see Fuzz/findings/"; exit 1; fi
done
