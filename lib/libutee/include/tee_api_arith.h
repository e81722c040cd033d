/*
 * GlobalPlatform TEE Internal Core API v1.3.1, chapter 8: the Arithmetical
 * API (big integers), with the same prototypes as OP-TEE's
 * tee_internal_api.h. Included by tee_internal_api.h; TAs include that.
 *
 * A TEE_BigInt is an array of TEE_BigIntSizeInU32(bits) uint32_t the caller
 * allocates and hands to TEE_BigIntInit first. The arithmetic runs in the
 * TA itself (libutee over mbedTLS's bignum, linked from libmbedtls.a) and
 * allocates its temporaries from the TA heap (TEE_Malloc's): size
 * TA_DATA_SIZE with room for a few operands of the largest size used.
 *
 * Limits and choices (GP leaves them to the implementation):
 *  - at most 8192 bits per TEE_BigInt (TEE_BigIntInit panics beyond that);
 *  - FMM values are ordinary TEE_BigInts (TEE_BigIntFMMSizeInU32 equals
 *    TEE_BigIntSizeInU32) and a context only remembers its modulus, so
 *    TEE_BigIntComputeFMM is TEE_BigIntMulMod;
 *  - every modulus is supported (odd or even), so TEE_BigIntExpMod and
 *    TEE_BigIntInitFMMContext1 never return TEE_ERROR_NOT_SUPPORTED;
 *  - operands of the modular functions outside [0, n-1] are reduced
 *    first (as OP-TEE does) instead of panicking;
 *  - TEE_BigIntShiftRight shifts the magnitude and keeps the sign;
 *    TEE_BigIntDiv rounds the quotient toward zero and gives the remainder
 *    op1's sign; TEE_BigIntGetBit/GetBitCount/SetBit see the magnitude;
 *  - TEE_BigIntIsProbablePrime tests |op| with Miller-Rabin (random bases,
 *    confidenceLevel / 2 rounds, at least 40); above 512 it answers -1
 *    unless it finds op composite;
 *  - TEE_BigIntComputeExtendedGcd gives the u, v of the classic extended
 *    Euclidean algorithm on |op1|, |op2|, with op1's and op2's signs
 *    applied: they fit in a TEE_BigInt as large as the larger operand.
 *
 * The TA panics (TEE_Panic) on: a NULL or uninitialised TEE_BigInt or
 * context, a len out of range, a result that does not fit its destination
 * (for the functions returning void), a modulus below 2, a zero divisor,
 * TEE_BigIntInvMod of a value with no inverse, a negative exponent,
 * TEE_BigIntComputeExtendedGcd of (0, 0) or with aliased outputs,
 * TEE_BigIntDiv with dest_q == dest_r, and an FMM context that was
 * initialised for another modulus. The functions returning TEE_Result
 * report TEE_ERROR_OVERFLOW / TEE_ERROR_SHORT_BUFFER instead, as GP says.
 */
#ifndef RAMPART_TEE_API_ARITH_H
#define RAMPART_TEE_API_ARITH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_api_types.h>

#ifndef TEE_BigIntSizeInU32
#define TEE_BigIntSizeInU32(n) ((((n) + 31) / 32) + 2)
#endif

/* §8.2 Memory allocation and size of objects */
size_t TEE_BigIntFMMSizeInU32(size_t modulusSizeInBits);
uint32_t __GP11_TEE_BigIntFMMSizeInU32(uint32_t modulusSizeInBits);
size_t TEE_BigIntFMMContextSizeInU32(size_t modulusSizeInBits);
uint32_t __GP11_TEE_BigIntFMMContextSizeInU32(uint32_t modulusSizeInBits);

/* §8.3 Initialization functions */
void TEE_BigIntInit(TEE_BigInt *bigInt, size_t len);
void __GP11_TEE_BigIntInit(TEE_BigInt *bigInt, uint32_t len);
void TEE_BigIntInitFMMContext(TEE_BigIntFMMContext *context, size_t len,
			      const TEE_BigInt *modulus);
void __GP11_TEE_BigIntInitFMMContext(TEE_BigIntFMMContext *context,
				     uint32_t len, const TEE_BigInt *modulus);
TEE_Result TEE_BigIntInitFMMContext1(TEE_BigIntFMMContext *context, size_t len,
				     const TEE_BigInt *modulus);
void TEE_BigIntInitFMM(TEE_BigIntFMM *bigIntFMM, size_t len);
void __GP11_TEE_BigIntInitFMM(TEE_BigIntFMM *bigIntFMM, uint32_t len);

/* §8.4 Converter functions */
TEE_Result TEE_BigIntConvertFromOctetString(TEE_BigInt *dest,
					    const uint8_t *buffer,
					    size_t bufferLen, int32_t sign);
TEE_Result __GP11_TEE_BigIntConvertFromOctetString(TEE_BigInt *dest,
						   const uint8_t *buffer,
						   uint32_t bufferLen,
						   int32_t sign);
TEE_Result TEE_BigIntConvertToOctetString(uint8_t *buffer, size_t *bufferLen,
					  const TEE_BigInt *bigInt);
TEE_Result __GP11_TEE_BigIntConvertToOctetString(uint8_t *buffer,
						 uint32_t *bufferLen,
						 const TEE_BigInt *bigInt);
void TEE_BigIntConvertFromS32(TEE_BigInt *dest, int32_t shortVal);
TEE_Result TEE_BigIntConvertToS32(int32_t *dest, const TEE_BigInt *src);

