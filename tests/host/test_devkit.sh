#!/bin/bash
# The TA dev kit (out/export-ta_arm64, made by `make`): builds the two
# in-tree TAs from copies outside their source directories, the way a TA
# developer would, and checks what comes out against what the core's
# loader expects:
#   - the signed .ta container (optee-compat.md §5.1-5.2): magic, image
#     type, sizes, algorithm, UUID, version, the ELF it carries, the hash
#     and the RSA-PSS signature (with the dev kit's key);
#   - the ELF (§5.4): ET_DYN AArch64, entry == __ta_entry, ta_head at offset
#     0 of the first PT_LOAD with the TA's UUID, stack size, flags and
#     depr_entry, no W+X segment, R_AARCH64_RELATIVE relocations only, no
#     FP/SIMD instruction (the core does not save TA FP state yet);
#   - GP 1.1 vs 1.3 API selection (TEE_Param memref size 4 vs 8 bytes, the
#     __GP11_ entry points), CFG_* flag passing, the relocation check
#     rejecting a bad TA, and `make clean`.
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
CROSS_COMPILE=${CROSS_COMPILE:-aarch64-linux-gnu-}
READELF=${CROSS_COMPILE}readelf
OBJDUMP=${CROSS_COMPILE}objdump
DEVKIT=$REPO/out/export-ta_arm64
WORK=$REPO/out/tests/devkit
pass() { echo "PASS devkit/$1${2:+ ($2)}"; }
fail() { echo "FAIL devkit/$1${2:+ ($2)}"; }
check() { # name, condition-as-command...
	local name=$1
	shift
	if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name"; fi
}

if [ ! -f "$DEVKIT/mk/ta_dev_kit.mk" ] || [ ! -f "$DEVKIT/lib/libutee.a" ]; then
	fail export_present "$DEVKIT missing: run make"
	exit 0
fi
pass export_present
for f in mk/ta_dev_kit.mk include/tee_internal_api.h include/tee_api_defines.h \
	include/tee_api_types.h include/tee_ta_api.h include/user_ta_header.h \
	include/trace.h include/utee_defines.h include/tee_internal_api_extensions.h \
	include/string.h include/stdio.h include/inttypes.h lib/libutee.a \
	lib/libutils.a src/user_ta_header.c src/ta.ld.S bin/sign_ta \
	keys/default_ta.pem; do
	[ -e "$DEVKIT/$f" ] || { fail export_layout "$f missing"; break; }
done && pass export_layout

rm -rf "$WORK"
mkdir -p "$WORK"
HELLO_UUID=8aaaf200-2450-11e4-abe2-0002a5d5c51b
GP13_UUID=40c51987-3c41-4c2c-8de6-3246fa4ef158

# name, source dir, uuid, stack size (TA_STACK_SIZE + 2048), flags, compat
build_ta() {
	local name=$1 src=$2
	cp -r "$REPO/$src" "$WORK/$name"
	if make -C "$WORK/$name" CROSS_COMPILE="$CROSS_COMPILE" \
		TA_DEV_KIT_DIR="$DEVKIT" >"$WORK/$name.log" 2>&1; then
		pass "${name}_builds"
	else
		fail "${name}_builds" "see $WORK/$name.log"
		return 1
	fi
	if grep -qi 'warning' "$WORK/$name.log"; then
		fail "${name}_no_warnings" "$(grep -i -m1 warning "$WORK/$name.log")"
	else
		pass "${name}_no_warnings"
	fi
}

