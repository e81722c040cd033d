#!/usr/bin/env bash
# Rampart QEMU launcher (used by `make run` and by every in-QEMU test).
#
# Usage: scripts/run-qemu.sh [options]
#   --smp N               CPUs (default PLAT_DEFAULT_SMP, max PLAT_MAX_CPUS)
#   --cpu max|cortex-a57  CPU model (default PLAT_DEFAULT_CPU); "max" runs as
#                         max,pauth-impdef=on; a string with ',' is passed as is
#   --mem MB              RAM (default PLAT_DEFAULT_MEM_MB)
#   --cmd 'shell cmd'     run this in the guest non-interactively; exit with its status
#   --overlay DIR         copy DIR onto the guest root (repeatable, applied in order)
#   --timeout S           kill QEMU after S seconds (default 300 with --cmd, else none)
#   --console-log FILE    guest console copy (default out/run/console.log)
#   --secure-log FILE     secure UART (UART1) log (default out/run/secure.log)
#   --bios FILE           firmware image (default out/rampart.bin)
#   --no-firmware         boot Linux with QEMU's -kernel/-initrd and QEMU's own PSCI
#                         (no secure world, no Rampart firmware)
#   --extra-bootargs STR  appended to "console=ttyAMA0 rdinit=/init panic=-1 quiet"
#   --kernel FILE         arm64 Image (default KERNEL_IMAGE from .cache/deps/paths.mk)
#   --initramfs FILE      base initramfs (default out/rootfs/initramfs.cpio.gz,
#                         rebuilt automatically when missing or stale)
#   --qemu-arg ARG        extra QEMU argument (repeatable), e.g. --qemu-arg -d --qemu-arg unimp
#   -v, --verbose         print the QEMU command line on stderr
#   -h, --help            this text
# With --cmd: exit status = N from the guest's "@@EXIT N@@" line; 124 on timeout;
# 125 if QEMU ended without an @@EXIT line.  Without --cmd: interactive console
# (Ctrl-A x quits, Ctrl-A c toggles the QEMU monitor); exit status is QEMU's.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PLAT_MK=${RAMPART_PLATFORM_MK:-$ROOT/plat/qemu_virt/platform.mk}
PATHS_MK="$ROOT/.cache/deps/paths.mk"
ME=run-qemu

die()   { echo "$ME: ERROR: $*" >&2; exit 2; }
usage() { sed -n '4,27p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
mk_get() { # file name
  sed -n "s/^[[:space:]]*$2[[:space:]]*:=[[:space:]]*\(.*[^[:space:]]\)[[:space:]]*\$/\1/p" "$1" | tail -n1
}
abspath() { # resolve relative to the caller's cwd
  case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac
}
hex() { printf '0x%x' "$1"; }
qesc() { echo "${1//,/,,}"; }   # a value inside a QEMU "a=b,c=d" option

[[ -f "$PLAT_MK" ]] || die "platform file $PLAT_MK not found"
plat() {
  local v; v=$(mk_get "$PLAT_MK" "$1")
  [[ -n "$v" ]] || die "$1 not set in $PLAT_MK"
  echo "$v"
}
PLAT_QEMU_MACHINE=$(plat PLAT_QEMU_MACHINE)
PLAT_MAX_CPUS=$(plat PLAT_MAX_CPUS)
PLAT_NS_KERNEL_ADDR=$(plat PLAT_NS_KERNEL_ADDR)
PLAT_NS_DTB_ADDR=$(plat PLAT_NS_DTB_ADDR)
PLAT_NS_INITRD_ADDR=$(plat PLAT_NS_INITRD_ADDR)
# Base of NS DRAM on QEMU virt (platform.mk may override it).
NS_RAM_BASE=$(mk_get "$PLAT_MK" PLAT_NS_RAM_BASE); NS_RAM_BASE=${NS_RAM_BASE:-0x40000000}

SMP=$(plat PLAT_DEFAULT_SMP)
CPU=$(plat PLAT_DEFAULT_CPU)
MEM=$(plat PLAT_DEFAULT_MEM_MB)
CMD="" ; HAVE_CMD=0
OVERLAYS=()
TIMEOUT=""
CONSOLE_LOG="$ROOT/out/run/console.log"
SECURE_LOG="$ROOT/out/run/secure.log"
BIOS="$ROOT/out/rampart.bin"
FIRMWARE=1
EXTRA_BOOTARGS=""
KERNEL=""
INITRAMFS=""
QEMU_EXTRA=()
VERBOSE=0

need_arg() { [[ $# -ge 2 ]] || { echo "$ME: option '$1' needs an argument" >&2; usage; }; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --smp)            need_arg "$@"; SMP=$2; shift 2 ;;
    --cpu)            need_arg "$@"; CPU=$2; shift 2 ;;
    --mem)            need_arg "$@"; MEM=$2; shift 2 ;;
    --cmd)            need_arg "$@"; CMD=$2; HAVE_CMD=1; shift 2 ;;
    --overlay)        need_arg "$@"; OVERLAYS+=("$(abspath "$2")"); shift 2 ;;
    --timeout)        need_arg "$@"; TIMEOUT=$2; shift 2 ;;
    --console-log)    need_arg "$@"; CONSOLE_LOG=$(abspath "$2"); shift 2 ;;
    --secure-log)     need_arg "$@"; SECURE_LOG=$(abspath "$2"); shift 2 ;;
    --bios)           need_arg "$@"; BIOS=$(abspath "$2"); shift 2 ;;
    --no-firmware)    FIRMWARE=0; shift ;;
    --extra-bootargs) need_arg "$@"; EXTRA_BOOTARGS=$2; shift 2 ;;
    --kernel)         need_arg "$@"; KERNEL=$(abspath "$2"); shift 2 ;;
    --initramfs)      need_arg "$@"; INITRAMFS=$(abspath "$2"); shift 2 ;;
    --qemu-arg)       need_arg "$@"; QEMU_EXTRA+=("$2"); shift 2 ;;
    -v|--verbose)     VERBOSE=1; shift ;;
    -h|--help)        usage ;;
    *)                echo "$ME: unknown option '$1'" >&2; usage ;;
  esac
