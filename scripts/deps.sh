#!/usr/bin/env bash
# make deps: bring in everything Rampart needs from Debian, idempotently.
#
#  * host tools are apt-get installed (only when `dpkg -s` says they are missing);
#  * arm64 pieces (kernel, busybox, OP-TEE client, libc) are NEVER installed on the
#    host: they are `apt-get download`ed and unpacked with `dpkg-deb -x` into the
#    git-ignored cache .cache/deps/<pkg>/;
#  * the mbedtls source package is fetched with `apt-get source` into
#    .cache/deps/mbedtls-src/;
#  * .cache/deps/paths.mk (make syntax, also parsed by the shell scripts) records
#    where everything is.
#
# When everything is already present this is a quick no-op (no apt calls at all).
# Usage: scripts/deps.sh [--force]   (--force re-resolves and re-fetches the arm64 pieces)

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE="$ROOT/.cache/deps"
PATHS_MK="$CACHE/paths.mk"

HOST_PKGS=(gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu qemu-system-arm
           device-tree-compiler libssl-dev cpio xz-utils zstd gzip python3
           dpkg-dev coreutils gcc make clang libclang-rt-14-dev openssl
           python3-cryptography-vectors)
# arm64 packages fetched (not installed).  The kernel is resolved separately.
ARM64_PKGS=(busybox-static tee-supplicant libteec1 libc6)

FORCE=0
case "${1:-}" in
  --force) FORCE=1 ;;
  "") ;;
  -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
  *) echo "usage: $0 [--force]" >&2; exit 2 ;;
esac

log()  { echo "deps: $*"; }
die()  { echo "deps: ERROR: $*" >&2; exit 1; }

# ---------------------------------------------------------------------------
# Quick path: everything recorded in paths.mk exists -> nothing to do.
# ---------------------------------------------------------------------------
host_missing() {
  local p out=()
  for p in "${HOST_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q ' installed$' || out+=("$p")
  done
  echo "${out[@]:-}"
}

# Read `NAME := value` from a make fragment (no make needed).
mk_get() { # file name
  sed -n "s/^[[:space:]]*$2[[:space:]]*:=[[:space:]]*\(.*[^[:space:]]\)[[:space:]]*\$/\1/p" "$1" | tail -n1
}

