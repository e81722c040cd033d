#!/bin/bash
# Properties of the built secure images that hold by construction and must
# stay that way:
# - no FP/SIMD/SVE instruction in the monitor, and in the core only inside
#   fpu_save/fpu_load/fpu_clear (core/arch/arm64/fpu_a64.S, used by the
#   lazy TA FP switch, tee/user_fp.c) and the crypto extension's AES
#   (aes_ce_*, run inside fp_core_begin/end): everything else is
#   -mgeneral-regs-only, so the normal world's vector state is touched only
#   where it is saved and put back, and never by SVE instructions
#   (docs/design.md, World switch);
# - the -bios image fits flash0 and the core fits its secure RAM region.
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
pass() { echo "PASS $1${2:+ ($2)}"; }
fail() { echo "FAIL $1${2:+ ($2)}"; }
OBJDUMP=${CROSS_COMPILE:-aarch64-linux-gnu-}objdump
NM=${CROSS_COMPILE:-aarch64-linux-gnu-}nm

for elf in out/monitor/monitor.elf out/core/core.elf; do
	f="$REPO/$elf"
	name=$(basename "$elf" .elf)
	if [ ! -f "$f" ]; then
		fail "images/${name}_built" "$elf missing"
		continue
	fi
	# Any use of a v/q/d/s/h/b/z/p register or an FP system register.
	all_hits=$("$OBJDUMP" -d --no-show-raw-insn "$f" |
		grep -E '^\s+[0-9a-f]+:\s' |
		grep -E '\s(v[0-9]+|q[0-9]+|d[0-9]+|s[0-9]+|h[0-9]+|b[0-9]+|z[0-9]+|p[0-9]+)(\.|,|$|\[)|fpcr|fpsr|\bfmov\b|\bfadd\b' |
		grep -vE '\b(sp|xzr|wzr)\b.*\b(d|s)[0-9]+\b.*//')
	# The core's allowed ranges, "start size" in hex, from the symbol table.
	ranges=""
	if [ "$name" = core ]; then
		ranges=$("$NM" -S --defined-only "$f" |
			awk '$4 ~ /^(fpu_(save|load|clear)|aes_ce_(ecb|cbc|ctr|xts))$/ { print $1, $2 }')
		if [ "$(echo "$ranges" | grep -c .)" -ne 7 ]; then
			fail "images/core_fp_only_in_fpu_and_aes_ce" \
				"fpu_*/aes_ce_* not all found with sizes: '$ranges'"
			continue
		fi
	fi
	# Split the hits into inside / outside the allowed ranges.
	hits="" inside=0
	while read -r addr rest; do
		[ -n "$addr" ] || continue
		a=$((16#${addr%:}))
		in=0
		while read -r lo size; do
			[ -n "$lo" ] || continue
			if [ "$a" -ge $((16#$lo)) ] && [ "$a" -lt $((16#$lo + 16#$size)) ]; then
				in=1
			fi
		done <<<"$ranges"
		if [ "$in" = 1 ]; then
			inside=$((inside + 1))
		else
			hits="$hits$addr $rest|"
		fi
	done <<<"$all_hits"
	if [ "$name" = monitor ]; then
		check=images/monitor_no_fp_simd
	else
		check=images/core_fp_only_in_fpu_and_aes_ce
	fi
	if [ -n "$hits" ]; then
		fail "$check" "$(echo "$hits" | cut -c1-300)"
	elif [ "$name" = core ] && [ "$inside" -lt 36 ]; then
		# 16 q-register pairs and FPCR/FPSR each way: the scan must see them.
		fail "$check" "only $inside FP instructions found in fpu_*/aes_ce_*"
	else
		pass "$check" "$([ "$name" = core ] && echo "$inside inside fpu_*/aes_ce_*" || echo none)"
	fi
done

bin="$REPO/out/rampart.bin"
size=$(stat -c %s "$bin" 2>/dev/null || echo 0)
if [ "$size" -gt 0 ] && [ "$size" -le 67108864 ]; then
	pass images/bios_fits_flash0 "$size bytes"
else
	fail images/bios_fits_flash0 "$size bytes"
fi
