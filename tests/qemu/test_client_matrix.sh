#!/bin/bash
# Compatibility matrix against our Trusted OS, in one boot:
#   {our libteec, Debian's libteec.so.1} x {our tee-supplicant, Debian's}.
# Each cell runs the client-API test program's supplicant-served tests
# (rpc_*: SHM, REE FS, TA lookup, RPMB, time) plus a plain session.
set -u
. "$(dirname "$0")/lib.sh"

supp="$REPO/out/export-client/sbin/tee-supplicant"
cells="ourlib_debsupp deblib_debsupp ourlib_oursupp deblib_oursupp"
names="open_close rpc_shm_kernel rpc_shm_appl rpc_fs rpc_load_ta_missing rpc_rpmb_info rpc_get_time"
missing=""
for f in "$supp" "$REPO/out/guest/teec_test" "$REPO/out/guest/teec_test_debian"; do
	[ -x "$f" ] || missing="$missing $f"
done
if [ -n "$missing" ]; then
	for c in $cells; do fail "matrix/$c/built" "missing:$missing"; done
	exit 0
fi

overlay=$(guest_overlay)
mkdir -p "$overlay/usr/sbin"
cp "$supp" "$overlay/usr/sbin/rampart-supplicant"
console="$TEST_OUT/matrix.console.log"
secure="$TEST_OUT/matrix.secure.log"

guest_cmd=$(cat <<'GUEST'
run() { for n in open_close rpc_shm_kernel rpc_shm_appl rpc_fs rpc_load_ta_missing rpc_rpmb_info rpc_get_time; do
	$2 $n 2>&1 | grep '@@RESULT' | grep " $n " | head -1 | sed "s/@@RESULT $n /@@RESULT $1\/$n /"; done; }
pidof tee-supplicant >/dev/null && echo "@@RESULT debian_supplicant_running pass @@"
run ourlib_debsupp teec_test
run deblib_debsupp teec_test_debian
killall tee-supplicant; sleep 1
rampart-supplicant -d -f /var/lib/optee-client/data/tee -t optee_armtz
sleep 1
pidof rampart-supplicant >/dev/null && echo "@@RESULT our_supplicant_running pass @@"
run ourlib_oursupp teec_test
run deblib_oursupp teec_test_debian
GUEST
)
"$RUN_QEMU" --smp 2 --overlay "$overlay" --timeout 300 --console-log "$console" \
	--secure-log "$secure" --cmd "$guest_cmd" >/dev/null 2>&1
rc=$?
if [ $rc -ne 0 ]; then
	fail "matrix/guest_ran" "run-qemu exit $rc" "$console"
	exit 0
fi
report_results matrix "$console" "$secure" debian_supplicant_running our_supplicant_running
for c in $cells; do
	expected=""
	for n in $names; do expected="$expected $c/$n"; done
	report_results matrix "$console" "$secure" $expected
done
