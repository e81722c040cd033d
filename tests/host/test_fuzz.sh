#!/bin/bash
# libFuzzer over the message layer: fixed seed and run count (deterministic),
# starting from the corpus in tests/fuzz/corpus (copied: libFuzzer adds
# inputs to its first corpus directory).
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
bin="$REPO/out/tests/fuzz_msg"
work="$REPO/out/tests/fuzz-corpus"
log="$REPO/out/tests/fuzz_msg.log"
runs=${RAMPART_FUZZ_RUNS:-300000}
if [ ! -x "$bin" ]; then
	echo "FAIL fuzz/msg_layer ($bin not built)"
	exit 0
fi
rm -rf "$work"
mkdir -p "$work"
cp "$REPO"/tests/fuzz/corpus/msg/* "$work/"
if ASAN_OPTIONS=detect_leaks=0 "$bin" -seed=1 -runs="$runs" -timeout=10 \
	"$work" >"$log" 2>&1; then
	echo "PASS fuzz/msg_layer ($(grep -o 'DONE.*cov: [0-9]*' "$log" | sed 's/.*cov/cov/'), $runs runs, seed 1)"
else
	echo "FAIL fuzz/msg_layer (see $log)"
	tail -n 30 "$log"
fi
