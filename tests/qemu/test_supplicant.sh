#!/bin/bash
# Our tee-supplicant (client/tee-supplicant, out/export-client/sbin) in the
# guest, in place of Debian's: boot with --smp 2, stop Debian's daemon,
# start ours as /usr/sbin/rampart-supplicant, and run teetest's supplicant
# tests against it (prefix supp_ours). Then: several FS sessions at once,
# TA size queries for files put in /lib/optee_armtz, file names that try to
# leave the FS root (through the test PTA's RPC_FS, which takes the name
# from the client), a symlink planted in the root, a kill-and-restart
# while idle followed by a new session, and Debian's command-line flags.
# A second boot installs it as /usr/sbin/tee-supplicant, so that the guest's
# /init starts it (`tee-supplicant -d`) in place of Debian's binary.
set -u
. "$(dirname "$0")/lib.sh"

name=supplicant
supp_bin="$REPO/out/export-client/sbin/tee-supplicant"
teetest_bin="$REPO/out/guest/teetest"
suite="supp_ours"
teetest_tests="rpc_shm_appl rpc_fs rpc_load_ta_missing rpc_rpmb"
own_tests="supplicant_started concurrent_fs load_ta_size load_ta_size_legacy
	load_ta_missing_still traversal_rejected traversal_nothing_outside
	symlink_escape_rejected nested_create_remove rpmb_backing_file
	restart_then_session debian_flags"
host_checks="guest_ran kernel_log_clean secure_log_clean drop_in_boot"

all_fail() {
	for t in $host_checks $teetest_tests $own_tests; do
		fail "$suite/$t" "$1"
	done
	exit 0
}
[ -x "$supp_bin" ] || all_fail "$supp_bin not built (make builds it)"
[ -x "$teetest_bin" ] || all_fail "out/guest/teetest not built (make check builds it)"
command -v aarch64-linux-gnu-gcc >/dev/null || all_fail "no aarch64-linux-gnu-gcc"

overlay="$TEST_OUT/supp-overlay"
rm -rf "$overlay"
mkdir -p "$overlay/usr/sbin" "$overlay/usr/bin" "$overlay/lib/optee_armtz"
cp "$supp_bin" "$overlay/usr/sbin/rampart-supplicant"
cp "$teetest_bin" "$overlay/usr/bin/teetest"

# TA files of known sizes: RFC 4122 name, and the legacy name (no 4th dash).
TA_UUID=5b9e0e40-2636-11e1-ad9e-0002a5d5c51b
TA_SIZE=12345
TA_LEGACY_UUID=0c1a2b3c-4d5e-4f60-8172-8394a5b6c7d8
TA_LEGACY_SIZE=777
head -c $TA_SIZE /dev/urandom >"$overlay/lib/optee_armtz/$TA_UUID.ta"
head -c $TA_LEGACY_SIZE /dev/urandom \
	>"$overlay/lib/optee_armtz/0c1a2b3c-4d5e-4f60-81728394a5b6c7d8.ta"

# supp-probe: drives the test PTA (inc/rampart/abi/pta_test.h) with a name
# or UUID of our choosing, which teetest cannot do:
#   supp-probe fs NAME      PTA_TEST_CMD_RPC_FS (create/write/read/remove)
#   supp-probe tasize UUID  PTA_TEST_CMD_RPC_LOAD_TA_SIZE
# prints "ret=0x........ value=N".
probe_src="$TEST_OUT/supp-probe.c"
cat >"$probe_src" <<'EOF'
#include <fcntl.h>
#include <linux/tee.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "rampart/abi/pta_test.h"

static const uint8_t pta[16] = PTA_TEST_UUID_OCTETS;

static int parse_uuid(const char *s, uint8_t u[16])
{
	int n = 0;

	for (; *s && n < 32; s++) {
		unsigned v;

		if (*s == '-')
			continue;
		if (sscanf(s, "%1x", &v) != 1)
			return -1;
		u[n / 2] = (uint8_t)(n % 2 ? u[n / 2] | v : v << 4);
		n++;
	}
	return n == 32 && !*s ? 0 : -1;
}

