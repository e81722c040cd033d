#!/bin/bash
# tee-supplicant's host unit tests (out/tests/supp_unit_tests, built with
# ASan/UBSan): their PASS/FAIL lines, without the binary's own count line
# (tests/run-all.sh does the counting).
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
bin="$REPO/out/tests/supp_unit_tests"
if [ ! -x "$bin" ]; then
	echo "FAIL supp_unit/built ($bin not built)"
	exit 0
fi
out=$(cd "$REPO" && "$bin" 2>&1)
rc=$?
echo "$out" | grep -E '^(PASS|FAIL) '
# A crash (sanitizer report) ends the binary before its count line.
if ! echo "$out" | grep -qE '^unit: [0-9]+ passed, [0-9]+ failed$'; then
	echo "FAIL supp_unit/completed (exit $rc)"
	echo "$out" | tail -n 30
fi
