#!/bin/bash
# The GP crypto API end to end: tests/guest/cryptest against crypt_ta
# (tests/ta/crypt_ta), one boot per CPU model (--smp 2; prefixes
# crypto_a57 and crypto_max):
#   kat_*            known answers from the standards (FIPS 180-4, RFC 1321,
#                    RFC 2202/4231, SP 800-38A/B/C, RFC 3962, IEEE 1619,
#                    RFC 4493, McGrew-Viega GCM, FIPS 81, SP 800-67), each
#                    in one piece, in random pieces and through a copy
#   vec_*            differential vectors: drawn here with a fixed seed by
#                    out/tests/cryp_gen_vectors and computed with OpenSSL,
#                    installed in the guest as /usr/share/cryptest/vectors.txt
#   cavs_*           NIST CAVS response files (AESVS, TDES, XTS, GCM, CCM,
#                    SHAVS) and the RFC/SP 800-38B examples shipped with
#                    python3-cryptography-vectors, subsampled and converted
#                    here by tests/guest/cryptest/cavs_sym.py
#                    (/usr/share/cryptest/cavs_vectors.txt); its summary of
#                    cases and skips per family is printed as '# cavs' lines
#   misuse_*         short buffers, MAC/tag mismatches, extractability, bad
#                    pointers straight to the system calls, rules, states
#   panic_*          programmer errors GP calls panics: TARGET_DEAD
#   gp11_api, foreign_handle
#   asym_*           public-key algorithms (RSA PKCS#1 v1.5/PSS/OAEP/raw,
#                    ECDSA, ECDH, X25519, DH, HKDF, PBKDF2): published
#                    vectors (PKCS#1 v2.1, RFC 6979/5903/7748/5869/6070) and
#                    OpenSSL's, in the TA (tests/ta/crypt_ta/asym*.c); key
#                    generation; misuse
#   asym_export      the TA's own PSS/ECDSA signatures and OAEP/v1.5
#                    ciphertexts, printed; asym_ta_to_openssl checks them
#                    here with OpenSSL (out/tests/cryp_asym_check)
#   asym_diff_*      randomized differential test: EC/X25519 keys and
#                    messages drawn with a fixed seed, fresh RSA keys of
#                    1024..4096 bits (every hash, PSS salt lengths, empty
#                    messages/labels, largest and too-long plaintexts),
#                    computed with OpenSSL by out/tests/cryp_gen_asym
#                    (/usr/share/cryptest/asym_vectors.txt); the TA must
#                    match OpenSSL's bytes and verify its signatures, and
#                    asym_diff_{ecdsa,rsa}_to_openssl check the TA's own
#                    signatures/ciphertexts (@@ASYMD lines) with OpenSSL
#   fips186_*, kas_ecc_cdh
#                    NIST CAVS asymmetric known answers (FIPS 186 ECDSA and
#                    RSA v1.5/PSS SigVer/SigGen, ECC PKV, SP 800-56A ECC
#                    CDH) from python3-cryptography-vectors, subsampled by
#                    tests/guest/cryptest/cavs_asym.py
#                    (/usr/share/cryptest/fips186.txt; missing files: an
#                    "error" line, and the tests fail)
# and from the secure log: refusals_logged (the core logs what makes a TA
# panic), no_core_panic.
set -u
. "$(dirname "$0")/lib.sh"

CRYPT=48d6dccc-26df-42d3-bcf2-0ef49a190b00
bin="$REPO/out/guest/cryptest"
gen="$REPO/out/tests/cryp_gen_vectors"
ta="$REPO/out/ta/crypt_ta/$CRYPT.ta"
runs="a57:cortex-a57 max:max"

tests="kat_digest kat_mac kat_cipher kat_ae kat_million_a aes_accel_vs_mbedtls
	vec_digest
	vec_mac vec_cipher vec_ae cavs_digest cavs_mac cavs_cipher cavs_ae
	gp11_api foreign_handle asym_export
	asym_rsa_pkcs1_v15_sign asym_rsa_pss asym_rsa_oaep
	asym_rsa_pkcs1_v15_encrypt asym_rsa_nopad asym_ecdsa asym_ecdh
	asym_x25519 asym_dh asym_hkdf_pbkdf2 asym_keygen asym_keygen_rsa2048 asym_misuse
	asym_concat_kdf asym_hkdf_gp asym_rsa_oaep_mgf asym_kdf_misuse
	asym_diff_ecdsa asym_diff_ecdh asym_diff_x25519 asym_diff_rsa
	fips186_ecdsa_sigver fips186_ecdsa_siggen_verify fips186_ecc_pkv
	fips186_rsa_sigver15 fips186_rsa_sigverpss fips186_rsa_siggen15
	fips186_rsa_siggenpss_verify kas_ecc_cdh"
misuse="short_digest short_cipher short_ae short_mac mac_invalid
	ae_tag_invalid extractable syscall_not_extractable syscall_bad_pointers
	alloc_rules populate_rules operation_info copy_operation generate_key
	xts_same_keys ae_limits instance_budget operation_states"
panics="not_extractable wrong_key_type key_too_big key_usage
	update_before_init final_twice mac_update_before_init
	digest_after_extract aad_after_payload nopad_partial_block bad_handle
	stale_handle object_as_operation missing_attribute populate_twice
	reset_without_key generate_bad_size wrong_class asym_public_key_sign
	asym_wrong_key_type asym_wrong_mode"
all="$tests $(for m in $misuse; do echo "misuse_$m"; done)
	$(for p in $panics; do echo "panic_$p"; done)"

