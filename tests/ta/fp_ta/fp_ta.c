/*
 * fp_ta: float, double and NEON in a TA, and the registers surviving what
 * the core does around them (see include/fp_ta.h). Built with
 * CFG_TA_FLOAT_SUPPORT=y, the dev kit's default.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <fp_ta.h>

#include "fp_regs.h"

#define P(a, b, c, d)                                                          \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##a, TEE_PARAM_TYPE_##b,                \
			TEE_PARAM_TYPE_##c, TEE_PARAM_TYPE_##d)
#define FP_PARAMS P(VALUE_INPUT, VALUE_OUTPUT, VALUE_OUTPUT, NONE)

/* What runs between filling and checking must not use FP/SIMD itself. */
#define NO_FP __attribute__((target("general-regs-only"), noinline))

static const TEE_UUID self_uuid = FP_TA_UUID;

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types,
				    TEE_Param params[TEE_NUM_PARAMS],
				    void **sess_ctx)
{
	(void)param_types;
	(void)params;
	*sess_ctx = NULL;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sess_ctx)
{
	(void)sess_ctx;
}

static void __attribute__((noinline)) compute(uint32_t n, TEE_Param p[4])
{
	volatile double dn = n; /* no constant folding: the FPU does it */
	volatile float fn = (float)n;
	double q = dn / 7.0;
	float f = fn / 3.0f;
	uint32x4_t v = vaddq_u32(vdupq_n_u32(n), (uint32x4_t){0, 1, 2, 3});
	uint64_t qb;
	uint32_t fb;

	v = vaddq_u32(vmulq_u32(v, v), vdupq_n_u32(5));
	memcpy(&qb, &q, sizeof(qb));
	memcpy(&fb, &f, sizeof(fb));
	p[1].value.a = (uint32_t)(qb >> 32);
	p[1].value.b = (uint32_t)qb;
	p[2].value.a = fb;
	p[2].value.b = vaddvq_u32(v) & ~FP_COMPUTE_ENTRY_DIRTY;
}

static NO_FP void wait_ms(void *arg)
{
	TEE_Wait(*(uint32_t *)arg);
}

/* The control: a clobber where the wait would be (the check must see it). */
static void clobber_between(void *arg)
{
	fp_clobber(*(uint32_t *)arg);
}

struct cipher_run {
	TEE_OperationHandle op;
	uint8_t *buf;
	size_t len;
};

static NO_FP void cipher_update(void *arg)
{
	struct cipher_run *c = arg;
	size_t out_len = c->len;

	if (TEE_CipherUpdate(c->op, c->buf, c->len, c->buf, &out_len) ||
	    out_len != c->len)
		c->len = 0;
}

/* Fill, AES-CBC over 8 KiB in the core, check; then the same again. */
static TEE_Result pattern_crypto(uint32_t seed, TEE_Param p[TEE_NUM_PARAMS])
{
	static const uint8_t key[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
	static uint8_t a[8192], b[8192];
	uint8_t iv[16] = {0};
	TEE_ObjectHandle k = TEE_HANDLE_NULL;
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_Attribute attr;
	struct cipher_run c = {.buf = a, .len = sizeof(a)};
	TEE_Result res;

	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, key, sizeof(key));
	res = TEE_AllocateTransientObject(TEE_TYPE_AES, 128, &k);
	if (!res)
		res = TEE_PopulateTransientObject(k, &attr, 1);
	if (!res)
		res = TEE_AllocateOperation(&op, TEE_ALG_AES_CBC_NOPAD,
					    TEE_MODE_ENCRYPT, 128);
	if (!res)
		res = TEE_SetOperationKey(op, k);
	if (res)
		goto out;
	for (size_t i = 0; i < sizeof(a); i++)
		a[i] = b[i] = (uint8_t)(i * 7 + seed);
	c.op = op;
	TEE_CipherInit(op, iv, sizeof(iv));
	p[1].value.a = fp_fill_call_check(seed, cipher_update, &c);
	if (!c.len) {
		res = TEE_ERROR_GENERIC;
		goto out;
	}
	c.buf = b;
	TEE_CipherInit(op, iv, sizeof(iv));
	cipher_update(&c);
	p[2].value.a = c.len && !TEE_MemCompare(a, b, sizeof(a));
out:
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);
	return res;
}

struct callee {
	TEE_TASessionHandle s;
	uint32_t seed;
	TEE_Result res;
	uint32_t dirty;
};

static NO_FP void invoke_clobber(void *arg)
{
	struct callee *c = arg;
	TEE_Param p[4] = {0};
	uint32_t origin = 0;

	p[0].value.a = c->seed;
	c->res = TEE_InvokeTACommand(c->s, TEE_TIMEOUT_INFINITE, FP_CMD_CLOBBER,
				     FP_PARAMS, p, &origin);
	c->dirty = p[1].value.b;
}

static TEE_Result ta2ta(uint32_t seed, TEE_Param p[4])
{
	struct callee c = {.seed = ~seed};
	uint32_t origin = 0;
	TEE_Result res;

	res = TEE_OpenTASession(&self_uuid, TEE_TIMEOUT_INFINITE, 0, NULL, &c.s,
				&origin);
	if (res)
		return res;
	p[1].value.a = fp_fill_call_check(seed, invoke_clobber, &c);
	p[2].value.a = c.res;
	p[2].value.b = c.dirty;
	TEE_CloseTASession(c.s);
	return TEE_SUCCESS;
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx, uint32_t cmd,
				      uint32_t param_types,
				      TEE_Param params[TEE_NUM_PARAMS])
{
	/* First thing: the FP state this entry starts from. */
	uint32_t dirty = fp_regs_dirty();

	(void)sess_ctx;
	if (param_types != FP_PARAMS)
		return TEE_ERROR_BAD_PARAMETERS;
	params[1].value.b = dirty;
	switch (cmd) {
	case FP_CMD_COMPUTE:
		compute(params[0].value.a, params);
		if (dirty)
			params[2].value.b |= FP_COMPUTE_ENTRY_DIRTY;
		return TEE_SUCCESS;
	case FP_CMD_PATTERN_WAIT:
		params[1].value.a = fp_fill_call_check(
			params[0].value.a, wait_ms, &params[0].value.b);
		return TEE_SUCCESS;
	case FP_CMD_CONTROL:
		params[1].value.a = fp_fill_call_check(
			params[0].value.a, clobber_between, &params[0].value.b);
		return TEE_SUCCESS;
	case FP_CMD_PATTERN_CRYPTO:
		return pattern_crypto(params[0].value.a, params);
	case FP_CMD_CLOBBER:
		fp_clobber(params[0].value.a);
		return TEE_SUCCESS;
	case FP_CMD_TA2TA:
		return ta2ta(params[0].value.a, params);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