done

# --- validate -------------------------------------------------------------------------
if ! [[ "$SMP" =~ ^[1-9][0-9]*$ ]] || (( SMP > PLAT_MAX_CPUS )); then
  die "--smp must be 1..$PLAT_MAX_CPUS (got '$SMP')"
fi
[[ "$MEM" =~ ^[1-9][0-9]*$ ]] || die "--mem takes a size in MiB (got '$MEM')"
[[ -z "$TIMEOUT" || "$TIMEOUT" =~ ^[1-9][0-9]*$ ]] || die "--timeout takes whole seconds (got '$TIMEOUT')"
[[ $HAVE_CMD -eq 1 && -z "$TIMEOUT" ]] && TIMEOUT=300
case "$CPU" in
  max)        QCPU="max,pauth-impdef=on" ;;
  cortex-a57) QCPU="cortex-a57" ;;
  *,*)        QCPU="$CPU" ;;
  *)          QCPU="$CPU"; echo "$ME: warning: untested CPU model '$CPU'" >&2 ;;
esac
for d in "${OVERLAYS[@]}"; do [[ -d "$d" ]] || die "--overlay: '$d' is not a directory"; done
for t in qemu-system-aarch64 cpio gzip timeout; do
  command -v "$t" >/dev/null || die "'$t' not found: run 'make deps'"
done

if [[ -z "$KERNEL" ]]; then
  [[ -f "$PATHS_MK" ]] || die "$PATHS_MK missing: run 'make deps' first"
  KERNEL=$(mk_get "$PATHS_MK" KERNEL_IMAGE)
fi
[[ -f "$KERNEL" ]] || die "kernel Image '$KERNEL' not found: run 'make deps'"
[[ "$(od -An -tx1 -j 56 -N 4 "$KERNEL" | tr -d ' \n')" == "41524d64" ]] \
  || die "'$KERNEL' is not an uncompressed arm64 Image (no ARM\\x64 magic at 0x38)"

if [[ -z "$INITRAMFS" ]]; then
  INITRAMFS="$ROOT/out/rootfs/initramfs.cpio.gz"
  if [[ ! -f "$INITRAMFS" || "$ROOT/rootfs/init" -nt "$INITRAMFS" \
        || "$ROOT/rootfs/build-initramfs.sh" -nt "$INITRAMFS" ]]; then
    "$ROOT/rootfs/build-initramfs.sh" "$ROOT/out/rootfs" >&2
  fi
