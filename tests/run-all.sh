#!/bin/bash
# Runs every test: host unit tests, then the in-QEMU suites. Each prints
# PASS/FAIL lines; the last line here is "N passed, N failed".
set -u
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run_suite() {
	echo "== $1"
	shift
	"$@" 2>&1 | tee -a "$log"
}

run_suite "host unit tests" out/tests/unit_tests
for t in tests/host/test_*.sh tests/qemu/test_*.sh; do
	suite=${RAMPART_TESTS:-}
	if [ -n "$suite" ] && ! echo "$t" | grep -qE "$suite"; then
		continue
	fi
	run_suite "$t" "$t"
done

passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
