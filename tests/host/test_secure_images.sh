#!/bin/bash
# Properties of the built secure images that hold by construction and must
# stay that way:
# - no FP/SIMD/SVE instruction anywhere in the monitor or core: the normal
#   world's vector state (V, and Z/P/FFR on SVE CPUs) is never touched, so it
#   survives every world switch without being copied (a V-only copy would
#   clobber Linux's SVE state);
# - the -bios image fits flash0 and the core fits its secure RAM region.
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
pass() { echo "PASS $1${2:+ ($2)}"; }
fail() { echo "FAIL $1${2:+ ($2)}"; }
OBJDUMP=${CROSS_COMPILE:-aarch64-linux-gnu-}objdump

for elf in out/monitor/monitor.elf out/core/core.elf; do
	f="$REPO/$elf"
	name=$(basename "$elf" .elf)
	if [ ! -f "$f" ]; then
		fail "images/${name}_built" "$elf missing"
		continue
	fi
	# Any use of a v/q/d/s/h/b/z/p register or an FP system register.
	hits=$("$OBJDUMP" -d --no-show-raw-insn "$f" |
		grep -E '^\s+[0-9a-f]+:\s' |
		grep -E '\s(v[0-9]+|q[0-9]+|d[0-9]+|s[0-9]+|h[0-9]+|b[0-9]+|z[0-9]+|p[0-9]+)(\.|,|$|\[)|fpcr|fpsr|\bfmov\b|\bfadd\b' |
		grep -vE '\b(sp|xzr|wzr)\b.*\b(d|s)[0-9]+\b.*//' | head -3)
	if [ -z "$hits" ]; then
		pass "images/${name}_no_fp_simd"
	else
		fail "images/${name}_no_fp_simd" "$(echo "$hits" | tr '\n' '|')"
	fi
done

bin="$REPO/out/rampart.bin"
size=$(stat -c %s "$bin" 2>/dev/null || echo 0)
if [ "$size" -gt 0 ] && [ "$size" -le 67108864 ]; then
	pass images/bios_fits_flash0 "$size bytes"
else
	fail images/bios_fits_flash0 "$size bytes"
fi
