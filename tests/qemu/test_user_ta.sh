#!/bin/bash
# User-mode TAs end to end: tests/guest/tatest (built by
# tests/guest/tatest/tatest.mk) against hello_world, gp13_ta and
# isolation_ta (with the debug pseudo TA) as the TA
# dev kit builds them (out/ta/<name>/, ta/export.mk), plus images the core must refuse, derived
# here from the good gp13 image into out/tests/bad_tas/, each under its own
# fresh UUID:
#   unsigned      the stripped ELF alone
#   sig_flip      one bit of the signature flipped
#   hash_flip     one bit of the stored hash flipped
#   elf_flip      one bit of the ELF body (in .text) flipped
#   img_size_flip one bit of the header's img_size flipped
#   trunc_300     the first 300 bytes;  trunc_half  the first half
#   empty         an empty file
#   uuid_mismatch the good image under another file name (its bootstrap
#                 header names gp13's UUID)
#   head_uuid     the ELF re-signed for the new UUID, ta_head still gp13's
#   wx            text PT_LOAD writable + executable      } ta_head patched to
#   entry_outside e_entry outside every segment           } the new UUID and
#   memsz_1g      last PT_LOAD p_memsz 1 GiB              } signed with the
#   phnum_huge    e_phnum 0xffff                          } dev key, so only
#   seg_overlap   second PT_LOAD moved onto the first     } the patch is wrong
#   rela_outside  a relocation writing outside the image  }
#   other_key     the patched ELF signed with a freshly generated key
# and "control": the patched ELF signed with the dev key, which must load
# (so the refusals above are the patches' doing).
# Two boots, --smp 2: cortex-a57 (prefix ta_a57) and max (ta_max). From the
# secure log: aslr_addresses_differ (gp13 loaded at two or more distinct
# addresses), no_core_panic, panic_logged (TEE_Panic / TA abort line),
# refusals_logged (a "TA load:" line per refused image) and aborts_logged
# (a "TA abort" line per isolation_ta instance the isolation tests kill by
# a fault). bti_cpu_features / bti_fault_logged: the BTI/PAC tests (bti_ta)
# saw the features of the CPU model, and only max logged a Branch Target
# exception.
set -u
. "$(dirname "$0")/lib.sh"

GP13=40c51987-3c41-4c2c-8de6-3246fa4ef158
HELLO=8aaaf200-2450-11e4-abe2-0002a5d5c51b
ISO=3202eaac-fba0-4d12-a511-a213c73de886
tatest_bin="$REPO/out/guest/tatest"
ta_out="$REPO/out/ta"
sign_ta="$REPO/out/tools/sign_ta"
dev_key="$REPO/out/keys/ta_dev_key.pem"
bad_dir="$REPO/out/tests/bad_tas"
runs="a57:cortex-a57 max:max"

guest_tests="hello_world gp13_reverse gp13_random gp13_heap gp13_props
	gp13_sizes gp13_time panic_is_target_dead panic_origin_tee
	sessions_isolated many_open_close read_core_memory read_other_ta
	syscall_bad_pointers write_own_code exec_stack exec_heap stack_overflow
	no_page_leak ta2ta_memref_passed_on ta2ta_identity ta2ta_depth_limit
	ta2ta_callee_panic ta2ta_foreign_handle ta2ta_errors
	ta2ta_pta_and_other_ta ta2ta_no_leak"
guest_tests="$guest_tests bti_bad_landing bti_legacy_unguarded
	pac_corrupt_return bti_pac_good_path pac_keys_per_instance"
guest_tests="$guest_tests gp13_ta_time_not_set gp13_props_ta gp13_props_tee
	gp13_props_client gp13_prop_enum gp13_prop_convert gp13_client_identity
	gp13_mem_access gp13_memref_access gp13_mem_api gp13_random_edges
	gp13_raw_syscalls gp13_time_wait gp13_ree_time gp13_cancel_mask
	gp13_cancel_wait gp13_instance_data gp13_ta_time gp13_ta_time_overflow
	gp13_ta_time_per_uuid gp13_misuse_panics gp13_panic_open_session"
guest_tests="$guest_tests fp_compute fp_survives_rpc fp_survives_crypto fp_ta2ta
	fp_concurrent"
guest_tests="$guest_tests arith_convert arith_logic arith_basic arith_mod
	arith_expmod arith_gcd arith_prime arith_fmm arith_random arith_panic"