check_ta() {
	local name=$1 uuid=$2 stack=$3 flags=$4
	local dir=$WORK/$name elf=$WORK/$name/$uuid.elf
	local msg

	for ext in elf map dmp stripped.elf ta; do
		[ -s "$dir/$uuid.$ext" ] || { fail "${name}_products" "$uuid.$ext"; return; }
	done
	pass "${name}_products"

	# The signed container, parsed independently of sign_ta.
	msg=$(python3 - "$dir/$uuid.ta" "$dir/$uuid.stripped.elf" "$uuid" \
		"$DEVKIT/keys/default_ta.pem" <<'PY'
import hashlib, struct, subprocess, sys, tempfile, uuid as U
ta = open(sys.argv[1], 'rb').read()
elf = open(sys.argv[2], 'rb').read()
want_uuid = U.UUID(sys.argv[3]).bytes
magic, img_type, img_size, algo, hsz, ssz = struct.unpack_from('<IIIIHH', ta)
errs = []
if magic != 0x4f545348: errs.append('magic %#x' % magic)
if img_type != 1: errs.append('img_type %d' % img_type)
if algo != 0x70414930: errs.append('algo %#x' % algo)
if hsz != 32: errs.append('hash_size %d' % hsz)
boot = 20 + hsz + ssz
if ta[boot:boot + 16] != want_uuid: errs.append('bootstrap uuid')
if struct.unpack_from('<I', ta, boot + 16)[0] != 0: errs.append('ta_version')
if ta[boot + 20:] != elf or img_size != len(elf): errs.append('payload is not the stripped ELF')
digest = hashlib.sha256(ta[:20] + ta[boot:boot + 20] + elf).digest()
if ta[20:20 + hsz] != digest: errs.append('hash')
with tempfile.NamedTemporaryFile() as d, tempfile.NamedTemporaryFile() as s:
    d.write(digest); d.flush(); s.write(ta[20 + hsz:boot]); s.flush()
    r = subprocess.run(['openssl', 'pkeyutl', '-verify', '-inkey', sys.argv[4],
        '-in', d.name, '-sigfile', s.name, '-pkeyopt', 'digest:sha256',
        '-pkeyopt', 'rsa_padding_mode:pss', '-pkeyopt', 'rsa_pss_saltlen:32'],
        capture_output=True)
    if r.returncode: errs.append('signature does not verify')
print('; '.join(errs))
PY
)
	if [ -z "$msg" ]; then pass "${name}_ta_container"; else fail "${name}_ta_container" "$msg"; fi

	local hdr=$($READELF -hW "$elf")
	echo "$hdr" | grep -q 'Type:[[:space:]]*DYN' && echo "$hdr" | grep -q 'AArch64' &&
		pass "${name}_et_dyn_aarch64" || fail "${name}_et_dyn_aarch64"

	local entry=$(echo "$hdr" | awk '/Entry point/ { print $4 }')
	local sym=$($READELF -sW "$elf" | awk '$8 == "__ta_entry" { print "0x" $2; exit }')
	[ -n "$sym" ] && [ $((entry)) -eq $((sym)) ] &&
		pass "${name}_entry_is___ta_entry" "$entry" ||
		fail "${name}_entry_is___ta_entry" "entry $entry, __ta_entry ${sym:-none}"

	local loads=$($READELF -lW "$elf" | awk '$1 == "LOAD"')
	local wx=$(echo "$loads" | awk '{ f = ""; for (i = 7; i < NF; i++) f = f $i; if (f ~ /W/ && f ~ /E/) print }')
	[ -n "$loads" ] && [ -z "$wx" ] && pass "${name}_no_wx_segment" ||
		fail "${name}_no_wx_segment" "$wx"

	local relocs=$($READELF -rW "$elf" | awk '$3 ~ /^R_/ { print $3 }' | sort | uniq -c | tr -s ' ')
	if [ -n "$relocs" ] && ! echo "$relocs" | grep -qv R_AARCH64_RELATIVE; then
		pass "${name}_relative_relocs_only" "$(echo $relocs)"
	else
		fail "${name}_relative_relocs_only" "$(echo $relocs)"
	fi

	# ta_head: the first 32 bytes of the first PT_LOAD, in the shipped ELF.
	msg=$(python3 - "$dir/$uuid.stripped.elf" "$uuid" "$stack" "$flags" <<'PY'
import struct, sys, uuid as U
elf = open(sys.argv[1], 'rb').read()
phoff, = struct.unpack_from('<Q', elf, 0x20)
phentsize, phnum = struct.unpack_from('<HH', elf, 0x36)
loads = []
for i in range(phnum):
    p_type, p_flags, p_off, p_vaddr = struct.unpack_from('<IIQQ', elf, phoff + i * phentsize)
    if p_type == 1: loads.append((p_off, p_vaddr))
off, vaddr = loads[0]
tl, tm, th = struct.unpack_from('<IHH', elf, off)
node = elf[off + 8:off + 16]
stack, flags, depr = struct.unpack_from('<IIQ', elf, off + 16)
u = U.UUID(sys.argv[2])
errs = []
if vaddr != 0: errs.append('first PT_LOAD at %#x' % vaddr)
if (tl, tm, th, node) != (u.fields[0], u.fields[1], u.fields[2], u.bytes[8:]): errs.append('uuid')
if stack != int(sys.argv[3]): errs.append('stack_size %d' % stack)
if flags != int(sys.argv[4], 0): errs.append('flags %#x' % flags)
if depr != 0xffffffffffffffff: errs.append('depr_entry %#x' % depr)
print('; '.join(errs))
PY
)
	if [ -z "$msg" ]; then pass "${name}_ta_head_at_offset_0"; else fail "${name}_ta_head_at_offset_0" "$msg"; fi

	local fp=$($OBJDUMP -d --no-show-raw-insn "$elf" | grep -E '^\s+[0-9a-f]+:\s' |
		grep -E '\s(v[0-9]+|q[0-9]+|d[0-9]+|s[0-9]+|h[0-9]+|b[0-9]+|z[0-9]+)(\.|,|$|\[)|fpcr|fpsr' | head -2)
	[ -z "$fp" ] && pass "${name}_no_fp_simd" || fail "${name}_no_fp_simd" "$(echo $fp)"
}