fi
[[ -f "$INITRAMFS" ]] || die "initramfs '$INITRAMFS' not found"
if [[ $FIRMWARE -eq 1 && ! -f "$BIOS" ]]; then
  die "firmware '$BIOS' not found: build it with 'make' (or use --no-firmware)"
fi

# --- per-run files ----------------------------------------------------------------------
mkdir -p "$ROOT/out/run" "$(dirname "$CONSOLE_LOG")" "$(dirname "$SECURE_LOG")"
TMP=$(mktemp -d "$ROOT/out/run/tmp.XXXXXX")
QPID=""
# shellcheck disable=SC2317  # (trap handlers)
cleanup() { rm -rf "$TMP"; }
trap cleanup EXIT
# shellcheck disable=SC2317
on_signal() {
  [[ -n "$QPID" ]] && kill -TERM "$QPID" 2>/dev/null && wait "$QPID" 2>/dev/null
  exit 130
}
trap on_signal INT TERM HUP

INITRD="$INITRAMFS"
if [[ ${#OVERLAYS[@]} -gt 0 || $HAVE_CMD -eq 1 ]]; then
  OV="$TMP/overlay"
  mkdir -p "$OV"
  for d in "${OVERLAYS[@]}"; do cp -a "$d/." "$OV/"; done
  if [[ $HAVE_CMD -eq 1 ]]; then
    mkdir -p "$OV/etc/rampart"
    printf '%s\n' "$CMD" >"$OV/etc/rampart/cmd"
  fi
  # No "." entry: it would chmod the guest's / to this temp dir's mode.
  ( cd "$OV" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet ) \
    | gzip -1n >"$TMP/overlay.cpio.gz"
  # Linux unpacks concatenated (compressed) cpio archives in order.
  cat "$INITRAMFS" "$TMP/overlay.cpio.gz" >"$TMP/initrd.img"
  INITRD="$TMP/initrd.img"
fi

BOOTARGS="console=ttyAMA0 rdinit=/init panic=-1 quiet${EXTRA_BOOTARGS:+ $EXTRA_BOOTARGS}"

# --- QEMU command line ---------------------------------------------------------------
Q=(qemu-system-aarch64)
if [[ $FIRMWARE -eq 1 ]]; then
  # Memory layout checks (arm64 booting.rst: image_size bytes free after the Image).
  image_size=$(( 0x$(od -An -tx8 -j 16 -N 8 "$KERNEL" | tr -d ' \n') ))
  text_offset=$(( 0x$(od -An -tx8 -j 8 -N 8 "$KERNEL" | tr -d ' \n') ))
  kstart=$(( PLAT_NS_KERNEL_ADDR + text_offset ))
  kend=$(( kstart + image_size ))
  (( image_size >= $(stat -c %s "$KERNEL") )) || die "kernel image_size $(hex $image_size) is smaller than the file"
  (( kend <= PLAT_NS_DTB_ADDR )) \
    || die "kernel [$(hex $kstart), $(hex $kend)) (image_size $(hex $image_size)) overlaps the DTB at $PLAT_NS_DTB_ADDR"
  (( PLAT_NS_DTB_ADDR + 0x200000 <= PLAT_NS_INITRD_ADDR )) \
    || die "PLAT_NS_DTB_ADDR + 2 MiB overlaps PLAT_NS_INITRD_ADDR"
  initrd_size=$(stat -c %s "$INITRD")
  initrd_end=$(( PLAT_NS_INITRD_ADDR + initrd_size ))
  ram_end=$(( NS_RAM_BASE + MEM * 1024 * 1024 ))
  (( initrd_end <= ram_end )) \
    || die "initrd [$PLAT_NS_INITRD_ADDR, $(hex $initrd_end)) does not fit in ${MEM} MiB of RAM"

  "$ROOT/scripts/mkdtb.sh" --machine "$PLAT_QEMU_MACHINE" --smp "$SMP" --cpu "$CPU" --mem "$MEM" \
    --bootargs "$BOOTARGS" --initrd-start "$PLAT_NS_INITRD_ADDR" --initrd-end "$(hex $initrd_end)" \
    -o "$TMP/run.dtb"

  Q+=(-machine "$PLAT_QEMU_MACHINE" -cpu "$QCPU" -smp "$SMP" -m "$MEM"
      -display none -no-reboot
      -bios "$BIOS")
else
  # QEMU's own boot path: no secure world, QEMU emulates PSCI (conduit hvc).
  machine=$(echo "$PLAT_QEMU_MACHINE" | sed -e 's/,secure=on//; s/^virt,secure=on/virt/')
  Q+=(-machine "$machine" -cpu "$QCPU" -smp "$SMP" -m "$MEM"
      -display none -no-reboot
      -kernel "$KERNEL" -initrd "$INITRD" -append "$BOOTARGS")
fi

# UART0 = Linux console (first -serial); UART1 = secure log (second -serial).
if [[ $HAVE_CMD -eq 1 ]]; then
  # shellcheck disable=SC2054
  Q+=(-monitor none
      -chardev "stdio,id=con0,signal=off,logfile=$(qesc "$CONSOLE_LOG")"
      -serial chardev:con0)
else
  # shellcheck disable=SC2054
  Q+=(-chardev "stdio,id=con0,mux=on,signal=off,logfile=$(qesc "$CONSOLE_LOG")"
      -serial chardev:con0 -mon chardev=con0,mode=readline)
fi
if [[ $FIRMWARE -eq 1 ]]; then
  # shellcheck disable=SC2054
  Q+=(-chardev "file,id=sec0,path=$(qesc "$SECURE_LOG")" -serial chardev:sec0
      -device "loader,file=$(qesc "$KERNEL"),addr=$PLAT_NS_KERNEL_ADDR,force-raw=on"
      -device "loader,file=$(qesc "$TMP/run.dtb"),addr=$PLAT_NS_DTB_ADDR,force-raw=on"
      -device "loader,file=$(qesc "$INITRD"),addr=$PLAT_NS_INITRD_ADDR,force-raw=on")
fi
Q+=("${QEMU_EXTRA[@]}")

[[ $VERBOSE -eq 1 ]] && { printf '%q ' "${Q[@]}" >&2; echo >&2; }

show_secure_log() {
  if [[ $FIRMWARE -eq 1 && -s "$SECURE_LOG" ]]; then
    echo "$ME: ---- last 40 lines of the secure log ($SECURE_LOG) ----" >&2
    tail -n 40 "$SECURE_LOG" | tr -d '\r' >&2
    echo "$ME: ---- end of secure log ----" >&2
  fi
}

# --- interactive -----------------------------------------------------------------------
if [[ $HAVE_CMD -eq 0 ]]; then
  set +e
  if [[ -n "$TIMEOUT" ]]; then
    timeout --foreground -k 5 "$TIMEOUT" "${Q[@]}"
  else
    "${Q[@]}"
  fi
  rc=$?
  set -e
  if [[ -n "$TIMEOUT" && $rc -eq 124 ]]; then
    echo "$ME: timeout after $TIMEOUT s" >&2
  fi
  [[ $rc -eq 0 ]] || show_secure_log
  exit $rc
fi

# --- non-interactive (--cmd) ------------------------------------------------------------
# In the background (stdin /dev/null) so that a signal to this script stops QEMU too.
set +e
timeout -k 5 "$TIMEOUT" "${Q[@]}" </dev/null &
QPID=$!
wait "$QPID"
rc=$?
QPID=""
set -e

n=$(grep -a -o '@@EXIT [0-9]\{1,\}@@' "$CONSOLE_LOG" 2>/dev/null | tail -n1 | tr -dc '0-9' || true)
if [[ $rc -eq 124 ]]; then
  echo "$ME: timeout after $TIMEOUT s${n:+ (the guest had printed @@EXIT $n@@: power-off did not complete)}" >&2
  show_secure_log
  exit 124
fi
if [[ -z "$n" ]]; then
  echo "$ME: QEMU ended (status $rc) without an @@EXIT line; console log: $CONSOLE_LOG" >&2
  show_secure_log
  exit 125
fi
if [[ $rc -ne 0 ]]; then
  echo "$ME: warning: QEMU exit status $rc after @@EXIT $n@@" >&2
  show_secure_log
fi
# A non-zero guest status is the command's own answer, not a firmware
# problem: say it plainly (make can only report it as "Error N").
[[ "$n" -eq 0 ]] || echo "$ME: guest command exited with status $n" >&2
exit "$n"
