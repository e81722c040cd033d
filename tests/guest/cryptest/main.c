/*
 * cryptest: in-guest tests of the GP crypto API (objects, digests,
 * ciphers, MACs, AE) through crypt_ta and our libteec (static).
 *
 * Usage: cryptest [--budget SECONDS] [--vectors FILE] [substring]
 * FILE: the differential vectors tests/qemu/test_crypto_ta.sh generates
 * (default /usr/share/cryptest/vectors.txt).
 * --cavs FILE: the NIST CAVS cases cavs_sym.py converts
 * (default /usr/share/cryptest/cavs_vectors.txt).
 *
 * Prints "@@RESULT <name> pass|fail <detail>@@" per test and exits 0 iff
 * every selected test passed. Each test runs in a forked child with a
 * time limit (tests/guest/common/runner.c).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <crypt_ta.h>

#include "cryptest.h"

struct test {
	const char *name;
	void (*fn)(void);
	int timeout_s;
};

static const struct test tests[] = {
	{"kat_digest", t_kat_digest, 60},
	{"kat_mac", t_kat_mac, 60},
	{"kat_cipher", t_kat_cipher, 60},
	{"kat_ae", t_kat_ae, 60},
	{"kat_million_a", t_kat_million_a, 60},
	{"aes_accel_vs_mbedtls", t_aes_accel_vs_mbedtls, 120},
	{"vec_digest", t_vec_digest, 120},
	{"vec_mac", t_vec_mac, 120},
	{"vec_cipher", t_vec_cipher, 120},
	{"vec_ae", t_vec_ae, 120},
	{"cavs_digest", t_cavs_digest, 120},
	{"cavs_mac", t_cavs_mac, 120},
	{"cavs_cipher", t_cavs_cipher, 120},
	{"cavs_ae", t_cavs_ae, 120},
	{"gp11_api", t_gp11, 30},
	{"foreign_handle", t_foreign_handle, 30},
	{"asym_export", t_asym_export, 120},
	{"asym_diff_ecdsa", t_asym_diff_ecdsa, 240},
	{"asym_diff_ecdh", t_asym_diff_ecdh, 240},
	{"asym_diff_x25519", t_asym_diff_x25519, 240},
	{"asym_diff_rsa", t_asym_diff_rsa, 240},
	{"fips186_ecdsa_sigver", t_fips186_ecdsa_sigver, 240},
	{"fips186_ecdsa_siggen_verify", t_fips186_ecdsa_siggen_verify, 240},
	{"fips186_ecc_pkv", t_fips186_ecc_pkv, 240},
	{"fips186_rsa_sigver15", t_fips186_rsa_sigver15, 240},
	{"fips186_rsa_sigverpss", t_fips186_rsa_sigverpss, 240},
	{"fips186_rsa_siggen15", t_fips186_rsa_siggen15, 240},
	{"fips186_rsa_siggenpss_verify", t_fips186_rsa_siggenpss_verify, 240},
	{"kas_ecc_cdh", t_kas_ecc_cdh, 240},
};

/* Misuse scenarios by name; the _PANIC ones run as t_panic. */
static const char *const scenarios[CRYPT_M_COUNT] = {
	[CRYPT_M_SHORT_DIGEST] = "short_digest",
	[CRYPT_M_SHORT_CIPHER] = "short_cipher",
	[CRYPT_M_SHORT_AE] = "short_ae",
	[CRYPT_M_SHORT_MAC] = "short_mac",
	[CRYPT_M_MAC_INVALID] = "mac_invalid",
	[CRYPT_M_AE_TAG_INVALID] = "ae_tag_invalid",
	[CRYPT_M_EXTRACTABLE] = "extractable",
	[CRYPT_M_SYSCALL_NOT_EXTRACTABLE] = "syscall_not_extractable",
	[CRYPT_M_SYSCALL_BAD_POINTERS] = "syscall_bad_pointers",
	[CRYPT_M_ALLOC_RULES] = "alloc_rules",
	[CRYPT_M_POPULATE_RULES] = "populate_rules",
	[CRYPT_M_INFO] = "operation_info",
	[CRYPT_M_COPY_OPERATION] = "copy_operation",
	[CRYPT_M_GENERATE] = "generate_key",
	[CRYPT_M_XTS_SAME_KEYS] = "xts_same_keys",
	[CRYPT_M_AE_LIMITS] = "ae_limits",
	[CRYPT_M_BUDGET] = "instance_budget",
	[CRYPT_M_STATES] = "operation_states",
	[CRYPT_M_NOT_EXTRACTABLE_PANIC] = "not_extractable",
	[CRYPT_M_WRONG_KEY_TYPE_PANIC] = "wrong_key_type",
	[CRYPT_M_KEY_TOO_BIG_PANIC] = "key_too_big",
	[CRYPT_M_KEY_USAGE_PANIC] = "key_usage",
	[CRYPT_M_UPDATE_BEFORE_INIT_PANIC] = "update_before_init",
	[CRYPT_M_FINAL_TWICE_PANIC] = "final_twice",
	[CRYPT_M_MAC_UPDATE_BEFORE_INIT_PANIC] = "mac_update_before_init",
	[CRYPT_M_DIGEST_AFTER_EXTRACT_PANIC] = "digest_after_extract",
	[CRYPT_M_AAD_AFTER_PAYLOAD_PANIC] = "aad_after_payload",
	[CRYPT_M_NOPAD_PARTIAL_PANIC] = "nopad_partial_block",
	[CRYPT_M_BAD_HANDLE_PANIC] = "bad_handle",
	[CRYPT_M_STALE_HANDLE_PANIC] = "stale_handle",
	[CRYPT_M_OBJ_AS_OP_PANIC] = "object_as_operation",
	[CRYPT_M_MISSING_ATTR_PANIC] = "missing_attribute",
	[CRYPT_M_POPULATE_TWICE_PANIC] = "populate_twice",
	[CRYPT_M_RESET_NO_KEY_PANIC] = "reset_without_key",
	[CRYPT_M_GENERATE_SIZE_PANIC] = "generate_bad_size",
	[CRYPT_M_WRONG_CLASS_PANIC] = "wrong_class",
	[CRYPT_M_ASYM_PUBLIC_SIGN_PANIC] = "asym_public_key_sign",
	[CRYPT_M_ASYM_WRONG_KEY_TYPE_PANIC] = "asym_wrong_key_type",
	[CRYPT_M_ASYM_WRONG_MODE_PANIC] = "asym_wrong_mode",
};

