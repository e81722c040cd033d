#!/bin/bash
# `make run CMD=...` runs the command in the guest and reports its status;
# OVERLAY= files reach the guest. GNU make itself can only exit 0 or 2, so the
# exact status is checked on scripts/run-qemu.sh, which `make run` calls.
set -u
. "$(dirname "$0")/lib.sh"

dir="$TEST_OUT/user-overlay"
rm -rf "$dir"
mkdir -p "$dir/usr/bin"
printf '#!/bin/sh\necho "overlay-marker-$1"\n' > "$dir/usr/bin/hello-overlay"
chmod +x "$dir/usr/bin/hello-overlay"

out="$TEST_OUT/make-run.out"
make -s -C "$REPO" run OVERLAY="$dir" CMD='hello-overlay 42; exit 7' >"$out" 2>&1
rc=$?
if [ $rc -ne 0 ] && grep -q "guest command exited with status 7" "$out"; then
	pass "run/make_run_reports_failure" "make exit $rc, guest status 7"
else
	fail "run/make_run_reports_failure" "make exit $rc" "$out"
fi
if grep -q "overlay-marker-42" "$out"; then
	pass "run/overlay"
else
	fail "run/overlay" "marker missing" "$out"
fi
make -s -C "$REPO" run CMD='true' >"$out" 2>&1
rc=$?
if [ $rc -eq 0 ]; then
	pass "run/make_run_success"
else
	fail "run/make_run_success" "make exit $rc" "$out"
fi

out="$TEST_OUT/run-qemu.out"
"$RUN_QEMU" --cmd 'exit 42' >"$out" 2>&1
rc=$?
if [ $rc -eq 42 ]; then
	pass "run/exact_exit_status" "42"
else
	fail "run/exact_exit_status" "got $rc" "$out"
fi
