#!/bin/bash
# `reboot` and `poweroff` in the guest go through PSCI SYSTEM_RESET/OFF to
# the monitor, which ends QEMU (reset exits because of -no-reboot).
set -u
. "$(dirname "$0")/lib.sh"

for action in poweroff reboot; do
	console="$TEST_OUT/$action.console.log"
	secure="$TEST_OUT/$action.secure.log"
	"$RUN_QEMU" --smp 2 --timeout 120 --console-log "$console" \
		--secure-log "$secure" --cmd "$action -f" >/dev/null 2>&1
	rc=$?
	want="system off"
	[ $action = reboot ] && want="system reset"
	# 125: QEMU ended by itself without the guest reporting a status,
	# which is what a power-off or reset from inside the command means.
	if [ $rc -eq 125 ] && grep -q "\[mon\] $want" "$secure"; then
		pass "power/$action" "monitor: $want, QEMU exited"
	else
		fail "power/$action" "run-qemu exit $rc" "$secure"
	fi
done