static struct runner run = {
	.budget = 600,
	.alarm_backstop = true,
};

static bool run_fn(const void *arg)
{
	void (*const *fn)(void) = arg;

	(*fn)();
	return !failures;
}

int main(int argc, char **argv)
{
	char name[80];

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--budget") && i + 1 < argc) {
			run.budget = atoi(argv[++i]);
		} else if (!strcmp(argv[i], "--bench") && i + 1 < argc) {
			return asym_bench(atoi(argv[i + 1]));
		} else if (!strcmp(argv[i], "--vectors") && i + 1 < argc) {
			vectors_path = argv[++i];
		} else if (!strcmp(argv[i], "--cavs") && i + 1 < argc) {
			cavs_path = argv[++i];
		} else if (!strcmp(argv[i], "--asym-vectors") && i + 1 < argc) {
			asym_vectors_path = argv[++i];
		} else if (argv[i][0] == '-' || run.filter) {
			fprintf(stderr,
				"usage: cryptest [--budget SECONDS] "
				"[--vectors FILE] [--cavs FILE] "
				"[--asym-vectors FILE] [--bench SAMPLES] "
				"[substring]\n");
			return 2;
		} else {
			run.filter = argv[i];
		}
	}
	runner_start(&run);
	for (size_t i = 0; i < ARRAY_SIZE(tests); i++)
		if (runner_selected(&run, tests[i].name))
			runner_run(&run, tests[i].name, run_fn, &tests[i].fn,
				   tests[i].timeout_s, NULL);
	for (uint32_t g = 0; g < ASYM_G_COUNT; g++) {
		void (*fn)(void) = t_asym;

		snprintf(name, sizeof(name), "asym_%s", asym_group_names[g]);
		if (!runner_selected(&run, name))
			continue;
		cur_group = g;
		runner_run(&run, name, run_fn, &fn, 300, NULL);
	}
	for (uint32_t s = 0; s < CRYPT_M_COUNT; s++) {
		bool panic = s >= CRYPT_M_FIRST_PANIC;
		void (*fn)(void) = panic ? t_panic : t_misuse;

		if (!scenarios[s])
			continue;
		snprintf(name, sizeof(name), "%s_%s",
			 panic ? "panic" : "misuse", scenarios[s]);
		if (!runner_selected(&run, name))
			continue;
		cur_scenario = s;
		runner_run(&run, name, run_fn, &fn, 30, NULL);
	}
	printf("cryptest: %d of %d passed\n", run.passed, run.ran);
	return run.passed == run.ran && run.ran > 0 ? 0 : 1;
}
