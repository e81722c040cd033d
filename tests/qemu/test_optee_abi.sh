#!/bin/bash
# The OP-TEE message ABI as Linux's driver uses it: boot the guest on SMP
# configs and run teetest (tests/guest/teetest/, built into out/guest by
# `make check`), which drives /dev/tee0 with raw ioctls against the test
# pseudo TA. Plus host-side checks: the driver probed, the device nodes
# exist, the kernel log has no splat and the secure world did not panic.
set -u
. "$(dirname "$0")/lib.sh"

configs=${RAMPART_ABI_CONFIGS:-"max:4 cortex-a57:4"}
# teetest's names; the rpc_* ones after rpc_get_time are served by the
# tee-supplicant the guest starts at boot (Debian's, unmodified).
tests="version open_close unknown_uuid value_add bad_param_types
	memref_0 memref_1 memref_4096 memref_2_5mib_unaligned memref_shm_alloc
	rpc_shm_kernel rpc_get_time concurrent_fds cancel barrier_threads
	ethread_limit rpc_shm_appl rpc_fs rpc_load_ta_missing rpc_rpmb"
host_checks="driver_probed device_nodes kernel_log_clean secure_log_clean"

# The kernel cmdline has "quiet", so the driver's probe lines are only in
# dmesg; kernel warnings/oopses (printed at WARNING level) likewise.
guest_cmd='dmesg | grep -i optee; ls -l /dev/tee0 /dev/teepriv0; teetest --with-supplicant; rc=$?
dmesg | grep -E "WARNING:|BUG:|Oops|Call trace|Internal error|hung_task|soft lockup|rcu.*stall" | sed "s/^/KLOG-BAD: /"
exit $rc'

if [ ! -x "$REPO/out/guest/teetest" ]; then
	for cfg in $configs; do
		name="abi/${cfg%%:*}-smp${cfg##*:}"
		for t in guest_ran $tests $host_checks; do
			fail "$name/$t" "out/guest/teetest not built (make check builds it)"
		done
	done
	exit 0
fi
overlay=$(guest_overlay)

for cfg in $configs; do
	cpu=${cfg%%:*}
	smp=${cfg##*:}
	name="abi/$cpu-smp$smp"
	console="$TEST_OUT/abi-$cpu-smp$smp.console.log"
	secure="$TEST_OUT/abi-$cpu-smp$smp.secure.log"
	rm -f "$console" "$secure"
	"$RUN_QEMU" --cpu "$cpu" --smp "$smp" --overlay "$overlay" --timeout 300 \
		--console-log "$console" --secure-log "$secure" \
		--cmd "$guest_cmd" >/dev/null 2>&1
	rc=$?
	touch "$console" "$secure"
	# teetest's own exit status is 1 when a test failed; those failures are
	# reported per test below. guest_ran only says the command completed.
	if grep -aq '@@EXIT [0-9]*@@' "$console"; then
		pass "$name/guest_ran" "exit $rc"
	else
		fail "$name/guest_ran" "run-qemu exit $rc (124: timeout)" "$console"
	fi
	report_results "$name" "$console" "$secure" $tests

	if grep -aq 'optee: revision' "$console" &&
		grep -aq 'optee: initialized driver' "$console"; then
		pass "$name/driver_probed" \
			"$(grep -a -o 'optee: revision.*' "$console" | head -1 | tr -d '\r')"
	else
		fail "$name/driver_probed" "no 'optee: revision' + 'optee: initialized driver' in dmesg" "$console"
	fi
	nodes=0
	for dev in /dev/tee0 /dev/teepriv0; do
		tr -d '\r' <"$console" | grep -aqE "^c[rwx-]{9}.* $dev\$" && nodes=$((nodes + 1))
	done
	if [ $nodes = 2 ]; then
		pass "$name/device_nodes" "/dev/tee0 /dev/teepriv0"
	else
		fail "$name/device_nodes" "$(grep -a '/dev/tee' "$console" | head -2 | tr -d '\r' | tr '\n' '|')"
	fi
	if ! grep -aq 'KLOG-BAD: ' "$console"; then
		pass "$name/kernel_log_clean"
	else
		fail "$name/kernel_log_clean" "$(grep -a 'KLOG-BAD: ' "$console" | head -3 | tr -d '\r' | tr '\n' '|')"
	fi
	if [ -s "$secure" ] && ! grep -aq 'PANIC' "$secure"; then
		pass "$name/secure_log_clean"
	else
		fail "$name/secure_log_clean" "empty secure log or PANIC" "$secure"
	fi
done
