/*
 * GP Arithmetical API (§8), part 4: fast modular multiplication (§8.9).
 * FMM values here are ordinary TEE_BigInts reduced modulo n, and a
 * context only records which modulus it was set up for (a magic and a
 * fingerprint of n), so that handing a function the context of another
 * modulus panics instead of being silently accepted.
 */
#include <tee_internal_api.h>

#include "tee_api_arith_internal.h"

#define CTX_WORDS 2
#define CTX_MAGIC 0xF3300C7Bu

/* FNV-1a over n's significant 32-bit words. */
static uint32_t fingerprint(const mbedtls_mpi *n)
{
	size_t words = (mbedtls_mpi_bitlen(n) + 31) / 32;
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < words; i++) {
		h ^= (uint32_t)(n->p[i / WORDS_PER_LIMB] >>
				(32 * (i % WORDS_PER_LIMB)));
		h *= 16777619u;
	}
	return h;
}

void arith_check_context(const char *func, const TEE_BigIntFMMContext *context,
			 const mbedtls_mpi *n)
{
	if (!context)
		arith_panic(func, TEE_ERROR_BAD_PARAMETERS,
			    "NULL TEE_BigIntFMMContext");
	if (context[0] != CTX_MAGIC)
		arith_panic(func, TEE_ERROR_BAD_PARAMETERS,
			    "TEE_BigIntFMMContext not initialised");
	if (context[1] != fingerprint(n))
		arith_panic(func, TEE_ERROR_BAD_PARAMETERS,
			    "TEE_BigIntFMMContext set up for another modulus");
}

size_t TEE_BigIntFMMContextSizeInU32(size_t modulusSizeInBits)
{
	(void)modulusSizeInBits;
	return CTX_WORDS;
}

uint32_t __GP11_TEE_BigIntFMMContextSizeInU32(uint32_t modulusSizeInBits)
{
	(void)modulusSizeInBits;
	return CTX_WORDS;
}

static void init_context(const char *func, TEE_BigIntFMMContext *context,
			 size_t len, const TEE_BigInt *modulus)
{
	mbedtls_mpi n;

	if (!context)
		arith_panic(func, TEE_ERROR_BAD_PARAMETERS,
			    "NULL TEE_BigIntFMMContext");
	if (len < CTX_WORDS)
		arith_panic(func, TEE_ERROR_BAD_PARAMETERS,
			    "len below TEE_BigIntFMMContextSizeInU32()");
	mbedtls_mpi_init(&n);
	arith_load_modulus(func, &n, modulus);
	/* Only the first CTX_WORDS of the caller's len words are used. */
	context[0] = CTX_MAGIC;
	context[1] = fingerprint(&n);
	mbedtls_mpi_free(&n);
}

void TEE_BigIntInitFMMContext(TEE_BigIntFMMContext *context, size_t len,
			      const TEE_BigInt *modulus)
{
	init_context(__func__, context, len, modulus);
}

void __GP11_TEE_BigIntInitFMMContext(TEE_BigIntFMMContext *context,
				     uint32_t len, const TEE_BigInt *modulus)
{
	init_context(__func__, context, len, modulus);
}

/* Every modulus >= 2 is supported: never TEE_ERROR_NOT_SUPPORTED. */
TEE_Result TEE_BigIntInitFMMContext1(TEE_BigIntFMMContext *context, size_t len,
				     const TEE_BigInt *modulus)
{
	init_context(__func__, context, len, modulus);
	return TEE_SUCCESS;
}

/* *dest = op1 * op2 mod n (op2 NULL: op1 mod n) after checking context. */
static void fmm_op(const char *func, TEE_BigInt *dest, const TEE_BigInt *op1,
		   const TEE_BigInt *op2, const TEE_BigInt *n,
		   const TEE_BigIntFMMContext *context)
{
	mbedtls_mpi x[4]; /* op1, op2, n, product */

	arith_mpi_init(x, 4);
	arith_load_modulus(func, &x[2], n);
	arith_check_context(func, context, &x[2]);
	arith_load(func, &x[0], op1);
	if (op2) {
		arith_load(func, &x[1], op2);
		arith_check(func, mbedtls_mpi_mul_mpi(&x[3], &x[0], &x[1]));
		mbedtls_mpi_swap(&x[0], &x[3]);
	}
	arith_reduce(func, &x[0], &x[2]);
	arith_store_or_panic(func, dest, &x[0]);
	arith_mpi_free(x, 4);
}

void TEE_BigIntConvertToFMM(TEE_BigIntFMM *dest, const TEE_BigInt *src,
			    const TEE_BigInt *n,
			    const TEE_BigIntFMMContext *context)
{
	fmm_op(__func__, dest, src, NULL, n, context);
}

void TEE_BigIntConvertFromFMM(TEE_BigInt *dest, const TEE_BigIntFMM *src,
			      const TEE_BigInt *n,
			      const TEE_BigIntFMMContext *context)
{
	fmm_op(__func__, dest, src, NULL, n, context);
}

void TEE_BigIntFMMConvertToBigInt(TEE_BigInt *dest, const TEE_BigIntFMM *src,
				  const TEE_BigInt *n,
				  const TEE_BigIntFMMContext *context)
{
	fmm_op(__func__, dest, src, NULL, n, context);
}

void TEE_BigIntComputeFMM(TEE_BigIntFMM *dest, const TEE_BigIntFMM *op1,
			  const TEE_BigIntFMM *op2, const TEE_BigInt *n,
			  const TEE_BigIntFMMContext *context)
{
	fmm_op(__func__, dest, op1, op2, n, context);
}
