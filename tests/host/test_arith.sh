#!/bin/bash
# libutee's GP Arithmetical API on the host under ASan/UBSan: arith_ta
# (tests/ta/arith_ta), lib/libutee/tee_api_arith*.c and mbedTLS's bignum
# with the TA configuration, driven by tests/guest/tatest/arith.c through a
# stand-in libteec (tests/host/arith), over the same kind of vectors as the
# in-QEMU suite (a fresh seed, printed). Every command must free all it
# allocated (only a panicked instance's memory is left, and the stand-in
# frees it), and ASan's leak check covers the rest.
# PASS/FAIL host_arith/<group>, host_arith/panic_reasons (each panic with
# the API's own message, tests/ta/arith_ta/check_panics.py),
# host_arith/sanitizers and host_arith/gp11_gp13_prototypes.
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
cd "$REPO"
out=out/tests/arith_host
pass() { echo "PASS $1${2:+ ($2)}"; }
fail() { echo "FAIL $1${2:+ ($2)}"; }

mbedtls=$(sed -n 's/^MBEDTLS_SRC := //p' .cache/deps/paths.mk 2>/dev/null)
if [ ! -d "$mbedtls/library" ] || ! command -v python3 >/dev/null; then
	fail host_arith/built "no mbedTLS source (make deps) or no python3"
	exit 0
fi
rm -rf "$out"
mkdir -p "$out/obj"
if ! python3 tests/ta/arith_ta/gen_vectors.py --panics "$out/arith.panics" \
	"$out/arith.vec"; then
	fail host_arith/built "gen_vectors.py failed"
	exit 0
fi

cc=${HOST_CC:-gcc}
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
common="-std=gnu11 -O1 -g -Wall -Wextra -Werror $san"
# TA side: libutee's headers (not its libc: the host's; compiler.h first,
# so that glibc's own definitions of the same macros win quietly), calloc
# and free renamed to the stand-in heap.
ta="$common -Dcalloc=host_calloc -Dfree=host_free -I$mbedtls/include \
	-include lib/libutee/include/compiler.h \
	-Ilib/libutee -Ilib/libutee/include -Iinc -Itests/ta/arith_ta/include \
	-Itests/host/arith -DTRACE_LEVEL=4 \
	-DMBEDTLS_CONFIG_FILE=\"mbedtls_config_ta.h\""
client="$common -Itests/guest/tatest -Itests/guest/common \
	-Iclient/libteec/include -Itests/ta/arith_ta/include -Itests/host/arith"
objs=()
build() { # flags source
	local o="$out/obj/$(basename "$2").o"
	objs+=("$o")
	$cc $1 -c "$2" -o "$o" 2>>"$out/build.log"
}
ok=true
for f in bignum constant_time platform_util; do
	build "$ta" "$mbedtls/library/$f.c" || ok=false
done
for f in lib/libutee/tee_api_arith*.c tests/ta/arith_ta/arith_ta.c \
	tests/ta/arith_ta/arith_calls.c; do
	build "$ta" "$f" || ok=false
done
build "${ta/-Dcalloc=host_calloc -Dfree=host_free/}" tests/host/arith/host_env.c || ok=false
for f in tests/guest/tatest/arith.c tests/host/arith/host_client.c \
	tests/guest/common/runner.c; do
	build "$client" "$f" || ok=false
done
if ! $ok || ! $cc $san "${objs[@]}" -o "$out/arith_host" 2>>"$out/build.log"; then
	fail host_arith/built "$(head -c 600 "$out/build.log")"
	exit 0
fi

# Source compatibility: GP 1.1 TAs (CFG_TA_OPTEE_CORE_API_COMPAT_1_1) get the
# uint32_t-length variants under the plain names, GP 1.3 TAs the size_t ones;
# a wrong pointer type is an error here.
cat >"$out/names.c" <<'C'
#include <tee_internal_api.h>
#if __OPTEE_CORE_API_COMPAT_1_1
typedef uint32_t len_t;
#else
typedef size_t len_t;
#endif
len_t names(TEE_BigInt *x, uint8_t *buf, len_t *len);
len_t names(TEE_BigInt *x, uint8_t *buf, len_t *len)
{
	len_t (*fmm_size)(len_t) = TEE_BigIntFMMSizeInU32;
	len_t (*ctx_size)(len_t) = TEE_BigIntFMMContextSizeInU32;
	void (*init_fmm)(TEE_BigIntFMM *, len_t) = TEE_BigIntInitFMM;
	void (*init_ctx)(TEE_BigIntFMMContext *, len_t, const TEE_BigInt *) =
		TEE_BigIntInitFMMContext;
	void (*shift)(TEE_BigInt *, const TEE_BigInt *, len_t) =
		TEE_BigIntShiftRight;
	TEE_Result (*from)(TEE_BigInt *, const uint8_t *, len_t, int32_t) =
		TEE_BigIntConvertFromOctetString;

	(void)init_fmm;
	(void)init_ctx;
	(void)shift;
	(void)from;
	TEE_BigIntInit(x, TEE_BigIntSizeInU32(64));
	TEE_BigIntConvertToOctetString(buf, len, x);
	return fmm_size(64) + ctx_size(64);
}
C
names_ok=true
for compat in 0 1; do
	$cc ${ta/-Dcalloc=host_calloc -Dfree=host_free/} -Werror=incompatible-pointer-types \
		-D__OPTEE_CORE_API_COMPAT_1_1=$compat -c "$out/names.c" \
		-o "$out/obj/names$compat.o" 2>>"$out/names.log" || names_ok=false
done
if $names_ok; then
	pass host_arith/gp11_gp13_prototypes "both API modes compile with their length types"
else
	fail host_arith/gp11_gp13_prototypes "$(head -c 400 "$out/names.log")"
fi

TATEST_ARITH_VECTORS="$out/arith.vec" ASAN_OPTIONS=detect_leaks=1 \
	UBSAN_OPTIONS=print_stacktrace=1 "$out/arith_host" >"$out/run.log" 2>&1
rc=$?
grep -E '^(PASS|FAIL) ' "$out/run.log" | cut -c1-400
python3 tests/ta/arith_ta/check_panics.py "$out/arith.panics" "$out/run.log" \
	host_arith/panic_reasons
bad='runtime error|AddressSanitizer|LeakSanitizer|TA leaked'
if [ $rc -eq 0 ] && ! grep -qE "$bad" "$out/run.log"; then
	pass host_arith/sanitizers "no ASan/UBSan report, no heap left after a command"
else
	fail host_arith/sanitizers "exit $rc, $(grep -cE "$bad" "$out/run.log") reports"
	grep -E -A12 "$bad" "$out/run.log" | head -30 | sed 's/^/    /'
fi