build_ta hello_world examples/hello_world/ta &&
	check_ta hello_world $HELLO_UUID 4096 0
build_ta gp13_ta tests/ta/gp13_ta &&
	check_ta gp13_ta $GP13_UUID 6144 0xc

# The API mode reached the entry points: GP 1.1 names in hello_world.
syms() { $READELF -sW "$1" | awk '$4 == "FUNC" { print $8 }'; }
hw_syms=$(syms "$WORK/hello_world/$HELLO_UUID.elf" 2>/dev/null)
gp_syms=$(syms "$WORK/gp13_ta/$GP13_UUID.elf" 2>/dev/null)
echo "$hw_syms" | grep -qx __GP11_TA_InvokeCommandEntryPoint &&
	! echo "$hw_syms" | grep -qx TA_InvokeCommandEntryPoint &&
	pass hello_world_gp11_entry_points || fail hello_world_gp11_entry_points
echo "$gp_syms" | grep -qx TA_InvokeCommandEntryPoint &&
	! echo "$gp_syms" | grep -qx __GP11_TA_InvokeCommandEntryPoint &&
	pass gp13_ta_gp13_entry_points || fail gp13_ta_gp13_entry_points

# TEE_Param layouts in both modes, checked by the compiler itself.
cat >"$WORK/probe.c" <<'C'
#include <tee_internal_api.h>
#if __OPTEE_CORE_API_COMPAT_1_1
#define WANT_SIZE 4
#else
#define WANT_SIZE 8
#endif
_Static_assert(sizeof(((TEE_Param *)0)->memref.size) == WANT_SIZE, "memref.size");
_Static_assert(sizeof(((TEE_Attribute *)0)->content.ref.length) == WANT_SIZE, "ref.length");
_Static_assert(sizeof(((TEE_ObjectInfo *)0)->dataSize) == WANT_SIZE, "dataSize");
_Static_assert(sizeof(TEE_Param) == 16 && sizeof(TEE_UUID) == 16, "TEE_Param/TEE_UUID");
_Static_assert(TEE_PARAM_TYPES(1, 5, 6, 7) == 0x7651, "TEE_PARAM_TYPES");
TEE_Result probe(uint32_t pt, TEE_Param p[4]);
TEE_Result probe(uint32_t pt, TEE_Param p[4])
{
	return TA_OpenSessionEntryPoint(pt, p, NULL);
}
C
probe() { # extra flags...
	${CROSS_COMPILE}gcc -std=gnu11 -ffreestanding -nostdinc -mgeneral-regs-only \
		-isystem "$(${CROSS_COMPILE}gcc -print-file-name=include)" \
		-I"$DEVKIT/include" -Wall -Werror "$@" -c "$WORK/probe.c" -o "$WORK/probe.o" &&
		$READELF -sW "$WORK/probe.o" | awk '$7 == "UND" { print $8 }'
}
und=$(probe 2>&1)
echo "$und" | grep -qx TA_OpenSessionEntryPoint && pass param_layout_gp13 ||
	fail param_layout_gp13 "$(echo $und | head -c 200)"
