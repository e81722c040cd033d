#!/bin/bash
# The dev kit's FP/SIMD switch (CFG_TA_FLOAT_SUPPORT, ta/mk/conf.mk), on the
# host (the in-QEMU side is tatest's fp.c and fpcheck):
#   - fp_ta as built in-tree (default y) contains FP/SIMD instructions;
#   - fp_ta copied out and rebuilt with CFG_TA_FLOAT_SUPPORT=n does not
#     compile (-mgeneral-regs-only refuses its double and NEON code), while
#     hello_world still builds that way with no FP/SIMD instruction;
#   - libutee.a and libutils.a hold no FP/SIMD instruction (a TA's
#     registers are its own: the libraries never touch them).
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
CROSS_COMPILE=${CROSS_COMPILE:-aarch64-linux-gnu-}
OBJDUMP=${CROSS_COMPILE}objdump
DEVKIT=$REPO/out/export-ta_arm64
WORK=$REPO/out/tests/ta_float
FP_UUID=8de6c764-871f-41ed-b250-db98055720e9
pass() { echo "PASS ta_float/$1${2:+ ($2)}"; }
fail() { echo "FAIL ta_float/$1${2:+ ($2)}"; }

# How many instructions use a V/Q/D/S register or FPCR/FPSR.
fp_insns() {
	"$OBJDUMP" -d --no-show-raw-insn "$@" 2>/dev/null |
		grep -E '^\s+[0-9a-f]+:\s' |
		grep -cE '\s(v[0-9]+|q[0-9]+|d[0-9]+|s[0-9]+)(\.|,|$|\[)|fpcr|fpsr'
}

rm -rf "$WORK"
mkdir -p "$WORK"

f=$REPO/out/ta/fp_ta/$FP_UUID.stripped.elf
n=$(fp_insns "$f")
if [ -f "$f" ] && [ "$n" -gt 100 ]; then
	pass fp_ta_uses_fp "$n FP/SIMD instructions"
else
	fail fp_ta_uses_fp "$f: ${n:-0} FP/SIMD instructions"
fi

cp -r "$REPO/tests/ta/fp_ta" "$WORK/fp_ta"
if make -C "$WORK/fp_ta" CROSS_COMPILE="$CROSS_COMPILE" TA_DEV_KIT_DIR="$DEVKIT" \
	CFG_TA_FLOAT_SUPPORT=n >"$WORK/fp_ta.log" 2>&1; then
	fail float_n_refuses_fp "fp_ta built with CFG_TA_FLOAT_SUPPORT=n"
elif grep -q 'general-regs-only' "$WORK/fp_ta.log"; then
	pass float_n_refuses_fp "$(grep -m1 'general-regs-only' "$WORK/fp_ta.log" | cut -c1-120)"
else
	fail float_n_refuses_fp "$(tail -3 "$WORK/fp_ta.log" | tr '\n' '|')"
fi

cp -r "$REPO/examples/hello_world/ta" "$WORK/hello"
if make -C "$WORK/hello" CROSS_COMPILE="$CROSS_COMPILE" TA_DEV_KIT_DIR="$DEVKIT" \
	CFG_TA_FLOAT_SUPPORT=n >"$WORK/hello.log" 2>&1; then
	n=$(fp_insns "$WORK"/hello/*.stripped.elf)
	if [ "$n" = 0 ]; then
		pass float_n_general_regs_only "hello_world: no FP/SIMD instruction"
	else
		fail float_n_general_regs_only "hello_world: $n FP/SIMD instructions"
	fi
else
	fail float_n_general_regs_only "$(tail -3 "$WORK/hello.log" | tr '\n' '|')"
fi

libs=$(ls "$DEVKIT"/lib/*.a 2>/dev/null)
n=$(fp_insns $libs)
if [ -n "$libs" ] && [ "$n" = 0 ]; then
	pass libs_no_fp "$(echo $libs | wc -w) libraries"
else
	fail libs_no_fp "${n:-?} FP/SIMD instructions in: $(echo $libs)"
fi
