#!/bin/bash
# The core's crypto and TA image code on the host (ASan/UBSan):
# out/tests/crypto_unit_tests (SHA-256 and RSA known answers, DRBG, signed
# TA images and every way of breaking one), then sign_ta's output checked
# against the openssl command line (layout of optee-compat.md §5.2).
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
bin="$REPO/out/tests/crypto_unit_tests"
data="$REPO/out/tests/crypto"
log="$REPO/out/tests/crypto_unit_tests.log"
pass() { echo "PASS $1${2:+ ($2)}"; }
fail() { echo "FAIL $1${2:+ ($2)}"; }

if [ ! -x "$bin" ]; then
	fail crypto/unit_tests_built "$bin missing"
	exit 0
fi
ASAN_OPTIONS=detect_leaks=1 "$bin" >"$log" 2>&1
rc=$?
grep -E '^(PASS|FAIL) ' "$log" | sed 's#^\(PASS\|FAIL\) unit/#\1 crypto/#'
if [ $rc -ne 0 ] && ! grep -q '^FAIL ' "$log"; then
	fail crypto/unit_tests_exit "exit $rc"
	tail -n 30 "$log"
elif grep -q '^FAIL ' "$log"; then
	grep -v -E '^(PASS|FAIL|unit:) ' "$log" | head -n 40
fi

# sign_ta against openssl(1): field values, hash input, PSS salt 32.
img=$data/pss.ta key=$data/test_only_key_a_3072.pem
if [ -f "$img" ] && [ -f "$key" ]; then
	t=$(mktemp -d)
	sig_size=$(od -An -tu2 -j18 -N2 "$img" | tr -d ' ')
	elf_off=$((20 + 32 + sig_size + 20))
	fields=$(od -An -tx4 -N16 "$img" | tr -s ' ')
	elf_size=$(($(stat -c %s "$img") - elf_off))
	want=" 4f545348 00000001 $(printf %08x $elf_size) 70414930"
	if [ "$fields" = "$want" ] && [ "$sig_size" = 384 ] &&
		cmp -s <(tail -c +$((elf_off + 1)) "$img") "$data/payload.elf"; then
		pass crypto/sign_ta_layout "ELF at $elf_off, sig_size $sig_size"
	else
		fail crypto/sign_ta_layout "fields '$fields' want '$want', sig_size $sig_size"
	fi
	{ head -c 20 "$img"; tail -c +$((20 + 32 + sig_size + 1)) "$img"; } |
		openssl dgst -sha256 -binary >"$t/hash"
	head -c 52 "$img" | tail -c 32 >"$t/stored"
	head -c $((52 + sig_size)) "$img" | tail -c "$sig_size" >"$t/sig"
	if cmp -s "$t/hash" "$t/stored" &&
		openssl pkeyutl -verify -inkey "$key" -in "$t/hash" -sigfile "$t/sig" \
			-pkeyopt digest:sha256 -pkeyopt rsa_padding_mode:pss \
			-pkeyopt rsa_pss_saltlen:32 -pkeyopt rsa_mgf1_md:sha256 >/dev/null 2>&1; then
		pass crypto/sign_ta_pss_verifies_with_openssl
	else
		fail crypto/sign_ta_pss_verifies_with_openssl
	fi
	rm -rf "$t"
	# PKCS#1 v1.5 is deterministic: byte-identical to the openssl-only image.
	if cmp -s "$data/pkcs1.ta" "$data/ref_pkcs1.ta"; then
		pass crypto/sign_ta_pkcs1_matches_openssl_cli
	else
		fail crypto/sign_ta_pkcs1_matches_openssl_cli
	fi
else
	fail crypto/sign_ta_test_data "$img missing"
fi