int main(int argc, char **argv)
{
	uint64_t osbuf[(sizeof(struct tee_ioctl_open_session_arg) +
			4 * sizeof(struct tee_ioctl_param)) / 8 + 1] = { 0 };
	uint64_t ivbuf[(sizeof(struct tee_ioctl_invoke_arg) +
			4 * sizeof(struct tee_ioctl_param)) / 8 + 1] = { 0 };
	struct tee_ioctl_open_session_arg *os = (void *)osbuf;
	struct tee_ioctl_invoke_arg *iv = (void *)ivbuf;
	struct tee_ioctl_shm_alloc_data sa = { .size = 4096 };
	struct tee_ioctl_buf_data bd;
	uint8_t in[128];
	size_t len;
	uint32_t cmd;
	int fd, shm;
	void *map;

	if (argc != 3)
		return 2;
	if (!strcmp(argv[1], "fs")) {
		cmd = PTA_TEST_CMD_RPC_FS;
		len = strlen(argv[2]) + 1;
		if (len > sizeof(in))
			return 2;
		memcpy(in, argv[2], len);
	} else if (!strcmp(argv[1], "tasize")) {
		cmd = PTA_TEST_CMD_RPC_LOAD_TA_SIZE;
		len = 16;
		if (parse_uuid(argv[2], in))
			return 2;
	} else {
		return 2;
	}
	fd = open("/dev/tee0", O_RDWR);
	if (fd < 0) {
		perror("/dev/tee0");
		return 1;
	}
	memcpy(os->uuid, pta, 16);
	os->clnt_login = TEE_IOCTL_LOGIN_PUBLIC;
	os->num_params = 4;
	bd.buf_ptr = (uintptr_t)os;
	bd.buf_len = sizeof(*os) + 4 * sizeof(struct tee_ioctl_param);
	if (ioctl(fd, TEE_IOC_OPEN_SESSION, &bd) || os->ret) {
		printf("open_session failed ret=0x%08x\n", os->ret);
		return 1;
	}
	shm = ioctl(fd, TEE_IOC_SHM_ALLOC, &sa);
	map = shm < 0 ? MAP_FAILED
		      : mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED,
			     shm, 0);
	if (map == MAP_FAILED) {
		perror("shm");
		return 1;
	}
	memcpy(map, in, len);
	iv->func = cmd;
	iv->session = os->session;
	iv->num_params = 4;
	iv->params[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT;
	iv->params[0].a = 0;
	iv->params[0].b = len;
	iv->params[0].c = (uint64_t)sa.id;
	iv->params[1].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT;
	bd.buf_ptr = (uintptr_t)iv;
	bd.buf_len = sizeof(*iv) + 4 * sizeof(struct tee_ioctl_param);
	if (ioctl(fd, TEE_IOC_INVOKE, &bd)) {
		perror("invoke");
		return 1;
	}
	printf("ret=0x%08x value=%llu\n", iv->ret,
	       (unsigned long long)iv->params[1].a);
	return 0;
}
EOF
if ! aarch64-linux-gnu-gcc -static -O2 -Wall -Wextra -Werror -I"$REPO/inc" \
	-o "$overlay/usr/bin/supp-probe" "$probe_src" 2>"$TEST_OUT/supp-probe.err"; then
	all_fail "supp-probe did not build: $(head -c 300 "$TEST_OUT/supp-probe.err")"
fi

# The guest side. r NAME pass|fail DETAIL prints a result line.
cat >"$overlay/usr/bin/supp-guest-test" <<EOF
#!/bin/sh
TA_UUID=$TA_UUID
TA_SIZE=$TA_SIZE
TA_LEGACY_UUID=$TA_LEGACY_UUID
TA_LEGACY_SIZE=$TA_LEGACY_SIZE
EOF
cat >>"$overlay/usr/bin/supp-guest-test" <<'EOF'
r() { echo "@@RESULT $1 $2 ${3:--}@@"; }
check() { # name detail command...
	n=$1; d=$2; shift 2
	if "$@"; then r "$n" pass "$d"; else r "$n" fail "$d"; fi
}
# Waits (up to 5 s) until no process has this name.
gone() {
	i=0
	while pidof "$1" >/dev/null 2>&1; do
		i=$((i + 1)); [ $i -gt 50 ] && return 1; sleep 0.1
	done
}
LOG=/tmp/supp.log
ROOT=/data/tee
start() {
	rampart-supplicant -d -vv --log-file $LOG "$@"
}

