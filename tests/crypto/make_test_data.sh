#!/bin/bash
# Test data for out/tests/crypto_unit_tests, made at build time:
# test-only RSA keys (kept in out/, never committed), the public half of
# key A as the "built-in" key of the tested ta_image.c, and images signed by
# sign_ta and by the openssl-only reference assembler.
#   make_test_data.sh OUTDIR SIGN_TA
set -euo pipefail
out=$1 sign=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out/gen"

key() { # name bits
	[ -s "$out/$1" ] && return
	openssl genrsa -out "$out/$1.tmp" "$2" 2>/dev/null
	mv "$out/$1.tmp" "$out/$1"
}
key test_only_key_a_3072.pem 3072
key test_only_key_b_3072.pem 3072
key test_only_key_2048.pem 2048
key test_only_key_4096.pem 4096

"$sign" --key "$out/test_only_key_a_3072.pem" --pubkey-header "$out/gen/ta_pubkey.h.new"
if cmp -s "$out/gen/ta_pubkey.h.new" "$out/gen/ta_pubkey.h"; then
	rm "$out/gen/ta_pubkey.h.new"
else
	mv "$out/gen/ta_pubkey.h.new" "$out/gen/ta_pubkey.h"
fi

# A payload that starts like an ELF; 2893 bytes (not a multiple of 64).
{ printf '\177ELF\002\001\001\000'; seq 1 700; } | head -c 2893 >"$out/payload.elf"

uuid=8aaaf200-2450-11e4-abe2-0002a5d5c51b
s() { # key algo out
	"$sign" --key "$out/$1" --uuid $uuid --ta-version 7 --algo "$2" \
		--in "$out/payload.elf" --out "$out/$3"
}
s test_only_key_a_3072.pem pss pss.ta
s test_only_key_a_3072.pem pkcs1 pkcs1.ta
s test_only_key_b_3072.pem pss pss_key_b.ta
s test_only_key_2048.pem pss pss_2048.ta
s test_only_key_2048.pem pkcs1 pkcs1_2048.ta
s test_only_key_4096.pem pss pss_4096.ta
s test_only_key_4096.pem pkcs1 pkcs1_4096.ta
"$here/mk_ref_image.sh" "$out/test_only_key_a_3072.pem" $uuid 7 \
	"$out/payload.elf" pss "$out/ref_pss.ta"
"$here/mk_ref_image.sh" "$out/test_only_key_a_3072.pem" $uuid 7 \
	"$out/payload.elf" pkcs1 "$out/ref_pkcs1.ta"
