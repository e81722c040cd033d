#!/bin/bash
# Builds the hostile normal-world payload: OUT_DIR/hostile.bin (flat binary
# linked at PLAT_NS_KERNEL_ADDR, with an arm64 Image header for run-qemu.sh).
# Usage: tests/hostile/build.sh OUT_DIR
set -euo pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 OUT_DIR" >&2
	exit 2
fi
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
mkdir -p "$1"
OUT=$(cd "$1" && pwd)
CROSS=${CROSS_COMPILE:-aarch64-linux-gnu-}
CC=${CROSS}gcc
OBJCOPY=${CROSS}objcopy

CFLAGS=(-mgeneral-regs-only -mstrict-align -mno-outline-atomics
	-ffreestanding -nostdlib -fno-pie -fno-stack-protector
	-fno-asynchronous-unwind-tables -O2 -g -Wall -Wextra -Werror
	-I"$REPO/inc" -I"$REPO/lib/libc/include")

# Every .c file here, plus the two libc files it uses. Object names come
# from the base names, so none of ours may be called fmt.c or string.c.
objs=()
for src in "$HERE/start.S" "$HERE"/*.c "$REPO/lib/libc/fmt.c" \
	"$REPO/lib/libc/string.c"; do
	obj="$OUT/$(basename "${src%.*}").o"
	"$CC" "${CFLAGS[@]}" -c "$src" -o "$obj"
	objs+=("$obj")
done
"$CC" "${CFLAGS[@]}" -no-pie -static -T "$HERE/hostile.ld" \
	-Wl,--build-id=none -Wl,--no-warn-rwx-segments -Wl,-Map,"$OUT/hostile.map" \
	"${objs[@]}" -lgcc -o "$OUT/hostile.elf"
"$OBJCOPY" -O binary "$OUT/hostile.elf" "$OUT/hostile.bin"
echo "built $OUT/hostile.bin ($(stat -c %s "$OUT/hostile.bin") bytes)"
