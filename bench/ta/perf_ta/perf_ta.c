/*
 * perf_ta: symmetric crypto throughput measured inside the TA (see
 * include/perf_ta.h). The session owns one PERF_MAX_BUF buffer; every
 * command refills it with the same pattern, runs the chain of iterations
 * over it and times the loop with TEE_GetSystemTime. Key setup is outside
 * the timed loop, as in OP-TEE's aes_perf TA.
 */
#include <perf_ta.h>
#include <string.h>
#include <tee_internal_api.h>

#define PT(a, b, c)                                                            \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##a, TEE_PARAM_TYPE_##b,                \
			TEE_PARAM_TYPE_##c, TEE_PARAM_TYPE_NONE)
#define PT_OUT(a, b, c)                                                        \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##a, TEE_PARAM_TYPE_##b,                \
			TEE_PARAM_TYPE_##c, TEE_PARAM_TYPE_MEMREF_OUTPUT)

#define GCM_NONCE_LEN 12
#define GCM_TAG_LEN 16

struct run {
	uint8_t *buf;
	size_t size;
	uint32_t iterations;
	uint8_t tag[GCM_TAG_LEN]; /* GCM: the last iteration's */
	uint8_t digest[64];	  /* SHA-512 */
	size_t digest_len;
};

static uint64_t now_ms(void)
{
	TEE_Time t;

	TEE_GetSystemTime(&t);
	return (uint64_t)t.seconds * 1000 + t.millis;
}

static void fill_pattern(uint8_t *buf, size_t size)
{
	for (size_t i = 0; i < size; i++)
		buf[i] = (uint8_t)i;
}

static TEE_Result aes_key(uint32_t bits, uint8_t first, TEE_ObjectHandle *o)
{
	uint8_t key[32];
	TEE_Attribute a;
	TEE_Result res;

	for (size_t i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)(first + i);
	res = TEE_AllocateTransientObject(TEE_TYPE_AES, bits, o);
	if (res)
		return res;
	TEE_InitRefAttribute(&a, TEE_ATTR_SECRET_VALUE, key, bits / 8);
	res = TEE_PopulateTransientObject(*o, &a, 1);
	if (res) {
		TEE_FreeTransientObject(*o);
		*o = TEE_HANDLE_NULL;
	}
	return res;
}

static uint32_t aes_algo(uint32_t mode)
{
	switch (mode) {
	case PERF_AES_ECB:
		return TEE_ALG_AES_ECB_NOPAD;
	case PERF_AES_CBC:
		return TEE_ALG_AES_CBC_NOPAD;
	case PERF_AES_CTR:
		return TEE_ALG_AES_CTR;
	case PERF_AES_GCM:
		return TEE_ALG_AES_GCM;
	case PERF_AES_XTS:
		return TEE_ALG_AES_XTS;
	default:
		return 0;
	}
}

/* The timed loop of one AES mode over an operation whose key is set. */
static TEE_Result aes_loop(uint32_t mode, TEE_OperationHandle op, struct run *r)
{
	uint8_t iv[16];
	TEE_Result res = TEE_SUCCESS;
	size_t out_len, tag_len;

	for (size_t i = 0; i < sizeof(iv); i++)
		iv[i] = (uint8_t)(0xa0 + i);
	if (mode != PERF_AES_GCM && mode != PERF_AES_XTS)
		TEE_CipherInit(op, mode == PERF_AES_ECB ? NULL : iv,
			       mode == PERF_AES_ECB ? 0 : sizeof(iv));
	for (uint32_t n = 0; n < r->iterations && !res; n++) {
		out_len = r->size;
		switch (mode) {
		case PERF_AES_XTS:
			TEE_CipherInit(op, iv, sizeof(iv));
			res = TEE_CipherDoFinal(op, r->buf, r->size, r->buf,
						&out_len);
			break;
		case PERF_AES_GCM:
			iv[8] = (uint8_t)(n >> 24);
			iv[9] = (uint8_t)(n >> 16);
			iv[10] = (uint8_t)(n >> 8);
			iv[11] = (uint8_t)n;
			tag_len = sizeof(r->tag);
			res = TEE_AEInit(op, iv, GCM_NONCE_LEN, GCM_TAG_LEN * 8,
					 0, 0);
			if (!res)
				res = TEE_AEEncryptFinal(op, r->buf, r->size,
							 r->buf, &out_len,
							 r->tag, &tag_len);
			break;
		default:
			res = TEE_CipherUpdate(op, r->buf, r->size, r->buf,
					       &out_len);
			break;
		}
		if (!res && out_len != r->size)
			res = TEE_ERROR_GENERIC;
	}
	return res;
}

