#!/bin/bash
# Public-key operation times in a TA: RSA-2048 (PKCS#1 v1.5, SHA-256) and
# ECDSA P-256 (SHA-256) sign and verify with fixed keys, measured inside
# crypt_ta (CRYPT_CMD_ASYM_BENCH, client `cryptest --bench`), one boot per
# CPU model. Part of `make bench` (bench/run.sh); runs alone too:
#   bench/asym_crypto.sh        (after `make` and `make guest`)
# BENCH_ASYM_SAMPLES (default 9, at most 31): batches per figure (median).
set -u
REPO=$(cd "$(dirname "$0")/.." && pwd)
SAMPLES=${BENCH_ASYM_SAMPLES:-9}
CRYPT=48d6dccc-26df-42d3-bcf2-0ef49a190b00
out="$REPO/out/bench"
overlay="$out/asym-overlay"
rm -rf "$overlay"
mkdir -p "$overlay/usr/bin" "$overlay/lib/optee_armtz"
cp "$REPO/out/guest/cryptest" "$overlay/usr/bin/" || exit 1
cp "$REPO/out/ta/crypt_ta/$CRYPT.ta" "$overlay/lib/optee_armtz/" || exit 1
chmod 644 "$overlay/lib/optee_armtz/$CRYPT.ta"

for cpu in cortex-a57 max; do
	log="$out/asym-$cpu.console.log"
	"$REPO/scripts/run-qemu.sh" --cpu "$cpu" --smp 2 --timeout 600 \
		--overlay "$overlay" --console-log "$log" \
		--secure-log "$out/asym-$cpu.secure.log" \
		--cmd "cryptest --bench $SAMPLES" >/dev/null 2>&1
	echo
	echo "public-key operations in a TA, ms per operation: QEMU TCG, $cpu smp2"
	echo "  (median of $SAMPLES timed batches; fixed keys; RSA private operations"
	echo "  blinded, ECDSA with a random k from the core DRBG)"
	if ! tr -d '\r' <"$log" | grep -aq '^asym '; then
		echo "  no result (see $log)"
		continue
	fi
	tr -d '\r' <"$log" | grep -a '^asym ' | awk '
		$3 == "fail" { printf "  %-26s fail %s\n", $2, $4; next }
		{
			for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
			printf "  %-26s sign %8.2f ms   verify %8.2f ms\n", $2,
				v["sign_us"] / 1000, v["verify_us"] / 1000
		}'
done