bad_names="unsigned sig_flip hash_flip elf_flip img_size_flip trunc_300
	trunc_half empty uuid_mismatch head_uuid wx entry_outside memsz_1g
	phnum_huge seg_overlap rela_outside other_key"
image_tests=$(for n in $bad_names control; do echo "image_$n"; done)
host_checks="guest_ran aslr_addresses_differ no_core_panic panic_logged
	refusals_logged aborts_logged"
host_checks="$host_checks bti_cpu_features bti_fault_logged"
all_tests="$guest_tests $image_tests bad_images core_alive_after"

all_fail() {
	for run in $runs; do
		for t in $host_checks $all_tests; do
			fail "ta_${run%%:*}/$t" "$1"
		done
	done
	exit 0
}
missing=""
for f in "$tatest_bin" "$ta_out/gp13_ta/$GP13.ta" "$ta_out/hello_world/$HELLO.ta" "$ta_out/isolation_ta/$ISO.ta" "$sign_ta" "$dev_key"; do
	[ -e "$f" ] || missing="$missing ${f#$REPO/}"
done
[ -z "$missing" ] || all_fail "not built:$missing (make builds them)"
command -v python3 >/dev/null || all_fail "no python3"
command -v openssl >/dev/null || all_fail "no openssl"

# --- the images ------------------------------------------------------------
rm -rf "$bad_dir"
mkdir -p "$bad_dir"
bits=$(openssl rsa -in "$dev_key" -noout -text 2>/dev/null |
	sed -n 's/.*Private-Key: (\([0-9]*\) bit.*/\1/p')
if ! openssl genrsa -out "$bad_dir/other_key.pem" "${bits:-3072}" 2>/dev/null; then
	all_fail "openssl genrsa failed"
fi
if ! python3 - "$ta_out/gp13_ta/$GP13.ta" "$bad_dir" "$sign_ta" "$dev_key" \
	"$bad_dir/other_key.pem" >"$bad_dir/make.log" 2>&1 <<'EOF'; then
import struct, subprocess, sys, uuid

good_path, out, sign_ta, dev_key, other_key = sys.argv[1:]
good = open(good_path, 'rb').read()
magic, img_type, img_size, algo, hs, ss = struct.unpack_from('<IIIIHH', good)
assert magic == 0x4f545348 and img_type == 1, 'not a bootstrap TA image'
boot = 20 + hs + ss
ver = struct.unpack_from('<I', good, boot + 16)[0]
elf_off = boot + 20
elf = good[elf_off:]
assert len(elf) == img_size and elf[:4] == b'\x7fELF'
lst = open(out + '/bad_tas.list', 'w')

def new_uuid():
    return str(uuid.uuid4())

def put(name, data, u=None):
    u = u or new_uuid()
    open('%s/%s.ta' % (out, u), 'wb').write(data)
    lst.write('%s %s\n' % (name, u))
    print('%-14s %s %d bytes' % (name, u, len(data)))

def flip(data, off, bit=0):
    b = bytearray(data)
    b[off] ^= 1 << bit
    return bytes(b)

def phdrs(e):
    phoff, = struct.unpack_from('<Q', e, 32)
    phnum, = struct.unpack_from('<H', e, 56)
    return [(phoff + 56 * i,) + struct.unpack_from('<IIQQQQQQ', e, phoff + 56 * i)
            for i in range(phnum)]

def loads(e):  # (phdr offset, flags, offset, vaddr, filesz, memsz)
    return [(p[0], p[2], p[3], p[4], p[6], p[7]) for p in phdrs(e) if p[1] == 1]

def va_off(e, va):
    for _, _, off, vaddr, filesz, _ in loads(e):
        if vaddr <= va < vaddr + filesz:
            return off + va - vaddr
    raise ValueError('va %#x not in the file' % va)

def head_uuid(e, u):
    """ta_head (at TA address 0) with TEE_UUID u, native (LE) struct."""
    b = bytearray(e)
    o = va_off(e, 0)
    f = uuid.UUID(u).fields
    struct.pack_into('<IHH', b, o, f[0], f[1], f[2])
    b[o + 8:o + 16] = uuid.UUID(u).bytes[8:]
    return bytes(b)

def sign(name, e, u, key=dev_key):
    tmp = '%s/%s.elf' % (out, name)
    open(tmp, 'wb').write(e)
    subprocess.run([sign_ta, '--key', key, '--uuid', u, '--ta-version',
                    str(ver), '--in', tmp, '--out', '%s/%s.ta' % (out, u)],
                   check=True)
    lst.write('%s %s\n' % (name, u))
    print('%-14s %s signed (%s)' % (name, u, key.split('/')[-1]))