cache_complete() {
  [[ -f "$PATHS_MK" ]] || return 1
  local v
  for v in KERNEL_IMAGE BUSYBOX KERNEL_MODULES_DIR TEE_SUPPLICANT_DIR LIBTEEC_DIR \
           LIBC6_ARM64_DIR MBEDTLS_SRC; do
    local p; p=$(mk_get "$PATHS_MK" "$v")
    [[ -n "$p" && -e "$p" && "$p" == "$CACHE"/* ]] || return 1   # (repo may have moved)
  done
  return 0
}

if [[ $FORCE -eq 0 && -z "$(host_missing)" ]] && cache_complete; then
  exit 0
fi

[[ $(id -u) -eq 0 ]] || die "must run as root (apt-get install / dpkg --add-architecture)"

APT_UPDATED=0
apt_update() {
  if [[ $APT_UPDATED -eq 0 ]]; then
    log "apt-get update"
    apt-get update -qq >/dev/null || die "apt-get update failed"
    APT_UPDATED=1
  fi
}

# ---------------------------------------------------------------------------
# 1. Host tools
# ---------------------------------------------------------------------------
missing=$(host_missing)
if [[ -n "$missing" ]]; then
  apt_update
  log "installing host packages: $missing"
  # shellcheck disable=SC2086
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
    die "could not install host package(s): $missing"
  fi
  still=$(host_missing)
  [[ -z "$still" ]] || die "host package(s) still missing after install: $still"
fi

# ---------------------------------------------------------------------------
# 2. arm64 foreign architecture and deb-src entries
# ---------------------------------------------------------------------------
need_update=0
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  log "dpkg --add-architecture arm64"
  dpkg --add-architecture arm64
  need_update=1
fi

# deb822 files: add deb-src to the Types: line of every enabled stanza that points
# at a Debian archive.  One-line-style lists: add matching deb-src lines in a
# separate file.  Returns 0 if something was changed.
enable_deb_src() {
  local changed=1 f tmp
  shopt -s nullglob
  for f in /etc/apt/sources.list.d/*.sources; do
    tmp=$(mktemp)
    awk '
      function flush(   i, isdeb, hasrc, enabled) {
        isdeb = 0; hasrc = 0; enabled = 1
        for (i = 1; i <= n; i++) {
          if (buf[i] ~ /^URIs:/ && buf[i] ~ /debian/) isdeb = 1
          if (buf[i] ~ /^Types:/ && buf[i] ~ /(^|[ \t])deb-src([ \t]|$)/) hasrc = 1
          if (buf[i] ~ /^Enabled:[ \t]*no/) enabled = 0
        }
        for (i = 1; i <= n; i++) {
          if (isdeb && !hasrc && enabled && buf[i] ~ /^Types:/) { print buf[i] " deb-src"; mod = 1 }
          else print buf[i]
        }
        n = 0
      }
      /^[ \t]*$/ { flush(); print; next }
      { buf[++n] = $0 }
      END { flush(); exit(mod ? 0 : 3) }
    ' "$f" >"$tmp" && { cat "$tmp" >"$f"; changed=0; log "enabled deb-src in $f"; }
    rm -f "$tmp"
  done
  local srcs=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list)
  local extra=/etc/apt/sources.list.d/rampart-deb-src.list
  local before; before=$(md5sum 2>/dev/null <"$extra" || true)
  for f in "${srcs[@]}"; do
    [[ -f "$f" && "$f" != "$extra" ]] || continue
    grep -E '^[[:space:]]*deb[[:space:]].*debian' "$f" | while read -r line; do
      local src="deb-src${line#deb}"
      # already present (in any list)?
      if ! grep -qxF "$src" "${srcs[@]}" 2>/dev/null && ! { [[ -f $extra ]] && grep -qxF "$src" "$extra"; }; then
        echo "$src" >>"$extra"
      fi
    done
  done
  [[ "$(md5sum 2>/dev/null <"$extra" || true)" != "$before" ]] && { changed=0; log "added $extra"; }
  shopt -u nullglob
  return $changed
}
if enable_deb_src; then need_update=1; fi
if [[ $need_update -eq 1 ]]; then APT_UPDATED=0; fi

# ---------------------------------------------------------------------------
# 3. arm64 packages: download + extract into the cache
# ---------------------------------------------------------------------------
mkdir -p "$CACHE"
DL="$CACHE/.download"

# fetch_extract PKG  -> .cache/deps/PKG/ ; stamp records the version.
fetch_extract() {
  local pkg=$1 dir="$CACHE/$1" ver deb
  apt_update
  ver=$(apt-cache policy "$pkg:arm64" 2>/dev/null | sed -n 's/^[[:space:]]*Candidate:[[:space:]]*//p')
  [[ -n "$ver" && "$ver" != "(none)" ]] || die "arm64 package '$pkg:arm64' not found in the apt archive"
  if [[ $FORCE -eq 0 && -f "$dir/.rampart-stamp" && "$(cat "$dir/.rampart-stamp")" == "$pkg:arm64=$ver" ]]; then
    return 0
  fi
  log "fetching $pkg:arm64 ($ver)"
  rm -rf "$DL" "$dir"; mkdir -p "$DL"
  ( cd "$DL" && apt-get download -qq -o APT::Sandbox::User=root "$pkg:arm64=$ver" >/dev/null ) \
    || die "apt-get download $pkg:arm64 failed"
  deb=$(find "$DL" -maxdepth 1 -name '*.deb' -print -quit)
  [[ -n "$deb" ]] || die "apt-get download $pkg:arm64 produced no .deb"
  mkdir -p "$dir"
  dpkg-deb -x "$deb" "$dir" || die "dpkg-deb -x $deb failed"
  echo "$pkg:arm64=$ver" >"$dir/.rampart-stamp"
  rm -rf "$DL"
}

# Resolve the kernel ABI from the linux-image-arm64 metapackage's Depends.
apt_update
meta_dep=$(apt-cache show --no-all-versions linux-image-arm64:arm64 2>/dev/null \
           | sed -n 's/^Depends:[[:space:]]*//p' | head -n1)
[[ -n "$meta_dep" ]] || die "cannot read Depends of linux-image-arm64:arm64 (is the arm64 architecture enabled and apt updated?)"
KERNEL_RELEASE=$(echo "$meta_dep" | tr ',|' '\n' \
                 | sed -n 's/^[[:space:]]*linux-image-\([0-9][^ (]*-arm64\)\([[:space:]].*\)\{0,1\}$/\1/p' | head -n1)
[[ -n "$KERNEL_RELEASE" ]] || die "no linux-image-<abi>-arm64 in linux-image-arm64 Depends: '$meta_dep'"
KERNEL_ABI=${KERNEL_RELEASE%-arm64}
KPKG="linux-image-${KERNEL_RELEASE}-unsigned"
log "kernel: linux-image-arm64 -> $KERNEL_RELEASE (package $KPKG)"

fetch_extract "$KPKG"
for p in "${ARM64_PKGS[@]}"; do fetch_extract "$p"; done

KDIR="$CACHE/$KPKG"
vmlinuz=$(find "$KDIR/boot" -maxdepth 1 -name 'vmlinuz-*' -print -quit 2>/dev/null || true)
[[ -n "$vmlinuz" ]] || die "$KPKG has no boot/vmlinuz-*"
# arm64 Image header: magic "ARM\x64" at offset 0x38.
is_image() { [[ "$(od -An -tx1 -j 56 -N 4 "$1" | tr -d ' \n')" == "41524d64" ]]; }
if is_image "$vmlinuz"; then
  KERNEL_IMAGE=$vmlinuz
else
  KERNEL_IMAGE="$KDIR/Image"
  if [[ ! -f "$KERNEL_IMAGE" ]] || ! is_image "$KERNEL_IMAGE"; then
    log "vmlinuz is compressed: decompressing to $KERNEL_IMAGE"
    case "$(od -An -tx1 -N 2 "$vmlinuz" | tr -d ' \n')" in
      1f8b) gzip -dc "$vmlinuz" >"$KERNEL_IMAGE.tmp" ;;
      *)    die "$vmlinuz is neither an arm64 Image nor gzip" ;;
    esac
    mv "$KERNEL_IMAGE.tmp" "$KERNEL_IMAGE"
  fi
  is_image "$KERNEL_IMAGE" || die "$KERNEL_IMAGE is not an arm64 Image"
