#!/bin/bash
# Benchmarks. Never part of `make check`'s pass/fail; prints a table.
set -u
REPO=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${BENCH_BOOT_RUNS:-5}
out="$REPO/out/bench"
mkdir -p "$out"

median() {
	sort -n | awk '{ a[NR] = $1 }
		END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
ms_to_s() { awk '{ printf "%.2f", $1 / 1000 }'; }

# Milliseconds from launching QEMU until the guest's first command has run
# (its @@EXIT line appears on the console), i.e. QEMU start to guest shell.
boot_times() {
	local cpu=$1 smp=$2
	for i in $(seq 1 "$RUNS"); do
		local start
		start=$(date +%s%N)
		"$REPO/scripts/run-qemu.sh" --cpu "$cpu" --smp "$smp" --timeout 120 \
			--console-log "$out/boot.console.log" \
			--secure-log "$out/boot.secure.log" --cmd 'true' 2>/dev/null |
			while IFS= read -r line; do
				case $line in
				*@@EXIT*) echo $((($(date +%s%N) - start) / 1000000)) ;;
				esac
			done
	done
}

printf '%-48s %8s %8s\n' "benchmark (QEMU TCG, $(nproc) host cores, $RUNS runs)" min median
for cfg in cortex-a57:2 max:2; do
	cpu=${cfg%%:*}
	smp=${cfg##*:}
	times=$(boot_times "$cpu" "$smp")
	if [ -z "$times" ]; then
		printf '%-48s %8s %8s\n' "boot: QEMU start to guest shell, $cpu smp$smp" fail fail
		continue
	fi
	min=$(echo "$times" | sort -n | head -1 | ms_to_s)
	med=$(echo "$times" | median | ms_to_s)
	printf '%-48s %7ss %7ss\n' "boot: QEMU start to guest shell, $cpu smp$smp" "$min" "$med"
done
echo "reference: OP-TEE 4.10 + TF-A take ~3.3 s QEMU start to guest shell (cortex-a57, smp 2)"

# Invoke round trip to the test PTA (warm session, one value parameter).
overlay="$out/overlay"
rm -rf "$overlay"
mkdir -p "$overlay/usr/bin" "$overlay/lib/optee_armtz"
cp "$REPO/out/guest/teebench" "$overlay/usr/bin/"
cp "$REPO"/out/ta/hello_world/*.ta "$REPO"/out/ta/gp13_ta/*.ta "$overlay/lib/optee_armtz/"
for cfg in cortex-a57:2 max:2; do
	cpu=${cfg%%:*}
	smp=${cfg##*:}
	line=$("$REPO/scripts/run-qemu.sh" --cpu "$cpu" --smp "$smp" --timeout 300 \
		--overlay "$overlay" --console-log "$out/invoke.console.log" \
		--secure-log "$out/invoke.secure.log" \
		--cmd 'teebench 2000; teebench ta-invoke 2000; teebench ta-open 20' 2>/dev/null |
		tr -d '\r')
	for kind in invoke_us ta_invoke_us ta_open_us; do
		l=$(echo "$line" | grep -a "^$kind ")
		min=$(echo "$l" | sed -n 's/.*min=\([0-9.]*\).*/\1/p')
		med=$(echo "$l" | sed -n 's/.*median=\([0-9.]*\).*/\1/p')
		case $kind in
		invoke_us) label="invoke round trip, test PTA" ;;
		ta_invoke_us) label="invoke round trip, user TA" ;;
		ta_open_us) label="open session, cold TA load+verify+map" ;;
		esac
		printf '%-48s %8sus %8sus\n' "$label, $cpu smp$smp" "${min:-fail}" "${med:-fail}"
	done
done
echo "reference: OP-TEE 4.10: invoke min ~250 us, median 290-800 us; cold open 100-480 ms"

# AES and SHA throughput in a TA (its own boots and table).
"$REPO/bench/sym_crypto.sh"

# RSA-2048 and ECDSA P-256 sign/verify times in a TA (its own boots).
"$REPO/bench/asym_crypto.sh"