und=$(probe -D__OPTEE_CORE_API_COMPAT_1_1=1 2>&1)
echo "$und" | grep -qx __GP11_TA_OpenSessionEntryPoint && pass param_layout_gp11 ||
	fail param_layout_gp11 "$(echo $und | head -c 200)"

# CFG_* flags and the compat switch reach the compiler.
out=$(make -C "$WORK/hello_world" CROSS_COMPILE="$CROSS_COMPILE" \
	TA_DEV_KIT_DIR="$DEVKIT" V=1 CFG_RAMPART_PROBE=y CFG_TEE_TA_LOG_LEVEL=1 2>&1)
echo "$out" | grep -q -- '-DCFG_RAMPART_PROBE=1' &&
	echo "$out" | grep -q -- '-D__OPTEE_CORE_API_COMPAT_1_1=1' &&
	echo "$out" | grep -q -- '-DTRACE_LEVEL=1' &&
	echo "$out" | grep -q 'hello_world_ta.c' &&
	pass cfg_flags_passed || fail cfg_flags_passed

# A TA needing a relocation the loader does not apply must not build.
cp -r "$REPO/tests/ta/gp13_ta" "$WORK/bad_reloc"
cat >>"$WORK/bad_reloc/gp13_ta.c" <<'C'
static int pick_a(void) { return 1; }
static void *resolve_pick(void) { return (void *)pick_a; }
int picked(void) __attribute__((ifunc("resolve_pick")));
int use_picked(void);
int use_picked(void) { return picked(); }
C
if make -C "$WORK/bad_reloc" CROSS_COMPILE="$CROSS_COMPILE" TA_DEV_KIT_DIR="$DEVKIT" \
	>"$WORK/bad_reloc.log" 2>&1; then
	fail bad_reloc_rejected "built anyway"
elif grep -q 'R_AARCH64_IRELATIVE' "$WORK/bad_reloc.log" &&
	[ ! -e "$WORK/bad_reloc/$GP13_UUID.elf" ]; then
	pass bad_reloc_rejected
else
	fail bad_reloc_rejected "see $WORK/bad_reloc.log"
fi

