#!/bin/bash
# A hostile normal world: boot the bare-metal payload from tests/hostile
# (built with `tests/hostile/build.sh out/hostile`) at NS-EL1 instead of
# Linux. It sends malformed SMCs and messages, prints one @@RESULT line per
# attack, and powers off. Run on cortex-a57 and on max, 2 CPUs each.
set -u
. "$(dirname "$0")/lib.sh"

payload="$REPO/out/hostile/hostile.bin"
attacks=(fast_uid_revision unknown_functions arg_addresses bad_messages
	regd_arg page_lists memref_ranges rpc_tokens rpc_lies
	thread_exhaustion rpc_alloc_lies psci_abuse second_cpu_rewrites_arg
	second_cpu_races_resume heap_exhaustion core_alive)

if [ ! -f "$payload" ]; then
	fail "hostile/payload_built" "$payload missing (tests/hostile/build.sh out/hostile)"
	exit 0
fi

run_one() { # prefix cpu
	local prefix=$1 cpu=$2
	local console="$TEST_OUT/$prefix.console.log"
	local secure="$TEST_OUT/$prefix.secure.log"
	local rc

	rm -f "$console" "$secure"
	"$RUN_QEMU" --kernel "$payload" --smp 2 --cpu "$cpu" --timeout 120 \
		--console-log "$console" --secure-log "$secure" \
		--cmd true >/dev/null 2>&1
	rc=$?
	if [ $rc -eq 0 ]; then
		pass "$prefix/payload_ran" "cpu $cpu"
	else
		fail "$prefix/payload_ran" "run-qemu exit $rc (cpu $cpu)" "$console"
	fi
	report_results "$prefix" "$console" "$secure" "${attacks[@]}"
	if [ ! -s "$secure" ]; then
		fail "$prefix/secure_log_clean" "no secure log"
	elif grep -a -q "PANIC" "$secure"; then
		fail "$prefix/secure_log_clean" "the secure log has a PANIC" "$secure"
	elif grep -a -q "\[mon\] core broke the protocol" "$secure"; then
		fail "$prefix/secure_log_clean" "the core broke the protocol" "$secure"
	else
		pass "$prefix/secure_log_clean"
	fi
}

run_one hostile cortex-a57
run_one hostile_max max
