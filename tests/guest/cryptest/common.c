/*
 * cryptest's utilities: sessions with crypt_ta, vector lines (parse, run
 * through CRYPT_CMD_RUN, compare) and misuse scenarios.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <crypt_ta.h>

#include "cryptest.h"

const char *rn(TEEC_Result r)
{
	switch (r) {
	case TEEC_SUCCESS:
		return "SUCCESS";
	case TEEC_ERROR_GENERIC:
		return "GENERIC";
	case TEEC_ERROR_ACCESS_DENIED:
		return "ACCESS_DENIED";
	case TEEC_ERROR_BAD_PARAMETERS:
		return "BAD_PARAMETERS";
	case TEEC_ERROR_BAD_STATE:
		return "BAD_STATE";
	case TEEC_ERROR_NOT_SUPPORTED:
		return "NOT_SUPPORTED";
	case TEEC_ERROR_OUT_OF_MEMORY:
		return "OUT_OF_MEMORY";
	case TEEC_ERROR_SHORT_BUFFER:
		return "SHORT_BUFFER";
	case TEEC_ERROR_TARGET_DEAD:
		return "TARGET_DEAD";
	case 0xFFFF3071:
		return "MAC_INVALID";
	default:
		return "?";
	}
}

bool open_crypt(TEEC_Context *ctx, TEEC_Session *s)
{
	TEEC_UUID u = CRYPT_TA_UUID;
	uint32_t origin = 0;
	TEEC_Result r = TEEC_InitializeContext(NULL, ctx);

	expect(r == TEEC_SUCCESS, "InitializeContext: 0x%08x", r);
	if (r)
		return false;
	r = TEEC_OpenSession(ctx, s, &u, TEEC_LOGIN_PUBLIC, NULL, NULL,
			     &origin);
	expect(r == TEEC_SUCCESS, "open crypt_ta: 0x%08x %s origin %u", r,
	       rn(r), origin);
	if (r)
		TEEC_FinalizeContext(ctx);
	return r == TEEC_SUCCESS;
}

void close_crypt(TEEC_Context *ctx, TEEC_Session *s)
{
	TEEC_CloseSession(s);
	TEEC_FinalizeContext(ctx);
}

bool hex_bytes(const char *s, uint8_t *b, size_t cap, size_t *len)
{
	size_t n = strlen(s);

	*len = 0;
	if (!strcmp(s, "-"))
		return true;
	if (n % 2 || n / 2 > cap)
		return false;
	for (size_t i = 0; i < n; i += 2) {
		unsigned int v;

		if (sscanf(s + i, "%2x", &v) != 1)
			return false;
		b[(*len)++] = (uint8_t)v;
	}
	return true;
}

bool hex_u32(const char *s, uint32_t *v)
{
	char *end;

	*v = (uint32_t)strtoul(s, &end, 16);
	return *s && !*end;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* "-" is empty; otherwise an even number of hex digits. */
