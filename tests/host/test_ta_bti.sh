#!/bin/bash
# Branch Target Identification and pointer authentication for TAs, checked
# on the host (the in-QEMU side is tatest's bti.c in test_user_ta.sh):
#   - every in-tree TA carries GNU_PROPERTY_AARCH64_FEATURE_1_AND with BTI
#     and PAC behind a PT_GNU_PROPERTY header, in the linked and in the
#     stripped (signed) ELF, except bti_legacy_ta (CFG_TA_BTI=n
#     CFG_TA_PAUTH=n: no property at all);
#   - every object of the dev kit's libraries (libutee.a, libutils.a and
#     any other lib/*.a) carries both (one without would silently drop them
#     from every TA it is linked into);
#   - the dev kit switch: hello_world rebuilt with CFG_TA_BTI=n keeps PAC
#     only;
#   - the core's decoder (core/tee/elf_ta.c, via tests/host/elf_ta_props.c
#     under ASan/UBSan) reads the same bits readelf shows, accepts the empty
#     PT_GNU_PROPERTY, and refuses malformed property notes;
#   - the core holds no pointer-authentication instruction: EnIA..EnDB are
#     on at EL1 too and the keys change at every TA switch.
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
CROSS_COMPILE=${CROSS_COMPILE:-aarch64-linux-gnu-}
READELF=${CROSS_COMPILE}readelf
OBJDUMP=${CROSS_COMPILE}objdump
DEVKIT=$REPO/out/export-ta_arm64
WORK=$REPO/out/tests/ta_bti
BTI_UUID=a41028a0-9527-4595-a0d3-5885df1fcf1b
pass() { echo "PASS ta_bti/$1${2:+ ($2)}"; }
fail() { echo "FAIL ta_bti/$1${2:+ ($2)}"; }

# "BTI, PAC", "PAC", ... as readelf prints the AArch64 feature property.
features() {
	"$READELF" -nW "$1" 2>/dev/null |
		sed -n 's/.*AArch64 feature: *//p' | head -1
}
has_prop_phdr() {
	"$READELF" -lW "$1" 2>/dev/null | grep -q 'GNU_PROPERTY'
}

rm -rf "$WORK"
mkdir -p "$WORK"