static TEE_Result run_aes(uint32_t mode, uint32_t bits, struct run *r)
{
	uint32_t algo = aes_algo(mode);
	bool xts = mode == PERF_AES_XTS;
	TEE_ObjectHandle k1 = TEE_HANDLE_NULL, k2 = TEE_HANDLE_NULL;
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_Result res;

	if (!algo || (bits != 128 && bits != 192 && bits != 256))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_AllocateOperation(&op, algo, TEE_MODE_ENCRYPT,
				    xts ? 2 * bits : bits);
	if (!res)
		res = aes_key(bits, 0x00, &k1);
	if (!res && xts)
		res = aes_key(bits, 0x80, &k2);
	if (!res)
		res = xts ? TEE_SetOperationKey2(op, k1, k2)
			  : TEE_SetOperationKey(op, k1);
	if (!res)
		res = aes_loop(mode, op, r);
	TEE_FreeTransientObject(k1);
	TEE_FreeTransientObject(k2);
	TEE_FreeOperation(op);
	return res;
}

static TEE_Result run_sha(uint32_t which, struct run *r)
{
	static const uint32_t algos[] = {
		[PERF_SHA1] = TEE_ALG_SHA1,
		[PERF_SHA256] = TEE_ALG_SHA256,
		[PERF_SHA512] = TEE_ALG_SHA512,
	};
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_Result res;

	if (which >= sizeof(algos) / sizeof(algos[0]))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_AllocateOperation(&op, algos[which], TEE_MODE_DIGEST, 0);
	for (uint32_t n = 0; n < r->iterations && !res; n++) {
		r->digest_len = sizeof(r->digest);
		res = TEE_DigestDoFinal(op, r->buf, r->size, r->digest,
					&r->digest_len);
		/* Chain: the next iteration hashes this digest too. */
		if (!res)
			memcpy(r->buf, r->digest,
			       r->digest_len < r->size ? r->digest_len
						       : r->size);
	}
	TEE_FreeOperation(op);
	return res;
}

/* [3]: the output the client checks, as much as fits. */
static void copy_out(TEE_Param *p, const void *a, size_t a_len, const void *b,
		     size_t b_len)
{
	size_t cap = p->memref.size, n = a_len < cap ? a_len : cap;

	memcpy(p->memref.buffer, a, n);
	cap -= n;
	if (b_len > cap)
		b_len = cap;
	if (b_len)
		memcpy((uint8_t *)p->memref.buffer + n, b, b_len);
	p->memref.size = n + b_len;
}

static TEE_Result run_cmd(uint8_t *buf, uint32_t cmd, uint32_t pt,
			  TEE_Param p[TEE_NUM_PARAMS])
{
	struct run r = {.buf = buf};
	bool out = pt == PT_OUT(VALUE_INPUT, VALUE_INPUT, VALUE_OUTPUT);
	uint64_t t0;
	TEE_Result res;

	if (pt != PT(VALUE_INPUT, VALUE_INPUT, VALUE_OUTPUT) && !out)
		return TEE_ERROR_BAD_PARAMETERS;
	r.size = p[1].value.a;
	r.iterations = p[1].value.b;
	if (!r.size || r.size > PERF_MAX_BUF || r.size % 16)
		return TEE_ERROR_BAD_PARAMETERS;
	/*
	 * Known input only where the client checks the output: a timing run
	 * works on whatever the buffer holds, as xtest's TA works on its
	 * shared buffer without refilling it per invocation.
	 */
	if (out)
		fill_pattern(buf, r.size);
	t0 = now_ms();
	if (cmd == PERF_CMD_AES)
		res = run_aes(p[0].value.a, p[0].value.b, &r);
	else
		res = run_sha(p[0].value.a, &r);
	p[2].value.a = (uint32_t)(now_ms() - t0);
	p[2].value.b = 0;
	if (res || !out)
		return res;
	if (cmd == PERF_CMD_SHA)
		copy_out(&p[3], r.digest, r.digest_len, NULL, 0);
	else
		copy_out(&p[3], r.buf, r.size, r.tag,
			 p[0].value.a == PERF_AES_GCM ? sizeof(r.tag) : 0);
	return TEE_SUCCESS;
}

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
	*sess_ctx = TEE_Malloc(PERF_MAX_BUF, TEE_MALLOC_FILL_ZERO);
	return *sess_ctx ? TEE_SUCCESS : TEE_ERROR_OUT_OF_MEMORY;
}

void TA_CloseSessionEntryPoint(void *sess_ctx)
{
	TEE_Free(sess_ctx);
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx, uint32_t cmd_id,
				      uint32_t pt,
				      TEE_Param params[TEE_NUM_PARAMS])
{
	if (cmd_id != PERF_CMD_AES && cmd_id != PERF_CMD_SHA)
		return TEE_ERROR_NOT_SUPPORTED;
	return run_cmd(sess_ctx, cmd_id, pt, params);
}
