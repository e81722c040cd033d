/*
 * arith_ta's API calls, one per ARITH_OP_* (see include/arith_ta.h for
 * what each returns). Operands are c->in[0..2] (A, B, C), already loaded;
 * the flags choose NULL pointers, aliasing and the __GP11_ variants.
 */
#include <string.h>
#include <tee_internal_api.h>

#include <arith_ta.h>

#include "call.h"

#define A (c->in[0])
#define B (c->in[1])
#define C (c->in[2])
#define FLAG(f) ((c->req.flags & ARITH_F_##f) != 0)

static int32_t sign_of(int32_t v)
{
	return (v > 0) - (v < 0);
}

/* The destination D: NULL, an operand's TEE_BigInt, or a fresh one. */
static TEE_BigInt *dest(struct call *c)
{
	if (FLAG(NULL_1))
		return NULL;
	if (FLAG(DEST_IS_A))
		return A;
	if (FLAG(DEST_IS_B))
		return B;
	return call_bigint(c, c->dest_bits);
}

/* D preset to 7, so that a refused conversion visibly leaves it alone. */
static TEE_BigInt *preset_dest(struct call *c)
{
	TEE_BigInt *d = call_bigint(c, c->dest_bits);

	if (c->dest_bits)
		TEE_BigIntConvertFromS32(d, 7);
	return d;
}

static bool put(struct call *c, const TEE_BigInt *x)
{
	return !x || call_put(c, x);
}

static TEE_Result sizes(struct call *c)
{
	uint32_t bits = c->req.s2;

	c->rsp.scalar = (int32_t)TEE_BigIntFMMContextSizeInU32(bits);
	if (!call_put_u32(c, TEE_BigIntSizeInU32(bits)) ||
	    !call_put_u32(c, (uint32_t)TEE_BigIntFMMSizeInU32(bits)) ||
	    !call_put_u32(c, __GP11_TEE_BigIntFMMSizeInU32(bits)))
		return TEE_ERROR_SHORT_BUFFER;
	return TEE_SUCCESS;
}

static TEE_Result init(struct call *c)
{
	uint32_t len = c->req.s2;
	TEE_BigInt *x = NULL;

	if (len > 1024)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!FLAG(NULL_1))
		x = call_alloc(c, (len ? len : 1) * sizeof(uint32_t));
	if (FLAG(GP11))
		__GP11_TEE_BigIntInit(x, len);
	else
		TEE_BigIntInit(x, len);
	TEE_BigIntConvertFromS32(x, c->req.s1);
	return put(c, x) ? TEE_SUCCESS : TEE_ERROR_SHORT_BUFFER;
}

static TEE_Result from_octet(struct call *c)
{
	TEE_BigInt *d = preset_dest(c);

	if (FLAG(GP11))
		c->rsp.res = __GP11_TEE_BigIntConvertFromOctetString(
			d, c->bytes[0], c->len[0], c->req.s1);
	else
		c->rsp.res = TEE_BigIntConvertFromOctetString(
			d, c->bytes[0], c->len[0], c->req.s1);
	return put(c, d) ? TEE_SUCCESS : TEE_ERROR_SHORT_BUFFER;
}

static TEE_Result to_octet(struct call *c)
{
	size_t len = c->req.s2;
	uint32_t len32 = c->req.s2;
	uint8_t *buf = NULL;

	if (len > 4096)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!FLAG(NULL_1))
		buf = call_alloc(c, len);
	if (FLAG(GP11)) {
		c->rsp.res = __GP11_TEE_BigIntConvertToOctetString(
			buf, FLAG(NULL_2) ? NULL : &len32, A);
		len = len32;
	} else {
		c->rsp.res = TEE_BigIntConvertToOctetString(
			buf, FLAG(NULL_2) ? NULL : &len, A);
	}
	c->rsp.scalar = (int32_t)len;
	if (c->rsp.res == TEE_SUCCESS &&
	    !call_put_bytes(c, buf, (uint32_t)len, false))
		return TEE_ERROR_SHORT_BUFFER;
	return TEE_SUCCESS;
}

