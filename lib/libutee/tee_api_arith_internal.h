/*
 * What the files of libutee's Arithmetical API share: the TEE_BigInt
 * representation, its conversion to and from mbedTLS's mbedtls_mpi, and
 * the panics. Every public function loads its operands into temporary
 * mpis, computes, then stores the results, so any destination may alias
 * any operand.
 *
 * Layout of a TEE_BigInt of len uint32_t (TEE_BigIntSizeInU32 gives the 2
 * header words):
 *   word 0  ARITH_MAGIC | 1 if negative (zero is never negative)
 *   word 1  capacity in data words (low 16 bits) | used words (high 16)
 *   word 2… magnitude, least significant word first; used words are
 *           significant (the top one non-zero), the rest of the capacity
 *           is zero.
 * The magic makes an uninitialised TEE_BigInt (zeroed or garbage) a panic
 * instead of a silently wrong value.
 */
#ifndef TEE_API_ARITH_INTERNAL_H
#define TEE_API_ARITH_INTERNAL_H

#include <compiler.h>
#include <mbedtls/bignum.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_internal_api.h>

#define ARITH_MAX_BITS 8192
#define ARITH_HDR_WORDS 2
#define ARITH_MAX_WORDS (ARITH_MAX_BITS / 32)
/* Data words per mbedTLS limb (2 on AArch64). */
#define WORDS_PER_LIMB (sizeof(mbedtls_mpi_uint) / sizeof(uint32_t))

/* Ends the TA: code is TEE_ERROR_BAD_PARAMETERS for a programmer error,
 * TEE_ERROR_OVERFLOW for a result too large for its destination,
 * TEE_ERROR_OUT_OF_MEMORY when the heap is exhausted. */
void arith_panic(const char *func, TEE_Result code, const char *why) __noreturn;
#define ARITH_PANIC(why) arith_panic(__func__, TEE_ERROR_BAD_PARAMETERS, why)

/* An mbedTLS status: 0 goes on, anything else panics. */
void arith_check(const char *func, int ret);
#define MPI_CHECK(x) arith_check(__func__, (x))

/* Inits n mpis / frees (and wipes) them. */
void arith_mpi_init(mbedtls_mpi *x, size_t n);
void arith_mpi_free(mbedtls_mpi *x, size_t n);

/* *b's capacity in bits; panics if b is not an initialised TEE_BigInt. */
size_t arith_capacity_bits(const char *func, const TEE_BigInt *b);
/* x (already initialised) = *b; panics as above. */
void arith_load(const char *func, mbedtls_mpi *x, const TEE_BigInt *b);
/* As arith_load, and panics unless the value is at least 2. */
void arith_load_modulus(const char *func, mbedtls_mpi *x, const TEE_BigInt *n);
/* *b = x, or TEE_ERROR_OVERFLOW with *b unchanged if x does not fit. */
TEE_Result arith_store(const char *func, TEE_BigInt *b, const mbedtls_mpi *x);
/* *b = x, panicking (TEE_ERROR_OVERFLOW) if x does not fit. */
void arith_store_or_panic(const char *func, TEE_BigInt *b,
			  const mbedtls_mpi *x);

#define ARITH_LOAD(x, b) arith_load(__func__, (x), (b))
#define ARITH_LOAD_MODULUS(x, n) arith_load_modulus(__func__, (x), (n))
#define ARITH_STORE(b, x) arith_store_or_panic(__func__, (b), (x))

/* x = x mod n (n >= 2), in [0, n-1]. */
void arith_reduce(const char *func, mbedtls_mpi *x, const mbedtls_mpi *n);

/* Panics unless context was initialised for the modulus n
 * (tee_api_arith_fmm.c). */
void arith_check_context(const char *func, const TEE_BigIntFMMContext *context,
			 const mbedtls_mpi *n);

#endif
