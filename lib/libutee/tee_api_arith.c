/*
 * GP Arithmetical API (§8), part 1: the TEE_BigInt representation (see
 * tee_api_arith_internal.h), sizes, initialisation, conversions,
 * comparisons and bit operations.
 */
#include <string.h>
#include <tee_internal_api.h>
#include <trace.h>

#include "tee_api_arith_internal.h"

#define ARITH_MAGIC 0xB1610000u
#define ARITH_MAGIC_MASK 0xFFFFFFFEu
#define ARITH_NEG 1u

void arith_panic(const char *func, TEE_Result code, const char *why)
{
	EMSG("%s: %s", func, why);
	TEE_Panic(code);
}

void arith_check(const char *func, int ret)
{
	if (!ret)
		return;
	if (ret == MBEDTLS_ERR_MPI_ALLOC_FAILED)
		arith_panic(func, TEE_ERROR_OUT_OF_MEMORY,
			    "out of TA heap for temporaries");
	EMSG("%s: mbedTLS error -0x%04x", func, (unsigned int)-ret);
	TEE_Panic(TEE_ERROR_GENERIC);
}

void arith_mpi_init(mbedtls_mpi *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mbedtls_mpi_init(x + i);
}

void arith_mpi_free(mbedtls_mpi *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mbedtls_mpi_free(x + i);
}

static uint32_t capacity_words(const TEE_BigInt *b)
{
	return b[1] & 0xFFFF;
}

static uint32_t used_words(const TEE_BigInt *b)
{
	return b[1] >> 16;
}

static void check_bigint(const char *func, const TEE_BigInt *b)
{
	if (!b)
		arith_panic(func, TEE_ERROR_BAD_PARAMETERS, "NULL TEE_BigInt");
	if ((b[0] & ARITH_MAGIC_MASK) != ARITH_MAGIC ||
	    capacity_words(b) > ARITH_MAX_WORDS ||
	    used_words(b) > capacity_words(b))
		arith_panic(func, TEE_ERROR_BAD_PARAMETERS,
			    "TEE_BigInt not initialised by TEE_BigIntInit");
}

size_t arith_capacity_bits(const char *func, const TEE_BigInt *b)
{
	check_bigint(func, b);
	return (size_t)capacity_words(b) * 32;
}

void arith_load(const char *func, mbedtls_mpi *x, const TEE_BigInt *b)
{
	uint32_t used;

	check_bigint(func, b);
	used = used_words(b);
	arith_check(func, mbedtls_mpi_lset(x, 0));
	arith_check(func, mbedtls_mpi_grow(x, (used + WORDS_PER_LIMB - 1) /
						      WORDS_PER_LIMB));
	for (uint32_t i = 0; i < used; i++)
		x->p[i / WORDS_PER_LIMB] |=
			(mbedtls_mpi_uint)b[ARITH_HDR_WORDS + i]
			<< (32 * (i % WORDS_PER_LIMB));
	if ((b[0] & ARITH_NEG) && mbedtls_mpi_cmp_int(x, 0))
		x->s = -1;
}

void arith_load_modulus(const char *func, mbedtls_mpi *x, const TEE_BigInt *n)
{
	arith_load(func, x, n);
	if (mbedtls_mpi_cmp_int(x, 2) < 0)
		arith_panic(func, TEE_ERROR_BAD_PARAMETERS,
			    "modulus smaller than 2");
}

TEE_Result arith_store(const char *func, TEE_BigInt *b, const mbedtls_mpi *x)
{
	size_t words = (mbedtls_mpi_bitlen(x) + 31) / 32;
	uint32_t old_used;

	check_bigint(func, b);
	if (words > capacity_words(b))
		return TEE_ERROR_OVERFLOW;
	old_used = used_words(b);
	for (size_t i = 0; i < words; i++)
		b[ARITH_HDR_WORDS + i] =
			(uint32_t)(x->p[i / WORDS_PER_LIMB] >>
				   (32 * (i % WORDS_PER_LIMB)));
	/* No stale words of an earlier, longer value stay behind. */
	for (size_t i = words; i < old_used; i++)
		b[ARITH_HDR_WORDS + i] = 0;
	b[0] = ARITH_MAGIC | (x->s < 0 && words ? ARITH_NEG : 0);
	b[1] = capacity_words(b) | (uint32_t)words << 16;
	return TEE_SUCCESS;
}

void arith_store_or_panic(const char *func, TEE_BigInt *b, const mbedtls_mpi *x)
{
	if (arith_store(func, b, x))
		arith_panic(func, TEE_ERROR_OVERFLOW,
			    "result does not fit its destination");
}

