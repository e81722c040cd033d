/*
 * Interface of arith_ta, the test TA of the GP Arithmetical API (shared
 * with tests/guest/tatest/arith.c). One command runs one API call:
 *
 * ARITH_CMD_RUN  [0] MEMREF_INPUT  request:  struct arith_req, then
 *                                  nin operands
 *                [1] MEMREF_OUTPUT response: struct arith_rsp, then
 *                                  nout results; [1].size = bytes used
 * An operand or result is struct arith_num then len big-endian magnitude
 * bytes (at most 1024 significant bytes; operands may have up to 2048
 * bytes with leading zeros, results have none; zero has len 0). All
 * integers are the TA's native (little-endian) uint32_t.
 * The command returns TEE_ERROR_BAD_PARAMETERS for a malformed request,
 * TEE_SUCCESS otherwise; the API call's own TEE_Result is rsp.res (GP
 * functions returning void: TEE_SUCCESS). The API may panic the TA.
 *
 * Operands A, B, C are TEE_BigInts of TEE_BigIntSizeInU32(their bits); a
 * destination D (and Q, R, G, U, V, FMM values) has TEE_BigIntSizeInU32
 * (dest_bits), or twice the largest operand plus 64 bits (at most 8192)
 * when dest_bits is ARITH_DEST_DEFAULT. Ops (results in order):
 *
 * SIZES       TEE_BigIntSizeInU32(s2), TEE_BigIntFMMSizeInU32(s2),
 *             __GP11_TEE_BigIntFMMSizeInU32(s2); scalar =
 *             TEE_BigIntFMMContextSizeInU32(s2)
 * INIT        TEE_BigIntInit(x, s2) on s2 words, then ConvertFromS32(x, s1):
 *             x (GP11: __GP11_TEE_BigIntInit)
 * FROM_OCTET  D preset to 7 (if it has room), res = ConvertFromOctetString
 *             (D, A's bytes, s1 as sign): D
 * TO_OCTET    res = ConvertToOctetString(buf of s2 bytes, &len, A);
 *             scalar = len; on success the len bytes (as a positive number)
 * FROM_S32    ConvertFromS32(D, s1): D
 * TO_S32      v preset to ARITH_S32_SENTINEL, res = ConvertToS32(&v, A);
 *             scalar = v
 * CMP, CMP_S32  scalar = sign of Cmp(A, B) / CmpS32(A, s1)
 * SHIFT_RIGHT ShiftRight(D, A, s2): D
 * GET_BIT     scalar = GetBit(A, s2);  BIT_COUNT  scalar = GetBitCount(A)
 * SET_BIT     D = A, res = SetBit(D, s2, s1 != 0): D
 * ASSIGN, ABS D preset to 7 (if it has room), res = Assign/Abs(D, A): D
 * ADD SUB MUL DIV (Q, R; Q is A with DEST_IS_A), NEG SQUARE (of A),
 * MOD (A mod B),
 * ADD_MOD SUB_MOD MUL_MOD (A, B mod C), SQUARE_MOD INV_MOD (A mod B):
 *             the results
 * EXP_MOD     res = ExpMod(D, A, B, C, NULL or a context for C): D
 * REL_PRIME   scalar = RelativePrime(A, B)
 * EGCD        ComputeExtendedGcd(G, U, V, A, B): G, U, V (unless NULL)
 * IS_PRIME    scalar = IsProbablePrime(A, s2)
 * FMM         context for C (res = InitFMMContext1), a = ToFMM(A),
 *             b = ToFMM(B), p = ComputeFMM(a, b): FromFMM(p),
 *             FMMConvertToBigInt(a)
 */
#ifndef ARITH_TA_H
#define ARITH_TA_H

#include <stdint.h>

/* 7a9aa586-5736-467d-996b-067a8b3b8694 */
/* clang-format off */
#define ARITH_TA_UUID \
	{ 0x7a9aa586, 0x5736, 0x467d, \
		{ 0x99, 0x6b, 0x06, 0x7a, 0x8b, 0x3b, 0x86, 0x94 } }
/* clang-format on */

#define ARITH_CMD_RUN 0

enum arith_op {
	ARITH_OP_SIZES = 1,
	ARITH_OP_INIT,
	ARITH_OP_FROM_OCTET,
	ARITH_OP_TO_OCTET,
	ARITH_OP_FROM_S32,
	ARITH_OP_TO_S32,
	ARITH_OP_CMP,
	ARITH_OP_CMP_S32,
	ARITH_OP_SHIFT_RIGHT,
	ARITH_OP_GET_BIT,
	ARITH_OP_BIT_COUNT,
	ARITH_OP_SET_BIT,
	ARITH_OP_ASSIGN,
	ARITH_OP_ABS,
	ARITH_OP_ADD,
	ARITH_OP_SUB,
	ARITH_OP_NEG,
	ARITH_OP_MUL,
	ARITH_OP_SQUARE,
	ARITH_OP_DIV,
	ARITH_OP_MOD,
	ARITH_OP_ADD_MOD,
	ARITH_OP_SUB_MOD,
	ARITH_OP_MUL_MOD,
	ARITH_OP_SQUARE_MOD,
	ARITH_OP_INV_MOD,
	ARITH_OP_EXP_MOD,
	ARITH_OP_REL_PRIME,
	ARITH_OP_EGCD,
	ARITH_OP_IS_PRIME,
	ARITH_OP_FMM,
	ARITH_OP_END
};

/* Variations of the call (struct arith_req.flags). */
#define ARITH_F_DEST_IS_A 0x1	/* D is A's TEE_BigInt (with D's size) */
#define ARITH_F_DEST_IS_B 0x2	/* D is B's TEE_BigInt (with D's size) */
#define ARITH_F_B_IS_A 0x4	/* B is passed as A's TEE_BigInt */
#define ARITH_F_NULL_1 0x8	/* Q, U, D, buf or INIT's x is NULL */
#define ARITH_F_NULL_2 0x10	/* R, V, or TO_OCTET's &len is NULL */
#define ARITH_F_SAME_OUT 0x20	/* R is Q / U is G */
#define ARITH_F_CTX 0x40	/* EXP_MOD: with a context */
#define ARITH_F_CTX_OTHER 0x80	/* the context is for C + 2 */
#define ARITH_F_CTX_SHORT 0x100 /* the context's len is 1 */
#define ARITH_F_UNINIT_A 0x200	/* A is zeroed memory, never Init'ed */
#define ARITH_F_GP11 0x400	/* the __GP11_ variants (or old FMM init) */

#define ARITH_DEST_DEFAULT 0xFFFFFFFFu
#define ARITH_S32_SENTINEL 0x13579BDF

struct arith_req {
	uint32_t op;
	uint32_t flags;
	uint32_t dest_bits;
	int32_t s1;
	uint32_t s2;
	uint32_t nin; /* at most 3 */
};

struct arith_rsp {
	uint32_t res;
	int32_t scalar;
	uint32_t nout; /* at most 3 */
};

struct arith_num {
	uint32_t neg;
	uint32_t len;
};

#endif
