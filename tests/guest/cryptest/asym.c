/*
 * The asymmetric tests of crypt_ta (CRYPT_CMD_ASYM), one group per test:
 * known answers (published vectors and OpenSSL's, in the TA), generated
 * keys, misuse.
 */
#include <stdio.h>
#include <string.h>

#include <crypt_ta.h>

#include "cryptest.h"

const char *const asym_group_names[ASYM_G_COUNT] = {
	[ASYM_G_RSA_V15_SIG] = "rsa_pkcs1_v15_sign",
	[ASYM_G_RSA_PSS] = "rsa_pss",
	[ASYM_G_RSA_OAEP] = "rsa_oaep",
	[ASYM_G_RSA_V15_ENC] = "rsa_pkcs1_v15_encrypt",
	[ASYM_G_RSA_NOPAD] = "rsa_nopad",
	[ASYM_G_ECDSA] = "ecdsa",
	[ASYM_G_ECDH] = "ecdh",
	[ASYM_G_X25519] = "x25519",
	[ASYM_G_DH] = "dh",
	[ASYM_G_KDF] = "hkdf_pbkdf2",
	[ASYM_G_KEYGEN] = "keygen",
	[ASYM_G_KEYGEN_2048] = "keygen_rsa2048",
	[ASYM_G_MISUSE] = "misuse",
	[ASYM_G_CONCAT_KDF] = "concat_kdf",
	[ASYM_G_HKDF_GP] = "hkdf_gp",
	[ASYM_G_RSA_OAEP_MGF] = "rsa_oaep_mgf",
	[ASYM_G_KDF_MISUSE] = "kdf_misuse",
};

uint32_t cur_group;

void t_asym(void)
{
	TEEC_Context ctx;
	TEEC_Session s;
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result r;

	if (!open_crypt(&ctx, &s))
		return;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_VALUE_OUTPUT, TEEC_NONE);
	op.params[0].value.a = cur_group;
	r = TEEC_InvokeCommand(&s, CRYPT_CMD_ASYM, &op, &origin);
	if (r == TEEC_SUCCESS)
		note("%u vectors, %u checks passed", op.params[2].value.b,
		     op.params[1].value.a);
	else
		expect(false,
		       "%s origin %u: vector %u, check at crypt_ta line %u, "
		       "value 0x%x",
		       rn(r), origin, op.params[2].value.a,
		       op.params[1].value.a, op.params[1].value.b);
	close_crypt(&ctx, &s);
}

/* cryptest --bench N: one line per algorithm, for bench/asym_crypto.sh. */
int asym_bench(int samples)
{
	static const struct {
		uint32_t which;
		const char *name;
	} algs[] = {{CRYPT_BENCH_RSA2048, "rsa2048-pkcs1v15-sha256"},
		    {CRYPT_BENCH_P256, "ecdsa-p256-sha256"}};
	TEEC_Context ctx;
	TEEC_Session s;
	TEEC_Operation op;
	uint32_t origin = 0;
	int rc = 0;

	if (!open_crypt(&ctx, &s))
		return 1;
	for (size_t i = 0; i < ARRAY_SIZE(algs); i++) {
		TEEC_Result r;

		memset(&op, 0, sizeof(op));
		op.paramTypes =
			TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = algs[i].which;
		op.params[0].value.b = (uint32_t)samples;
		r = TEEC_InvokeCommand(&s, CRYPT_CMD_ASYM_BENCH, &op, &origin);
		if (r != TEEC_SUCCESS) {
			printf("asym %s fail %s\n", algs[i].name, rn(r));
			rc = 1;
			continue;
		}
		printf("asym %s samples=%d sign_us=%u verify_us=%u\n",
		       algs[i].name, samples, op.params[1].value.a,
		       op.params[1].value.b);
	}
	close_crypt(&ctx, &s);
	return rc;
}

/*
 * The TA's randomized signatures and ciphertexts for the host, which
 * checks them with OpenSSL (asym_check.c): one "@@ASYMX ...@@" line each.
 */
void t_asym_export(void)
{
	static char line[20000];
	TEEC_Context ctx;
	TEEC_Session s;
	TEEC_Operation op;
	uint32_t origin = 0, n = 0;
	TEEC_Result r = TEEC_SUCCESS;

	if (!open_crypt(&ctx, &s))
		return;
	while (r == TEEC_SUCCESS) {
		memset(&op, 0, sizeof(op));
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT,
						 TEEC_MEMREF_TEMP_OUTPUT,
						 TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = n;
		op.params[1].tmpref.buffer = line;
		op.params[1].tmpref.size = sizeof(line) - 1;
		r = TEEC_InvokeCommand(&s, CRYPT_CMD_ASYM_EXPORT, &op, &origin);
		if (r != TEEC_SUCCESS)
			break;
		line[sizeof(line) - 1] = 0;
		printf("@@ASYMX %s@@\n", line);
		fflush(stdout);
		n++;
	}
	expect(r == TEEC_ERROR_ITEM_NOT_FOUND && n > 0, "case %u: %s origin %u",
	       n, rn(r), origin);
	if (!failures)
		note("%u signatures and ciphertexts exported", n);
	close_crypt(&ctx, &s);
}