void arith_reduce(const char *func, mbedtls_mpi *x, const mbedtls_mpi *n)
{
	mbedtls_mpi t;

	mbedtls_mpi_init(&t);
	arith_check(func, mbedtls_mpi_mod_mpi(&t, x, n));
	mbedtls_mpi_swap(x, &t);
	mbedtls_mpi_free(&t);
}

/* --- §8.2 sizes, §8.3 initialisation --- */

size_t TEE_BigIntFMMSizeInU32(size_t modulusSizeInBits)
{
	return TEE_BigIntSizeInU32(modulusSizeInBits);
}

uint32_t __GP11_TEE_BigIntFMMSizeInU32(uint32_t modulusSizeInBits)
{
	return TEE_BigIntSizeInU32(modulusSizeInBits);
}

void TEE_BigIntInit(TEE_BigInt *bigInt, size_t len)
{
	if (!bigInt)
		ARITH_PANIC("NULL TEE_BigInt");
	if (len < ARITH_HDR_WORDS)
		ARITH_PANIC("len below TEE_BigIntSizeInU32(0)");
	if (len - ARITH_HDR_WORDS > ARITH_MAX_WORDS)
		ARITH_PANIC("len above TEE_BigIntSizeInU32(8192)");
	memset(bigInt, 0, len * sizeof(uint32_t));
	bigInt[0] = ARITH_MAGIC;
	bigInt[1] = (uint32_t)(len - ARITH_HDR_WORDS);
}

void __GP11_TEE_BigIntInit(TEE_BigInt *bigInt, uint32_t len)
{
	TEE_BigIntInit(bigInt, len);
}

void TEE_BigIntInitFMM(TEE_BigIntFMM *bigIntFMM, size_t len)
{
	TEE_BigIntInit(bigIntFMM, len);
}

void __GP11_TEE_BigIntInitFMM(TEE_BigIntFMM *bigIntFMM, uint32_t len)
{
	TEE_BigIntInit(bigIntFMM, len);
}

/* --- §8.4 conversions --- */

TEE_Result TEE_BigIntConvertFromOctetString(TEE_BigInt *dest,
					    const uint8_t *buffer,
					    size_t bufferLen, int32_t sign)
{
	size_t cap = arith_capacity_bits(__func__, dest) / 8;
	TEE_Result res;
	mbedtls_mpi x;

	if (bufferLen && !buffer)
		ARITH_PANIC("NULL buffer");
	/* Leading zeros are not significant; too many other bytes cannot
	 * fit, which spares reading an arbitrarily long buffer. */
	while (bufferLen && !*buffer) {
		buffer++;
		bufferLen--;
	}
	if (bufferLen > cap)
		return TEE_ERROR_OVERFLOW;
	mbedtls_mpi_init(&x);
	MPI_CHECK(mbedtls_mpi_read_binary(&x, buffer, bufferLen));
	if (sign < 0)
		x.s = -1;
	res = arith_store(__func__, dest, &x);
	mbedtls_mpi_free(&x);
	return res;
}

TEE_Result __GP11_TEE_BigIntConvertFromOctetString(TEE_BigInt *dest,
						   const uint8_t *buffer,
						   uint32_t bufferLen,
						   int32_t sign)
{
	return TEE_BigIntConvertFromOctetString(dest, buffer, bufferLen, sign);
}

TEE_Result TEE_BigIntConvertToOctetString(uint8_t *buffer, size_t *bufferLen,
					  const TEE_BigInt *bigInt)
{
	TEE_Result res = TEE_SUCCESS;
	mbedtls_mpi x;
	size_t need;

	if (!bufferLen)
		ARITH_PANIC("NULL bufferLen");
	mbedtls_mpi_init(&x);
	ARITH_LOAD(&x, bigInt);
	need = mbedtls_mpi_size(&x);
	if (need > *bufferLen) {
		res = TEE_ERROR_SHORT_BUFFER;
	} else if (need) {
		if (!buffer)
			ARITH_PANIC("NULL buffer");
		MPI_CHECK(mbedtls_mpi_write_binary(&x, buffer, need));
	}
	*bufferLen = need;
	mbedtls_mpi_free(&x);
	return res;
}

TEE_Result __GP11_TEE_BigIntConvertToOctetString(uint8_t *buffer,
						 uint32_t *bufferLen,
						 const TEE_BigInt *bigInt)
{
	size_t len;
	TEE_Result res;

	if (!bufferLen)
		ARITH_PANIC("NULL bufferLen");
	len = *bufferLen;
	res = TEE_BigIntConvertToOctetString(buffer, &len, bigInt);
	*bufferLen = (uint32_t)len; /* at most 1024 bytes */
	return res;
}

void TEE_BigIntConvertFromS32(TEE_BigInt *dest, int32_t shortVal)
{
	mbedtls_mpi x;

	mbedtls_mpi_init(&x);
	MPI_CHECK(mbedtls_mpi_lset(&x, shortVal));
	ARITH_STORE(dest, &x);
	mbedtls_mpi_free(&x);
}

