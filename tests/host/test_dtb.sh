#!/bin/bash
# The per-run device tree (scripts/mkdtb.sh): the nodes our firmware promises
# Linux, the initrd range, and seeds that change every boot.
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
out="$REPO/out/tests/host"
mkdir -p "$out"
pass() { echo "PASS $1${2:+ ($2)}"; }
fail() { echo "FAIL $1${2:+ ($2)}"; }

mk() {
	"$REPO/scripts/mkdtb.sh" --smp 2 --cpu cortex-a57 --mem 1024 \
		--bootargs "console=ttyAMA0 test-marker" \
		--initrd-start 0x48000000 --initrd-end 0x48123456 -o "$1" >/dev/null 2>&1
}

if ! mk "$out/a.dtb" || ! mk "$out/b.dtb"; then
	fail dtb/generated "mkdtb.sh failed"
	exit 0
fi
pass dtb/generated

get() { fdtget "$@" 2>/dev/null; }
check() {
	local name=$1 want=$2 got=$3
	if [ "$got" = "$want" ]; then pass "dtb/$name" "$got"; else fail "dtb/$name" "got '$got' want '$want'"; fi
}
check psci_compatible "arm,psci-1.0 arm,psci-0.2 arm,psci" "$(get -t s "$out/a.dtb" /psci compatible)"
check psci_method smc "$(get -t s "$out/a.dtb" /psci method)"
check optee_compatible "linaro,optee-tz" "$(get -t s "$out/a.dtb" /firmware/optee compatible)"
check optee_method smc "$(get -t s "$out/a.dtb" /firmware/optee method)"
check bootargs "console=ttyAMA0 test-marker" "$(get -t s "$out/a.dtb" /chosen bootargs)"
check initrd_start "0 1207959552" "$(get -t u "$out/a.dtb" /chosen linux,initrd-start)"
check initrd_end "0 1209152598" "$(get -t u "$out/a.dtb" /chosen linux,initrd-end)"
check cpus "2" "$(fdtget -l "$out/a.dtb" /cpus 2>/dev/null | grep -c '^cpu@')"

seed_a=$(get -t bx "$out/a.dtb" /chosen rng-seed)
seed_b=$(get -t bx "$out/b.dtb" /chosen rng-seed)
kaslr_a=$(get -t x "$out/a.dtb" /chosen kaslr-seed)
kaslr_b=$(get -t x "$out/b.dtb" /chosen kaslr-seed)
if [ "$(echo "$seed_a" | wc -w)" -eq 64 ] && [ "$seed_a" != "$seed_b" ]; then
	pass dtb/rng_seed_fresh_per_boot "64 bytes, differs between runs"
else
	fail dtb/rng_seed_fresh_per_boot "a='$seed_a' b='$seed_b'"
fi
if [ -n "$kaslr_a" ] && [ "$kaslr_a" != "$kaslr_b" ]; then
	pass dtb/kaslr_seed_fresh_per_boot
else
	fail dtb/kaslr_seed_fresh_per_boot "a='$kaslr_a' b='$kaslr_b'"
fi
size=$(stat -c %s "$out/a.dtb")
if [ "$size" -le 2097152 ]; then pass dtb/fits_2mib "$size bytes"; else fail dtb/fits_2mib "$size bytes"; fi
