#!/usr/bin/env bash
# Build the base initramfs: OUT_DIR/initramfs.cpio.gz (newc, gzip).
#
# Usage: rootfs/build-initramfs.sh OUT_DIR
#
# Contents: /bin/busybox (busybox-static:arm64; applet links are made at boot by
# /init with `busybox --install -s`), /init, kernel modules (tee, optee,
# optee-rng and their dependencies) in /lib/modules/ with
# /lib/modules/load.list giving the insmod order, and the empty directories
# later stages fill (/lib/optee_armtz, /usr/bin, /var/lib/optee-client/data/tee).
#
# Environment (optional):
#   RAMPART_MODULES_LOAD  modules insmod'ed at boot, in this order after their
#                         dependencies (default: "tee optee optee-rng";
#                         nothing autoloads modules here, so optee-rng is
#                         loaded to bind to the core's RNG pseudo TA)
#   RAMPART_MODULES_EXTRA modules shipped but not loaded (default: none)

set -euo pipefail

die() { echo "build-initramfs: ERROR: $*" >&2; exit 1; }

[[ $# -eq 1 && "$1" != -* ]] || { echo "usage: $0 OUT_DIR" >&2; exit 2; }

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PATHS_MK="$ROOT/.cache/deps/paths.mk"
[[ -f "$PATHS_MK" ]] || die "$PATHS_MK missing: run 'make deps' (scripts/deps.sh) first"

mk_get() { # file name
  sed -n "s/^[[:space:]]*$2[[:space:]]*:=[[:space:]]*\(.*[^[:space:]]\)[[:space:]]*\$/\1/p" "$1" | tail -n1
}
BUSYBOX=$(mk_get "$PATHS_MK" BUSYBOX)
KMODS=$(mk_get "$PATHS_MK" KERNEL_MODULES_DIR)
[[ -x "$BUSYBOX" ]] || die "busybox not found at '$BUSYBOX': run 'make deps'"
[[ -d "$KMODS" ]] || die "kernel modules dir '$KMODS' missing: run 'make deps'"

MODULES_LOAD=${RAMPART_MODULES_LOAD:-tee optee optee-rng}
MODULES_EXTRA=${RAMPART_MODULES_EXTRA:-}

mkdir -p "$1"
OUT=$(cd "$1" && pwd)
STAGE="$OUT/initramfs.stage"
rm -rf "$STAGE"
mkdir -p "$STAGE"
trap 'rm -rf "$STAGE"' EXIT

# --- directory skeleton -----------------------------------------------------
( cd "$STAGE" && mkdir -p bin sbin usr/bin usr/sbin lib/modules lib/optee_armtz \
    dev proc sys tmp run root etc/rampart var/lib/optee-client/data/tee var/log mnt )
chmod 1777 "$STAGE/tmp"
chmod 700 "$STAGE/root"
# The kernel opens /dev/console before running /init; /init also re-opens it
# from devtmpfs, so a missing node (non-root build) is not fatal.
if [[ $(id -u) -eq 0 ]]; then
  mknod -m 600 "$STAGE/dev/console" c 5 1
  mknod -m 666 "$STAGE/dev/null" c 1 3
fi

# --- busybox + init ------------------------------------------------------------
install -m 755 "$BUSYBOX" "$STAGE/bin/busybox"
ln -s busybox "$STAGE/bin/sh"
install -m 755 "$HERE/init" "$STAGE/init"

cat >"$STAGE/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
EOF
cat >"$STAGE/etc/group" <<'EOF'
root:x:0:
EOF
cat >"$STAGE/etc/profile" <<'EOF'
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root
PS1='\u@\h:\w\$ '
EOF
echo rampart >"$STAGE/etc/hostname"

# --- kernel modules -------------------------------------------------------------
# Locate NAME(.ko[.xz|.zst|.gz]) under the modules tree; '-' and '_' are equivalent.
find_module() {
  local n=$1 alt f
  alt=$(echo "$n" | tr '_-' '-_')
  f=$(find "$KMODS/kernel" \( -name "$n.ko" -o -name "$n.ko.*" -o -name "$alt.ko" -o -name "$alt.ko.*" \) \
        -print -quit)
  [[ -n "$f" ]] || die "module '$n' not found under $KMODS"
  echo "$f"
}
# Copy (decompressing if needed) to lib/modules/NAME.ko
stage_module() { # name src
  local dst="$STAGE/lib/modules/$1.ko"
  case "$2" in
    *.ko)     cp "$2" "$dst" ;;
    *.ko.xz)  xz -dc "$2" >"$dst" ;;
    *.ko.zst) zstd -qdc "$2" >"$dst" ;;
    *.ko.gz)  gzip -dc "$2" >"$dst" ;;
    *)        die "unknown module format: $2" ;;
  esac
  chmod 644 "$dst"
}
# depends= from the .modinfo section (comma-separated module names)
module_depends() {
  aarch64-linux-gnu-objcopy -O binary --only-section=.modinfo "$1" /dev/stdout 2>/dev/null \
    | tr '\0' '\n' | sed -n 's/^depends=//p' | tr ',' ' '
}

