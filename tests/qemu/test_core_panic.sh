#!/bin/bash
# A core that panics must make Trusted OS calls fail, not hang Linux: boot a
# test build whose core panics on the first call (Linux's optee probe), then
# check that Linux still boots, hotplugs CPUs and powers off.
set -u
. "$(dirname "$0")/lib.sh"

bios="$REPO/out/test-panic/rampart.bin"
overlay=$(guest_overlay)
console="$TEST_OUT/panic.console.log"
secure="$TEST_OUT/panic.secure.log"
if [ ! -f "$bios" ]; then
	fail "core_panic/test_firmware_built" "$bios missing (make test-firmware)"
	exit 0
fi
"$RUN_QEMU" --bios "$bios" --smp 2 --overlay "$overlay" --timeout 240 \
	--console-log "$console" --secure-log "$secure" \
	--cmd 'rampart-boot-checks 2; dmesg | grep -i optee' >/dev/null 2>&1
rc=$?
if [ $rc -ne 0 ]; then
	fail "core_panic/guest_ran" "run-qemu exit $rc" "$secure"
	exit 0
fi
pass "core_panic/guest_ran"
report_results core_panic "$console" "$secure" cpus_online cpu_hotplug kernel_log_clean
if grep -q "\[core\] PANIC: test build" "$secure" &&
	grep -q "\[mon\] core panicked on cpu .*: Trusted OS calls now fail" "$secure"; then
	pass "core_panic/monitor_marks_core_dead"
else
	fail "core_panic/monitor_marks_core_dead" "" "$secure"
fi
# Linux saw an error answer (not a hang): its probe gave up cleanly.
if grep -q "optee: api uid mismatch" "$console"; then
	pass "core_panic/linux_got_error_answer"
else
	fail "core_panic/linux_got_error_answer" "" "$console"
fi
if grep -q "\[mon\] system off" "$secure"; then
	pass "core_panic/poweroff_without_core"
else
	fail "core_panic/poweroff_without_core" "" "$secure"
fi