killall tee-supplicant 2>/dev/null
gone tee-supplicant || echo "Debian's tee-supplicant does not stop"
start; rc=$?
pid=$(pidof rampart-supplicant)
check supplicant_started "exit $rc pid ${pid:-none}" [ "$rc" = 0 -a -n "$pid" ]

teetest --with-supplicant rpc_shm_appl
teetest --with-supplicant rpc_fs
teetest --with-supplicant rpc_load_ta_missing
teetest --with-supplicant rpc_rpmb

# Four FS sessions at once (one request thread each on our side).
for i in 1 2 3 4; do
	teetest --with-supplicant rpc_fs >/tmp/conc.$i 2>&1 &
done
wait
ok=$(cat /tmp/conc.* | grep -c '@@RESULT rpc_fs pass')
threads=$(ls /proc/$pid/task 2>/dev/null | wc -l)
high=$(grep -o '[0-9]* requests in flight at once' $LOG | tail -1)
check concurrent_fs "$ok/4 passed; threads now $threads; most at once: ${high:-1}" [ "$ok" = 4 ]

out=$(supp-probe tasize $TA_UUID)
check load_ta_size "$out (file $TA_SIZE bytes)" [ "$out" = "ret=0x00000000 value=$TA_SIZE" ]
out=$(supp-probe tasize $TA_LEGACY_UUID)
check load_ta_size_legacy "$out (file $TA_LEGACY_SIZE bytes)" \
	[ "$out" = "ret=0x00000000 value=$TA_LEGACY_SIZE" ]
out=$(supp-probe tasize 11111111-2222-4333-8444-555555555555)
check load_ta_missing_still "$out" [ "$out" = "ret=0xffff0008 value=0" ]

# Names that try to leave the root must fail, and create nothing outside.
bad=0; d=""
for n in ../escape1 /../../tmp/escape2 a/../../escape3 .. ../../etc/passwd \
	/../../../../../../tmp/escape4 ./escape5; do
	out=$(supp-probe fs "$n")
	d="$d $n:${out%% *}"
	case "$out" in "ret=0x00000000"*) bad=1 ;; esac
done
check traversal_rejected "$d" [ $bad = 0 ]
found=$(ls -d /data/escape* /tmp/escape* /escape* /data/tee/escape* 2>/dev/null | tr '\n' ' ')
check traversal_nothing_outside "outside the root: ${found:-nothing}" [ -z "$found" ]

# A symlink planted in the root, pointing out of it.
mkdir -p /tmp/outside
ln -s /tmp/outside $ROOT/lnk
out=$(supp-probe fs lnk/file)
check symlink_escape_rejected "$out; /tmp/outside: $(ls /tmp/outside | tr '\n' ' ')" \
	sh -c "case '$out' in 'ret=0x00000000'*) exit 1;; esac; [ -z \"\$(ls /tmp/outside)\" ]"
rm -f $ROOT/lnk

# Nested names: parents are created, and pruned again on remove.
out=$(supp-probe fs sub/dir/file)
check nested_create_remove "$out; left: $(ls $ROOT | tr '\n' ' ')" \
	sh -c "[ '${out%% *}' = ret=0x00000000 ] && [ ! -e $ROOT/sub/dir ]"

sz=$(stat -c '%s %a' $ROOT/.rpmb-emu.img 2>/dev/null)
check rpmb_backing_file "$ROOT/.rpmb-emu.img: ${sz:-missing}" [ "$sz" = "266240 600" ]

# Kill ours while idle, restart it, and a new session must work.
kill $pid
gone rampart-supplicant; g=$?
start; rc=$?
pid2=$(pidof rampart-supplicant)
echo "restarted: exit $rc pid ${pid2:-none} (old $pid gone: $g)"
teetest --with-supplicant rpc_fs | sed 's/@@RESULT rpc_fs /@@RESULT restart_then_session /'

