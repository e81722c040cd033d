#!/bin/bash
# Turns "TA abort" lines of a secure log into function and file:line of the
# TA that faulted. The core logs the TA's UUID and the faulting offset from
# its load base; the TA's unstripped <uuid>.elf (from its build directory,
# the dev kit leaves it next to the .ta) gives the symbol.
#
# Usage: tools/symbolize_ta.sh SECURE_LOG DIR_WITH_TA_ELFS [...]
set -eu
if [ $# -lt 2 ]; then
	echo "usage: $0 SECURE_LOG DIR_WITH_TA_ELFS [...]" >&2
	exit 2
fi
log=$1
shift
addr2line=${CROSS_COMPILE:-aarch64-linux-gnu-}addr2line
grep -a 'TA abort:' "$log" | tr -d '\r' | while IFS= read -r line; do
	off=$(echo "$line" | sed -n 's/.*offset \(0x[0-9a-f]*\).*/\1/p')
	uuid=$(echo "$line" | sed -n 's/.* TA \([0-9a-f-]\{36\}\).*/\1/p')
	elf=""
	for d in "$@"; do
		[ -f "$d/$uuid.elf" ] && elf="$d/$uuid.elf" && break
	done
	if [ -z "$off" ] || [ -z "$uuid" ]; then
		echo "$line"
		echo "    (not a line this tool understands)"
	elif [ -z "$elf" ]; then
		echo "$line"
		echo "    no $uuid.elf in: $*"
	else
		echo "$line"
		"$addr2line" -f -i -C -e "$elf" "$off" | paste - - | sed 's/^/    /'
	fi
done
