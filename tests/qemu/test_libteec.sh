#!/bin/bash
# The GlobalPlatform TEE Client API: boot the guest once (4 CPUs) and run
# tests/guest/teec_test three times: against our libteec (teec_test,
# static), against it with the driver's REG_MEM and MEMREF_NULL
# capabilities ignored (shadow buffers and dummy NULL memrefs, the paths a
# TEE without dynamic shared memory takes), and the same source compiled
# with our header but linked with Debian's libteec.so.1 (teec_test_debian),
# which checks the header's binary compatibility with optee_client 3.19.
# Also checks that examples/hello_world/host was built, as a user would
# build it, and that it runs (its TA does not exist yet: it must report
# TEEC_ERROR_ITEM_NOT_FOUND from TEEC_OpenSession).
set -u
. "$(dirname "$0")/lib.sh"

# teec_test's names (tests/guest/teec_test/, table "tests").
tests="context open_close open_with_operation open_unknown_uuid open_bad_args
	logins login_application invoke_bad_session value_add value_shapes
	bad_param_types temp_memref temp_zero_and_null temp_directions
	allocated_shm allocated_zero registered_shm partial_directions
	whole_directions partial_bounds shm_bad_args shm_oversize shm_release
	register_fd cancel cancel_one_of_two cancel_not_running threads rpc_shm_kernel
	rpc_shm_appl rpc_fs rpc_load_ta_missing rpc_rpmb_info rpc_get_time"
runs="teec_ours teec_ours_shadow teec_debian"
hello="$REPO/out/examples/hello_world/hello_world"

if [ -x "$hello" ]; then
	pass "libteec/hello_world_built" "out/examples/hello_world/hello_world"
else
	fail "libteec/hello_world_built" "out/examples/hello_world/hello_world missing (make builds it)"
fi

missing=""
for prog in teec_test teec_test_debian; do
	[ -x "$REPO/out/guest/$prog" ] || missing="$missing out/guest/$prog"
done
if [ -n "$missing" ]; then
	for run in $runs; do
		for t in $tests; do
			fail "$run/$t" "not built:$missing (make builds them)"
		done
	done
	fail "libteec/hello_world_runs" "not run"
	exit 0
fi

overlay=$(guest_overlay)
[ -x "$hello" ] && cp "$hello" "$overlay/usr/bin/hello_world"

# Each run's lines are framed by @@SECTION name@@ markers.
guest_cmd='echo @@SECTION teec_ours@@; teec_test --budget 200
echo @@SECTION teec_ours_shadow@@
RAMPART_TEEC_NO_REG_MEM=1 RAMPART_TEEC_NO_MEMREF_NULL=1 teec_test --budget 200
echo @@SECTION teec_debian@@; teec_test_debian --budget 200
echo @@SECTION hello_world@@
if [ -x /usr/bin/hello_world ]; then hello_world; echo "hello_world exit $?"; fi
echo @@SECTION end@@'

console="$TEST_OUT/libteec.console.log"
secure="$TEST_OUT/libteec.secure.log"
rm -f "$console" "$secure"
"$RUN_QEMU" --smp 4 --overlay "$overlay" --timeout 720 \
	--console-log "$console" --secure-log "$secure" \
	--cmd "$guest_cmd" >/dev/null 2>&1
rc=$?
touch "$console" "$secure"
if grep -aq '@@EXIT [0-9]*@@' "$console"; then
	pass "libteec/guest_ran" "exit $rc"
else
	fail "libteec/guest_ran" "run-qemu exit $rc (124: timeout)" "$console"
fi

# section NAME: the console lines between @@SECTION NAME@@ and the next one.
section() {
	tr -d '\r' <"$console" | awk -v want="@@SECTION $1@@" '
		/^@@SECTION / { on = ($0 == want); next }
		on { print }'
}

for run in $runs; do
	part="$TEST_OUT/libteec.$run.log"
	section "$run" >"$part"
	report_results "$run" "$part" "$secure" $tests
done

out=$(section hello_world)
if echo "$out" | grep -q 'TEEC_OpenSession failed with code 0xffff0008'; then
	pass "libteec/hello_world_runs" "$(echo "$out" | grep -m1 'failed with' | sed 's/^.*: //')"
else
	fail "libteec/hello_world_runs" "$(echo "$out" | head -3 | tr '\n' '|')"
fi

if [ -s "$secure" ] && ! grep -aq 'PANIC' "$secure"; then
	pass "libteec/secure_log_clean"
else
	fail "libteec/secure_log_clean" "empty secure log or PANIC" "$secure"
fi
