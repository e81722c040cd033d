#!/usr/bin/env bash
# Build the per-run device tree handed by the firmware to Linux.
#
# Usage: scripts/mkdtb.sh [--smp N] [--cpu CPU] [--mem MB] [--machine M]
#                         --bootargs STR --initrd-start ADDR --initrd-end ADDR
#                         -o OUT.dtb
#
# Base: QEMU's own DT for the machine (dumpdtb, no -bios/-kernel, so no /psci
# node: exactly what a firmware boot gets), cached per (machine, cpu, smp, mem,
# qemu binary) in out/dtb-cache/.  Then, with fdtput:
#   /chosen          bootargs, linux,initrd-start, linux,initrd-end (64-bit),
#                    fresh rng-seed (64 bytes) and kaslr-seed (64-bit)
#   /psci            compatible = "arm,psci-1.0","arm,psci-0.2","arm,psci"; method = "smc"
#   /firmware/optee  compatible = "linaro,optee-tz"; method = "smc"
# Defaults for --smp/--cpu/--mem/--machine come from plat/qemu_virt/platform.mk.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PLAT_MK=${RAMPART_PLATFORM_MK:-$ROOT/plat/qemu_virt/platform.mk}

die()   { echo "mkdtb: ERROR: $*" >&2; exit 1; }
usage() { sed -n '4,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

mk_get() { # file name
  sed -n "s/^[[:space:]]*$2[[:space:]]*:=[[:space:]]*\(.*[^[:space:]]\)[[:space:]]*\$/\1/p" "$1" | tail -n1
}
[[ -f "$PLAT_MK" ]] || die "platform file $PLAT_MK not found"

SMP=$(mk_get "$PLAT_MK" PLAT_DEFAULT_SMP)
CPU=$(mk_get "$PLAT_MK" PLAT_DEFAULT_CPU)
MEM=$(mk_get "$PLAT_MK" PLAT_DEFAULT_MEM_MB)
MACHINE=$(mk_get "$PLAT_MK" PLAT_QEMU_MACHINE)
BOOTARGS="" ; HAVE_BOOTARGS=0
INITRD_START="" ; INITRD_END="" ; OUT=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --smp)          SMP=${2:?}; shift 2 ;;
    --cpu)          CPU=${2:?}; shift 2 ;;
    --mem)          MEM=${2:?}; shift 2 ;;
    --machine)      MACHINE=${2:?}; shift 2 ;;
    --bootargs)     BOOTARGS=${2-}; HAVE_BOOTARGS=1; shift 2 ;;
    --initrd-start) INITRD_START=${2:?}; shift 2 ;;
    --initrd-end)   INITRD_END=${2:?}; shift 2 ;;
    -o)             OUT=${2:?}; shift 2 ;;
    -h|--help)      usage ;;
    *)              echo "mkdtb: unknown option '$1'" >&2; usage ;;
  esac
done
[[ -n "$OUT" ]] || { echo "mkdtb: -o OUT.dtb is required" >&2; usage; }
[[ $HAVE_BOOTARGS -eq 1 ]] || { echo "mkdtb: --bootargs is required" >&2; usage; }
[[ -n "$INITRD_START" && -n "$INITRD_END" ]] || { echo "mkdtb: --initrd-start/--initrd-end are required" >&2; usage; }
[[ "$SMP" =~ ^[0-9]+$ && "$MEM" =~ ^[0-9]+$ ]] || die "--smp and --mem take numbers"
is=$((INITRD_START)); ie=$((INITRD_END))
(( ie > is )) || die "initrd end ($INITRD_END) must be above start ($INITRD_START)"

for t in qemu-system-aarch64 fdtput fdtget; do
  command -v "$t" >/dev/null || die "'$t' not found: run 'make deps'"
done

# --- cached base DTB ------------------------------------------------------------
QEMU=$(command -v qemu-system-aarch64)
CPU_BASE=${CPU%%,*}   # properties like pauth-impdef do not change the DT
key="${MACHINE}_${CPU_BASE}_smp${SMP}_mem${MEM}_q$(stat -c %Y "$QEMU")"
key=$(echo "$key" | tr -c 'A-Za-z0-9_.=\n-' '_')
CACHE_DIR="$ROOT/out/dtb-cache"
BASE="$CACHE_DIR/$key.dtb"
if [[ ! -s "$BASE" ]]; then
  mkdir -p "$CACHE_DIR"
  tmp=$(mktemp "$CACHE_DIR/.dump.XXXXXX")
  if ! qemu-system-aarch64 -machine "$MACHINE,dumpdtb=$tmp" -cpu "$CPU_BASE" -smp "$SMP" -m "$MEM" \
        -display none -monitor none -serial null -nodefaults </dev/null >"$tmp.log" 2>&1; then
    cat "$tmp.log" >&2; rm -f "$tmp" "$tmp.log"
    die "qemu dumpdtb failed"
  fi
  rm -f "$tmp.log"
  [[ -s "$tmp" ]] || { rm -f "$tmp"; die "qemu dumpdtb produced no DTB"; }
  mv "$tmp" "$BASE"   # atomic: concurrent runs may race here harmlessly
fi

# --- per-run edits ------------------------------------------------------------------
mkdir -p "$(dirname "$OUT")"
work="$OUT.tmp.$$"
cp "$BASE" "$work"
trap 'rm -f "$work"' EXIT

cells64() { echo $(( ($1 >> 32) & 0xffffffff )) $(( $1 & 0xffffffff )); }

fdtput -p -t s  "$work" /chosen bootargs "$BOOTARGS"
# shellcheck disable=SC2046
fdtput -t u "$work" /chosen linux,initrd-start $(cells64 "$is")
# shellcheck disable=SC2046
fdtput -t u "$work" /chosen linux,initrd-end   $(cells64 "$ie")
# shellcheck disable=SC2046
fdtput -t bx "$work" /chosen rng-seed $(od -An -v -tx1 -N64 /dev/urandom)
# shellcheck disable=SC2046
fdtput -t x  "$work" /chosen kaslr-seed $(od -An -v -tx4 -N8 /dev/urandom)

# QEMU also seeds /secure-chosen; the cached copy would repeat, so refresh it too.
if fdtget -p "$work" /secure-chosen 2>/dev/null | grep -qx rng-seed; then
  # shellcheck disable=SC2046
  fdtput -t bx "$work" /secure-chosen rng-seed $(od -An -v -tx1 -N32 /dev/urandom)
  # shellcheck disable=SC2046
  fdtput -t x  "$work" /secure-chosen kaslr-seed $(od -An -v -tx4 -N8 /dev/urandom)
fi

# /psci: replace whatever QEMU put there (old function-id properties included).
if fdtget -l "$work" /psci >/dev/null 2>&1 || fdtget -p "$work" /psci >/dev/null 2>&1; then
  fdtput -r "$work" /psci
fi
fdtput -p -t s "$work" /psci compatible arm,psci-1.0 arm,psci-0.2 arm,psci
fdtput    -t s "$work" /psci method smc

fdtput -p -t s "$work" /firmware/optee compatible linaro,optee-tz
fdtput    -t s "$work" /firmware/optee method smc

size=$(stat -c %s "$work")
(( size < 2 * 1024 * 1024 )) || die "DTB is $size bytes, over the 2 MiB limit"
mv "$work" "$OUT"
trap - EXIT