# --- the in-tree TAs ----------------------------------------------------------
tas=$(ls "$REPO"/out/ta/*/*.elf 2>/dev/null | grep -v '\.stripped\.elf$')
if [ -z "$tas" ]; then
	fail in_tree_tas_protected "no TA in out/ta (run make)"
else
	bad="" n=0
	for elf in $tas; do
		name=$(basename "$(dirname "$elf")")
		[ "$name" = bti_legacy_ta ] && continue
		n=$((n + 1))
		for f in "$elf" "${elf%.elf}.stripped.elf"; do
			if [ "$(features "$f")" != "BTI, PAC" ] || ! has_prop_phdr "$f"; then
				bad="$bad ${f#$REPO/}=[$(features "$f")]"
			fi
		done
	done
	if [ -z "$bad" ] && [ "$n" -ge 4 ]; then
		pass in_tree_tas_protected "$n TAs: BTI, PAC in .elf and .stripped.elf"
	else
		fail in_tree_tas_protected "$n TAs;$bad"
	fi
fi

legacy=$(ls "$REPO"/out/ta/bti_legacy_ta/*.stripped.elf 2>/dev/null | head -1)
if [ -n "$legacy" ] && [ -z "$(features "$legacy")" ]; then
	pass legacy_ta_unprotected
else
	fail legacy_ta_unprotected "${legacy:-not built}: [$(features "${legacy:-/dev/null}")]"
fi

# --- the libraries every TA links ------------------------------------------------
bad="" n=0
for lib in "$DEVKIT/lib/libutee.a" "$DEVKIT/lib/libutils.a" \
	$(ls "$DEVKIT"/lib/*.a 2>/dev/null | grep -v '/libut\(ee\|ils\)\.a$'); do
	[ -f "$lib" ] || { bad="$bad $(basename "$lib")-missing"; continue; }
	objs=$("$READELF" -nW "$lib" 2>/dev/null | grep -c '^File: ')
	prot=$("$READELF" -nW "$lib" 2>/dev/null | grep -c 'AArch64 feature: BTI, PAC')
	n=$((n + objs))
	[ "$objs" -gt 0 ] && [ "$objs" -eq "$prot" ] ||
		bad="$bad $(basename "$lib"):$prot/$objs"
done
if [ -z "$bad" ]; then
	pass libs_protected "$n objects with BTI, PAC"
else
	fail libs_protected "objects with the property:$bad"
fi

# --- the dev kit switch -------------------------------------------------------------
cp -r "$REPO/examples/hello_world/ta" "$WORK/hello"
if make -C "$WORK/hello" CROSS_COMPILE="$CROSS_COMPILE" TA_DEV_KIT_DIR="$DEVKIT" \
	CFG_TA_BTI=n >"$WORK/hello.log" 2>&1; then
	f=$(ls "$WORK"/hello/*.stripped.elf)
	got=$(features "$f")
	if [ "$got" = "PAC" ] && ! "$OBJDUMP" -d "$WORK"/hello/hello_world_ta.o |
		grep -qw 'bti'; then
		pass devkit_cfg_ta_bti_n "property [$got], no bti in the TA's own code"
	else
		fail devkit_cfg_ta_bti_n "property [$got]"
	fi
else
	fail devkit_cfg_ta_bti_n "build failed: see $WORK/hello.log"
fi

# --- the core's decoder -------------------------------------------------------------
tool=$WORK/elf_ta_props
if ! gcc -std=gnu11 -O1 -g -Wall -Wextra -Werror \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-I"$REPO/inc" -I"$REPO/core/include" -I"$REPO/plat/qemu_virt/include" \
	-idirafter "$REPO/lib/libc/include" \
	"$REPO/tests/host/elf_ta_props.c" "$REPO/core/tee/elf_ta.c" \
	-o "$tool" >"$WORK/tool.log" 2>&1; then
	fail decoder_reads_property "cannot build the helper: $(head -3 "$WORK/tool.log")"
	fail decoder_refuses_bad_notes "no helper"
else
	bti_elf=$REPO/out/ta/bti_ta/$BTI_UUID.stripped.elf
	if [ ! -f "$bti_elf" ] || [ -z "$legacy" ]; then
		fail decoder_reads_property "bti_ta or bti_legacy_ta not built"
		fail decoder_refuses_bad_notes "bti_ta not built"
	else
		if ! python3 - "$bti_elf" "$WORK" <<'PYEOF' >"$WORK/variants.log" 2>&1; then
import struct, sys
src, out = sys.argv[1:]
e = open(src, 'rb').read()
phoff, = struct.unpack_from('<Q', e, 32)
phnum, = struct.unpack_from('<H', e, 56)
ph = [phoff + 56 * i for i in range(phnum)]
kind = lambda p: struct.unpack_from('<I', e, p)[0]
prop = [p for p in ph if kind(p) == 0x6474e553][0]
dyn = [p for p in ph if kind(p) == 2][0]
off, = struct.unpack_from('<Q', e, prop + 8)

def variant(name, *edits):
    b = bytearray(e)
    for fmt, where, value in edits:
        struct.pack_into(fmt, b, where, value)
    open('%s/%s.elf' % (out, name), 'wb').write(b)

# The note: namesz, descsz, type, "GNU\0", then pr_type, pr_datasz, data.
variant('pac_only', ('<I', off + 24, 2))
variant('no_features', ('<I', off + 24, 0))
variant('empty_segment', ('<Q', prop + 32, 0))
variant('descsz_big', ('<I', off + 4, 0xfffffff0))
variant('descsz_odd', ('<I', off + 4, 12))
variant('namesz_5', ('<I', off, 5))
variant('name_gnx', ('<B', off + 14, ord('X')))
variant('note_type', ('<I', off + 8, 1))
variant('datasz_huge', ('<I', off + 20, 0xfffffffc))
variant('datasz_5', ('<I', off + 20, 5))
variant('desc_truncated', ('<I', off + 4, 8), ('<Q', prop + 32, 24))
variant('filesz_8', ('<Q', prop + 32, 8))
variant('filesz_past_end', ('<Q', prop + 32, len(e)))
variant('offset_wraps', ('<Q', prop + 8, 0xffffffffffffff00))
# A second PT_GNU_PROPERTY (the PT_DYNAMIC header, pointed at the note).
variant('twice', ('<I', dyn, 0x6474e553), ('<Q', dyn + 8, off),
        ('<Q', dyn + 32, 32))
PYEOF
			fail decoder_reads_property "python: $(tail -2 "$WORK/variants.log")"
		fi
		out=$("$tool" "$bti_elf" "$legacy" "$WORK"/*.elf 2>&1)
		echo "$out" >"$WORK/decode.log"
		line() { echo "$out" | grep "^$1 " | cut -d' ' -f2-; }
		want_ok="$bti_elf=ok bti=1 pac=1
$legacy=ok bti=0 pac=0
$WORK/pac_only.elf=ok bti=0 pac=1
$WORK/no_features.elf=ok bti=0 pac=0
$WORK/empty_segment.elf=ok bti=0 pac=0"
		bad=""
		while IFS='=' read -r f want; do
			[ "$(line "$f")" = "$want" ] || bad="$bad $(basename "$f"):[$(line "$f")]"
		done <<<"$want_ok"
		if [ -z "$bad" ] && ! grep -q 'runtime error\|AddressSanitizer' "$WORK/decode.log"; then
			pass decoder_reads_property "bti_ta, legacy, PAC-only, no features, empty segment"
		else
			fail decoder_reads_property "$bad (see $WORK/decode.log)"
		fi
		bad="" n=0
		for v in descsz_big descsz_odd namesz_5 name_gnx note_type datasz_huge \
			datasz_5 desc_truncated filesz_8 filesz_past_end offset_wraps twice; do
			n=$((n + 1))
			[ "$(line "$WORK/$v.elf")" = "refused 0xffff0005" ] ||
				bad="$bad $v:[$(line "$WORK/$v.elf")]"
		done
		if [ -z "$bad" ] && ! grep -q 'runtime error\|AddressSanitizer' "$WORK/decode.log"; then
			pass decoder_refuses_bad_notes "$n malformed notes: BAD_FORMAT"
		else
			fail decoder_refuses_bad_notes "$bad (see $WORK/decode.log)"
		fi
	fi
fi

# --- the core signs nothing itself -------------------------------------------------
core=$REPO/out/core/core.elf
if [ ! -f "$core" ]; then
	fail core_has_no_pac "$core not built"
else
	pac=$("$OBJDUMP" -d "$core" | awk -F'\t' 'NF >= 3 { print $3 }' |
		grep -cE '^(pac|aut|xpac|retaa|retab|eretaa|eretab|braa|brab|blraa|blrab|ldraa|ldrab)')
	if [ "$pac" -eq 0 ]; then
		pass core_has_no_pac "no PAC instruction in core.elf"
	else
		fail core_has_no_pac "$pac PAC instructions in core.elf"
	fi
fi
