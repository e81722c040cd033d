#!/bin/bash
# 20 s of busy loops on all four CPUs: timer interrupts must keep arriving on
# every CPU and the kernel must log no trap, stall or RCU warning.
set -u
. "$(dirname "$0")/lib.sh"

overlay=$(guest_overlay)
console="$TEST_OUT/busy.console.log"
secure="$TEST_OUT/busy.secure.log"
"$RUN_QEMU" --cpu max --smp 4 --overlay "$overlay" --timeout 300 \
	--console-log "$console" --secure-log "$secure" \
	--cmd "rampart-boot-checks 4 20" >/dev/null 2>&1
rc=$?
if [ $rc -ne 0 ]; then
	fail "busy/guest_ran" "run-qemu exit $rc" "$console"
	exit 0
fi
report_results busy "$console" "$secure" timer_ticks_all_cpus kernel_log_clean
