/*
 * CRYPT_CMD_ASYM_BENCH: time of one signature and one verification with
 * a fixed key (RSA-2048 PKCS#1 v1.5 SHA-256, or ECDSA P-256 SHA-256),
 * median of @n samples. TEE_GetSystemTime counts milliseconds, so each
 * sample times a batch of operations and divides.
 */
#include <crypt_ta.h>
#include <string.h>

#include "asym_priv.h"

#define MAX_SAMPLES 31

static const struct akat *by_name(const char *name)
{
	for (size_t i = 0; i < akat_count; i++)
		if (!strcmp(akat_vectors[i].name, name))
			return &akat_vectors[i];
	return NULL;
}

static uint32_t now_ms(void)
{
	TEE_Time t;

	TEE_GetSystemTime(&t);
	return t.seconds * 1000 + t.millis;
}

static uint32_t median(uint32_t *v, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++)
		for (uint32_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
			uint32_t t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return v[n / 2];
}

/* Microseconds per operation, median of @n batches of @batch. */
static TEE_Result measure(TEE_OperationHandle op, bool sign,
			  const struct akat *v, uint32_t n, uint32_t batch,
			  uint32_t *us)
{
	static uint8_t sig[512];
	uint32_t samples[MAX_SAMPLES];
	TEE_Result res = TEE_SUCCESS;

	for (uint32_t s = 0; s < n; s++) {
		uint32_t t0 = now_ms();

		for (uint32_t i = 0; i < batch && !res; i++) {
			size_t len = sizeof(sig);

			if (sign)
				res = TEE_AsymmetricSignDigest(op, NULL, 0,
							       v->in, v->in_len,
							       sig, &len);
			else
				res = TEE_AsymmetricVerifyDigest(
					op, NULL, 0, v->in, v->in_len, v->out,
					v->out_len);
		}
		if (res)
			return res;
		samples[s] = (now_ms() - t0) * 1000 / batch;
	}
	*us = median(samples, n);
	return TEE_SUCCESS;
}

TEE_Result crypt_asym_bench(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	const struct akat *v;
	TEE_ObjectHandle k;
	TEE_OperationHandle s, ver;
	uint32_t n, sb, vb;
	TEE_Result res;

	if (pt != P(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	n = p[0].value.b;
	if (!n || n > MAX_SAMPLES)
		return TEE_ERROR_BAD_PARAMETERS;
	if (p[0].value.a == CRYPT_BENCH_RSA2048) {
		v = by_name("openssl-v15-2048-SHA256");
		sb = 4;
		vb = 40;
	} else {
		v = by_name("openssl-ecdsa-SECP256R1-SHA256");
		sb = 10;
		vb = 10;
	}
	if (!v)
		return TEE_ERROR_ITEM_NOT_FOUND;
	k = asym_key(v->key_type, v->attr, v->nattrs);
	if (!k)
		return TEE_ERROR_GENERIC;
	s = asym_op(v->algo, TEE_MODE_SIGN, k);
	ver = asym_op(v->algo, TEE_MODE_VERIFY, k);
	if (!s || !ver)
		return TEE_ERROR_GENERIC;
	res = measure(s, true, v, n, sb, &p[1].value.a);
	if (!res)
		res = measure(ver, false, v, n, vb, &p[1].value.b);
	TEE_FreeOperation(s);
	TEE_FreeOperation(ver);
	TEE_FreeTransientObject(k);
	return res;
}
