#!/bin/bash
# libFuzzer over the signed TA image decoder + verifier: fixed seed and run
# count, seed corpus in tests/fuzz/corpus/ta_image (copied: libFuzzer adds
# inputs to its first corpus directory).
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
bin="$REPO/out/tests/fuzz_ta_image"
work="$REPO/out/tests/fuzz-corpus-ta_image"
log="$REPO/out/tests/fuzz_ta_image.log"
runs=${RAMPART_FUZZ_RUNS:-100000}
if [ ! -x "$bin" ]; then
	echo "FAIL fuzz/ta_image ($bin not built)"
	exit 0
fi
rm -rf "$work"
mkdir -p "$work"
cp "$REPO"/tests/fuzz/corpus/ta_image/* "$work/"
if ASAN_OPTIONS=detect_leaks=1 "$bin" -seed=1 -runs="$runs" -timeout=10 \
	-max_len=4096 "$work" >"$log" 2>&1; then
	echo "PASS fuzz/ta_image ($(grep -o 'DONE.*cov: [0-9]*' "$log" | sed 's/.*cov/cov/'), $runs runs, seed 1)"
else
	echo "FAIL fuzz/ta_image (see $log)"
	tail -n 30 "$log"
fi
