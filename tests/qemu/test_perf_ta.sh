#!/bin/bash
# The symmetric crypto benchmark TA does the work it is timed for:
# `cryptobench check` runs every perf_ta command (AES-128 ECB, CBC, CTR,
# GCM, XTS; SHA-1, SHA-256, SHA-512) once, with 3 chained iterations over
# its 1 KiB pattern buffer, and compares the output (plus the GCM tag) with
# known answers computed with OpenSSL; an operation skipped, an iteration
# dropped or a wrong mode changes them. No timing is asserted. One boot,
# cortex-a57 smp 2 (the setup of the figures); prefix perf_ta:
#   perf_ta/guest_ran, perf_ta/perf_<alg>, perf_ta/no_core_panic
# and perf_ta/perf_bad_params: sizes and algorithms the TA must refuse
# (BAD_PARAMETERS, the session still usable).
set -u
. "$(dirname "$0")/lib.sh"

PERF_TA=f73b38ef-796e-43b7-bff5-4a9d60b7bc19
bin="$REPO/out/guest/cryptobench"
ta="$REPO/out/ta/perf_ta/$PERF_TA.ta"
algs="aes128-ecb aes128-cbc aes128-ctr aes128-gcm aes128-xts sha1 sha256
	sha512"
names="$(for a in $algs; do echo "perf_$a"; done) perf_bad_params"

if [ ! -e "$bin" ] || [ ! -e "$ta" ]; then
	for t in guest_ran $names no_core_panic; do
		fail "perf_ta/$t" "cryptobench or perf_ta not built (make check builds them)"
	done
	exit 0
fi

overlay="$TEST_OUT/perf-overlay"
rm -rf "$overlay"
mkdir -p "$overlay/usr/bin" "$overlay/lib/optee_armtz"
cp "$bin" "$overlay/usr/bin/"
cp "$ta" "$overlay/lib/optee_armtz/"
console="$TEST_OUT/perf_ta.console.log"
secure="$TEST_OUT/perf_ta.secure.log"
rm -f "$console" "$secure"
"$RUN_QEMU" --smp 2 --cpu cortex-a57 --overlay "$overlay" --timeout 300 \
	--console-log "$console" --secure-log "$secure" \
	--cmd 'cryptobench check; echo "cryptobench exit $?"' >/dev/null 2>&1
rc=$?
touch "$console" "$secure"
if grep -aq 'cryptobench exit' "$console"; then
	pass "perf_ta/guest_ran" "$(grep -a 'cryptobench exit' "$console" | tr -d '\r' | tail -1)"
else
	fail "perf_ta/guest_ran" "run-qemu exit $rc (124: timeout)" "$console"
fi
report_results "perf_ta" "$console" "$secure" $names
if [ -s "$secure" ] && ! grep -aq 'PANIC' "$secure"; then
	pass "perf_ta/no_core_panic"
else
	fail "perf_ta/no_core_panic" "empty secure log or PANIC" "$secure"
fi
