/*
 * What asym_diff.c and fips186.c share: the "N ID=hex ..." attribute
 * fields of their vector lines, and the CRYPT_CMD_ASYM_OP request (layout
 * in crypt_ta.h) built from them and sent.
 */
#include <string.h>

#include <crypt_ta.h>

#include "cryptest.h"

#define FLAG_VALUE (1u << 29)

bool asym_parse_attrs(char **tok, int ntok, int *t, struct asym_attr *a,
		      uint32_t *n)
{
	if (*t >= ntok || !hex_u32(tok[(*t)++], n) || *n > ASYM_MAX_ATTRS)
		return false;
	for (uint32_t i = 0; i < *n; i++) {
		char *eq;

		if (*t >= ntok || !(eq = strchr(tok[*t], '=')))
			return false;
		*eq = 0;
		a[i].hex = eq + 1;
		if (!hex_u32(tok[(*t)++], &a[i].id) ||
		    !hex_bytes(eq + 1, a[i].b, sizeof(a[i].b), &a[i].len))
			return false;
	}
	return true;
}

static uint8_t req[CRYPT_ASYM_OP_MAX];

static void put(size_t *off, const void *p, size_t n)
{
	if (*off + n <= sizeof(req))
		memcpy(req + *off, p, n);
	*off += n;
}

static void put32(size_t *off, uint32_t v)
{
	put(off, &v, 4);
}

static void put_attrs(size_t *off, const struct asym_attr *a, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		put32(off, a[i].id);
		if (a[i].id & FLAG_VALUE) {
			uint32_t v = 0;

			for (size_t j = 0; j < a[i].len; j++)
				v = v << 8 | a[i].b[j];
			put32(off, 4);
			put32(off, v);
		} else {
			put32(off, (uint32_t)a[i].len);
			put(off, a[i].b, a[i].len);
		}
	}
}

size_t asym_req_build(const struct asym_req *r)
{
	size_t off = 0;

	put32(&off, r->algo);
	put32(&off, r->mode);
	put32(&off, r->type);
	put32(&off, r->nkey);
	put32(&off, r->nprm);
	put32(&off, (uint32_t)r->in_len);
	put32(&off, (uint32_t)r->aux_len);
	put_attrs(&off, r->key, r->nkey);
	put_attrs(&off, r->prm, r->nprm);
	put(&off, r->in, r->in_len);
	put(&off, r->aux, r->aux_len);
	return off;
}

TEEC_Result asym_req_send(TEEC_Session *s, size_t len, uint32_t *gp,
			  uint8_t *out, size_t *out_len)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result r;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_VALUE_OUTPUT, TEEC_NONE);
	op.params[0].tmpref.buffer = req;
	op.params[0].tmpref.size = len;
	op.params[1].tmpref.buffer = out;
	op.params[1].tmpref.size = *out_len;
	r = TEEC_InvokeCommand(s, CRYPT_CMD_ASYM_OP, &op, &origin);
	if (r)
		return r;
	*out_len = op.params[1].tmpref.size;
	*gp = op.params[2].value.a;
	return TEEC_SUCCESS;
}
