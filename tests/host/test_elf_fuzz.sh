#!/bin/bash
# libFuzzer over the TA ELF decoder/loader: fixed seed and run count, seeded
# with the stripped ELFs of three real TAs (tests/fuzz/corpus/elf_ta;
# bti_ta.elf carries the BTI/PAC GNU property note).
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
bin="$REPO/out/tests/fuzz_elf_ta"
work="$REPO/out/tests/fuzz-corpus-elf"
log="$REPO/out/tests/fuzz_elf_ta.log"
runs=${RAMPART_FUZZ_RUNS:-200000}
if [ ! -x "$bin" ]; then
	echo "FAIL fuzz/elf_ta ($bin not built)"
	exit 0
fi
rm -rf "$work"
mkdir -p "$work"
cp "$REPO"/tests/fuzz/corpus/elf_ta/* "$work/"
if "$bin" -seed=1 -runs="$runs" -timeout=10 -max_len=65536 "$work" >"$log" 2>&1; then
	echo "PASS fuzz/elf_ta ($(grep -o 'DONE.*cov: [0-9]*' "$log" | sed 's/.*cov/cov/'), $runs runs, seed 1)"
else
	echo "FAIL fuzz/elf_ta (see $log)"
	tail -n 30 "$log"
fi