# clean removes every product.
make -C "$WORK/gp13_ta" TA_DEV_KIT_DIR="$DEVKIT" clean >/dev/null 2>&1
left=$(cd "$WORK/gp13_ta" && ls ./*.o ./*.elf ./*.ta ./*.map ./*.dmp ta.lds 2>/dev/null)
[ -z "$left" ] && pass make_clean || fail make_clean "$(echo $left)"

# --- libutee and the TA libc, run natively -------------------------------------
# TAs cannot run yet, so the portable parts (printf, string, stdlib, heap,
# parameter conversion, trace format, properties, TEE_* helpers) are built
# for the host with sanitizers, over fake system calls, and checked here.
# Every libc name is renamed (ta_*) so the host C library stays out of the
# way; the host's snprintf (__builtin_snprintf) is the oracle for ours.
HOST_CC=${HOST_CC:-gcc}
UT=$WORK/ut
mkdir -p "$UT"
names="memcpy memmove memset memcmp memchr strlen strnlen strcmp strncmp strcpy
	strncpy strlcpy strlcat strcat strncat strchr strrchr strstr strdup strndup
	snprintf vsnprintf printf vprintf puts putchar malloc calloc realloc free
	abort abs labs llabs strtol strtoul strtoll strtoull atoi atol qsort bsearch
	isdigit isxdigit isalpha isalnum isspace isupper islower isprint ispunct
	iscntrl tolower toupper"
for n in $names; do echo "#define $n ta_$n"; done >"$UT/rename.h"
cat >"$UT/ut.c" <<'C'
#include <rampart/abi/utee.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <user_ta_header.h>
#include <utee_ta_glue.h>

int __builtin_printf(const char *, ...);
#define OUT(...) __builtin_printf(__VA_ARGS__)
static int fails;
#define T(name, cond) do { if (cond) OUT("PASS devkit/unit_%s\n", name); \
	else { OUT("FAIL devkit/unit_%s (line %d)\n", name, __LINE__); fails++; } } while (0)

/* The TA-side environment: heap, header, properties, fake system calls. */
uint8_t ta_heap[16384] __aligned(16);
const size_t ta_heap_size = sizeof(ta_heap);
const struct ta_head ta_head = { .uuid = { 0x8aaaf200, 0x2450, 0x11e4,
	{ 0xab, 0xe2, 0x00, 0x02, 0xa5, 0xd5, 0xc5, 0x1b } }, .stack_size = 4096 };
static const uint32_t p_u32 = 0x10;
static const bool p_true = true;
const struct user_ta_property ta_props[] = {
	{ "t.u32", USER_TA_PROP_TYPE_U32, &p_u32 },
	{ "t.bool", USER_TA_PROP_TYPE_BOOL, &p_true },
	{ "t.str", USER_TA_PROP_TYPE_STRING, "Some string" },
	{ "t.bin", USER_TA_PROP_TYPE_BINARY_BLOCK, "aGVsbG8=" },
};
const size_t ta_num_props = 4;
int trace_level = 3;
const char trace_ext_prefix[] = "TA";

static char logbuf[1024];
static size_t loglen;
static int random_calls;
static void *panic_jmp[5];
static unsigned long last_panic;

TEE_Result _utee_log(const void *buf, size_t len)
{
	if (loglen + len < sizeof(logbuf)) { ta_memcpy(logbuf + loglen, buf, len); loglen += len; }
	logbuf[loglen] = 0;
	return 0;
}
void _utee_panic(unsigned long code)
{
	last_panic = code;
	__builtin_longjmp(panic_jmp, 1);
}
TEE_Result _utee_get_random(void *buf, size_t len)
{
	random_calls++;
	ta_memset(buf, 0x5a, len);
	return 0;
}
TEE_Result _utee_get_time(unsigned long k, struct utee_time *t) { t->seconds = (uint32_t)k + 7; t->millis = 9; return 0; }
TEE_Result _utee_wait(unsigned long ms) { return ms == 1 ? TEE_ERROR_CANCEL : 0; }
TEE_Result _utee_get_cancel_flag(uint32_t *f) { *f = 1; return 0; }
TEE_Result _utee_mask_cancel(unsigned long m, uint32_t *o) { *o = !m; return 0; }
TEE_Result _utee_check_access(unsigned long f, const void *va, size_t len) { return 0; }
void _utee_return(unsigned long r) { __builtin_trap(); }
TEE_Result _utee_get_client_id(struct utee_identity *id) { id->login = 0; ta_memset(id->uuid, 0, 16); return 0; }
TEE_Result _utee_set_ta_time(const struct utee_time *t) { return t->millis < 1000 ? 0 : TEE_ERROR_BAD_PARAMETERS; }
const uint8_t __ta_image_end[1];

#define PANICS(stmt) ({ int _p = 0; if (__builtin_setjmp(panic_jmp)) _p = 1; else { stmt; } _p; })

static int fmt_ok = 1;
#define FMT(...) do { char a[128], b[128]; int ra = ta_snprintf(a, sizeof(a), __VA_ARGS__); \
	int rb = __builtin_snprintf(b, sizeof(b), __VA_ARGS__); \
	if (ra != rb || ta_strcmp(a, b)) { OUT("  printf mismatch: '%s' vs host '%s'\n", a, b); fmt_ok = 0; } } while (0)