all_fail() {
	for run in $runs; do
		for t in guest_ran $all asym_ta_to_openssl asym_diff_ecdsa_to_openssl \
			asym_diff_rsa_to_openssl refusals_logged \
			no_core_panic; do
			fail "crypto_${run%%:*}/$t" "$1"
		done
	done
	exit 0
}
missing=""
check="$REPO/out/tests/cryp_asym_check"
gen_asym="$REPO/out/tests/cryp_gen_asym"
for f in "$bin" "$gen" "$ta" "$check" "$gen_asym"; do
	[ -e "$f" ] || missing="$missing ${f#$REPO/}"
done
[ -z "$missing" ] || all_fail "not built:$missing (make check builds them)"

overlay="$TEST_OUT/crypto-overlay"
rm -rf "$overlay"
mkdir -p "$overlay/usr/bin" "$overlay/lib/optee_armtz" \
	"$overlay/usr/share/cryptest"
cp "$bin" "$overlay/usr/bin/cryptest"
cp "$ta" "$overlay/lib/optee_armtz/"
chmod 644 "$overlay/lib/optee_armtz/$CRYPT.ta"
# 150 vectors per algorithm (300 per AE algorithm), fixed seed.
if ! "$gen" 150 0x5eed5eed >"$overlay/usr/share/cryptest/vectors.txt"; then
	all_fail "cryp_gen_vectors failed"
fi
nvec=$(grep -vc '^#' "$overlay/usr/share/cryptest/vectors.txt")
# NIST CAVS cases; without the files the cavs_* tests fail with the reason.
cavs="$overlay/usr/share/cryptest/cavs_vectors.txt"
if ! python3 "$REPO/tests/guest/cryptest/cavs_sym.py" >"$cavs" \
	2>"$TEST_OUT/cavs-summary.txt"; then
	echo "#error cavs_sym.py: $(head -1 "$TEST_OUT/cavs-summary.txt")" >"$cavs"
fi
sed 's/^/# /' "$TEST_OUT/cavs-summary.txt"
ncavs=$(grep -vc '^#' "$cavs")
# asym_diff: 300 cases of ECDSA P-256, ECDH P-256, X25519 and RSA-2048,
# 37 of every other curve, 40/40/16/24/8 of RSA-1024/3072/4096/2056/1537
# and the RSA boundary cases; fixed seed (RSA keys: OpenSSL's, fresh).
asym_seed=0x5eed0a5e
if ! "$gen_asym" $asym_seed 300 >"$overlay/usr/share/cryptest/asym_vectors.txt"; then
	all_fail "cryp_gen_asym failed"
fi
nasym=$(grep -vc '^#' "$overlay/usr/share/cryptest/asym_vectors.txt")
# NIST CAVS asymmetric cases (an "error" line when the files are missing).
python3 "$REPO/tests/guest/cryptest/cavs_asym.py" \
	>"$overlay/usr/share/cryptest/fips186.txt"

npanic=$(echo $panics | wc -w)
for run in $runs; do
	short=${run%%:*} cpu=${run#*:}
	prefix="crypto_$short"
	console="$TEST_OUT/crypto-$short.console.log"
	secure="$TEST_OUT/crypto-$short.secure.log"
	rm -f "$console" "$secure"
	"$RUN_QEMU" --smp 2 --cpu "$cpu" --overlay "$overlay" --timeout 900 \
		--console-log "$console" --secure-log "$secure" \
		--cmd 'cryptest --budget 840; echo "cryptest exit $?"' \
		>/dev/null 2>&1
	rc=$?
	touch "$console" "$secure"
	if grep -aq 'cryptest exit' "$console"; then
		pass "$prefix/guest_ran" "$(grep -a 'cryptest: .* passed' "$console" | tr -d '\r' | tail -1); $nvec differential vectors, $ncavs CAVS cases"
	else
		fail "$prefix/guest_ran" "run-qemu exit $rc (124: timeout)" "$console"
	fi
	report_results "$prefix" "$console" "$secure" $all
	if out=$("$check" "$console" 2>&1); then
		pass "$prefix/asym_ta_to_openssl" "$(echo "$out" | tail -1)"
	else
		fail "$prefix/asym_ta_to_openssl" "$(echo "$out" | grep -v '^ok' | head -3 | tr '\n' ' ')" "$console"
	fi
	for alg in ecdsa rsa; do
		lines="$TEST_OUT/crypto-$short.asymd-$alg.txt"
		grep -a "@@ASYMD $alg" "$console" >"$lines"
		if out=$("$check" "$lines" ASYMD 2>&1); then
			pass "$prefix/asym_diff_${alg}_to_openssl" "$(echo "$out" | tail -1) (seed $asym_seed, $nasym lines)"
		else
			fail "$prefix/asym_diff_${alg}_to_openssl" "seed $asym_seed: $(echo "$out" | grep -v '^ok' | head -3 | tr '\n' ' ')" "$console"
		fi
	done

	nref=$(grep -ac 'cryp: system call .* refused' "$secure" || true)
	if [ "$nref" -ge "$npanic" ]; then
		pass "$prefix/refusals_logged" "$nref refusal lines for $npanic panic scenarios"
	else
		fail "$prefix/refusals_logged" "$nref refusal lines, want >= $npanic" "$secure"
	fi
	if [ -s "$secure" ] && ! grep -aq 'PANIC' "$secure"; then
		pass "$prefix/no_core_panic"
	else
		fail "$prefix/no_core_panic" "empty secure log or PANIC" "$secure"
	fi
done