fi
KMODS="$KDIR/lib/modules/$KERNEL_RELEASE"
[[ -d "$KMODS" ]] || die "$KPKG has no lib/modules/$KERNEL_RELEASE"
BUSYBOX="$CACHE/busybox-static/bin/busybox"
[[ -x "$BUSYBOX" ]] || die "busybox-static:arm64 has no bin/busybox"

# ---------------------------------------------------------------------------
# 4. mbedtls source package
# ---------------------------------------------------------------------------
MBEDTLS_DIR="$CACHE/mbedtls-src"
apt_update
mver=$(apt-cache showsrc --only-source mbedtls 2>/dev/null | sed -n 's/^Version:[[:space:]]*//p' | sort -V | tail -n1)
[[ -n "$mver" ]] || die "source package 'mbedtls' not found (deb-src entries missing?)"
if [[ $FORCE -eq 1 || ! -f "$MBEDTLS_DIR/.rampart-stamp" || "$(cat "$MBEDTLS_DIR/.rampart-stamp" 2>/dev/null)" != "mbedtls=$mver" ]]; then
  log "fetching source package mbedtls ($mver)"
  rm -rf "$MBEDTLS_DIR"; mkdir -p "$MBEDTLS_DIR"
  ( cd "$MBEDTLS_DIR" && apt-get source -qq -o APT::Sandbox::User=root "mbedtls=$mver" >/dev/null 2>&1 ) \
    || die "apt-get source mbedtls=$mver failed"
  echo "mbedtls=$mver" >"$MBEDTLS_DIR/.rampart-stamp"
fi
MBEDTLS_SRC=$(find "$MBEDTLS_DIR" -mindepth 1 -maxdepth 1 -type d -name 'mbedtls-*' | head -n1)
[[ -n "$MBEDTLS_SRC" && -f "$MBEDTLS_SRC/include/mbedtls/version.h" ]] \
  || die "mbedtls source not unpacked in $MBEDTLS_DIR"

# ---------------------------------------------------------------------------
# 5. paths.mk
# ---------------------------------------------------------------------------
tmp="$PATHS_MK.tmp"
cat >"$tmp" <<EOF
# Generated by scripts/deps.sh -- do not edit.  Absolute paths into .cache/deps.
DEPS_DIR := $CACHE
KERNEL_ABI := $KERNEL_ABI
KERNEL_RELEASE := $KERNEL_RELEASE
KERNEL_PACKAGE := $KPKG
KERNEL_IMAGE := $KERNEL_IMAGE
KERNEL_MODULES_DIR := $KMODS
BUSYBOX := $BUSYBOX
TEE_SUPPLICANT_DIR := $CACHE/tee-supplicant
LIBTEEC_DIR := $CACHE/libteec1
LIBC6_ARM64_DIR := $CACHE/libc6
MBEDTLS_SRC := $MBEDTLS_SRC
MBEDTLS_VERSION := $mver
EOF
mv "$tmp" "$PATHS_MK"
log "ok: wrote $PATHS_MK"
