#!/bin/bash
# libFuzzer over tee-supplicant's request decoding and file-name handling:
# fixed seed and run count (deterministic, a few seconds), starting from the
# corpus in tests/fuzz/corpus/supp (copied: libFuzzer adds inputs to its
# first corpus directory).
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
bin="$REPO/out/tests/fuzz_supp"
work="$REPO/out/tests/fuzz-corpus-supp"
log="$REPO/out/tests/fuzz_supp.log"
runs=${RAMPART_SUPP_FUZZ_RUNS:-1000000}
if [ ! -x "$bin" ]; then
	echo "FAIL fuzz/supplicant ($bin not built)"
	exit 0
fi
rm -rf "$work"
mkdir -p "$work"
cp "$REPO"/tests/fuzz/corpus/supp/* "$work/"
if ASAN_OPTIONS=detect_leaks=0 "$bin" -seed=1 -runs="$runs" -timeout=10 \
	-max_len=600 "$work" >"$log" 2>&1; then
	echo "PASS fuzz/supplicant ($(grep -o 'DONE.*cov: [0-9]*' "$log" | sed 's/.*cov/cov/'), $runs runs, seed 1)"
else
	echo "FAIL fuzz/supplicant (see $log)"
	tail -n 30 "$log"
fi