static void test_printf(void)
{
	char small[4];
	FMT("%d|%5d|%-5d|%05d|%+d|% d|%i", 42, -42, 7, -3, 5, 6, 0);
	FMT("%x|%X|%#x|%#X|%o|%#o|%#x", 0xbeefu, 0xbeefu, 255u, 255u, 8u, 8u, 0u);
	FMT("%s|%.3s|%10s|%-10s|%c|%%", "hello", "abcdef", "r", "l", 'Z');
	FMT("%lu|%llu|%zu|%jd|%ld|%lld", 18446744073709551615UL, 1ULL << 63, (size_t)12, (intmax_t)-5, -1L, -9223372036854775807LL - 1);
	FMT("%hhx|%hx|%hhd|%hd", 0x1ff, 0x1ffff, 200, 40000);
	FMT("%.5d|%.0d|%8.3d|%-8.3x|%08.3d", 42, 0, 7, 10u, 5);
	FMT("%*d|%-*d|%.*s", 6, 1, 4, 2, 2, "xyz");
	FMT("%" PRIx64 "|%" PRIu32 "|%" PRIx32 "|%" PRId64, (uint64_t)1 << 40, (uint32_t)4000000000u, 0xabcu, (int64_t)-1);
	FMT("%p|%p", (void *)0x1234, (void *)0xffff000012345678);
	T("printf_matches_host", fmt_ok);
	T("snprintf_truncates", ta_snprintf(small, sizeof(small), "abcdef") == 6 && !ta_strcmp(small, "abc"));
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void test_string_stdlib(void)
{
	char buf[32], *end;
	int v[] = { 5, 1, 4, 2, 3 };
	int key = 4;
	ta_memset(buf, 'x', sizeof(buf));
	ta_strlcpy(buf, "hello", sizeof(buf));
	ta_strlcat(buf, " world", sizeof(buf));
	T("string_ops", !ta_strcmp(buf, "hello world") && ta_strlen(buf) == 11 &&
	  ta_strchr(buf, 'o') == buf + 4 && ta_strrchr(buf, 'o') == buf + 7 &&
	  ta_strstr(buf, "wor") == buf + 6 && ta_memcmp("ab", "ac", 2) < 0 &&
	  ta_strncmp("abc", "abd", 2) == 0 && ta_memchr(buf, 'w', 11) == buf + 6);
	ta_memmove(buf + 1, buf, 10);
	T("memmove_overlap", !ta_memcmp(buf, "hhello worl", 11));
	T("strtol", ta_strtol("  -0x1f", &end, 0) == -31 && !*end &&
	  ta_strtoul("777", NULL, 8) == 511 && ta_atoi("12ab") == 12 &&
	  ta_strtoll("99999999999999999999", NULL, 10) == 9223372036854775807LL);
	ta_qsort(v, 5, sizeof(int), cmp_int);
	T("qsort_bsearch", v[0] == 1 && v[4] == 5 &&
	  ta_bsearch(&key, v, 5, sizeof(int), cmp_int) == &v[3]);
}

static void test_heap(void)
{
	void *p[64] = { 0 };
	size_t sz[64] = { 0 };
	unsigned int seed = 1, ok = 1;
	uint8_t *big;
	for (int round = 0; round < 4000; round++) {
		int i = (seed = seed * 1103515245 + 12345) % 64;
		size_t n = (seed >> 8) % 300;
		if (p[i]) {
			for (size_t k = 0; k < sz[i]; k++)
				if (((uint8_t *)p[i])[k] != (uint8_t)(i + k)) ok = 0;
			if (round & 1) { TEE_Free(p[i]); p[i] = NULL; continue; }
			p[i] = TEE_Realloc(p[i], n);
			if (p[i]) for (size_t k = 0; k < (n < sz[i] ? n : sz[i]); k++)
				if (((uint8_t *)p[i])[k] != (uint8_t)(i + k)) ok = 0;
		} else {
			p[i] = TEE_Malloc(n, 0);
			if (p[i]) for (size_t k = 0; k < n; k++) if (((uint8_t *)p[i])[k]) ok = 0;
		}
		sz[i] = p[i] ? n : 0;
		if (p[i]) for (size_t k = 0; k < n; k++) ((uint8_t *)p[i])[k] = (uint8_t)(i + k);
	}
	for (int i = 0; i < 64; i++) TEE_Free(p[i]);
	T("heap_stress_contents", ok);
	big = TEE_Malloc(sizeof(ta_heap) - 16, TEE_MALLOC_NO_FILL);
	T("heap_coalesces_back", big != NULL);
	T("heap_full_gives_null", TEE_Malloc(1, 0) == NULL);
	TEE_Free(big);
	T("malloc_bad_hint", TEE_Malloc(8, 0x10) == NULL);
	big = TEE_Malloc(32, 0);
	TEE_Free(big);
	T("double_free_panics", PANICS(TEE_Free(big)) && last_panic == TEE_ERROR_BAD_PARAMETERS);
	T("wild_free_panics", PANICS(TEE_Free(ta_heap + 100)) && PANICS(ta_free(logbuf)));
}

static void test_params(void)
{
	struct utee_params up = { .types = TEE_PARAM_TYPES(3, 7, 5, 0),
		.vals = { 41, 2, 0x1000, 64, 0x2000, 5, 0, 0 } };
	__GP13_TEE_Param p[4];
	__GP11_TEE_Param q[4];
	uint32_t t = 0;
	T("params_in_gp13", !__utee_params_in(p, &t, &up) && t == 0x573 &&
	  p[0].value.a == 41 && p[1].memref.buffer == (void *)0x1000 && p[1].memref.size == 64);
	p[0].value.a = 42; p[1].memref.size = 70; p[2].memref.size = 1;
	__utee_params_out(&up, t, p);
	T("params_out_gp13", up.vals[0] == 42 && up.vals[3] == 70 && up.vals[5] == 5);
	up.vals[3] = 1ULL << 32;
	T("params_in_gp11_big_size", __utee_gp11_params_in(q, &t, &up) == TEE_ERROR_BAD_PARAMETERS);
	up.vals[3] = 9;
	T("params_in_gp11", !__utee_gp11_params_in(q, &t, &up) && q[1].memref.size == 9);
	up.types = TEE_PARAM_TYPES(4, 0, 0, 0);
	T("params_bad_type", __utee_params_in(p, &t, &up) == TEE_ERROR_BAD_PARAMETERS);
	T("params_null", !__utee_params_in(p, &t, NULL) && t == 0);
}

static void trace_probe(void) { DMSG("dbg %d", 5); }

static void test_trace_api(void)
{
	char s[64];
	size_t n = 4;
	uint32_t n32 = sizeof(s);
	uint8_t bin[8];
	TEE_UUID u;
	TEE_Time tm;
	uint8_t rnd[10000];
	loglen = 0;
	IMSG("hello %s", "there");
	trace_probe();
	FMSG("hidden");
	T("trace_format", !ta_strncmp(logbuf, "I/TA: hello there\nD/TA:  trace_probe:", 37) &&
	  !ta_strstr(logbuf, "hidden"));
	T("prop_u32", !TEE_GetPropertyAsU32(TEE_PROPSET_CURRENT_TA, "t.u32", &n32) && n32 == 0x10);
	T("prop_string_short", TEE_GetPropertyAsString(TEE_PROPSET_CURRENT_TA, "t.str", s, &n) ==
	  TEE_ERROR_SHORT_BUFFER && n == 12);
	T("prop_string", !TEE_GetPropertyAsString(TEE_PROPSET_CURRENT_TA, "t.str", s, &n) && !ta_strcmp(s, "Some string"));
	n = sizeof(bin);
	T("prop_binary", !TEE_GetPropertyAsBinaryBlock(TEE_PROPSET_CURRENT_TA, "t.bin", bin, &n) &&
	  n == 5 && !ta_memcmp(bin, "hello", 5));
	T("prop_appid", !TEE_GetPropertyAsUUID(TEE_PROPSET_CURRENT_TA, "gpd.ta.appID", &u) &&
	  u.timeLow == 0x8aaaf200 && u.clockSeqAndNode[7] == 0x1b);
	T("prop_missing", TEE_GetPropertyAsU32(TEE_PROPSET_CURRENT_TA, "nope", &n32) == TEE_ERROR_ITEM_NOT_FOUND);
	T("uuid_from_str", !tee_uuid_from_str(&u, "40c51987-3c41-4c2c-8de6-3246fa4ef158") &&
	  u.timeLow == 0x40c51987 && u.timeMid == 0x3c41 && u.clockSeqAndNode[0] == 0x8d &&
	  tee_uuid_from_str(&u, "40c51987-3c41-4c2c-8de6-3246fa4ef15") == TEE_ERROR_BAD_FORMAT);
	TEE_GenerateRandom(rnd, sizeof(rnd));
	T("random_chunks", random_calls == 3 && rnd[9999] == 0x5a);
	TEE_GetREETime(&tm);
	T("time_and_wait", tm.seconds == 8 && tm.millis == 9 && TEE_Wait(1) == TEE_ERROR_CANCEL &&
	  TEE_Wait(0) == TEE_SUCCESS && TEE_GetCancellationFlag() && !TEE_MaskCancellation());
	T("mem_helpers", TEE_MemCompare("b", "a", 1) == 1 &&
	  TEE_CheckMemoryAccessRights(1, (void *)-8, 16) == TEE_ERROR_ACCESS_DENIED);
}

int main(void)
{
	test_printf();
	test_string_stdlib();
	test_heap();
	test_params();
	test_trace_api();
	return fails != 0;
}
C
ut_srcs="lib/libutee/libc/printf.c lib/libc/string.c lib/libc/strdup.c lib/libutee/libc/stdlib.c
	lib/libutee/libc/ctype.c lib/libutee/malloc.c lib/libutee/params.c lib/libutee/trace.c
	lib/libutee/properties.c lib/libutee/property_text.c lib/libutee/tee_api.c"
if (cd "$REPO" && $HOST_CC -std=gnu11 -O1 -g -ffreestanding -nostdinc \
	-isystem "$($HOST_CC -print-file-name=include)" -Ilib/libutee/include \
	-Ilib/libutee/libc/include -Iinc -include "$UT/rename.h" -DTRACE_LEVEL=3 \
	-fno-tree-loop-distribute-patterns -fsanitize=address,undefined \
	-fno-sanitize-recover=all -Wno-format -Wno-builtin-declaration-mismatch \
	$ut_srcs "$UT/ut.c" -o "$UT/ut") >"$UT/build.log" 2>&1; then
	"$UT/ut" 2>"$UT/run.log" || true
	grep -q . "$UT/run.log" && fail unit_sanitizers "$(head -c 300 "$UT/run.log")"
else
	fail unit_build "$(head -c 400 "$UT/build.log")"
fi
