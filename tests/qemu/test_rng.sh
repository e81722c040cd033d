#!/bin/bash
# The core's RNG pseudo TA as Linux's optee-rng uses it: one boot per CPU
# model, --smp 2, cortex-a57 (prefix rng_a57: no RNDR, the DRBG is seeded
# from timing jitter, quality 1/1024 expected) and max (rng_max: RNDR,
# 1024/1024). In the guest, tests/guest/rngtest checks the hwrng Linux
# bound (rng_current), /dev/hwrng output against health tests, the quality
# Linux credits (sysfs) and GET_RNG_INFO's, the login policy, malformed
# calls and device enumeration. From the logs: the secure log names the
# same quality and seed source (quality_logged), the kernel logged no
# warning and nothing from optee-rng or hwrng (kernel_log_clean), and the
# core did not panic (no_core_panic).
set -u
. "$(dirname "$0")/lib.sh"

# prefix:cpu:expected quality:seed source the core logs
runs='a57:cortex-a57:1:CNTPCT jitter (WEAK)
max:max:1024:RNDR (FEAT_RNG)'
guest_tests="health_selfcheck rng_current rng_quality_sysfs pta_rng_info
	pta_login_refused device_enum pta_get_entropy pta_bad_params
	pta_parallel hwrng_health hwrng_reads_differ"
host_checks="guest_ran kernel_log_clean quality_logged no_core_panic"

if [ ! -x "$REPO/out/guest/rngtest" ]; then
	for p in rng_a57 rng_max; do
		for t in $host_checks $guest_tests; do
			fail "$p/$t" "out/guest/rngtest not built (make builds it)"
		done
	done
	exit 0
fi
overlay=$(guest_overlay)

# Anything the kernel says about hwrng or optee-rng is an error here: on
# success the driver binds silently.
log_check='bad=$(dmesg | grep -E "WARNING:|BUG:|Oops|Call trace|Internal error|optee-rng|optee_rng|hwrng|TA_CMD_|tee_client_open_session|device registration failed")
if [ -z "$bad" ]; then echo "@@RESULT kernel_log_clean pass no warnings, nothing from optee-rng@@"
else echo "@@RESULT kernel_log_clean fail $(echo "$bad" | head -3 | tr "\n@" "| ")@@"; fi'

while IFS=: read -r short cpu quality source; do
	prefix="rng_$short"
	console="$TEST_OUT/rng-$short.console.log"
	secure="$TEST_OUT/rng-$short.secure.log"
	rm -f "$console" "$secure"
	"$RUN_QEMU" --smp 2 --cpu "$cpu" --overlay "$overlay" --timeout 400 \
		--console-log "$console" --secure-log "$secure" \
		--cmd "rngtest --quality $quality --budget 320; echo \"rngtest exit \$?\"
$log_check" </dev/null >/dev/null 2>&1
	rc=$?
	touch "$console" "$secure"
	if grep -aq 'rngtest exit' "$console"; then
		pass "$prefix/guest_ran" "$(grep -a 'rngtest: .* passed' "$console" | tr -d '\r' | tail -1)"
	else
		fail "$prefix/guest_ran" "run-qemu exit $rc (124: timeout)" "$console"
	fi
	report_results "$prefix" "$console" "$secure" $guest_tests kernel_log_clean

	want="rng.pta: quality $quality/1024 (DRBG seeded from $source)"
	if grep -aqF "$want" "$secure"; then
		pass "$prefix/quality_logged" "$want"
	else
		fail "$prefix/quality_logged" "no '$want'; $(grep -a 'rng.pta' "$secure" | head -1 | tr -d '\r')" "$secure"
	fi
	if [ -s "$secure" ] && ! grep -aq 'PANIC' "$secure"; then
		pass "$prefix/no_core_panic"
	else
		fail "$prefix/no_core_panic" "empty secure log or PANIC" "$secure"
	fi
done <<<"$runs"