# Debian's command line (-d -f PATH -t DIR) instead of ours.
kill $pid2; gone rampart-supplicant
rampart-supplicant -d -f /var/lib/rampart-tee -t optee_armtz; rc=$?
res=$(teetest --with-supplicant rpc_fs | grep -o 'rpc_fs [a-z]*')
out=$(supp-probe tasize $TA_UUID)
mode=$(stat -c %a /var/lib/rampart-tee 2>/dev/null)
check debian_flags "exit $rc; $res; root mode ${mode:-missing}; $out" \
	[ "$rc" = 0 -a "$res" = "rpc_fs pass" -a "$mode" = 700 -a "$out" = "ret=0x00000000 value=$TA_SIZE" ]

grep -v ' debug: ' $LOG | sed 's/^/SUPPLOG: /' | tail -n 40
dmesg | grep -E "WARNING:|BUG:|Oops|Call trace|Internal error|hung_task|soft lockup|rcu.*stall" | sed "s/^/KLOG-BAD: /"
exit 0
EOF
chmod +x "$overlay/usr/bin/supp-guest-test"

console="$TEST_OUT/supplicant.console.log"
secure="$TEST_OUT/supplicant.secure.log"
rm -f "$console" "$secure"
"$RUN_QEMU" --smp 2 --overlay "$overlay" --timeout 280 \
	--console-log "$console" --secure-log "$secure" \
	--cmd 'supp-guest-test' >/dev/null 2>&1
rc=$?
touch "$console" "$secure"
if grep -aq '@@EXIT 0@@' "$console"; then
	pass "$suite/guest_ran" "exit $rc"
else
	fail "$suite/guest_ran" "run-qemu exit $rc (124: timeout)" "$console"
fi
report_results "$suite" "$console" "$secure" $teetest_tests $own_tests
if ! grep -aq 'KLOG-BAD: ' "$console"; then
	pass "$suite/kernel_log_clean"
else
	fail "$suite/kernel_log_clean" "$(grep -a 'KLOG-BAD: ' "$console" | head -3 | tr -d '\r' | tr '\n' '|')"
fi
if [ -s "$secure" ] && ! grep -aq 'PANIC' "$secure"; then
	pass "$suite/secure_log_clean"
else
	fail "$suite/secure_log_clean" "empty secure log or PANIC" "$secure"
fi

# Second boot: ours as /usr/sbin/tee-supplicant, started by /init with -d.
dropin="$TEST_OUT/supp-dropin-overlay"
rm -rf "$dropin"
mkdir -p "$dropin/usr/sbin" "$dropin/usr/bin"
cp "$supp_bin" "$dropin/usr/sbin/tee-supplicant"
cp "$teetest_bin" "$dropin/usr/bin/teetest"
console2="$TEST_OUT/supplicant-dropin.console.log"
secure2="$TEST_OUT/supplicant-dropin.secure.log"
rm -f "$console2" "$secure2"
"$RUN_QEMU" --smp 2 --overlay "$dropin" --timeout 200 \
	--console-log "$console2" --secure-log "$secure2" \
	--cmd 'echo "DROPIN: $(tee-supplicant --version) pid=$(pidof tee-supplicant) args=$(tr "\0" " " </proc/$(pidof tee-supplicant)/cmdline)"
teetest --with-supplicant rpc_' >/dev/null 2>&1
rc=$?
touch "$console2"
info=$(grep -a '^DROPIN: ' "$console2" | tail -1 | tr -d '\r')
npass=0
for t in $teetest_tests; do
	grep -aq "@@RESULT $t pass" "$console2" && npass=$((npass + 1))
done
if echo "$info" | grep -q 'rampart-tee-supplicant.*pid=[0-9]' && [ $npass = 4 ]; then
	pass "$suite/drop_in_boot" "${info#DROPIN: }; $npass/4 supplicant tests passed"
else
	fail "$suite/drop_in_boot" "run-qemu exit $rc; ${info:-no DROPIN line}; $npass/4 passed" "$console2"
fi