static TEE_Result logical(struct call *c)
{
	const TEE_BigInt *b = FLAG(B_IS_A) ? A : B;
	TEE_BigInt *d;

	switch (c->req.op) {
	case ARITH_OP_TO_S32:
		c->rsp.scalar = ARITH_S32_SENTINEL;
		c->rsp.res = TEE_BigIntConvertToS32(
			FLAG(NULL_1) ? NULL : &c->rsp.scalar, A);
		return TEE_SUCCESS;
	case ARITH_OP_CMP:
		c->rsp.scalar = sign_of(TEE_BigIntCmp(A, b));
		return TEE_SUCCESS;
	case ARITH_OP_CMP_S32:
		c->rsp.scalar = sign_of(TEE_BigIntCmpS32(A, c->req.s1));
		return TEE_SUCCESS;
	case ARITH_OP_GET_BIT:
		c->rsp.scalar = TEE_BigIntGetBit(A, c->req.s2);
		return TEE_SUCCESS;
	case ARITH_OP_BIT_COUNT:
		c->rsp.scalar = (int32_t)TEE_BigIntGetBitCount(A);
		return TEE_SUCCESS;
	case ARITH_OP_REL_PRIME:
		c->rsp.scalar = TEE_BigIntRelativePrime(A, b);
		return TEE_SUCCESS;
	case ARITH_OP_IS_PRIME:
		c->rsp.scalar = TEE_BigIntIsProbablePrime(A, c->req.s2);
		return TEE_SUCCESS;
	case ARITH_OP_FROM_S32:
		d = dest(c);
		TEE_BigIntConvertFromS32(d, c->req.s1);
		break;
	case ARITH_OP_SHIFT_RIGHT:
		d = dest(c);
		if (FLAG(GP11))
			__GP11_TEE_BigIntShiftRight(d, A, c->req.s2);
		else
			TEE_BigIntShiftRight(d, A, c->req.s2);
		break;
	case ARITH_OP_SET_BIT:
		d = call_bigint(c, c->dest_bits);
		if (TEE_BigIntAssign(d, A))
			return TEE_ERROR_BAD_PARAMETERS;
		c->rsp.res = TEE_BigIntSetBit(d, c->req.s2, c->req.s1 != 0);
		break;
	case ARITH_OP_ASSIGN:
		d = preset_dest(c);
		c->rsp.res = TEE_BigIntAssign(d, A);
		break;
	default: /* ARITH_OP_ABS */
		d = preset_dest(c);
		c->rsp.res = TEE_BigIntAbs(d, A);
		break;
	}
	return put(c, d) ? TEE_SUCCESS : TEE_ERROR_SHORT_BUFFER;
}

static TEE_Result basic(struct call *c)
{
	const TEE_BigInt *b = FLAG(B_IS_A) ? A : B;
	TEE_BigInt *d = dest(c);

	switch (c->req.op) {
	case ARITH_OP_ADD:
		TEE_BigIntAdd(d, A, b);
		break;
	case ARITH_OP_SUB:
		TEE_BigIntSub(d, A, b);
		break;
	case ARITH_OP_NEG:
		TEE_BigIntNeg(d, A);
		break;
	case ARITH_OP_MUL:
		TEE_BigIntMul(d, A, b);
		break;
	case ARITH_OP_SQUARE:
		TEE_BigIntSquare(d, A);
		break;
	case ARITH_OP_MOD:
		TEE_BigIntMod(d, A, b);
		break;
	case ARITH_OP_ADD_MOD:
		TEE_BigIntAddMod(d, A, b, C);
		break;
	case ARITH_OP_SUB_MOD:
		TEE_BigIntSubMod(d, A, b, C);
		break;
	case ARITH_OP_MUL_MOD:
		TEE_BigIntMulMod(d, A, b, C);
		break;
	case ARITH_OP_SQUARE_MOD:
		TEE_BigIntSquareMod(d, A, b);
		break;
	default: /* ARITH_OP_INV_MOD */
		TEE_BigIntInvMod(d, A, b);
		break;
	}
	return put(c, d) ? TEE_SUCCESS : TEE_ERROR_SHORT_BUFFER;
}

