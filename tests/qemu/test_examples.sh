#!/bin/bash
# The examples (examples/*) as a developer outside this tree uses them: each
# example directory, and copies of the exported TA dev kit
# (out/export-ta_arm64) and client tree (out/export-client), go to a
# temporary directory outside the repository; the TA and its client are
# built there with their own Makefiles, installed into the guest (TA in
# /lib/optee_armtz, client in /usr/bin) and run in one boot. Checks:
#   <ex>_builds, <ex>_no_warnings, <ex>_no_tree_paths (nothing from the
#     source tree on the compile/link lines, only the copies)
#   hello_world_runs: 42 incremented to 43
#   random: the default is 32 bytes of hex, `random 16` twice gives two
#     different 16-byte strings, `random 4096` gives 4096 bytes with at
#     least 200 distinct values, `random 0` an empty line; 4097, -1 and abc
#     give the usage message and exit 2
#   counter: get 0 on the fresh instance; inc three times, each in its own
#     process (so no session stays open between them) -> 1, 2, 3; get -> 3;
#     reset -> 0; get -> 0; demo (two sessions at once share the count, a
#     fresh session after both closed still sees it); a bad command gives
#     usage and exit 2; the secure log shows the instance created once
# The boot uses the firmware `make CFG_DEBUG_PTA=n` builds (out/cfg-nodebug,
# trusting the dev kit's key): the examples need nothing more, and a probe
# client checks that the debug pseudo TA's UUID answers
# TEE_ERROR_ITEM_NOT_FOUND, origin TEE (debug_pta_switch/runtime_*). If that
# firmware does not build, the default one runs the examples.
set -u
. "$(dirname "$0")/lib.sh"

CROSS_COMPILE=${CROSS_COMPILE:-aarch64-linux-gnu-}
# Build as a developer would: nothing inherited from a calling make (its
# O=, CFG_*=, -j options).
unset MAKEFLAGS MFLAGS MAKELEVEL
P=examples
examples="hello_world random counter"
declare -A UUID=([hello_world]=8aaaf200-2450-11e4-abe2-0002a5d5c51b
	[random]=7b14e571-4fab-4dc4-936e-6649ce7ada4a
	[counter]=671eb512-98bd-4bb3-ad44-f38bacfb1f02)
run_checks="guest_ran hello_world_runs random_default random_two_runs_differ
	random_4096 random_zero random_bad_n counter_fresh_get counter_inc_across_processes
	counter_get_after_close counter_reset counter_demo counter_bad_command
	counter_one_instance no_core_panic"
switch_checks="runtime_firmware_builds runtime_item_not_found"

all_fail() {
	for ex in $examples; do
		for c in builds no_warnings no_tree_paths; do fail "$P/${ex}_$c" "$1"; done
	done
	for c in $run_checks; do fail "$P/$c" "$1"; done
	for c in $switch_checks; do fail "debug_pta_switch/$c" "$1"; done
	exit 0
}

for d in out/export-ta_arm64/mk out/export-client/lib/libteec.a; do
	[ -e "$REPO/$d" ] || all_fail "$d missing (make builds it)"
