#!/bin/sh
# Checks a linked TA ELF against what the Rampart loader accepts:
#   - ELF64 AArch64 ET_DYN;
#   - entry point == __ta_entry;
#   - the first PT_LOAD starts at address 0 and ta_head is at address 0;
#   - no PT_LOAD segment both writable and executable;
#   - dynamic relocations: R_AARCH64_RELATIVE only;
#   - no DT_NEEDED (no shared libraries yet), no DT_TEXTREL, no TLS.
# Usage: check_ta_elf.sh TA.elf   (READELF overrides the readelf command)
set -u
elf=$1
READELF=${READELF:-aarch64-linux-gnu-readelf}
err() {
	echo "error: $elf: $*" >&2
	exit 1
}

hdr=$("$READELF" -hW "$elf") || err "not an ELF file"
echo "$hdr" | grep -q 'Class:[[:space:]]*ELF64' || err "not ELF64"
echo "$hdr" | grep -q 'Machine:[[:space:]]*AArch64' || err "not AArch64"
echo "$hdr" | grep -q 'Type:[[:space:]]*DYN' || err "not ET_DYN (link with -pie)"

entry=$(echo "$hdr" | awk '/Entry point address:/ { print $4 }')
syms=$("$READELF" -sW "$elf")
sym_addr() {
	echo "$syms" | awk -v n="$1" '$8 == n { print "0x" $2; exit }'
}
ta_entry=$(sym_addr __ta_entry)
ta_head=$(sym_addr ta_head)
[ -n "$ta_entry" ] || err "no __ta_entry symbol"
[ $((entry)) -eq $((ta_entry)) ] ||
	err "entry point $entry is not __ta_entry ($ta_entry)"
[ -n "$ta_head" ] && [ $((ta_head)) -eq 0 ] ||
	err "ta_head is not at address 0 (${ta_head:-missing})"

loads=$("$READELF" -lW "$elf" | awk '$1 == "LOAD"')
[ -n "$loads" ] || err "no PT_LOAD segment"
first_vaddr=$(echo "$loads" | awk 'NR == 1 { print $3 }')
[ $((first_vaddr)) -eq 0 ] || err "first PT_LOAD at $first_vaddr, not 0"
# Flags are the columns between MemSiz and Align: R, W, E (or RW, RWE...).
wx=$(echo "$loads" | awk '{ f = ""; for (i = 7; i < NF; i++) f = f $i;
	if (f ~ /W/ && f ~ /E/) print }')
[ -z "$wx" ] || err "writable and executable segment: $wx"

bad=$("$READELF" -rW "$elf" |
	awk '$3 ~ /^R_/ && $3 != "R_AARCH64_RELATIVE" { print $3 }' | sort -u)
[ -z "$bad" ] || err "relocations other than R_AARCH64_RELATIVE:" $bad

if "$READELF" -SW "$elf" | grep -qE '\.t(data|bss)[[:space:].]'; then
	err "thread-local storage is not supported in TAs"
fi

dyn=$("$READELF" -dW "$elf")
if echo "$dyn" | grep -qE '\((NEEDED|TEXTREL)\)'; then
	err "DT_NEEDED or DT_TEXTREL present"
fi
exit 0