static TEE_Result divide(struct call *c)
{
	TEE_BigInt *q = FLAG(NULL_1)	  ? NULL
			: FLAG(DEST_IS_A) ? A
					  : call_bigint(c, c->dest_bits);
	TEE_BigInt *r = FLAG(NULL_2)	 ? NULL
			: FLAG(SAME_OUT) ? q
					 : call_bigint(c, c->dest_bits);

	TEE_BigIntDiv(q, r, A, FLAG(B_IS_A) ? A : B);
	if (!put(c, q) || (r != q && !put(c, r)))
		return TEE_ERROR_SHORT_BUFFER;
	return TEE_SUCCESS;
}

static TEE_Result egcd(struct call *c)
{
	TEE_BigInt *g = call_bigint(c, c->dest_bits);
	TEE_BigInt *u = FLAG(NULL_1)	 ? NULL
			: FLAG(SAME_OUT) ? g
					 : call_bigint(c, c->dest_bits);
	TEE_BigInt *v = FLAG(NULL_2) ? NULL : call_bigint(c, c->dest_bits);

	TEE_BigIntComputeExtendedGcd(g, u, v, A, FLAG(B_IS_A) ? A : B);
	if (!put(c, g) || !put(c, u) || !put(c, v))
		return TEE_ERROR_SHORT_BUFFER;
	return TEE_SUCCESS;
}

/* An FMM context of len words for n, or for n + 2 with CTX_OTHER. */
static TEE_BigIntFMMContext *context(struct call *c, const TEE_BigInt *n)
{
	uint32_t bits = TEE_BigIntGetBitCount(n);
	size_t len = FLAG(GP11) ? __GP11_TEE_BigIntFMMContextSizeInU32(bits)
				: TEE_BigIntFMMContextSizeInU32(bits);
	TEE_BigIntFMMContext *ctx;

	if (FLAG(CTX_SHORT))
		len = 1;
	ctx = call_alloc(c, len * sizeof(uint32_t));
	if (FLAG(CTX_OTHER)) {
		TEE_BigInt *two = call_bigint(c, 32);
		TEE_BigInt *m = call_bigint(c, bits + 32);

		TEE_BigIntConvertFromS32(two, 2);
		TEE_BigIntAdd(m, n, two);
		n = m;
	}
	if (FLAG(GP11))
		__GP11_TEE_BigIntInitFMMContext(ctx, len, n);
	else
		c->rsp.res = TEE_BigIntInitFMMContext1(ctx, len, n);
	return ctx;
}

static TEE_Result exp_mod(struct call *c)
{
	TEE_BigIntFMMContext *ctx = NULL;
	TEE_BigInt *d = dest(c);

	if (FLAG(CTX) || FLAG(CTX_OTHER) || FLAG(CTX_SHORT))
		ctx = context(c, C);
	if (c->rsp.res)
		return TEE_SUCCESS;
	c->rsp.res = TEE_BigIntExpMod(d, A, FLAG(B_IS_A) ? A : B, C, ctx);
	return put(c, d) ? TEE_SUCCESS : TEE_ERROR_SHORT_BUFFER;
}