/* §8.5 Logical operations */
int32_t TEE_BigIntCmp(const TEE_BigInt *op1, const TEE_BigInt *op2);
int32_t TEE_BigIntCmpS32(const TEE_BigInt *op, int32_t shortVal);
void TEE_BigIntShiftRight(TEE_BigInt *dest, const TEE_BigInt *op, size_t bits);
void __GP11_TEE_BigIntShiftRight(TEE_BigInt *dest, const TEE_BigInt *op,
				 uint32_t bits);
bool TEE_BigIntGetBit(const TEE_BigInt *src, uint32_t bitIndex);
uint32_t TEE_BigIntGetBitCount(const TEE_BigInt *src);
TEE_Result TEE_BigIntSetBit(TEE_BigInt *op, uint32_t bitIndex, bool value);
TEE_Result TEE_BigIntAssign(TEE_BigInt *dest, const TEE_BigInt *src);
TEE_Result TEE_BigIntAbs(TEE_BigInt *dest, const TEE_BigInt *src);

/* §8.6 Basic arithmetic operations */
void TEE_BigIntAdd(TEE_BigInt *dest, const TEE_BigInt *op1,
		   const TEE_BigInt *op2);
void TEE_BigIntSub(TEE_BigInt *dest, const TEE_BigInt *op1,
		   const TEE_BigInt *op2);
void TEE_BigIntNeg(TEE_BigInt *dest, const TEE_BigInt *op);
void TEE_BigIntMul(TEE_BigInt *dest, const TEE_BigInt *op1,
		   const TEE_BigInt *op2);
void TEE_BigIntSquare(TEE_BigInt *dest, const TEE_BigInt *op);
/* Either destination may be NULL. */
void TEE_BigIntDiv(TEE_BigInt *dest_q, TEE_BigInt *dest_r,
		   const TEE_BigInt *op1, const TEE_BigInt *op2);

/* §8.7 Modular arithmetic operations */
void TEE_BigIntMod(TEE_BigInt *dest, const TEE_BigInt *op, const TEE_BigInt *n);
void TEE_BigIntAddMod(TEE_BigInt *dest, const TEE_BigInt *op1,
		      const TEE_BigInt *op2, const TEE_BigInt *n);
void TEE_BigIntSubMod(TEE_BigInt *dest, const TEE_BigInt *op1,
		      const TEE_BigInt *op2, const TEE_BigInt *n);
void TEE_BigIntMulMod(TEE_BigInt *dest, const TEE_BigInt *op1,
		      const TEE_BigInt *op2, const TEE_BigInt *n);
void TEE_BigIntSquareMod(TEE_BigInt *dest, const TEE_BigInt *op,
			 const TEE_BigInt *n);
void TEE_BigIntInvMod(TEE_BigInt *dest, const TEE_BigInt *op,
		      const TEE_BigInt *n);
/* context: NULL or initialised for n. */
TEE_Result TEE_BigIntExpMod(TEE_BigInt *dest, const TEE_BigInt *op1,
			    const TEE_BigInt *op2, const TEE_BigInt *n,
			    const TEE_BigIntFMMContext *context);

/* §8.8 Other arithmetic operations */
bool TEE_BigIntRelativePrime(const TEE_BigInt *op1, const TEE_BigInt *op2);
/* u and v may be NULL. */
void TEE_BigIntComputeExtendedGcd(TEE_BigInt *gcd, TEE_BigInt *u, TEE_BigInt *v,
				  const TEE_BigInt *op1, const TEE_BigInt *op2);
/* 1: probably prime, 0: composite, -1: cannot tell at that confidence. */
int32_t TEE_BigIntIsProbablePrime(const TEE_BigInt *op,
				  uint32_t confidenceLevel);

/* §8.9 Fast modular multiplication operations */
void TEE_BigIntConvertToFMM(TEE_BigIntFMM *dest, const TEE_BigInt *src,
			    const TEE_BigInt *n,
			    const TEE_BigIntFMMContext *context);
void TEE_BigIntConvertFromFMM(TEE_BigInt *dest, const TEE_BigIntFMM *src,
			      const TEE_BigInt *n,
			      const TEE_BigIntFMMContext *context);
/* The GP 1.0 name of TEE_BigIntConvertFromFMM. */
void TEE_BigIntFMMConvertToBigInt(TEE_BigInt *dest, const TEE_BigIntFMM *src,
				  const TEE_BigInt *n,
				  const TEE_BigIntFMMContext *context);
void TEE_BigIntComputeFMM(TEE_BigIntFMM *dest, const TEE_BigIntFMM *op1,
			  const TEE_BigIntFMM *op2, const TEE_BigInt *n,
			  const TEE_BigIntFMMContext *context);

/* GP 1.1 TAs get the uint32_t-length variants under the plain names (as
 * in OP-TEE, TEE_BigIntInit keeps its name). */
#if __OPTEE_CORE_API_COMPAT_1_1
#define TEE_BigIntFMMSizeInU32 __GP11_TEE_BigIntFMMSizeInU32
#define TEE_BigIntFMMContextSizeInU32 __GP11_TEE_BigIntFMMContextSizeInU32
#define TEE_BigIntInitFMMContext __GP11_TEE_BigIntInitFMMContext
#define TEE_BigIntInitFMM __GP11_TEE_BigIntInitFMM
#define TEE_BigIntConvertFromOctetString __GP11_TEE_BigIntConvertFromOctetString
#define TEE_BigIntConvertToOctetString __GP11_TEE_BigIntConvertToOctetString
#define TEE_BigIntShiftRight __GP11_TEE_BigIntShiftRight
#endif

#endif