declare -A STAGED=()
ORDER=()
# Depth-first: dependencies are appended to ORDER before the module itself.
add_module() { # name
  local n=$1 src d
  [[ -n "${STAGED[$n]:-}" ]] && return 0
  STAGED[$n]=1
  src=$(find_module "$n")
  stage_module "$n" "$src"
  for d in $(module_depends "$STAGE/lib/modules/$n.ko"); do
    add_module "$d"
  done
  ORDER+=("$n")
}
for m in $MODULES_LOAD; do add_module "$m"; done
: >"$STAGE/lib/modules/load.list"
for m in "${ORDER[@]}"; do echo "$m" >>"$STAGE/lib/modules/load.list"; done
for m in $MODULES_EXTRA; do add_module "$m"; done

# --- OP-TEE's own tee-supplicant (Debian's arm64 binary) and its libraries --------
# It serves the secure world's RPCs (TA loading, REE file system, RPMB
# emulation) and doubles as a compatibility check: the real thing, unmodified.
SUPP_DIR=$(mk_get "$PATHS_MK" TEE_SUPPLICANT_DIR)
TEEC_DIR=$(mk_get "$PATHS_MK" LIBTEEC_DIR)
LIBC_DIR=$(mk_get "$PATHS_MK" LIBC6_ARM64_DIR)
if [[ -x "$SUPP_DIR/usr/sbin/tee-supplicant" ]]; then
  mkdir -p "$STAGE/lib/aarch64-linux-gnu" "$STAGE/usr/lib/aarch64-linux-gnu"
  install -m 755 "$SUPP_DIR/usr/sbin/tee-supplicant" "$STAGE/usr/sbin/tee-supplicant"
  cp -d "$TEEC_DIR"/usr/lib/aarch64-linux-gnu/libteec.so.1* "$STAGE/usr/lib/aarch64-linux-gnu/"
  for lib in libc.so.6 ld-linux-aarch64.so.1; do
    cp -L "$LIBC_DIR/lib/aarch64-linux-gnu/$lib" "$STAGE/lib/aarch64-linux-gnu/$lib"
  done
  ln -sf aarch64-linux-gnu/ld-linux-aarch64.so.1 "$STAGE/lib/ld-linux-aarch64.so.1"
  [[ -e "$STAGE/usr/lib/aarch64-linux-gnu/libteec.so.1" ]] ||
    ln -s libteec.so.1.0.0 "$STAGE/usr/lib/aarch64-linux-gnu/libteec.so.1"
else
  echo "build-initramfs: warning: no tee-supplicant in the deps cache" >&2
fi

# --- archive ------------------------------------------------------------------------
# No "." entry: the kernel would chmod the rootfs root to the staging dir's mode.
( cd "$STAGE" && find . -mindepth 1 | LC_ALL=C sort \
    | cpio -o -H newc -R 0:0 --quiet ) | gzip -6n >"$OUT/initramfs.cpio.gz.tmp"
mv "$OUT/initramfs.cpio.gz.tmp" "$OUT/initramfs.cpio.gz"
echo "build-initramfs: $OUT/initramfs.cpio.gz ($(stat -c %s "$OUT/initramfs.cpio.gz") bytes;" \
     "modules loaded at boot: $(tr '\n' ' ' <"$STAGE/lib/modules/load.list"| sed 's/ $//'))"