static TEE_Result fmm(struct call *c)
{
	uint32_t bits = TEE_BigIntGetBitCount(C);
	TEE_BigIntFMMContext *ctx = context(c, C);
	size_t len = FLAG(GP11) ? __GP11_TEE_BigIntFMMSizeInU32(bits)
				: TEE_BigIntFMMSizeInU32(bits);
	TEE_BigIntFMM *v[3];
	TEE_BigInt *d[2];

	if (c->rsp.res)
		return TEE_SUCCESS;
	if (c->req.dest_bits != ARITH_DEST_DEFAULT)
		len = TEE_BigIntSizeInU32(c->dest_bits);
	for (int i = 0; i < 3; i++) {
		v[i] = call_alloc(c, len * sizeof(uint32_t));
		if (FLAG(GP11))
			__GP11_TEE_BigIntInitFMM(v[i], len);
		else
			TEE_BigIntInitFMM(v[i], len);
	}
	d[0] = call_bigint(c, bits);
	d[1] = call_bigint(c, bits);
	TEE_BigIntConvertToFMM(v[0], A, C, ctx);
	TEE_BigIntConvertToFMM(v[1], FLAG(B_IS_A) ? A : B, C, ctx);
	TEE_BigIntComputeFMM(v[2], v[0], v[1], C, ctx);
	TEE_BigIntConvertFromFMM(d[0], v[2], C, ctx);
	TEE_BigIntFMMConvertToBigInt(d[1], v[0], C, ctx);
	return put(c, d[0]) && put(c, d[1]) ? TEE_SUCCESS
					    : TEE_ERROR_SHORT_BUFFER;
}

/* Operands each op needs. */
static const uint8_t operands[ARITH_OP_END] = {
	[ARITH_OP_SIZES] = 0,	    [ARITH_OP_INIT] = 0,
	[ARITH_OP_FROM_OCTET] = 1,  [ARITH_OP_TO_OCTET] = 1,
	[ARITH_OP_FROM_S32] = 0,    [ARITH_OP_TO_S32] = 1,
	[ARITH_OP_CMP] = 2,	    [ARITH_OP_CMP_S32] = 1,
	[ARITH_OP_SHIFT_RIGHT] = 1, [ARITH_OP_GET_BIT] = 1,
	[ARITH_OP_BIT_COUNT] = 1,   [ARITH_OP_SET_BIT] = 1,
	[ARITH_OP_ASSIGN] = 1,	    [ARITH_OP_ABS] = 1,
	[ARITH_OP_ADD] = 2,	    [ARITH_OP_SUB] = 2,
	[ARITH_OP_NEG] = 1,	    [ARITH_OP_MUL] = 2,
	[ARITH_OP_SQUARE] = 1,	    [ARITH_OP_DIV] = 2,
	[ARITH_OP_MOD] = 2,	    [ARITH_OP_ADD_MOD] = 3,
	[ARITH_OP_SUB_MOD] = 3,	    [ARITH_OP_MUL_MOD] = 3,
	[ARITH_OP_SQUARE_MOD] = 2,  [ARITH_OP_INV_MOD] = 2,
	[ARITH_OP_EXP_MOD] = 3,	    [ARITH_OP_REL_PRIME] = 2,
	[ARITH_OP_EGCD] = 2,	    [ARITH_OP_IS_PRIME] = 1,
	[ARITH_OP_FMM] = 3,
};

TEE_Result call_run(struct call *c)
{
	uint32_t op = c->req.op;

	if (op < ARITH_OP_SIZES || op >= ARITH_OP_END ||
	    c->req.nin != operands[op])
		return TEE_ERROR_BAD_PARAMETERS;
	c->rsp.res = TEE_SUCCESS;
	switch (op) {
	case ARITH_OP_SIZES:
		return sizes(c);
	case ARITH_OP_INIT:
		return init(c);
	case ARITH_OP_FROM_OCTET:
		return from_octet(c);
	case ARITH_OP_TO_OCTET:
		return to_octet(c);
	case ARITH_OP_FROM_S32:
	case ARITH_OP_TO_S32:
	case ARITH_OP_CMP:
	case ARITH_OP_CMP_S32:
	case ARITH_OP_SHIFT_RIGHT:
	case ARITH_OP_GET_BIT:
	case ARITH_OP_BIT_COUNT:
	case ARITH_OP_SET_BIT:
	case ARITH_OP_ASSIGN:
	case ARITH_OP_ABS:
	case ARITH_OP_REL_PRIME:
	case ARITH_OP_IS_PRIME:
		return logical(c);
	case ARITH_OP_DIV:
		return divide(c);
	case ARITH_OP_EGCD:
		return egcd(c);
	case ARITH_OP_EXP_MOD:
		return exp_mod(c);
	case ARITH_OP_FMM:
		return fmm(c);
	default:
		return basic(c);
	}
}
