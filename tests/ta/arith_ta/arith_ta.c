/*
 * arith_ta: runs one GP Arithmetical API call per ARITH_CMD_RUN request
 * (see include/arith_ta.h): decodes the operands into TEE_BigInts, lets
 * arith_calls.c make the call and encodes the results. All checking of the
 * results is done by the client against values computed on the host.
 */
#include <string.h>
#include <tee_internal_api.h>

#include <arith_ta.h>

#include "call.h"

#define MAX_NUM_LEN 1024 /* 8192 bits */
/* Operands may carry leading zero bytes beyond that. */
#define MAX_OPERAND_LEN 2048

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

void *call_alloc(struct call *c, size_t size)
{
	void *p;

	if (c->num_allocs == MAX_ALLOCS)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	p = TEE_Malloc(size ? size : 1, TEE_MALLOC_FILL_ZERO);
	if (!p)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	c->allocs[c->num_allocs++] = p;
	return p;
}

TEE_BigInt *call_bigint(struct call *c, size_t bits)
{
	size_t words = TEE_BigIntSizeInU32(bits);
	TEE_BigInt *x = call_alloc(c, words * sizeof(uint32_t));

	TEE_BigIntInit(x, words);
	return x;
}

bool call_put_bytes(struct call *c, const uint8_t *b, uint32_t len, bool neg)
{
	struct arith_num n = {.neg = neg, .len = len};

	if (c->out_size - c->out_used < sizeof(n) + len)
		return false;
	memcpy(c->out + c->out_used, &n, sizeof(n));
	if (len)
		memcpy(c->out + c->out_used + sizeof(n), b, len);
	c->out_used += sizeof(n) + len;
	c->rsp.nout++;
	return true;
}

bool call_put(struct call *c, const TEE_BigInt *x)
{
	uint8_t buf[MAX_NUM_LEN];
	size_t len = sizeof(buf);

	if (TEE_BigIntConvertToOctetString(buf, &len, x))
		return false;
	return call_put_bytes(c, buf, len, TEE_BigIntCmpS32(x, 0) < 0);
}

bool call_put_u32(struct call *c, uint32_t v)
{
	uint8_t b[4] = {v >> 24, v >> 16, v >> 8, v};
	uint32_t skip = 0;

	while (skip < 4 && !b[skip])
		skip++;
	return call_put_bytes(c, b + skip, 4 - skip, false);
}

/* The operands after the header; false if they overrun the request. */
static bool decode_operands(struct call *c, const uint8_t *p, size_t size)
{
	size_t off = sizeof(c->req);

	if (c->req.nin > 3)
		return false;
	for (uint32_t i = 0; i < c->req.nin; i++) {
		struct arith_num n;

		if (size - off < sizeof(n))
			return false;
		memcpy(&n, p + off, sizeof(n));
		off += sizeof(n);
		if (n.len > MAX_OPERAND_LEN || size - off < n.len || n.neg > 1)
			return false;
		c->bytes[i] = p + off;
		c->len[i] = n.len;
		c->neg[i] = n.neg;
		off += n.len;
	}
	return off == size;
}

/* Bits in operand i's bytes, leading zero bytes not counted. */
static size_t operand_bits(const struct call *c, uint32_t i)
{
	size_t skip = 0;

	while (skip < c->len[i] && !c->bytes[i][skip])
		skip++;
	return 8 * (c->len[i] - skip);
}

static size_t max_operand_bits(const struct call *c)
{
	size_t m = 0;

	for (uint32_t i = 0; i < c->req.nin; i++)
		if (operand_bits(c, i) > m)
			m = operand_bits(c, i);
	return m;
}

/* Operand i as a TEE_BigInt, with room for D if D is that TEE_BigInt. */
static TEE_Result load_operand(struct call *c, uint32_t i)
{
	size_t bits = operand_bits(c, i);

	if ((i == 0 && (c->req.flags & ARITH_F_DEST_IS_A)) ||
	    (i == 1 && (c->req.flags & ARITH_F_DEST_IS_B)))
		bits = bits > c->dest_bits ? bits : c->dest_bits;
	if (i == 0 && (c->req.flags & ARITH_F_UNINIT_A)) {
		/* Never handed to TEE_BigIntInit: the API must refuse it. */
		c->in[i] = call_alloc(c, TEE_BigIntSizeInU32(bits) *
						 sizeof(uint32_t));
		return TEE_SUCCESS;
	}
	c->in[i] = call_bigint(c, bits);
	if (TEE_BigIntConvertFromOctetString(c->in[i], c->bytes[i], c->len[i],
					     c->neg[i] ? -1 : 1)) {
		EMSG("operand %u does not fit its own size", (unsigned int)i);
		return TEE_ERROR_BAD_PARAMETERS;
	}
	return TEE_SUCCESS;
}

static TEE_Result run(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	struct call c;
	TEE_Result res;
	size_t bits;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	memset(&c, 0, sizeof(c));
	if (p[0].memref.size < sizeof(c.req) ||
	    p[1].memref.size < sizeof(c.rsp))
		return TEE_ERROR_BAD_PARAMETERS;
	memcpy(&c.req, p[0].memref.buffer, sizeof(c.req));
	if (!decode_operands(&c, p[0].memref.buffer, p[0].memref.size))
		return TEE_ERROR_BAD_PARAMETERS;
	bits = 2 * max_operand_bits(&c) + 64;
	c.dest_bits = c.req.dest_bits != ARITH_DEST_DEFAULT ? c.req.dest_bits
		      : bits < 8192			    ? bits
							    : 8192;
	if (c.dest_bits > 8192 + 32)
		return TEE_ERROR_BAD_PARAMETERS;
	for (uint32_t i = 0; i < c.req.nin; i++) {
		res = load_operand(&c, i);
		if (res)
			goto out;
	}
	c.out = (uint8_t *)p[1].memref.buffer + sizeof(c.rsp);
	c.out_size = p[1].memref.size - sizeof(c.rsp);
	res = call_run(&c);
	if (!res) {
		memcpy(p[1].memref.buffer, &c.rsp, sizeof(c.rsp));
		p[1].memref.size = sizeof(c.rsp) + c.out_used;
	}
out:
	for (size_t i = 0; i < c.num_allocs; i++)
		TEE_Free(c.allocs[i]);
	return res;
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx, uint32_t cmd_id,
				      uint32_t param_types,
				      TEE_Param params[TEE_NUM_PARAMS])
{
	(void)sess_ctx;
	if (cmd_id == ARITH_CMD_RUN)
		return run(param_types, params);
	return TEE_ERROR_NOT_SUPPORTED;
}
