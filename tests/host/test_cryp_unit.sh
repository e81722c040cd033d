#!/bin/bash
# The core's GP crypto service on the host (ASan/UBSan, mbedTLS built for
# the host, OpenSSL as the reference): out/tests/cryp_unit_tests, built by
# tests/unit/cryp/cryp_unit.mk. Type and attribute rules, object life
# cycle, block buffering, every algorithm against OpenSSL with random
# pieces, the per-instance budget, and the GP constants shared with
# libutee.
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
bin="$REPO/out/tests/cryp_unit_tests"
log="$REPO/out/tests/cryp_unit_tests.log"

if [ ! -x "$bin" ]; then
	echo "FAIL cryp/unit_tests_built ($bin missing)"
	exit 0
fi
ASAN_OPTIONS=detect_leaks=1 "$bin" >"$log" 2>&1
rc=$?
grep -E '^(PASS|FAIL) ' "$log" | sed 's#^\(PASS\|FAIL\) unit/#\1 cryp/#'
if [ $rc -ne 0 ] && ! grep -q '^FAIL ' "$log"; then
	echo "FAIL cryp/unit_tests_exit (exit $rc)"
	tail -n 30 "$log"
elif grep -q '^FAIL ' "$log"; then
	grep -v -E '^(PASS|FAIL|unit:) ' "$log" | head -n 40
fi
