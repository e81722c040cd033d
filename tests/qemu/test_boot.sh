#!/bin/bash
# Boot Debian's kernel under our firmware on every CPU model / SMP count the
# issue names, and check CPUs, PSCI, hotplug, TEE modules and a clean log,
# plus the secure log's per-CPU initialisation lines.
set -u
. "$(dirname "$0")/lib.sh"

overlay=$(guest_overlay)
# fpcheck's second round talks to fp_ta (FP/SIMD in a TA).
mkdir -p "$overlay/lib/optee_armtz"
cp "$REPO"/out/ta/fp_ta/*.ta "$overlay/lib/optee_armtz/" 2>/dev/null
configs=${RAMPART_BOOT_CONFIGS:-"max:1 max:4 cortex-a57:1 cortex-a57:4"}

for cfg in $configs; do
	cpu=${cfg%%:*}
	smp=${cfg##*:}
	name="boot/$cpu-smp$smp"
	console="$TEST_OUT/$cpu-smp$smp.console.log"
	secure="$TEST_OUT/$cpu-smp$smp.secure.log"
	"$RUN_QEMU" --cpu "$cpu" --smp "$smp" --overlay "$overlay" --timeout 240 \
		--console-log "$console" --secure-log "$secure" \
		--cmd "rampart-boot-checks $smp" >/dev/null 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then
		fail "$name/guest_ran" "run-qemu exit $rc" "$console"
		continue
	fi
	pass "$name/guest_ran"
	checks="cpus_online psci_detected tee_modules_loaded optee_probed fp_simd_preserved fp_simd_preserved_ta kernel_log_clean"
	[ "$smp" -gt 1 ] && checks="$checks cpu_hotplug"
	report_results "$name" "$console" "$secure" $checks

	# Secure side: the core initialised every CPU (secondaries once per
	# CPU_ON: boot plus two hotplug rounds), and the monitor powered off.
	ok=1
	detail=""
	for c in $(seq 0 $((smp - 1))); do
		n=$(grep -c "\[core\] cpu $c initialised" "$secure")
		want=1
		[ "$c" -gt 0 ] && want=3
		[ "$n" -eq "$want" ] || ok=0
		detail="$detail cpu$c:$n"
	done
	if [ $ok = 1 ]; then
		pass "$name/secure_log_cpus_initialised" "$detail"
	else
		fail "$name/secure_log_cpus_initialised" "$detail" "$secure"
	fi
	if grep -q "\[mon\] system off" "$secure" && ! grep -q "PANIC" "$secure"; then
		pass "$name/secure_log_clean_poweroff"
	else
		fail "$name/secure_log_clean_poweroff" "" "$secure"
	fi
done
