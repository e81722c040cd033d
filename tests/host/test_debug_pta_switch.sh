#!/bin/bash
# CFG_DEBUG_PTA: the default build's core carries the debug pseudo TA
# (core/pta/debug_pta.c: its UUID, name and object are in core.bin/core.elf);
# `make CFG_DEBUG_PTA=n` gives a core without any of them. The n core is
# built here into its own output directory (out/cfg-nodebug; only the core,
# incremental after the first run). device.pta must be in both, so an
# empty or truncated image cannot pass. Also: switching the value within
# one output directory rebuilds the PTA table (no stale core).
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
NM=${CROSS_COMPILE:-aarch64-linux-gnu-}nm
OUT=out/cfg-nodebug
pass() { echo "PASS debug_pta_switch/$1${2:+ ($2)}"; }
fail() { echo "FAIL debug_pta_switch/$1${2:+ ($2)}"; }

# A sub-make started from a script must not inherit the caller's make
# options or command-line variables (O=, CFG_DEBUG_PTA=...).
submake() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -C "$REPO" "$@"
}

# facts BIN ELF: "<uuid bytes> <name strings> <device.pta> <pta_debug symbol>"
facts() {
	python3 - "$1" <<'PY'
import sys
d = open(sys.argv[1], 'rb').read()
uuid = bytes.fromhex('1013d98776564c67938a45904b1893cf')
print(d.count(uuid), d.count(b'debug.pta\0'), d.count(b'device.pta\0'), end=' ')
PY
	"$NM" "$2" 2>/dev/null | grep -cw pta_debug
}

default_bin=$REPO/out/core/core.bin
if [ ! -s "$default_bin" ]; then
	fail default_has_debug_pta "out/core/core.bin missing (make builds it)"
else
	f=$(facts "$default_bin" "$REPO/out/core/core.elf")
	# One UUID, one name, device.pta, the symbol.
	[ "$f" = "1 1 1 1" ] && pass default_has_debug_pta "uuid/name/device.pta/symbol: $f" ||
		fail default_has_debug_pta "uuid/name/device.pta/symbol: $f"
fi

log=$REPO/$OUT/build.log
mkdir -p "$REPO/$OUT"
# The dev kit's key, when there is one, so this core also runs the TAs the
# kit signs (otherwise the sub-build makes its own key). The same path as
# tests/qemu/test_examples.sh, which boots this output directory's firmware.
devkey=$REPO/out/export-ta_arm64/keys/default_ta.pem
key=()
[ -f "$devkey" ] && key=(TA_SIGN_KEY="$devkey")
if submake -j2 O=$OUT CFG_DEBUG_PTA=n "${key[@]}" $OUT/core/core.bin >"$log" 2>&1; then
	pass nodebug_core_builds "$OUT/core/core.bin"
	f=$(facts "$REPO/$OUT/core/core.bin" "$REPO/$OUT/core/core.elf")
	[ "$f" = "0 0 1 0" ] && pass nodebug_has_no_debug_pta "uuid/name/device.pta/symbol: $f" ||
		fail nodebug_has_no_debug_pta "uuid/name/device.pta/symbol: $f"
	grep -q 'core/pta/debug_pta.c' "$log" &&
		fail nodebug_skips_debug_pta_c "debug_pta.c compiled" ||
		pass nodebug_skips_debug_pta_c
else
	fail nodebug_core_builds "$(tail -3 "$log" | tr '\n' '|')"
	fail nodebug_has_no_debug_pta "not built"
	fail nodebug_skips_debug_pta_c "not built"
fi

# Flipping the switch in the same output directory recompiles the table:
# y then n again must give back a core with and then without it.
ok=1 detail=""
for v in y n; do
	if submake -j2 O=$OUT CFG_DEBUG_PTA=$v "${key[@]}" $OUT/core/core.bin \
		>"$REPO/$OUT/build-$v.log" 2>&1; then
		f=$(facts "$REPO/$OUT/core/core.bin" "$REPO/$OUT/core/core.elf")
		detail="$detail $v: $f;"
		want="0 0 1 0"
		[ $v = y ] && want="1 1 1 1"
		[ "$f" = "$want" ] || ok=0
	else
		ok=0 detail="$detail $v: build failed: $(grep -m1 -e 'rror' "$REPO/$OUT/build-$v.log");"
	fi
done
[ $ok = 1 ] && pass switch_rebuilds "$detail" || fail switch_rebuilds "$detail"