done
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rampart-examples.XXXXXX") || all_fail "mktemp failed"
case "$WORK/" in "$REPO"/*) all_fail "temporary directory $WORK is inside the repository" ;; esac
trap 'rm -rf "$WORK"' EXIT
cp -r "$REPO/out/export-ta_arm64" "$REPO/out/export-client" "$WORK/"
overlay="$WORK/overlay"
mkdir -p "$overlay/lib/optee_armtz" "$overlay/usr/bin"

# --- build each example outside the tree -------------------------------------
for ex in $examples; do
	cp -r "$REPO/examples/$ex" "$WORK/$ex"
	rm -f "$WORK/$ex"/ta/*.ta "$WORK/$ex"/ta/*.o "$WORK/$ex/host/$ex"
	log="$WORK/$ex.log"
	if make -C "$WORK/$ex/ta" V=1 CROSS_COMPILE="$CROSS_COMPILE" \
		TA_DEV_KIT_DIR="$WORK/export-ta_arm64" >"$log" 2>&1 &&
		make -C "$WORK/$ex/host" CROSS_COMPILE="$CROSS_COMPILE" \
			TEEC_EXPORT="$WORK/export-client" >>"$log" 2>&1 &&
		[ -s "$WORK/$ex/ta/${UUID[$ex]}.ta" ] && [ -x "$WORK/$ex/host/$ex" ]; then
		pass "$P/${ex}_builds" "${UUID[$ex]}.ta, $ex"
		cp "$WORK/$ex/ta/${UUID[$ex]}.ta" "$overlay/lib/optee_armtz/"
		cp "$WORK/$ex/host/$ex" "$overlay/usr/bin/"
	else
		fail "$P/${ex}_builds" "" "$log"
	fi
	if grep -qi 'warning' "$log"; then
		fail "$P/${ex}_no_warnings" "$(grep -i -m1 warning "$log")"
	else
		pass "$P/${ex}_no_warnings"
	fi
	tree=$(grep -o "$REPO/[^ ]*" "$log" | sort -u | head -3)
	if [ -z "$tree" ]; then
		pass "$P/${ex}_no_tree_paths"
	else
		fail "$P/${ex}_no_tree_paths" "$(echo $tree)"
	fi
done
chmod 644 "$overlay"/lib/optee_armtz/* 2>/dev/null

# --- the CFG_DEBUG_PTA=n firmware and a client opening the debug PTA ---------
bios="$REPO/out/rampart.bin"
nodebug=out/cfg-nodebug
if make --no-print-directory -C "$REPO" -j2 \
	O=$nodebug CFG_DEBUG_PTA=n TA_SIGN_KEY="$REPO/out/export-ta_arm64/keys/default_ta.pem" \
	$nodebug/rampart.bin >"$WORK/nodebug.log" 2>&1; then
	pass "debug_pta_switch/runtime_firmware_builds" "$nodebug/rampart.bin"
	bios="$REPO/$nodebug/rampart.bin"
else
	fail "debug_pta_switch/runtime_firmware_builds" "" "$WORK/nodebug.log"
fi
cat >"$WORK/open_debug_pta.c" <<'C'
#include <stdio.h>
#include <tee_client_api.h>
int main(void)
{
	const TEEC_UUID debug_pta = { 0x1013d987, 0x7656, 0x4c67,
		{ 0x93, 0x8a, 0x45, 0x90, 0x4b, 0x18, 0x93, 0xcf } };
	TEEC_Context ctx;
	TEEC_Session sess;
	uint32_t origin = 0;
	TEEC_Result res = TEEC_InitializeContext(NULL, &ctx);

	if (res == TEEC_SUCCESS)
		res = TEEC_OpenSession(&ctx, &sess, &debug_pta, TEEC_LOGIN_PUBLIC,
				       NULL, NULL, &origin);
	printf("open 0x%x origin %u\n", res, origin);
	return 0;
}
C
${CROSS_COMPILE}gcc -static -O2 -Wall -Werror -I"$WORK/export-client/include" \
	"$WORK/open_debug_pta.c" -L"$WORK/export-client/lib" -lteec -pthread \
	-o "$overlay/usr/bin/open_debug_pta" >"$WORK/probe.log" 2>&1 ||
	cat "$WORK/probe.log"

# --- one boot runs them all ------------------------------------------------------
# run NAME CMD...: the output between @@SECTION NAME@@ and "@@STATUS n@@".
guest_cmd='run() { n=$1; shift; echo "@@SECTION $n@@"; "$@" 2>&1; echo "@@STATUS $?@@"; }
run hello hello_world
run rnd_default random
run rnd_a random 16
run rnd_b random 16
run rnd_4096 random 4096
run rnd_0 random 0
run rnd_4097 random 4097
run rnd_neg random -1
run rnd_abc random abc
run cnt_get0 counter get
run cnt_inc1 counter inc
run cnt_inc2 counter inc
run cnt_inc3 counter inc
run cnt_get3 counter get
run cnt_reset counter reset
run cnt_get_reset counter get
run cnt_demo counter demo
run cnt_bad counter bogus
run debug_pta open_debug_pta
echo @@SECTION end@@'

console="$TEST_OUT/examples.console.log"
secure="$TEST_OUT/examples.secure.log"
rm -f "$console" "$secure"
"$RUN_QEMU" --smp 2 --bios "$bios" --overlay "$overlay" --timeout 300 \
	--console-log "$console" --secure-log "$secure" \
	--cmd "$guest_cmd" >/dev/null 2>&1
rc=$?
touch "$console" "$secure"
if grep -aq '@@SECTION end@@' "$console"; then
	pass "$P/guest_ran" "exit $rc"
else
	fail "$P/guest_ran" "run-qemu exit $rc (124: timeout)" "$console"
fi

# out NAME: the section's output lines; status NAME: its exit status.
section() {
	tr -d '\r' <"$console" | awk -v want="@@SECTION $1@@" '
		/^@@SECTION / { on = ($0 == want); next }
		on { print }'
}
out() { section "$1" | grep -v '^@@STATUS '; }
status() { section "$1" | sed -n 's/^@@STATUS \([0-9]*\)@@$/\1/p'; }
# expect CHECK DETAIL-ON-FAIL CONDITION...
expect() {
	local name=$1 why=$2
	shift 2
	if "$@"; then pass "$P/$name" "$why"; else fail "$P/$name" "$why"; fi
}
is_hex() { # string, bytes
	[ "${#1}" -eq $((2 * $2)) ] && [[ "$1" =~ ^[0-9a-f]*$ ]]
}
oneline() { echo "$1" | head -3 | tr '\n' '|' | head -c 200; }

o=$(out hello)
expect hello_world_runs "$(oneline "$o")" \
	eval '[ "$(status hello)" = 0 ] && echo "$o" | grep -qx "TA incremented value to 43"'

o=$(out rnd_default)
expect random_default "$(oneline "$o")" eval '[ "$(status rnd_default)" = 0 ] && is_hex "$o" 32'
a=$(out rnd_a) b=$(out rnd_b)
expect random_two_runs_differ "$a $b" \
	eval 'is_hex "$a" 16 && is_hex "$b" 16 && [ "$a" != "$b" ]'
o=$(out rnd_4096)
distinct=$(echo "$o" | fold -w2 | sort -u | wc -l)
expect random_4096 "${#o} hex digits, $distinct distinct byte values" \
	eval '[ "$(status rnd_4096)" = 0 ] && is_hex "$o" 4096 && [ "$distinct" -ge 200 ]'
o=$(out rnd_0)
expect random_zero "status $(status rnd_0), output '$o'" \
	eval '[ "$(status rnd_0)" = 0 ] && [ -z "$o" ] && [ "$(section rnd_0 | wc -l)" = 2 ]'
bad=""
for s in rnd_4097 rnd_neg rnd_abc; do
	[ "$(status $s)" = 2 ] && out $s | grep -q '^usage: random \[N\]' || bad="$bad $s"
done
expect random_bad_n "${bad:-usage and exit 2 for 4097, -1, abc}" [ -z "$bad" ]

count_is() { # section, count
	[ "$(status "$1")" = 0 ] && [ "$(out "$1")" = "count $2" ]
}
expect counter_fresh_get "$(oneline "$(out cnt_get0)")" count_is cnt_get0 0
expect counter_inc_across_processes \
	"$(out cnt_inc1 | tr '\n' ' ')/ $(out cnt_inc2 | tr '\n' ' ')/ $(out cnt_inc3 | tr '\n' ' ')" \
	eval 'count_is cnt_inc1 1 && count_is cnt_inc2 2 && count_is cnt_inc3 3'
expect counter_get_after_close "$(oneline "$(out cnt_get3)")" count_is cnt_get3 3
expect counter_reset "$(out cnt_reset | tr '\n' ' ')/ $(out cnt_get_reset | tr '\n' ' ')" \
	eval 'count_is cnt_reset 0 && count_is cnt_get_reset 0'
o=$(out cnt_demo)
expect counter_demo "$(echo "$o" | tail -1)" \
	eval '[ "$(status cnt_demo)" = 0 ] && echo "$o" | grep -q "^demo: ok" &&
	echo "$o" | grep -qx "session B: inc -> count 2, 2 session(s) open" &&
	echo "$o" | grep -qx "session C: get -> count 2, 1 session(s) open"'
expect counter_bad_command "status $(status cnt_bad)" \
	eval '[ "$(status cnt_bad)" = 2 ] && out cnt_bad | grep -q "^usage: counter"'
# Ten sessions from eight processes, one instance: keep-alive did it.
created=$(grep -ac 'counter instance created' "$secure" || true)
expect counter_one_instance "$created 'counter instance created' lines" [ "$created" = 1 ]
o=$(out debug_pta)
if [ "$bios" = "$REPO/out/rampart.bin" ]; then
	fail debug_pta_switch/runtime_item_not_found "not run: no CFG_DEBUG_PTA=n firmware"
elif [ "$o" = "open 0xffff0008 origin 3" ]; then
	pass debug_pta_switch/runtime_item_not_found "$o"
else
	fail debug_pta_switch/runtime_item_not_found "$(oneline "$o")"
fi
if [ -s "$secure" ] && ! grep -aq 'PANIC' "$secure"; then
	pass "$P/no_core_panic"
else
	fail "$P/no_core_panic" "empty secure log or PANIC" "$secure"
fi