TEE_Result TEE_BigIntConvertToS32(int32_t *dest, const TEE_BigInt *src)
{
	TEE_Result res = TEE_ERROR_OVERFLOW;
	uint32_t mag = 0;
	mbedtls_mpi x;

	if (!dest)
		ARITH_PANIC("NULL dest");
	mbedtls_mpi_init(&x);
	ARITH_LOAD(&x, src);
	if (mbedtls_mpi_bitlen(&x) <= 32) {
		if (x.n)
			mag = (uint32_t)x.p[0];
		if (x.s > 0 && mag <= INT32_MAX) {
			*dest = (int32_t)mag;
			res = TEE_SUCCESS;
		} else if (x.s < 0 && mag <= (uint32_t)INT32_MAX + 1) {
			*dest = (int32_t)(-(int64_t)mag);
			res = TEE_SUCCESS;
		}
	}
	mbedtls_mpi_free(&x);
	return res;
}

/* --- §8.5 logical operations --- */

int32_t TEE_BigIntCmp(const TEE_BigInt *op1, const TEE_BigInt *op2)
{
	mbedtls_mpi x[2];
	int32_t r;

	arith_mpi_init(x, 2);
	ARITH_LOAD(&x[0], op1);
	ARITH_LOAD(&x[1], op2);
	r = mbedtls_mpi_cmp_mpi(&x[0], &x[1]);
	arith_mpi_free(x, 2);
	return r;
}

int32_t TEE_BigIntCmpS32(const TEE_BigInt *op, int32_t shortVal)
{
	mbedtls_mpi x;
	int32_t r;

	mbedtls_mpi_init(&x);
	ARITH_LOAD(&x, op);
	r = mbedtls_mpi_cmp_int(&x, shortVal);
	mbedtls_mpi_free(&x);
	return r;
}

void TEE_BigIntShiftRight(TEE_BigInt *dest, const TEE_BigInt *op, size_t bits)
{
	mbedtls_mpi x;

	mbedtls_mpi_init(&x);
	ARITH_LOAD(&x, op);
	if (bits >= mbedtls_mpi_bitlen(&x))
		MPI_CHECK(mbedtls_mpi_lset(&x, 0));
	else
		MPI_CHECK(mbedtls_mpi_shift_r(&x, bits));
	ARITH_STORE(dest, &x);
	mbedtls_mpi_free(&x);
}

void __GP11_TEE_BigIntShiftRight(TEE_BigInt *dest, const TEE_BigInt *op,
				 uint32_t bits)
{
	TEE_BigIntShiftRight(dest, op, bits);
}

bool TEE_BigIntGetBit(const TEE_BigInt *src, uint32_t bitIndex)
{
	mbedtls_mpi x;
	bool bit;

	mbedtls_mpi_init(&x);
	ARITH_LOAD(&x, src);
	bit = mbedtls_mpi_get_bit(&x, bitIndex);
	mbedtls_mpi_free(&x);
	return bit;
}

uint32_t TEE_BigIntGetBitCount(const TEE_BigInt *src)
{
	mbedtls_mpi x;
	uint32_t n;

	mbedtls_mpi_init(&x);
	ARITH_LOAD(&x, src);
	n = (uint32_t)mbedtls_mpi_bitlen(&x);
	mbedtls_mpi_free(&x);
	return n;
}

TEE_Result TEE_BigIntSetBit(TEE_BigInt *op, uint32_t bitIndex, bool value)
{
	TEE_Result res;
	mbedtls_mpi x;

	if (bitIndex >= arith_capacity_bits(__func__, op))
		return TEE_ERROR_OVERFLOW;
	mbedtls_mpi_init(&x);
	ARITH_LOAD(&x, op);
	MPI_CHECK(mbedtls_mpi_set_bit(&x, bitIndex, value));
	res = arith_store(__func__, op, &x);
	mbedtls_mpi_free(&x);
	return res;
}

TEE_Result TEE_BigIntAssign(TEE_BigInt *dest, const TEE_BigInt *src)
{
	TEE_Result res;
	mbedtls_mpi x;

	mbedtls_mpi_init(&x);
	ARITH_LOAD(&x, src);
	res = arith_store(__func__, dest, &x);
	mbedtls_mpi_free(&x);
	return res;
}

TEE_Result TEE_BigIntAbs(TEE_BigInt *dest, const TEE_BigInt *src)
{
	TEE_Result res;
	mbedtls_mpi x;

	mbedtls_mpi_init(&x);
	ARITH_LOAD(&x, src);
	x.s = 1;
	res = arith_store(__func__, dest, &x);
	mbedtls_mpi_free(&x);
	return res;
}