def patched(fn):
    u = new_uuid()
    return u, fn(bytearray(head_uuid(elf, u)))

# Signed images, damaged.
put('unsigned', elf)
put('sig_flip', flip(good, 20 + hs + ss // 2, 3))
put('hash_flip', flip(good, 20 + 5, 1))
text = [l for l in loads(elf) if l[1] & 1][0]
put('elf_flip', flip(good, elf_off + text[2] + text[4] // 2, 4))
put('img_size_flip', flip(good, 9, 2))
put('trunc_300', good[:300])
put('trunc_half', good[:len(good) // 2])
put('empty', b'')
put('uuid_mismatch', good)
sign('head_uuid', elf, new_uuid())

# Hostile ELFs, correctly signed.
def wx(b):
    struct.pack_into('<I', b, text[0] + 4, text[1] | 2)
    return bytes(b)

def entry_outside(b):
    end = max(l[3] + l[5] for l in loads(elf))
    struct.pack_into('<Q', b, 24, (end + 0x100000) & ~0xfff)
    return bytes(b)

def memsz_1g(b):
    struct.pack_into('<Q', b, loads(elf)[-1][0] + 40, 1 << 30)
    return bytes(b)

def phnum_huge(b):
    struct.pack_into('<H', b, 56, 0xffff)
    return bytes(b)

def seg_overlap(b):
    l = loads(elf)[1]
    struct.pack_into('<QQ', b, l[0] + 16, 0x1000, 0x1000)
    return bytes(b)

def rela_outside(b):
    dyn = [p for p in phdrs(elf) if p[1] == 2][0]
    rela = None
    for i in range(0, dyn[6], 16):
        tag, val = struct.unpack_from('<qQ', elf, dyn[3] + i)
        if tag == 7:
            rela = va_off(elf, val)
    assert rela is not None, 'no DT_RELA'
    struct.pack_into('<Q', b, rela, 0x7ffff000)
    return bytes(b)

for fn in (wx, entry_outside, memsz_1g, phnum_huge, seg_overlap, rela_outside):
    u, e = patched(fn)
    sign(fn.__name__, e, u)
u, e = patched(bytes)
sign('other_key', e, u, other_key)
u, e = patched(bytes)
sign('control', e, u)
lst.close()
EOF
	all_fail "building the bad images failed: $(tail -3 "$bad_dir/make.log" | tr '\n' '|')"
fi

# --- the overlay -----------------------------------------------------------
overlay="$TEST_OUT/ta-overlay"
rm -rf "$overlay"
mkdir -p "$overlay/usr/bin" "$overlay/lib/optee_armtz" "$overlay/usr/share/tatest"
cp "$tatest_bin" "$overlay/usr/bin/tatest"
cp "$ta_out"/*/*.ta "$bad_dir"/*.ta "$overlay/lib/optee_armtz/"
cp "$bad_dir/bad_tas.list" "$overlay/usr/share/tatest/"
# The Arithmetical API's vectors, expected results by Python (a fresh seed).
python3 "$REPO/tests/ta/arith_ta/gen_vectors.py" --panics "$TEST_OUT/arith.panics" \
	"$overlay/usr/share/tatest/arith.vec" || echo "arith vectors: failed"
chmod 644 "$overlay"/lib/optee_armtz/*.ta

guest_cmd='tatest --budget 560 --bad-list /usr/share/tatest/bad_tas.list
echo "tatest exit $?"'

for run in $runs; do
	short=${run%%:*} cpu=${run#*:}
	prefix="ta_$short"
	console="$TEST_OUT/user_ta-$short.console.log"
	secure="$TEST_OUT/user_ta-$short.secure.log"
	rm -f "$console" "$secure"
	"$RUN_QEMU" --smp 2 --cpu "$cpu" --overlay "$overlay" --timeout 720 \
		--console-log "$console" --secure-log "$secure" \
		--cmd "$guest_cmd" >/dev/null 2>&1
	rc=$?
	touch "$console" "$secure"
	if grep -aq 'tatest exit' "$console"; then
		pass "$prefix/guest_ran" "$(grep -a 'tatest: .* passed' "$console" | tr -d '\r' | tail -1)"
	else
		fail "$prefix/guest_ran" "run-qemu exit $rc (124: timeout)" "$console"
	fi
	report_results "$prefix" "$console" "$secure" $all_tests
	# Each arith_panic death was the Arithmetical API's panic, for its reason.
	python3 "$REPO/tests/ta/arith_ta/check_panics.py" "$TEST_OUT/arith.panics" \
		"$secure" "$prefix/arith_panic_reasons"

	# Every load of gp13 logs "TA 40c51987 loaded at 0x...".
	addrs=$(grep -ao 'TA 40c51987 loaded at 0x[0-9a-f]*' "$secure" | awk '{print $5}')
	loads=$(echo "$addrs" | grep -c . || true)
	distinct=$(echo "$addrs" | grep . | sort -u | wc -l)
	if [ "$distinct" -ge 2 ]; then
		pass "$prefix/aslr_addresses_differ" "$loads loads, $distinct distinct addresses"
	else
		fail "$prefix/aslr_addresses_differ" "$loads loads, $distinct distinct addresses" "$secure"
	fi
	if [ -s "$secure" ] && ! grep -aq 'PANIC' "$secure"; then
		pass "$prefix/no_core_panic"
	else
		fail "$prefix/no_core_panic" "empty secure log or PANIC" "$secure"
	fi
	line=$(grep -a -m1 -e 'TEE_Panic' -e 'TA abort' "$secure" | tr -d '\r')
	if [ -n "$line" ]; then
		pass "$prefix/panic_logged" "$line"
	else
		fail "$prefix/panic_logged" "no TEE_Panic / TA abort line" "$secure"
	fi
	# isolation_ta: read_core_memory 2, read_other_ta 3, write_own_code,
	# exec_stack, exec_heap, stack_overflow 1 each, no_page_leak 21.
	naborts=$(grep -ac 'TA abort' "$secure" || true)
	if [ "$naborts" -ge 30 ]; then
		pass "$prefix/aborts_logged" "$naborts 'TA abort' lines"
	else
		fail "$prefix/aborts_logged" "$naborts 'TA abort' lines, want >= 30" "$secure"
	fi
	nbad=$(echo $bad_names | wc -w)
	nlog=$(grep -ac 'TA load: ' "$secure" || true)
	if [ "$nlog" -ge "$nbad" ]; then
		pass "$prefix/refusals_logged" "$nlog 'TA load:' lines for $nbad refused images"
	else
		fail "$prefix/refusals_logged" "$nlog 'TA load:' lines for $nbad refused images" "$secure"
	fi
	# The abort dump symbolizes: the stack overflow lands in isolation_ta's
	# recurse(), the others in its command handler.
	sym=$("$REPO/tools/symbolize_ta.sh" "$secure" "$ta_out"/* 2>&1)
	if echo "$sym" | grep -q 'recurse' && echo "$sym" | grep -q 'isolation_ta.c:'; then
		pass "$prefix/aborts_symbolized" "$(echo "$sym" | grep -m1 recurse | tr -s ' \t' ' ')"
	else
		fail "$prefix/aborts_symbolized" "$(echo "$sym" | head -3 | tr '\n' '|')"
	fi
	# bti_ta (tatest's bti.c decides from Linux's hwcaps): they must match
	# the CPU model, and only max logs Branch Target exceptions (ESR EC
	# 0x0d) for bti_ta.
	want="cpu bti=0 pac=0"
	[ "$cpu" = max ] && want="cpu bti=1 pac=1"
	if grep -a "@@RESULT bti_bad_landing " "$console" | grep -q "$want"; then
		pass "$prefix/bti_cpu_features" "$want"
	else
		fail "$prefix/bti_cpu_features" "no '$want' in bti_bad_landing's detail"
	fi
	nbti=0
	for esr in $(grep -a 'TA abort: ESR=.* TA a41028a0-' "$secure" |
		sed 's/.*ESR=\(0x[0-9a-f]*\).*/\1/'); do
		[ $(((esr >> 26) & 0x3f)) -eq 13 ] && nbti=$((nbti + 1))
	done
	if { [ "$cpu" = max ] && [ "$nbti" -ge 1 ]; } ||
		{ [ "$cpu" != max ] && [ "$nbti" -eq 0 ]; }; then
		pass "$prefix/bti_fault_logged" "$nbti Branch Target exceptions in bti_ta"
	else
		fail "$prefix/bti_fault_logged" "$nbti Branch Target exceptions in bti_ta" "$secure"
	fi
done