static bool unhex(const char *h, uint8_t **out, size_t *len)
{
	size_t n = strcmp(h, "-") ? strlen(h) : 0;

	if (n % 2)
		return false;
	*out = malloc(n / 2 + 1);
	if (!*out)
		return false;
	for (size_t i = 0; i < n / 2; i++) {
		int hi = hexval(h[2 * i]), lo = hexval(h[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return false;
		(*out)[i] = (uint8_t)(hi << 4 | lo);
	}
	*len = n / 2;
	return true;
}

bool vec_parse(char *line, struct vec *v)
{
	char *f[16], *save = NULL;
	size_t n = 0;

	memset(v, 0, sizeof(*v));
	for (char *t = strtok_r(line, " \t\r\n", &save); t && n < 16;
	     t = strtok_r(NULL, " \t\r\n", &save))
		f[n++] = t;
	if (n != 14 && n != 15)
		return false;
	snprintf(v->label, sizeof(v->label), "%s", f[0]);
	v->algo = (uint32_t)strtoul(f[1], NULL, 0);
	v->mode = (uint32_t)strtoul(f[2], NULL, 0);
	v->key_type = (uint32_t)strtoul(f[3], NULL, 0);
	v->max_key = (uint32_t)strtoul(f[4], NULL, 0);
	v->flags = (uint32_t)strtoul(f[11], NULL, 0);
	v->want_res = (uint32_t)strtoul(f[12], NULL, 0);
	v->seed = n == 15 ? (uint32_t)strtoul(f[14], NULL, 0) : 0;
	return unhex(f[5], &v->key, &v->key_len) &&
	       unhex(f[6], &v->key2, &v->key2_len) &&
	       unhex(f[7], &v->iv, &v->iv_len) &&
	       unhex(f[8], &v->aad, &v->aad_len) &&
	       unhex(f[9], &v->data, &v->data_len) &&
	       unhex(f[10], &v->tag, &v->tag_len) &&
	       unhex(f[13], &v->want, &v->want_len);
}

void vec_free(struct vec *v)
{
	free(v->key);
	free(v->key2);
	free(v->iv);
	free(v->aad);
	free(v->data);
	free(v->tag);
	free(v->want);
	memset(v, 0, sizeof(*v));
}

static uint8_t *put(uint8_t *p, const uint8_t *src, size_t n)
{
	if (n)
		memcpy(p, src, n);
	return p + n;
}

bool vec_run(TEEC_Session *s, const struct vec *v, uint32_t seed,
	     uint32_t flags)
{
	struct crypt_req h = {
		.algo = v->algo,
		.mode = v->mode,
		.key_type = v->key_type,
		.key_len = (uint32_t)v->key_len,
		.key2_len = (uint32_t)v->key2_len,
		.iv_len = (uint32_t)v->iv_len,
		.aad_len = (uint32_t)v->aad_len,
		.data_len = (uint32_t)v->data_len,
		.tag_len = (uint32_t)v->tag_len,
		.seed = seed,
		.flags = (v->flags | flags) & 0xff,
		.max_key = v->max_key,
	};
	size_t req_len = sizeof(h) + v->key_len + v->key2_len + v->iv_len +
			 v->aad_len + v->data_len + v->tag_len;
	size_t out_len = v->data_len + 128;
	uint8_t *req = malloc(req_len), *out = malloc(out_len), *p;
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result r;
	bool ok;

	if (!req || !out) {
		free(req);
		free(out);
		expect(false, "out of memory");
		return false;
	}
	p = put(req, (const uint8_t *)&h, sizeof(h));
	p = put(p, v->key, v->key_len);
	p = put(p, v->key2, v->key2_len);
	p = put(p, v->iv, v->iv_len);
	p = put(p, v->aad, v->aad_len);
	p = put(p, v->data, v->data_len);
	put(p, v->tag, v->tag_len);
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_VALUE_OUTPUT, TEEC_NONE);
	op.params[0].tmpref.buffer = req;
	op.params[0].tmpref.size = req_len;
	op.params[1].tmpref.buffer = out;
	op.params[1].tmpref.size = out_len;
	r = TEEC_InvokeCommand(s, CRYPT_CMD_RUN, &op, &origin);
	ok = r == TEEC_SUCCESS && op.params[2].value.a == v->want_res;
	if (ok && !v->want_res && !(flags & CRYPT_F_COMPARE))
		ok = (v->flags & VEC_F_PREFIX
			      ? op.params[1].tmpref.size >= v->want_len
			      : op.params[1].tmpref.size == v->want_len) &&
		     !memcmp(out, v->want, v->want_len);
	if (!ok)
		expect(false,
		       "%s seed %u flags %#x: invoke %s origin %u, result "
		       "0x%x (want 0x%x) at step %u, %zu bytes (want %zu)",
		       v->label, seed, flags, rn(r), origin,
		       op.params[2].value.a, v->want_res, op.params[2].value.b,
		       op.params[1].tmpref.size, v->want_len);
	free(req);
	free(out);
	return ok;
}

TEEC_Result misuse(TEEC_Session *s, uint32_t scenario, uint32_t arg,
		   uint32_t *a, uint32_t *b, uint32_t *origin)
{
	TEEC_Operation op;
	TEEC_Result r;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = scenario;
	op.params[0].value.b = arg;
	*origin = 0;
	r = TEEC_InvokeCommand(s, CRYPT_CMD_MISUSE, &op, origin);
	*a = op.params[1].value.a;
	*b = op.params[1].value.b;
	return r;
}
